import { describe, expect, it } from 'vitest';
import { seededStream } from '../engine/random';
import { DEFAULT_STATE, type LabState, SETTINGS, type SettingName } from '../state/schema';
import { LabStore, type Phase } from '../state/store';
import type { Command } from '../worker/protocol';
import { type HostReply, type HostStore, handleHostMessage, MAX_STEP_COUNT } from './hostCommands';

/** A store that records what the Host API asked of it; phases move as the real store's would. */
class FakeStore implements HostStore {
  settings: LabState = { ...DEFAULT_STATE };
  phase: Phase = 'paused';
  runId = 1;
  steps: { step: number }[] = [];
  calls: string[] = [];
  stepInFlight = false;

  getView = () => ({ settings: this.settings, phase: this.phase, runId: this.runId, steps: this.steps });
  setSetting<N extends SettingName>(name: N, value: LabState[N]): void {
    this.calls.push(`set ${name}=${String(value)}`);
    this.settings = { ...this.settings, [name]: value };
  }
  play(): void {
    this.calls.push('play');
    if (this.phase === 'paused') this.phase = 'playing';
  }
  pause(): void {
    this.calls.push('pause');
    if (this.phase === 'playing') this.phase = 'paused';
  }
  step(count = 1): boolean {
    this.calls.push(`step ${count}`);
    if (this.phase !== 'paused' || this.stepInFlight) return false;
    this.steps = [...this.steps, { step: (this.steps.at(-1)?.step ?? 0) + count }];
    return true;
  }
  reset(): void {
    this.calls.push('reset');
    this.runId += 1;
    this.steps = [];
  }
}

function send(store: HostStore, message: unknown): HostReply {
  const { reply } = handleHostMessage(store, message);
  if (!reply) throw new Error('expected a reply');
  return reply;
}

/** Sends a `set` command, the one that carries the most. */
const sendSet = (store: HostStore, id: number | string, settings: unknown) =>
  send(store, { kllab: 1, type: 'set', id, settings });

describe('Host API commands', () => {
  it('drive the real store: set commands the worker, step before pretraining is refused', () => {
    const sent: Command[] = [];
    const store = new LabStore((command) => sent.push(command), { state: DEFAULT_STATE, corrections: [] });
    expect(sendSet(store, 1, { lambda: 0.3 })).toMatchObject({
      ok: true,
      state: { settings: { lambda: 0.3 }, phase: 'starting', runId: 1, step: 0 },
    });
    expect(sent.at(-1)).toMatchObject({ type: 'settings', settings: { lambda: 0.3 } });
    expect(send(store, { kllab: 1, type: 'step', id: 2 })).toMatchObject({ ok: false });
  });

  it('answers ping with ready (the late listener handshake) and a reply', () => {
    const store = new FakeStore();
    const outcome = handleHostMessage(store, { kllab: 1, type: 'ping', id: 'p' });
    expect(outcome.ready).toEqual({ kllab: 1, type: 'ready', version: 1, settings: DEFAULT_STATE });
    expect(outcome.reply).toMatchObject({ kllab: 1, type: 'reply', id: 'p', ok: true });
    // Without an id: the ready event, no reply.
    expect(handleHostMessage(store, { kllab: 1, type: 'ping' })).toMatchObject({
      reply: null,
      ready: { type: 'ready' },
    });
  });

  it('getState replies with settings, phase, run id and step', () => {
    const store = new FakeStore();
    store.steps = [{ step: 1 }, { step: 2 }];
    expect(send(store, { kllab: 1, type: 'getState', id: 7 })).toEqual({
      kllab: 1,
      type: 'reply',
      id: 7,
      ok: true,
      state: { settings: DEFAULT_STATE, phase: 'paused', runId: 1, step: 2 },
    });
  });

  it('set applies valid values and skips unchanged ones', () => {
    const store = new FakeStore();
    const reply = sendSet(store, 1, {
      lambda: 0,
      optimizer: 'sgd',
      freezeBatchNorm: true,
      dropout: DEFAULT_STATE.dropout,
    });
    expect(reply.ok).toBe(true);
    expect(store.calls).toEqual(['set lambda=0', 'set optimizer=sgd', 'set freezeBatchNorm=true']);
    if (reply.ok) {
      expect(reply.state.settings).toMatchObject({ lambda: 0, optimizer: 'sgd', freezeBatchNorm: true });
      expect(reply.corrections).toBeUndefined();
    }
  });

  it('set clamps out-of-range numbers by the schema and lists the corrections', () => {
    const store = new FakeStore();
    const reply = sendSet(store, 2, { lambda: 50, batchSize: 3.4, steps: -1e300 });
    expect(reply).toMatchObject({
      ok: true,
      state: { settings: { lambda: 10, batchSize: 3, steps: 10 } },
      corrections: [
        { name: 'lambda', given: '50', used: '10' },
        { name: 'batchSize', given: '3.4', used: '3' },
        { name: 'steps', given: '-1e+300', used: '10' },
      ],
    });
  });

  it.each([
    [{ lambda: 0, nope: 1 }, /unknown setting: nope/],
    [JSON.parse('{"lambda":0,"__proto__":1}'), /unknown setting: __proto__/],
    [{ lambda: Number.NaN }, /lambda must be a finite number/],
    [{ dropout: 0, lambda: Number.POSITIVE_INFINITY }, /lambda must be a finite number/],
    [{ lambda: '0.5' }, /lambda must be a finite number/],
    [{ lambda: 0, optimizer: 'rmsprop' }, /optimizer must be one of adam, sgd/],
    [{ lambda: 0, logTarget: 1 }, /logTarget must be true or false/],
    [[1, 2], /"settings" must be a plain object/],
    [null, /"settings" must be a plain object/],
    [new Date(0), /"settings" must be a plain object/],
  ])('set refuses %o, changing nothing', (settings, error) => {
    const store = new FakeStore();
    const reply = sendSet(store, 'x', settings);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(store.calls).toEqual([]);
  });

  it('a JSON __proto__ key is an unknown setting, and no prototype is touched', () => {
    const store = new FakeStore();
    const message = JSON.parse('{"kllab":1,"type":"set","id":1,"settings":{"__proto__":{"lambda":5}}}');
    expect(send(store, message)).toMatchObject({ ok: false, error: 'unknown setting: __proto__' });
    expect(({} as Record<string, unknown>).lambda).toBeUndefined();
  });

  it('play, pause and reset drive the store and reply with the new state', () => {
    const store = new FakeStore();
    expect(send(store, { kllab: 1, type: 'play', id: 1 })).toMatchObject({
      ok: true,
      state: { phase: 'playing' },
    });
    expect(send(store, { kllab: 1, type: 'play', id: 2 })).toMatchObject({
      ok: true,
      state: { phase: 'playing' },
    });
    expect(send(store, { kllab: 1, type: 'pause', id: 3 })).toMatchObject({
      ok: true,
      state: { phase: 'paused' },
    });
    expect(send(store, { kllab: 1, type: 'reset', id: 4 })).toMatchObject({ ok: true, state: { runId: 2 } });
    store.phase = 'pretraining';
    expect(send(store, { kllab: 1, type: 'play', id: 5 })).toEqual({
      kllab: 1,
      type: 'reply',
      id: 5,
      ok: false,
      error: 'cannot play while the lab is pretraining',
    });
  });

  it('step asks for one step, or a batch of count, and says when it cannot', () => {
    const store = new FakeStore();
    expect(send(store, { kllab: 1, type: 'step', id: 1 })).toMatchObject({ ok: true, state: { step: 1 } });
    expect(send(store, { kllab: 1, type: 'step', id: 2, count: 25 })).toMatchObject({
      ok: true,
      state: { step: 26 },
    });
    expect(store.calls).toEqual(['step 1', 'step 25']);
    for (const count of [0, -1, 1.5, MAX_STEP_COUNT + 1, Number.NaN, '3', null])
      expect(send(store, { kllab: 1, type: 'step', id: 3, count })).toMatchObject({
        ok: false,
        error: '"count" must be an integer from 1 to 1000',
      });
    store.stepInFlight = true;
    expect(send(store, { kllab: 1, type: 'step', id: 4 })).toMatchObject({
      ok: false,
      error: 'cannot step: the previous step has not finished',
    });
    store.phase = 'playing';
    expect(send(store, { kllab: 1, type: 'step', id: 5 })).toMatchObject({
      error: 'cannot step while the lab is playing',
    });
  });

  it('unknown commands and versions get a reason; other protocols are ignored', () => {
    const store = new FakeStore();
    expect(send(store, { kllab: 1, type: 'explode', id: 1 })).toMatchObject({
      ok: false,
      error: 'unknown command: explode',
    });
    expect(send(store, { kllab: 1, type: 'reply', id: 1 })).toMatchObject({
      ok: false,
      error: 'unknown command: reply',
    });
    expect(send(store, { kllab: 1, id: 1 })).toMatchObject({
      ok: false,
      error: 'a command needs a string "type"',
    });
    expect(send(store, { kllab: 2, type: 'ping', id: 1 })).toMatchObject({
      ok: false,
      error: /unsupported kllab version/,
    });
    expect(handleHostMessage(store, { subject: 'lti.frameResize', id: 1 })).toEqual({
      reply: null,
      ready: null,
    });
    expect(handleHostMessage(store, { kllab: 1, type: 'explode' })).toEqual({ reply: null, ready: null });
    expect(store.calls).toEqual([]);
  });

  it('a store that throws still gets exactly one reply', () => {
    const store = new FakeStore();
    store.reset = () => {
      throw new Error('boom');
    };
    expect(send(store, { kllab: 1, type: 'reset', id: 9 })).toEqual({
      kllab: 1,
      type: 'reply',
      id: 9,
      ok: false,
      error: 'the lab could not handle this command',
    });
  });
});

function isValidState(state: LabState): boolean {
  return (
    SETTINGS.every((s) => {
      const v: unknown = state[s.name];
      if (s.kind === 'number')
        return (
          typeof v === 'number' &&
          Number.isFinite(v) &&
          v >= s.min &&
          v <= s.max &&
          (!('integer' in s) || Number.isInteger(v))
        );
      if (s.kind === 'boolean') return typeof v === 'boolean';
      return typeof v === 'string' && (s.options as readonly string[]).includes(v);
    }) && Object.keys(state).length === SETTINGS.length
  );
}

describe('Host API fuzzing', () => {
  it('1,000 random malformed messages: no throw, one reply per id, settings stay valid', () => {
    const random = seededStream(20261130);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const names = [...SETTINGS.map((s) => s.name), '__proto__', 'constructor', 'toString', 'nope', ''];
    const types = ['ping', 'getState', 'set', 'play', 'pause', 'step', 'reset', 'bogus', '', 'reply'];
    const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
    const value = (): unknown =>
      pick<() => unknown>([
        () => random() * 20 - 5,
        () => Number.NaN,
        () => Number.POSITIVE_INFINITY,
        () => -1e308,
        () => 1e308,
        () => Math.floor(random() * 2000) - 500,
        () => random() < 0.5,
        () => pick(['adam', 'sgd', 'eval', 'train', 'wasm', 'zh', 'x', '']),
        () => null,
        () => undefined,
        () => [1, 2],
        () => nested(200),
        () => ({ valueOf: () => 3 }),
        () => Symbol('s'),
        () => 10n,
      ])();
    const settings = (): unknown => {
      if (random() < 0.1) return value();
      const object: Record<string, unknown> = {};
      const count = Math.floor(random() * 4);
      for (let i = 0; i < count; i++)
        Object.defineProperty(object, pick(names), { value: value(), enumerable: true, configurable: true });
      return object;
    };
    const message = (): unknown => {
      if (random() < 0.08) return value();
      const m: Record<string, unknown> = {};
      if (random() < 0.9) m.kllab = random() < 0.9 ? 1 : value();
      if (random() < 0.9) m.type = random() < 0.85 ? pick(types) : value();
      if (random() < 0.6) m.id = random() < 0.8 ? Math.floor(random() * 1e6) : value();
      if (random() < 0.5) m.settings = settings();
      if (random() < 0.3) m.count = value();
      if (random() < 0.05) Object.defineProperty(m, '__proto__', { value: { kllab: 1 }, enumerable: true });
      return m;
    };

    const store = new FakeStore();
    let replies = 0;
    let withId = 0;
    for (let i = 0; i < 1000; i++) {
      const m = message();
      store.phase = pick(['paused', 'playing', 'pretraining', 'finished'] as const);
      store.stepInFlight = random() < 0.2;
      const outcome = handleHostMessage(store, m);
      const hasId =
        typeof m === 'object' &&
        m !== null &&
        !Array.isArray(m) &&
        Object.hasOwn(m, 'kllab') &&
        Object.hasOwn(m, 'id') &&
        (typeof (m as { id: unknown }).id === 'string' || Number.isFinite((m as { id: unknown }).id));
      if (hasId) {
        withId++;
        expect(
          outcome.reply,
          JSON.stringify(m, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
        ).not.toBeNull();
        expect(outcome.reply?.id).toBe((m as { id: unknown }).id);
        replies++;
      } else {
        expect(outcome.reply).toBeNull();
      }
      expect(isValidState(store.settings)).toBe(true);
    }
    expect(replies).toBe(withId);
    expect(withId).toBeGreaterThan(300);
  });
});
