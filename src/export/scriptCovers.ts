import type { ScenarioSettings } from '../engine/scenarioSettings';

/** Why a run cannot be written as a PyTorch script yet; the page's catalogs explain each reason. */
export type ScriptGap = 'digits' | 'replay';

/**
 * The PyTorch script holds the 2-D scenario's points and replays its fine-tuning batches; the
 * digits scenario (its data would need MNIST on disk) and replayed KL inputs (a second batch per
 * step) are not written yet.
 */
export function scriptGap(settings: Pick<ScenarioSettings, 'scenario' | 'klInputs'>): ScriptGap | null {
  if (settings.scenario === 'digits') return 'digits';
  if (settings.klInputs === 'replay') return 'replay';
  return null;
}

export function assertScriptCovers(settings: ScenarioSettings): void {
  const gap = scriptGap(settings);
  if (gap) throw new Error(`the PyTorch script does not cover this run yet (${gap})`);
}
