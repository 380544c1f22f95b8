import { useEffect, useSyncExternalStore } from 'react';
import type { LabState } from '../state/schema';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const systemPrefersDark = () => window.matchMedia(DARK_QUERY).matches;

/**
 * Puts the theme on the root element (`data-theme="light|dark"`), where the stylesheets' colour
 * variables read it; `auto` follows the system and changes with it.
 */
export function useTheme(setting: LabState['theme']): void {
  const prefersDark = useSyncExternalStore(subscribe, systemPrefersDark);
  const theme = setting === 'auto' ? (prefersDark ? 'dark' : 'light') : setting;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
