export {
  ReportField,
  ReportFieldFragment,
  localToRfc3339,
  type ReportFieldProps,
} from './ReportField';
