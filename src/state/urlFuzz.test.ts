import { describe, expect, it } from 'vitest';
import { hostOrigins, listedOrigins, normalOrigin } from '../embed/hostOrigins';
import { parseEmbedParams } from './embedParams';
import { withSettingsQuery } from './pageQuery';
import { NASTY_QUERIES, randomQueries } from './randomQueries';
import { defaultIn, type LabState, queryFromState, SETTINGS, stateFromQuery } from './schema';

const QUERIES = [...randomQueries(20_260_801, 1000), ...NASTY_QUERIES];
const NAMES = SETTINGS.map((s) => s.name);

/** Why a state's value is not one the schema allows, or null when it is. */
function invalidValue(state: LabState, name: string): string | null {
  const setting = SETTINGS.find((s) => s.name === name);
  const value = (state as Record<string, unknown>)[name];
  switch (setting?.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `${name}=${value} is not a finite number`;
      if (value < setting.min || value > setting.max) return `${name}=${value} is out of range`;
      if ('integer' in setting && setting.integer && !Number.isInteger(value))
        return `${name}=${value} is not whole`;
      return null;
    case 'choice':
      return (setting.options as readonly unknown[]).includes(value)
        ? null
        : `${name}=${value} is not an option`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name}=${value} is not a boolean`;
    default:
      return `${name} is not a setting`;
  }
}

/** What the text would mean read exactly (no correction needed), or undefined when it needs one. */
function exactReading(name: string, text: string): unknown {
  const setting = SETTINGS.find((s) => s.name === name);
  if (setting?.kind === 'number') return text.trim() === '' ? undefined : Number(text);
  if (setting?.kind === 'boolean') return { true: true, 1: true, false: false, 0: false }[text];
  return (setting?.options as readonly string[] | undefined)?.includes(text) ? text : undefined;
}

/** What is wrong with how `query` reads, in words; empty when nothing is. */
function settingProblems(query: string): string[] {
  const problems: string[] = [];
  const { state, corrections } = stateFromQuery(query);
  if (Object.keys(state).sort().join() !== [...NAMES].sort().join())
    problems.push('the state has other keys');
  if (Object.getPrototypeOf(state) !== Object.prototype) problems.push('the state has another prototype');
  for (const name of NAMES) {
    const invalid = invalidValue(state, name);
    if (invalid) problems.push(invalid);
  }
  if (new Set(corrections.map((c) => c.name)).size !== corrections.length)
    problems.push('a setting corrected twice');
  const params = new URLSearchParams(query);
  for (const setting of SETTINGS) {
    const given = params.get(setting.name);
    const correction = corrections.find((c) => c.name === setting.name);
    const value = state[setting.name];
    // === rather than Object.is: -0 read as 0 is no change.
    const exact = given !== null && exactReading(setting.name, given) === value;
    // Not given: the default in the scenario the link chose (the rate and batch size follow it).
    if (given === null && (correction || value !== defaultIn(state.scenario, setting)))
      problems.push(`${setting.name} not given, yet ${value} (correction: ${JSON.stringify(correction)})`);
    if (given !== null && correction && exact)
      problems.push(`${setting.name}=${given} read exactly, yet corrected`);
    if (given !== null && !correction && !exact)
      problems.push(`${setting.name}=${given} became ${value} silently`);
    if (correction && (correction.given !== given || correction.used !== String(value)))
      problems.push(
        `${setting.name}: the correction ${JSON.stringify(correction)} misquotes ${given} → ${value}`,
      );
  }
  return problems;
}

/** Each query with what is wrong with it, for queries where something is. */
function failures(check: (query: string) => string[]): { query: string; problems: string[] }[] {
  return QUERIES.map((query) => ({ query, problems: check(query) })).filter((f) => f.problems.length > 0);
}

describe('1,000 random and malformed links', () => {
  it('cover what they should: corrections, page parameters, hostile keys and long values', () => {
    const corrected = QUERIES.filter((q) => stateFromQuery(q).corrections.length > 0).length;
    expect(corrected).toBeGreaterThan(400);
    expect(QUERIES.filter((q) => q.includes('__proto__')).length).toBeGreaterThan(50);
    expect(QUERIES.filter((q) => q.length > 1000).length).toBeGreaterThan(20);
    expect(QUERIES.filter((q) => parseEmbedParams(q).unknown.length > 0).length).toBeGreaterThan(50);
    expect(QUERIES.filter((q) => listedOrigins(q).length > 0).length).toBeGreaterThan(30);
  });

  it('give a valid state, and the corrections say exactly what changed', () => {
    expect(failures(settingProblems)).toEqual([]);
  });

  it('round-trip to a fixed point: the address the page writes reads back unchanged', () => {
    expect(
      failures((query) => {
        const { state } = stateFromQuery(query);
        const written = queryFromState(state);
        const reread = stateFromQuery(written);
        const problems: string[] = [];
        if (reread.corrections.length > 0) problems.push(`${written} needs corrections`);
        if (JSON.stringify(reread.state) !== JSON.stringify(state))
          problems.push(`${written} reads otherwise`);
        if (queryFromState(reread.state) !== written) problems.push(`${written} is written otherwise`);
        return problems;
      }),
    ).toEqual([]);
  });

  it('keep their page parameters when the page rewrites the settings', () => {
    expect(
      failures((query) => {
        const { state } = stateFromQuery(query);
        const rewritten = withSettingsQuery(query, queryFromState(state));
        const reread = stateFromQuery(rewritten);
        const problems: string[] = [];
        if (reread.corrections.length > 0 || JSON.stringify(reread.state) !== JSON.stringify(state))
          problems.push(`${rewritten} does not read as the state written`);
        const before = new URLSearchParams(query);
        const after = new URLSearchParams(rewritten);
        for (const key of new Set(before.keys()))
          if (
            !(NAMES as string[]).includes(key) &&
            after.getAll(key).join('&') !== before.getAll(key).join('&')
          )
            problems.push(`${key} changed`);
        const embedBefore = parseEmbedParams(query);
        const embedAfter = parseEmbedParams(rewritten);
        if (
          embedBefore.embed !== embedAfter.embed ||
          embedBefore.autoplay !== embedAfter.autoplay ||
          [...embedBefore.hidden].join() !== [...embedAfter.hidden].join() ||
          [...embedBefore.locked].join() !== [...embedAfter.locked].join() ||
          embedBefore.unknown.join() !== embedAfter.unknown.join()
        )
          problems.push('the page parameters changed');
        return problems;
      }),
    ).toEqual([]);
  });

  it('give page parameters that name only settings in hide and lock, and list the rest once', () => {
    expect(
      failures((query) => {
        const params = parseEmbedParams(query);
        const problems: string[] = [];
        if (typeof params.embed !== 'boolean' || typeof params.autoplay !== 'boolean')
          problems.push('embed or autoplay is not a boolean');
        for (const name of [...params.hidden, ...params.locked])
          if (!(NAMES as string[]).includes(name)) problems.push(`${name} hidden or locked`);
        if (new Set(params.unknown).size !== params.unknown.length) problems.push('an unknown name twice');
        for (const name of params.unknown)
          if (name === '' || (NAMES as string[]).includes(name)) problems.push(`"${name}" listed as unknown`);
        return problems;
      }),
    ).toEqual([]);
  });

  it('allow only real origins, never "*" or "null", and send events only to allowed ones', () => {
    expect(
      failures((query) =>
        [null, 'http://host.example', 'https://a.example'].flatMap((parent) => {
          const { allowed, targets } = hostOrigins(query, parent);
          const problems: string[] = [];
          for (const origin of allowed)
            if (normalOrigin(origin) !== origin || origin === '*' || origin === 'null')
              problems.push(`${origin} allowed`);
          for (const origin of targets)
            if (!allowed.includes(origin) || (parent && origin !== parent))
              problems.push(`${origin} a target`);
          return problems;
        }),
      ),
    ).toEqual([]);
  });
});
