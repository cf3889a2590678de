// Vite resolves `?url` imports to the URL of the emitted asset.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}

// Vite inlines `?raw` imports as the file's text.
declare module '*?raw' {
  const text: string;
  export default text;
}
