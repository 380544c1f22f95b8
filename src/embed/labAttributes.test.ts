import { describe, expect, it } from 'vitest';
import { SCENARIO_TRAINING } from '../engine/scenarioSettings';
import { SETTINGS } from '../state/schema';
import {
  labAddress,
  labBesideScript,
  OBSERVED_ATTRIBUTES,
  settingForAttribute,
  settingValue,
} from './labAttributes';

const LAB = labBesideScript('https://lab.example/kl/embed.js');
const HOST = 'https://course.example';

/** Attributes as the browser gives them: names lowercased, bare ones with an empty value. */
const attrs = (pairs: Record<string, string>) =>
  Object.entries(pairs).map(([name, value]) => ({ name, value }));

function query(pairs: Record<string, string>): Record<string, string[]> {
  const params = labAddress(LAB, attrs(pairs), HOST).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key)]));
}

describe('labAddress', () => {
  it('frames the lab beside embed.js, in embed view, listening to the host page only', () => {
    const address = labAddress(LAB, [], HOST);
    expect(`${address.origin}${address.pathname}`).toBe('https://lab.example/kl/');
    expect(query({})).toEqual({ embed: ['1'], origin: [HOST] });
  });

  it('passes settings under their schema names, whatever the case of the attribute', () => {
    expect(
      query({ lambda: '0', modelmode: 'eval', BatchSize: '64', freezebatchnorm: '', logtarget: 'false' }),
    ).toMatchObject({
      lambda: ['0'],
      modelMode: ['eval'],
      batchSize: ['64'],
      freezeBatchNorm: ['true'],
      logTarget: ['false'],
    });
  });

  it('passes hide and lock as written, and a bare autoplay as autoplay=1', () => {
    expect(query({ hide: 'dropout', lock: 'lambda,seed', autoplay: '' })).toMatchObject({
      hide: ['dropout'],
      lock: ['lambda,seed'],
      autoplay: ['1'],
    });
    expect(query({ autoplay: 'false' }).autoplay).toEqual(['false']);
  });

  it('leaves attributes that are neither settings nor page parameters out', () => {
    expect(query({ class: 'wide', id: 'lab', title: 'Lab', style: 'margin:0', nope: '1' })).toEqual({
      embed: ['1'],
      origin: [HOST],
    });
  });

  it('takes src over the default, relative to embed.js, keeping its own parameters', () => {
    const address = labAddress(
      LAB,
      attrs({ src: 'other/?lang=zh&origin=https://b.example', lambda: '3' }),
      HOST,
    );
    expect(address.href.startsWith('https://lab.example/kl/other/?')).toBe(true);
    expect(address.searchParams.get('lang')).toBe('zh');
    expect(address.searchParams.getAll('origin')).toEqual(['https://b.example', HOST]);
    expect(address.searchParams.get('lambda')).toBe('3');
    // An origin src already lists is not added twice.
    const listed = labAddress(LAB, attrs({ src: `https://x.example/?origin=a,${HOST}` }), HOST);
    expect(listed.origin).toBe('https://x.example');
    expect(listed.searchParams.getAll('origin')).toEqual([`a,${HOST}`]);
  });

  it('overrides embed whatever src says', () => {
    expect(labAddress(LAB, attrs({ src: '?embed=0' }), HOST).searchParams.getAll('embed')).toEqual(['1']);
  });
});

describe('the attributes the element watches', () => {
  it('are every setting in lower case, the page parameters, src and title', () => {
    for (const setting of SETTINGS) {
      expect(OBSERVED_ATTRIBUTES).toContain(setting.name.toLowerCase());
      expect(settingForAttribute(setting.name.toUpperCase())?.name).toBe(setting.name);
    }
    for (const name of ['hide', 'lock', 'autoplay', 'src', 'title'])
      expect(OBSERVED_ATTRIBUTES).toContain(name);
    expect(settingForAttribute('hide')).toBeUndefined();
  });
});

describe('settingValue', () => {
  const setting = (name: string) => {
    const found = settingForAttribute(name);
    if (!found) throw new Error(name);
    return found;
  };

  it('reads text as the setting kind, for a set command', () => {
    expect(settingValue(setting('lambda'), '0.3')).toBe(0.3);
    expect(settingValue(setting('freezebatchnorm'), '')).toBe(true);
    expect(settingValue(setting('freezebatchnorm'), '0')).toBe(false);
    expect(settingValue(setting('optimizer'), 'sgd')).toBe('sgd');
  });

  it('means the default when the attribute is removed', () => {
    expect(settingValue(setting('lambda'), null)).toBe(1);
    expect(settingValue(setting('teachernograd'), null)).toBe(true);
  });

  it("means the element's scenario's default for the rate and batch size", () => {
    expect(settingValue(setting('lr'), null, 'digits')).toBe(SCENARIO_TRAINING.digits.lr);
    expect(settingValue(setting('batchsize'), null, 'digits')).toBe(SCENARIO_TRAINING.digits.batchSize);
    expect(settingValue(setting('lr'), null, 'sectors')).toBe(SCENARIO_TRAINING.sectors.lr);
    expect(settingValue(setting('lr'), null, 'no such')).toBe(SCENARIO_TRAINING.sectors.lr);
    expect(settingValue(setting('lambda'), null, 'digits')).toBe(1);
  });

  it('passes unreadable text on, for the lab to refuse with its reason', () => {
    expect(settingValue(setting('lambda'), 'lots')).toBeNaN();
    expect(settingValue(setting('lambda'), ' ')).toBe(' ');
    expect(settingValue(setting('logtarget'), 'yes')).toBe('yes');
  });
});
