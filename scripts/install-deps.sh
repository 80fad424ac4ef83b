#!/usr/bin/env bash
# Installs the Debian packages Specbook builds against, when missing. Run as root on Debian.
set -euo pipefail
packages=(pkg-config libcairo2-dev libopenblas-dev liblapacke-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
          fonts-dejavu-core zlib1g-dev pandoc citation-style-language-styles poppler-utils)
if [ "${WITH_BROWSER:-0}" = 1 ]; then packages+=(chromium); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
