import { render, screen } from '@testing-library/react';
import { createRef } from 'react';

import { Field } from './Field';

describe('Field', () => {
  it('ties the input to its label, help and error', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <Field
        ref={ref}
        label="Omschrijving"
        description="Kort graag"
        error="Te lang"
        className="extra"
      >
        {({ invalid, ...control }) => <input {...control} data-invalid={invalid} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Omschrijving' });
    expect(input).toHaveAccessibleDescription('Te lang Kort graag');
    expect(input).toBeInvalid();
    expect(ref.current).toHaveClass('utrecht-form-field', 'utrecht-form-field--invalid', 'extra');
  });

  it('is valid without an error', () => {
    render(
      <Field label="Naam">
        {({ invalid, ...control }) => <input {...control} data-invalid={invalid} />}
      </Field>,
    );
    expect(screen.getByRole('textbox', { name: 'Naam' })).toBeValid();
  });
});
