/**
 * A run continued from a checkpoint: restored, then retrained silently up to the step the page had
 * shown, each settings change applied after the step it first applied after, so that the retrained
 * steps are the ones the page shows (exactly on the same backend, to rounding on another).
 */
import * as tf from '@tensorflow/tfjs-core';
import { restoreCheckpoint } from '../engine/checkpoint';
import type { Scenario } from '../engine/scenario';
import type { Command } from './protocol';

export function resumeScenario(command: Extract<Command, { type: 'resume' }>): Scenario {
  const s = restoreCheckpoint(command.checkpoint);
  try {
    // Changes from before the checkpoint are already in its settings.
    const changes = command.replay.filter((c) => c.afterStep >= command.checkpoint.step);
    let next = 0;
    for (;;) {
      while (next < changes.length && changes[next].afterStep <= s.fineTuneStepsDone) {
        s.update(changes[next++].settings);
      }
      if (s.fineTuneStepsDone >= command.to) break;
      const losses = s.step();
      tf.dispose([losses.lossNew, losses.klPenalty, losses.totalLoss]);
    }
    s.update(command.settings);
    return s;
  } catch (e) {
    s.dispose();
    throw e;
  }
}
