import { describe, expect, it } from 'vitest';
import { expectedKlTex } from './expectedKlTex';

describe('expectedKlTex', () => {
  it('draws x from the fine-tuning data on the fine-tuning batch', () => {
    const tex = expectedKlTex('P', 'Q', 'finetune');
    expect(tex).toContain(String.raw`\mathbb{E}_{x \sim \mathcal{D}_{\text{fine-tune}}}`);
    expect(tex).not.toContain('old');
  });

  it('draws x from the old task with replay', () => {
    const tex = expectedKlTex('P', 'Q', 'replay');
    expect(tex).toContain(String.raw`\mathbb{E}_{x \sim \mathcal{D}_{\text{old}}}`);
    expect(tex).not.toContain('fine-tune');
  });

  it('keeps the order of the two distributions', () => {
    expect(expectedKlTex('P', 'Q', 'replay')).toMatch(/P\(\\cdot \\mid x\) .*Q\(\\cdot \\mid x\)/);
  });
});
