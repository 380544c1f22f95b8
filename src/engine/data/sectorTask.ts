import { randn } from '../random';

/**
 * The lab's two tasks: 2-D points labelled by the angular sector (of three) they fall in around a
 * centre. The new task uses another centre and rotates the sectors, so it relabels much of the
 * plane the old task covers: learning it without a constraint must overwrite the old rule.
 */
export interface SectorTask {
  center: [number, number];
  spread: number;
  /** Rotation of the sector boundaries, in radians. */
  rotation: number;
}

export const NUM_FEATURES = 2;
export const NUM_CLASSES = 3;

export const OLD_TASK: SectorTask = { center: [-0.5, 0], spread: 1.2, rotation: 0 };
export const NEW_TASK: SectorTask = { center: [0.5, 0.3], spread: 1.2, rotation: Math.PI / 3 };

export interface Dataset {
  x: number[][];
  y: number[];
}

export function labelOf(task: SectorTask, [px, py]: number[]): number {
  const angle = Math.atan2(py - task.center[1], px - task.center[0]) - task.rotation;
  const turn = (((angle / (2 * Math.PI)) % 1) + 1) % 1; // in [0, 1)
  return Math.floor(turn * NUM_CLASSES);
}

/** n points from an isotropic Gaussian around the task's centre, labelled by its rule. */
export function sampleTask(task: SectorTask, n: number): Dataset {
  const x = Array.from({ length: n }, () => [
    task.center[0] + task.spread * randn(),
    task.center[1] + task.spread * randn(),
  ]);
  return { x, y: x.map((p) => labelOf(task, p)) };
}
