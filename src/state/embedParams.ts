import { SETTINGS, type SettingName } from './schema';

/**
 * The page parameters a course page sets when it frames the lab: they shape the page around the
 * lab rather than describe a run, so they live beside the schema's settings, not among them.
 */
export interface EmbedParams {
  /** `embed=1`: only the instrument panel, laid out for a frame. */
  embed: boolean;
  /** `autoplay=1`: training starts by itself once pretraining is done. */
  autoplay: boolean;
  /** `hide=NAME,NAME`: these settings' controls are not shown. */
  hidden: ReadonlySet<SettingName>;
  /** `lock=NAME,NAME`: these settings' controls are shown but cannot be changed. */
  locked: ReadonlySet<SettingName>;
  /** Names in `hide` or `lock` that are not settings, in the order given (said in a notice). */
  unknown: readonly string[];
}

/**
 * The page parameters as a course author reads them (docs/EMBED.md's URL table is generated from
 * this list and the schema): the one place they are described. `origin` is read by
 * src/embed/hostOrigins.ts, the others by `parseEmbedParams`.
 */
export const PAGE_PARAMETERS = [
  { name: 'embed', values: '`1` or `true`', does: 'shows the instrument panel alone, laid out for a frame' },
  {
    name: 'autoplay',
    values: '`1` or `true`',
    does: 'starts training by itself once pretraining is done (while the lab is in sight)',
  },
  {
    name: 'hide',
    values: 'setting names, comma-separated; may repeat',
    does: 'these settings’ controls are not shown (unknown names are said in a notice)',
  },
  {
    name: 'lock',
    values: 'setting names, comma-separated; may repeat',
    does: 'these settings’ controls are shown but cannot be changed (unknown names are said in a notice)',
  },
  {
    name: 'origin',
    values: 'origins, comma-separated; may repeat',
    does: 'the host pages that may use the Host API (below); without it, the framing page’s own origin',
  },
] as const;

const SETTING_NAMES: ReadonlySet<string> = new Set(SETTINGS.map((s) => s.name));

function isOn(text: string | null): boolean {
  return text === '1' || text === 'true';
}

/** `hide=a,b&hide=c` lists a, b and c: a page may build the link in parts. */
function namesIn(texts: string[]): string[] {
  return texts
    .join(',')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function parseEmbedParams(query: string): EmbedParams {
  const params = new URLSearchParams(query);
  const unknown: string[] = [];
  const known = (key: string): Set<SettingName> => {
    const names = new Set<SettingName>();
    for (const name of namesIn(params.getAll(key))) {
      if (SETTING_NAMES.has(name)) names.add(name as SettingName);
      else if (!unknown.includes(name)) unknown.push(name);
    }
    return names;
  };
  const hidden = known('hide');
  const locked = known('lock');
  return {
    embed: isOn(params.get('embed')),
    autoplay: isOn(params.get('autoplay')),
    hidden,
    locked,
    unknown,
  };
}
