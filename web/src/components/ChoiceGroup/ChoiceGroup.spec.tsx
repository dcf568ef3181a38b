import { render, screen } from '@testing-library/react';
import { createRef } from 'react';

import { ChoiceGroup } from './ChoiceGroup';

describe('ChoiceGroup', () => {
  it('is a group named by its legend and described by its error', () => {
    const ref = createRef<HTMLFieldSetElement>();
    render(
      <ChoiceGroup ref={ref} legend="Wat vraagt u aan?" error="Kies er een" className="extra">
        <label>
          <input type="checkbox" /> Paspoort
        </label>
      </ChoiceGroup>,
    );
    const group = screen.getByRole('group', { name: 'Wat vraagt u aan?' });
    expect(group).toHaveAccessibleDescription('Kies er een');
    expect(group).toHaveClass('utrecht-form-fieldset', 'utrecht-form-fieldset--invalid', 'extra');
    expect(ref.current).toBe(group);
  });
});
