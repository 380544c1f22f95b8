import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../i18n/catalogs';
import { DEFAULT_STATE, type LabState } from '../../state/schema';
import { type CodeLine, stepLines } from './stepLines';

function linesFor(changes: Partial<LabState> = {}): CodeLine[] {
  return stepLines({ ...DEFAULT_STATE, ...changes }, undefined);
}

function line(lines: CodeLine[], id: string): CodeLine {
  const found = lines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id} in ${lines.map((l) => l.id).join(', ')}`);
  return found;
}

const noteKeys = (l: CodeLine) => l.note.map((part) => part.key);

describe('stepLines: where the KL is measured', () => {
  it('on the fine-tuning batch, both models run on x and nothing is replayed', () => {
    const lines = linesFor({ klInputs: 'finetune' });
    expect(lines.map((l) => l.code).join('\n')).not.toContain('replay');
    expect(line(lines, 'def').code).toBe('def kl_regularized_step(model, model_old, x, y, optimizer):');
    expect(line(lines, 'teacherForward').code).toBe('logits_old = model_old(x)');
    expect(line(lines, 'newDistribution').code).toBe('log_probs_new = F.log_softmax(logits, dim=1)');
    expect(noteKeys(line(lines, 'teacherForward'))).toEqual(['code.note.teacherForward']);
  });

  it('with replay, a batch of old-task inputs is drawn and both models run on it for the KL', () => {
    const lines = linesFor({ klInputs: 'replay' });
    expect(line(lines, 'def').code).toBe(
      'def kl_regularized_step(model, model_old, x, y, x_old_train, optimizer):',
    );
    const draw = line(lines, 'replayBatch');
    expect(draw.code).toBe('x_replay = x_old_train[torch.randint(len(x_old_train), (len(x),))]');
    expect(draw.term).toBe('klPenalty');
    expect(line(lines, 'teacherForward').code).toBe('logits_old = model_old(x_replay)');
    expect(noteKeys(line(lines, 'teacherForward'))).toEqual(['code.note.teacherForwardReplay']);
    const second = line(lines, 'replayForward');
    expect(second.code).toBe('logits_replay = model(x_replay)');
    expect(second.term).toBe('klPenalty');
    expect(line(lines, 'newDistribution').code).toBe('log_probs_new = F.log_softmax(logits_replay, dim=1)');
    expect(noteKeys(line(lines, 'klPenalty'))).toContain('code.note.klOnReplay');
  });

  it('with replay the cross entropy stays on the new batch', () => {
    const lines = linesFor({ klInputs: 'replay' });
    expect(line(lines, 'forward').code).toBe('logits = model(x)');
    expect(line(lines, 'lossNew').code).toBe('loss_new = F.cross_entropy(logits, y)');
  });

  it('reads in PyTorch order: the draw before model_old runs, the second forward before the KL', () => {
    const ids = linesFor({ klInputs: 'replay' }).map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at('lossNew')).toBeLessThan(at('replayBatch'));
    expect(at('replayBatch')).toBeLessThan(at('noGrad'));
    expect(at('teacherForward')).toBeLessThan(at('replayForward'));
    expect(at('replayForward')).toBeLessThan(at('newDistribution'));
    expect(at('newDistribution')).toBeLessThan(at('klPenalty'));
  });

  it('the model side follows the replayed logits in either direction and with log_target', () => {
    const lines = linesFor({ klInputs: 'replay', direction: 'new||old', logTarget: true });
    expect(line(lines, 'newDistribution').code).toBe('log_probs_new = F.log_softmax(logits_replay, dim=1)');
    expect(line(lines, 'oldDistribution').code).toBe('log_probs_old = F.log_softmax(logits_old, dim=1)');
  });

  it('without no_grad the replayed teacher forward says it is recorded', () => {
    const lines = linesFor({ klInputs: 'replay', teacherNoGrad: false });
    expect(lines.some((l) => l.id === 'noGrad')).toBe(false);
    expect(line(lines, 'teacherForward').indent).toBe(1);
    expect(noteKeys(line(lines, 'teacherForward'))).toEqual(['code.note.teacherRecordedReplay']);
  });
});

describe('stepLines: the shapes follow the scenario', () => {
  it.each([
    ['sectors', 2, 3],
    ['digits', 784, 10],
  ] as const)('%s: %i features, %i classes', (scenario, features, classes) => {
    const lines = linesFor({ scenario, batchSize: 64 });
    expect(line(lines, 'def').note[0].params).toEqual({ batch: 64, features, classes });
    expect(line(lines, 'forward').note[0].params).toEqual({ batch: 64, features, classes });
  });

  it('the mean reduction divides by batch × classes of the scenario', () => {
    const lines = linesFor({ scenario: 'digits', reduction: 'mean', batchSize: 32 });
    const reduction = line(lines, 'klPenalty').note.find((p) => p.key === 'code.note.reduction.mean');
    expect(reduction?.params).toEqual({ batch: 32, classes: 10, elements: 320 });
  });
});

describe('stepLines: every note is in both catalogs', () => {
  it.each(['finetune', 'replay'] as const)('%s', (klInputs) => {
    for (const teacherNoGrad of [true, false]) {
      for (const l of linesFor({ klInputs, teacherNoGrad })) {
        for (const { key } of l.note) {
          expect(CATALOGS.en[key], key).toBeTruthy();
          expect(CATALOGS.zh[key], key).toBeTruthy();
        }
      }
    }
  });
});
