export { PRODUCT_CHANNELS, ProductChannelName } from './ProductChannelName';
