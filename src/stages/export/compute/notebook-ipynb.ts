import type { PythonExportParams } from '../contract';

interface Cell {
  cell_type: 'markdown' | 'code';
  source: string;
}

/** Splits text into the line list nbformat stores, each line but the last keeping its newline. */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines
    .map((line, i) => (i < lines.length - 1 ? `${line}\n` : line))
    .filter((l) => l !== '');
}

function cells(p: PythonExportParams): Cell[] {
  const md = (source: string): Cell => ({ cell_type: 'markdown', source });
  const code = (source: string): Cell => ({ cell_type: 'code', source });
  return [
    md(
      "# Prize Lab, exported\n\nThe notebook's run with its parameters and seed (`config.json`): data → subset → explore and cluster → windows and split → the Prize baselines → LSTM and dense model → the comparison. Each cell is one cell of the page.",
    ),
    code(
      [
        'import json, os, sys',
        'sys.path.insert(0, os.path.abspath("."))',
        'from prizelab.pipeline import Prepared, load_config',
        'from prizelab.train import Runtime',
        'config = load_config("config.json")',
        'runtime = Runtime("auto")',
        'print(runtime.device, "seed", config["seed"])',
      ].join('\n'),
    ),
    md(
      `## Data and subset\n\nThe top ${p.subset.users.toLocaleString('en-US')} users × ${p.subset.movies.toLocaleString('en-US')} movies by number of ratings, then the ${p.sequences.split === 'chrono' ? 'chronological' : 'random'} split of windows of ${p.sequences.steps}.`,
    ),
    code(
      [
        'prepared = Prepared(config, runtime)',
        'data, split = prepared.data, prepared.split',
        'print(prepared.split_summary())',
      ].join('\n'),
    ),
    md(
      `## Explore and cluster\n\nPCA and NMF planes of the movies; K-Means for k = ${p.cluster.kMin} … ${p.cluster.kMax} (inertia and silhouette).`,
    ),
    code(
      [
        'from prizelab.explore import explore, kmeans_sweep',
        'planes = explore(data, config["explore"], config["seed"])',
        'print("PCA explained variance", [round(x, 3) for x in planes["pca"]["explainedVarianceRatio"]])',
        'sweep = kmeans_sweep(data, config["cluster"], config["seed"], print)',
      ].join('\n'),
    ),
    md(
      '## The Prize baselines\n\nGlobal mean, static and time-aware biases, biased MF and SVD++, on the same split.',
    ),
    code(
      [
        'from prizelab.baselines import train_rating_model',
        'from prizelab.pipeline import RATING_MODELS',
        'rows = []',
        'for kind in [m for m in config["models"] if m in RATING_MODELS]:',
        '    row = train_rating_model(kind, prepared.sets, data.users, data.movies, prepared.scale, config["baselines"])',
        '    rows.append({**row, "split": prepared.split_summary()})',
        '    print(kind, round(row["testRmse"], 4))',
      ].join('\n'),
    ),
    md(
      `## LSTM and dense model\n\nLSTM(${p.lstm.units}) × ${p.lstm.layers} → Dense(${p.lstm.activation}) → rating, and embeddings of ${p.dense.embeddingSize} → 256 → 128 → 64 → rating, in PyTorch.`,
    ),
    code(
      [
        'from prizelab.networks import dense_examples, lstm_examples, train_network',
        'space = {"users": data.users, "movies": data.movies}',
        'for kind in [m for m in config["models"] if m in ("lstm", "dense")]:',
        '    features = prepared.features(kind == "lstm")',
        '    examples = lstm_examples(features) if kind == "lstm" else dense_examples(features)',
        '    model, row, history = train_network(kind, config[kind], examples, space, prepared.scale, config["seed"], runtime, print)',
        '    rows.append({**row, "split": prepared.split_summary()})',
        '    print(kind, round(row["testRmse"], 4))',
      ].join('\n'),
    ),
    md(
      "## Compare\n\nEvery model by test RMSE, written as `results/comparison.json` (the CLI's `compare` shape).",
    ),
    code(
      [
        'from prizelab.windows import test_checksum',
        'rows.sort(key=lambda r: r["testRmse"])',
        'os.makedirs("results", exist_ok=True)',
        'with open("results/comparison.json", "w") as handle:',
        '    json.dump({"models": rows, "testSet": test_checksum(data, split)}, handle, indent=1)',
        'for r in rows:',
        "    print(f\"{r['model']:8} {r['testRmse']:.4f}\")",
      ].join('\n'),
    ),
  ];
}

/** The project's Jupyter notebook (nbformat 4), one code cell per cell of the page. */
export function notebookIpynb(p: PythonExportParams): string {
  const notebook = {
    cells: cells(p).map((cell) =>
      cell.cell_type === 'code'
        ? {
            cell_type: 'code',
            execution_count: null,
            metadata: {},
            outputs: [],
            source: sourceLines(cell.source),
          }
        : { cell_type: 'markdown', metadata: {}, source: sourceLines(cell.source) },
    ),
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
