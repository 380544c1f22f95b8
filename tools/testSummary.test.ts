import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve('tools/test-summary.mjs');

/** Runs the summary over the given runner reports, as tools/test.sh would; returns its output and exit code. */
function summarise(vitest: object, playwright: object): { lines: string[]; code: number } {
  const dir = mkdtempSync(join(tmpdir(), 'summary-'));
  mkdirSync(join(dir, '.tmp'));
  writeFileSync(join(dir, '.tmp/vitest-results.json'), JSON.stringify(vitest));
  writeFileSync(join(dir, '.tmp/playwright-results.json'), JSON.stringify(playwright));
  try {
    const out = execFileSync('node', [SCRIPT], { cwd: dir, encoding: 'utf8' });
    return { lines: out.trim().split('\n'), code: 0 };
  } catch (error) {
    const failure = error as { stdout: string; status: number };
    return { lines: failure.stdout.trim().split('\n'), code: failure.status };
  }
}

const vitest = {
  numPassedTests: 3,
  numFailedTests: 0,
  numFailedTestSuites: 0,
  testResults: [
    {
      assertionResults: [
        { fullName: 'engine adds', status: 'passed' },
        { fullName: 'engine waits', status: 'skipped' },
      ],
    },
  ],
};

function playwright(flaky: number) {
  return {
    stats: { expected: 2, unexpected: 0, flaky, skipped: 1 },
    errors: [],
    suites: [
      {
        title: 'lab.spec.ts',
        specs: [
          { title: 'plays', tests: [{ status: flaky ? 'flaky' : 'expected' }] },
          { title: 'on a GPU', tests: [{ status: 'skipped' }] },
        ],
      },
    ],
  };
}

describe('the test summary', () => {
  it('sums both runners and names every skipped test above the last line', () => {
    const { lines, code } = summarise(vitest, playwright(0));
    expect(lines.at(-1)).toBe('5 passed, 0 failed');
    expect(lines).toContain('2 skipped');
    expect(lines).toContain('  vitest: engine waits');
    expect(lines).toContain('  playwright: lab.spec.ts › on a GPU');
    expect(code).toBe(0);
  });

  it('counts a test that passed only on a retry as failed', () => {
    const { lines, code } = summarise(vitest, playwright(1));
    expect(lines.at(-1)).toBe('5 passed, 1 failed');
    expect(lines).toContain('flaky (counted as failed): lab.spec.ts › plays');
    expect(code).toBe(1);
  });
});
