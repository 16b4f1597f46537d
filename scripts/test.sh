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
# Times New Roman's metrics with the Vietnamese letters (the reports' heading lines are checked with
# it; the older fonts-liberation lacks them and LibreOffice then takes a wider font), and DejaVu
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need+=(fonts-liberation2)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu)
if ((${#need[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# the house style: lint and format are part of the test run
python3 -m ruff check .
python3 -m ruff format --check .
python3 -m pytest -q "$@"
