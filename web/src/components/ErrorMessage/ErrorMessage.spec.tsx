import { screen } from '@testing-library/react';
import { createRef } from 'react';

import {
  ConflictError,
  InternalError,
  NetworkError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../errors';
import { renderWithIntl } from '../../test/render';
import { ErrorMessage } from './ErrorMessage';

describe('ErrorMessage', () => {
  it('is an alert named by its heading, with its class and ref', () => {
    const ref = createRef<HTMLDivElement>();
    renderWithIntl(<ErrorMessage ref={ref} error={new InternalError('boom')} className="x" />);
    const alert = screen.getByRole('alert', { name: 'Dat ging niet goed' });
    expect(alert).toHaveClass('utrecht-alert', 'loket-error-message', 'x');
    expect(ref.current).toBe(alert);
    expect(alert).toHaveTextContent('Dat ligt niet aan u');
    expect(alert).not.toHaveTextContent('boom');
  });

  it.each([
    [new ConflictError('key in use'), 'Er gaat niets dubbel'],
    [new RateLimitedError('slow down'), 'Wacht een minuut'],
    [new UnauthenticatedError(), 'Log opnieuw in'],
    [new NetworkError('offline'), 'geen verbinding'],
  ])('explains %s in plain words', (error, words) => {
    renderWithIntl(<ErrorMessage error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent(words);
  });
});
