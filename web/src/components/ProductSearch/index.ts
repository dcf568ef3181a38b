export { ProductSearch, type ProductSearchProps } from './ProductSearch';
