import { describe, expect, it } from 'vitest';
import { hostOrigins, listedOrigins } from './hostOrigins';

describe('host origins', () => {
  it('reads the listed origins, normalised, skipping what is not an origin', () => {
    expect(
      listedOrigins(
        '?origin=https://a.example,https://B.example:443/path,,nonsense,data:x&origin=http://c.test',
      ),
    ).toEqual(['https://a.example', 'https://b.example', 'http://c.test']);
  });

  it('sends events only to the parent when it is allowed, and nowhere when it is not', () => {
    const search = '?origin=https://a.example,https://b.example';
    expect(hostOrigins(search, 'https://b.example')).toEqual({
      allowed: ['https://a.example', 'https://b.example'],
      targets: ['https://b.example'],
    });
    expect(hostOrigins(search, 'https://evil.example').targets).toEqual([]);
    expect(hostOrigins(search, null).targets).toEqual(['https://a.example', 'https://b.example']);
  });

  it('without a list, trusts only the framing page; without either, nobody', () => {
    expect(hostOrigins('', 'https://course.example')).toEqual({
      allowed: ['https://course.example'],
      targets: ['https://course.example'],
    });
    expect(hostOrigins('?lambda=0', null)).toEqual({ allowed: [], targets: [] });
  });
});
