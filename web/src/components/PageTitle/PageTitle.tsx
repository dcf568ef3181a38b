import { Heading1 } from '@utrecht/component-library-react';
import { forwardRef, useEffect, useImperativeHandle, useRef, type HTMLAttributes } from 'react';

import { useTenantName } from '../../hooks/useTenantName';

/** Whether the app has shown a page before (a later page is a navigation inside the app). */
let shownBefore = false;

export interface PageTitleProps extends HTMLAttributes<HTMLHeadingElement> {
  /** The page's name, for the heading and the browser's title. */
  children: string;
}

/**
 * A page's main heading. It names the browser tab after the page and the municipality, and
 * after a navigation inside the app it takes the focus, so that screen readers announce the
 * new page and the keyboard starts there.
 */
export const PageTitle = forwardRef<HTMLHeadingElement, PageTitleProps>(function PageTitle(
  { children, className, ...props },
  ref,
) {
  const heading = useRef<HTMLHeadingElement>(null);
  useImperativeHandle(ref, () => heading.current as HTMLHeadingElement);
  const tenantName = useTenantName();
  useEffect(() => {
    document.title = tenantName ? `${children} – ${tenantName}` : children;
  }, [children, tenantName]);
  useEffect(() => {
    if (shownBefore) heading.current?.focus();
    shownBefore = true;
  }, []);
  return (
    <Heading1
      ref={heading}
      tabIndex={-1}
      className={['loket-page-title', className].filter(Boolean).join(' ')}
      {...props}
    >
      {children}
    </Heading1>
  );
});
