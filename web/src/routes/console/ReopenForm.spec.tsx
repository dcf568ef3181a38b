import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { answeringClient } from '../../test/client';
import { renderWithClient } from '../../test/render';
import { CaseActions } from './CaseActions';
import type { StaffCase } from './staffCase';

function staffCase(over: {
  end: boolean;
  decide: boolean;
  position: StaffCase['position'];
}): StaffCase {
  return {
    id: 'Q2FzZTox',
    reference: 'ENS-2026-000042',
    version: 4,
    position: over.position,
    status: { code: over.end ? 'afgehandeld' : 'gemeld', name: 'Afgehandeld', end: over.end },
    handler: null,
    caseType: {
      name: 'Losse of kapotte bestrating',
      department: 'wegbeheer',
      suspensionMaxDays: 0,
      extensionMaxDays: 0,
      statuses: [],
      outcomes: [],
    },
    permissions: { update: false, decide: over.decide, addNote: false, assign: false },
  } as unknown as StaffCase;
}

const handlers = { onConflict: () => undefined, onChanged: () => undefined };
const here = { lat: 52.2, lon: 6.9 };

describe('reopening a report', () => {
  it('is offered for an ended report to whoever may decide it, and sends the version', async () => {
    const { client, asked } = answeringClient(() => ({
      data: { reopenCase: { case: { __typename: 'Case', id: 'Q2FzZTox', version: 5 } } },
    }));
    const changed: number[] = [];
    renderWithClient(
      <CaseActions
        case={staffCase({ end: true, decide: true, position: here })}
        me="medewerker"
        onConflict={() => undefined}
        onChanged={() => changed.push(1)}
      />,
      client,
    );
    const form = screen.getByRole('form', { name: 'Heropenen' });
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Uitleg voor de melders (niet verplicht)' }),
      'De tegel ligt er weer los.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Melding heropenen' }));
    await waitFor(() => expect(changed).toEqual([1]));
    expect(form).toBeInTheDocument();
    expect(asked[0]?.variables).toEqual({
      input: {
        caseId: 'Q2FzZTox',
        expectedVersion: 4,
        publicExplanation: 'De tegel ligt er weer los.',
      },
    });
  });

  it('is not offered for an open report, an ended application, or without the right to decide', () => {
    const { client } = answeringClient(() => ({ data: {} }));
    for (const c of [
      staffCase({ end: false, decide: true, position: here }),
      staffCase({ end: true, decide: true, position: null }),
      staffCase({ end: true, decide: false, position: here }),
    ]) {
      const { unmount } = renderWithClient(
        <CaseActions case={c} me="medewerker" {...handlers} />,
        client,
      );
      expect(screen.queryByRole('form', { name: 'Heropenen' })).toBeNull();
      unmount();
    }
  });
});
