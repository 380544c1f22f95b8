import { DEFAULT_STATE, type LabState, queryFromState, SETTINGS, type SettingName } from '../state/schema';

/**
 * The snippets a course author pastes to embed the lab (the Embed dialog shows them): a plain
 * iframe that needs no script on the host page, the `<kl-lab>` web component, and a raw HTML block
 * for Jupyter Book (MyST). Pure, so that what is copied is what the tests read.
 */

/** What the snippets are built from: the lab's address, its settings and the page's own parameters. */
export interface EmbedChoice {
  /** The lab's own address, `location.origin + location.pathname` (it may be a sub-path). */
  labUrl: string;
  settings: LabState;
  hidden: Iterable<SettingName>;
  locked: Iterable<SettingName>;
  autoplay: boolean;
  /** The frame's height in CSS pixels. */
  height: number;
  /** The frame's accessible name, in the page's language. */
  title: string;
}

/** The frame height a course page starts from, and the range the dialog accepts. */
export const FRAME_HEIGHT = { default: 650, min: 320, max: 2000 } as const;

/** A height typed into the dialog, as whole pixels within range; the default when it is not a number. */
export function frameHeight(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return FRAME_HEIGHT.default;
  return Math.round(Math.min(FRAME_HEIGHT.max, Math.max(FRAME_HEIGHT.min, n)));
}

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The settings an embed carries: those changed from their defaults, except the backend, which
 * describes the author's machine, not the lesson (each reader's browser picks its own fastest).
 */
export function embeddedSettings(settings: LabState): [SettingName, string][] {
  const query = queryFromState({ ...settings, backend: DEFAULT_STATE.backend });
  return [...new URLSearchParams(query)] as [SettingName, string][];
}

/** `hide` and `lock` lists in the schema's order, so the same choice always gives the same text. */
function inSchemaOrder(names: Iterable<SettingName>): SettingName[] {
  const wanted = new Set(names);
  return SETTINGS.map((s) => s.name).filter((name) => wanted.has(name));
}

/** The address the frame opens: the panel alone (`embed=1`), the settings, then the page parameters. */
export function frameSrc(choice: EmbedChoice): string {
  const params = new URLSearchParams({ embed: '1' });
  for (const [name, value] of embeddedSettings(choice.settings)) params.set(name, value);
  const hidden = inSchemaOrder(choice.hidden);
  const locked = inSchemaOrder(choice.locked);
  if (hidden.length > 0) params.set('hide', hidden.join(','));
  if (locked.length > 0) params.set('lock', locked.join(','));
  if (choice.autoplay) params.set('autoplay', '1');
  return `${choice.labUrl}?${params}`;
}

export function iframeSnippet(choice: EmbedChoice): string {
  return (
    `<iframe src="${escapeAttribute(frameSrc(choice))}" title="${escapeAttribute(choice.title)}"` +
    ` width="100%" height="${choice.height}" style="border:0" allow="fullscreen"></iframe>`
  );
}

/** The element's script sits beside the lab's page, wherever the lab is served from. */
export function componentSnippet(choice: EmbedChoice): string {
  const script = new URL('embed.js', choice.labUrl).href;
  const attributes = embeddedSettings(choice.settings).map(
    ([name, value]) => `${name}="${escapeAttribute(value)}"`,
  );
  const hidden = inSchemaOrder(choice.hidden);
  const locked = inSchemaOrder(choice.locked);
  if (hidden.length > 0) attributes.push(`hide="${hidden.join(',')}"`);
  if (locked.length > 0) attributes.push(`lock="${locked.join(',')}"`);
  if (choice.autoplay) attributes.push('autoplay');
  const opening = ['kl-lab', ...attributes].join(' ');
  return `<script type="module" src="${escapeAttribute(script)}"></script>\n<${opening}></kl-lab>`;
}

/**
 * Jupyter Book and Sphinx (MyST): a raw HTML block holding the iframe. MyST's own `iframe`
 * directive draws the frame at a fixed aspect ratio with no height option, too short for the lab.
 */
export function mystSnippet(choice: EmbedChoice): string {
  return `\`\`\`{raw} html\n${iframeSnippet(choice)}\n\`\`\``;
}
