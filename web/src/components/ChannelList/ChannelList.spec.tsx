import { screen, within } from '@testing-library/react';
import { createRef } from 'react';

import { makeFragmentData } from '../../gql';
import { renderWithIntl } from '../../test/render';
import { ChannelList, ChannelListFragment } from './ChannelList';

const tenant = makeFragmentData(
  {
    channels: [
      {
        kind: 'phone',
        contact: '14 053',
        appointmentOnly: false,
        openingHours: [{ fromDay: 'mon', toDay: 'fri', opens: '08:00', closes: '17:00' }],
      },
      {
        kind: 'counter',
        contact: 'Stadskantoor',
        appointmentOnly: true,
        openingHours: [{ fromDay: 'thu', toDay: 'thu', opens: '17:00', closes: '20:00' }],
      },
      {
        kind: 'online',
        contact: 'https://www.enschede.example/loket',
        appointmentOnly: false,
        openingHours: [],
      },
    ],
  },
  ChannelListFragment,
);

describe('ChannelList', () => {
  it('is a section named by its heading, with its class and ref', () => {
    const ref = createRef<HTMLElement>();
    renderWithIntl(<ChannelList ref={ref} tenant={tenant} className="extra" />);
    const section = screen.getByRole('region', { name: 'Contact en openingstijden' });
    expect(section).toHaveClass('loket-channels', 'extra');
    expect(ref.current).toBe(section);
  });

  it('shows every channel with the configured hours in words', () => {
    renderWithIntl(<ChannelList tenant={tenant} />);
    const items = screen
      .getAllByRole('listitem')
      .filter((li) => li.className === 'loket-channels__item');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Telefoon 14 053');
    expect(items[0]).toHaveTextContent('maandag tot en met vrijdag: 08:00 tot 17:00 uur');
    expect(items[1]).toHaveTextContent('donderdag: 17:00 tot 20:00 uur');
    expect(items[1]).toHaveTextContent('Alleen op afspraak.');
    expect(within(items[2] as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      'https://www.enschede.example/loket',
    );
  });
});
