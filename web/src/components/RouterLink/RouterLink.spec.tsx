import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { MemoryRouter } from 'react-router';

import { RouterLink } from './RouterLink';

describe('RouterLink', () => {
  it('renders a link with the NL Design System class, the given class and a ref', () => {
    const ref = createRef<HTMLAnchorElement>();
    render(
      <MemoryRouter>
        <RouterLink ref={ref} to="/mijn/zaken" className="extra">
          Mijn zaken
        </RouterLink>
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Mijn zaken' });
    expect(link).toHaveAttribute('href', '/mijn/zaken');
    expect(link).toHaveClass('utrecht-link', 'extra');
    expect(ref.current).toBe(link);
  });
});
