import { render, screen } from '@testing-library/react';
import { createRef } from 'react';

import { PageTitle } from './PageTitle';

describe('PageTitle', () => {
  it('is the level-1 heading, names the document and forwards its ref', () => {
    const ref = createRef<HTMLHeadingElement>();
    render(
      <PageTitle ref={ref} className="extra">
        Mijn zaken
      </PageTitle>,
    );
    const heading = screen.getByRole('heading', { level: 1, name: 'Mijn zaken' });
    expect(heading).toHaveClass('utrecht-heading-1', 'loket-page-title', 'extra');
    expect(ref.current).toBe(heading);
    expect(document.title).toBe('Mijn zaken');
  });

  it('takes the focus when shown after another page', () => {
    const first = render(<PageTitle>Eerste</PageTitle>);
    first.unmount();
    render(<PageTitle>Tweede</PageTitle>);
    expect(screen.getByRole('heading', { name: 'Tweede' })).toHaveFocus();
  });
});
