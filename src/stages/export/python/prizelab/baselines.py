"""The Netflix Prize baselines of src/stages/baselines/compute/, ported line for line so that the same seed
gives the same numbers: the global mean, the static biases b_ui = μ + b_u + b_i (exact alternating
minimisation), the time-aware biases (Koren 2009, block coordinate descent), biased MF ("SVD") and SVD++ by SGD in the page's seeded order, with early stopping on the
validation RMSE and the best epoch's weights kept. The SGD loops visit one rating at a time, as the page
does; they are exact rather than fast (about 10–20 µs per rating and epoch in CPython)."""
import math
import time

import numpy as np

from .rng import Rng, shuffle_in_place


def clip(values, scale):
    return np.clip(values, scale[0], scale[1]).astype(np.float32)


def error_metrics(predictions, ratings):
    e = ratings.astype(np.float64) - predictions.astype(np.float64)
    return math.sqrt(float(np.mean(e * e))), float(np.mean(np.abs(e)))


def mean_rating(train):
    return float(np.sum(train.rating.astype(np.float64)) / train.count) if train.count else 0.0


class GlobalMean:
    def __init__(self, train, users, movies, scale):
        self.mean = mean_rating(train)
        self.params = 1
        self.epochs = 0
        self.best_epoch = None

    def predict(self, s):
        return np.full(s.count, self.mean, dtype=np.float32)


class StaticBaseline:
    def __init__(self, train, users, movies, scale, options):
        self.mean = mean_rating(train)
        self.scale = scale
        self.params = 1 + users + movies
        self.best_epoch = None
        self.user_bias = np.zeros(users)
        self.movie_bias = np.zeros(movies)
        user_count = np.bincount(train.user, minlength=users)
        movie_count = np.bincount(train.movie, minlength=movies)
        r = train.rating.astype(np.float64) - self.mean
        sweeps = 0
        while sweeps < options["maxSweeps"]:
            sweeps += 1
            sums = np.bincount(train.movie, weights=r - self.user_bias[train.user], minlength=movies)
            change = self._update(self.movie_bias, sums, movie_count, options["regMovie"])
            sums = np.bincount(train.user, weights=r - self.movie_bias[train.movie], minlength=users)
            change = max(change, self._update(self.user_bias, sums, user_count, options["regUser"]))
            if change <= options["tolerance"]:
                break
        self.epochs = sweeps

    @staticmethod
    def _update(bias, sums, counts, reg):
        denominator = counts + reg
        nxt = np.where(denominator > 0, sums / np.where(denominator > 0, denominator, 1), 0.0)
        change = float(np.max(np.abs(nxt - bias))) if len(bias) else 0.0
        bias[:] = nxt
        return change

    def predict(self, s):
        return clip(self.mean + self.user_bias[s.user] + self.movie_bias[s.movie], self.scale)


class TimeAwareBaseline:
    """Koren's time-aware baseline (KDD 2009, eq. 9–10): μ + b_u + α_u·dev_u(t) + b_u,t + b_i + b_i,Bin(t),
    fitted by exact block coordinate descent, as the page fits it."""

    def __init__(self, train, users, movies, scale, options):
        self.options = o = options
        self.scale = scale
        self.best_epoch = None
        self.mean = mean = mean_rating(train)
        n = train.count
        day = train.day.astype(np.float64)
        counts = np.bincount(train.user, minlength=users)
        sums = np.bincount(train.user, weights=day, minlength=users)
        with np.errstate(invalid="ignore", divide="ignore"):
            self.mean_day = np.where(counts > 0, sums / counts, np.nan)
        self.first_day = int(train.day.min()) if n else 0
        self.last_day = int(train.day.max()) if n else 0
        dev = self.deviation(day, self.mean_day[train.user])
        movie_bin = train.movie * o["bins"] + self.bin_of(train.day)
        self.user_day_keys = np.unique(train.user * 65536 + train.day) if o["userDayBias"] else np.zeros(0, dtype=np.int64)
        user_day = np.searchsorted(self.user_day_keys, train.user * 65536 + train.day)
        self.user_bias = np.zeros(users)
        self.drift = np.zeros(users)
        self.movie_bias = np.zeros(movies)
        self.movie_bin_bias = np.zeros(movies * o["bins"])
        self.user_day_bias = np.zeros(len(self.user_day_keys))
        residual = train.rating.astype(np.float64) - mean
        blocks = [
            (self.movie_bias, train.movie, None, o["regMovie"]),
            (self.movie_bin_bias, movie_bin, None, o["regMovieBin"]),
            (self.user_bias, train.user, None, o["regUser"]),
            (self.drift, train.user, dev, o["regDrift"]),
        ]
        if o["userDayBias"]:
            blocks.append((self.user_day_bias, user_day, None, o["regUserDay"]))
        sweeps, previous = 0, float("inf")
        while sweeps < o["maxSweeps"]:
            sweeps += 1
            for param, group, x, reg in blocks:
                xk = np.ones(n) if x is None else x
                numerator = np.bincount(group, weights=xk * (residual + xk * param[group]), minlength=len(param))
                denominator = np.bincount(group, weights=xk * xk, minlength=len(param))
                total = denominator + reg
                nxt = np.where(total > 0, numerator / np.where(total > 0, total, 1), 0.0)
                residual -= xk * (nxt - param)[group]
                param[:] = nxt
            loss = float(np.mean(residual * residual)) if n else 0.0
            if abs(previous - loss) < o["tolerance"]:
                break
            previous = loss
        self.epochs = sweeps
        self.params = 1 + 2 * users + movies + movies * o["bins"] + (len(self.user_day_keys) if o["userDayBias"] else 0)

    def deviation(self, day, mean_day):
        d = np.asarray(day, dtype=np.float64) - mean_day
        with np.errstate(invalid="ignore"):
            out = np.sign(d) * np.power(np.abs(d), self.options["beta"])
        return np.where((d == 0) | np.isnan(d), 0.0, out)

    def bin_of(self, day):
        bins = self.options["bins"]
        span = self.last_day - self.first_day + 1
        return np.clip(np.floor((np.asarray(day, dtype=np.float64) - self.first_day) * bins / span), 0, bins - 1).astype(np.int64)

    def predict(self, s):
        value = self.mean + self.user_bias[s.user] + self.drift[s.user] * self.deviation(s.day, self.mean_day[s.user])
        value = value + self.movie_bias[s.movie] + self.movie_bin_bias[s.movie * self.options["bins"] + self.bin_of(s.day)]
        if self.options["userDayBias"] and len(self.user_day_keys):
            keys = s.user * 65536 + s.day
            at = np.minimum(np.searchsorted(self.user_day_keys, keys), len(self.user_day_keys) - 1)
            value = value + np.where(self.user_day_keys[at] == keys, self.user_day_bias[at], 0.0)
        return clip(value, self.scale)


def _initial_state(train, users, movies, f, init_sd, rng):
    def factors(count, sd, stream):
        return np.array([stream.normal() * sd for _ in range(count)], dtype=np.float32)

    state = {
        "mean": mean_rating(train),
        "bu": np.zeros(users, dtype=np.float32),
        "bi": np.zeros(movies, dtype=np.float32),
    }
    state["P"] = factors(users * f, init_sd, rng.fork(1)).reshape(users, f)
    state["Q"] = factors(movies * f, init_sd, rng.fork(2)).reshape(movies, f)
    return state


def run_epochs(run_epoch, validation_rmse, snapshot, restore, epochs, patience, on_epoch=None):
    """The page's `runEpochs`: early stopping on validation RMSE, best weights restored."""
    best, best_epoch, ran = None, 0, 0
    history = []
    for epoch in range(1, epochs + 1):
        train_rmse = run_epoch(epoch)
        val_rmse = validation_rmse()
        ran = epoch
        history.append({"epoch": epoch, "trainRmse": train_rmse, "valRmse": val_rmse})
        if on_epoch:
            on_epoch(history[-1])
        if val_rmse is None:
            best_epoch = epoch
        elif best is None or val_rmse < best[0]:
            best = (val_rmse, snapshot())
            best_epoch = epoch
        if patience > 0 and val_rmse is not None and epoch - best_epoch >= patience:
            break
    if best is not None and best_epoch != ran:
        restore(best[1])
    return ran, best_epoch, history


class BiasedMf:
    """r̂ = μ + b_u + b_i + q_i·p_u by SGD; each rating's update is computed in double, stored in float32."""

    def __init__(self, train, validation, users, movies, scale, options, on_epoch=None):
        f = options["factors"]
        rng = Rng(options["seed"])
        self.state = s = _initial_state(train, users, movies, f, options["initSd"], rng)
        self.scale = scale
        self.params = 1 + users + movies + f * (users + movies)
        order_rng = rng.fork(3)
        order = list(range(train.count))
        user, movie, rating = train.user.tolist(), train.movie.tolist(), train.rating.astype(np.float64).tolist()
        reg_bias, reg = options["regBias"], options["regFactor"]
        bu, bi, P, Q, mean = s["bu"], s["bi"], s["P"], s["Q"], s["mean"]

        def run_epoch(epoch):
            lr = options["learningRate"] * options["learningRateDecay"] ** (epoch - 1)
            shuffle_in_place(order, order_rng)
            shrink = 1 - lr * reg
            squared = 0.0
            for k in order:
                u, i = user[k], movie[k]
                p = P[u].astype(np.float64)
                q = Q[i].astype(np.float64)
                err = rating[k] - (mean + float(bu[u]) + float(bi[i]) + float(p @ q))
                squared += err * err
                bu[u] = float(bu[u]) + lr * (err - reg_bias * float(bu[u]))
                bi[i] = float(bi[i]) + lr * (err - reg_bias * float(bi[i]))
                step = lr * err
                P[u] = shrink * p + step * q
                Q[i] = shrink * q + step * p
            return math.sqrt(squared / max(1, train.count))

        self.epochs, self.best_epoch, self.history = run_epochs(
            run_epoch,
            lambda: error_metrics(self.predict(validation), validation.rating)[0] if validation.count else None,
            lambda: [a.copy() for a in (bu, bi, P, Q)],
            lambda snap: [a.__setitem__(slice(None), b) for a, b in zip((bu, bi, P, Q), snap)],
            options["epochs"],
            options["patience"],
            on_epoch,
        )

    def predict(self, s):
        st = self.state
        dot = np.einsum("ij,ij->i", st["P"][s.user].astype(np.float64), st["Q"][s.movie].astype(np.float64))
        return clip(st["mean"] + st["bu"][s.user].astype(np.float64) + st["bi"][s.movie] + dot, self.scale)


class SvdPlusPlus:
    """SVD++ (Koren 2008, eq. 15) with the page's per-user SGD order and the y_j updates batched per user."""

    def __init__(self, train, validation, users, movies, scale, options, on_epoch=None):
        f = options["factors"]
        rng = Rng(options["seed"])
        self.state = s = _initial_state(train, users, movies, f, options["initSd"], rng)
        self.Y = Y = np.zeros((movies, f), dtype=np.float32)
        self.scale = scale
        self.params = 1 + users + movies + f * (users + 2 * movies)
        order_rng = rng.fork(3)
        self.train = train
        counts = np.bincount(train.user, minlength=users)
        self.start = start = np.zeros(users + 1, dtype=np.int64)
        start[1:] = np.cumsum(counts)
        self.rows = rows = np.argsort(train.user, kind="stable")
        group = [rows[start[u] : start[u + 1]].tolist() for u in range(users)]
        user_order = list(range(users))
        movie, rating = train.movie.tolist(), train.rating.astype(np.float64).tolist()
        reg_bias, reg = options["regBias"], options["regFactor"]
        bu, bi, P, Q, mean = s["bu"], s["bi"], s["P"], s["Q"], s["mean"]

        def run_epoch(epoch):
            lr = options["learningRate"] * options["learningRateDecay"] ** (epoch - 1)
            shuffle_in_place(user_order, order_rng)
            squared = 0.0
            for u in user_order:
                mine = group[u]
                if not mine:
                    continue
                norm = 1 / math.sqrt(len(mine))
                z = norm * Y[[movie[k] for k in mine]].astype(np.float64).sum(axis=0)
                gradient = np.zeros(f)
                shuffle_in_place(mine, order_rng)
                for k in mine:
                    i = movie[k]
                    p = P[u].astype(np.float64)
                    q = Q[i].astype(np.float64)
                    err = rating[k] - (mean + float(bu[u]) + float(bi[i]) + float(q @ (p + z)))
                    squared += err * err
                    bu[u] = float(bu[u]) + lr * (err - reg_bias * float(bu[u]))
                    bi[i] = float(bi[i]) + lr * (err - reg_bias * float(bi[i]))
                    Q[i] = q + lr * (err * (p + z) - reg * q)
                    P[u] = p + lr * (err * q - reg * p)
                    gradient += err * q
                decay = (1 - lr * reg) ** len(mine)
                for k in mine:
                    j = movie[k]
                    Y[j] = decay * Y[j].astype(np.float64) + lr * norm * gradient
            return math.sqrt(squared / max(1, train.count))

        self.epochs, self.best_epoch, self.history = run_epochs(
            run_epoch,
            lambda: error_metrics(self.predict(validation), validation.rating)[0] if validation.count else None,
            lambda: [a.copy() for a in (bu, bi, P, Q, Y)],
            lambda snap: [a.__setitem__(slice(None), b) for a, b in zip((bu, bi, P, Q, Y), snap)],
            options["epochs"],
            options["patience"],
            on_epoch,
        )

    def predict(self, s):
        st = self.state
        users = np.unique(s.user)
        vectors = {}
        for u in users.tolist():
            mine = self.rows[self.start[u] : self.start[u + 1]]
            implicit = self.Y[self.train.movie[mine]].astype(np.float64).sum(axis=0)
            norm = 1 / math.sqrt(len(mine)) if len(mine) else 0.0
            vectors[u] = st["P"][u].astype(np.float64) + norm * implicit
        z = np.array([vectors[u] for u in s.user.tolist()]).reshape(s.count, -1)
        dot = np.einsum("ij,ij->i", st["Q"][s.movie].astype(np.float64), z)
        return clip(st["mean"] + st["bu"][s.user].astype(np.float64) + st["bi"][s.movie] + dot, self.scale)


def train_rating_model(kind, sets, users, movies, scale, settings, on_epoch=None):
    """One rating model, scored as the page scores it: a row of the comparison, in the CLI's shape."""
    train, validation, test = sets["train"], sets["validation"], sets["test"]
    started = time.time()
    if kind == "mean":
        model = GlobalMean(train, users, movies, scale)
    elif kind == "bias":
        model = StaticBaseline(train, users, movies, scale, settings["bias"])
    elif kind == "timebias":
        model = TimeAwareBaseline(train, users, movies, scale, settings["timebias"])
    elif kind == "mf":
        model = BiasedMf(train, validation, users, movies, scale, settings["mf"], on_epoch)
    elif kind == "svdpp":
        model = SvdPlusPlus(train, validation, users, movies, scale, settings["mf"], on_epoch)
    else:
        raise ValueError(f"the Python export has no rating model “{kind}”")
    seconds = time.time() - started
    test_rmse, test_mae = error_metrics(model.predict(test), test.rating)
    mean = GlobalMean(train, users, movies, scale)
    return {
        "model": kind,
        "testRmse": test_rmse,
        "valRmse": error_metrics(model.predict(validation), validation.rating)[0] if validation.count else None,
        "trainMeanRmse": error_metrics(mean.predict(test), test.rating)[0],
        "params": model.params,
        "epochs": model.epochs,
        "backend": "cpu",
        "testMae": test_mae,
        "bestEpoch": model.best_epoch,
        "trainingSeconds": seconds,
        "testRatings": test.count,
    }
