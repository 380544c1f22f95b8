/**
 * The frontier's sweep and its own engine, started the first time the frontier is shown: a worker
 * apart from the lab's, so that training every λ never slows the main run. One per lab store.
 */

import type { SweepCommand, SweepReport } from '../worker/sweepProtocol';
import sweepWorkerUrl from '../worker/sweepWorker.ts?worker&url';
import { EngineConnection } from '../worker/workerStarter';
import type { LabStore } from './store';
import { SweepStore } from './sweepStore';

const sweeps = new WeakMap<LabStore, SweepStore>();

export function sweepOf(lab: LabStore): SweepStore {
  const known = sweeps.get(lab);
  if (known) return known;
  const engine = new EngineConnection({
    url: sweepWorkerUrl,
    onMainThread: async (port) => (await import('../worker/sweepEndpoint')).serveSweep(port),
  });
  const sweep = new SweepStore((command: SweepCommand) => engine.postMessage(command), lab);
  engine.addEventListener('message', (event) => sweep.receive((event as MessageEvent<SweepReport>).data));
  // A worker that ended or threw takes its runs with it: a new one trains the sweep again.
  const replace = () => {
    engine.restart().catch((e: Error) => sweep.engineCannotStart(e.message));
    sweep.engineLost();
  };
  engine.addEventListener('error', replace);
  engine.addEventListener('exit', replace);
  engine.started.catch((e: Error) => sweep.engineCannotStart(e.message));
  sweeps.set(lab, sweep);
  return sweep;
}
