import { Scenario } from './scenario';
import type { ScenarioSettings } from './scenarioSettings';
import { type PyTorchStepValues, pytorchNames, readStepValues } from './stepValues';

/** One step of a headless run, named as the article's PyTorch code names its values. */
export interface HistoryEntry extends PyTorchStepValues {
  step: number;
  old_task_acc: number;
  new_task_acc: number;
}

export interface ScenarioRun {
  pretrain: { old_task_acc: number; new_task_acc: number };
  history: HistoryEntry[];
  final: HistoryEntry;
}

/**
 * The whole scenario headless: pretrain, freeze, then `steps` fine-tuning steps. Accuracies are
 * measured every `evaluateEvery` steps (and at the last); other entries repeat the latest ones.
 */
export async function runScenario(
  settings: ScenarioSettings,
  steps: number,
  evaluateEvery = 1,
): Promise<ScenarioRun> {
  const scenario = new Scenario(settings);
  try {
    while (!scenario.pretrained) scenario.pretrainStep();
    const before = await scenario.accuracies();
    const history: HistoryEntry[] = [];
    let acc = before;
    for (let i = 1; i <= steps; i++) {
      const [values] = await readStepValues([scenario.step()]);
      if (i % evaluateEvery === 0 || i === steps) acc = await scenario.accuracies();
      history.push({
        step: i,
        ...pytorchNames(values),
        old_task_acc: acc.oldTaskAcc,
        new_task_acc: acc.newTaskAcc,
      });
    }
    return {
      pretrain: { old_task_acc: before.oldTaskAcc, new_task_acc: before.newTaskAcc },
      history,
      final: history[history.length - 1],
    };
  } finally {
    scenario.dispose();
  }
}
