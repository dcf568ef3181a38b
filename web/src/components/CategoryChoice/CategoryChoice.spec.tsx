import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import { CategoryChoice, CategoryChoiceFragment } from './CategoryChoice';

const categories = [
  ['zwerfafval', 'Zwerfafval', 'afval', 'Afval', 'Losliggend afval op straat.'],
  ['container-vol', 'Container vol of kapot', 'afval', 'Afval', 'Een container is vol.'],
  ['boom', 'Boom of takken', 'groen-en-water', 'Groen en water', 'Een omgevallen boom.'],
].map(([code, name, group, groupName, description]) =>
  makeFragmentData(
    { code, name, group, groupName, description } as {
      code: string;
      name: string;
      group: string;
      groupName: string;
      description: string;
    },
    CategoryChoiceFragment,
  ),
);

describe('CategoryChoice', () => {
  it('groups the categories under their main category, each with what it is for', async () => {
    const ref = createRef<HTMLFieldSetElement>();
    const chosen: string[] = [];
    renderWithIntl(
      <CategoryChoice
        ref={ref}
        className="extra"
        legend="Waar gaat uw melding over?"
        categories={categories}
        value="boom"
        onChange={(c) => chosen.push(c)}
      />,
    );
    const all = screen.getByRole('group', { name: 'Waar gaat uw melding over?' });
    expect(all).toHaveClass('loket-category-choice', 'extra');
    expect(ref.current).toBe(all);
    const waste = screen.getByRole('group', { name: 'Afval' });
    expect(waste).toContainElement(screen.getByRole('radio', { name: 'Zwerfafval' }));
    expect(screen.getByRole('group', { name: 'Groen en water' })).toContainElement(
      screen.getByRole('radio', { name: 'Boom of takken' }),
    );
    expect(screen.getByRole('radio', { name: 'Boom of takken' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Zwerfafval' })).toHaveAccessibleDescription(
      'Losliggend afval op straat.',
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Container vol of kapot' }));
    expect(chosen).toEqual(['container-vol']);
  });
});
