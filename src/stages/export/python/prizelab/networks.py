"""Trains and scores the LSTM and the dense model as the page does (src/stages/train/compute/run-training.ts):
the LSTM on the windows, the dense model on every training rating, both scored on the validation and test
window labels, so every model of the comparison is scored on the same ratings."""
import math

import numpy as np
import torch

from .models import DenseRatingModel, LstmRatingModel, count_parameters, lstm_parameter_count
from .train import PairExamples, WindowExamples, fit, predict
from .windows import TEST, TRAIN, VALIDATION, normalization_stats


def lstm_examples(features):
    return {name: WindowExamples(features, role) for name, role in _ROLES}


def dense_examples(features):
    return {name: PairExamples(*features.pairs(role)) for name, role in _ROLES}


_ROLES = (("train", TRAIN), ("validation", VALIDATION), ("test", TEST))


def build_lstm(options, features, mean, variance, rating_range):
    return LstmRatingModel(
        features, mean, variance, options["units"], options["layers"], options["dropout"],
        options["activation"], rating_range,
    )


def _metrics(predictions, labels, train_labels):
    e = predictions.astype(np.float64) - labels
    constant = float(np.mean(train_labels.astype(np.float64)))
    return {
        "rmse": math.sqrt(float(np.mean(e * e))),
        "mae": float(np.mean(np.abs(e))),
        "trainMeanRmse": math.sqrt(float(np.mean((labels - constant) ** 2))),
    }


def train_network(kind, options, examples, space, rating_range, seed, runtime, on_epoch=None):
    """One network, trained and scored; returns (model, row in the CLI's shape, epoch history)."""
    torch.manual_seed(seed)
    train = examples["train"]
    if kind == "lstm":
        mean, variance = normalization_stats(train.chunks)
        module = build_lstm(options, train.width, mean, variance, rating_range)
        params = lstm_parameter_count(train.width, options["units"], options["layers"])
    else:
        module = DenseRatingModel(space["users"], space["movies"], options["embeddingSize"], options["dropout"], rating_range)
        params = count_parameters(module)
    model = runtime.wrap(module)
    fit_options = {**options, "seed": seed}
    history, best_epoch, seconds = fit(model, train, examples["validation"], fit_options, runtime, on_epoch)
    scores = {}
    for name in ("validation", "test"):
        data = examples[name]
        if data.count:
            scores[name] = _metrics(predict(model, data, runtime.device), data.labels, train.labels)
    samples = train.count * len(history)
    row = {
        "model": kind,
        "testRmse": scores.get("test", {}).get("rmse"),
        "valRmse": scores.get("validation", {}).get("rmse"),
        "trainMeanRmse": scores.get("test", {}).get("trainMeanRmse"),
        "params": params,
        "epochs": len(history),
        "backend": f"torch-{runtime.device.type}" + (f"*{runtime.world}" if runtime.distributed else ""),
        "testMae": scores.get("test", {}).get("mae"),
        "bestEpoch": best_epoch + 1,
        "trainingSeconds": seconds,
        "samplesPerSecond": samples / seconds if seconds > 0 else 0,
        "testRatings": examples["test"].count,
    }
    return module, row, history
