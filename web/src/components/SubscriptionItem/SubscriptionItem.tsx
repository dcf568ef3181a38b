import { Button } from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation } from 'urql';

import { loketError } from '../../errors';
import { SPACE } from '../../format';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { SubscriptionTopic } from '../../gql/graphql';
import { DateText } from '../DateText';
import { ErrorMessage } from '../ErrorMessage';

export const SubscriptionItemFragment = graphql(`
  fragment SubscriptionItem_Subscription on NotificationSubscription {
    id
    topic
    channel
    address
    radiusMeters
    products
    createdAt
  }
`);

const UnsubscribeMutation = graphql(`
  mutation Unsubscribe($input: UnsubscribeInput!) {
    unsubscribe(input: $input) {
      subscription {
        id
        endedAt
      }
    }
  }
`);

export function TopicName({ topic }: { topic: SubscriptionTopic }) {
  switch (topic) {
    case 'MY_CASES':
      return (
        <FormattedMessage
          id="topic.myCases"
          defaultMessage="Nieuws over mijn zaken"
          description="Subscription topic"
        />
      );
    case 'NEAR_ME':
      return (
        <FormattedMessage
          id="topic.nearMe"
          defaultMessage="Vergunningen in mijn buurt"
          description="Subscription topic"
        />
      );
    case 'REMINDERS':
      return (
        <FormattedMessage
          id="topic.reminders"
          defaultMessage="Herinnering reisdocument"
          description="Subscription topic"
        />
      );
    case 'WEBHOOK':
      return (
        <FormattedMessage
          id="topic.webhook"
          defaultMessage="Koppeling"
          description="Subscription topic"
        />
      );
    default: {
      const unreachable: never = topic;
      return unreachable;
    }
  }
}

export interface SubscriptionItemProps extends HTMLAttributes<HTMLElement> {
  subscription: FragmentType<typeof SubscriptionItemFragment>;
}

/** One active subscription, with a button to end it. */
export const SubscriptionItem = forwardRef<HTMLElement, SubscriptionItemProps>(
  function SubscriptionItem({ subscription, className, ...props }, ref) {
    const s = getFragmentData(SubscriptionItemFragment, subscription);
    const heading = useId();
    const [state, unsubscribe] = useMutation(UnsubscribeMutation);
    return (
      <article
        ref={ref}
        aria-labelledby={heading}
        className={['loket-subscription', className].filter(Boolean).join(' ')}
        {...props}
      >
        <p id={heading} className="loket-subscription__topic">
          <strong>
            <TopicName topic={s.topic} />
          </strong>
        </p>
        <p className="loket-subscription__details">
          <FormattedMessage
            id="subscription.details"
            defaultMessage="{channel, select, SMS {Per sms naar} other {Per e-mail naar}} {address}, sinds {date}"
            description="How and since when a subscription sends messages"
            values={{
              channel: s.channel,
              address: s.address,
              date: <DateText value={s.createdAt} />,
            }}
          />
          {s.radiusMeters !== null && s.radiusMeters !== undefined && (
            <>
              {' · '}
              <FormattedMessage
                id="subscription.radius"
                defaultMessage="binnen {radius} meter"
                description="The radius of a near-me subscription"
                values={{ radius: s.radiusMeters }}
              />
            </>
          )}
        </p>
        {state.error && <ErrorMessage error={loketError(state.error)} />}
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={state.fetching}
          aria-disabled={state.fetching || undefined}
          onClick={() => {
            if (!state.fetching) void unsubscribe({ input: { id: s.id } });
          }}
        >
          <FormattedMessage
            id="subscription.stop"
            defaultMessage="Afmelden"
            description="Button to end a subscription"
          />
          <span className="loket-visually-hidden">
            {SPACE}
            <TopicName topic={s.topic} />
          </span>
        </Button>
      </article>
    );
  },
);
