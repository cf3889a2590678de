"""Histories, windows, split and features, by the rules of src/stages/windows/compute/: every user's ratings in
time order (ties by movie id, then row), windows of `steps` ratings whose last one is the label (anchored at
the user's latest rating, `stride` apart, the latest `cap` kept), a chronological or random split drawn from
the notebook's seeded generator, and the rating-level split it implies."""
import math

import numpy as np

from .data import id_order
from .rng import Rng, shuffle_in_place

TRAIN, VALIDATION, TEST = 0, 1, 2


class Split:
    """`hist_row[start[u]:start[u+1]]`: user u's rows in time order; windows end at history positions `end`."""

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def counts(self, roles):
        return {
            "train": int(np.sum(roles == TRAIN)),
            "validation": int(np.sum(roles == VALIDATION)),
            "test": int(np.sum(roles == TEST)),
        }


def user_histories(data):
    rows = np.arange(len(data.user))
    hist_row = np.lexsort((rows, id_order(data.movie_ids)[data.movie], data.day, data.user))
    start = np.zeros(data.users + 1, dtype=np.int64)
    start[1:] = np.cumsum(np.bincount(data.user, minlength=data.users))
    return hist_row, start


def index_windows(start, steps, stride, cap):
    users, ends = [], []
    for u in range(len(start) - 1):
        length = int(start[u + 1] - start[u])
        if length < steps:
            continue
        count = (length - steps) // stride + 1
        if cap is not None:
            count = min(count, cap)
        last = int(start[u + 1]) - 1
        for j in range(count - 1, -1, -1):
            users.append(u)
            ends.append(last - j * stride)
    return np.array(users, dtype=np.int64), np.array(ends, dtype=np.int64)


def _rounded_share(total, fraction, rng):
    exact = total * fraction
    whole = math.floor(exact)
    return whole + (1 if rng.next() < exact - whole else 0)


def _chrono_roles(window_user, val_fraction, test_fraction, rng):
    role = np.zeros(len(window_user), dtype=np.int8)
    first = 0
    while first < len(window_user):
        last = first
        while last < len(window_user) and window_user[last] == window_user[first]:
            last += 1
        total = last - first
        test = min(total, _rounded_share(total, test_fraction, rng))
        validation = min(total - test, _rounded_share(total, val_fraction, rng))
        role[last - test : last] = TEST
        role[last - test - validation : last - test] = VALIDATION
        first = last
    return role


def _random_roles(count, val_fraction, test_fraction, rng):
    order = shuffle_in_place(list(range(count)), rng)
    test = _js_round(count * test_fraction)
    validation = _js_round(count * val_fraction)
    role = np.zeros(count, dtype=np.int8)
    role[np.array(order[:test], dtype=np.int64)] = TEST
    role[np.array(order[test : test + validation], dtype=np.int64)] = VALIDATION
    return role


def _js_round(x):
    """JavaScript's Math.round (halves go up), not Python's banker's rounding."""
    return math.floor(x + 0.5)


def split_data(data, sequences, seed):
    """The page's `prepareSplit`: `sequences` is config.json's `sequences` section."""
    steps, stride, cap = sequences["steps"], sequences["stride"], sequences["maxPerUser"]
    val_fraction, test_fraction = sequences["valFraction"], sequences["testFraction"]
    if not (0 <= val_fraction < 1 and 0 <= test_fraction < 1 and val_fraction + test_fraction < 1):
        raise ValueError("the validation and test fractions must be in [0, 1) and leave training data")
    hist_row, start = user_histories(data)
    window_user, end = index_windows(start, steps, stride, cap)
    rng = Rng(seed)
    if sequences["split"] == "chrono":
        role = _chrono_roles(window_user, val_fraction, test_fraction, rng)
    else:
        role = _random_roles(len(end), val_fraction, test_fraction, rng)
    label_row = hist_row[end]
    rating_role = np.zeros(len(data.user), dtype=np.int8)
    rating_role[label_row] = role
    split = Split(
        hist_row=hist_row,
        start=start,
        window_user=window_user,
        end=end,
        role=role,
        label_row=label_row,
        rating_role=rating_role,
        steps=steps,
    )
    split.window_counts = split.counts(role)
    split.options = {
        "kind": sequences["split"],
        "valFraction": val_fraction,
        "testFraction": test_fraction,
        "seed": seed,
    }
    return split


class RatingSet:
    def __init__(self, data, rows):
        self.user = data.user[rows]
        self.movie = data.movie[rows]
        self.day = data.day[rows]
        self.rating = data.rating[rows]
        self.count = len(rows)


def rating_sets(data, split):
    """Training ratings in table order; validation and test ratings are window labels, in window order."""
    train_rows = np.nonzero(split.rating_role == TRAIN)[0]
    return {
        "train": RatingSet(data, train_rows),
        "validation": RatingSet(data, split.label_row[split.role == VALIDATION]),
        "test": RatingSet(data, split.label_row[split.role == TEST]),
    }


def training_movie_means(data, split):
    train = split.rating_role == TRAIN
    sums = np.bincount(data.movie[train], weights=data.rating[train].astype(np.float64), minlength=data.movies)
    counts = np.bincount(data.movie[train], minlength=data.movies)
    overall = data.rating[train].astype(np.float64).mean() if train.any() else 0.0
    return np.where(counts > 0, sums / np.maximum(counts, 1), overall).astype(np.float32)


class WindowFeatures:
    """Per history position what a window step shows; `windows(role)` expands one split's windows."""

    def __init__(self, data, split, cluster_of_movie, clusters, days_since_previous, movie_mean):
        rows = split.hist_row
        self.split = split
        self.clusters = clusters
        self.steps = split.steps
        self.cluster = np.asarray(cluster_of_movie, dtype=np.int64)[data.movie[rows]]
        self.rating = data.rating[rows]
        self.user = data.user[rows]
        self.movie = data.movie[rows]
        self.role = split.rating_role[rows]
        extras = []
        if days_since_previous:
            gap = np.zeros(len(rows), dtype=np.float64)
            day = data.day[rows]
            gap[1:] = day[1:] - day[:-1]
            gap[split.start[:-1][split.start[:-1] < len(rows)]] = 0
            extras.append(np.log1p(gap).astype(np.float32))
        if movie_mean:
            extras.append(training_movie_means(data, split)[data.movie[rows]])
        self.extras = extras
        self.features = clusters + 1 + len(extras)

    def ends(self, role):
        return self.split.end[self.split.role == role]

    def windows(self, role, ends=None):
        """x: [n, steps, features] float32, y: [n] float32, for the windows ending at `ends`."""
        ends = self.ends(role) if ends is None else ends
        positions = ends[:, None] - self.steps + 1 + np.arange(self.steps)[None, :]
        x = np.zeros((len(ends), self.steps, self.features), dtype=np.float32)
        cluster = self.cluster[positions]
        n, s = np.nonzero(cluster >= 0)
        x[n, s, cluster[n, s]] = 1
        x[:, :, self.clusters] = self.rating[positions]
        x[:, -1, self.clusters] = 0  # the label's rating is hidden
        for j, column in enumerate(self.extras):
            x[:, :, self.clusters + 1 + j] = column[positions]
        return x, self.rating[ends]

    def pairs(self, role):
        """(user, movie) → rating of every rating with this role, in history order (the dense model's data)."""
        keep = self.role == role
        return self.user[keep], self.movie[keep], self.rating[keep]


def normalization_stats(chunks):
    """Per-feature mean and population variance over every window and step (two passes over `chunks()`, an
    iterable of [n, steps, features] arrays, in float64); constant features get variance 1."""
    total, rows = None, 0
    for x in chunks():
        flat = x.reshape(-1, x.shape[-1]).astype(np.float64)
        total = flat.sum(axis=0) if total is None else total + flat.sum(axis=0)
        rows += len(flat)
    if not rows:
        raise ValueError("the training split has no windows")
    mean = total / rows
    variance = sum(((x.reshape(-1, x.shape[-1]).astype(np.float64) - mean) ** 2).sum(axis=0) for x in chunks()) / rows
    variance[~(variance > 1e-12)] = 1.0
    return mean, variance


def test_checksum(data, split):
    """Count and a checksum of the test (user, movie, day, rating) triples, to compare with the page's split."""
    rows = split.label_row[split.role == TEST]
    total = 0
    for k, r in enumerate(rows):
        value = int(data.user[r]) * 1_000_003 + int(data.movie[r]) * 7_919 + int(data.day[r]) * 31
        value += int(round(float(data.rating[r]) * 2))
        total = (total + (k + 1) * value) % 2_147_483_647
    return {"count": int(len(rows)), "checksum": total}
