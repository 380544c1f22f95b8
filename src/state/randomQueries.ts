import { SETTINGS } from './schema';

/**
 * Malformed and hostile page queries for the URL tests (the page never imports this): whatever a
 * course author mistypes, a link shortener mangles or someone crafts on purpose. Seeded, so a
 * failure names a query that can be rebuilt.
 */

/** A small seeded generator (xorshift32): the same seed gives the same queries everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

const SETTING_NAMES = SETTINGS.map((s) => s.name);
const PAGE_KEYS = ['embed', 'autoplay', 'hide', 'lock', 'origin'];
const STRANGE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'Lambda',
  'LAMBDA',
  'nope',
  '',
  ' ',
  '%',
  '%zz',
  '[]',
];

const NUMBERS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e999',
  '5e-324',
  '-0',
  '0x10',
  '0b11',
  '1_000',
  '1,5',
  '.5',
  '5.',
  '+3',
  '--1',
  '1e',
  '١',
  '9007199254740993',
];
const JUNK = [
  '',
  ' ',
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%2525',
  '%F0%9F%98%80',
  '\u0000',
  'true',
  'false',
  'yes',
  'null',
  'undefined',
  '__proto__',
  '{}',
  '[]',
  '<script>alert(1)</script>',
  '"',
  "'",
  '+',
  '&',
  '=',
];
const ORIGINS = [
  'http://a.example',
  'https://b.example:8443/path?q=1',
  'javascript:alert(1)',
  'null',
  '*',
  'file:///etc/passwd',
  'http://[::1]:80',
  'data:text/html,hi',
  'https://a.example,,https://c.example',
  'http://%zz',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function randomNumberText(random: () => number): string {
  const r = random();
  if (r < 0.3) return pick(random, NUMBERS);
  if (r < 0.6) return String((random() - 0.5) * 10 ** Math.floor(random() * 12));
  if (r < 0.8) return String(Math.floor((random() - 0.3) * 2000));
  return random().toFixed(Math.floor(random() * 8));
}

function nameList(random: () => number): string {
  const names = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
    random() < 0.6 ? pick(random, SETTING_NAMES) : pick(random, [...STRANGE_KEYS, ...JUNK]),
  );
  return names.join(pick(random, [',', ', ', ',,', '%2C']));
}

function valueFor(random: () => number, key: string): string {
  const r = random();
  if (r < 0.05) return 'x'.repeat(1000 + Math.floor(random() * 20_000));
  if (r < 0.25) return pick(random, JUNK);
  if (key === 'hide' || key === 'lock') return nameList(random);
  if (key === 'origin') return pick(random, ORIGINS);
  const setting = SETTINGS.find((s) => s.name === key);
  if (setting?.kind === 'choice' && r < 0.6) {
    const option = pick(random, setting.options);
    return random() < 0.5 ? option : option.toUpperCase();
  }
  if (setting?.kind === 'boolean' && r < 0.6) return pick(random, ['1', '0', 'true', 'false', 'TRUE', 'on']);
  return randomNumberText(random);
}

/** One random query: keys known and unknown, repeated, encoded or not, joined carelessly. */
export function randomQuery(random: () => number): string {
  const parts: string[] = [];
  const count = Math.floor(random() * 12);
  for (let i = 0; i < count; i++) {
    const r = random();
    const key =
      r < 0.55 ? pick(random, SETTING_NAMES) : r < 0.8 ? pick(random, PAGE_KEYS) : pick(random, STRANGE_KEYS);
    const value = valueFor(random, key);
    const encoded = random() < 0.5 ? encodeURIComponent(value) : value;
    parts.push(random() < 0.05 ? key : `${key}${pick(random, ['=', '=', '=', '=='])}${encoded}`);
  }
  const query = parts.join(pick(random, ['&', '&', '&&', ';', '&amp;']));
  return random() < 0.5 ? `?${query}` : query;
}

export function randomQueries(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => randomQuery(random));
}

/**
 * Hand-picked among the worst, for the page itself: each gives λ a value out of range or unreadable
 * (and never hides its slider), so the page must say it corrected the link.
 */
export const NASTY_QUERIES = [
  'lambda=1e999',
  'lambda=-Infinity&lambda=3',
  'lambda=NaN&dropout=5&lr=-1',
  'lambda=%zz&batchSize=1e308&steps=-0',
  'lambda=&optimizer=ADAM&reduction=__proto__',
  'lambda=11&__proto__=1&constructor=x&prototype[]=1',
  'lambda=-0.5&hide=__proto__,dropout,,%00&lock=constructor',
  'lambda=99&hide=Lambda&lock=lambda',
  `lambda=${'9'.repeat(400)}`,
  `lambda=1e3&theme=${'x'.repeat(8000)}`,
  'lambda=%E0%A4%A&lang=%F0%9F%98%80&backend=wasm',
  'lambda=0x10&seed=1e999&origin=javascript:alert(1)',
  'lambda=<script>alert(1)</script>&origin=*',
  'lambda=1,5&modelMode=eval;modelOldMode=train',
  'lambda=20&lambda=30&embed=2&autoplay=%00',
];
