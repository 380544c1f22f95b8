import type { Correction, LabState, Setting, SettingName } from '../state/schema';
import { parseSetting, SETTINGS } from '../state/schema';
import type { Phase } from '../state/store';

/**
 * Host API version 1: what a course page may ask of a framed lab over postMessage, validated
 * without trusting anything about the message. Pure: the browser wiring lives in `hostApi.ts`.
 */
export const HOST_API_VERSION = 1;

/** The largest `count` of a `step` command: a batch the worker finishes in a few seconds. */
export const MAX_STEP_COUNT = 1000;

/** What a host sees of the lab: in replies, in `state` events. */
export interface HostState {
  settings: LabState;
  phase: Phase;
  runId: number;
  step: number;
}

/** The part of the store the Host API drives (the real `LabStore` fits it). */
export interface HostStore {
  getView(): {
    settings: LabState;
    phase: Phase;
    runId: number;
    steps: readonly { step: number }[];
  };
  setSetting<N extends SettingName>(name: N, value: LabState[N]): void;
  play(): void;
  pause(): void;
  /** Returns false when the lab cannot step now (not paused, or a step in flight). */
  step(count?: number): boolean;
  reset(): void;
}

export type HostReply =
  | { kllab: 1; type: 'reply'; id: string | number; ok: true; state: HostState; corrections?: Correction[] }
  | { kllab: 1; type: 'reply'; id: string | number; ok: false; error: string };

export interface ReadyEvent {
  kllab: 1;
  type: 'ready';
  version: typeof HOST_API_VERSION;
  settings: LabState;
}

/** What one command produced: at most one reply, and whether the host asked for `ready` again. */
export interface CommandOutcome {
  reply: HostReply | null;
  ready: ReadyEvent | null;
}

// Machine-readable reasons for the host's developer; never shown to the lab's readers.
const ERRORS = {
  notObject: 'a command must be a plain object',
  version: 'unsupported kllab version (this lab speaks version 1)',
  noType: 'a command needs a string "type"',
  unknownCommand: (type: string) => `unknown command: ${type}`,
  settingsObject: '"settings" must be a plain object of setting names and values',
  unknownSetting: (name: string) => `unknown setting: ${name}`,
  badNumber: (name: string) => `bad setting: ${name} must be a finite number`,
  badBoolean: (name: string) => `bad setting: ${name} must be true or false`,
  badChoice: (name: string, options: readonly string[]) =>
    `bad setting: ${name} must be one of ${options.join(', ')}`,
  badCount: `"count" must be an integer from 1 to ${MAX_STEP_COUNT}`,
  cannotPlay: (phase: Phase) => `cannot play while the lab is ${phase}`,
  cannotStep: (phase: Phase) =>
    phase === 'paused'
      ? 'cannot step: the previous step has not finished'
      : `cannot step while the lab is ${phase}`,
  internal: 'the lab could not handle this command',
} as const;

const SETTING_BY_NAME = new Map<string, Setting>(SETTINGS.map((s) => [s.name, s]));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An own property, never one inherited (a message's `__proto__` key is just an unknown key). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isId(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

export function hostState(view: ReturnType<HostStore['getView']>): HostState {
  return {
    settings: view.settings,
    phase: view.phase,
    runId: view.runId,
    step: view.steps.at(-1)?.step ?? 0,
  };
}

export function readyEvent(store: HostStore): ReadyEvent {
  return { kllab: 1, type: 'ready', version: HOST_API_VERSION, settings: store.getView().settings };
}

type Checked =
  | { ok: true; value: LabState[SettingName]; correction: Correction | null }
  | { ok: false; error: string };

/** A host's value for one setting, by the schema's own rules: clamped numbers are corrections, not errors. */
function checkValue(setting: Setting, value: unknown): Checked {
  const name = setting.name as SettingName;
  switch (setting.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { ok: false, error: ERRORS.badNumber(name) };
      const parsed = parseSetting(setting, String(value));
      const used = parsed.value as number;
      return {
        ok: true,
        value: used,
        correction: used !== value ? { name, given: String(value), used: String(used) } : null,
      };
    }
    case 'boolean':
      if (typeof value !== 'boolean') return { ok: false, error: ERRORS.badBoolean(name) };
      return { ok: true, value, correction: null };
    case 'choice':
      if (typeof value !== 'string' || !setting.options.includes(value))
        return { ok: false, error: ERRORS.badChoice(name, setting.options) };
      return { ok: true, value: value as LabState[SettingName], correction: null };
  }
}

/** Validates every setting first, so a command with one bad value changes nothing. */
function applySettings(
  store: HostStore,
  settings: unknown,
): { ok: true; corrections: Correction[] } | { ok: false; error: string } {
  if (!isPlainObject(settings)) return { ok: false, error: ERRORS.settingsObject };
  const changes: { name: SettingName; value: LabState[SettingName] }[] = [];
  const corrections: Correction[] = [];
  for (const key of Object.keys(settings)) {
    const setting = SETTING_BY_NAME.get(key);
    if (!setting) return { ok: false, error: ERRORS.unknownSetting(key.slice(0, 100)) };
    const checked = checkValue(setting, settings[key]);
    if (!checked.ok) return checked;
    changes.push({ name: setting.name as SettingName, value: checked.value });
    if (checked.correction) corrections.push(checked.correction);
  }
  for (const { name, value } of changes) {
    // Unchanged values are skipped: each change commands the worker and tells the host.
    if (store.getView().settings[name] !== value) store.setSetting(name, value as never);
  }
  return { ok: true, corrections };
}

/** Runs a command; returns null (ignore it) for messages that are not Host API commands at all. */
function run(
  store: HostStore,
  message: Record<string, unknown>,
): { ok: true; corrections?: Correction[]; ready?: true } | { ok: false; error: string } {
  if (own(message, 'kllab') !== HOST_API_VERSION) return { ok: false, error: ERRORS.version };
  const type = own(message, 'type');
  if (typeof type !== 'string') return { ok: false, error: ERRORS.noType };
  const phase = store.getView().phase;
  switch (type) {
    case 'ping':
      return { ok: true, ready: true };
    case 'getState':
      return { ok: true };
    case 'set': {
      const applied = applySettings(store, own(message, 'settings'));
      if (!applied.ok) return applied;
      return applied.corrections.length > 0 ? { ok: true, corrections: applied.corrections } : { ok: true };
    }
    case 'play':
      if (phase === 'playing') return { ok: true };
      if (phase !== 'paused') return { ok: false, error: ERRORS.cannotPlay(phase) };
      store.play();
      return { ok: true };
    case 'pause':
      store.pause();
      return { ok: true };
    case 'step': {
      const count = Object.hasOwn(message, 'count') ? message.count : 1;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_STEP_COUNT)
        return { ok: false, error: ERRORS.badCount };
      return store.step(count) ? { ok: true } : { ok: false, error: ERRORS.cannotStep(phase) };
    }
    case 'reset':
      store.reset();
      return { ok: true };
    default:
      return { ok: false, error: ERRORS.unknownCommand(type.slice(0, 100)) };
  }
}

/**
 * Handles one message a host sent. Never throws. A message carrying an `id` (string or finite
 * number) gets exactly one reply; anything else that is wrong is ignored. Messages without
 * `kllab` belong to other protocols on the same window and are ignored even with an id.
 */
export function handleHostMessage(store: HostStore, data: unknown): CommandOutcome {
  const none: CommandOutcome = { reply: null, ready: null };
  let id: string | number | null = null;
  try {
    if (!isPlainObject(data) || !Object.hasOwn(data, 'kllab')) return none;
    const given = own(data, 'id');
    id = isId(given) ? given : null;
    const outcome = run(store, data);
    const ready = outcome.ok && outcome.ready ? readyEvent(store) : null;
    if (id === null) return { reply: null, ready };
    const reply: HostReply = outcome.ok
      ? {
          kllab: 1,
          type: 'reply',
          id,
          ok: true,
          state: hostState(store.getView()),
          ...(outcome.corrections ? { corrections: outcome.corrections } : {}),
        }
      : { kllab: 1, type: 'reply', id, ok: false, error: outcome.error };
    return { reply, ready };
  } catch {
    return id === null
      ? none
      : { reply: { kllab: 1, type: 'reply', id, ok: false, error: ERRORS.internal }, ready: null };
  }
}
