import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import { ReportSummary, ReportSummaryFragment } from './ReportSummary';

const open = {
  reference: 'ENS-2026-000042',
  category: { name: 'Straatverlichting kapot' },
  status: { name: 'Ingepland', explanation: 'Het werk is ingepland.' },
  createdAt: '2026-12-01T09:00:00Z',
  expectedBy: '2026-12-15',
  closedAt: null,
  outcome: null,
};

describe('ReportSummary', () => {
  it('shows an open report’s reference, status with its text and expected date', () => {
    const ref = createRef<HTMLElement>();
    renderWithIntl(
      <ReportSummary
        ref={ref}
        className="extra"
        report={makeFragmentData(open, ReportSummaryFragment)}
      />,
    );
    const article = screen.getByRole('article', { name: 'Straatverlichting kapot' });
    expect(article).toHaveClass('loket-report-summary', 'extra');
    expect(ref.current).toBe(article);
    expect(article).toHaveTextContent('ENS-2026-000042');
    expect(article).toHaveTextContent('Ingepland');
    expect(article).toHaveTextContent('Het werk is ingepland.');
    expect(article).toHaveTextContent('Gemeld op1 december 2026');
    expect(article).toHaveTextContent('Verwacht klaar uiterlijk15 december 2026');
  });

  it('shows how an ended report ended, and when', () => {
    renderWithIntl(
      <ReportSummary
        report={makeFragmentData(
          {
            ...open,
            status: { name: 'Afgehandeld', explanation: 'Uw melding is afgehandeld.' },
            closedAt: '2026-12-05T14:00:00Z',
            outcome: { name: 'Opgelost' },
          },
          ReportSummaryFragment,
        )}
      />,
    );
    const article = screen.getByRole('article');
    expect(article).toHaveTextContent('Afgehandeld op5 december 2026');
    expect(article).toHaveTextContent('UitkomstOpgelost');
    expect(article).not.toHaveTextContent('Verwacht');
  });
});
