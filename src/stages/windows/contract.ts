/** What crosses worker boundaries for the Sequences stage: plain data and typed arrays only. */
export type { ExampleStepRow, ExampleWindow } from './compute/example-window';
export type { FeatureOptions, WindowSet, WindowSets } from './compute/window-features';
export type { WindowOptions } from './compute/window-index';
export type { SplitCounts, SplitKind, SplitOptions } from './compute/window-split';
export { DEFAULT_WINDOW_OPTIONS } from './compute/window-index';
export { DEFAULT_SPLIT_OPTIONS } from './compute/window-split';
