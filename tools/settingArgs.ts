/**
 * The command line of the tools that run the lab's scenario headless: `--name value` pairs, where a
 * name is a setting of the state schema or one of the tool's own numeric options. The settings are
 * read exactly as the page reads its address (stateFromQuery): out-of-range values are clamped
 * (reported on stderr), and settings not given take their default in the chosen scenario.
 */
import { type LabState, settingNamed, stateFromQuery } from '../src/state/schema';

export function readSettingArgs<Options extends Record<string, number>>(
  argv: string[],
  tool: string,
  ownOptions: Options = {} as Options,
): { state: LabState; options: Options } {
  const options: Record<string, number> = { ...ownOptions };
  const query = new URLSearchParams();
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
    if (!settingNamed(name)) throw new Error(`unknown setting "${argv[i]}"`);
    query.set(name, text); // the last of a repeated option counts
  }
  const { state, corrections } = stateFromQuery(query.toString());
  for (const { name, given, used } of corrections)
    process.stderr.write(`${tool}: --${name} ${given} is not valid; using ${used}\n`);
  return { state, options: options as Options };
}
