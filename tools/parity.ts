/**
 * `npm run --silent parity -- CASE.json`: runs a training case through the engine on TF.js's CPU
 * backend in Node and prints one JSON object (per-step losses, final state of both models), to be
 * compared with PyTorch (tools/golden/generate.py). Errors: one line on stderr, exit status 1.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { CaseError, parseCase } from '../src/engine/case';
import { runCase } from '../src/engine/runCase';

async function main(path: string | undefined): Promise<void> {
  if (!path) throw new CaseError('usage: npm run --silent parity -- CASE.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CaseError(`cannot read ${path}: ${(e as Error).message}`);
  }
  const c = parseCase(raw);
  if (c.backend !== undefined && c.backend !== 'cpu') {
    throw new CaseError(
      `backend "${c.backend}" runs in a browser only; this command runs "cpu" (npm run bench runs the others)`,
    );
  }
  tf.env().set('PROD', true); // silences TF.js's advice to install tfjs-node
  await tf.setBackend('cpu');
  process.stdout.write(`${JSON.stringify(await runCase(c))}\n`);
}

main(process.argv[2]).catch((e: Error) => {
  process.stderr.write(`parity: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
