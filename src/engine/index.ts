export * from './autograd';
export { deepcopy } from './copy';
export * as F from './functional';
export * as nn from './nn';
export * as optim from './optim';
export { manualSeed } from './random';
export * from './trainStep';
