export { DATE_KINDS, DateText, type DateKind, type DateTextProps } from './DateText';
