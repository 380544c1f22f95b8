import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseRun } from '../src/export/parseRun';
import { STEP_COLUMNS } from '../src/export/runRecord';

/** `npm run --silent export -- ARGS`, as a person types it. */
function exportCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['tools/run-ts.mjs', 'tools/export.ts', ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

const SETTINGS = ['--steps', '10', '--seed', '4', '--lambda', '0.5', '--optimizer', 'sgd'];

// One file: the CLI bundles itself into .tmp/export.mjs, so two at once would write over each other.
describe('npm run export', () => {
  it('writes the run as JSON that the lab reads back, with the settings given', async () => {
    const { code, stdout } = await exportCli(['--format', 'json', ...SETTINGS]);
    expect(code).toBe(0);
    const parsed = parseRun(stdout);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.record.settings).toMatchObject({ steps: 10, seed: 4, lambda: 0.5, optimizer: 'sgd' });
    expect(parsed.record.backend).toBe('cpu');
    expect(parsed.record.steps).toHaveLength(10);
  }, 300_000);

  it('writes CSV: settings as comments, a header, one row per step', async () => {
    const { code, stdout } = await exportCli(['--format', 'csv', ...SETTINGS]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain('# lambda=0.5');
    expect(lines).toContain('# optimizer=sgd');
    const rows = lines.filter((line) => !line.startsWith('#'));
    expect(rows[0]).toBe(STEP_COLUMNS.join(','));
    expect(rows).toHaveLength(11);
  }, 300_000);

  it('writes a PyTorch script for those settings', async () => {
    const { code, stdout } = await exportCli(['--format', 'pytorch', ...SETTINGS]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^#!\/usr\/bin\/env python3/);
    expect(stdout).toContain('KL_LAMBDA = 0.5');
    expect(stdout).toContain('torch.optim.SGD(model.parameters(), lr=LR, momentum=0.9)');
    expect(stdout.match(/^ {4}\[\d+(, \d+)*\],$/gm)).toHaveLength(10); // one minibatch per step
  }, 300_000);

  it('refuses an unknown format, saying which there are', async () => {
    const { code, stderr } = await exportCli(['--format', 'xlsx', '--steps', '10']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--format must be one of json, csv, pytorch, ipynb/);
  }, 300_000);
});
