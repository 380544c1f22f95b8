/** The frontier's Web Worker: the engine of `sweepEndpoint.ts`, training the λ sweep on its own thread. */

import { announceStarted } from './enginePort';
import { serveSweep } from './sweepEndpoint';

declare const self: DedicatedWorkerGlobalScope;

serveSweep(self);
announceStarted(self);
