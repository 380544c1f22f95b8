/** The framed lab's accessible name, which `<kl-lab>` sets too (kept apart so embed.js carries only this). */
export const frame = {
  'frame.title': 'KL Lab: fine-tuning with a KL penalty, live',
};
