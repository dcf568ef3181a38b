import { screen } from '@testing-library/react';
import { createRef } from 'react';

import { renderWithIntl } from '../../test/render';
import { DateText } from './DateText';

describe('DateText', () => {
  it('shows a calendar date in Dutch in a time element with a ref', () => {
    const ref = createRef<HTMLTimeElement>();
    renderWithIntl(<DateText ref={ref} value="2026-12-04" className="extra" />);
    const time = screen.getByText('4 december 2026');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2026-12-04');
    expect(time).toHaveClass('loket-date', 'extra');
    expect(ref.current).toBe(time);
  });

  it('shows a moment in Amsterdam time', () => {
    renderWithIntl(<DateText value="2026-07-01T08:30:00Z" kind="datetime" />);
    expect(screen.getByText(/1 juli 2026.*10:30/)).toBeInTheDocument();
  });
});
