"""PyTorch peer of `npm run bench:gpu`: the project's LSTM model (bench/train/torch_lstm.py) and dense
embedding model (bench/mf/torch_dense.py) on CUDA when this torch has it, else on the CPU, with the same
batches as the tfjs side; times `timed` batches after `warmup` and prints one JSON line per job.

Usage: torch_gpu.py WINDOWS_FILE DENSE_FILE JOBS_JSON
JOBS_JSON: [{"model": "lstm"|"dense", "units": n, "batchSize": n, "warmupBatches": n, "timedBatches": n}, ...]
"""
import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "train"))
sys.path.insert(0, os.path.join(HERE, "..", "mf"))
from torch_lstm import LstmRatingModel, read_windows  # noqa: E402
from torch_dense import DenseEmbeddingModel, read_sample  # noqa: E402


def device_info():
    if torch.cuda.is_available():
        return torch.device("cuda"), {"device": "cuda", "name": torch.cuda.get_device_name(0)}
    return torch.device("cpu"), {"device": "cpu", "threads": torch.get_num_threads()}


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def lstm_model(x, units):
    flat = x.reshape(-1, x.shape[2])
    mean = flat.mean(0)
    std = flat.var(0, unbiased=False).clamp_min(1e-12).sqrt()
    std[std <= 1e-6] = 1.0
    return LstmRatingModel(x.shape[2], units, mean, std)


def run(job, device, windows, sample):
    torch.manual_seed(1)
    batch, warmup, timed = job["batchSize"], job["warmupBatches"], job["timedBatches"]
    needed = (warmup + timed) * batch
    if job["model"] == "lstm":
        x, y = windows[0][:needed].to(device), windows[1][:needed].to(device)
        model = lstm_model(x, job["units"]).to(device)
        inputs = lambda index: (x[index],)  # noqa: E731
    else:
        users, movies, (u, m, r), _ = sample
        u, m, y = u[:needed].to(device), m[:needed].to(device), r[:needed].to(device)
        model = DenseEmbeddingModel(users, movies, 64, 0.2, 3.0).to(device)
        inputs = lambda index: (u[index], m[index])  # noqa: E731
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    order = torch.randperm(needed, device=device)
    losses = []
    start = None
    for b in range(warmup + timed):
        if b == warmup:
            sync(device)
            start = time.perf_counter()
        index = order[b * batch : (b + 1) * batch]
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(model(*inputs(index)), y[index])
        loss.backward()
        optimizer.step()
        losses.append(loss)
    sync(device)
    seconds = time.perf_counter() - start
    return {
        **job,
        "samplesPerSecond": timed * batch / seconds,
        "seconds": seconds,
        "meanLoss": float(np.mean([l.item() for l in losses[warmup:]])),
        "torch": torch.__version__,
    }


def main():
    windows_file, dense_file, jobs_json = sys.argv[1], sys.argv[2], sys.argv[3]
    device, info = device_info()
    windows = read_windows(windows_file)
    sample = read_sample(dense_file)
    for job in json.loads(jobs_json):
        print(json.dumps({**run(job, device, windows, sample), **info}), flush=True)


if __name__ == "__main__":
    main()
