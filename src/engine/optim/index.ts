export { Adam } from './adam';
export { Optimizer, type OptimizerState } from './optimizer';
export { SGD } from './sgd';
