/**
 * A run as a file: what the lab ran (every setting, the seed, the backend, the app version) and what
 * it measured (the pretrained model's accuracies, then every fine-tuning step's metrics). The names
 * are the snake_case ones of `npm run scenario`, so a file and the CLI's output read alike.
 */
import type { LabState } from '../state/schema';
import { APP_VERSION } from './appVersion';

export const RUN_FORMAT = 'kl-lab-run';
/** Raised when a field changes meaning; a reader refuses files newer than it knows. */
export const RUN_FORMAT_VERSION = 1;
export { APP_VERSION };

export interface Accuracy {
  old_task_acc: number;
  new_task_acc: number;
}

/** One fine-tuning step; accuracies are the latest measured at or before it (as `npm run scenario`). */
export interface RunStep extends Accuracy {
  step: number;
  loss_new: number;
  kl_penalty: number;
  total_loss: number;
  lambda: number;
}

export interface RunRecord {
  format: typeof RUN_FORMAT;
  format_version: number;
  app_version: string;
  /** The whole lab state the run was trained with. */
  settings: LabState;
  seed: number;
  /** The backend that computed it (the `backend` setting may say `auto`). */
  backend: string;
  pretrain: Accuracy;
  steps: RunStep[];
}

/** The columns of a step, in the order CSV writes them. */
export const STEP_COLUMNS = [
  'step',
  'loss_new',
  'kl_penalty',
  'total_loss',
  'old_task_acc',
  'new_task_acc',
  'lambda',
] as const satisfies readonly (keyof RunStep)[];

export function runRecord(fields: {
  settings: LabState;
  backend: string;
  pretrain: Accuracy;
  steps: RunStep[];
}): RunRecord {
  return {
    format: RUN_FORMAT,
    format_version: RUN_FORMAT_VERSION,
    app_version: APP_VERSION,
    settings: fields.settings,
    seed: fields.settings.seed,
    backend: fields.backend,
    pretrain: fields.pretrain,
    steps: fields.steps,
  };
}

/**
 * Each step with the accuracies measured last at or before it: the lab measures them once per report,
 * not once per step. `measured` is in step order; step 0 is the pretrained model.
 */
export function withAccuracies(
  steps: { step: number; lossNew: number; klPenalty: number; totalLoss: number; lambda: number }[],
  measured: { step: number; oldTaskAcc: number; newTaskAcc: number }[],
): RunStep[] {
  let latest = 0;
  return steps.map((s) => {
    while (latest + 1 < measured.length && measured[latest + 1].step <= s.step) latest += 1;
    const acc = measured[latest];
    return {
      step: s.step,
      loss_new: s.lossNew,
      kl_penalty: s.klPenalty,
      total_loss: s.totalLoss,
      old_task_acc: acc?.oldTaskAcc ?? Number.NaN,
      new_task_acc: acc?.newTaskAcc ?? Number.NaN,
      lambda: s.lambda,
    };
  });
}

/** The run as JSON. A loss that stopped being finite (a diverged run) is written as null. */
export function runJson(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
