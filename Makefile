# backcoach: build, test, run, bench.
#
#   make            build/backcoach (the command line), build/backcoach-app (the
#                   screen's commands, which backcoach runs) and the libraries
#   make run        the coach app (installs missing Debian packages first)
#   make test       the test suite, plain and under ASan+UBSan (installs deps first)
#   make bench      speed, memory and accuracy figures
#   make fuzz       the libFuzzer harnesses, FUZZ_SECONDS (60) each (tests/fuzz/)
#   make deps       install the Debian packages the project needs (deps-cross: + Pi build)
#   make screenshots  docs/screenshots/*.png, made by `backcoach run --screenshot`
#   make demo-data  host/data/demo-*.csv.gz, the demo sessions (host/data/make_demo.sh)
#   make CROSS=aarch64-linux-gnu-   cross-build for a 64-bit Raspberry Pi
#   make install    binary, demos, man page, udev rule, service (PREFIX, DESTDIR)
#   make deb        the Debian package (dpkg-buildpackage; deb-arm64: for the Pi)
#   make test-cross  that build's tests under qemu-user (make test runs them too)
#
# Objects go to $(BUILD) (build/, build/asan/, build/aarch64/).

CROSS ?=
SAN ?= 0
SHARED_DATA ?= ../shared/data

ifeq ($(CROSS),)
BUILD ?= build
PKG_CONFIG ?= pkg-config
else
BUILD ?= build/$(patsubst %-,%,$(firstword $(subst -, ,$(CROSS))))
PKG_CONFIG ?= $(CROSS)pkg-config
endif
ifeq ($(SAN),1)
BUILD := $(BUILD)/asan
endif

CC := $(CROSS)gcc
AR := $(CROSS)ar

# Debian packages needed to build, test and run (make deps installs them).
DEB_PACKAGES := gcc make pkg-config zlib1g-dev libi2c-dev libgpiod-dev \
	libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev fonts-dejavu-core libsqlite3-dev \
	libcmocka-dev umockdev libumockdev-dev python3 clang-format valgrind xvfb \
	debhelper fakeroot dpkg-dev systemd udev libespeak-ng-dev espeak-ng-data \
	libcairo2-dev libfontconfig-dev poppler-utils clang libclang-rt-14-dev

# The Raspberry Pi (64-bit) build from Debian's cross toolchain and arm64
# libraries, and qemu-user to run its tests here. make deps adds the arm64
# architecture to dpkg first. The arm64 -dev packages are co-installable with
# the amd64 ones (checked on Debian 12, SDL2 included).
PI_CROSS := aarch64-linux-gnu-
PI_SYSROOT := /usr/aarch64-linux-gnu
DEB_ARCH_CROSS := arm64
DEB_PACKAGES_CROSS := gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user pkgconf:arm64 \
	zlib1g-dev:arm64 libi2c-dev:arm64 libgpiod-dev:arm64 libsdl2-dev:arm64 \
	libsdl2-ttf-dev:arm64 libsdl2-image-dev:arm64 libsqlite3-dev:arm64 libcmocka-dev:arm64 \
	libespeak-ng-dev:arm64 libcairo2-dev:arm64 libfontconfig-dev:arm64
# Test binaries not run under emulation: test_broad (accuracy over the shared
# data set, 20 s under qemu); test_sim (long sessions at 400 Hz, slow under
# emulation); test_sim_traces (checks the committed traces regenerate
# bit-identically, which libm on aarch64 does not promise: last-ulp
# differences in sin/cos/exp change the gzip bytes).
# test_app_replay and test_app_session start the coach's thread, and this
# qemu-user (Debian 12, 7.2) hangs in any pthread_create (a 5-line program
# shows it); test_cli_options forks to see a usage error's exit status, and
# the forked child spins there for ever. They run natively, on the Pi too.
# test_app_voice starts the voice's thread, and espeak-ng starts one of its own.
# test_record_kill and test_history_kill fork a writing child to SIGKILL it, as
# test_cli_options forks.
# test_trace_prefetch starts replay's read-ahead thread (emulated, the commands read
# in one thread: tests/run_tests.sh sets BACKCOACH_READAHEAD=0).
CROSS_TEST_SKIP := test_broad test_sim test_sim_traces test_app_replay test_app_session \
	test_cli_options test_app_voice test_record_kill test_history_kill test_trace_prefetch

FW_PKGS := zlib libgpiod
HOST_PKGS := sdl2 SDL2_ttf SDL2_image sqlite3 espeak-ng cairo fontconfig
# build/backcoach links only these beyond the firmware's (the history); the
# screen's commands are in build/backcoach-app, linked with HOST_PKGS
# (host/main.c says why; tests/test_cli_startup.c checks it).
CLI_PKGS := sqlite3
pkg_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pkg_libs = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)

WARNINGS := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS ?= -O2 -g
# Each layer compiles with only the include paths and flags it may use
# (docs/architecture.md): firmware sees firmware/ and its own libraries, never
# host/, tests/, SDL or sqlite; host/ adds itself and the screen's libraries;
# tests/ see everything. tests/check_layers.sh (make test) checks the includes.
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARNINGS) $(CFLAGS) -MMD -MP
FW_CFLAGS := -Ifirmware $(call pkg_cflags,$(FW_PKGS))
HOST_CFLAGS := $(FW_CFLAGS) -Ihost $(call pkg_cflags,$(HOST_PKGS))
TEST_CFLAGS := $(HOST_CFLAGS) -Itests
ALL_CFLAGS := $(BASE_CFLAGS)
LDLIBS_FW := $(call pkg_libs,$(FW_PKGS)) -li2c -lm
LDLIBS_HOST := $(call pkg_libs,$(HOST_PKGS))
LDLIBS_CLI := $(call pkg_libs,$(CLI_PKGS))
LDLIBS_TEST := $(call pkg_libs,cmocka)
# libgpiod 2.x (Debian 13, Pi OS Trixie) has a different API from 1.6 (Debian 12,
# Pi OS Bookworm): firmware/platform/gpio_libgpiod_v{1,2}.c, one of them built.
LIBGPIOD_V2 := $(shell $(PKG_CONFIG) --atleast-version=2 libgpiod 2>/dev/null && echo 1)
ifeq ($(LIBGPIOD_V2),1)
ALL_CFLAGS += -DBC_LIBGPIOD_V2
endif
# The version --version prints: debian/changelog's upstream part, one place.
VERSION ?= $(shell sed -n '1s/^[^ ]* (\([^)-]*\).*/\1/p' debian/changelog 2>/dev/null)
ifeq ($(SAN),1)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
ALL_CFLAGS += $(SAN_FLAGS)
LDFLAGS += $(SAN_FLAGS)
endif

FW_SRC := $(shell find firmware -name '*.c' | sort)
HOST_SRC := $(filter-out host/main.c,$(shell find host -name '*.c' | sort))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_SUPPORT_SRC := $(sort $(wildcard tests/support/*.c tests/models/*.c))
BENCH_SRC := $(sort $(wildcard tests/bench/*.c))

# tests/test_umockdev_*.c run the real i2c-dev and libgpiod backends against fake
# /dev/i2c-N and /dev/gpiochipN (tests/umockdev/); they need libumockdev, which a
# cross build (no arm64 umockdev) does without.
UMOCKDEV_SRC := $(sort $(wildcard tests/umockdev/*.c))
ifeq ($(shell $(PKG_CONFIG) --exists umockdev-1.0 2>/dev/null && echo 1),1)
UMOCKDEV_CFLAGS := $(call pkg_cflags,umockdev-1.0)
UMOCKDEV_LIBS := $(call pkg_libs,umockdev-1.0)
else
TEST_SRC := $(filter-out tests/test_umockdev_%,$(TEST_SRC))
endif

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
FW_LIB := $(BUILD)/libbackcoach.a
HOST_LIB := $(BUILD)/libbackcoach-host.a
TESTS := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))
BENCHES := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))

.PHONY: all run test test-only tests test-cross cross-tests bench accuracy deps deps-cross clean screenshots \
	demo-data install uninstall deb deb-src deb-arm64 check-package fuzz fuzz-smoke fuzz-harnesses
.SECONDARY:
all: $(BUILD)/backcoach $(BUILD)/backcoach-app

layer_cflags = $(if $(filter firmware/%,$(1)),$(FW_CFLAGS),$(if $(filter host/%,$(1)),$(HOST_CFLAGS),$(TEST_CFLAGS)))

$(BUILD)/obj/host/cli_options.o: ALL_CFLAGS += -DBC_VERSION='"$(VERSION)"'

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(call layer_cflags,$<) -c $< -o $@

$(FW_LIB): $(call obj,$(FW_SRC))
	@rm -f $@
	$(AR) rcs $@ $^

$(HOST_LIB): $(call obj,$(HOST_SRC))
	@rm -f $@
	$(AR) rcs $@ $^

# Linked without the screen's libraries: an object of theirs pulled in by a
# command-line command fails here, as an undefined reference.
$(BUILD)/backcoach: $(call obj,host/main.c) $(HOST_LIB) $(FW_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS_CLI) $(LDLIBS_FW)

$(BUILD)/obj/host/main_app.o: host/main.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(HOST_CFLAGS) -DBC_APP_BINARY -c $< -o $@

$(BUILD)/backcoach-app: $(BUILD)/obj/host/main_app.o $(HOST_LIB) $(FW_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS_HOST) $(LDLIBS_FW)

$(BUILD)/tests/%: $(BUILD)/obj/tests/%.o $(call obj,$(TEST_SUPPORT_SRC)) $(HOST_LIB) $(FW_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS_TEST) $(LDLIBS_HOST) $(LDLIBS_FW)

$(BUILD)/obj/tests/umockdev/%.o $(BUILD)/obj/tests/test_umockdev_%.o: ALL_CFLAGS += $(UMOCKDEV_CFLAGS)

# A static pattern rule, not an implicit one: make prefers an implicit rule whose
# objects all exist, so a new tests/umockdev/ file once sent these binaries to the
# generic rule above (linked without umockdev) in an incremental build.
UMOCKDEV_TESTS := $(filter $(BUILD)/tests/test_umockdev_%,$(TESTS))
$(UMOCKDEV_TESTS): $(BUILD)/tests/test_umockdev_%: $(BUILD)/obj/tests/test_umockdev_%.o \
		$(call obj,$(UMOCKDEV_SRC)) \
		$(call obj,$(TEST_SUPPORT_SRC)) $(HOST_LIB) $(FW_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS_TEST) $(UMOCKDEV_LIBS) $(LDLIBS_HOST) $(LDLIBS_FW)

$(BUILD)/bench/%: $(BUILD)/obj/tests/bench/%.o $(call obj,$(TEST_SUPPORT_SRC)) $(HOST_LIB) $(FW_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS_TEST) $(LDLIBS_HOST) $(LDLIBS_FW)

tests: $(TESTS) $(BUILD)/backcoach $(BUILD)/backcoach-app

# Installs what is missing, then re-reads this Makefile with the packages present.
# (dpkg-query, not dpkg -s: with arm64 added, "dpkg -s zlib1g-dev" is ambiguous.)
# make deps: what building and running need; make deps-cross: the Pi build and
# qemu for make test, on a non-arm64 host only (on the Pi itself the tests run
# natively, and arm64 cannot be added as a foreign architecture there).
install_missing = sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	if [ -n "$$missing" ]; then \
		echo "make deps: installing" $$missing; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing </dev/null; \
	fi

deps:
	@native=$$(dpkg --print-architecture); \
	missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${db:Status-Abbrev} $${Architecture}\n' $$p 2>/dev/null | \
			grep -qE "^ii +($$native|all)$$" || echo $$p; done); \
	$(install_missing)

deps-cross: deps
	@[ "$$(dpkg --print-architecture)" != $(DEB_ARCH_CROSS) ] || exit 0; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	if ! dpkg --print-foreign-architectures | grep -qx $(DEB_ARCH_CROSS); then \
		echo "make deps: adding the $(DEB_ARCH_CROSS) architecture for the Pi build"; \
		$$sudo dpkg --add-architecture $(DEB_ARCH_CROSS); \
	fi; \
	missing=$$(for p in $(DEB_PACKAGES_CROSS); do \
		dpkg-query -W -f='$${db:Status-Abbrev}\n' $$p 2>/dev/null | grep -q '^ii' || echo $$p; done); \
	$(install_missing)

run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/backcoach run

test: deps-cross
	@$(MAKE) --no-print-directory test-only

# The Pi build joins the run when its cross toolchain and qemu are here.
HAVE_PI_CROSS := $(shell command -v $(PI_CROSS)gcc >/dev/null 2>&1 && \
	command -v qemu-aarch64 >/dev/null 2>&1 && \
	$(PI_CROSS)pkg-config --exists zlib libgpiod cmocka 2>/dev/null && echo 1)
PI_BUILD := build/aarch64
TEST_BUILDS := $(BUILD) $(BUILD)/asan $(if $(HAVE_PI_CROSS),$(PI_BUILD))

# The builds use every core (CI has two): three builds and a package are most of make test.
BUILD_JOBS ?= $(shell nproc 2>/dev/null || echo 2)

test-only:
	@tests/check_layers.sh
	@tests/check_format.sh
	@$(MAKE) --no-print-directory -j$(BUILD_JOBS) tests
	@$(MAKE) --no-print-directory -j$(BUILD_JOBS) SAN=1 tests
	@$(if $(HAVE_PI_CROSS),$(MAKE) --no-print-directory -j$(BUILD_JOBS) cross-tests, \
		echo "make test: no aarch64 cross toolchain/qemu here; skipping the Pi build (make deps)")
	@tests/check_package.sh
	@BC_QEMU_AARCH64="qemu-aarch64 -L $(PI_SYSROOT)" BC_TEST_SKIP="$(CROSS_TEST_SKIP)" \
		tests/run_tests.sh "$(abspath $(SHARED_DATA))" $(TEST_BUILDS)
	@$(MAKE) --no-print-directory fuzz-smoke

# Fuzzing (tests/fuzz/): libFuzzer harnesses built with Debian's clang, the
# firmware under ASan+UBSan. make fuzz runs each for FUZZ_SECONDS; make test
# runs each for FUZZ_SMOKE_SECONDS and replays tests/fuzz/regressions/. Without
# clang's fuzzer runtime (make deps installs it) both say so and skip.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 8
FUZZ_CC ?= clang
FUZZ_BUILD := build/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -g -O2 $(FUZZ_SAN) \
	-fsanitize=fuzzer-no-link $(FW_CFLAGS)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/%,$(FUZZ_SRC))
FUZZ_FW_OBJ := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(FW_SRC))

$(FUZZ_BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/libbackcoach-fuzz.a: $(FUZZ_FW_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/obj/tests/fuzz/fuzz_%.o $(FUZZ_BUILD)/libbackcoach-fuzz.a
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(LDLIBS_FW)

fuzz-harnesses: $(FUZZ_BINS)

fuzz fuzz-smoke:
	@if ! tests/fuzz/run_fuzz.sh --check; then \
		echo "make $@: skipped: clang with its libFuzzer runtime is not installed (make deps)"; \
	else \
		$(MAKE) --no-print-directory -j$(BUILD_JOBS) fuzz-harnesses && \
		tests/fuzz/run_fuzz.sh $(BUILD) $(if $(filter fuzz,$@),$(FUZZ_SECONDS),$(FUZZ_SMOKE_SECONDS)); \
	fi

# Builds the Pi's binaries and tests (umockdev tests stay host-only).
cross-tests:
	@$(MAKE) --no-print-directory CROSS=$(PI_CROSS) BUILD=$(PI_BUILD) tests

# Only the Pi build, under qemu-user: proves the code runs on the Pi's architecture.
test-cross: cross-tests
	@BC_QEMU_AARCH64="qemu-aarch64 -L $(PI_SYSROOT)" BC_TEST_SKIP="$(CROSS_TEST_SKIP)" \
		tests/run_tests.sh "$(abspath $(SHARED_DATA))" $(PI_BUILD)

# The Pi budget's aarch64 counts: the cross-built bench_pi_budget under
# qemu-aarch64 with an instruction-counting plugin (tests/tools/), when the
# cross toolchain is here (make deps-cross); bench_pi_budget says when not.
QEMU_PLUGIN := $(BUILD)/tools/qemu_insn_count.so
$(QEMU_PLUGIN): tests/tools/qemu_insn_count.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -shared -fPIC $(WARNINGS) -o $@ $<

bench: deps
	@$(MAKE) --no-print-directory all $(BENCHES)
	@$(if $(HAVE_PI_CROSS),$(MAKE) --no-print-directory $(QEMU_PLUGIN) && \
		$(MAKE) --no-print-directory CROSS=$(PI_CROSS) BUILD=$(PI_BUILD) \
		$(PI_BUILD)/bench/bench_pi_budget)
	@if [ -x tests/bench/run_bench.sh ]; then tests/bench/run_bench.sh $(BUILD) "$(abspath $(SHARED_DATA))"; fi
	@$(MAKE) --no-print-directory accuracy

# Detector accuracy on simulated sessions (tests/accuracy/run_accuracy.py); the
# table also goes to $(BUILD)/accuracy.md (docs/accuracy.md says how it is made).
accuracy: all
	@python3 tests/accuracy/run_accuracy.py --backcoach $(BUILD)/backcoach --jobs 2 \
		--markdown $(BUILD)/accuracy.md

# The README's pictures, made by the app itself (tests/screenshots.sh).
screenshots: all $(BUILD)/tests/test_app_figures $(BUILD)/tests/test_app_plan_render \
		$(BUILD)/tests/test_app_kiosk
	@tests/screenshots.sh $(BUILD) docs/screenshots

# The bundled demo sessions, one per exercise, made by the simulator.
demo-data: all
	@host/data/make_demo.sh

# Installing: like Raspberry Pi software, where the system looks. PREFIX=/usr
# (the Debian package) puts the service and udev rule under /lib, as Debian
# 12 packages do; /usr/local puts them where the admin's own go.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(PREFIX)/bin
# backcoach-app, where backcoach looks for it from BINDIR (host/paths.h).
APPDIR := $(PREFIX)/lib/backcoach
DATADIR := $(PREFIX)/share/backcoach
MANDIR := $(PREFIX)/share/man/man1
ifeq ($(PREFIX),/usr)
UNITDIR ?= /lib/systemd/system
UDEVRULESDIR ?= /lib/udev/rules.d
MODULESLOADDIR ?= /usr/lib/modules-load.d
SYSUSERSDIR ?= /usr/lib/sysusers.d
else
UNITDIR ?= $(PREFIX)/lib/systemd/system
UDEVRULESDIR ?= /etc/udev/rules.d
MODULESLOADDIR ?= /etc/modules-load.d
SYSUSERSDIR ?= /etc/sysusers.d
endif
DEMO_DATA := $(wildcard host/data/demo-*.csv.gz)

install: $(BUILD)/backcoach $(BUILD)/backcoach-app
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(APPDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR) \
		$(DESTDIR)$(UNITDIR) $(DESTDIR)$(UDEVRULESDIR) $(DESTDIR)$(MODULESLOADDIR) \
		$(DESTDIR)$(SYSUSERSDIR)
	install -m 755 $(BUILD)/backcoach $(DESTDIR)$(BINDIR)/backcoach
	install -m 755 $(BUILD)/backcoach-app $(DESTDIR)$(APPDIR)/backcoach-app
	install -m 644 $(DEMO_DATA) $(DESTDIR)$(DATADIR)/
	gzip -9n < docs/backcoach.1 > $(DESTDIR)$(MANDIR)/backcoach.1.gz
	chmod 644 $(DESTDIR)$(MANDIR)/backcoach.1.gz
	sed 's|@BINDIR@|$(BINDIR)|g' hw/backcoach.service > $(DESTDIR)$(UNITDIR)/backcoach.service
	chmod 644 $(DESTDIR)$(UNITDIR)/backcoach.service
	install -m 644 hw/99-backcoach.rules $(DESTDIR)$(UDEVRULESDIR)/99-backcoach.rules
	install -m 644 hw/modules-load.conf $(DESTDIR)$(MODULESLOADDIR)/backcoach.conf
	install -m 644 hw/sysusers.conf $(DESTDIR)$(SYSUSERSDIR)/backcoach.conf

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/backcoach $(DESTDIR)$(APPDIR)/backcoach-app \
		$(DESTDIR)$(MANDIR)/backcoach.1.gz \
		$(DESTDIR)$(UNITDIR)/backcoach.service $(DESTDIR)$(UDEVRULESDIR)/99-backcoach.rules \
		$(DESTDIR)$(MODULESLOADDIR)/backcoach.conf $(DESTDIR)$(SYSUSERSDIR)/backcoach.conf
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(notdir $(DEMO_DATA)))
	-rmdir $(DESTDIR)$(DATADIR) $(DESTDIR)$(APPDIR)

# The Debian package, with Debian's tools (debian/rules calls this Makefile),
# built from a copy of the tree in build/deb/src so that dpkg-buildpackage's
# outputs (written beside the source) land in build/deb/. deb-arm64
# cross-builds the Pi's (after make deps-cross).
DEB_OUT := build/deb
deb-src:
	@rm -rf $(DEB_OUT)/src && mkdir -p $(DEB_OUT)/src
	@tar --exclude=./build --exclude=./.git -cf - . | tar -xf - -C $(DEB_OUT)/src
deb: deb-src
	cd $(DEB_OUT)/src && dpkg-buildpackage -b -us -uc
	@ls $(DEB_OUT)/*.deb
deb-arm64: deb-src
	cd $(DEB_OUT)/src && dpkg-buildpackage -b -us -uc -aarm64
	@ls $(DEB_OUT)/*.deb

# The package built, unpacked into a throw-away root and checked (make test runs it).
check-package:
	@tests/check_package.sh

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
-include $(shell find $(FUZZ_BUILD)/obj -name '*.d' 2>/dev/null)
