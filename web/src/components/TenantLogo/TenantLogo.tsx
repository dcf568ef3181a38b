import { forwardRef } from 'react';
import { useIntl } from 'react-intl';

import { RouterLink, type RouterLinkProps } from '../RouterLink';

export interface TenantLogoProps extends Omit<RouterLinkProps, 'to' | 'children'> {
  /** The municipality's name: the logo's text, or its alternative text. */
  name: string;
  /** The logo image's URL, if the municipality has one. */
  logo: string | null;
}

/** The municipality's logo (or its name), linking to the start page. */
export const TenantLogo = forwardRef<HTMLAnchorElement, TenantLogoProps>(function TenantLogo(
  { name, logo, className, ...props },
  ref,
) {
  const intl = useIntl();
  const label = intl.formatMessage(
    {
      id: 'logo.home',
      defaultMessage: '{name}, naar de startpagina',
      description: 'Accessible name of the logo link to the start page',
    },
    { name },
  );
  return (
    <RouterLink
      ref={ref}
      to="/"
      className={['loket-logo', className].filter(Boolean).join(' ')}
      {...props}
    >
      {logo ? (
        <img className="loket-logo__image" src={logo} alt={label} />
      ) : (
        <span className="loket-logo__text">
          <span className="loket-visually-hidden">{label}</span>
          <span aria-hidden="true">{name}</span>
        </span>
      )}
    </RouterLink>
  );
});
