import { Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

import { SPACE } from '../../format';
import { getFragmentData, graphql, type FragmentType } from '../../gql';

export const ChannelListFragment = graphql(`
  fragment ChannelList_Tenant on Tenant {
    channels {
      kind
      contact
      appointmentOnly
      openingHours {
        fromDay
        toDay
        opens
        closes
      }
    }
  }
`);

export const CHANNEL_KINDS = [
  'phone',
  'email',
  'counter',
  'online',
  'chat',
  'letter',
  'social-media',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface ChannelListProps extends HTMLAttributes<HTMLElement> {
  tenant: FragmentType<typeof ChannelListFragment>;
}

function KindName({ kind }: { kind: string }) {
  const known = (CHANNEL_KINDS as readonly string[]).includes(kind) ? (kind as ChannelKind) : null;
  switch (known) {
    case 'phone':
      return (
        <FormattedMessage id="channel.phone" defaultMessage="Telefoon" description="Channel" />
      );
    case 'email':
      return <FormattedMessage id="channel.email" defaultMessage="E-mail" description="Channel" />;
    case 'counter':
      return <FormattedMessage id="channel.counter" defaultMessage="Balie" description="Channel" />;
    case 'online':
      return <FormattedMessage id="channel.online" defaultMessage="Online" description="Channel" />;
    case 'chat':
      return <FormattedMessage id="channel.chat" defaultMessage="Chat" description="Channel" />;
    case 'letter':
      return <FormattedMessage id="channel.letter" defaultMessage="Post" description="Channel" />;
    case 'social-media':
      return (
        <FormattedMessage
          id="channel.socialMedia"
          defaultMessage="Sociale media"
          description="Channel"
        />
      );
    case null:
      return <span>{kind}</span>;
    default: {
      const unreachable: never = known;
      return unreachable;
    }
  }
}

/** A weekday's name in the app's language (1 January 2024 was a Monday). */
function useDayName(): (day: string) => string {
  const intl = useIntl();
  return (day) => {
    const index = DAYS.indexOf(day as (typeof DAYS)[number]);
    if (index < 0) return day;
    return intl.formatDate(Date.UTC(2024, 0, 1 + index, 12), { weekday: 'long', timeZone: 'UTC' });
  };
}

/**
 * How to reach the municipality and when: every channel with the opening hours from the
 * municipality's configuration, so that every channel tells the same hours.
 */
export const ChannelList = forwardRef<HTMLElement, ChannelListProps>(function ChannelList(
  { tenant, className, ...props },
  ref,
) {
  const { channels } = getFragmentData(ChannelListFragment, tenant);
  const heading = useId();
  const dayName = useDayName();
  return (
    <section
      ref={ref}
      aria-labelledby={heading}
      className={['loket-channels', className].filter(Boolean).join(' ')}
      {...props}
    >
      <Heading2 id={heading}>
        <FormattedMessage
          id="channels.heading"
          defaultMessage="Contact en openingstijden"
          description="Heading above the contact channels"
        />
      </Heading2>
      <ul className="loket-channels__list">
        {channels.map((channel) => (
          <li key={`${channel.kind}-${channel.contact}`} className="loket-channels__item">
            <strong className="loket-channels__kind">
              <KindName kind={channel.kind} />
            </strong>
            {SPACE}
            {channel.contact.startsWith('https://') ? (
              <Link href={channel.contact}>{channel.contact}</Link>
            ) : (
              <span>{channel.contact}</span>
            )}
            {channel.openingHours.length > 0 && (
              <ul className="loket-channels__hours">
                {channel.openingHours.map((h) => (
                  <li key={`${h.fromDay}-${h.toDay}-${h.opens}`}>
                    <FormattedMessage
                      id="channels.hours"
                      defaultMessage="{days}: {opens} tot {closes} uur"
                      description="Opening hours on a range of days, for example 'maandag t/m vrijdag: 08:00 tot 17:00 uur'"
                      values={{
                        days:
                          h.fromDay === h.toDay ? (
                            dayName(h.fromDay)
                          ) : (
                            <FormattedMessage
                              id="channels.dayRange"
                              defaultMessage="{from} tot en met {to}"
                              description="A range of weekdays"
                              values={{ from: dayName(h.fromDay), to: dayName(h.toDay) }}
                            />
                          ),
                        opens: h.opens,
                        closes: h.closes,
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
            {channel.appointmentOnly && (
              <Paragraph className="loket-channels__note">
                <FormattedMessage
                  id="channels.appointmentOnly"
                  defaultMessage="Alleen op afspraak."
                  description="The channel serves by appointment only"
                />
              </Paragraph>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
});
