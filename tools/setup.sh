#!/usr/bin/env bash
# Installs every build and test dependency of hypergen from Debian 12 packages.
# Safe to run again: it only calls apt-get when something is missing.
set -euo pipefail

packages=(
  build-essential g++ cmake ninja-build pkg-config ccache git
  libexpected-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev libcli11-dev
  libtbb-dev libxxhash-dev libdtl-dev libmozjs-102-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang clang-format libclang-rt-14-dev
  time python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#packages[@]} packages present"
fi
