export { PAGE_PARAM, PageLinks, type PageLinksProps } from './PageLinks';
