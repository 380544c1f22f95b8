/**
 * `npm run --silent sweep -- --lambdas 0,0.1,0.3,1,3,10 --steps 300 --seed 1 [--seeds 1,2,3]
 * [--every N]`: the lab's scenario for every λ (and seed) at once, trained as one stacked
 * computation on TF.js's CPU backend (tools/sweepReport.ts reads the options). Prints one JSON object.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { sweepReport } from './sweepReport';

async function main(): Promise<void> {
  tf.env().set('PROD', true); // silences TF.js's advice to install tfjs-node
  await tf.setBackend('cpu');
  process.stdout.write(`${JSON.stringify(await sweepReport(process.argv.slice(2)))}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`sweep: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
