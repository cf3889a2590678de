"""scikit-learn's side of bench/cluster: the same matrix, points and labels as the TypeScript side.

Reads <dir>/config.json, matrix.npy (movies x users, float32, dense), points.npy (movies x 50, float64: our
PCA scores, so that both K-Means sweeps cluster identical points), labels.npy (one row of our labels per k)
and, for the raw-space run, raw_*.npy (the sparse matrix as CSR arrays). Prints one JSON object.
Timings are the median of `repeats` runs, in milliseconds. Threads are whatever the environment allows
(bench/cluster/run.ts runs this twice: with scikit-learn's default OpenMP threads, and with one).
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score


def timed(fn, repeats):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times)), result


def main(folder):
    config = json.load(open(f"{folder}/config.json"))
    repeats = config["repeats"]
    ks = list(range(config["kMin"], config["kMax"] + 1))
    out = {"sklearn": sklearn.__version__, "numpy": np.__version__}

    matrix = np.load(f"{folder}/matrix.npy")
    pca_ms, pca = timed(
        lambda: PCA(n_components=config["components"], svd_solver="randomized", random_state=0).fit(matrix),
        repeats,
    )
    out["pca"] = {"ms": pca_ms, "explainedVarianceRatio": float(pca.explained_variance_ratio_.sum())}
    del matrix

    points = np.load(f"{folder}/points.npy")

    def sweep():
        return [
            KMeans(n_clusters=k, n_init=config["nInit"], random_state=0, algorithm=config["algorithm"])
            .fit(points)
            .inertia_
            for k in ks
        ]

    sweep_ms, inertias = timed(sweep, repeats)
    out["sweep"] = {"ms": sweep_ms, "inertia": [float(x) for x in inertias]}
    # scikit-learn's own spread over seeds, to read the inertia comparison against.
    out["sweep"]["inertiaOtherSeeds"] = [
        [
            float(KMeans(n_clusters=k, n_init=config["nInit"], random_state=seed, algorithm=config["algorithm"]).fit(points).inertia_)
            for k in ks
        ]
        for seed in config["otherSeeds"]
    ]

    labels = np.load(f"{folder}/labels.npy")
    silhouette_ms, silhouettes = timed(lambda: [silhouette_score(points, row) for row in labels], repeats)
    out["silhouette"] = {"ms": silhouette_ms, "values": [float(x) for x in silhouettes]}

    raw = sp.csr_matrix(
        (np.load(f"{folder}/raw_values.npy"), np.load(f"{folder}/raw_columns.npy"), np.load(f"{folder}/raw_row_start.npy")),
        shape=tuple(config["rawShape"]),
    )
    raw_ms, raw_kmeans = timed(
        lambda: KMeans(n_clusters=config["rawK"], n_init=config["rawNInit"], random_state=0).fit(raw), repeats
    )
    out["rawKMeans"] = {"ms": raw_ms, "inertia": float(raw_kmeans.inertia_)}
    json.dump(out, sys.stdout)


main(sys.argv[1])
