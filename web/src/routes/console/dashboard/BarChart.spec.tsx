import { screen, within } from '@testing-library/react';

import { renderWithIntl } from '../../../test/render';
import { BarChart } from './BarChart';

describe('BarChart', () => {
  it('labels every bar and says the same in its table', () => {
    const { container } = renderWithIntl(
      <BarChart
        title="Servicenormen"
        description="Per norm het gehaalde aandeel."
        unit="percent"
        periods={{ current: 'maart 2025', previous: 'maart 2024' }}
        labelHeading="Norm"
        targetHeading="Streefwaarde"
        bars={[
          { label: 'Telefoon', current: 75, previous: 50, target: 80 },
          { label: 'E-mail', current: 100, previous: null, target: null },
        ]}
      />,
    );
    const labels = Array.from(
      container.querySelectorAll('g.loket-plot-current [aria-label]'),
      (node) => node.getAttribute('aria-label'),
    );
    expect(labels).toEqual(['Telefoon, maart 2025: 75%', 'E-mail, maart 2025: 100%']);
    expect(container.querySelector('svg style')).toBeNull();
    const table = screen.getByRole('table', { name: 'Servicenormen' });
    const phone = within(table).getByRole('row', { name: /Telefoon/ });
    expect(phone).toHaveTextContent('75%');
    expect(phone).toHaveTextContent('80%');
    expect(phone).toHaveTextContent('+25 procentpunt');
    expect(within(table).getByRole('row', { name: /E-mail/ })).toHaveTextContent('–');
  });
});
