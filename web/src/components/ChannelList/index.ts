export {
  CHANNEL_KINDS,
  ChannelList,
  ChannelListFragment,
  type ChannelKind,
  type ChannelListProps,
} from './ChannelList';
