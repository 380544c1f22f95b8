import { describe, expect, it } from 'vitest';
import { rendererOf } from './gpuRenderer';

describe('telling a software renderer from a GPU', () => {
  it.each([
    [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'software',
    ],
    ['Google SwiftShader', 'software'],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', 'software'],
    ['Mesa/X.org lavapipe', 'software'],
    ['Microsoft Basic Render Driver (software adapter)', 'software'],
    ['swiftshader', 'software'],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)', 'hardware'],
    ['ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)', 'hardware'],
    ['Mesa Intel(R) UHD Graphics 620 (KBL GT2)', 'hardware'],
    ['AMD Radeon Pro 5500M OpenGL Engine', 'hardware'],
  ])('%s is %s', (description, kind) => {
    expect(rendererOf(description)).toBe(kind);
  });

  it('looks at every field a WebGPU adapter gives, and skips missing ones', () => {
    expect(rendererOf('google', 'swiftshader', undefined, '')).toBe('software');
    expect(rendererOf('nvidia', 'ampere', undefined, '')).toBe('hardware');
    expect(rendererOf(undefined)).toBe('hardware');
  });
});
