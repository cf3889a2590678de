import type { DataType, TensorInfo, TypedArray } from '@tensorflow/tfjs-core';

/**
 * The parts of tfjs-wasm's backend object that the project's wasm kernels use: outputs allocated on the wasm
 * heap and typed views of it. Take views after every allocation: one may grow the heap and detach older views.
 */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): TypedArray;
}
