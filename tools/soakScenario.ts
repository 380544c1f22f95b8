/**
 * A long fine-tuning run that watches memory: live tensors and the JavaScript heap at the start,
 * every `sampleEvery` steps and at the end. Both should stay flat; one leaked tensor per step shows
 * as a count that grows with the step number.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readAndDispose } from '../src/engine/readAndDispose';
import { Scenario } from '../src/engine/scenario';
import type { ScenarioSettings } from '../src/engine/scenarioSettings';

export interface MemorySample {
  step: number;
  tensors: number;
  heapBytes: number;
  /** Where the CPU backend keeps tensor data: outside the JavaScript heap. */
  arrayBufferBytes: number;
  totalLoss: number;
}

export interface SoakReport {
  steps: number;
  tensors: { start: number; end: number };
  heapBytes: { start: number; end: number };
  arrayBufferBytes: { start: number; end: number };
  samples: MemorySample[];
  stepsPerSecond: number;
  /** Whether heap figures follow a full garbage collection (node --expose-gc). */
  gcExposed: boolean;
}

export async function soakScenario(
  settings: ScenarioSettings,
  steps: number,
  sampleEvery = 1000,
): Promise<SoakReport> {
  const scenario = new Scenario(settings);
  try {
    while (!scenario.pretrained) scenario.pretrainStep();
    // One step first: it creates what every later step keeps (optimizer moments, .grad, live batch).
    let totalLoss = await trainOneStep(scenario);
    const start = sample(0, totalLoss);
    const samples: MemorySample[] = [];
    const began = performance.now();
    for (let step = 1; step <= steps; step++) {
      totalLoss = await trainOneStep(scenario);
      if (step % sampleEvery === 0 && step !== steps) samples.push(sample(step, totalLoss));
    }
    const seconds = (performance.now() - began) / 1000;
    const end = sample(steps, totalLoss);
    return {
      steps,
      tensors: { start: start.tensors, end: end.tensors },
      heapBytes: { start: start.heapBytes, end: end.heapBytes },
      arrayBufferBytes: { start: start.arrayBufferBytes, end: end.arrayBufferBytes },
      samples: [start, ...samples, end],
      stepsPerSecond: steps / seconds,
      gcExposed: typeof globalThis.gc === 'function',
    };
  } finally {
    scenario.dispose();
  }
}

/** One fine-tuning step, its loss read as the lab reads it. */
async function trainOneStep(scenario: Scenario): Promise<number> {
  const { lossNew, klPenalty, totalLoss } = scenario.step();
  tf.dispose([lossNew, klPenalty]);
  return (await readAndDispose(totalLoss))[0];
}

function sample(step: number, totalLoss: number): MemorySample {
  // Twice: array buffers that one collection finds dead are freed by the next.
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return {
    step,
    tensors: tf.memory().numTensors,
    heapBytes: heapUsed,
    arrayBufferBytes: arrayBuffers,
    totalLoss,
  };
}
