export { ReportSummary, ReportSummaryFragment, type ReportSummaryProps } from './ReportSummary';
