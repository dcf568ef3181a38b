import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import { CaseDecision, CaseDecisionFragment } from './CaseDecision';

describe('CaseDecision', () => {
  it('is a region named after the outcome, with date and explanation', () => {
    const ref = createRef<HTMLElement>();
    const decision = makeFragmentData(
      {
        name: 'Verleend',
        effect: 'POSITIVE',
        explanation: 'Uw plan past.',
        decidedAt: '2026-12-01T10:00:00Z',
      },
      CaseDecisionFragment,
    );
    renderWithIntl(<CaseDecision ref={ref} decision={decision} className="extra" />);
    const region = screen.getByRole('region', { name: 'Besluit: Verleend' });
    expect(region).toHaveClass('utrecht-alert', 'utrecht-alert--ok', 'loket-decision', 'extra');
    expect(ref.current).toBe(region);
    expect(region).toHaveTextContent('Genomen op 1 december 2026.');
    expect(region).toHaveTextContent('Uw plan past.');
  });
});
