/**
 * Whether the GPU backends would run on a software rasterizer (SwiftShader, llvmpipe): headless browsers and
 * machines without a GPU driver offer one, and training on it is far slower than on the WASM backend (LSTM(228):
 * 24 samples/s on SwiftShader WebGPU against ~2,000 on WASM, docs/tfjs-notes.md). Unless the person forces it, such a
 * backend is skipped with this reason.
 */

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** A reason to skip this WebGPU adapter, or null when it is hardware. */
export function softwareWebGpu(adapter: {
  info?: AdapterInfo;
  isFallbackAdapter?: boolean;
}): string | null {
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  if (adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(name))
    return `the WebGPU adapter is a software fallback (${name || 'no GPU'}), slower than WASM on this CPU; choose “WebGPU only” to use it anyway`;
  return null;
}

/** A reason to skip WebGL, or null when its renderer is hardware (or cannot be told). */
export function softwareWebGl(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
  const ext = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
  return SOFTWARE.test(renderer)
    ? `WebGL renders in software here (${renderer}), slower than WASM on this CPU; choose “WebGL only” to use it anyway`
    : null;
}
