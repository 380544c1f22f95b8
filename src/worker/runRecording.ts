/**
 * What the lab worker keeps of the live run so that the page can download it as a PyTorch script:
 * model_old's state dict at the freeze and the rows of every fine-tuning batch (and of its replayed
 * old-task batch, if any), recorded as they happen (the data are the scenario's own). The script is written on request, in the worker.
 */
import type { Scenario } from '../engine/scenario';
import type { ScenarioSettings } from '../engine/scenarioSettings';
import { notebookOf } from '../export/notebook';
import { pytorchScript } from '../export/pytorchScript';
import { assertScriptCovers } from '../export/scriptCovers';
import { readStateDict, type StateEntry } from '../export/stateDictValues';

/**
 * The run measured its KL on the fine-tuning batch before it moved to replayed rows: its earlier
 * steps drew none, so no script can repeat it. The page words it (`about: 'replayPartWay'`).
 */
export class ReplaySwitchedPartWay extends Error {
  constructor() {
    super('the KL was measured on the fine-tuning batch for part of this run; Reset to export it');
  }
}

export class RunRecording {
  private pretrained: StateEntry[] | null = null;
  private readonly batches: number[][] = [];
  /** Per step, the old-task rows its KL was measured on, or null where it used its own batch. */
  private readonly replayed: (number[] | null)[] = [];
  /** The distinct settings the run's steps were trained with (the page can change them mid-run). */
  private readonly trainedWith = new Set<string>();

  constructor(private readonly scenario: Scenario) {
    scenario.onFineTuneBatch = (rows, replayRows) => {
      this.batches.push(rows);
      this.replayed.push(replayRows);
    };
  }

  /** Reads model_old as frozen; call once pretraining is done, before any fine-tuning step. */
  async frozen(): Promise<void> {
    if (!this.scenario.modelOld) throw new Error('model_old is not frozen yet');
    this.pretrained = await readStateDict(this.scenario.modelOld);
  }

  trainingWith(settings: ScenarioSettings): void {
    this.trainedWith.add(JSON.stringify(settings));
  }

  /** The first `steps` steps, with `settings` (the run's latest). */
  script(settings: ScenarioSettings, steps: number, notebook: boolean): string {
    if (!this.pretrained) throw new Error('the run has not finished pretraining');
    assertScriptCovers(settings);
    const data = this.scenario.task.points;
    if (!data) throw new Error('the PyTorch script needs the 2-D scenario’s points');
    const replayed = settings.klInputs === 'replay' ? this.replayed.slice(0, steps) : null;
    if (replayed?.some((rows) => rows === null)) throw new ReplaySwitchedPartWay();
    const text = pytorchScript({
      settings,
      data,
      pretrained: this.pretrained,
      batches: this.batches.slice(0, steps),
      replayed: replayed as number[][] | null,
      settingsChanged: this.trainedWith.size > 1,
    });
    return notebook ? notebookOf(text) : text;
  }
}
