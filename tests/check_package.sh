#!/usr/bin/env bash
# The Debian package, end to end: built with Debian's own tools from a copy
# of this tree (as from a clean clone), unpacked into a throw-away root and
# checked: `backcoach --version`, every file in its place, the demos found
# from there, Depends from the shared libraries, `systemd-analyze verify`
# and `security` of the unit (every hardening directive still there and the
# rating "OK" or better), the udev rule's syntax, then `make install` and
# `make uninstall` into another throw-away root leave nothing behind.
# Nothing is installed on this machine. Ends with "N passed, N failed".
# Usage: tests/check_package.sh   (make check-package; make test runs it)
set -u
cd "$(dirname "$0")/.."
src_dir=$(pwd)
passed=0 failed=0

ok() {
	passed=$((passed + 1))
	echo "ok   package: $*"
}
bad() {
	failed=$((failed + 1))
	echo "FAIL package: $*"
}
check() { # check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi
}

for tool in dpkg-buildpackage dh fakeroot systemd-analyze; do
	if ! command -v "$tool" >/dev/null; then
		echo "package: skipped: $tool missing (make deps installs debhelper, fakeroot, systemd)"
		echo "0 passed, 0 failed, 1 skipped"
		exit 0
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
arch=$(dpkg --print-architecture)

# 1. Build, as from a clean clone: the tree without build/ and .git.
mkdir "$tmp/src"
tar --exclude=./build --exclude=./.git -cf - . | tar -xf - -C "$tmp/src"
t0=$(date +%s)
# noopt/nostrip: the packaging is under test, not the optimiser (2x faster).
if ! (cd "$tmp/src" && DEB_BUILD_OPTIONS="nocheck noopt nostrip parallel=2" \
	dpkg-buildpackage -b -us -uc) >"$tmp/build.log" 2>&1; then
	tail -30 "$tmp/build.log"
	bad "dpkg-buildpackage -b -us -uc failed"
	echo "$passed passed, $failed failed"
	exit 1
fi
ok "dpkg-buildpackage -b -us -uc ($(($(date +%s) - t0)) s)"
deb=$(ls "$tmp"/backcoach_*_"$arch".deb)
version=$(dpkg-deb -f "$deb" Version)

# 2. Unpacked into a throw-away root.
root="$tmp/root"
dpkg -x "$deb" "$root"
for f in usr/bin/backcoach usr/lib/backcoach/backcoach-app usr/share/man/man1/backcoach.1.gz \
	usr/share/backcoach/demo-pelvic-tilt.csv.gz usr/share/backcoach/demo-bridge.csv.gz \
	lib/systemd/system/backcoach.service lib/udev/rules.d/99-backcoach.rules \
	usr/lib/modules-load.d/backcoach.conf usr/lib/sysusers.d/backcoach.conf \
	usr/share/doc/backcoach/copyright; do
	check "/$f installed" test -s "$root/$f"
done
demos=$(ls "$src_dir"/host/data/demo-*.csv.gz | wc -l)
check "all $demos demo sessions installed" \
	test "$(ls "$root"/usr/share/backcoach/demo-*.csv.gz | wc -l)" -eq "$demos"
check "backcoach --version says $version" \
	test "$("$root/usr/bin/backcoach" --version)" = "backcoach $version"
check "backcoach replay --version too" \
	test "$("$root/usr/bin/backcoach" replay --version)" = "backcoach $version"
check "the man page documents exit status 1" sh -c \
	"zcat '$root/usr/share/man/man1/backcoach.1.gz' | grep -q '^\.SH EXIT STATUS'"
# With no sensor, run (backcoach-app, from /usr/lib/backcoach) finds the demo
# beside the installed binary (no /usr/local).
check "run finds the installed demo" env -u BACKCOACH_APP BACKCOACH_HOME="$tmp/home" \
	"$root/usr/bin/backcoach" run --text --no-record --quit-after 0.2 --bus 250
check "backcoach itself needs none of the screen's libraries" sh -c \
	"! readelf -d '$root/usr/bin/backcoach' | grep -E 'NEEDED.*(SDL|cairo|fontconfig|espeak)'"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libsdl2-image-2.0-0 libsdl2-ttf-2.0-0 libgpiod libi2c0 libsqlite3-0 fonts-dejavu-core; do
	check "Depends: $dep" grep -q "$dep" <<<"$depends"
done
check "postinst creates the user (sysusers) and enables the unit" sh -c \
	"dpkg-deb --ctrl-tarfile '$deb' | tar -xOf - ./postinst | grep -q systemd-sysusers &&
	 dpkg-deb --ctrl-tarfile '$deb' | tar -xOf - ./postinst | grep -q 'enable .backcoach.service'"

# 3. The unit: verified (the binary's path pointed into the root), hardened.
unit="$root/lib/systemd/system/backcoach.service"
mkdir "$tmp/unit"
sed "s|^ExecStart=/usr/bin/|ExecStart=$root/usr/bin/|" "$unit" >"$tmp/unit/backcoach.service"
out=$(systemd-analyze verify --man=no "$tmp/unit/backcoach.service" 2>&1)
if [ $? -eq 0 ] && [ -z "$out" ]; then ok "systemd-analyze verify"; else
	echo "$out"
	bad "systemd-analyze verify"
fi
for directive in 'ExecStart=/usr/bin/backcoach run --kiosk' Restart=always RestartSec=3 \
	StartLimitIntervalSec=120 StartLimitBurst=30 User=backcoach \
	'SupplementaryGroups=video render input audio i2c gpio' StateDirectory=backcoach \
	UMask=0077 NoNewPrivileges=yes CapabilityBoundingSet= ProtectSystem=strict \
	ProtectHome=yes PrivateTmp=yes PrivateNetwork=yes IPAddressDeny=any \
	'RestrictAddressFamilies=AF_UNIX AF_NETLINK' ProtectKernelTunables=yes \
	ProtectKernelModules=yes ProtectKernelLogs=yes ProtectControlGroups=yes ProtectClock=yes \
	ProtectHostname=yes ProtectProc=invisible RestrictNamespaces=yes RestrictRealtime=yes \
	RestrictSUIDSGID=yes LockPersonality=yes RemoveIPC=yes PrivateMounts=yes \
	SystemCallArchitectures=native SystemCallFilter=@system-service \
	'SystemCallFilter=~@privileged @resources' DevicePolicy=closed \
	'DeviceAllow=char-drm rw' 'DeviceAllow=char-input rw' 'DeviceAllow=char-alsa rw' \
	'DeviceAllow=char-i2c rw' 'DeviceAllow=char-gpiochip rw'; do
	check "unit has $directive" grep -qxF -- "$directive" <(sed 's/[[:space:]]*$//' "$unit")
done
if systemd-analyze security --help 2>&1 | grep -q -- --offline; then
	level=$(systemd-analyze security --offline=yes "$tmp/unit/backcoach.service" 2>&1 |
		sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]* [A-Z]*\).*/\1/p')
	case "$level" in
	*PERFECT | *SAFE | *OK) ok "systemd-analyze security: $level" ;;
	*) bad "systemd-analyze security: '$level' (want OK or better)" ;;
	esac
else
	echo "skip package: systemd-analyze security --offline (systemd older than 250)"
fi

# 4. The udev rule: udevadm verify where this udev has it (systemd 254+),
# else a parse of every rule line: KEY[{attr}] OP "value" pairs, match keys
# with ==/!=, assignments with =/+=/:=, known keys only.
rules="$root/lib/udev/rules.d/99-backcoach.rules"
if udevadm verify --help >/dev/null 2>&1; then
	check "udevadm verify 99-backcoach.rules" udevadm verify --resolve-names=never "$rules"
else
	check "99-backcoach.rules parses (no udevadm verify here)" python3 - "$rules" <<'PY'
import re, sys
MATCH = {"ACTION", "DEVPATH", "KERNEL", "KERNELS", "NAME", "SYMLINK", "SUBSYSTEM",
         "SUBSYSTEMS", "DRIVER", "DRIVERS", "ATTR", "ATTRS", "ENV", "TAG", "TAGS", "TEST",
         "PROGRAM", "RESULT", "SYSCTL", "CONST"}
ASSIGN = {"NAME", "SYMLINK", "OWNER", "GROUP", "MODE", "SECLABEL", "ATTR", "SYSCTL", "ENV",
          "TAG", "RUN", "LABEL", "GOTO", "IMPORT", "OPTIONS"}
pair = re.compile(r'\s*([A-Z]+)(\{[^}]+\})?\s*(==|!=|\+=|-=|:=|=)\s*"((?:[^"\\]|\\.)*)"\s*(,|$)')
rules = 0
for n, line in enumerate(open(sys.argv[1]), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    pos, matches, assigns = 0, 0, 0
    while pos < len(line):
        m = pair.match(line, pos)
        if not m:
            sys.exit(f"{sys.argv[1]}:{n}: cannot parse at: {line[pos:]}")
        key, op = m.group(1), m.group(3)
        if op in ("==", "!="):
            if key not in MATCH:
                sys.exit(f"{sys.argv[1]}:{n}: {key} cannot be matched")
            matches += 1
        else:
            if key not in ASSIGN:
                sys.exit(f"{sys.argv[1]}:{n}: {key} cannot be assigned")
            if key == "MODE" and not re.fullmatch(r"0[0-7]{3}", m.group(4)):
                sys.exit(f"{sys.argv[1]}:{n}: MODE {m.group(4)} is not octal")
            assigns += 1
        pos = m.end()
    if not matches or not assigns:
        sys.exit(f"{sys.argv[1]}:{n}: a rule needs a match and an assignment")
    rules += 1
sys.exit(0 if rules else f"{sys.argv[1]}: no rules")
PY
fi
check "udev rule opens only the sensor's bus (no bare i2c-dev match)" sh -c \
	"! grep -E '^SUBSYSTEM==\"i2c-dev\"' '$rules' | grep -v 'KERNEL==\"i2c-'"

# 5. make install / make uninstall into a throw-away root: nothing left over.
inst="$tmp/inst"
if make -s -C "$tmp/src" BUILD="build/pkg-$arch" install DESTDIR="$inst" >/dev/null 2>&1 &&
	test -x "$inst/usr/local/bin/backcoach" &&
	test -x "$inst/usr/local/lib/backcoach/backcoach-app" &&
	test -s "$inst/usr/local/share/backcoach/demo-bridge.csv.gz" &&
	grep -q '^ExecStart=/usr/local/bin/backcoach run --kiosk$' \
		"$inst/usr/local/lib/systemd/system/backcoach.service"; then
	ok "make install DESTDIR= (PREFIX=/usr/local)"
else
	bad "make install DESTDIR= (PREFIX=/usr/local)"
fi
make -s -C "$tmp/src" BUILD="build/pkg-$arch" uninstall DESTDIR="$inst" >/dev/null 2>&1
left=$(find "$inst" -type f | sed "s|^$inst||")
if [ -z "$left" ]; then ok "make uninstall removes every file"; else
	echo "$left"
	bad "make uninstall left files"
fi

# 6. Removed cleanly: the throw-away roots go with $tmp (trap).
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
