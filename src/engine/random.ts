/**
 * The engine's global generator, like PyTorch's default one: `manualSeed(s)` makes every later
 * weight init and dropout mask reproducible. TF.js ops take a seed per call, so each call draws a
 * fresh 32-bit seed from this stream (a new dropout mask every step, unlike tf.layers.dropout).
 */
let state = 0x9e3779b9;

export function manualSeed(seed: number): void {
  // Seed 0 is a valid seed here; TF.js ignores seed 0, so it never reaches TF.js directly.
  state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
}

/** One step of mulberry32 (small, fast, good enough to decorrelate seeds): the next state and its draw in [0, 1). */
function mulberry32(from: number): [number, number] {
  const s = (from + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [s, ((t ^ (t >>> 14)) >>> 0) / 4294967296];
}

function next(): number {
  const [s, draw] = mulberry32(state);
  state = s;
  return draw;
}

/** A generator of its own, apart from the global stream (a fixed data split, a replayable fuzz case). */
export function seededStream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    const [nextState, draw] = mulberry32(s);
    s = nextState;
    return draw;
  };
}

/** A seed for one TF.js random op; never 0, which TF.js would treat as "unseeded". */
export function nextSeed(): number {
  return 1 + Math.floor(next() * 2147483646);
}

/** A uniform draw in [0, 1) for code that samples in plain JavaScript (datasets, shuffles). */
export function rand(): number {
  return next();
}

/** A standard normal draw (Box–Muller), for generating datasets. */
export function randn(): number {
  const u = 1 - next(); // in (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

/** `torch.get_rng_state()` / `set_rng_state()`: lets a measurement leave the run's draws untouched. */
export function randomState(): number {
  return state;
}

export function restoreRandomState(saved: number): void {
  state = saved;
}
