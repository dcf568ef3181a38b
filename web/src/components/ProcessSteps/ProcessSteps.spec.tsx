import { screen, within } from '@testing-library/react';
import { createRef } from 'react';

import { renderWithIntl } from '../../test/render';
import { ProcessSteps } from './ProcessSteps';

describe('ProcessSteps', () => {
  it('lists the steps in order, marks the current one and says each state', () => {
    const ref = createRef<HTMLOListElement>();
    renderWithIntl(
      <ProcessSteps
        ref={ref}
        className="extra"
        aria-label="Voortgang"
        steps={[
          { id: 'a', title: 'Ontvangen', status: 'checked', date: '1 december' },
          { id: 'b', title: 'In behandeling', status: 'current', meta: '3 dagen' },
          { id: 'c', title: 'Besluit', status: 'not-checked' },
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Voortgang' });
    expect(list.tagName).toBe('OL');
    expect(list).toHaveClass('loket-process-steps', 'extra');
    expect(ref.current).toBe(list);
    const steps = within(list).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      'Klaar: Ontvangen1 december',
      '2Nu: In behandeling3 dagen',
      '3Nog te doen: Besluit',
    ]);
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(steps[0]).not.toHaveAttribute('aria-current');
    expect(steps[2]).toHaveClass('loket-process-steps__step--not-checked');
  });
});
