import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { ProductChecks } from './ProductChecks';

const products = [
  { code: 'paspoort', name: 'Paspoort' },
  { code: 'rijbewijs', name: 'Rijbewijs' },
];

describe('ProductChecks', () => {
  it('ticks the chosen products and reports the next choice', async () => {
    const onChange = vi.fn();
    render(
      <ProductChecks
        products={products}
        selected={new Set(['paspoort'])}
        onChange={onChange}
        idPrefix="p"
      />,
    );
    expect(screen.getByLabelText('Paspoort')).toBeChecked();
    expect(screen.getByLabelText('Rijbewijs')).not.toBeChecked();
    await userEvent.click(screen.getByLabelText('Rijbewijs'));
    expect(onChange).toHaveBeenLastCalledWith(new Set(['paspoort', 'rijbewijs']));
    await userEvent.click(screen.getByLabelText('Paspoort'));
    expect(onChange).toHaveBeenLastCalledWith(new Set());
  });
});
