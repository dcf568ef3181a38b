export {
  AppointmentStatusName,
  AppointmentSummary,
  AppointmentSummaryFragment,
  type AppointmentSummaryProps,
} from './AppointmentSummary';
