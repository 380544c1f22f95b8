/// <reference lib="webworker" />
/** The lab's Web Worker: the engine of `labEndpoint.ts`, training on its own thread. */
import { serveLab } from './labEndpoint';
import { announceStarted } from './enginePort';

declare const self: DedicatedWorkerGlobalScope;

serveLab(self);
announceStarted(self);
