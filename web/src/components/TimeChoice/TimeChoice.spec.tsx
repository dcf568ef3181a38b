import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';

import { renderWithIntl } from '../../test/render';
import { TimeChoice } from './TimeChoice';

const times = [
  { start: '2026-12-08T08:30:00Z', end: '2026-12-08T08:40:00Z' },
  { start: '2026-12-08T08:40:00Z', end: '2026-12-08T08:50:00Z' },
];

describe('TimeChoice', () => {
  it('offers each free time in Amsterdam time under its legend, with a ref and class', () => {
    const ref = createRef<HTMLFieldSetElement>();
    renderWithIntl(
      <TimeChoice
        ref={ref}
        legend="Tijd"
        className="extra"
        times={times}
        value={times[1]?.start ?? ''}
        onChange={() => undefined}
      />,
    );
    const group = screen.getByRole('group', { name: 'Tijd' });
    expect(group).toHaveClass('loket-times', 'extra');
    expect(ref.current).toBe(group);
    expect(screen.getByRole('radio', { name: '09:30' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: '09:40' })).toBeChecked();
  });

  it('reports the start chosen', async () => {
    const chosen: string[] = [];
    renderWithIntl(
      <TimeChoice legend="Tijd" times={times} value="" onChange={(s) => chosen.push(s)} />,
    );
    await userEvent.click(screen.getByRole('radio', { name: '09:30' }));
    expect(chosen).toEqual(['2026-12-08T08:30:00Z']);
  });

  it('says so when there is no time, and shows its error', () => {
    renderWithIntl(
      <TimeChoice
        legend="Tijd"
        times={[]}
        value=""
        onChange={() => undefined}
        empty="Geen tijd vrij"
        error="Kies een tijd."
      />,
    );
    expect(screen.getByText('Geen tijd vrij')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByRole('group', { name: 'Tijd' })).toHaveAccessibleDescription(
      'Kies een tijd.',
    );
  });
});
