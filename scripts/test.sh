#!/usr/bin/env bash
# Run the whole test suite. Starts a throwaway PostgreSQL server when one is installed,
# so the store tests run on SQLite and PostgreSQL; browser tests run when Debian's
# chromium is installed. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
if [ -z "${TREATYWATCH_TEST_PG_URL:-}" ]; then
  # shellcheck source=/dev/null
  source scripts/postgres.sh start
  trap 'bash scripts/postgres.sh stop' EXIT
fi
export NO_COLOR=1 TERM=dumb
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
