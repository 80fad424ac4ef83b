#!/usr/bin/env python3
"""Checks the report's notebooks read like papers, not code dumps.

Rules (each failure is printed as `FILE:LINE: message`):
  - no function, type or top-level constant helper defined in more than one notebook, nor in a notebook and the
    project's lib/ (shared code belongs in the library or in lib/, which every notebook imports);
  - no Swift code line wider than 110 characters;
  - the Swift lines of all notebooks (every line inside a ```swift fence, blank ones included) stay within the
    budget, a third below the 2728 they had;
  - no hand-built PASS/FAIL strings: every claim goes through check(...) or note(...).
Usage: scripts/notebook-style.py [NOTEBOOK_DIR]   (default notebooks/); exits 1 on any failure.
"""
import os
import re
import sys

MAX_WIDTH = 110
SWIFT_LINE_BUDGET = 1818  # two thirds of 2728, rounded down
DEFINITION = re.compile(
    r"^\s*(?:(?:public|private|fileprivate|internal|static|final|@\w+)\s+)*"
    r"(func|struct|enum|class|actor|protocol|typealias|extension)\s+([A-Za-z_][A-Za-z0-9_]*)")
HAND_VERDICT = re.compile(r'"(PASS|FAIL)\b|\?\s*"PASS"')


def swift_blocks(path):
    """Yields (line_number, text) for each line inside a ```swift fence."""
    inside = False
    fence = ""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            stripped = line.rstrip("\n")
            if not inside:
                match = re.match(r"^(\s*)(`{3,}|~{3,})\s*swift\b", stripped)
                if match:
                    inside, fence = True, match.group(2)
                continue
            if stripped.strip().startswith(fence[0] * len(fence)) and stripped.strip().strip(fence[0]) == "":
                inside = False
                continue
            yield number, stripped


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "notebooks"
    notebooks = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".md"))
    failures = []
    definitions = {}
    swift_lines = 0
    for path in notebooks:
        for number, line in swift_blocks(path):
            swift_lines += 1
            if len(line) > MAX_WIDTH:
                failures.append(f"{path}:{number}: code line of {len(line)} characters (at most {MAX_WIDTH})")
            if HAND_VERDICT.search(line):
                failures.append(f"{path}:{number}: hand-built PASS/FAIL; use check(...) or note(...)")
            match = DEFINITION.match(line)
            if match and match.group(1) != "extension":
                definitions.setdefault(match.group(2), []).append((path, number))
    lib = os.path.join(os.path.dirname(os.path.abspath(folder)), "lib")
    for root, _, files in os.walk(lib):
        for name in sorted(f for f in files if f.endswith(".swift")):
            path = os.path.relpath(os.path.join(root, name))
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, start=1):
                    match = DEFINITION.match(line)
                    # Only top-level declarations: members of a lib type are that type's, not the notebooks'.
                    if match and match.group(1) != "extension" and not line[0].isspace():
                        definitions.setdefault(match.group(2), []).append((path, number))
    for name, places in sorted(definitions.items()):
        files = sorted({p for p, _ in places})
        if len(files) > 1:
            where = ", ".join(f"{p}:{n}" for p, n in places)
            failures.append(f"{places[0][0]}:{places[0][1]}: `{name}` is defined in {len(files)} files ({where})")
    if swift_lines > SWIFT_LINE_BUDGET:
        failures.append(f"{folder}: {swift_lines} Swift lines, blank ones included (budget {SWIFT_LINE_BUDGET})")
    for failure in failures:
        print(failure)
    print(f"notebook style: {len(notebooks)} notebooks, {swift_lines} Swift lines (budget {SWIFT_LINE_BUDGET}), "
          f"{len(failures)} problems", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
