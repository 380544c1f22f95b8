/** The lessons' Web Worker: the engine of `lessonsEndpoint.ts`, answering the page from its own thread. */

import { announceStarted } from './enginePort';
import { serveLessons } from './lessonsEndpoint';

declare const self: DedicatedWorkerGlobalScope;

serveLessons(self);
announceStarted(self);
