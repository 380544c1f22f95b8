/**
 * Words that read the same in every language, so that no catalog repeats them: each language's name
 * in itself, the compute backends' names, and PyTorch's own identifiers among the options.
 */
export const names = {
  'lang.en': 'English',
  'lang.zh': '中文',
  'option.en': 'English',
  'option.zh': '中文',
  'option.webgpu': 'WebGPU',
  'option.webgl': 'WebGL',
  'option.wasm': 'WASM',
  'option.cpu': 'CPU',
  'option.train': 'train',
  'option.eval': 'eval',
  'option.batchmean': 'batchmean',
  'option.sum': 'sum',
  'option.mean': 'mean',
} as const;
