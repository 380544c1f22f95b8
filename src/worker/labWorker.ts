/** The lab's Web Worker: the engine of `labEndpoint.ts`, training on its own thread. */

import { announceStarted } from './enginePort';
import { serveLab } from './labEndpoint';

declare const self: DedicatedWorkerGlobalScope;

serveLab(self);
announceStarted(self);
