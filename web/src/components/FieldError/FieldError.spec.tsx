import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { renderWithIntl } from '../../test/render';
import { FieldError } from './FieldError';

describe('FieldError', () => {
  it("introduces Loket's message and marks its language", () => {
    const ref = createRef<HTMLSpanElement>();
    renderWithIntl(<FieldError ref={ref} message="no address with this id" className="extra" />);
    expect(ref.current).toHaveTextContent('Dit klopt niet: no address with this id');
    expect(ref.current).toHaveClass('loket-field-error', 'extra');
    expect(screen.getByText('no address with this id')).toHaveAttribute('lang', 'en');
  });
});
