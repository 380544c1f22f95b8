/**
 * Connects the lab's store to its engine and keeps one running: reports go to the store; a worker
 * that ends or throws (an `exit` or `error` event), or whose GPU device is lost (a `deviceLost`
 * report), is replaced by a new one, and the store takes the run up again in it from its last
 * checkpoint (`LabStore.engineLost`).
 */
import type { Report } from '../worker/protocol';
import type { EngineConnection } from '../worker/workerStarter';
import type { LabStore } from './store';

export function linkEngine(store: LabStore, engine: EngineConnection): void {
  const replace = () => {
    engine.restart().then(
      (way) => store.engineStarted(way),
      (e: Error) => store.engineCannotStart(e.message),
    );
  };
  engine.addEventListener('message', (event) => {
    const report = (event as MessageEvent<Report>).data;
    // Replaced first, so that the store's resume goes to the new engine.
    if (report.type === 'deviceLost') replace();
    store.receive(report);
  });
  const crashed = () => {
    replace();
    store.engineLost('crash');
  };
  engine.addEventListener('error', crashed);
  engine.addEventListener('exit', crashed);
  engine.started.then(
    (way) => store.engineStarted(way),
    (e: Error) => store.engineCannotStart(e.message),
  );
}
