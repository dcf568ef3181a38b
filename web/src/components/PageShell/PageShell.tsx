import { PageContent, PageFooter, PageHeader } from '@utrecht/component-library-react';
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NavLink } from 'react-router';

import { ChannelList, type ChannelListProps } from '../ChannelList';
import { LanguageSwitch } from '../LanguageSwitch';
import { TenantLogo } from '../TenantLogo';

export interface NavItem {
  to: string;
  label: ReactNode;
  /** Current only on this very path, not below it (a start page). */
  end?: boolean;
}

export interface PageShellProps extends HTMLAttributes<HTMLDivElement> {
  name: string;
  logo: string | null;
  /** The product's name beside the logo, for example "Mijn Loket". */
  product: ReactNode;
  /** The municipality, for its channels and opening hours in the footer. */
  tenant: ChannelListProps['tenant'];
  languages: readonly string[];
  locale: string;
  onLocaleChange: (locale: string) => void;
  /** The main menu. */
  navigation: readonly NavItem[];
  /** Log in or out. */
  account: ReactNode;
  /**
   * Beside the page, kept in view (the console's channels and opening hours); without it,
   * the channels are in the footer.
   */
  aside?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every page: a skip link, the municipality's header with the main menu,
 * language and login, the page itself in `<main>`, and the contact channels in the footer.
 */
export const PageShell = forwardRef<HTMLDivElement, PageShellProps>(function PageShell(
  {
    name,
    logo,
    product,
    tenant,
    languages,
    locale,
    onLocaleChange,
    navigation,
    account,
    aside,
    children,
    className,
    ...props
  },
  ref,
) {
  const intl = useIntl();
  return (
    <div
      ref={ref}
      className={['utrecht-document', 'loket-shell', className].filter(Boolean).join(' ')}
      {...props}
    >
      {/* Utrecht's SkipLink wraps the link in a paragraph that takes room; its classes suffice. */}
      <a
        href="#main"
        className="utrecht-skip-link utrecht-skip-link--visible-on-focus loket-skip-link"
      >
        <FormattedMessage
          id="shell.skip"
          defaultMessage="Direct naar de inhoud"
          description="Skip link to the page's main content"
        />
      </a>
      <PageHeader className="loket-header">
        <div className="loket-header__bar">
          <TenantLogo name={name} logo={logo} />
          <span className="loket-header__product">{product}</span>
          <div className="loket-header__tools">
            <LanguageSwitch languages={languages} current={locale} onChange={onLocaleChange} />
            {account}
          </div>
        </div>
        {navigation.length > 0 && (
          <nav
            className="loket-nav"
            aria-label={intl.formatMessage({
              id: 'shell.menu',
              defaultMessage: 'Hoofdmenu',
              description: 'Accessible name of the main menu',
            })}
          >
            <ul className="loket-nav__list">
              {navigation.map((item) => (
                <li key={item.to} className="loket-nav__item">
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      ['utrecht-link', 'loket-nav__link', isActive && 'loket-nav__link--current']
                        .filter(Boolean)
                        .join(' ')
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </PageHeader>
      <PageContent
        className={['loket-content', aside && 'loket-content--aside'].filter(Boolean).join(' ')}
      >
        <main id="main" tabIndex={-1} className="loket-main">
          {children}
        </main>
        {aside && <aside className="loket-aside">{aside}</aside>}
      </PageContent>
      {!aside && (
        <PageFooter className="loket-footer">
          <div className="loket-footer__inner">
            <ChannelList tenant={tenant} />
          </div>
        </PageFooter>
      )}
    </div>
  );
});
