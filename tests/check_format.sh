#!/usr/bin/env bash
# Every C file follows .clang-format (the style the code is written in).
# Prints the files that do not, with the command that fixes them.
# Usage: tests/check_format.sh   (from the repository root)
set -u
files=$(git ls-files '*.c' '*.h')
bad=$(for f in $files; do clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"; done)
if [ -n "$bad" ]; then
	echo "format: these files do not follow .clang-format (fix: clang-format -i FILE):"
	echo "$bad" | sed 's/^/  /'
	exit 1
fi
echo "format: every C file follows .clang-format"
