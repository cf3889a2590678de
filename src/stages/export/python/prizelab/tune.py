"""The Tune cell's Hyperband search over the LSTM (layers, units, dropout, final activation, learning rate)
with Optuna's HyperbandPruner. Optuna is imported only when a search starts, so everything else runs without
it. Many processes or machines share one search through an Optuna storage (e.g. a PostgreSQL or MySQL URL, or
a JournalFileStorage on a shared disk): start `python run.py tune --storage URL` on each."""
import math

from .networks import train_network

ACTIVATION_OF = {"sigmoid-scaled": "sigmoid"}


def suggest(trial, space):
    """One configuration from the search space (config.json's `tune.space`), as keras-tuner draws it."""
    return {
        "layers": trial.suggest_int("layers", space["layers"]["min"], space["layers"]["max"]),
        "units": trial.suggest_int("units", space["units"]["min"], space["units"]["max"]),
        "dropout": trial.suggest_float("dropout", space["dropout"]["min"], space["dropout"]["max"]),
        "activation": trial.suggest_categorical("activation", list(space["activations"])),
        "learningRate": trial.suggest_float("learningRate", space["learningRate"]["min"], space["learningRate"]["max"], log=True),
    }


def run_trial(config, examples, lstm_options, rating_range, seed, runtime, max_epochs, trial=None):
    """Trains one configuration for up to `max_epochs`, reporting each epoch's validation loss to `trial`
    (an Optuna trial) so its pruner can stop it early; without a trial, trains the epochs and returns the
    best validation loss. Returns (best validation loss, test row)."""
    options = {
        **lstm_options,
        "layers": config["layers"],
        "units": config["units"],
        "dropout": config["dropout"],
        "activation": ACTIVATION_OF.get(config["activation"], config["activation"]),
        "learningRate": config["learningRate"],
        "epochs": max_epochs,
    }

    def on_epoch(log):
        if trial is None:
            return
        trial.report(log["valLoss"], log["epoch"])
        if trial.should_prune():
            import optuna

            raise optuna.TrialPruned()

    _, row, history = train_network("lstm", options, examples, None, rating_range, seed, runtime, on_epoch)
    best = min((h["valLoss"] for h in history if math.isfinite(h["valLoss"])), default=float("nan"))
    return best, row


def hyperband_search(config, examples, rating_range, runtime, trials, storage=None, study_name="prize-lab"):
    import optuna

    tune = config["tune"]
    schedule = tune["schedule"]
    pruner = optuna.pruners.HyperbandPruner(
        min_resource=1, max_resource=schedule["maxEpochs"], reduction_factor=schedule["factor"]
    )
    study = optuna.create_study(
        direction="minimize",
        pruner=pruner,
        sampler=optuna.samplers.TPESampler(seed=config["seed"]),
        storage=storage,
        study_name=study_name,
        load_if_exists=storage is not None,
    )

    def objective(trial):
        chosen = suggest(trial, tune["space"])
        loss, row = run_trial(chosen, examples, config["lstm"], rating_range, config["seed"], runtime, schedule["maxEpochs"], trial)
        trial.set_user_attr("row", row)
        return loss

    study.optimize(objective, n_trials=trials)
    best = study.best_trial
    return {
        "trials": [
            {"number": t.number, "state": t.state.name, "params": t.params, "value": t.value}
            for t in study.trials
        ],
        "best": {"params": best.params, "valLoss": best.value, "row": best.user_attrs.get("row")},
    }
