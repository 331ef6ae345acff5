#!/usr/bin/env bash
# Installs the Debian packages Gongkai needs, only those missing, on Debian 12 with
# Swift 6.3 already on PATH. Safe to run again.
set -euo pipefail

# One package per line, so changes to the list merge cleanly.
packages=(
  pkg-config
  libpoppler-glib-dev
  libpoppler-private-dev
  libtesseract-dev
  libxml2-dev
  libssl-dev
  tesseract-ocr-chi-sim
  tesseract-ocr-eng
  # the review-page test loads the page in headless Chromium
  chromium
)
# The Spark test (spark/check-spark.sh) needs Java and a Python that can install pyspark.
command -v java >/dev/null || packages+=(openjdk-17-jre-headless)
command -v python3 >/dev/null || packages+=(python3)
python3 -m venv --help >/dev/null 2>&1 || packages+=(python3-venv)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.3 is needed)" >&2; exit 1; }
echo "setup: Debian packages present: ${packages[*]}" >&2
