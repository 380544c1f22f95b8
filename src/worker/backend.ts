import * as tf from '@tensorflow/tfjs-core';

import { BACKENDS, type BackendName } from './backendNames';

export { BACKENDS, type BackendName };

/** Why a backend runs; the page turns this into a sentence from the i18n catalogs. */
export type BackendReason =
  | 'forced' // the user (or ?backend=) asked for it and it started
  | 'hardware-gpu' // the first choice: a GPU backend on real hardware
  | 'software-gpu-skipped' // only a software GPU adapter exists, which is slower than WASM
  | 'fallback'; // a preferred backend failed to start; see `failures`

export interface BackendStatus {
  name: BackendName;
  reason: BackendReason;
  /** True when the running GPU backend renders in software (SwiftShader). */
  software: boolean;
  /** Backends tried first that would not start, with TF.js's or the browser's message. */
  failures: BackendFailure[];
}

/** A backend that would not start: the browser lacks it, or it threw (TF.js's own message). */
export type BackendFailure =
  | { name: BackendName; unavailable: true }
  | { name: BackendName; message: string };

/** For logs and errors, not for the page (which words it from the catalogs). */
export function describeFailure(f: BackendFailure): string {
  return `${f.name}: ${'message' in f ? f.message : 'not available in this browser'}`;
}

type GPUAdapterLike = { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } };
type NavigatorWithGPU = { gpu?: { requestAdapter(o?: object): Promise<GPUAdapterLike | null> } };

/** Whether a GPU backend would run on hardware; null when the API is missing altogether. */
async function isSoftware(name: 'webgpu' | 'webgl'): Promise<boolean | null> {
  if (name === 'webgpu') {
    const gpu = (navigator as unknown as NavigatorWithGPU).gpu;
    const adapter = gpu ? await gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
    if (!adapter) return null;
    return Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter);
  }
  if (typeof OffscreenCanvas === 'undefined') return null;
  const strict = new OffscreenCanvas(1, 1).getContext('webgl2', { failIfMajorPerformanceCaveat: true });
  if (strict) return false;
  return new OffscreenCanvas(1, 1).getContext('webgl2') ? true : null;
}

/** Loads a backend's package (each its own chunk) and makes it TF.js's current backend. */
async function start(name: BackendName, allowSoftware: boolean): Promise<void> {
  switch (name) {
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      break;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      // TF.js refuses a software-rendered WebGL context unless told otherwise.
      tf.env().set('SOFTWARE_WEBGL_ENABLED', allowSoftware);
      // Measured against the PyTorch goldens: with packed unary kernels, gradients after the first
      // SGD step drift by up to 1e-2 (losses by 1e-3); unpacked, they agree to 1e-7.
      tf.env().set('WEBGL_PACK_UNARY_OPERATIONS', false);
      break;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const { wasmPaths } = await import('./wasmPaths');
      wasm.setWasmPaths(wasmPaths);
      break;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      break;
  }
  // setBackend resolves false (rather than throwing) when initialisation fails.
  if (!(await tf.setBackend(name))) throw new Error(`TF.js could not initialise the ${name} backend`);
  await tf.ready();
}

/**
 * Starts a backend. With `forced`, that one is tried first (software renderers allowed, since the
 * user asked); otherwise the preferred order applies, skipping GPU backends that only have a
 * software adapter. Each failure falls through to the next backend and is reported.
 */
export async function chooseBackend(forced?: BackendName, skip: BackendName[] = []): Promise<BackendStatus> {
  const failures: BackendStatus['failures'] = [];
  let skippedSoftware = false;
  const rest = BACKENDS.filter((b) => b !== forced && !skip.includes(b));
  const order = forced ? [forced, ...rest] : rest;
  for (const name of order) {
    const isForced = name === forced;
    let software = false;
    if (name === 'webgpu' || name === 'webgl') {
      const probe = await isSoftware(name).catch(() => null);
      if (probe === null) {
        failures.push({ name, unavailable: true });
        continue;
      }
      software = probe;
      if (software && !isForced) {
        skippedSoftware = true;
        continue;
      }
    }
    try {
      await start(name, isForced);
    } catch (e) {
      failures.push({ name, message: (e as Error).message });
      continue;
    }
    const reason: BackendReason = isForced
      ? 'forced'
      : failures.length > 0
        ? 'fallback'
        : skippedSoftware
          ? 'software-gpu-skipped'
          : 'hardware-gpu';
    return { name, reason, software, failures };
  }
  throw new Error(`no TF.js backend could start: ${failures.map(describeFailure).join('; ')}`);
}

/** Resolves if the WebGPU device is lost (TF.js does not handle it), so the caller can fall back. */
export function webgpuDeviceLost(): Promise<string> | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message: string }> } }).device;
  return device?.lost?.then((info) => info.message) ?? null;
}
