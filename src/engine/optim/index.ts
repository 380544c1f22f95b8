export { Adam } from './adam';
export { Optimizer } from './optimizer';
export { SGD } from './sgd';
