import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import {
  AppointmentStatusName,
  AppointmentSummary,
  AppointmentSummaryFragment,
} from './AppointmentSummary';

const appointment = makeFragmentData(
  {
    reference: 'A-7K3Q9XZ',
    location: 'stadskantoor',
    start: '2026-12-08T08:30:00Z',
    end: '2026-12-08T08:45:00Z',
    persons: 2,
    status: 'BOOKED',
    products: [
      { code: 'paspoort', name: 'Paspoort' },
      { code: 'identiteitskaart', name: null },
    ],
  },
  AppointmentSummaryFragment,
);

describe('AppointmentSummary', () => {
  it('shows when, where, what for and for how many, with a ref and class', () => {
    const ref = createRef<HTMLDListElement>();
    renderWithIntl(
      <AppointmentSummary
        ref={ref}
        className="extra"
        appointment={appointment}
        locationName="Stadskantoor"
      />,
    );
    expect(screen.getByText('A-7K3Q9XZ')).toBeInTheDocument();
    expect(screen.getByText(/8 december 2026.*09:30/)).toBeInTheDocument();
    expect(screen.getByText(/tot 09:45/)).toBeInTheDocument();
    expect(screen.getByText('Stadskantoor')).toBeInTheDocument();
    expect(screen.getByText('Paspoort, identiteitskaart')).toBeInTheDocument();
    expect(screen.getByText('2')).toBeInTheDocument();
    expect(screen.getByText('Gepland')).toBeInTheDocument();
    expect(ref.current).toHaveClass('loket-facts', 'extra');
  });

  it('falls back to the location code', () => {
    renderWithIntl(<AppointmentSummary appointment={appointment} />);
    expect(screen.getByText('stadskantoor')).toBeInTheDocument();
  });

  it('names every status', () => {
    const statuses = [
      'BOOKED',
      'CHECKED_IN',
      'CALLED',
      'COMPLETED',
      'NO_SHOW',
      'CANCELLED',
    ] as const;
    renderWithIntl(
      <ul>
        {statuses.map((s) => (
          <li key={s}>
            <AppointmentStatusName status={s} />
          </li>
        ))}
      </ul>,
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Gepland',
      'Aangemeld',
      'Opgeroepen',
      'Afgerond',
      'Niet gekomen',
      'Geannuleerd',
    ]);
  });
});
