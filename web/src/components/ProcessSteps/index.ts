export {
  ProcessSteps,
  STEP_STATUSES,
  type ProcessStep,
  type ProcessStepsProps,
  type StepStatus,
} from './ProcessSteps';
