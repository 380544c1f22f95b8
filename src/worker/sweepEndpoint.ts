/**
 * The frontier's engine behind a message port: a TF.js backend and a `SweepSession`, so that
 * the sweep never slows the lab's worker. It runs in a worker (`sweepWorker.ts`), or on the page
 * where workers are refused.
 */
import { joinBackend } from './backend';
import type { EnginePort } from './enginePort';
import type { SweepCommand, SweepReport } from './sweepProtocol';
import { SweepSession } from './sweepSession';

export function serveSweep(port: EnginePort): void {
  const session = new SweepSession({
    post(body, sweepId, answers) {
      port.postMessage({ ...body, sweepId, answers } as SweepReport, []);
    },
    joinBackend,
  });
  port.onmessage = (event: MessageEvent<SweepCommand>) => {
    session.receive(event.data);
  };
}
