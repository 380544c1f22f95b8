import { NUM_CLASSES, OLD_TASK } from '../engine/data/sectorTask';

/**
 * The shapes of the lab's scenario, as the engine defines them: each point has as many features as
 * a task's centre has coordinates, and the classifier one output per class. Components read them
 * here instead of repeating the numbers.
 */
export const SCENARIO_SHAPE = { features: OLD_TASK.center.length, classes: NUM_CLASSES } as const;
