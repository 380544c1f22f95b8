import { describe, expect, it } from 'vitest';
import { rendererOf } from './gpuRenderer';

describe('telling a software renderer from a GPU', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Mesa/X.org lavapipe',
    'Microsoft Basic Render Driver (software adapter)',
    'swiftshader',
  ])('%s is software', (description) => {
    expect(rendererOf(description)).toBe('software');
  });

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)',
    'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
    'AMD Radeon Pro 5500M OpenGL Engine',
  ])('%s is hardware', (description) => {
    expect(rendererOf(description)).toBe('hardware');
  });

  it('looks at every field a WebGPU adapter gives, and skips missing ones', () => {
    expect(rendererOf('google', 'swiftshader', undefined, '')).toBe('software');
    expect(rendererOf('nvidia', 'ampere', undefined, '')).toBe('hardware');
    expect(rendererOf(undefined)).toBe('hardware');
  });
});
