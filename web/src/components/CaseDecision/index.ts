export { CaseDecision, CaseDecisionFragment, type CaseDecisionProps } from './CaseDecision';
