import { PARAM_CATALOG } from '../../notebook/compute/param-catalog';
import type { PythonExportParams } from '../contract';
import { encodedCatalog } from './export-params';

/** The table of every cell parameter the project was exported with, under the page's labels. */
function parameterTable(p: PythonExportParams): string {
  const encoded = encodedCatalog(p);
  const rows = PARAM_CATALOG.map(
    (spec) => `| ${spec.label} | \`${spec.key}\` | ${encoded[spec.key]} |`,
  );
  return ['| Parameter | Key | Value |', '| --- | --- | --- |', ...rows].join('\n');
}

/** README.md of the exported project: what it is, how to run it on a CPU, a GPU, many GPUs, and the search. */
export function projectReadme(p: PythonExportParams): string {
  const files = p.files.map(
    (f) =>
      `- \`${f.path}\` (${f.format === 'netflix' ? 'Netflix Prize format' : 'delimited columns'})`,
  );
  return `# Prize Lab, exported as a Python project

This folder re-runs a Prize Lab notebook outside the browser with the same parameters and seed: it loads the
original rating files, cuts the top-${p.subset.users.toLocaleString('en-US')} users × top-${p.subset.movies.toLocaleString('en-US')} movies subset, explores and
clusters the movies with scikit-learn (PCA, NMF, the K-Means sweep), builds the windows and the split, fits the
Netflix Prize baselines, trains the LSTM and the dense embedding model in PyTorch, and writes the comparison as
\`results/comparison.json\`, in the shape of the Prize Lab CLI's \`compare\` command.

- \`config.json\`: every parameter (grouped by cell; \`params\` holds them under the page's share-link keys).
- \`run.py\` and \`prizelab/\`: the run, one module per stage of the page.
- \`notebook.ipynb\`: the same run as a Jupyter notebook, one code cell per cell of the page.

## Set-up

Python ≥ 3.9 with PyTorch ≥ 1.13, scikit-learn ≥ 1.2, NumPy ≥ 1.24 and SciPy (\`pip install -r requirements.txt\`;
on Debian 12: \`apt install python3-torch python3-sklearn python3-numpy python3-scipy\`). Optuna is needed only for
the Hyperband search.

The data files the notebook loaded are named in \`config.json\` (\`data.files\`); put the files there or edit the
paths (relative paths are read from this folder):

${files.join('\n')}

## Run

\`\`\`sh
python run.py compare                          # CPU (or the GPU, if PyTorch sees one): every model, results/
python run.py compare --device cuda            # one GPU
python run.py compare --models mean,bias,mf   # some models only; --no-explore skips the PCA/NMF/K-Means sweep
\`\`\`

### Many GPUs, many machines

The networks train with PyTorch's DistributedDataParallel under \`torchrun\`: NCCL between GPUs, Gloo on CPUs.
Every global batch (the page's batch size, in the page's order) is cut into one shard per process, and the loss
is scaled so that the averaged gradient is the whole batch's: the loss curve is the single-process one, only
faster. Data preparation runs in every process; rank 0 computes the movie clusters and broadcasts them, and
fits the rating models.

\`\`\`sh
torchrun --nproc_per_node=4 run.py compare --models lstm,dense --device cuda          # 4 GPUs, one machine
torchrun --nproc_per_node=2 run.py compare --models lstm --device cpu               # 2 CPU processes (Gloo)
# 2 machines × 8 GPUs: the same command on each, with its --node_rank
torchrun --nnodes=2 --node_rank=0 --nproc_per_node=8 --rdzv_backend=c10d \\
  --rdzv_endpoint=HOST:29500 run.py compare --models lstm,dense --device cuda
\`\`\`

With Debian 12's PyTorch 1.13 on Python 3.11, add \`--redirects 1 --tee 1 --log_dir logs\` after \`torchrun\`:
its default \`--redirects 0\` trips over Python 3.11's \`enum.Flag\` ("'NoneType' object has no attribute
'get'"), fixed in PyTorch 2.0.

### The Hyperband search

\`python run.py tune --trials 100\` searches the LSTM's layers, units, dropout, final activation and learning rate
(the Tune cell's space, in \`config.json\` → \`tune.space\`) with **Optuna**'s \`HyperbandPruner\` (max
${p.tune.schedule.maxEpochs} epochs, reduction factor ${p.tune.schedule.factor}). Optuna rather than Ray Tune: it is one
\`pip install optuna\` with no cluster service to run, its Hyperband pruner works trial by trial inside our
training loop (each epoch's validation loss is reported; a pruned trial stops at once), and a search spreads over
machines simply by pointing every worker at one storage:

\`\`\`sh
python run.py tune --trials 50 --storage postgresql://USER@HOST/optuna    # on every machine (or a SLURM array)
python run.py tune --trials 50 --storage sqlite:///tune.db                # several workers on one machine
python run.py trial --layers 2 --units 128 --dropout 0.1 --activation gelu --lr 0.001   # one trial, no tuner
\`\`\`

Each worker trains its trials on one device: start one worker per GPU, each with its own
\`CUDA_VISIBLE_DEVICES\`. The Tune cell's \`iterations\` has no Optuna counterpart: \`--trials\` sets the budget.

## Models trained in the page

A model downloaded from the page (its \`.model.json\` and \`.weights.bin\`, the TensorFlow.js layers format) loads
into these PyTorch models with its weights mapped, and predicts the same ratings:

\`\`\`python
from prizelab.tfjs_weights import load_tfjs_lstm, load_tfjs_dense
lstm = load_tfjs_lstm("lstm-1.model.json")     # x: [n, steps, features] float32 windows, as the page builds them
dense = load_tfjs_dense("dense-1.model.json")  # (user index, movie index) int64 tensors
\`\`\`

## What is the same as the page, and what is not

- The same: the subset (ties to the smaller id), the windows, the split and its seeded draws, the test ratings
  (\`comparison.json\` → \`testSet\` holds their count and a checksum), and the rating models: the global mean, the
  static and time-aware biases, biased MF and SVD++ are ported step for step with the page's random generator, so their RMSE
  equals the page's to about 1e-12. Their SGD visits one rating at a time, as the page does: exact, not fast
  (≈ 15 µs per rating and epoch).
- Not the same numbers: K-Means (scikit-learn's k-means++ draws its own starts), PCA/NMF (scikit-learn's solvers),
  and the networks' initial weights and dropout masks (PyTorch's generator); the windows' order per epoch is the
  page's. Their RMSE is close to the page's, not equal.

## Parameters

${parameterTable(p)}
`;
}
