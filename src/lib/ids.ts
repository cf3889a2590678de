/** Branded identifiers, so that indices of different spaces cannot be mixed up by accident. */
declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** Names a dataset held by the data worker (a loaded file set or a subset of one). */
export type DatasetId = Brand<string, 'DatasetId'>;
/** Names one run of a long operation, so it can be cancelled. */
export type RunId = Brand<string, 'RunId'>;
