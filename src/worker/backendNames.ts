/** The TF.js backends the lab can run on; `backend.ts` picks among them by measuring each. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
