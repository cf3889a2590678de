import type { RunId } from '../../../lib/ids';
import { FileRefusedError } from '../compute/load-errors';
import { joinTitles, loadRatingFiles, type RatingSource } from '../compute/load-files';
import { todayLoadSettings } from '../compute/load-settings';
import { proposeLayout } from '../compute/delimited-layout';
import { sniffFormat, SNIFF_BYTES } from '../compute/sniff-format';
import { summarizeRatings } from '../compute/summarize';
import type {
  DataSource,
  FileInspection,
  LoadFilesOptions,
  LoadProgress,
  LoadResult,
  LoadSampleOptions,
} from '../contract';
import { fileRatingSource, urlRatingSource } from './browser-sources';
import type { RunTokens } from '../../../worker-kit/run-tokens';
import type { DatasetRegistry } from '../../../worker-kit/dataset-registry';

const FORMAT_NAMES: Record<string, string> = {
  gzip: 'gzip archive',
  zip: 'zip archive',
  'netflix-ratings': 'Netflix Prize ratings',
  'netflix-probe': 'Netflix probe set (no ratings)',
  'netflix-qualifying': 'Netflix qualifying set (no ratings)',
  'netflix-titles': 'Netflix movie titles',
  'movielens-movies': 'MovieLens movies',
  delimited: 'delimited ratings',
  empty: 'empty',
  binary: 'binary (not text)',
  unknown: 'unknown format',
};

/** The Data cell's worker functions. The current dataset changes only when a load fully succeeds. */
export function createIngestApi(state: { datasets: DatasetRegistry; runs: RunTokens }) {
  const { datasets: registry, runs } = state;
  async function load(
    sources: RatingSource[],
    source: DataSource,
    options: { runId: RunId; layouts?: LoadFilesOptions['layouts'] },
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<LoadResult> {
    const cancel = runs.start(options.runId);
    try {
      const outcome = await loadRatingFiles(
        sources,
        todayLoadSettings(Date.now(), { layouts: options.layouts ?? {} }),
        {
          cancel,
          onProgress: (p) => onProgress?.({ kind: 'bytes', ...p }),
        },
      );
      if (!outcome.data) return attachTitles(outcome.titles, outcome.report);
      const id = registry.newId('data');
      registry.add({ id, data: outcome.data, source });
      registry.setCurrent(id);
      return {
        datasetId: id,
        source,
        summary: summarizeRatings(outcome.data),
        report: outcome.report,
        titlesOnly: false,
      };
    } finally {
      runs.finish(options.runId);
    }
  }

  /** A titles file on its own names the movies of the dataset loaded before. */
  function attachTitles(
    titles: Parameters<typeof joinTitles>[1],
    report: LoadResult['report'],
  ): LoadResult {
    const currentId = registry.current;
    if (!currentId) {
      throw new FileRefusedError(
        'titles',
        'Titles were loaded, but there are no ratings to attach them to yet: load ratings first, or both together.',
      );
    }
    const held = registry.get(currentId);
    held.data = { ...held.data, movies: joinTitles(held.data.movieIds, titles) };
    registry.dropDerived(currentId);
    return {
      datasetId: currentId,
      source: held.source,
      summary: summarizeRatings(held.data),
      report,
      titlesOnly: true,
    };
  }

  return {
    /** Reads the first bytes of each file and says what it is; delimited files come with a proposed mapping. */
    async inspectFiles(files: File[]): Promise<FileInspection[]> {
      return Promise.all(
        files.map(async (file) => {
          const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
          const format = sniffFormat(head);
          return {
            name: file.name,
            size: file.size,
            format: FORMAT_NAMES[format.kind],
            proposal: format.kind === 'delimited' ? proposeLayout(format.firstText) : null,
          };
        }),
      );
    },

    loadFiles(
      files: File[],
      options: LoadFilesOptions,
      onProgress?: (progress: LoadProgress) => void,
    ) {
      return load(
        files.map(fileRatingSource),
        { kind: 'upload', files: files.map((f) => f.name) },
        options,
        onProgress,
      );
    },

    loadSample(options: LoadSampleOptions, onProgress?: (progress: LoadProgress) => void) {
      const sources = options.urls.map((url) =>
        urlRatingSource(url, decodeURIComponent(url.split('/').pop() ?? url)),
      );
      return load(sources, { kind: 'sample' }, options, onProgress);
    },

    /** Stops a load between chunks; the dataset loaded before stays. */
    cancelRun(runId: RunId): void {
      runs.cancel(runId);
    },
  };
}
