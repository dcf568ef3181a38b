import { FormattedMessage } from 'react-intl';

import type { ProductChannel } from '../../gql/graphql';

/** The ways a product can be obtained, in the order forms offer them. */
export const PRODUCT_CHANNELS: readonly ProductChannel[] = [
  'ONLINE',
  'PHONE',
  'COUNTER',
  'COUNTER_BY_APPOINTMENT',
];

/** How a product can be obtained, in words. */
export function ProductChannelName({ channel }: { channel: ProductChannel }) {
  switch (channel) {
    case 'ONLINE':
      return (
        <FormattedMessage
          id="product.channel.online"
          defaultMessage="online"
          description="How a product can be obtained"
        />
      );
    case 'PHONE':
      return (
        <FormattedMessage
          id="product.channel.phone"
          defaultMessage="telefonisch"
          description="How a product can be obtained"
        />
      );
    case 'COUNTER':
      return (
        <FormattedMessage
          id="product.channel.counter"
          defaultMessage="aan de balie"
          description="How a product can be obtained"
        />
      );
    case 'COUNTER_BY_APPOINTMENT':
      return (
        <FormattedMessage
          id="product.channel.appointment"
          defaultMessage="aan de balie, op afspraak"
          description="How a product can be obtained"
        />
      );
    default: {
      const unreachable: never = channel;
      return unreachable;
    }
  }
}
