import type { LabState, SettingName } from './schema';

/**
 * Whether a setting means anything with the others as they are: the rotation turns the digits of
 * the new task, so the 2-D points scenario has none. The settings tab leaves out what does not apply.
 */
export function settingApplies(name: SettingName, state: Pick<LabState, 'scenario'>): boolean {
  if (name === 'rotation') return state.scenario === 'digits';
  return true;
}
