import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/I18n';
import type { BackendStatus } from '../../worker/backend';
import { backendSentence } from './backendSentence';

const en = translator('en');
const zh = translator('zh');

const status = (overrides: Partial<BackendStatus>): BackendStatus => ({
  name: 'wasm',
  reason: 'measured',
  software: false,
  failures: [],
  measured: [],
  softwareOnly: [],
  ...overrides,
});

describe('the backend sentence', () => {
  it('names the measured speed and why the GPU backends were left out', () => {
    const headless = status({
      measured: [{ name: 'wasm', stepsPerSecond: 409.6 }],
      softwareOnly: ['webgpu', 'webgl'],
    });
    expect(backendSentence(headless, en, 'en')).toBe(
      'Running on WASM at 410 steps/s, the fastest here: this browser has only a software renderer for WebGPU and WebGL.',
    );
    expect(backendSentence(headless, zh, 'zh')).toBe(
      '正在使用 WASM，每秒 410 步，在这里最快：此浏览器中 WebGPU和WebGL 只有软件渲染器。',
    );
  });

  it('compares the chosen backend with the others it was timed against', () => {
    const gpu = status({
      name: 'webgpu',
      measured: [
        { name: 'webgpu', stepsPerSecond: 900 },
        { name: 'wasm', stepsPerSecond: 400 },
        { name: 'webgl', stepsPerSecond: 300 },
      ],
    });
    expect(backendSentence(gpu, en, 'en')).toBe(
      'Running on WebGPU, the fastest here: 900 steps/s, against 400 on WASM and 300 on WebGL.',
    );
    const oneGpu = status({
      measured: [
        { name: 'wasm', stepsPerSecond: 400 },
        { name: 'webgl', stepsPerSecond: 120 },
      ],
      softwareOnly: ['webgpu'],
    });
    expect(backendSentence(oneGpu, en, 'en')).toBe(
      'Running on WASM, the fastest here: 400 steps/s, against 120 on WebGL; this browser has only a software renderer for WebGPU.',
    );
  });

  it('says why when nothing was measured', () => {
    expect(backendSentence(status({ name: 'webgl', reason: 'forced' }), en, 'en')).toBe(
      'Running on WebGL because it was chosen.',
    );
    expect(backendSentence(status({ reason: 'fallback' }), en, 'en')).toBe(
      'Running on WASM because a preferred backend failed to start.',
    );
    expect(backendSentence(status({ name: 'cpu', reason: 'last-resort' }), zh, 'zh')).toContain('CPU');
  });
});
