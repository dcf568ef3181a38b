import { forwardRef } from 'react';
import { Link, type LinkProps } from 'react-router';

export type RouterLinkProps = LinkProps;

/** A link inside the app, styled as an NL Design System link. */
export const RouterLink = forwardRef<HTMLAnchorElement, RouterLinkProps>(function RouterLink(
  { className, ...props },
  ref,
) {
  return (
    <Link
      ref={ref}
      className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')}
      {...props}
    />
  );
});
