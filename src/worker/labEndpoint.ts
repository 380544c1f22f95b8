/**
 * The lab's engine behind a message port: owns the TF.js backend and hands each command to the
 * session, which trains only when the page asks (one `run` per animation frame) and answers every
 * command once. It runs in a worker (`labWorker.ts`), or on the page where workers are refused.
 */
import { chooseBackend, gpuDeviceLost } from './backend';
import type { EnginePort } from './enginePort';
import { LabSession } from './labSession';
import type { Command, Report } from './protocol';

export function serveLab(port: EnginePort): void {
  const session = new LabSession({
    post(body, runId, answers, transfer = []) {
      port.postMessage({ ...body, runId, answers } as Report, transfer);
    },
    chooseBackend,
    deviceLost: gpuDeviceLost,
  });
  port.onmessage = (event: MessageEvent<Command>) => {
    session.receive(event.data);
  };
}
