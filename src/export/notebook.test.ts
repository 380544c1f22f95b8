import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../state/schema';
import { notebookOf } from './notebook';
import { pytorchScript } from './pytorchScript';
import { recordRun } from './recordRun';

let script: string;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const { replay } = await recordRun({ ...DEFAULT_STATE, steps: 10, backend: 'cpu' });
  if (!replay) throw new Error('the default run has a PyTorch replay');
  script = pytorchScript(replay);
}, 120_000);

describe('the notebook', () => {
  it('is an nbformat 4 notebook of code cells whose code, joined, is the script', () => {
    const notebook = JSON.parse(notebookOf(script));
    expect(notebook).toMatchObject({ nbformat: 4, metadata: { kernelspec: { language: 'python' } } });
    expect(notebook.nbformat_minor).toBeGreaterThanOrEqual(5); // cell ids are required from 4.5 on
    const cells = notebook.cells as { cell_type: string; id: string; source: string[]; outputs: unknown[] }[];
    expect(cells.length).toBeGreaterThan(5);
    for (const cell of cells) {
      expect(cell).toMatchObject({ cell_type: 'code', outputs: [] });
      expect(cell.id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    }
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
    expect(cells.map((c) => c.source.join('')).join('')).toBe(script);
    expect(cells.slice(1).every((c) => c.source[0].startsWith('# %%'))).toBe(true);
  });
});
