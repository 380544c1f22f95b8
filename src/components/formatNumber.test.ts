import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatDecimals,
  formatPercent,
  formatShort,
  formatSignificant,
  NO_VALUE,
} from './formatNumber';

describe('formatSignificant', () => {
  it.each([
    [1.234567, 5, '1.2346'],
    [0.5, 4, '0.5000'],
    [1234.5, 3, '1.23e+3'],
    [Number.NaN, 4, 'NaN'],
    [Number.POSITIVE_INFINITY, 4, 'Infinity'],
    [undefined, 4, NO_VALUE],
  ])('%s to %i digits is %s', (value, digits, text) => {
    expect(formatSignificant(value, digits)).toBe(text);
  });
});

describe('formatShort', () => {
  it.each([
    [0.3, 4, '0.3'],
    [1, 4, '1'],
    [0.123456, 4, '0.1235'],
    [0, 4, '0'],
  ])('%s to %i digits is %s', (value, digits, text) => {
    expect(formatShort(value, digits)).toBe(text);
  });
});

describe('formatCompact', () => {
  it.each([
    [0, '0'],
    [1.5, '1.5'],
    [0.123456, '0.123'],
    [-2.3456, '-2.35'],
    [123456, '1.2e+5'],
    [0.0001234, '1.2e-4'],
    [Number.NaN, 'NaN'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
  ])('%s is %s', (value, text) => {
    expect(formatCompact(value)).toBe(text);
  });
});

describe('formatDecimals', () => {
  it.each([
    [0.123456, 4, '0.1235'],
    [2, 2, '2.00'],
    [-0.00001, 4, '0.0000'],
    [-0.5, 1, '-0.5'],
    [Number.NaN, 4, 'NaN'],
    [Number.POSITIVE_INFINITY, 4, '∞'],
    [Number.NEGATIVE_INFINITY, 4, '−∞'],
  ])('%s to %i decimals is %s', (value, digits, text) => {
    expect(formatDecimals(value, digits)).toBe(text);
  });

  it('prints four decimals unless told otherwise', () => {
    expect(formatDecimals(1 / 3)).toBe('0.3333');
  });
});

describe('formatPercent', () => {
  it.each([
    [0.8123, '81.2%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [undefined, NO_VALUE],
  ])('%s is %s', (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });
});
