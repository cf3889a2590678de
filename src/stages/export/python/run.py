"""Command line of the exported project (see README.md):

  python run.py compare [--models mean,bias,mf,svdpp,lstm,dense] [--device cpu|cuda] [--out results]
  torchrun --nproc_per_node=N run.py compare --models lstm,dense --device cuda
  (with Debian's torch 1.13 on Python 3.11, add `--redirects 1 --tee 1 --log_dir logs` to torchrun: its
  defaults trip over Python 3.11's enum.Flag, fixed in torch 2.0)
  python run.py tune --trials 100 [--storage sqlite:///tune.db]
  python run.py trial --layers 1 --units 64 --dropout 0 --activation swish --lr 0.001
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from prizelab.pipeline import Prepared, compare, load_config  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description="Prize Lab's notebook run, exported from the page.")
    parser.add_argument("command", choices=["compare", "tune", "trial"])
    parser.add_argument("--config", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "config.json"))
    parser.add_argument("--out", default="results")
    parser.add_argument("--models", help="comma-separated; default: config.json's models")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    parser.add_argument("--no-explore", action="store_true", help="skip the PCA / NMF / K-Means sweep")
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--storage", help="an Optuna storage URL shared by every worker of one search")
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--units", type=int)
    parser.add_argument("--dropout", type=float, default=0.0)
    parser.add_argument("--activation", default="swish")
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args(argv)
    config = load_config(args.config)
    if args.command == "compare":
        models = args.models.split(",") if args.models else None
        result = compare(config, args.out, models, args.device, with_explore=not args.no_explore)
        if os.environ.get("RANK", "0") == "0":
            print(json.dumps(result))
        return 0
    from prizelab.networks import lstm_examples
    from prizelab.train import Runtime
    from prizelab.tune import hyperband_search, run_trial

    runtime = Runtime(args.device)
    prepared = Prepared(config, runtime)
    examples = lstm_examples(prepared.features(True))
    os.makedirs(args.out, exist_ok=True)
    if args.command == "trial":
        chosen = {
            "layers": args.layers,
            "units": args.units or config["lstm"]["units"],
            "dropout": args.dropout,
            "activation": args.activation,
            "learningRate": args.lr,
        }
        loss, row = run_trial(chosen, examples, config["lstm"], prepared.scale, config["seed"], runtime, config["tune"]["schedule"]["maxEpochs"])
        result = {"config": chosen, "valLoss": loss, "row": row}
    else:
        result = hyperband_search(config, examples, prepared.scale, runtime, args.trials, args.storage)
    if runtime.main:
        with open(os.path.join(args.out, f"{args.command}.json"), "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
