import { defineMessages, useIntl } from 'react-intl';

import type { ContactMomentChannel } from '../../gql/graphql';

/** The channels a contact can come in on, in the order the console offers them. */
export const CONTACT_CHANNELS: readonly ContactMomentChannel[] = [
  'PHONE',
  'COUNTER',
  'EMAIL',
  'CHAT',
  'WEB_FORM',
  'LETTER',
  'SOCIAL_MEDIA',
];

/** Channels where the resident waits on the line: the waiting time is asked. */
export const LIVE_CHANNELS: readonly ContactMomentChannel[] = ['PHONE', 'CHAT'];

/** Channels where a written question arrives first: when it came in is asked. */
export const WRITTEN_CHANNELS: readonly ContactMomentChannel[] = ['EMAIL', 'WEB_FORM'];

const CHANNEL_NAMES = defineMessages<ContactMomentChannel>({
  PHONE: { id: 'channel.phone', defaultMessage: 'Telefoon', description: 'Channel' },
  EMAIL: { id: 'channel.email', defaultMessage: 'E-mail', description: 'Channel' },
  COUNTER: { id: 'channel.counter', defaultMessage: 'Balie', description: 'Channel' },
  WEB_FORM: {
    id: 'console.channel.webForm',
    defaultMessage: 'Webformulier',
    description: 'Channel',
  },
  CHAT: { id: 'channel.chat', defaultMessage: 'Chat', description: 'Channel' },
  LETTER: { id: 'channel.letter', defaultMessage: 'Post', description: 'Channel' },
  SOCIAL_MEDIA: {
    id: 'channel.socialMedia',
    defaultMessage: 'Sociale media',
    description: 'Channel',
  },
});

/** A contact channel's name, as text. */
export function useChannelName(): (channel: ContactMomentChannel) => string {
  const intl = useIntl();
  return (channel) => intl.formatMessage(CHANNEL_NAMES[channel]);
}

/** A contact channel's name. */
export function ChannelName({ channel }: { channel: ContactMomentChannel }) {
  return useChannelName()(channel);
}
