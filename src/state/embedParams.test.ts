import { describe, expect, it } from 'vitest';
import { parseEmbedParams } from './embedParams';

describe('the embed parameters', () => {
  it('are all off on a plain link', () => {
    const params = parseEmbedParams('?lambda=3');
    expect(params.embed).toBe(false);
    expect(params.autoplay).toBe(false);
    expect([...params.hidden]).toEqual([]);
    expect([...params.locked]).toEqual([]);
    expect(params.unknown).toEqual([]);
  });

  it('read embed and autoplay as 1 or true, anything else as off', () => {
    expect(parseEmbedParams('?embed=1&autoplay=true')).toMatchObject({ embed: true, autoplay: true });
    expect(parseEmbedParams('embed=0&autoplay=yes')).toMatchObject({ embed: false, autoplay: false });
  });

  it('read hide and lock as comma-separated setting names, spaces and empty names ignored', () => {
    const params = parseEmbedParams('?hide=dropout,%20seed,,&lock=lambda');
    expect([...params.hidden]).toEqual(['dropout', 'seed']);
    expect([...params.locked]).toEqual(['lambda']);
  });

  it('list names that are not settings once each, and leave them out of hide and lock', () => {
    const params = parseEmbedParams('?hide=dropout,temperature&lock=temperature,Lambda');
    expect([...params.hidden]).toEqual(['dropout']);
    expect([...params.locked]).toEqual([]);
    expect(params.unknown).toEqual(['temperature', 'Lambda']);
  });

  it('join a name list given more than once', () => {
    const params = parseEmbedParams('?lock=lambda&lock=seed,nosuch');
    expect([...params.locked]).toEqual(['lambda', 'seed']);
    expect(params.unknown).toEqual(['nosuch']);
  });
});
