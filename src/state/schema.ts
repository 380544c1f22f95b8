import {
  SCENARIO_DEFAULTS,
  SCENARIO_NAMES,
  SCENARIO_TRAINING,
  type ScenarioName,
  type ScenarioSettings,
  type ScenarioTrainingName,
} from '../engine/scenarioSettings';

/**
 * Every user-settable value of the lab, declared once: name, type, default, range, URL key and the
 * i18n key of its label. URL sync, validation, the controls and the scenario CLI derive from this.
 * What a run is belongs to the engine: the scenario's settings take their defaults from it.
 */
export type Setting =
  | {
      kind: 'number';
      name: string;
      default: number;
      min: number;
      max: number;
      /** Integer-valued settings round to whole numbers. */
      integer?: boolean;
      /** Fine-tuning reads it from the next step on, or it needs a new run. */
      live: boolean;
      /** A slider (with `step`) or a number field. */
      control: 'slider' | 'number';
      step: number;
      /** Values offered as one-click buttons beside a slider. */
      presets?: readonly number[];
    }
  | { kind: 'choice'; name: string; default: string; options: readonly string[]; live: boolean }
  | {
      kind: 'boolean';
      name: string;
      default: boolean;
      live: boolean;
      /** A classic mistake, switched on and off in the pitfall lab rather than among the settings. */
      pitfall?: boolean;
    };

export const SETTINGS = [
  // Which data the run trains on; a new scenario is a new run. First: other defaults depend on it.
  {
    kind: 'choice',
    name: 'scenario',
    default: SCENARIO_DEFAULTS.scenario,
    options: SCENARIO_NAMES,
    live: false,
  },
  {
    kind: 'number',
    name: 'rotation',
    default: SCENARIO_DEFAULTS.rotation,
    min: 0,
    max: 180,
    integer: true,
    live: false,
    control: 'slider',
    step: 15,
  },
  {
    kind: 'number',
    name: 'lambda',
    default: SCENARIO_DEFAULTS.lambda,
    min: 0,
    max: 10,
    live: true,
    control: 'slider',
    step: 0.01,
    // The interesting range is near 0: the slider moves in 0.01 steps, the presets span decades.
    presets: [0, 0.1, 0.3, 1, 3, 10],
  },
  {
    kind: 'number',
    name: 'dropout',
    default: SCENARIO_DEFAULTS.dropout,
    min: 0,
    max: 0.9,
    live: true,
    control: 'slider',
    step: 0.05,
  },
  {
    kind: 'choice',
    name: 'modelMode',
    default: SCENARIO_DEFAULTS.modelMode,
    options: ['train', 'eval'],
    live: true,
  },
  {
    kind: 'choice',
    name: 'modelOldMode',
    default: SCENARIO_DEFAULTS.modelOldMode,
    options: ['eval', 'train'],
    live: true,
  },
  { kind: 'boolean', name: 'freezeBatchNorm', default: SCENARIO_DEFAULTS.freezeBatchNorm, live: true },
  {
    kind: 'number',
    name: 'lr',
    default: SCENARIO_DEFAULTS.lr,
    min: 0.0001,
    max: 0.1,
    live: true,
    control: 'number',
    step: 0.0001,
  },
  {
    kind: 'number',
    name: 'batchSize',
    default: SCENARIO_DEFAULTS.batchSize,
    min: 2,
    max: 256,
    integer: true,
    live: true,
    control: 'number',
    step: 1,
  },
  {
    kind: 'choice',
    name: 'optimizer',
    default: SCENARIO_DEFAULTS.optimizer,
    options: ['adam', 'sgd'],
    live: true,
  },
  {
    kind: 'choice',
    name: 'reduction',
    default: SCENARIO_DEFAULTS.reduction,
    options: ['batchmean', 'sum', 'mean'],
    live: true,
  },
  { kind: 'boolean', name: 'logTarget', default: SCENARIO_DEFAULTS.logTarget, live: true },
  {
    kind: 'choice',
    name: 'direction',
    default: SCENARIO_DEFAULTS.direction,
    options: ['old||new', 'new||old'],
    live: true,
  },
  {
    kind: 'choice',
    name: 'klInputs',
    default: SCENARIO_DEFAULTS.klInputs,
    options: ['finetune', 'replay'],
    live: true,
  },
  // The pitfall lab: classic mistakes injected into the live run (see src/components/pitfalls).
  {
    kind: 'boolean',
    name: 'shareModelOld',
    default: SCENARIO_DEFAULTS.shareModelOld,
    live: true,
    pitfall: true,
  },
  {
    kind: 'boolean',
    name: 'teacherNoGrad',
    default: SCENARIO_DEFAULTS.teacherNoGrad,
    live: true,
    pitfall: true,
  },
  {
    kind: 'boolean',
    name: 'probsAsInput',
    default: SCENARIO_DEFAULTS.probsAsInput,
    live: true,
    pitfall: true,
  },
  {
    kind: 'number',
    name: 'seed',
    default: SCENARIO_DEFAULTS.seed,
    min: 1,
    max: 999999,
    integer: true,
    live: false,
    control: 'number',
    step: 1,
  },
  {
    kind: 'number',
    name: 'steps',
    default: 300,
    min: 10,
    max: 5000,
    integer: true,
    live: true,
    control: 'number',
    step: 10,
  },
  {
    kind: 'choice',
    name: 'backend',
    default: 'auto',
    options: ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'],
    live: true,
  },
  { kind: 'choice', name: 'lang', default: 'auto', options: ['auto', 'en', 'zh'], live: true },
  // How the page looks; `auto` follows the system's light or dark preference.
  { kind: 'choice', name: 'theme', default: 'auto', options: ['auto', 'light', 'dark'], live: true },
] as const satisfies readonly Setting[];

type SettingOf<N> = Extract<(typeof SETTINGS)[number], { name: N }>;
type ValueOf<S> = S extends { kind: 'number' }
  ? number
  : S extends { kind: 'boolean' }
    ? boolean
    : S extends { options: readonly (infer O)[] }
      ? O
      : never;

export type SettingName = (typeof SETTINGS)[number]['name'];
export type LabState = { [N in SettingName]: ValueOf<SettingOf<N>> };

export const DEFAULT_STATE = Object.fromEntries(SETTINGS.map((s) => [s.name, s.default])) as LabState;

/** A value that was out of range or unreadable, and what it became. */
export interface Correction {
  name: SettingName;
  given: string;
  used: string;
}

/** A setting's default in a scenario: the rate and the batch size follow it (SCENARIO_TRAINING). */
export function defaultIn(scenario: ScenarioName, setting: Setting): Setting['default'] {
  return Object.hasOwn(SCENARIO_TRAINING[scenario], setting.name)
    ? SCENARIO_TRAINING[scenario][setting.name as ScenarioTrainingName]
    : setting.default;
}

/**
 * Settings after the scenario changed from `from`: a rate or batch size still at the old scenario's
 * default moves to the new one's; one the user chose stays.
 */
export function followScenario(settings: LabState, from: ScenarioName): LabState {
  const next: Record<string, unknown> = { ...settings };
  for (const name of Object.keys(SCENARIO_TRAINING[from]) as ScenarioTrainingName[]) {
    if (settings[name] === SCENARIO_TRAINING[from][name])
      next[name] = SCENARIO_TRAINING[settings.scenario][name];
  }
  return next as LabState;
}

/**
 * Reads a setting from text (a URL or a command line). Out-of-range numbers are clamped to the
 * nearest valid value, unknown choices fall back to the default (the scenario's, where given);
 * either is reported.
 */
export function parseSetting(
  setting: Setting,
  text: string,
  fallback: Setting['default'] = setting.default,
): { value: number | string | boolean; corrected: boolean } {
  switch (setting.kind) {
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return { value: fallback, corrected: true };
      let v = Math.min(setting.max, Math.max(setting.min, n));
      if (setting.integer) v = Math.round(v);
      return { value: v, corrected: v !== n };
    }
    case 'boolean':
      if (text === 'true' || text === '1') return { value: true, corrected: false };
      if (text === 'false' || text === '0') return { value: false, corrected: false };
      return { value: fallback, corrected: true };
    case 'choice':
      return setting.options.includes(text)
        ? { value: text, corrected: false }
        : { value: fallback, corrected: true };
  }
}

/** The state a URL's query describes, with every correction made on the way. */
export function stateFromQuery(query: string): { state: LabState; corrections: Correction[] } {
  const params = new URLSearchParams(query);
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  const corrections: Correction[] = [];
  for (const setting of SETTINGS) {
    // The scenario comes first in SETTINGS, so it is read before the defaults that follow it.
    const fallback = defaultIn(state.scenario as ScenarioName, setting);
    const text = params.get(setting.name);
    if (text === null) {
      state[setting.name] = fallback;
      continue;
    }
    const { value, corrected } = parseSetting(setting, text, fallback);
    state[setting.name] = value;
    if (corrected) corrections.push({ name: setting.name, given: text, used: String(value) });
  }
  return { state: state as LabState, corrections };
}

/** The query that reproduces `state`; settings at their default (in its scenario) are left out. */
export function queryFromState(state: LabState): string {
  const params = new URLSearchParams();
  for (const setting of SETTINGS) {
    const value = state[setting.name];
    if (value !== defaultIn(state.scenario, setting)) params.set(setting.name, String(value));
  }
  return params.toString();
}

/** The settings the training scenario reads: all but the run length, the backend, the language and the theme. */
export function scenarioSettings(state: LabState): ScenarioSettings {
  const { steps: _steps, backend: _backend, lang: _lang, theme: _theme, ...settings } = state;
  return settings;
}

export function settingNamed(name: string): Setting | undefined {
  return SETTINGS.find((s) => s.name === name);
}
