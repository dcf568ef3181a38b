import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { renderWithIntl } from '../../test/render';
import { Loading } from './Loading';

describe('Loading', () => {
  it('is a status message with its class and ref', () => {
    const ref = createRef<HTMLParagraphElement>();
    renderWithIntl(<Loading ref={ref} className="extra" />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Even geduld');
    expect(status).toHaveClass('utrecht-paragraph', 'loket-loading', 'extra');
    expect(ref.current).toBe(status);
  });
});
