export {
  RESIDENT_CHANNELS,
  SubscribeForm,
  type ResidentChannel,
  type SubscribeFormProps,
} from './SubscribeForm';
