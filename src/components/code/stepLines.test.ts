import { describe, expect, it } from 'vitest';
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
