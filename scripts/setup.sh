#!/usr/bin/env bash
# Create .venv and install treatywatch with its test tools. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
echo "treatywatch installed in .venv ($(.venv/bin/treatywatch --version 2>/dev/null || echo ok))" >&2
