/**
 * A page that exposes the engine to Playwright for the golden parity tests and the benchmark:
 * `window.harness.runCase(case, backend)` and `window.harness.bench(case, backend, steps)`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type CaseResult, parseCase } from '../../src/engine/case';
import { prepareCase, runCase } from '../../src/engine/runCase';
import { type BackendName, chooseBackend, describeFailure } from '../../src/worker/backend';

export interface BenchFigures {
  steps_per_s: number;
  ms_per_step: number;
  tensors_before: number;
  tensors_after: number;
}

async function use(backend: BackendName): Promise<void> {
  const status = await chooseBackend(backend);
  if (status.name !== backend) {
    throw new Error(`${backend} did not start (${status.failures.map(describeFailure).join('; ')})`);
  }
}

async function bench(raw: unknown, backend: BackendName, steps: number): Promise<BenchFigures> {
  await use(backend);
  const prepared = prepareCase(parseCase(raw));
  const drain = async (n: number, from: number) => {
    for (let i = from; i < from + n; i++) {
      const losses = prepared.step(i);
      // Reading the loss each step is what the lab does, and it waits for the GPU to finish.
      await losses.totalLoss.data();
      tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
    }
  };
  try {
    await drain(5, 0); // warm-up: shader compilation, optimizer state
    const tensorsBefore = tf.memory().numTensors;
    const start = performance.now();
    await drain(steps, 5);
    const ms = performance.now() - start;
    return {
      steps_per_s: (1000 * steps) / ms,
      ms_per_step: ms / steps,
      tensors_before: tensorsBefore,
      tensors_after: tf.memory().numTensors,
    };
  } finally {
    prepared.dispose();
  }
}

const harness = {
  async runCase(raw: unknown, backend: BackendName): Promise<CaseResult> {
    await use(backend);
    return runCase(parseCase(raw));
  },
  bench,
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
(window as unknown as { tf: typeof tf }).tf = tf; // for flag experiments from Playwright
document.body.dataset.ready = 'true';
