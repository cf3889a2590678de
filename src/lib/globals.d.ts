// The few host APIs that compute code may use. They exist in browsers, workers and Node alike, but the
// ES library alone does not declare them; declaring them here keeps DOM and Node globals out of compute.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecodeOptions {
  stream?: boolean;
}

declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

declare class TextEncoder {
  constructor();
  encode(input?: string): Uint8Array;
}

/** Long compute loops yield to the host with it between iterations, so that cancel messages get through. */
declare function setTimeout(callback: () => void, ms?: number): unknown;
