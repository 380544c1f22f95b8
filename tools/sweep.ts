/**
 * `npm run --silent sweep -- --lambdas 0,0.1,0.3,1,3,10 --steps 300 --seed 1 [--seeds 1,2,3]
 * [--every N]`: the lab's scenario for every λ (and seed) at once, trained as one stacked
 * computation on TF.js's CPU backend, WASM for the digits (tools/sweepReport.ts reads the options). Prints one JSON object.
 */
import { startNodeBackend } from './nodeBackend';
import { sweepReport } from './sweepReport';

async function main(): Promise<void> {
  process.stdout.write(`${JSON.stringify(await sweepReport(process.argv.slice(2), startNodeBackend))}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`sweep: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
