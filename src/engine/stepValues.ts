import * as tf from '@tensorflow/tfjs-core';
import { readAndDispose } from './readAndDispose';
import type { StepLosses } from './trainStep';

/** The three numbers a fine-tuning step returns, as TypeScript names them. */
export interface StepValues {
  lossNew: number;
  klPenalty: number;
  totalLoss: number;
}

/** The same numbers under the names the article's PyTorch code gives them (JSON for PyTorch comparisons). */
export interface PyTorchStepValues {
  loss_new: number;
  kl_penalty: number;
  total_loss: number;
}

/**
 * Reads the scalars of several steps in one download (a GPU backend syncs once, not once per
 * scalar) and disposes them, even when the read fails.
 */
export async function readStepValues(losses: StepLosses[]): Promise<StepValues[]> {
  const scalars = losses.flatMap((l) => [l.lossNew, l.klPenalty, l.totalLoss]);
  try {
    if (scalars.length === 0) return [];
    const values = await readAndDispose(tf.stack(scalars));
    return losses.map((_, i) => ({
      lossNew: values[3 * i],
      klPenalty: values[3 * i + 1],
      totalLoss: values[3 * i + 2],
    }));
  } finally {
    tf.dispose(scalars);
  }
}

/** The one place where the engine's names become PyTorch's. */
export function pytorchNames(v: StepValues): PyTorchStepValues {
  return { loss_new: v.lossNew, kl_penalty: v.klPenalty, total_loss: v.totalLoss };
}
