export { CategoryChoice, CategoryChoiceFragment, type CategoryChoiceProps } from './CategoryChoice';
