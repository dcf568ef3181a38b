export {
  ComparablesFragment,
  ComparablesPlot,
  DIRECTIONS,
  direction,
  offset,
  type ComparablesPlotProps,
  type Direction,
} from './ComparablesPlot';
