import type { frame as en } from '../en/frame';

/** 嵌入框架的无障碍名称（`<kl-lab>` 也用它）。 */
export const frame: Record<keyof typeof en, string> = {
  'frame.title': 'KL Lab：带 KL 惩罚的微调，实时演示',
};
