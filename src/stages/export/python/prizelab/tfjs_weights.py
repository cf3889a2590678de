"""Loads a model downloaded from the page (TensorFlow.js layers format: `model.json` + its weights file) into
the PyTorch models of `models.py`, so that a model trained in the tab can be evaluated or trained on here.

Mapping: Dense kernels are [in, out] in tfjs and [out, in] in PyTorch (transposed); the LSTM's kernel
[features, 4·units] and recurrent kernel [units, 4·units] become `weight_ih` and `weight_hh` transposed, in
the same gate order (input, forget, cell, output), its one bias becomes `bias_ih` (`bias_hh` = 0); the
Normalization layer's mean and variance become buffers; embeddings copy as they are."""
import json
import os

import numpy as np
import torch

from .models import DenseRatingModel, LstmRatingModel

_DTYPES = {"float32": np.float32, "int32": np.int32}


def read_tfjs_model(model_json_path):
    """The topology (dict) and every weight by name (NumPy arrays) of a tfjs layers model."""
    with open(model_json_path, encoding="utf-8") as handle:
        artifacts = json.load(handle)
    folder = os.path.dirname(os.path.abspath(model_json_path))
    weights = {}
    for group in artifacts["weightsManifest"]:
        blob = b"".join(open(os.path.join(folder, path), "rb").read() for path in group["paths"])
        offset = 0
        for spec in group["weights"]:
            dtype = _DTYPES[spec["dtype"]]
            size = int(np.prod(spec["shape"])) if spec["shape"] else 1
            array = np.frombuffer(blob, dtype=dtype, count=size, offset=offset).reshape(spec["shape"])
            weights[spec["name"]] = array.copy()
            offset += size * np.dtype(dtype).itemsize
    return artifacts["modelTopology"], weights


def _layers(topology):
    config = topology.get("model_config", topology)["config"]
    return config["layers"]


def _weight(weights, layer, name):
    for key, value in weights.items():
        if key == f"{layer}/{name}" or (key.startswith(f"{layer}/") and key.endswith(f"/{name}")):
            return torch.from_numpy(value)
    raise KeyError(f"the tfjs model has no weight {layer}/{name}")


def _copy_dense(linear, weights, layer):
    with torch.no_grad():
        linear.weight.copy_(_weight(weights, layer, "kernel").T)
        linear.bias.copy_(_weight(weights, layer, "bias"))


def load_tfjs_lstm(model_json_path):
    topology, weights = read_tfjs_model(model_json_path)
    layers = _layers(topology)
    by_class = lambda name: [l for l in layers if l["class_name"] == name]
    norm = by_class("Normalization")[0]["config"]
    lstms = by_class("FastLstm")
    denses = by_class("Dense")
    sigmoid = by_class("RatingSigmoid")
    hidden = denses[0]["config"]
    rating_range = (sigmoid[0]["config"]["low"], sigmoid[0]["config"]["high"]) if sigmoid else (1.0, 5.0)
    model = LstmRatingModel(
        features=len(norm["mean"]),
        mean=_weight(weights, norm["name"], "mean").numpy(),
        variance=_weight(weights, norm["name"], "variance").numpy(),
        units=lstms[0]["config"]["units"],
        layers=len(lstms),
        dropout=lstms[0]["config"].get("dropout", 0),
        activation_name="sigmoid" if sigmoid else hidden["activation"],
        rating_range=rating_range,
        dense_units=hidden["units"],
    )
    with torch.no_grad():
        for lstm, spec in zip(model.lstms, lstms):
            name = spec["config"]["name"]
            lstm.weight_ih_l0.copy_(_weight(weights, name, "kernel").T)
            lstm.weight_hh_l0.copy_(_weight(weights, name, "recurrent_kernel").T)
            lstm.bias_ih_l0.copy_(_weight(weights, name, "bias"))
            lstm.bias_hh_l0.zero_()
    _copy_dense(model.dense_hidden, weights, hidden["name"])
    _copy_dense(model.rating, weights, denses[-1]["config"]["name"])
    return model.eval()


def load_tfjs_dense(model_json_path):
    topology, weights = read_tfjs_model(model_json_path)
    layers = _layers(topology)
    embeddings = {l["config"]["name"]: l["config"] for l in layers if l["class_name"] == "Embedding"}
    user, movie = embeddings["user_embedding"], embeddings["movie_embedding"]
    dropouts = [l["config"]["rate"] for l in layers if l["class_name"] == "Dropout"]
    model = DenseRatingModel(user["input_dim"], movie["input_dim"], user["output_dim"], dropouts[0] if dropouts else 0.0, (1.0, 5.0))
    with torch.no_grad():
        model.user_embedding.weight.copy_(_weight(weights, "user_embedding", "embeddings"))
        model.movie_embedding.weight.copy_(_weight(weights, "movie_embedding", "embeddings"))
    denses = [l["config"]["name"] for l in layers if l["class_name"] == "Dense"]
    for linear, name in zip(list(model.hidden) + [model.rating], denses):
        _copy_dense(linear, weights, name)
    return model.eval()
