/** The live charts the lab places on the page; each reads the store itself and takes no props. */
export { AccuracyChart } from './AccuracyChart';
export { BatchNormChart } from './BatchNormChart';
export { DecisionBoundaries } from './DecisionBoundaries';
export { DigitsView } from './DigitsView';
export { LossChart } from './LossChart';
