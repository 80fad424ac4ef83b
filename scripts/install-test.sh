#!/usr/bin/env bash
# Installs Specbook into a temporary prefix, moves that prefix elsewhere and hides this checkout: an empty tmpfs is
# mounted over it in a private mount namespace, so nothing of it can be reached and nothing can silently fall back
# to it (where mount namespaces are not allowed, or with SPECBOOK_INSTALL_TEST_MOVE=1, the checkout's .build is
# moved aside meanwhile instead). Then, from an empty folder, with a PATH that holds only the installed specbook,
# the toolchain and the system: `specbook create`, a notebook that uses the project's lib/ and two packages from
# packages: (swift-numerics' ComplexModule, swift-collections' Collections), `specbook build --strict` from a
# subfolder, and checks of the page, the figure and the checks; the installed preview; then the error paths (a lib
# compile error, a package that does not resolve, a library built by another toolchain). Ends with
# `N passed, M failed`; exits 1 when any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
[ -x .build/release/specbook ] || swift build -c release
work=$(mktemp -d /tmp/specbook-install.XXXXXX)
scripts/install.sh --prefix "$work/staged" --no-build >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
# The prefix is relocatable: use it from another folder than the one it was installed into.
mv "$work/staged" "$work/prefix"
toolchain_bin=$(dirname "$(readlink -f "$(command -v swiftc)")")
case "$toolchain_bin" in "$root"*) echo "the toolchain is inside the checkout: cannot hide it" >&2; exit 1 ;; esac

cat > "$work/run.sh" <<'INNER'
set -uo pipefail
work=$1; root=$2
passed=0; failed=0
check() { if eval "$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi; }
check "the checkout is hidden ($root is empty or gone)" '[ -z "$(ls -A "$root" 2>/dev/null)" ]'
mkdir -p "$work/empty" && cd "$work/empty"

specbook --version >"$work/version.txt" 2>&1; cat "$work/version.txt"
check "--version names the version, the toolchain and the installed library build" \
  'grep -q "^specbook [0-9]" "$work/version.txt" && grep -q "^toolchain: Swift version" "$work/version.txt" && grep -q "^library: build [0-9a-f]\{12\}, installed in $work/prefix/lib/specbook" "$work/version.txt"'

specbook create report --title "Installed report" >"$work/create.log" 2>&1
check "create writes specbook.yml, notebooks/index.md, lib/Quadrature.swift, .gitignore and README.md" \
  '[ -f report/specbook.yml ] && [ -f report/notebooks/index.md ] && [ -f report/lib/Quadrature.swift ] && [ -f report/.gitignore ] && [ -f report/README.md ]'
specbook create report >"$work/create-again.log" 2>&1; status=$?
check "create refuses a folder that is not empty, naming it" '[ $status -ne 0 ] && grep -q "report.*not empty" "$work/create-again.log"'

cat >> report/specbook.yml <<'YAML'
packages:
  - url: https://github.com/apple/swift-numerics
    version: 1.1.1
    products: [ComplexModule]
  - url: https://github.com/apple/swift-collections
    version: 1.6.0
    products: [Collections]
YAML
cat > report/lib/Roots.swift <<'SWIFT'
import Specbook
import ComplexModule

/// The n-th roots of unity, e^{2πik/n} for k = 0 ..< n.
func rootsOfUnity(_ n: Int) -> [Complex<Double>] {
    (0..<n).map { k in Complex(length: 1, phase: 2 * .pi * Double(k) / Double(n)) }
}

/// A number as the report cites it.
func cite(_ x: Double) -> String { significant(x, 4) }
SWIFT
cat > report/notebooks/roots.md <<'MD'
---
title: Roots of unity
description: The project's lib/ helpers and two Swift packages in one notebook.
order: 2
---

The seven roots of unity sum to zero: their largest distance from the origin of the sum is {{residual}}.

```swift
//| label: fig-roots
//| caption: The seventh roots of unity in the complex plane.
import ComplexModule
import Collections

let roots = rootsOfUnity(7)
var queue = Deque(roots)
queue.prepend(queue.removeLast())
let unique = OrderedSet(roots.map { Int(($0.phase * 1000).rounded()) })
let sum = queue.reduce(Complex<Double>.zero, +)
let figure = Figure(width: 480, height: 480)
try figure.axes.scatter(x: roots.map(\.real), y: roots.map(\.imaginary), label: "z^7 = 1")
try show(figure)
report("residual", cite(sum.length))
check("the roots of unity sum to zero", sum.length, lessThan: 1e-12)
check("the seven roots are distinct", unique.count == 7)
```
MD
mkdir -p report/notebooks/drafts && cd report/notebooks/drafts
specbook build --strict >"$work/build.log" 2>&1; status=$?
cat "$work/build.log"
cd "$work/empty/report"
check "specbook build --strict from a subfolder of the project succeeds" '[ $status -eq 0 ]'
check "the index notebook is the home page, with its figure, value and check" \
  'grep -q "trapezoid rule" site/index.html && grep -q "0.5" site/index.html && grep -q "class=\"check" site/index.html && [ -f site/contents.html ]'
check "the roots page cites the residual computed with the lib helper and the packages" \
  'grep -q "Roots of unity" site/roots.html && grep -Eq "from the origin of the sum is [^{]*[0-9]" site/roots.html'
png=$(ls site/assets/roots/*.png 2>/dev/null | grep -v dark | head -n 1)
check "the figure is a real PNG of 480 x 480 pixels (${png:-none})" \
  '[ -n "$png" ] && python3 -c "import struct,sys; d=open(sys.argv[1],\"rb\").read(24); sys.exit(0 if d[:8]==b\"\x89PNG\r\n\x1a\n\" and struct.unpack(\">II\", d[16:24])[0] >= 480 else 1)" "$png"'
check "every check holds (manifest.json) and none is missing" \
  'python3 -c "import json,sys; m=json.load(open(\"site/manifest.json\")); c=[x for n in m[\"notebooks\"] for x in n[\"checks\"]]; sys.exit(0 if len(c)==3 and all(x[\"verdict\"]==\"holds\" for x in c) else 1)"'
check "the footer names the Specbook version, the library build and the resolved packages" \
  'grep -q "library build <code>[0-9a-f]\{12\}</code>" site/roots.html && grep -q "swift-collections 1.6.0, swift-numerics 1.1.1" site/roots.html'

specbook build --strict >"$work/build2.log" 2>&1
check "a second build runs nothing (2 cached)" 'grep -q "(0 run, 2 cached, 0 failed)" "$work/build2.log"'
specbook preview --port 0 --interval 0.5 >"$work/preview.out" 2>"$work/preview.log" &
preview=$!
for _ in $(seq 1 120); do grep -q "http://127.0.0.1:" "$work/preview.log" && break; sleep 0.5; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/preview.log" | head -n 1)
check "the installed preview serves the site (specbook-serve from the prefix)" \
  '[ -n "$port" ] && python3 -c "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())" \
     "http://127.0.0.1:$port/roots.html" | grep -q "Roots of unity"'
kill "$preview" 2>/dev/null; wait "$preview" 2>/dev/null
printf 'import Specbook\n\nfunc cite(_ x: Double) -> String { significant(x, 5) }\n' > lib/Cite.swift
sed -i '/^func cite/d' lib/Roots.swift
specbook build --strict >"$work/build3.log" 2>&1
check "an edit to lib/ runs the notebooks again" 'grep -q "(2 run, 0 cached, 0 failed)" "$work/build3.log"'

printf 'func broken() -> Int {\n    return missingName\n}\n' > lib/Broken.swift
specbook build --strict >"$work/lib-error.log" 2>&1; status=$?
cat "$work/lib-error.log"
check "a lib compile error fails the build at lib/Broken.swift:2" '[ $status -ne 0 ] && grep -q "lib/Broken.swift:2:.*error: .*missingName" "$work/lib-error.log"'
rm lib/Broken.swift

cp specbook.yml specbook.yml.good
sed -i 's/version: 1.1.1/version: 9.9.9/' specbook.yml
specbook build --strict >"$work/package-error.log" 2>&1; status=$?
cat "$work/package-error.log"
check "a package that does not resolve is an error at its specbook.yml line, naming it, with SwiftPM's message" \
  '[ $status -ne 0 ] && grep -q "specbook.yml:[0-9]*: error: package https://github.com/apple/swift-numerics 9.9.9 did not resolve: .*error:" "$work/package-error.log"'
mv specbook.yml.good specbook.yml

cp -R "$work/prefix" "$work/other-prefix"
sed -i 's/"toolchain": "[^"]*"/"toolchain": "Swift version 5.9.2 (swift-5.9.2-RELEASE)"/' "$work/other-prefix/lib/specbook/library.json"
"$work/other-prefix/bin/specbook" build >"$work/toolchain-error.log" 2>&1; status=$?
cat "$work/toolchain-error.log"
check "a library built by another toolchain is an error naming both versions" \
  '[ $status -ne 0 ] && grep -q "built by Swift version 5.9.2 (swift-5.9.2-RELEASE), but .*swiftc is Swift version" "$work/toolchain-error.log"'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
INNER

# PATH holds the installed specbook, the toolchain and the system's tools, nothing of the checkout.
set +e
mkdir -p "$work/tmp"   # SwiftPM leaves its lock files in TMPDIR
run=(env -i HOME="$HOME" TERM=dumb TMPDIR="$work/tmp" PATH="$work/prefix/bin:$toolchain_bin:/usr/bin:/bin")
if [ "${SPECBOOK_INSTALL_TEST_MOVE:-0}" != 1 ] && unshare --mount --propagation private true 2>/dev/null; then
  # The checkout becomes an empty tmpfs inside a private mount namespace, gone when the test ends.
  unshare --mount --propagation private "${run[@]}" \
    bash -c 'mount -t tmpfs -o size=1m specbook-hidden "$2" && exec bash "$1/run.sh" "$1" "$2"' _ "$work" "$root"
  status=$?
else
  # Without mount namespaces (an unprivileged container): the checkout's build folder is moved away meanwhile.
  echo "install test: moving $root/.build aside meanwhile (no private mount namespace)" >&2
  mv "$root/.build" "$root/.build-hidden-by-install-test"
  trap 'mv "$root/.build-hidden-by-install-test" "$root/.build"' EXIT
  "${run[@]}" bash "$work/run.sh" "$work" "$root/.build"
  status=$?
fi
set -e
if [ $status -eq 0 ]; then rm -rf "$work"; else echo "install test failed; its folder is kept: $work" >&2; fi
exit $status
