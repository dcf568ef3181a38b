export {
  SubscriptionItem,
  SubscriptionItemFragment,
  TopicName,
  type SubscriptionItemProps,
} from './SubscriptionItem';
