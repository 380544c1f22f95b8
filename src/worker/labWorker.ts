/// <reference lib="webworker" />
/**
 * The lab's Web Worker: owns the TF.js backend and hands each command to the session, which trains
 * only when the page asks (one `run` per animation frame) and answers every command once.
 */
import { chooseBackend, webgpuDeviceLost } from './backend';
import { LabSession } from './labSession';
import type { Command, Report } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const session = new LabSession({
  post(body, runId, answers, transfer = []) {
    self.postMessage({ ...body, runId, answers } as Report, transfer);
  },
  chooseBackend,
  deviceLost: webgpuDeviceLost,
});

self.onmessage = (event: MessageEvent<Command>) => {
  session.receive(event.data);
};
