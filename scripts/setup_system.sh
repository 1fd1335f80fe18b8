#!/usr/bin/env bash
# The system packages thaikpi uses beside its Python ones: Tesseract with its Thai and English
# data (OCR of scanned pages, pipeline/readers/ocr.py), poppler-utils (the benches) and chromium
# (tests/test_report_html.py renders report.html in it, headless).
# Idempotent: does nothing when they are installed. Runs apt-get as root, or through sudo.
set -euo pipefail
PACKAGES=(tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng poppler-utils chromium)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "setup_system: no apt-get here; install ${missing[*]} with your system's package manager" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
