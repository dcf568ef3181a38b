export { TimeChoice, type TimeChoiceProps, type TimeSlot } from './TimeChoice';
