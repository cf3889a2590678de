"""The PyTorch peer of `npm run bench:mf`: biased MF (mu + b_u + b_i + p_u . q_i) on the same ratings.

Embedding-based, as MF is usually written in PyTorch: sparse nn.Embedding tables for factors and biases,
plain SGD on sparse gradients, mini-batches in a new seeded order each epoch. The loss is the summed
0.5 * (err^2 + reg * |p_u|^2 + reg * |q_i|^2 + reg_bias * (b_u^2 + b_i^2)) over a batch, so one batch step is
the sum of the per-rating SGD steps the project's loop takes (at the batch's start values).

Usage: python3 torch_mf.py DATA_DIR THREADS FACTORS EPOCHS LR LR_DECAY REG REG_BIAS INIT_SD BATCH [BATCH...]
Reads DATA_DIR/{train,test}.{user.u32,movie.u32,rating.f32}; prints one JSON object. THREADS is a
comma-separated list of torch thread counts to run each batch size with.
"""
import json
import os
import sys
import time

import numpy as np
import torch


def load(directory, name):
    columns = [
        np.fromfile(os.path.join(directory, f"{name}.{column}"), dtype=dtype)
        for column, dtype in (("user.u32", np.uint32), ("movie.u32", np.uint32), ("rating.f32", np.float32))
    ]
    return (
        torch.from_numpy(columns[0].astype(np.int64)),
        torch.from_numpy(columns[1].astype(np.int64)),
        torch.from_numpy(columns[2]),
    )


class BiasedMf(torch.nn.Module):
    def __init__(self, users, movies, factors, mean, init_sd):
        super().__init__()
        self.p = torch.nn.Embedding(users, factors, sparse=True)
        self.q = torch.nn.Embedding(movies, factors, sparse=True)
        self.bu = torch.nn.Embedding(users, 1, sparse=True)
        self.bi = torch.nn.Embedding(movies, 1, sparse=True)
        torch.nn.init.normal_(self.p.weight, 0.0, init_sd)
        torch.nn.init.normal_(self.q.weight, 0.0, init_sd)
        torch.nn.init.zeros_(self.bu.weight)
        torch.nn.init.zeros_(self.bi.weight)
        self.mean = mean

    def forward(self, user, movie):
        p = self.p(user)
        q = self.q(movie)
        bu = self.bu(user).squeeze(1)
        bi = self.bi(movie).squeeze(1)
        return self.mean + bu + bi + (p * q).sum(1), p, q, bu, bi


def run(train, test, users, movies, factors, epochs, lr, lr_decay, reg, reg_bias, init_sd, batch):
    torch.manual_seed(7)
    user, movie, rating = train
    model = BiasedMf(users, movies, factors, float(rating.mean()), init_sd)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    epoch_seconds = []
    for epoch in range(epochs):
        for group in optimizer.param_groups:
            group["lr"] = lr * lr_decay**epoch
        started = time.perf_counter()
        order = torch.randperm(len(rating))
        for start in range(0, len(rating), batch):
            index = order[start : start + batch]
            prediction, p, q, bu, bi = model(user[index], movie[index])
            err = rating[index] - prediction
            loss = 0.5 * (
                (err * err).sum()
                + reg * ((p * p).sum() + (q * q).sum())
                + reg_bias * ((bu * bu).sum() + (bi * bi).sum())
            )
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        epoch_seconds.append(time.perf_counter() - started)
    with torch.no_grad():
        prediction = model(test[0], test[1])[0].clamp(1, 5)
        rmse = float(torch.sqrt(((prediction - test[2]) ** 2).mean()))
    return {
        "batch": batch,
        "epochSeconds": epoch_seconds,
        "ratingsPerSecond": len(rating) / float(np.median(epoch_seconds)),
        "testRmse": rmse,
    }


def main():
    directory = sys.argv[1]
    thread_counts = [int(x) for x in sys.argv[2].split(",")]
    factors, epochs = int(sys.argv[3]), int(sys.argv[4])
    lr, lr_decay, reg, reg_bias, init_sd = (float(x) for x in sys.argv[5:10])
    batches = [int(x) for x in sys.argv[10:]]
    train = load(directory, "train")
    test = load(directory, "test")
    users = int(max(train[0].max(), test[0].max())) + 1
    movies = int(max(train[1].max(), test[1].max())) + 1
    runs = []
    for threads in thread_counts:
        torch.set_num_threads(threads)
        for batch in batches:
            result = run(train, test, users, movies, factors, epochs, lr, lr_decay, reg, reg_bias, init_sd, batch)
            runs.append({"threads": threads, **result})
            print(json.dumps(runs[-1]), file=sys.stderr)
    print(json.dumps({"torch": torch.__version__, "runs": runs}))


if __name__ == "__main__":
    main()
