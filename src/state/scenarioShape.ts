import { NUM_CLASSES, NUM_FEATURES } from '../engine/data/sectorTask';

/**
 * The shapes of the lab's scenario, as the engine defines them: the features of a point and the
 * classes the network tells apart. Components read them here instead of repeating the numbers.
 */
export const SCENARIO_SHAPE = { features: NUM_FEATURES, classes: NUM_CLASSES } as const;
