import type { ScenarioSettings } from '../engine/scenarioSettings';

/** Why a run cannot be written as a PyTorch script yet; the page's catalogs explain each reason. */
export type ScriptGap = 'digits';

/**
 * The PyTorch script holds the 2-D scenario's points and replays its fine-tuning batches (and with
 * replay, the old-task rows of each step's KL); the digits scenario (its data would need MNIST on
 * disk) is not written yet.
 */
export function scriptGap(settings: Pick<ScenarioSettings, 'scenario'>): ScriptGap | null {
  return settings.scenario === 'digits' ? 'digits' : null;
}

export function assertScriptCovers(settings: ScenarioSettings): void {
  const gap = scriptGap(settings);
  if (gap) throw new Error(`the PyTorch script does not cover this run yet (${gap})`);
}
