import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';

import { renderWithIntl } from '../../test/render';
import { LanguageSwitch } from './LanguageSwitch';

describe('LanguageSwitch', () => {
  it('offers each language as a toggle button named in that language', async () => {
    const ref = createRef<HTMLElement>();
    const chosen: string[] = [];
    renderWithIntl(
      <LanguageSwitch
        ref={ref}
        languages={['nl', 'en']}
        current="nl"
        onChange={(l) => chosen.push(l)}
        className="extra"
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'Taal' });
    expect(nav).toHaveClass('loket-language-switch', 'extra');
    expect(ref.current).toBe(nav);
    expect(screen.getByRole('button', { name: 'Nederlands' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const english = screen.getByRole('button', { name: 'English' });
    expect(english).toHaveAttribute('lang', 'en');
    expect(english).toHaveAttribute('type', 'button');
    await userEvent.click(english);
    expect(chosen).toEqual(['en']);
  });

  it('shows nothing for a single language', () => {
    renderWithIntl(<LanguageSwitch languages={['nl']} current="nl" onChange={() => undefined} />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
