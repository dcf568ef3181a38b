import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { Intl, renderWithIntl } from '../../test/render';
import { SlotFields } from './SlotFields';

const times = [{ start: '2026-12-08T08:30:00Z', end: '2026-12-08T08:40:00Z' }];

describe('SlotFields', () => {
  it('offers the days with room, and a new day clears the time chosen', async () => {
    const days: string[] = [];
    const starts: string[] = [];
    renderWithIntl(
      <SlotFields
        days={['2026-12-08', '2026-12-10']}
        times={times}
        day="2026-12-08"
        onDay={(d) => days.push(d)}
        start={times[0]?.start ?? ''}
        onStart={(s) => starts.push(s)}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Dag' });
    expect(screen.getByRole('option', { name: 'dinsdag 8 december 2026' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '09:30' })).toBeChecked();
    await userEvent.selectOptions(select, '2026-12-10');
    expect(days).toEqual(['2026-12-10']);
    expect(starts).toEqual(['']);
  });

  it('says so when no day has room', () => {
    renderWithIntl(
      <SlotFields
        days={[]}
        times={undefined}
        day=""
        onDay={() => undefined}
        start=""
        onStart={() => undefined}
      />,
    );
    expect(screen.getByText(/geen tijd vrij op deze plek/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('shows no times before a day is chosen, and the error at the times', () => {
    const { rerender } = renderWithIntl(
      <SlotFields
        days={['2026-12-08']}
        times={times}
        day=""
        onDay={() => undefined}
        start=""
        onStart={() => undefined}
      />,
    );
    expect(screen.queryByRole('group', { name: 'Tijd' })).toBeNull();
    rerender(
      <Intl>
        <SlotFields
          days={['2026-12-08']}
          times={times}
          day="2026-12-08"
          onDay={() => undefined}
          start=""
          onStart={() => undefined}
          error="Kies een dag en een tijd."
        />
      </Intl>,
    );
    expect(screen.getByRole('group', { name: 'Tijd' })).toHaveAccessibleDescription(
      'Kies een dag en een tijd.',
    );
  });
});
