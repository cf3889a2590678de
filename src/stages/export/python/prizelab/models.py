"""The page's two networks in PyTorch, layer for layer (src/stages/train/compute/model/):

- LSTM: Normalization ((x − mean)/√variance, statistics of the training windows) → LSTM × layers (input
  dropout with one mask per sample shared by all steps, as Keras) → Dense(units, activation) → Dense(1),
  the last bias starting at the middle of the rating range. 'sigmoid' is low + (high − low)·sigmoid(x).
  Keras and PyTorch order the LSTM gates alike (input, forget, cell, output).
- Dense: user and movie embeddings → concatenated → Dense 256 relu → Dropout → Dense 128 relu → Dropout →
  Dense 64 relu → Dense 1.
"""
import torch
from torch import nn

DENSE_HIDDEN_UNITS = (256, 128, 64)


class Normalization(nn.Module):
    def __init__(self, mean, variance):
        super().__init__()
        self.register_buffer("mean", torch.as_tensor(mean, dtype=torch.float32))
        self.register_buffer("variance", torch.as_tensor(variance, dtype=torch.float32))

    def forward(self, x):
        return (x - self.mean) / torch.sqrt(self.variance)


class RatingSigmoid(nn.Module):
    def __init__(self, low, high):
        super().__init__()
        self.low, self.high = low, high

    def forward(self, x):
        return torch.sigmoid(x) * (self.high - self.low) + self.low


def activation(name):
    return {
        "swish": nn.SiLU(),
        "gelu": nn.GELU(),
        "selu": nn.SELU(),
        "relu": nn.ReLU(),
        "linear": nn.Identity(),
    }[name]


def _glorot(linear):
    nn.init.xavier_uniform_(linear.weight)
    return linear


class LstmRatingModel(nn.Module):
    def __init__(self, features, mean, variance, units, layers, dropout, activation_name, rating_range, dense_units=None):
        super().__init__()
        low, high = rating_range
        dense_units = dense_units or units
        self.dropout = dropout
        self.normalization = Normalization(mean, variance)
        self.lstms = nn.ModuleList(
            nn.LSTM(features if layer == 0 else units, units, batch_first=True) for layer in range(layers)
        )
        for lstm in self.lstms:
            nn.init.xavier_uniform_(lstm.weight_ih_l0)
            nn.init.orthogonal_(lstm.weight_hh_l0)
            nn.init.zeros_(lstm.bias_ih_l0)
            nn.init.zeros_(lstm.bias_hh_l0)
            with torch.no_grad():  # Keras' unit_forget_bias
                lstm.bias_ih_l0[units : 2 * units] = 1
        self.dense_hidden = _glorot(nn.Linear(units, dense_units))
        nn.init.zeros_(self.dense_hidden.bias)
        self.hidden_activation = RatingSigmoid(low, high) if activation_name == "sigmoid" else activation(activation_name)
        self.rating = _glorot(nn.Linear(dense_units, 1))
        nn.init.constant_(self.rating.bias, (low + high) / 2)

    def forward(self, x):
        x = self.normalization(x)
        for lstm in self.lstms:
            if self.training and self.dropout > 0:
                keep = torch.bernoulli(torch.full((x.shape[0], 1, x.shape[2]), 1 - self.dropout, device=x.device))
                x = x * keep / (1 - self.dropout)
            x, _ = lstm(x)
        return self.rating(self.hidden_activation(self.dense_hidden(x[:, -1, :])))


class DenseRatingModel(nn.Module):
    def __init__(self, users, movies, embedding_size, dropout, rating_range):
        super().__init__()
        low, high = rating_range
        self.user_embedding = nn.Embedding(users, embedding_size)
        self.movie_embedding = nn.Embedding(movies, embedding_size)
        for table in (self.user_embedding, self.movie_embedding):
            nn.init.uniform_(table.weight, -0.05, 0.05)
        widths = (2 * embedding_size,) + DENSE_HIDDEN_UNITS
        self.hidden = nn.ModuleList(_glorot(nn.Linear(a, b)) for a, b in zip(widths[:-1], widths[1:]))
        for layer in self.hidden:
            nn.init.zeros_(layer.bias)
        self.drop = nn.Dropout(dropout)
        self.rating = _glorot(nn.Linear(DENSE_HIDDEN_UNITS[-1], 1))
        nn.init.constant_(self.rating.bias, (low + high) / 2)

    def forward(self, inputs):
        user, movie = inputs
        x = torch.cat([self.user_embedding(user), self.movie_embedding(movie)], dim=1)
        for n, layer in enumerate(self.hidden):
            x = torch.relu(layer(x))
            if n < len(self.hidden) - 1:
                x = self.drop(x)
        return self.rating(x)


def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def lstm_parameter_count(features, units, layers, dense_units=None):
    dense_units = dense_units or units
    lstm = sum(4 * units * ((features if l == 0 else units) + units + 1) for l in range(layers))
    return lstm + units * dense_units + dense_units + dense_units + 1

