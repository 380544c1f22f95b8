import type { ScenarioName } from '../engine/scenarioSettings';
import { SCENARIO_SPECS } from '../engine/scenarioSpecs';

/** What one input and one prediction of a scenario look like. */
export interface ScenarioShape {
  /** Numbers per input: 2 coordinates of a point, or 784 pixels of a digit. */
  features: number;
  /** Classes the network tells apart. */
  classes: number;
}

/**
 * The shapes of the chosen scenario, as the engine defines them (engine/scenarioTasks.ts), so the
 * page never repeats the numbers and shows 784 inputs and 10 classes when the run is on digits.
 */
export function scenarioShape(scenario: ScenarioName): ScenarioShape {
  const { features, classes } = SCENARIO_SPECS[scenario];
  return { features, classes };
}
