/**
 * Runs an exported PyTorch script in real PyTorch (Debian's python3-torch, as `npm test` installs it)
 * and reads what it prints with --json. Without torch it fails and says how to get it: the round
 * trip is the proof that the export repeats the run, so it must not be skipped quietly.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

export interface ScriptOutput {
  pretrain: { old_task_acc: number; new_task_acc: number };
  steps: { loss_new: number; kl_penalty: number; total_loss: number }[];
  final: { old_task_acc: number; new_task_acc: number };
}

function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${PYTHON} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** Throws, saying what to install, unless PYTHON can import torch. */
export async function assertTorch(): Promise<void> {
  try {
    await run(['-c', 'import torch']);
  } catch (e) {
    throw new Error(
      `The PyTorch round trip needs torch in ${PYTHON}: run tools/ensure-python-torch.sh as root ` +
        `(apt-get install -y python3-torch) or set PYTHON to a Python with torch.\n${(e as Error).message}`,
    );
  }
}

/** Writes `script` to a temporary file and runs it with --json. */
export async function runScript(script: string): Promise<ScriptOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'kl-lab-export-'));
  try {
    const file = join(dir, 'run.py');
    await writeFile(file, script);
    const { stdout } = await run([file, '--json']);
    // A loss that stopped being finite arrives as null: NaN here, so that no comparison passes.
    return JSON.parse(stdout, (_key, value) => (value === null ? Number.NaN : value)) as ScriptOutput;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The round trip's rule: |a − ref| ≤ 1e-4 · max(1, |ref|). Returns the worst |a − ref| / max(1, |ref|). */
export function worstRelativeError(actual: number[], reference: number[]): number {
  if (actual.length !== reference.length)
    throw new Error(`${actual.length} values against ${reference.length}`);
  return Math.max(...reference.map((ref, i) => Math.abs(actual[i] - ref) / Math.max(1, Math.abs(ref))));
}
