/**
 * The app's Content-Security-Policy, one directive per entry with the reason for each source. The built
 * index.html carries it as a `<meta http-equiv>` (the only way on GitHub Pages); hosts that read
 * `public/_headers`, and `vite preview`, send it as a header, which also covers the workers (a worker's policy
 * comes from its own response, never from the page's meta) and adds `frame-ancestors`.
 * tests/unit/hosting.test.ts checks that all of these say the same.
 */
const DIRECTIVES: [directive: string, sources: string][] = [
  // Nothing is allowed unless a directive below says so.
  ['default-src', "'none'"],
  // The bundle's own scripts; `wasm-unsafe-eval` lets tfjs compile its WebAssembly backend. No `unsafe-eval`:
  // plotly.js-dist-min's WebGL traces (scattergl, through regl) compile their draw calls with `Function`
  // (measured: script-src "eval" violations on the LSTM's loss-per-batch chart), so the app uses
  // plotly.js-strict-dist-min, which ships them precompiled.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // The data and training workers (same origin) and tfjs-wasm's pthread workers, which it starts from Blobs.
  ['worker-src', "'self' blob:"],
  // The bundled sample, the wasm binaries and worker chunks, all fetched from the site itself.
  ['connect-src', "'self'"],
  // plotly's PNG export draws its SVG through a data: image, and chart downloads go through blob: URLs.
  ['img-src', "'self' data: blob:"],
  // The stylesheet, plus what plotly does at run time: it adds <style> elements (its mode bar, hover labels)
  // and writes `style` attributes on its SVG. Measured: with `style-src 'self'` every chart raises
  // style-src-elem and style-src-attr violations from plotly.min.js.
  ['style-src', "'self' 'unsafe-inline'"],
  ['font-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];

/**
 * What only the header says. Where both apply (the page on a host that sends the header), a browser enforces
 * each policy, so the page keeps the meta's stricter script-src; the workers have only the header's.
 */
const HEADER_CHANGES: [directive: string, sources: string][] = [
  // tfjs-wasm's pthread workers `importScripts` their code from a Blob (measured: without it the threaded
  // start fails with script-src-elem violations and training falls back to one thread).
  ['script-src', "'self' 'wasm-unsafe-eval' blob:"],
  // Only a header can forbid framing: browsers ignore `frame-ancestors` in a meta policy (and log an error).
  ['frame-ancestors', "'none'"],
];

function serialise(directives: [string, string][]): string {
  return directives.map(([name, sources]) => `${name} ${sources}`).join('; ');
}

/** The policy for index.html's `<meta http-equiv="Content-Security-Policy">`. */
export const META_CONTENT_SECURITY_POLICY = serialise(DIRECTIVES);

/** The policy for the `Content-Security-Policy` response header: the meta's, with `HEADER_CHANGES`. */
export const HEADER_CONTENT_SECURITY_POLICY = serialise([
  ...DIRECTIVES.map(([name, sources]): [string, string] => [
    name,
    HEADER_CHANGES.find(([changed]) => changed === name)?.[1] ?? sources,
  ]),
  ...HEADER_CHANGES.filter(([name]) => !DIRECTIVES.some(([existing]) => existing === name)),
]);
