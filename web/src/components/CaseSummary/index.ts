export { CaseSummary, CaseSummaryFragment, type CaseSummaryProps } from './CaseSummary';
