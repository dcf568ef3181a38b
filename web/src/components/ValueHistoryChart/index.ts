export {
  ValueHistoryChart,
  ValueHistoryFragment,
  type ValueHistoryChartProps,
} from './ValueHistoryChart';
