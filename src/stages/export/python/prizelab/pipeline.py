"""The notebook's run, stage by stage, from config.json: data → subset → explore and cluster → windows and
split → baselines → LSTM and dense model → the comparison, written as JSON in the shape of the CLI's
`compare` (`{"models": [...]}`, best first)."""
import json
import os
import time

import numpy as np

from .baselines import train_rating_model
from .data import load_ratings
from .explore import explore, kmeans_sweep, movie_clusters
from .networks import dense_examples, lstm_examples, train_network
from .subset import select_top_subset
from .train import Runtime
from .windows import WindowFeatures, rating_sets, split_data, test_checksum

RATING_MODELS = ("mean", "bias", "timebias", "mf", "svdpp")
NETWORKS = ("lstm", "dense")


def load_config(path):
    with open(path, encoding="utf-8") as handle:
        config = json.load(handle)
    folder = os.path.dirname(os.path.abspath(path))
    for spec in config["data"]["files"]:
        if not os.path.isabs(spec["path"]):
            spec["path"] = os.path.join(folder, spec["path"])
    return config


def say(runtime, message):
    if runtime.main:
        print(message, flush=True)


class Prepared:
    """Everything up to the split, shared by the comparison, the search and the notebook."""

    def __init__(self, config, runtime, need_clusters=True, log=True):
        started = time.time()
        self.config = config
        self.data = select_top_subset(load_ratings(config["data"]["files"]), **config["subset"])
        if log:
            say(runtime, f"{len(self.data.rating):,} ratings of {self.data.users:,} users × {self.data.movies:,} movies ({time.time() - started:.1f} s)")
        self.split = split_data(self.data, config["sequences"], config["seed"])
        self.sets = rating_sets(self.data, self.split)
        self.scale = (float(self.data.values[0]), float(self.data.values[-1]))
        self.clusters = None
        if need_clusters:
            labels = movie_clusters(self.data, config["cluster"], config["seed"]) if runtime.main else np.zeros(self.data.movies, dtype=np.int64)
            self.clusters = runtime.broadcast_array(labels)

    def features(self, with_clusters):
        seq = self.config["sequences"]
        clusters = self.config["cluster"]["k"] if with_clusters else 1
        labels = self.clusters if with_clusters else np.zeros(self.data.movies, dtype=np.int64)
        return WindowFeatures(self.data, self.split, labels, clusters, seq["daysSincePrevious"], seq["movieMean"])

    def split_summary(self):
        return {**self.split.options, "windows": self.split.window_counts}


def compare(config, out, models=None, device="auto", with_explore=True):
    """Runs every model of `models` (default: config.json's) and writes out/comparison.json (and
    out/explore.json, out/lstm_history.json, …); returns the comparison."""
    runtime = Runtime(device)
    models = models or config["models"]
    prepared = Prepared(config, runtime, need_clusters="lstm" in models)
    os.makedirs(out, exist_ok=True)
    if with_explore and runtime.main:
        results = explore(prepared.data, config["explore"], config["seed"])
        results["sweep"] = kmeans_sweep(prepared.data, config["cluster"], config["seed"], lambda p: say(runtime, f"k = {p['k']}: inertia {p['inertia']:.1f}, silhouette {p['silhouette']:.3f}"))
        _write(os.path.join(out, "explore.json"), results)
    split = prepared.split_summary()
    rows = []
    if runtime.main:
        for kind in [m for m in models if m in RATING_MODELS]:
            row = train_rating_model(kind, prepared.sets, prepared.data.users, prepared.data.movies, prepared.scale, config["baselines"])
            say(runtime, f"{kind}: test RMSE {row['testRmse']:.4f}")
            rows.append({**row, "split": split})
    space = {"users": prepared.data.users, "movies": prepared.data.movies}
    for kind in [m for m in models if m in NETWORKS]:
        features = prepared.features(kind == "lstm")
        examples = lstm_examples(features) if kind == "lstm" else dense_examples(features)
        log = lambda h: say(runtime, f"{kind} epoch {h['epoch'] + 1}: loss {h['loss']:.4f}, validation loss {h['valLoss']:.4f}")
        module, row, history = train_network(kind, config[kind], examples, space, prepared.scale, config["seed"], runtime, log)
        say(runtime, f"{kind}: test RMSE {row['testRmse']:.4f}")
        rows.append({**row, "split": split})
        if runtime.main:
            _write(os.path.join(out, f"{kind}_history.json"), history)
            import torch

            torch.save(module.state_dict(), os.path.join(out, f"{kind}.pt"))
    unknown = [m for m in models if m not in RATING_MODELS + NETWORKS]
    if unknown:
        say(runtime, f"not in the Python export, skipped: {', '.join(unknown)}")
    rows.sort(key=lambda r: float("inf") if r["testRmse"] is None else r["testRmse"])
    comparison = {"models": rows, "testSet": test_checksum(prepared.data, prepared.split)}
    if runtime.main:
        _write(os.path.join(out, "comparison.json"), comparison)
    return comparison


def _write(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, indent=1)
