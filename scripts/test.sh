#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine, lint, then run the whole suite.
#   bash scripts/test.sh            (extra arguments go to pytest)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need+=(nginx-light)  # checks the README's proxy block
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if ((${#need[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu fonts-liberation >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# the house style: lint and format are part of the test run
python3 -m ruff check .
python3 -m ruff format --check .
python3 -m pytest -q "$@"
