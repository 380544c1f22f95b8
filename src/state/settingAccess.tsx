import { createContext, type ReactNode, useContext } from 'react';
import type { SettingName } from './schema';

/** Whether a setting's control is shown and can be changed (a course page may hide or lock some). */
export type SettingAccess = 'open' | 'locked' | 'hidden';

interface AccessRules {
  hidden: ReadonlySet<SettingName>;
  locked: ReadonlySet<SettingName>;
  /** Names the page asked to hide or lock that are not settings. */
  unknown: readonly string[];
}

const OPEN: AccessRules = { hidden: new Set(), locked: new Set(), unknown: [] };
const SettingAccessContext = createContext<AccessRules>(OPEN);

export function SettingAccessProvider({ rules, children }: { rules: AccessRules; children: ReactNode }) {
  return <SettingAccessContext.Provider value={rules}>{children}</SettingAccessContext.Provider>;
}

/** Hidden wins over locked: a control that is not shown need not be disabled. */
export function useSettingAccess(name: SettingName): SettingAccess {
  const { hidden, locked } = useContext(SettingAccessContext);
  if (hidden.has(name)) return 'hidden';
  return locked.has(name) ? 'locked' : 'open';
}

export function useUnknownSettingNames(): readonly string[] {
  return useContext(SettingAccessContext).unknown;
}
