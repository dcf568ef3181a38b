export { ProductChecks, type ProductChecksProps } from './ProductChecks';
