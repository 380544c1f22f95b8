/** TF.js backends in the order the lab prefers them (DESIGN.md §3). */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
