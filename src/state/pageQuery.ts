import { SETTINGS } from './schema';

/**
 * The address's query with the settings part replaced by `settingsQuery` and every other parameter
 * kept as it was (an embedding page's `origin`, `embed`, `hide`, …: they are not settings, but a
 * reload must keep them).
 */
export function withSettingsQuery(search: string, settingsQuery: string): string {
  const others = new URLSearchParams(search);
  for (const setting of SETTINGS) others.delete(setting.name);
  return [settingsQuery, others.toString()].filter(Boolean).join('&');
}
