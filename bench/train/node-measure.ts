/**
 * One tfjs measurement in its own Node process (backend patches are process-wide, so the unpatched "before"
 * must not share a process with the patched runs). Usage:
 *   tsx bench/train/node-measure.ts <project|stock> <patched|unpatched> <windows.bin> <shape JSON>
 * Prints one JSON line: the VariantMeasurement plus the backend (and, for the project's model, where one
 * batch spends its time by kernel).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { applyBackendPatches } from '../../src/stages/train/compute/backend/apply-backend-patches';
import { readWindows } from './window-file';
import {
  measureVariant,
  profileProjectBatch,
  type BenchShape,
  type TrainerVariant,
} from './train-variants';

async function main(): Promise<void> {
  const [variant, patching, file, shapeJson] = process.argv.slice(2);
  if (
    (variant !== 'project' && variant !== 'stock') ||
    (patching !== 'patched' && patching !== 'unpatched')
  )
    throw new Error(
      'usage: node-measure.ts <project|stock> <patched|unpatched> <windows.bin> <shape JSON>',
    );
  const shape = JSON.parse(shapeJson) as BenchShape;
  await tf.setBackend('wasm');
  await tf.ready();
  if (patching === 'patched') applyBackendPatches(tf);
  const data = readWindows(file);
  const result = await measureVariant(tf, variant as TrainerVariant, data, shape, () =>
    performance.now(),
  );
  const kernelProfile =
    variant === 'project' ? await profileProjectBatch(tf, data, shape) : undefined;
  process.stdout.write(
    `${JSON.stringify({ ...result, backend: tf.getBackend(), patched: patching === 'patched', kernelProfile })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
