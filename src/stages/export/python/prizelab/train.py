"""The page's training loop (src/stages/train/compute/training/fit-model.ts) in PyTorch: each epoch's order
from the notebook's generator (`Rng(seed).fork(epoch)`, the same windows in the same batches as the page),
Adam on the mean squared error, validation after every epoch, early stopping with the best epoch's weights
restored.

Scale-out: under `torchrun` (WORLD_SIZE > 1) the model is wrapped in DistributedDataParallel (gloo on CPU,
nccl on GPU) and every global batch is cut into one shard per process. Each process's loss is its shard's
sum of squared errors divided by the global batch size, times the number of processes, so that DDP's mean of
the gradients is exactly the single-process gradient of the whole batch: the loss curve does not depend on
the number of processes (up to float rounding)."""
import copy
import os
import time

import numpy as np
import torch
import torch.distributed as dist

from .rng import Rng, shuffle_in_place


class Runtime:
    """Where training runs: the device and, under torchrun, the process group."""

    def __init__(self, device="auto"):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        local = int(os.environ.get("LOCAL_RANK", "0"))
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if device == "cuda":
            torch.cuda.set_device(local)
            self.device = torch.device("cuda", local)
        else:
            self.device = torch.device("cpu")
        if self.world > 1 and not dist.is_initialized():
            dist.init_process_group("nccl" if device == "cuda" else "gloo")

    @property
    def distributed(self):
        return self.world > 1

    @property
    def main(self):
        return self.rank == 0

    def wrap(self, model):
        model = model.to(self.device)
        if not self.distributed:
            return model
        ids = [self.device.index] if self.device.type == "cuda" else None
        return torch.nn.parallel.DistributedDataParallel(model, device_ids=ids)

    def all_sum(self, value):
        if not self.distributed:
            return value
        t = torch.tensor([value], dtype=torch.float64)
        dist.all_reduce(t)
        return float(t[0])

    def broadcast_array(self, array):
        """Rank 0's copy of a NumPy integer array, on every process (the movie clusters)."""
        if not self.distributed:
            return array
        t = torch.as_tensor(np.asarray(array, dtype=np.int64))
        dist.broadcast(t, 0)
        return t.numpy()


class WindowExamples:
    """One split's windows, expanded a batch at a time (as the page's compact windows are), so that the
    windows of a large dataset never sit in memory all at once."""

    def __init__(self, features, role):
        self.features = features
        self.ends = features.ends(role)
        self.labels = features.rating[self.ends].astype(np.float32)
        self.count = len(self.ends)
        self.width = features.features

    def batch(self, indices, device):
        x, y = self.features.windows(None, self.ends[indices])
        return torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)

    def chunks(self, size=4096):
        return (self.features.windows(None, self.ends[i : i + size])[0] for i in range(0, self.count, size))


class PairExamples:
    """(user, movie) → rating examples of one split (the dense model's)."""

    def __init__(self, user, movie, labels):
        self.user, self.movie = user.astype(np.int64), movie.astype(np.int64)
        self.labels = labels.astype(np.float32)
        self.count = len(labels)

    def batch(self, indices, device):
        x = (torch.from_numpy(self.user[indices]).to(device), torch.from_numpy(self.movie[indices]).to(device))
        return x, torch.from_numpy(self.labels[indices]).to(device)


def predict(model, examples, device, batch_size=2048):
    module = model.module if hasattr(model, "module") else model
    module.eval()
    out = np.empty(examples.count, dtype=np.float32)
    with torch.no_grad():
        for start in range(0, examples.count, batch_size):
            idx = np.arange(start, min(start + batch_size, examples.count))
            x, _ = examples.batch(idx, device)
            out[idx] = module(x).view(-1).cpu().numpy()
    module.train()
    return out


def fit(model, train, validation, options, runtime, on_epoch=None):
    """Trains in place; returns the epoch logs, the best epoch (0-based) and the training seconds."""
    optimizer = torch.optim.Adam(model.parameters(), lr=options["learningRate"], eps=1e-7)
    epochs, batch_size, patience, seed = options["epochs"], options["batchSize"], options["patience"], options["seed"]
    history, best, best_epoch, best_loss, since_best, seconds = [], None, -1, float("inf"), 0, 0.0
    model.train()
    for epoch in range(epochs):
        order = shuffle_in_place(list(range(train.count)), Rng(seed).fork(epoch))
        order = np.array(order, dtype=np.int64)
        started = time.time()
        squared = 0.0
        for start in range(0, train.count, batch_size):
            batch = order[start : start + batch_size]
            shard = np.array_split(batch, runtime.world)[runtime.rank]
            weight = 1.0
            if len(shard) == 0:  # more processes than examples: take part with a weightless example
                shard, weight = batch[:1], 0.0
            x, y = train.batch(shard, runtime.device)
            error = model(x).view(-1) - y
            loss = weight * torch.sum(error * error) * runtime.world / len(batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            squared += weight * float(torch.sum(error.detach() ** 2))
        seconds += time.time() - started
        loss = runtime.all_sum(squared) / train.count
        if validation is not None and validation.count:
            predictions = predict(model, validation, runtime.device)
            val_loss = float(np.mean((predictions.astype(np.float64) - validation.labels) ** 2))
        else:
            val_loss = float("nan")
        monitored = val_loss if validation is not None and validation.count else loss
        improved = monitored < best_loss
        if improved:
            best_loss, best_epoch, since_best = monitored, epoch, 0
            best = copy.deepcopy((model.module if hasattr(model, "module") else model).state_dict())
        else:
            since_best += 1
        log = {"epoch": epoch, "loss": loss, "valLoss": val_loss, "seconds": time.time() - started, "improved": improved}
        history.append(log)
        if on_epoch:
            on_epoch(log)
        if not np.isfinite(monitored) or (not improved and since_best >= patience):
            break
    if best is not None:
        (model.module if hasattr(model, "module") else model).load_state_dict(best)
    return history, best_epoch, seconds
