/**
 * Whether a GPU backend would run on real hardware or on a software renderer (SwiftShader,
 * llvmpipe, lavapipe), told by the names the browser gives its adapter or renderer.
 */

export type GpuRenderer = 'hardware' | 'software';

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|software/i;

/** Classifies an adapter or renderer description, e.g. WebGL's UNMASKED_RENDERER_WEBGL. */
export function rendererOf(...descriptions: (string | undefined)[]): GpuRenderer {
  return descriptions.some((d) => d && SOFTWARE_RENDERER.test(d)) ? 'software' : 'hardware';
}

type GPUAdapterInfoLike = {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
};
type GPUAdapterLike = { isFallbackAdapter?: boolean; info?: GPUAdapterInfoLike };
type NavigatorWithGPU = { gpu?: { requestAdapter(o?: object): Promise<GPUAdapterLike | null> } };

/** The renderer WebGPU would use; null when this browser has no WebGPU adapter at all. */
async function webgpuRenderer(): Promise<GpuRenderer | null> {
  const gpu = (navigator as unknown as NavigatorWithGPU).gpu;
  // The same preference TF.js's WebGPU backend asks for, so this is the adapter it will get.
  const adapter = gpu ? await gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
  if (!adapter) return null;
  const info = adapter.info ?? {};
  if (info.isFallbackAdapter ?? adapter.isFallbackAdapter) return 'software';
  return rendererOf(info.vendor, info.architecture, info.device, info.description);
}

/** The renderer WebGL2 would use; null when this browser (or worker) has no WebGL2. */
function webglRenderer(): GpuRenderer | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  // Browsers cap the number of live contexts; this one has served its purpose.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return rendererOf(renderer);
}

/** The renderer behind a GPU backend, or null when the browser lacks that API. */
export async function gpuRenderer(name: 'webgpu' | 'webgl'): Promise<GpuRenderer | null> {
  try {
    return name === 'webgpu' ? await webgpuRenderer() : webglRenderer();
  } catch {
    return null;
  }
}
