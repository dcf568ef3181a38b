import { screen, within } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import { ValueHistoryChart, ValueHistoryFragment } from './ValueHistoryChart';

const report = makeFragmentData(
  {
    history: [
      { referenceDate: '2024-01-01', value: 300000 },
      { referenceDate: '2025-01-01', value: 320000 },
      { referenceDate: '2026-01-01', value: 345000 },
    ],
  },
  ValueHistoryFragment,
);

describe('ValueHistoryChart', () => {
  it('is a figure with a summarised image and a table of every value', () => {
    const ref = createRef<HTMLElement>();
    renderWithIntl(<ValueHistoryChart ref={ref} report={report} className="extra" />);
    const figure = screen.getByRole('figure', {
      name: 'De WOZ-waarde van uw woning door de jaren heen',
    });
    expect(figure).toHaveClass('loket-chart', 'extra');
    expect(ref.current).toBe(figure);
    const image = within(figure).getByRole('img');
    expect(image).toHaveAccessibleName(
      /WOZ-waarde van €\s300\.000 \(2024\) tot €\s345\.000 \(2026\)/,
    );
    expect(image.querySelectorAll('rect')).toHaveLength(3);
    const table = within(figure).getByRole('table', { name: 'WOZ-waarde per jaar' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toHaveTextContent(/1 januari 2026€\s345\.000/);
  });
});
