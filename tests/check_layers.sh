#!/usr/bin/env bash
# The layering rule (docs/architecture.md), checked on the includes themselves:
# a file may include headers of its own layer and of the layers below it, never
# above. The data flow sample -> filter -> body -> detector -> coach -> views
# is the folder order; hardware (platform, then drivers) sits beside it on core,
# and vocab/ (exercises, events, reasons) is the words every layer above it shares.
# Firmware never includes host/ or tests/, nor SDL or sqlite. Prints each upward
# include as file:line and exits 1 if there is any.
# Usage: tests/check_layers.sh   (from the repository root)
set -u
declare -A may=(
	[core]="core"
	[vocab]="core vocab"
	[trace]="core trace"
	[filter]="core filter"
	[body]="core vocab filter body"
	[detect]="core vocab body detect"
	[coach]="core vocab filter body detect coach"
	[platform]="core platform"
	[drivers]="core platform drivers"
)
bad=0
for f in $(git ls-files 'firmware/*.c' 'firmware/*.h'); do
	layer=$(echo "$f" | cut -d/ -f2)
	allowed="${may[$layer]:-}"
	if [ -z "$allowed" ]; then
		echo "$f: layer '$layer' is not in tests/check_layers.sh: say where it sits"
		bad=1
		continue
	fi
	while IFS=: read -r line inc; do
		dir=$(echo "$inc" | sed -n 's/^#include "\([a-z_]*\)\/.*/\1/p')
		sys=$(echo "$inc" | sed -n 's/^#include <\(SDL\|sqlite\).*/\1/p')
		if [ -n "$sys" ]; then
			echo "$f:$line: firmware includes $sys (host only)"
			bad=1
		elif [ -n "$dir" ] && [[ " $allowed " != *" $dir "* ]]; then
			echo "$f:$line: $layer/ includes $dir/ (allowed: $allowed)"
			bad=1
		fi
	done < <(grep -n '^#include' "$f")
done
for f in $(git ls-files 'host/*.c' 'host/*.h'); do
	grep -n '^#include "support/\|^#include "models/\|^#include "umockdev/' "$f" |
		sed "s|^|$f:|; s|$| (host includes tests/)|" | grep . && bad=1
done
if [ $bad -eq 0 ]; then
	echo "layers: every include goes down (firmware, host)"
fi
exit $bad
