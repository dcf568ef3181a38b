import { screen, within } from '@testing-library/react';

import { renderWithIntl } from '../../../test/render';
import { ComparisonChart } from './ComparisonChart';

describe('ComparisonChart', () => {
  it('draws the compared figures and lists every figure with its standing', () => {
    const { container } = renderWithIntl(
      <ComparisonChart
        title="Vergelijking"
        description="Per maat het eigen percentage tegenover de deelnemers."
        figures={[
          {
            label: 'Opgelost in het eerste contact',
            own: 50,
            standing: 'COMPARED',
            rank: 3,
            participants: 5,
            spread: { lowerQuartile: 50, median: 50, upperQuartile: 66.7 },
            named: [
              { name: 'Gemeente Haarlem', percentage: 66.7 },
              { name: 'Gemeente Enschede', percentage: 50 },
            ],
          },
          {
            label: 'Telefoon binnen de eigen norm opgenomen',
            own: 75,
            standing: 'TOO_FEW_PARTICIPANTS',
            rank: null,
            participants: 4,
            spread: null,
            named: [],
          },
        ]}
      />,
    );
    const labels = (selector: string) =>
      Array.from(container.querySelectorAll(`g.${selector} [aria-label]`), (node) =>
        node.getAttribute('aria-label'),
      );
    // Only the compared figure is drawn: the own value, the named ones, the median and band.
    expect(labels('loket-plot-current')).toEqual([
      'Opgelost in het eerste contact, Eigen gemeente: 50%',
    ]);
    expect(labels('loket-plot-previous')).toEqual([
      'Opgelost in het eerste contact, Middelste helft (kwartielen): 50% – 66,7%',
    ]);
    expect(labels('loket-plot-target')).toEqual([
      'Opgelost in het eerste contact, Mediaan: 50%',
      'Opgelost in het eerste contact, Gemeente Haarlem: 66,7%',
      'Opgelost in het eerste contact, Gemeente Enschede: 50%',
    ]);
    expect(container.querySelector('svg style')).toBeNull();
    const table = screen.getByRole('table', { name: 'Vergelijking' });
    const fcr = within(table).getByRole('row', { name: /eerste contact/ });
    expect(fcr).toHaveTextContent('3 van 5');
    expect(fcr).toHaveTextContent('50% / 50% / 66,7%');
    expect(fcr).toHaveTextContent('Gemeente Haarlem 66,7%');
    const phone = within(table).getByRole('row', { name: /Telefoon/ });
    expect(phone).toHaveTextContent('75%');
    expect(phone).toHaveTextContent('Niet vergeleken: te weinig deelnemers');
  });
});
