/// <reference lib="webworker" />
/** The lessons' Web Worker: the engine of `lessonsEndpoint.ts`, answering the page from its own thread. */
import { serveLessons } from './lessonsEndpoint';
import { announceStarted } from './enginePort';

declare const self: DedicatedWorkerGlobalScope;

serveLessons(self);
announceStarted(self);
