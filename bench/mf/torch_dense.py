"""The PyTorch peer of the dense half of `npm run bench:mf`: the project's dense embedding model (user and
movie embeddings -> concat -> Linear 256 ReLU -> Dropout -> 128 ReLU -> Dropout -> 64 ReLU -> Linear 1),
initialised as the project initialises it (embeddings uniform +-0.05, Glorot-uniform kernels, zero biases, the
output bias at the middle of the rating scale), Adam with tfjs' defaults (betas 0.9/0.999, eps 1e-7), MSE,
the same batch size, epochs and samples (bench/mf/dense-sample.ts writes them).

Samples/s leave out the first batch, as the project's side does. Test RMSE is on unclipped predictions, as
the project's evaluateModel computes it.

Usage: python3 torch_dense.py SAMPLE_FILE SETTINGS_JSON THREADS  -> prints one JSON line.
Run with OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset, OPENBLAS_NUM_THREADS=1 and OMP_WAIT_POLICY=PASSIVE.
"""
import json
import sys
import time

import numpy as np
import torch


def read_sample(path):
    raw = np.fromfile(path, dtype=np.uint8)
    users, movies, n_train, n_test = (int(v) for v in np.frombuffer(raw[:16].tobytes(), dtype="<i4"))
    offset = 16
    splits = []
    for n in (n_train, n_test):
        columns = []
        for dtype in ("<u4", "<u4", "<f4"):
            columns.append(np.frombuffer(raw[offset : offset + 4 * n].tobytes(), dtype=dtype))
            offset += 4 * n
        splits.append(
            (
                torch.from_numpy(columns[0].astype(np.int64)),
                torch.from_numpy(columns[1].astype(np.int64)),
                torch.from_numpy(columns[2].copy()).reshape(-1, 1),
            )
        )
    return users, movies, splits[0], splits[1]


class DenseEmbeddingModel(torch.nn.Module):
    def __init__(self, users, movies, embedding, dropout, rating_middle):
        super().__init__()
        self.user = torch.nn.Embedding(users, embedding)
        self.movie = torch.nn.Embedding(movies, embedding)
        self.hidden = torch.nn.ModuleList(
            [torch.nn.Linear(2 * embedding, 256), torch.nn.Linear(256, 128), torch.nn.Linear(128, 64)]
        )
        self.dropout = torch.nn.Dropout(dropout)
        self.out = torch.nn.Linear(64, 1)
        for table in (self.user, self.movie):
            torch.nn.init.uniform_(table.weight, -0.05, 0.05)
        for layer in [*self.hidden, self.out]:
            torch.nn.init.xavier_uniform_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
        torch.nn.init.constant_(self.out.bias, rating_middle)

    def forward(self, user, movie):
        x = torch.cat([self.user(user), self.movie(movie)], 1)
        for i, layer in enumerate(self.hidden):
            x = torch.relu(layer(x))
            if i < len(self.hidden) - 1:
                x = self.dropout(x)
        return self.out(x)


def main():
    path, settings = sys.argv[1], json.loads(sys.argv[2])
    threads = int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(settings["seed"])
    users, movies, train, test = read_sample(path)
    model = DenseEmbeddingModel(users, movies, settings["embeddingSize"], settings["dropout"], 3.0)
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    optimizer = torch.optim.Adam(model.parameters(), lr=settings["learningRate"], eps=1e-7)
    batch, count = settings["batchSize"], len(train[2])
    timed_samples, started, epoch_losses = 0, None, []
    for epoch in range(settings["epochs"]):
        order = torch.randperm(count)
        loss_sum = 0.0
        for start in range(0, count, batch):
            index = order[start : start + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = torch.nn.functional.mse_loss(model(train[0][index], train[1][index]), train[2][index])
            loss.backward()
            optimizer.step()
            # .item() waits for the batch, as the project's loop reads every batch's loss.
            loss_sum += loss.item() * len(index)
            if started is None:
                started = time.perf_counter()
            else:
                timed_samples += len(index)
        epoch_losses.append(loss_sum / count)
    seconds = time.perf_counter() - started
    model.eval()
    with torch.no_grad():
        prediction = torch.cat(
            [model(test[0][s : s + 2048], test[1][s : s + 2048]) for s in range(0, len(test[2]), 2048)]
        )
        errors = prediction - test[2]
        rmse = float(torch.sqrt((errors**2).mean()))
        mae = float(errors.abs().mean())
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "threads": threads,
                "params": params,
                "timedSamples": timed_samples,
                "timedSeconds": seconds,
                "samplesPerSecond": timed_samples / seconds,
                "epochLosses": epoch_losses,
                "testRmse": rmse,
                "testMae": mae,
            }
        )
    )


if __name__ == "__main__":
    main()
