import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { compareWithGolden, type Golden } from '../../../tools/golden/compare';
import { CaseError, parseCase } from '../case';
import { runCase } from '../runCase';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const casesDir = new URL('../../../tools/golden/cases/', import.meta.url);
const caseFiles = readdirSync(casesDir).filter((f) => f.endsWith('.json'));

function loadRaw(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, casesDir), 'utf8'));
}

/** A fresh, mutable copy of a valid case (the article's net: linear, batchnorm1d, relu, dropout, linear). */
function validCase(): {
  layers: Record<string, unknown>[];
  batches: { x: number[][]; y: number[] }[];
  [key: string]: unknown;
} {
  return loadRaw('article_adam.json') as ReturnType<typeof validCase>;
}

/** The CaseError that parseCase throws for `raw`; fails the test if it throws anything else or nothing. */
function caseErrorOf(raw: unknown): CaseError {
  try {
    parseCase(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(CaseError);
    return e as CaseError;
  }
  throw new Error('parseCase accepted an invalid case');
}

describe('parseCase accepts', () => {
  it('finds the golden cases', () => {
    expect(caseFiles.length).toBeGreaterThanOrEqual(12);
  });

  it.each(caseFiles)('%s', (file) => {
    const raw = loadRaw(file) as ReturnType<typeof validCase>;
    const c = parseCase(raw);
    expect(c.layers.length).toBe(raw.layers.length);
    expect(c.batches.length).toBe(raw.batches.length);
    expect(c.lambda).toBe(raw.lambda);
    expect(c.kl).toEqual(raw.kl);
    expect(c.modes).toEqual(raw.modes);
    expect(c.batches[0].x).toEqual(raw.batches[0].x);
  });

  it('fills in PyTorch defaults for omitted options', () => {
    const raw = validCase();
    raw.kl = {};
    raw.optimizer = { type: 'adam' };
    raw.layers[1] = { type: 'batchnorm1d', features: 16 };
    const c = parseCase(raw);
    expect(c.kl).toEqual({ reduction: 'batchmean', log_target: false, direction: 'old||new' });
    expect(c.optimizer).toEqual({ type: 'adam', lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8 });
    expect(c.layers[1]).toEqual({ type: 'batchnorm1d', features: 16, momentum: 0.1, eps: 1e-5 });
  });
});

describe('parseCase rejects with a CaseError naming the problem', () => {
  it('an unknown layer type', () => {
    const raw = validCase();
    raw.layers[2] = { type: 'gelu' };
    const e = caseErrorOf(raw);
    expect(e.message).toMatch(/layers\[2\]/);
    expect(e.message).toMatch(/unknown layer type/);
    expect(e.message).toContain('gelu');
  });

  it('a Linear whose input width does not match the previous layer', () => {
    const raw = validCase();
    raw.layers[4] = { type: 'linear', in: 17, out: 3 };
    const e = caseErrorOf(raw);
    expect(e.message).toMatch(/layers\[4\]/);
    expect(e.message).toMatch(/17/);
    expect(e.message).toMatch(/16/);
  });

  it('a batchnorm1d whose width does not match the previous layer', () => {
    const raw = validCase();
    raw.layers[1] = { type: 'batchnorm1d', features: 8 };
    const e = caseErrorOf(raw);
    expect(e.message).toMatch(/layers\[1\]/);
    expect(e.message).toMatch(/8/);
  });

  it('a label out of range', () => {
    const raw = validCase();
    raw.batches[3].y[5] = 3; // the net has 3 classes: 0, 1, 2
    const e = caseErrorOf(raw);
    expect(e.message).toMatch(/batches\[3\]\.y\[5\]/);
    expect(e.message).toMatch(/out of range/);
  });

  it('a negative or fractional label', () => {
    const negative = validCase();
    negative.batches[0].y[0] = -1;
    expect(caseErrorOf(negative).message).toMatch(/batches\[0\]\.y\[0\].*out of range/);
    const fractional = validCase();
    fractional.batches[0].y[0] = 0.5;
    expect(caseErrorOf(fractional).message).toMatch(/batches\[0\]\.y\[0\]/);
  });

  it.each(['lambda', 'layers', 'state', 'modes', 'kl', 'optimizer', 'batches'])(
    'a missing key: %s',
    (key) => {
      const raw = validCase();
      delete raw[key];
      const e = caseErrorOf(raw);
      expect(e.message).toContain(`missing key "${key}"`);
    },
  );

  it('a missing key inside a layer', () => {
    const raw = validCase();
    raw.layers[0] = { type: 'linear', in: 2 };
    const e = caseErrorOf(raw);
    expect(e.message).toMatch(/layers\[0\].*missing key "out"/);
  });

  it('an x row of the wrong width', () => {
    const raw = validCase();
    raw.batches[2].x[4] = [0.1, 0.2, 0.3];
    const e = caseErrorOf(raw);
    expect(e.message).toMatch(/batches\[2\]\.x\[4\]/);
    expect(e.message).toMatch(/2 features/);
  });

  it('labels that do not match the rows of x', () => {
    const raw = validCase();
    raw.batches[1].y.pop();
    const e = caseErrorOf(raw);
    expect(e.message).toMatch(/batches\[1\]\.y/);
  });

  it('a non-finite input', () => {
    const raw = validCase();
    (raw.batches[0].x[0] as unknown[])[1] = 'NaN';
    expect(caseErrorOf(raw).message).toMatch(/batches\[0\]\.x\[0\]\[1\].*finite/);
  });

  it('an unknown option value', () => {
    const reduction = validCase();
    reduction.kl = { reduction: 'none' };
    expect(caseErrorOf(reduction).message).toMatch(/kl\.reduction/);
    const mode = validCase();
    mode.modes = { model: 'training', model_old: 'eval' };
    expect(caseErrorOf(mode).message).toMatch(/modes\.model/);
    const direction = validCase();
    direction.kl = { direction: 'new|old' };
    expect(caseErrorOf(direction).message).toMatch(/kl\.direction/);
    const optimizer = validCase();
    optimizer.optimizer = { type: 'rmsprop', lr: 0.1 };
    expect(caseErrorOf(optimizer).message).toMatch(/optimizer\.type/);
  });

  it('a dropout probability outside [0, 1]', () => {
    const raw = validCase();
    raw.layers[3] = { type: 'dropout', p: 1.5 };
    expect(caseErrorOf(raw).message).toMatch(/layers\[3\]\.p/);
  });

  it('something that is not an object', () => {
    for (const raw of [null, 42, 'case', [1, 2]]) expect(caseErrorOf(raw).message).toMatch(/object/);
  });

  it('dropout masks for a layer that is not a Dropout, or that are not 0/1 strings', () => {
    const raw = loadRaw('dropout_train.json');
    const masks = (raw.dropout_masks as { model: Record<string, string[][]> }).model;
    expect(Object.keys(masks)).toEqual(['3']);
    raw.dropout_masks = { model: { 2: masks['3'] } };
    expect(caseErrorOf(raw).message).toMatch(/dropout_masks\.model\.2: layer 2 is not a dropout layer/);
    raw.dropout_masks = { model: { 3: [['0120']] } };
    expect(caseErrorOf(raw).message).toMatch(/dropout_masks\.model\.3 must be a list of masks/);
    raw.dropout_masks = { teacher: masks };
    expect(caseErrorOf(raw).message).toMatch(/dropout_masks key/);
  });
});

describe('a case with recorded dropout masks', () => {
  it('fails with a CaseError when a step has no recorded mask left', async () => {
    const raw = loadRaw('dropout_train.json') as { dropout_masks: { model: Record<string, string[][]> } };
    raw.dropout_masks.model['3'] = raw.dropout_masks.model['3'].slice(0, 5);
    await tf.setBackend('cpu');
    await expect(runCase(parseCase(raw))).rejects.toThrow(/no recorded dropout mask for forward 6/);
  });
});

describe('the parity CLI', () => {
  function cli(casePath: string) {
    return spawnSync(process.execPath, ['tools/run-ts.mjs', 'tools/parity.ts', casePath], {
      cwd: root,
      encoding: 'utf8',
      timeout: 50_000,
    });
  }

  it('prints exactly one JSON object for a valid case and exits 0', () => {
    const result = cli('tools/golden/cases/plain_sgd.json');
    expect(result.error).toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout.trim();
    expect(out.startsWith('{')).toBe(true);
    expect(out.split('\n')).toHaveLength(1);
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed).sort()).toEqual(['old_state', 'state', 'steps']);
    expect(parsed.steps).toHaveLength(12);
    expect(parsed.steps).toHaveLength((loadRaw('plain_sgd.json').batches as unknown[]).length);
    for (const step of parsed.steps) {
      for (const key of ['loss_new', 'kl_penalty', 'total_loss'])
        expect(Number.isFinite(step[key])).toBe(true);
    }
    const keys = Object.keys(loadRaw('plain_sgd.json').state as object).sort();
    expect(Object.keys(parsed.state).sort()).toEqual(keys);
    expect(Object.keys(parsed.old_state).sort()).toEqual(keys);
    // and it is the engine's result, so it matches PyTorch like the in-process run does
    const golden: Golden = JSON.parse(
      readFileSync(new URL('../../../tools/golden/expected/plain_sgd.json', import.meta.url), 'utf8'),
    );
    expect(compareWithGolden(parsed, golden, parseCase(loadRaw('plain_sgd.json')), 1e-5)).toEqual([]);
  });

  it('exits non-zero with one line on stderr and nothing on stdout for an invalid case', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kl-lab-case-'));
    try {
      const raw = validCase();
      raw.layers[2] = { type: 'gelu' };
      const path = join(dir, 'invalid.json');
      writeFileSync(path, JSON.stringify(raw));
      const result = cli(path);
      expect(result.error).toBeUndefined();
      expect(result.status).not.toBe(0);
      expect(result.status).not.toBeNull();
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/unknown layer type/);
      expect(lines[0]).toContain('gelu');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreadable file in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kl-lab-case-'));
    try {
      const path = join(dir, 'broken.json');
      writeFileSync(path, '{ "layers": [');
      const result = cli(path);
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toContain(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
