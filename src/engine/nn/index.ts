export { BatchNorm1d } from './batchnorm';
export { Dropout } from './dropout';
export { Linear } from './linear';
export { Module } from './module';
export { Parameter } from './parameter';
export { ReLU } from './relu';
export { Sequential } from './sequential';
