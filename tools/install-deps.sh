#!/bin/sh
# install-deps.sh - install what dualmod needs to build, run and test on
# Debian 12 (as root, or through sudo). Safe to run again.
#   tools/install-deps.sh           build + test dependencies
#   tools/install-deps.sh --torch   also python3-torch, python3-torchvision (model recipes,
#                                   fixtures, PyTorch comparisons)
set -eu
pkgs="build-essential autoconf automake libtool pkg-config
      libopenblas-dev libjansson-dev libsqlite3-dev zlib1g-dev
      libncurses-dev libreadline-dev libcriterion-dev
      python3 bible-kjv sqlite3 tmux man-db groff-base parallel
      clang libclang-rt-14-dev valgrind dataset-fashion-mnist
      diatheke sword-text-sparv sword-text-web sword-text-kjv"
[ "${1:-}" = "--torch" ] && pkgs="$pkgs python3-torch python3-torchvision python3-numpy"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi
echo "install-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
# shellcheck disable=SC2086
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $missing
