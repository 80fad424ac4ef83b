#!/usr/bin/env bash
# Installs Specbook into a prefix: PREFIX/bin/specbook and specbook-serve, and the prebuilt notebook library in
# PREFIX/lib/specbook (libSpecbook.so, its Swift modules, the C shims' module maps, library.json naming the
# version, the toolchain and the build id). The layout is relocatable: the installed specbook finds its library
# relative to itself and needs no checkout. Builds first (swift build -c release) unless --no-build.
#   scripts/install.sh --prefix /usr/local
#   scripts/install.sh --prefix "$HOME/.local" --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=""; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: error: unknown argument '$1' (use --prefix DIR [--no-build])" >&2; exit 2 ;;
  esac
done
[ -n "$prefix" ] || { echo "install.sh: error: --prefix DIR is required, e.g. --prefix /usr/local" >&2; exit 2; }

if [ "$build" = 1 ]; then swift build -c release; fi
bin=$(swift build -c release --show-bin-path)
for file in specbook specbook-serve libSpecbook.so; do
  [ -f "$bin/$file" ] || { echo "install.sh: error: $bin/$file is missing: run swift build -c release" >&2; exit 1; }
done

lib=$prefix/lib/specbook
# A new install replaces the old library whole: a module left from another version would not load.
rm -rf "$lib.new"
mkdir -p "$prefix/bin" "$lib.new/Modules" "$lib.new/shims"
install -m 0755 "$bin/libSpecbook.so" "$lib.new/libSpecbook.so"
for module in Specbook SpecbookWire SpecbookNumerics SpecbookFigures; do
  cp -R "$bin/Modules/$module".* "$lib.new/Modules/"
done
for shim in CCairo COpenBLAS CZlib; do
  mkdir -p "$lib.new/shims/$shim"
  cp "Sources/$shim/module.modulemap" "Sources/$shim/shim.h" "$lib.new/shims/$shim/"
done
# C targets compiled into the library: notebooks import them through their include/ module maps.
for target in CVectorKernels; do
  mkdir -p "$lib.new/shims/$target"
  cp -R "Sources/$target/include" "$lib.new/shims/$target/"
done
swiftc=$(command -v swiftc)
toolchain=$("$swiftc" --version 2>/dev/null | grep -m1 'Swift version' | sed 's/^[[:space:]]*//;s/[[:space:]]*$//')
build_id=$(sha256sum "$bin/libSpecbook.so" | cut -c1-12)
version=$("$bin/specbook" --version | sed -n 's/^specbook //p')
python3 -c 'import json, sys; json.dump({"version": sys.argv[1], "toolchain": sys.argv[2], "build": sys.argv[3]}, open(sys.argv[4], "w"), indent=2)' \
  "$version" "$toolchain" "$build_id" "$lib.new/library.json"
rm -rf "$lib.old"; [ -d "$lib" ] && mv "$lib" "$lib.old"
mv "$lib.new" "$lib"; rm -rf "$lib.old"
install -m 0755 "$bin/specbook" "$bin/specbook-serve" "$prefix/bin/"
echo "installed specbook $version (library build $build_id, $toolchain) into $prefix"
echo "try: $prefix/bin/specbook create my-report && cd my-report && $prefix/bin/specbook build"
