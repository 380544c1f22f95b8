import * as tf from '@tensorflow/tfjs-core';
import { BACKENDS, type BackendName } from './backendNames';
import { measureStepsPerSecond } from './backendProbe';
import { gpuRenderer } from './gpuRenderer';
import { changeBackend, runningBackend, switchTo } from './threadBackend';

export { BACKENDS, type BackendName };

/** Why a backend runs; the page turns this into a sentence from the i18n catalogs. */
export type BackendReason =
  | 'forced' // the user (or ?backend=) asked for it and it started
  | 'measured' // automatic: the fastest in a timing probe of the training step
  | 'last-resort' // automatic: no faster backend would start, so the reference CPU backend runs
  | 'fallback'; // a forced backend failed to start; see `failures`

export interface BackendStatus {
  name: BackendName;
  reason: BackendReason;
  /** True when the running GPU backend renders in software (SwiftShader). */
  software: boolean;
  /** Backends that would not start, with TF.js's or the browser's message. */
  failures: BackendFailure[];
  /** The automatic choice's probe: fine-tuning steps per second of each backend timed, fastest first. */
  measured: BackendSpeed[];
  /** GPU backends left out of the automatic choice because their renderer is software only. */
  softwareOnly: BackendName[];
}

export interface BackendSpeed {
  name: BackendName;
  stepsPerSecond: number;
}

/** A backend that would not start: the browser lacks it, or it threw (TF.js's own message). */
export type BackendFailure =
  | { name: BackendName; unavailable: true }
  | { name: BackendName; message: string };

/** For logs and errors, not for the page (which words it from the catalogs). */
export function describeFailure(f: BackendFailure): string {
  return `${f.name}: ${'message' in f ? f.message : 'not available in this browser'}`;
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
      // On a cross-origin isolated page TF.js would start its threaded WASM, whose thread workers
      // run a copy of a function's source that the minified bundle breaks ("e is not defined"),
      // and the engine never starts. Unminified, the threads ran but bought nothing here (two
      // cores: 69 steps/s isolated against 73, digits 22 against 22), so the lab runs without.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      break;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      break;
  }
  await switchTo(name);
}

/**
 * Backends the automatic choice times. CPU is not one of them but the last resort: it is TF.js's
 * reference backend, plain JavaScript, and on a model this small it times about as fast as WASM
 * (in headless Chromium on two busy cores, ten rounds of the probe each: medians 25 and 30
 * steps/s, CPU's spread twice WASM's), so timing it would let noise pick the unoptimised backend.
 */
const TIMED: readonly BackendName[] = ['webgpu', 'webgl', 'wasm'];

const isGpu = (name: BackendName): name is 'webgpu' | 'webgl' => name === 'webgpu' || name === 'webgl';

/**
 * Starts a backend. With `forced`, that one is tried alone (software renderers allowed, since the
 * user asked), and a failure falls back to the automatic choice. The automatic choice times the
 * lab's training step on each backend that starts (GPU backends with a software renderer only are
 * left out: they are slower than WASM) and keeps the fastest; CPU runs only if none starts.
 */
export function chooseBackend(forced?: BackendName, skip: BackendName[] = []): Promise<BackendStatus> {
  return changeBackend(() => choose(forced, skip));
}

/**
 * For an engine that may share its thread with the lab's (the sweep, on a page that refuses
 * workers): the backend already running there, so that choosing does not switch it under the lab;
 * in its own worker, where none runs yet, the one `chooseBackend` would choose.
 */
export function joinBackend(forced?: BackendName): Promise<BackendName> {
  return changeBackend(
    async () => (runningBackend() as BackendName | null) ?? (await choose(forced, [])).name,
  );
}

async function choose(forced: BackendName | undefined, skip: BackendName[]): Promise<BackendStatus> {
  const failures: BackendFailure[] = [];
  if (forced && !skip.includes(forced)) {
    const renderer = isGpu(forced) ? await gpuRenderer(forced) : 'hardware';
    if (renderer === null) failures.push({ name: forced, unavailable: true });
    else {
      try {
        await start(forced, true);
        return {
          name: forced,
          reason: 'forced',
          software: renderer === 'software',
          failures,
          measured: [],
          softwareOnly: [],
        };
      } catch (e) {
        failures.push({ name: forced, message: (e as Error).message });
      }
    }
  }
  const automatic = await fastestBackend([...skip, ...(forced ? [forced] : [])]);
  return {
    ...automatic,
    reason: failures.length > 0 ? 'fallback' : automatic.reason,
    failures: [...failures, ...automatic.failures],
  };
}

/** The automatic choice. A backend this browser lacks is not a failure: it is simply not timed. */
async function fastestBackend(skip: BackendName[]): Promise<BackendStatus> {
  const failures: BackendFailure[] = [];
  const measured: BackendSpeed[] = [];
  const softwareOnly: BackendName[] = [];
  for (const name of TIMED.filter((b) => !skip.includes(b))) {
    if (isGpu(name)) {
      const renderer = await gpuRenderer(name);
      if (renderer === null) continue;
      if (renderer === 'software') {
        softwareOnly.push(name);
        continue;
      }
    }
    try {
      await start(name, false);
      measured.push({ name, stepsPerSecond: await measureStepsPerSecond() });
    } catch (e) {
      failures.push({ name, message: (e as Error).message });
    }
  }
  measured.sort((a, b) => b.stepsPerSecond - a.stepsPerSecond);
  const [fastest] = measured;
  if (fastest) {
    // The probe left the last backend timed current; TF.js keeps the others ready to switch to.
    await switchTo(fastest.name);
    return { name: fastest.name, reason: 'measured', software: false, failures, measured, softwareOnly };
  }
  if (!skip.includes('cpu')) {
    try {
      await start('cpu', false);
      return { name: 'cpu', reason: 'last-resort', software: false, failures, measured, softwareOnly };
    } catch (e) {
      failures.push({ name: 'cpu', message: (e as Error).message });
    }
  }
  throw new Error(`no TF.js backend could start: ${failures.map(describeFailure).join('; ')}`);
}

/**
 * Resolves with the browser's message if the running GPU backend loses its device (TF.js does not
 * handle it): WebGPU's `device.lost`, WebGL's `webglcontextlost` on the backend's canvas. Null on
 * a backend without a device.
 */
export function gpuDeviceLost(): Promise<string> | null {
  const backend = tf.backend() as unknown as {
    device?: { lost?: Promise<{ message: string }> };
    gpgpu?: { gl?: { canvas?: EventTarget } };
  };
  if (tf.getBackend() === 'webgpu') return backend.device?.lost?.then((info) => info.message) ?? null;
  const canvas = tf.getBackend() === 'webgl' ? backend.gpgpu?.gl?.canvas : undefined;
  if (!canvas?.addEventListener) return null;
  return new Promise((resolve) => {
    canvas.addEventListener(
      'webglcontextlost',
      (e) => resolve((e as WebGLContextEvent).statusMessage ?? ''),
      {
        once: true,
      },
    );
  });
}
