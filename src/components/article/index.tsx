/** The narrative components, for the page to place. */
export { Article } from './Article';
export { Formula, type FormulaProps } from './Formula';
export { KLSection } from './KLSection';
export { ModesSection } from './ModesSection';
export { ModeTable } from './ModeTable';
export { NoGradSection } from './NoGradSection';
export { ObjectiveSection } from './ObjectiveSection';
export { Rich, type RichProps } from './Rich';
export { SoftmaxSection } from './SoftmaxSection';
