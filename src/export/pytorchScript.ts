/**
 * The run as one standalone PyTorch script: the data the lab drew, model_old's state dict at the
 * freeze, the rows of every fine-tuning minibatch, and the article's training step written out for
 * the run's settings. The lab's random generator is not PyTorch's, so the script replays the lab's
 * minibatches instead of drawing its own; only dropout masks come from PyTorch (torch.manual_seed).
 * `# %%` lines split it into the cells of the notebook variant (notebook.ts).
 */
import type { Dataset } from '../engine/data/sectorTask';
import { SGD_MOMENTUM } from '../engine/labNet';
import type { ScenarioSettings } from '../engine/scenarioSettings';
import { APP_VERSION } from './appVersion';
import { float32Text, nested, wrappedList } from './pythonLiterals';
import type { StateEntry } from './stateDictValues';

export interface PyTorchReplay {
  settings: ScenarioSettings;
  data: { oldTrain: Dataset; newTrain: Dataset; oldTest: Dataset; newTest: Dataset };
  /** model_old's state dict right after the freeze (the pretrained model). */
  pretrained: StateEntry[];
  /** Per fine-tuning step, the rows of the new task's training set it used. */
  batches: number[][];
  /** With klInputs = replay, per step the rows of the old task's training set the KL was measured on. */
  replayed: number[][] | null;
  /** The lab's settings changed during the run; the script trains every step with the last ones. */
  settingsChanged?: boolean;
}

export function pytorchScript(replay: PyTorchReplay): string {
  const s = replay.settings;
  return [
    header(replay.settingsChanged ?? false),
    imports(),
    settingsCell(s, replay.batches.length),
    dataCell(replay.data),
    modelCell(replay.pretrained, s),
    stepCell(s),
    batchesCell(replay.batches, replay.replayed),
    runCell(s, replay.replayed !== null),
  ].join('\n\n\n');
}

function header(settingsChanged: boolean): string {
  return `#!/usr/bin/env python3
"""A KL Lab run, repeated in PyTorch.

KL Lab ${APP_VERSION} pretrained a small classifier on an old task, froze a deep copy of it as
model_old, then fine-tuned it on a new task with loss = CE + lambda * KL(model_old || model).
This file holds what the lab generated -- the data, the pretrained weights and the rows of every
fine-tuning minibatch -- so that PyTorch trains the same network on the same numbers.

    python3 this_file.py           prints a progress log
    python3 this_file.py --json    prints {"steps": [...], "final": {...}} to compare with the lab

It needs only torch. With dropout > 0 the dropout masks come from PyTorch's own generator, so the
losses follow the lab's run closely but not digit for digit.${
    settingsChanged
      ? "\nThe settings changed during the lab's run; this script trains every step with the last ones,\nso it repeats the run only up to the first change."
      : ''
  }
"""`;
}

function imports(): string {
  return `# %%
import argparse
import copy
import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F`;
}

function settingsCell(s: ScenarioSettings, steps: number): string {
  const written = [...Object.entries(s), ['steps', steps]].map(([name, value]) => `${name}=${value}`);
  return `# %%
# The run's settings in the lab: ${written.join(' ')}.
# The numbers the code reads are below; the modes and the KL options are written into train_step_kl_reg.
KL_LAMBDA = ${float(s.lambda)}
LR = ${float(s.lr)}
DROPOUT = ${float(s.dropout)}
SEED = ${s.seed}
STEPS = ${steps}

torch.manual_seed(SEED)  # only dropout draws from it: the data, weights and minibatches are the lab's`;
}

/** A literal Python float, with a point so that it reads as one. */
function float(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function dataCell(data: PyTorchReplay['data']): string {
  const set = (name: string, d: Dataset) => {
    const points = d.x.map(([px, py]) => `[${float32Text(px)}, ${float32Text(py)}]`);
    return `${name} = as_tensors(\n    ${wrappedList(points, '        ')},\n    ${wrappedList(d.y.map(String), '        ')},\n)`;
  };
  return `# %%
# The data, as the lab drew it: 2-D points, each labelled by the angular sector (one of three) it
# falls in around its task's centre. The new task moves the centre and turns the sectors.


def as_tensors(points, labels):
    return torch.tensor(points, dtype=torch.float32), torch.tensor(labels)


${set('OLD_TRAIN', data.oldTrain)}
${set('NEW_TRAIN', data.newTrain)}
${set('OLD_TEST', data.oldTest)}
${set('NEW_TEST', data.newTest)}`;
}

function modelCell(pretrained: StateEntry[], s: ScenarioSettings): string {
  const shapeOf = (key: string) => pretrained.find((e) => e.key === key)?.shape ?? [];
  const [hidden, inputs] = shapeOf('0.weight');
  const [classes] = shapeOf('8.weight');
  const entries = pretrained.map((e) => {
    const values = e.values.map((v) => (e.integer ? String(v) : float32Text(v)));
    if (e.shape.length !== 2) return `    "${e.key}": ${nested(values, e.shape)},`;
    // A matrix row by row: one output unit's weights per line.
    const [rows, columns] = e.shape;
    const lines = Array.from(
      { length: rows },
      (_, r) => `        ${nested(values.slice(r * columns, (r + 1) * columns), [columns])},`,
    );
    return `    "${e.key}": [\n${lines.join('\n')}\n    ],`;
  });
  const modelOld = s.shareModelOld
    ? 'model_old = model  # the pitfall: a second name for the same network, not a frozen copy'
    : 'model_old = copy.deepcopy(model)  # frozen: no optimizer holds its parameters';
  return `# %%
# The lab's network, and its state dict at the moment the lab froze model_old (after pretraining
# on the old task). Every float is written so that it loads back as exactly the lab's float32.


def build_net(dropout):
    return nn.Sequential(
        nn.Linear(${inputs}, ${hidden}),
        nn.BatchNorm1d(${hidden}),
        nn.ReLU(),
        nn.Dropout(dropout),
        nn.Linear(${hidden}, ${hidden}),
        nn.BatchNorm1d(${hidden}),
        nn.ReLU(),
        nn.Dropout(dropout),
        nn.Linear(${hidden}, ${classes}),
    )


PRETRAINED = {
${entries.join('\n')}
}

model = build_net(DROPOUT)
model.load_state_dict({key: torch.tensor(value) for key, value in PRETRAINED.items()})
${modelOld}`;
}

/** The article's step, written out for these settings (one branch of each option, not all of them). */
function stepCell(s: ScenarioSettings): string {
  const replay = s.klInputs === 'replay';
  // With replay the KL is measured on old-task inputs: the model runs a second time, on them.
  const modelLogits = replay ? 'logits_replay' : 'outputs';
  const probs = (side: 'model' | 'old', log: boolean) => ({
    name: `${log ? 'log_' : ''}probs${side === 'old' ? '_old' : ''}`,
    of: `F.${log ? 'log_softmax' : 'softmax'}(${side === 'old' ? 'logits_old' : modelLogits}, dim=1)`,
  });
  // F.kl_div(input, target) is KL(target || exp(input)): the reference distribution is the target.
  const [referenceSide, approxSide] =
    s.direction === 'old||new' ? (['old', 'model'] as const) : (['model', 'old'] as const);
  const input = probs(approxSide, !s.probsAsInput);
  const target = probs(referenceSide, s.logTarget);
  const lines = [
    replay
      ? 'def train_step_kl_reg(model, model_old, x, y, x_replay, optimizer, kl_lambda):'
      : 'def train_step_kl_reg(model, model_old, x, y, optimizer, kl_lambda):',
    `    model.${s.modelMode}()`,
  ];
  if (s.freezeBatchNorm) {
    lines.push(
      '    for module in model.modules():  # freeze BatchNorm: its running statistics stay as pretrained',
      '        if isinstance(module, nn.BatchNorm1d):',
      '            module.eval()',
    );
  }
  lines.push(
    `    model_old.${s.modelOldMode}()`,
    '    optimizer.zero_grad()',
    '    outputs = model(x)',
    '    loss_new = F.cross_entropy(outputs, y)',
  );
  const klX = replay ? 'x_replay' : 'x';
  if (replay)
    lines.push('    logits_replay = model(x_replay)  # the KL is measured on replayed old-task inputs');
  if (s.teacherNoGrad) lines.push('    with torch.no_grad():', `        logits_old = model_old(${klX})`);
  else
    lines.push(
      `    logits_old = model_old(${klX})  # the pitfall: no torch.no_grad(), so gradients reach model_old`,
    );
  lines.push(
    `    # F.kl_div(input, target) is KL(target || exp(input)): this is ${s.direction === 'old||new' ? 'KL(model_old || model)' : 'KL(model || model_old)'}`,
    `    ${input.name} = ${input.of}${s.probsAsInput ? '  # the pitfall: probabilities where F.kl_div wants log-probabilities' : ''}`,
    `    ${target.name} = ${target.of}`,
    `    kl_penalty = F.kl_div(${input.name}, ${target.name}, reduction="${s.reduction}", log_target=${s.logTarget ? 'True' : 'False'})`,
    '    total_loss = loss_new + kl_lambda * kl_penalty',
    '    total_loss.backward()',
    '    optimizer.step()',
    '    return loss_new.item(), kl_penalty.item(), total_loss.item()',
  );
  return `# %%\n# The article's training step, for this run's settings: one optimisation step of CE + lambda * KL.\n\n\n${lines.join('\n')}`;
}

function batchesCell(batches: number[][], replayed: number[][] | null): string {
  const list = (steps: number[][]) => steps.map((rows) => `    [${rows.join(', ')}],`).join('\n');
  const cell = `# %%
# The rows of NEW_TRAIN each fine-tuning step used, in order, as the lab's generator drew them.
BATCHES = [
${list(batches)}
]`;
  if (!replayed) return cell;
  return `${cell}

# The rows of OLD_TRAIN each step measured the KL on (replayed old-task inputs), drawn after its batch.
REPLAY_BATCHES = [
${list(replayed)}
]`;
}

function runCell(s: ScenarioSettings, replay: boolean): string {
  const replayArgument = replay ? 'OLD_TRAIN[0][torch.tensor(REPLAY_BATCHES[step - 1])], ' : '';
  const optimizer =
    s.optimizer === 'sgd'
      ? `torch.optim.SGD(model.parameters(), lr=LR, momentum=${SGD_MOMENTUM})`
      : 'torch.optim.Adam(model.parameters(), lr=LR)';
  return `# %%
# Fine-tuning: one step per recorded minibatch, then the accuracy on both tasks' test sets.


def accuracy(net, points, labels):
    net.eval()
    with torch.no_grad():
        correct = (net(points).argmax(dim=1) == labels).sum().item()
    return correct / len(labels)


def main():
    parser = argparse.ArgumentParser(description="Repeat a KL Lab run in PyTorch.")
    parser.add_argument("--json", action="store_true", help="print the losses and accuracies as JSON")
    args, _ = parser.parse_known_args()  # a notebook kernel passes arguments of its own
    pretrain = {"old_task_acc": accuracy(model, *OLD_TEST), "new_task_acc": accuracy(model, *NEW_TEST)}
    if not args.json:
        print(f"pretrained: old task {pretrain['old_task_acc']:.3f}, new task {pretrain['new_task_acc']:.3f}")
    optimizer = ${optimizer}
    x_new, y_new = NEW_TRAIN
    steps = []
    for step, rows in enumerate(BATCHES, start=1):
        batch = torch.tensor(rows)
        loss_new, kl_penalty, total_loss = train_step_kl_reg(
            model, model_old, x_new[batch], y_new[batch], ${replayArgument}optimizer, KL_LAMBDA
        )
        steps.append({"loss_new": loss_new, "kl_penalty": kl_penalty, "total_loss": total_loss})
        if not args.json and (step % 10 == 0 or step == STEPS):
            print(f"step {step:5d}  loss_new {loss_new:.4f}  kl_penalty {kl_penalty:.4f}  total_loss {total_loss:.4f}")
    final = {"old_task_acc": accuracy(model, *OLD_TEST), "new_task_acc": accuracy(model, *NEW_TEST)}
    if args.json:
        # JSON has no NaN: a loss that stopped being finite is written as null, as the lab's export does.
        steps = [{key: value if math.isfinite(value) else None for key, value in s.items()} for s in steps]
        print(json.dumps({"pretrain": pretrain, "steps": steps, "final": final}))
    else:
        print(f"after {STEPS} steps: old task {final['old_task_acc']:.3f}, new task {final['new_task_acc']:.3f}")


if __name__ == "__main__":
    main()
`;
}
