// Vite resolves `?url` imports to the URL of the emitted asset.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
