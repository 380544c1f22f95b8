/**
 * The command line of the tools that run the lab's scenario headless: `--name value` pairs, where a
 * name is a setting of the state schema or one of the tool's own numeric options. Out-of-range
 * settings are clamped, as the page clamps its address (reported on stderr). Settings not given take
 * their default in the chosen scenario, as on the page.
 */
import {
  DEFAULT_STATE,
  defaultIn,
  type LabState,
  parseSetting,
  SETTINGS,
  settingNamed,
} from '../src/state/schema';

export function readSettingArgs<Options extends Record<string, number>>(
  argv: string[],
  tool: string,
  ownOptions: Options = {} as Options,
): { state: LabState; options: Options } {
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  const options: Record<string, number> = { ...ownOptions };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--')) throw new Error(`expected --name value, got "${argv[i]}"`);
    const name = argv[i].slice(2);
    const text = argv[i + 1];
    if (text === undefined) throw new Error(`--${name} needs a value`);
    // A tool's own option wins over a setting of the same name (the soak's --steps is no page run).
    if (Object.hasOwn(options, name)) {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${text}`);
      options[name] = n;
      continue;
    }
    const setting = settingNamed(name);
    if (!setting) throw new Error(`unknown setting "${argv[i]}"`);
    const { value, corrected } = parseSetting(setting, text);
    if (corrected) process.stderr.write(`${tool}: --${name} ${text} is not valid; using ${value}\n`);
    state[name] = value;
    given.add(name);
  }
  for (const setting of SETTINGS) {
    if (!given.has(setting.name))
      state[setting.name] = defaultIn(state.scenario as LabState['scenario'], setting);
  }
  return { state: state as LabState, options: options as Options };
}
