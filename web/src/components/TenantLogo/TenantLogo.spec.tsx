import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { renderWithRouter } from '../../test/render';
import { TenantLogo } from './TenantLogo';

describe('TenantLogo', () => {
  it('links the logo image home, named after the municipality', () => {
    const ref = createRef<HTMLAnchorElement>();
    renderWithRouter(
      <TenantLogo ref={ref} name="Gemeente Enschede" logo="/_theme/enschede/logo.svg" />,
    );
    const link = screen.getByRole('link', { name: 'Gemeente Enschede, naar de startpagina' });
    expect(link).toHaveAttribute('href', '/');
    expect(link).toHaveClass('utrecht-link', 'loket-logo');
    expect(ref.current).toBe(link);
    expect(screen.getByRole('img')).toHaveAttribute('src', '/_theme/enschede/logo.svg');
  });

  it('shows the name as text without a logo', () => {
    renderWithRouter(<TenantLogo name="Gemeente Dordrecht" logo={null} />);
    expect(
      screen.getByRole('link', { name: 'Gemeente Dordrecht, naar de startpagina' }),
    ).toHaveTextContent('Gemeente Dordrecht');
  });
});
