/** The run the page shows, as a run record: what the Export dialog saves as JSON or CSV. */
import { type LabState, SETTINGS } from '../state/schema';
import type { LabView } from '../state/store';
import { type RunRecord, runRecord, withAccuracies } from './runRecord';

export function recordOfView(view: LabView): RunRecord {
  // A setting that only a reset applies (the seed) is named as the run has it, not as changed since.
  const settings: Record<string, unknown> = { ...view.settings };
  for (const s of SETTINGS) if (!s.live) settings[s.name] = view.runSettings[s.name];
  const [pretrained] = view.snapshots;
  return runRecord({
    settings: settings as LabState,
    backend: view.backend?.name ?? view.settings.backend,
    pretrain: {
      old_task_acc: pretrained?.oldTaskAcc ?? Number.NaN,
      new_task_acc: pretrained?.newTaskAcc ?? Number.NaN,
    },
    steps: withAccuracies(view.steps, view.snapshots),
  });
}
