export {
  CaseProgress,
  CaseProgressFragment,
  stepsAhead,
  type CaseProgressProps,
} from './CaseProgress';
