import type { KLInputs } from '../../engine/scenarioSettings';

/**
 * The distribution the expectation's x is drawn from: the fine-tuning data (the article's), or the
 * old task's inputs replayed for the KL. The subscript follows the lab's `klInputs` setting.
 */
export const INPUT_DISTRIBUTION_TEX: Record<KLInputs, string> = {
  finetune: String.raw`\mathcal{D}_{\text{fine-tune}}`,
  replay: String.raw`\mathcal{D}_{\text{old}}`,
};

/** The expected KL, with the two distributions in the order the lab uses and x drawn where it measures. */
export function expectedKlTex(first: string, second: string, inputs: KLInputs): string {
  return String.raw`\displaystyle \mathbb{E}_{x \sim ${INPUT_DISTRIBUTION_TEX[inputs]}} \left[ D_{\mathrm{KL}}\big( ${first}(\cdot \mid x) \,\|\, ${second}(\cdot \mid x) \big) \right]`;
}
