import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithRouter } from '../../test/render';
import { CaseSummary, CaseSummaryFragment } from './CaseSummary';

describe('CaseSummary', () => {
  it('names the case type, links to the case and says where it stands', () => {
    const ref = createRef<HTMLElement>();
    const data = makeFragmentData(
      {
        reference: 'ENS-2026-000123',
        caseType: { name: 'Omgevingsvergunning bouwen' },
        status: { name: 'In behandeling', end: false },
        submittedAt: '2026-11-28T09:00:00Z',
        expectedCompletion: '2027-01-23',
        decision: null,
      },
      CaseSummaryFragment,
    );
    renderWithRouter(<CaseSummary ref={ref} case={data} className="extra" />);
    const article = screen.getByRole('article', { name: 'Omgevingsvergunning bouwen' });
    expect(article).toHaveClass('loket-case-summary', 'extra');
    expect(ref.current).toBe(article);
    expect(screen.getByRole('link', { name: 'Omgevingsvergunning bouwen' })).toHaveAttribute(
      'href',
      '/mijn/zaken/ENS-2026-000123',
    );
    expect(article).toHaveTextContent('In behandeling');
    expect(article).toHaveTextContent('23 januari 2027');
  });
});
