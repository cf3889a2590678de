"""The Explore and Cluster cells with scikit-learn: the movies × users matrix (stars, stars minus the movie's
mean, or rated/not), its PCA and NMF planes, and the K-Means sweep (k-means++, n_init restarts) with
inertia and silhouette for every k, on the first PCA components, as the page clusters by default."""
import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF, PCA
from sklearn.metrics import silhouette_score


def movie_user_matrix(data, values):
    rating = data.rating.astype(np.float64)
    if values == "centred":
        sums = np.bincount(data.movie, weights=rating, minlength=data.movies)
        counts = np.bincount(data.movie, minlength=data.movies)
        rating = rating - (sums / np.maximum(counts, 1))[data.movie]
    elif values == "binary":
        rating = np.ones_like(rating)
    matrix = sparse.coo_matrix((rating, (data.movie, data.user)), shape=(data.movies, data.users)).tocsr()
    matrix.sum_duplicates()
    return matrix


def pca_scores(matrix, components, seed):
    components = max(1, min(components, min(matrix.shape) - 1))
    pca = PCA(n_components=components, svd_solver="randomized", random_state=seed)
    scores = pca.fit_transform(matrix.toarray())
    return scores, pca.explained_variance_ratio_


def explore(data, options, seed):
    """The Explore cell: PCA and NMF planes of the movies (the first two coordinates of each)."""
    matrix = movie_user_matrix(data, options["values"])
    scores, ratio = pca_scores(matrix, 10, seed)
    nonnegative = matrix if options["values"] != "centred" else movie_user_matrix(data, "raw")
    nmf = NMF(n_components=options["nmfComponents"], init="nndsvda", max_iter=200, tol=1e-4, random_state=seed)
    w = nmf.fit_transform(nonnegative)
    return {
        "pca": {"plane": scores[:, :2].tolist(), "explainedVarianceRatio": ratio.tolist()},
        "nmf": {"plane": w[:, :2].tolist(), "reconstructionError": float(nmf.reconstruction_err_)},
    }


def cluster_points(data, cluster, seed):
    matrix = movie_user_matrix(data, cluster["values"])
    if cluster["space"] == "raw":
        return matrix
    return pca_scores(matrix, cluster["components"], seed)[0]


def kmeans(points, k, cluster, seed):
    model = KMeans(n_clusters=k, init="k-means++", n_init=cluster["nInit"], max_iter=300, tol=1e-4, random_state=seed)
    return model.fit(points)


def kmeans_sweep(data, cluster, seed, on_point=None):
    """Inertia and silhouette for k = kMin … kMax (the elbow and silhouette curves of the Cluster cell)."""
    points = cluster_points(data, cluster, seed)
    sweep = []
    for k in range(cluster["kMin"], min(cluster["kMax"], data.movies - 1) + 1):
        fitted = kmeans(points, k, cluster, seed)
        point = {"k": k, "inertia": float(fitted.inertia_), "silhouette": float(silhouette_score(points, fitted.labels_))}
        sweep.append(point)
        if on_point:
            on_point(point)
    return sweep


def movie_clusters(data, cluster, seed):
    """The movie → cluster assignment the windows are built on: K-Means for the chosen k alone."""
    k = cluster["k"]
    if not 2 <= k < data.movies:
        raise ValueError(f"k must be from 2 to {data.movies - 1} (the subset has {data.movies} movies)")
    return kmeans(cluster_points(data, cluster, seed), k, cluster, seed).labels_.astype(np.int64)
