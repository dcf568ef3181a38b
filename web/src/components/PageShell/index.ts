export { PageShell, type NavItem, type PageShellProps } from './PageShell';
