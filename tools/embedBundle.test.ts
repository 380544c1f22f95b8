import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { EMBED_BUDGET_BYTES, gzippedBytes, librariesMentioned } from './embedBudget';

/** Builds embed.js in memory with its own config, as `npm run build` does. */
async function buildEmbed(): Promise<Rolldown.OutputChunk[]> {
  const result = await build({
    configFile: resolve('vite.embed.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs
    .flatMap((output) => ('output' in output ? output.output : []))
    .filter((file) => file.type === 'chunk');
}

describe('dist/embed.js', () => {
  it('is one file, made of the element, its attribute rules and the schema with the scenario defaults, and the frame title in both languages only', async () => {
    const chunks = await buildEmbed();
    expect(chunks.map((chunk) => chunk.fileName)).toEqual(['embed.js']);
    const [embed] = chunks;
    const sources = embed.moduleIds.map((id) => id.replace(`${resolve('.')}/`, '')).sort();
    expect(sources).toEqual([
      'src/embed/embedScript.ts',
      'src/embed/klLabElement.ts',
      'src/embed/labAttributes.ts',
      'src/engine/scenarioSettings.ts',
      'src/i18n/en/frame.ts',
      'src/i18n/zh/frame.ts',
      'src/state/schema.ts',
    ]);
    expect(librariesMentioned(embed.code)).toEqual([]);
    expect(gzippedBytes(embed.code)).toBeLessThanOrEqual(EMBED_BUDGET_BYTES);
  });

  it('notices a library by name', () => {
    expect(librariesMentioned('import "react"; import "@tensorflow/tfjs-core"')).toEqual([
      'react',
      'tensorflow',
      'tfjs',
    ]);
  });
});
