import { readdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithGolden, type Golden } from '../../../tools/golden/compare';
import { parseCase } from '../case';
import { runCase } from '../runCase';

const dir = new URL('../../../tools/golden/', import.meta.url);
const names = readdirSync(new URL('cases/', dir)).map((f) => f.replace(/\.json$/, ''));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainStep matches PyTorch on the CPU backend', () => {
  it('has golden cases to check', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  it.each(names)('%s', async (name) => {
    const c = parseCase(JSON.parse(readFileSync(new URL(`cases/${name}.json`, dir), 'utf8')));
    const golden: Golden = JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8'));
    expect(c.batches.length).toBeGreaterThanOrEqual(10);
    const result = await runCase(c);
    expect(compareWithGolden(result, golden, c, 1e-5)).toEqual([]);
  });
});
