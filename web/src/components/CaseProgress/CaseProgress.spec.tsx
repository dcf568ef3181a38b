import { screen, within } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import { CaseProgress, CaseProgressFragment, stepsAhead } from './CaseProgress';

const statuses = [
  {
    code: 'received',
    name: 'Ontvangen',
    explanation: 'We hebben het.',
    end: false,
    next: ['in-review', 'awaiting-information', 'advice-requested'],
  },
  {
    code: 'in-review',
    name: 'In behandeling',
    explanation: 'We kijken.',
    end: false,
    next: ['awaiting-information', 'advice-requested'],
  },
  {
    code: 'awaiting-information',
    name: 'Aanvulling nodig',
    explanation: 'Stuur meer.',
    end: false,
    next: ['in-review'],
  },
  {
    code: 'advice-requested',
    name: 'Advies gevraagd',
    explanation: 'Advies.',
    end: false,
    next: ['in-review'],
  },
  { code: 'decided', name: 'Besluit genomen', explanation: 'Klaar.', end: true, next: [] },
];

describe('stepsAhead', () => {
  it('follows the main path and leaves side steps out', () => {
    expect(stepsAhead(statuses, 'received').map((s) => s.code)).toEqual(['in-review', 'decided']);
    expect(stepsAhead(statuses, 'in-review').map((s) => s.code)).toEqual(['decided']);
    expect(stepsAhead(statuses, 'awaiting-information').map((s) => s.code)).toEqual(['decided']);
  });
});

describe('CaseProgress', () => {
  it('shows steps done, the current one with its days, and the decision expected', () => {
    const ref = createRef<HTMLOListElement>();
    const data = makeFragmentData(
      {
        status: {
          code: 'in-review',
          name: 'In behandeling',
          explanation: 'We kijken.',
          since: '2026-11-30T09:00:00Z',
          daysInStep: 4,
          end: false,
        },
        timeline: [
          { code: 'received', name: 'Ontvangen', at: '2026-11-28T09:00:00Z', explanation: null },
          {
            code: 'in-review',
            name: 'In behandeling',
            at: '2026-11-30T09:00:00Z',
            explanation: 'Uw plan is compleet.',
          },
        ],
        expectedCompletion: '2027-01-23',
        caseType: { statuses },
      },
      CaseProgressFragment,
    );
    renderWithIntl(<CaseProgress ref={ref} case={data} />);
    const list = screen.getByRole('list', { name: 'Stappen van uw aanvraag' });
    expect(ref.current).toBe(list);
    const steps = within(list).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[0]).toHaveTextContent('Klaar: Ontvangen');
    expect(steps[0]).toHaveTextContent('28 november 2026');
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(steps[1]).toHaveTextContent('Al 4 dagen in deze stap');
    expect(steps[1]).toHaveTextContent('Uw plan is compleet.');
    expect(steps[2]).toHaveTextContent('Nog te doen: Besluit genomen');
    expect(steps[2]).toHaveTextContent('Verwacht uiterlijk 23 januari 2027');
  });
});
