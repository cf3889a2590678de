import { describe, expect, it } from 'vitest';
import { classifyAdapter } from '../../bench/gpu/adapter-kind';

describe('classifyAdapter (bench:gpu)', () => {
  it('labels the software adapters by name or by the fallback flag', () => {
    // What Chromium's SwiftShader reported here (headless, no GPU driver).
    expect(
      classifyAdapter({
        vendor: 'google',
        architecture: 'swiftshader',
        device: 'swiftshader-device-subzero-',
        description: 'SwiftShader driver 5.0.0',
        isFallbackAdapter: true,
      }),
    ).toEqual({
      kind: 'software',
      reason: 'named SwiftShader',
      name: 'google swiftshader swiftshader-device-subzero- SwiftShader driver 5.0.0',
    });
    expect(
      classifyAdapter({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }).reason,
    ).toBe('named llvmpipe (lavapipe)');
    expect(classifyAdapter({ description: 'Microsoft Basic Render Driver' }).kind).toBe('software');
    expect(classifyAdapter({ vendor: 'acme', isFallbackAdapter: true })).toMatchObject({
      kind: 'software',
      reason: 'isFallbackAdapter',
    });
  });

  it('calls a named hardware adapter a GPU', () => {
    expect(
      classifyAdapter({ vendor: 'nvidia', architecture: 'hopper', isFallbackAdapter: false }),
    ).toEqual({ kind: 'gpu', reason: null, name: 'nvidia hopper' });
  });
});
