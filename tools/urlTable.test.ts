import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE_PARAMETERS } from '../src/state/embedParams';
import { SETTINGS } from '../src/state/schema';
import { TABLE_END, TABLE_START, urlTables, withUrlTables } from './urlTable';

describe('the URL parameter tables in docs/EMBED.md', () => {
  it('are what the schema generates (if not: run `npm run docs:embed`)', () => {
    const docs = readFileSync('docs/EMBED.md', 'utf8');
    expect(docs.includes(TABLE_START) && docs.includes(TABLE_END), 'the table markers are missing').toBe(
      true,
    );
    expect(withUrlTables(docs), 'docs/EMBED.md is out of date: run `npm run docs:embed`').toBe(docs);
  });

  it('have a row for every setting and every page parameter', () => {
    const rows = urlTables()
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('`')[1]);
    expect(rows).toEqual([...SETTINGS.map((s) => s.name), ...PAGE_PARAMETERS.map((p) => p.name)]);
  });

  it('say a setting’s range, options and default as the schema does', () => {
    const table = urlTables();
    expect(table).toMatch(/\| `lambda` +\| number +\| `1` +\| `0` … `10` +\| next step +\|/);
    expect(table).toMatch(/\| `seed` +\| integer +\| `1` +\| `1` … `999999` +\| new run \(Reset\) +\|/);
    expect(table).toContain('`old\\|\\|new`, `new\\|\\|old`');
  });

  it('replace only what lies between the markers', () => {
    const markdown = `# Title\n\nbefore\n${TABLE_START}\nstale\n${TABLE_END}\nafter\n`;
    const written = withUrlTables(markdown);
    expect(written.startsWith(`# Title\n\nbefore\n${TABLE_START}\n`)).toBe(true);
    expect(written.endsWith(`\n${TABLE_END}\nafter\n`)).toBe(true);
    expect(written).not.toContain('stale');
    expect(withUrlTables(written)).toBe(written);
  });
});
