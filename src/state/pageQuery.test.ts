import { describe, expect, it } from 'vitest';
import { withSettingsQuery } from './pageQuery';

describe('the address after a setting changes', () => {
  it('replaces the settings and keeps the parameters that are not settings', () => {
    expect(withSettingsQuery('?lambda=3&origin=https%3A%2F%2Fa.example&embed=1', 'lambda=0')).toBe(
      'lambda=0&origin=https%3A%2F%2Fa.example&embed=1',
    );
    expect(withSettingsQuery('?lambda=3&seed=2', '')).toBe('');
    expect(withSettingsQuery('', 'lambda=0')).toBe('lambda=0');
  });
});
