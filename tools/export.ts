/**
 * `npm run --silent export -- --format json|csv|pytorch|ipynb [--name value …] --steps N`: runs the
 * lab's scenario headless (CPU backend; WASM for the digits) and writes it to stdout as a run file
 * (JSON or CSV) or as a PyTorch script (or notebook) that repeats it. Settings are read as `npm run scenario`
 * reads them (tools/settingArgs.ts); see docs/EXPORT.md for the formats.
 */
import * as tf from '@tensorflow/tfjs-core';
import { notebookOf } from '../src/export/notebook';
import { pytorchScript } from '../src/export/pytorchScript';
import { recordRun } from '../src/export/recordRun';
import { runCsv } from '../src/export/runCsv';
import { runJson } from '../src/export/runRecord';
import { scriptGap } from '../src/export/scriptCovers';
import { scenarioSettings } from '../src/state/schema';
import { provideDigitsInNode } from './digits/digitsAsset';
import { startNodeBackend } from './nodeBackend';
import { readSettingArgs } from './settingArgs';

const FORMATS = ['json', 'csv', 'pytorch', 'ipynb'] as const;

/** `--format` is a word, not a number, so it is taken out before the settings are read. */
function takeFormat(argv: string[]): { format: (typeof FORMATS)[number]; rest: string[] } {
  const at = argv.indexOf('--format');
  if (at < 0) throw new Error(`--format is required: one of ${FORMATS.join(', ')}`);
  const format = argv[at + 1] as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new Error(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  return { format, rest: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

async function main(): Promise<void> {
  const { format, rest } = takeFormat(process.argv.slice(2));
  const { state } = readSettingArgs(rest, 'export');
  const gap = scriptGap(scenarioSettings(state));
  if ((format === 'pytorch' || format === 'ipynb') && gap)
    throw new Error(
      `the PyTorch script does not cover ${gap === 'digits' ? 'the digits scenario' : 'replayed KL inputs'} yet`,
    );
  if (state.scenario === 'digits') await provideDigitsInNode();
  await startNodeBackend(state);
  const { record, replay } = await recordRun({ ...state, backend: tf.getBackend() as 'cpu' | 'wasm' });
  const script = () => {
    if (!replay) throw new Error('the run has no PyTorch replay');
    return pytorchScript(replay);
  };
  const text = { json: runJson, csv: runCsv, pytorch: script, ipynb: () => notebookOf(script()) }[format](
    record,
  );
  process.stdout.write(text);
}

main().catch((e: Error) => {
  process.stderr.write(`export: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
