import { SCENARIO_DEFAULTS, SCENARIO_NAMES } from '../engine/scenarioSettings';
import { defaultIn, SETTINGS, type Setting } from '../state/schema';

/**
 * How a `<kl-lab>` element's attributes become the framed lab's address and, when they change
 * later, `set` commands. Pure, and small: embed.js bundles it (and the schema) and nothing else.
 * HTML lowercases attribute names, so settings are matched without regard to case.
 */

const SETTING_BY_ATTRIBUTE = new Map<string, Setting>(SETTINGS.map((s) => [s.name.toLowerCase(), s]));

/** Page parameters (docs/EMBED.md) that shape the page rather than a run: read when the frame loads. */
export const PAGE_ATTRIBUTES = ['hide', 'lock', 'autoplay'] as const;

/** Every attribute the element watches: the settings, the page parameters, its `src` and `title`. */
export const OBSERVED_ATTRIBUTES: readonly string[] = [
  ...SETTING_BY_ATTRIBUTE.keys(),
  ...PAGE_ATTRIBUTES,
  'src',
  'title',
];

export function settingForAttribute(attribute: string): Setting | undefined {
  return SETTING_BY_ATTRIBUTE.get(attribute.toLowerCase());
}

/** Where the lab is by default: the folder embed.js was loaded from. */
export function labBesideScript(scriptUrl: string): URL {
  return new URL('./', scriptUrl);
}

/** A boolean attribute written bare (`autoplay`, `logtarget`) means on; `="false"` or `="0"` spell off. */
function booleanText(value: string): string {
  return value === '' ? 'true' : value;
}

/**
 * The framed lab's address: `src` (or the lab beside the script) with the settings and page
 * parameters the attributes give, `embed=1`, and the host page's origin added to the `origin` list
 * (the lab talks only to listed origins). Parameters already in `src` stay.
 */
export function labAddress(
  defaultLab: URL,
  attributes: Iterable<{ name: string; value: string }>,
  hostOrigin: string,
): URL {
  const list = [...attributes];
  const src = list.find((a) => a.name.toLowerCase() === 'src')?.value.trim();
  const address = src ? new URL(src, defaultLab) : new URL(defaultLab);
  const params = address.searchParams;
  for (const { name, value } of list) {
    const setting = settingForAttribute(name);
    if (setting) params.set(setting.name, setting.kind === 'boolean' ? booleanText(value) : value);
    else if (name === 'hide' || name === 'lock') params.set(name, value);
    else if (name === 'autoplay') params.set('autoplay', booleanText(value) === 'true' ? '1' : value);
  }
  params.set('embed', '1');
  if (!params.getAll('origin').some((listed) => listed.split(',').includes(hostOrigin)))
    params.append('origin', hostOrigin);
  return address;
}

/**
 * A setting's value for a `set` command from its attribute's new text; a removed attribute (null)
 * means the default in the element's scenario (its `scenario` attribute). Text that does not read
 * as the setting's kind is passed on unchanged, so the lab's own validation rejects it with its
 * reason.
 */
export function settingValue(setting: Setting, text: string | null, scenario: string | null = null): unknown {
  if (text === null) {
    const known = SCENARIO_NAMES.find((name) => name === scenario);
    return defaultIn(known ?? SCENARIO_DEFAULTS.scenario, setting);
  }
  switch (setting.kind) {
    case 'number':
      return text.trim() === '' ? text : Number(text);
    case 'boolean': {
      const spelled = booleanText(text);
      if (spelled === 'true' || spelled === '1') return true;
      if (spelled === 'false' || spelled === '0') return false;
      return text;
    }
    case 'choice':
      return text;
  }
}
