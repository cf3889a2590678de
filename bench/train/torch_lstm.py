"""PyTorch peer for `npm run bench:train`: the same model as the project's LSTM (per-feature normalisation ->
LSTM(units) -> Linear(units)+SiLU (swish) -> Linear(1)), Adam(1e-3), MSE, trained on the same windows in the
same batch size; times `timed` batches after `warmup` batches and prints one JSON line.

Usage: torch_lstm.py WINDOWS_FILE SHAPE_JSON [THREADS] (file layout: bench/train/window-codec.ts; THREADS
defaults to the core count).
Run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset and OPENBLAS_NUM_THREADS=1 (FINDINGS.md: with the
machine's defaults the same LSTM ran ~3x slower); torch uses its own threads, one per core.
"""
import json
import os
import sys
import time

import numpy as np
import torch


def read_windows(path):
    raw = np.fromfile(path, dtype=np.uint8)
    count, steps, features = np.frombuffer(raw[:12].tobytes(), dtype="<i4")
    x_len = int(count * steps * features)
    floats = np.frombuffer(raw[12:].tobytes(), dtype="<f4")
    x = floats[:x_len].reshape(int(count), int(steps), int(features))
    y = floats[x_len : x_len + int(count)].reshape(int(count), 1)
    return torch.from_numpy(x.copy()), torch.from_numpy(y.copy())


class LstmRatingModel(torch.nn.Module):
    def __init__(self, features, units, mean, std):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.lstm = torch.nn.LSTM(features, units, batch_first=True)
        self.hidden = torch.nn.Linear(units, units)
        self.out = torch.nn.Linear(units, 1)

    def forward(self, x):
        sequence, _ = self.lstm((x - self.mean) / self.std)
        return self.out(torch.nn.functional.silu(self.hidden(sequence[:, -1])))


def main():
    path, shape_json = sys.argv[1], sys.argv[2]
    shape = json.loads(shape_json)
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else (os.cpu_count() or 1)
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x, y = read_windows(path)
    batch = shape["batchSize"]
    warmup, timed = shape["warmupBatches"], shape["timedBatches"]
    needed = (warmup + timed) * batch
    x, y = x[:needed], y[:needed]
    flat = x.reshape(-1, x.shape[2])
    mean = flat.mean(0)
    std = flat.var(0, unbiased=False).clamp_min(1e-12).sqrt()
    std[std <= 1e-6] = 1.0
    model = LstmRatingModel(x.shape[2], shape["units"], mean, std)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    order = torch.randperm(needed)
    losses = []
    start = None
    for b in range(warmup + timed):
        if b == warmup:
            start = time.perf_counter()
        index = order[b * batch : (b + 1) * batch]
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x[index]), y[index])
        loss.backward()
        optimizer.step()
        if b >= warmup:
            losses.append(loss.item())
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "variant": "pytorch",
                "samplesPerSecond": timed * batch / seconds,
                "timedSamples": timed * batch,
                "seconds": seconds,
                "meanLoss": float(np.mean(losses)),
                "threads": threads,
                "torch": torch.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
