"""Writes tests/fixtures/hyperband-schedules.json: keras-tuner's Hyperband bracket sizes, evaluated in Python.

The arithmetic is keras-tuner's HyperbandOracle (_get_num_brackets, _get_size, _get_epochs) re-typed here so the
fixture does not need keras-tuner installed: Python floats, math.log and math.ceil, as the oracle does them.
Run: /usr/bin/python3 scripts/tune/keras_tuner_schedule.py && npx prettier --write tests/fixtures/hyperband-schedules.json
"""
import json
import math
import pathlib

PAIRS = [(1, 2), (2, 2), (7, 2), (8, 2), (9, 3), (10, 3), (27, 3), (81, 3), (100, 3), (243, 3),
         (500, 3), (50, 4), (125, 5), (1000, 10)]


def num_brackets(max_epochs, factor):
    epochs, brackets = max_epochs, 0
    while epochs >= 1:
        epochs = epochs / factor
        brackets += 1
    return brackets


def size(max_epochs, factor, bracket, round_):
    end0 = math.ceil(1 + math.log(max_epochs, factor))
    return math.ceil(end0 / (bracket + 1) * factor ** (bracket - round_))


def epochs(max_epochs, factor, bracket, round_):
    return math.ceil(max_epochs / factor ** (bracket - round_))


def schedule(max_epochs, factor):
    rounds = []
    for bracket in reversed(range(num_brackets(max_epochs, factor))):
        for round_ in range(bracket + 1):
            rounds.append([bracket, round_, size(max_epochs, factor, bracket, round_),
                           epochs(max_epochs, factor, bracket, round_)])
    return rounds


out = {f"{m},{f}": schedule(m, f) for m, f in PAIRS}
path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "hyperband-schedules.json"
path.write_text(json.dumps(out, indent=None, separators=(",", ":")) + "\n")
print(f"wrote {path}")
