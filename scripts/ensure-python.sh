#!/usr/bin/env bash
# Installs Debian's PyTorch, scikit-learn and NumPy for the tests of the Python export when they are missing.
# The tests run /usr/bin/python3 only; they never install Python packages of their own.
set -euo pipefail
PYTHON="${PYTHON_PATH:-/usr/bin/python3}"
if [ -x "$PYTHON" ] && "$PYTHON" -c 'import torch, sklearn, numpy, scipy' 2>/dev/null; then
  exit 0
fi
echo "python3 with torch, sklearn and numpy is missing at $PYTHON: installing Debian's packages" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
  python3 python3-torch python3-sklearn python3-numpy python3-scipy
