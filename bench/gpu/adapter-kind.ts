/**
 * Whether a WebGPU adapter is a real GPU or a software one, from what the adapter says about itself: Chrome's
 * SwiftShader, Mesa's lavapipe (reported as llvmpipe), Windows' Microsoft Basic Render Driver, or an adapter
 * that calls itself a fallback. A software adapter's figures are CPU figures and are written under the
 * `software` label, so they can never pass for GPU speed.
 */

/** What `GPUAdapter.info` (and the older `isFallbackAdapter` on the adapter) tell. */
export interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

export interface AdapterKind {
  kind: 'gpu' | 'software';
  /** Why it is software (the matching name, or the fallback flag), or null for a GPU. */
  reason: string | null;
  /** vendor, architecture, device and description joined, as shown in results. */
  name: string;
}

const SOFTWARE_NAMES: [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/lavapipe/i, 'lavapipe'],
  [/llvmpipe/i, 'llvmpipe (lavapipe)'],
  [/softpipe/i, 'softpipe'],
  [/basic render/i, 'Microsoft Basic Render Driver'],
];

export function classifyAdapter(info: AdapterInfo): AdapterKind {
  const name = [info.vendor, info.architecture, info.device, info.description]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
  const match = SOFTWARE_NAMES.find(([pattern]) => pattern.test(name));
  if (match) return { kind: 'software', reason: `named ${match[1]}`, name };
  if (info.isFallbackAdapter) return { kind: 'software', reason: 'isFallbackAdapter', name };
  return { kind: 'gpu', reason: null, name };
}
