import { describe, expect, it } from 'vitest';
import { settingApplies } from './settingApplies';

describe('settingApplies', () => {
  it('offers the rotation only for the digits', () => {
    expect(settingApplies('rotation', { scenario: 'digits' })).toBe(true);
    expect(settingApplies('rotation', { scenario: 'sectors' })).toBe(false);
  });

  it('leaves every other setting to apply', () => {
    expect(settingApplies('lambda', { scenario: 'sectors' })).toBe(true);
    expect(settingApplies('scenario', { scenario: 'sectors' })).toBe(true);
  });
});
