/**
 * Trained models the page may still use (Recommend scores with them, the Compare and model cells download
 * them). Each is held in memory and saved with tfjs to IndexedDB, so a restarted worker (after a hard cancel)
 * or a reloaded page finds it again.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { registerTrainLayers } from '../compute/api';
import { disposeModel } from '../compute/model/dispose-model';
import type { ExportedModel, StoredModelInfo } from '../contract';

type Tf = typeof tfjs;

const URL_PREFIX = 'indexeddb://prize-lab-model-';

export class KeptModels {
  private readonly models = new Map<string, tfjs.LayersModel>();

  /** `persist`: also save to IndexedDB (not in Node, which has none). */
  constructor(
    private readonly tf: Tf,
    private readonly persist: boolean,
  ) {}

  /**
   * Holds `model` under `key` (replacing and disposing an older one) and saves it in the browser; returns why
   * the save failed (for the page to say), or null.
   */
  async keep(key: string, model: tfjs.LayersModel): Promise<string | null> {
    const old = this.models.get(key);
    if (old && old !== model) disposeModel(old);
    this.models.set(key, model);
    if (!this.persist) return null;
    try {
      await model.save(`${URL_PREFIX}${key}`);
      return null;
    } catch (error) {
      return `The trained model “${key}” is held for this session but could not be kept in this browser: ${String((error as Error)?.message ?? error).slice(0, 200)}`;
    }
  }

  async get(key: string): Promise<tfjs.LayersModel> {
    const held = this.models.get(key);
    if (held) return held;
    if (!this.persist) throw new Error(`No trained model “${key}” is held: train it again.`);
    registerTrainLayers(this.tf);
    try {
      const model = await this.tf.loadLayersModel(`${URL_PREFIX}${key}`);
      this.models.set(key, model);
      return model;
    } catch {
      throw new Error(
        `No trained model “${key}” is held or stored in this browser: train it again.`,
      );
    }
  }

  /** The model in the tfjs layers format (model.json + weights), for a download. */
  async export(key: string): Promise<ExportedModel> {
    const model = await this.get(key);
    const weightsFileName = `${key}.weights.bin`;
    let exported: ExportedModel | null = null;
    await model.save(
      this.tf.io.withSaveHandler(async (artifacts) => {
        const weights = artifacts.weightData as ArrayBuffer;
        const modelJson = JSON.stringify({
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${this.tf.version.tfjs}`,
          convertedBy: null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: [`./${weightsFileName}`], weights: artifacts.weightSpecs }],
        });
        exported = { modelJson, weightsFileName, weights };
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!exported) throw new Error(`model ${key} could not be exported`);
    return exported;
  }

  /** How many models are held in memory. */
  get heldCount(): number {
    return this.models.size;
  }

  async list(): Promise<StoredModelInfo[]> {
    if (!this.persist) return [];
    const stored = await this.tf.io.listModels();
    return Object.entries(stored)
      .filter(([url]) => url.startsWith(URL_PREFIX))
      .map(([url, info]) => ({
        key: url.slice(URL_PREFIX.length),
        bytes:
          (info.modelTopologyBytes ?? 0) +
          (info.weightSpecsBytes ?? 0) +
          (info.weightDataBytes ?? 0),
        savedAt: new Date(info.dateSaved).toISOString(),
      }));
  }

  async remove(key: string): Promise<void> {
    const held = this.models.get(key);
    if (held) disposeModel(held);
    this.models.delete(key);
    if (this.persist) await this.tf.io.removeModel(`${URL_PREFIX}${key}`).catch(() => undefined);
  }
}
