# extract - build, test and install.
#
# Honours CC, CFLAGS, CPPFLAGS, LDFLAGS, PREFIX and DESTDIR; the flags the
# code needs are added with "override" so a user's CFLAGS cannot drop them.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
BUILD ?= build

LIBS_PKGS := gumbo jansson zlib libcurl uchardet
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wold-style-definition -Wpointer-arith \
	-Wcast-qual -Wwrite-strings -Wformat=2 -Wundef -Wvla -Wconversion \
	-Wdouble-promotion -Wimplicit-fallthrough
ifeq ($(WERROR),1)
WARN += -Werror
endif

override CFLAGS += -std=c17 $(WARN) -pthread -MMD -MP
override CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Isrc \
	$(shell $(PKG_CONFIG) --cflags $(LIBS_PKGS) 2>/dev/null)
override LDFLAGS += -pthread
LDLIBS += $(shell $(PKG_CONFIG) --libs $(LIBS_PKGS) 2>/dev/null)

# One folder per stage of the pipeline (README.md, "How it works").
SRC := $(wildcard src/*/*.c)
OBJ := $(SRC:src/%.c=$(BUILD)/%.o)
LIB_OBJ := $(filter-out $(BUILD)/cli/main.o,$(OBJ))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/%)
TOOL_SRC := $(wildcard tests/tools/*.c)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/%)

.PHONY: all deps test-deps check check-unit check-golden check-e2e \
	check-asan demo install uninstall clean lint check-layering

all: extract

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

extract: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

$(BUILD)/%.o: src/%.c | $(BUILD)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/test_%: tests/unit/test_%.c $(LIB_OBJ) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ $< \
		$(LIB_OBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

$(BUILD)/%: tests/tools/%.c $(LIB_OBJ) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD):
	mkdir -p $@

# The whole suite: unit, golden, end-to-end and bench-tool tests in the
# normal build, then unit and golden tests again under ASan+UBSan.  The
# last line is "N passed, N failed".
check: test-deps
	@$(MAKE) --no-print-directory extract $(UNIT_BIN) $(TOOL_BIN) $(REPLAY_BIN) \
		$(BENCH_TOOLS)
	@$(MAKE) --no-print-directory BUILD=build-asan \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DARENA_DEBUG" \
		LDFLAGS="-fsanitize=address,undefined" \
		build-asan/extract-asan build-asan-units \
		$(FUZZ_NAMES:fuzz_%=build-asan/replay_%)
	@tests/run-all.sh

check-unit: extract $(UNIT_BIN)
	@tests/run-units.sh $(BUILD)

check-golden: extract
	@tests/golden.sh ./extract

check-e2e: extract $(TOOL_BIN)
	@tests/e2e/run.sh ./extract $(BUILD)

build-asan/extract-asan: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

.PHONY: build-asan-units
build-asan-units: $(UNIT_BIN)

check-asan:
	@$(MAKE) --no-print-directory BUILD=build-asan \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DARENA_DEBUG" \
		LDFLAGS="-fsanitize=address,undefined" \
		build-asan/extract-asan build-asan-units
	@tests/run-units.sh build-asan && tests/golden.sh build-asan/extract-asan

demo: deps
	@$(MAKE) --no-print-directory extract
	./extract samples/seed-article/input.html

install: extract
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 extract $(DESTDIR)$(BINDIR)/extract
	install -m 644 man/extract.1 $(DESTDIR)$(MANDIR)/man1/extract.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/extract $(DESTDIR)$(MANDIR)/man1/extract.1

# Which stage may include which, and the one folder of each library
# (scripts/check-layering.sh).
check-layering:
	@scripts/check-layering.sh src

clean:
	rm -rf build build-asan build-bench build-prof extract

-include $(OBJ:.o=.d)

SHARED ?= ../shared
.PHONY: bench-accuracy
bench-accuracy: extract
	@scripts/bench-accuracy.sh ./extract $(SHARED)

# What each block rule is worth: the accuracy sets once per rule with
# that rule off (scripts/bench-ablation.sh).
.PHONY: bench-ablation
bench-ablation: extract
	@scripts/bench-ablation.sh ./extract $(SHARED)

# Speed and memory (bench/README.md): an -O2 -DNDEBUG build of its own,
# then one table.  BENCH_DATA=DIR points at other pages.
BENCH_DATA ?= $(SHARED)/bench/aeb
BENCH_TOOLS := $(BUILD)/extract-bench $(BUILD)/bench_pipeline \
	$(BUILD)/gumbo_floor $(BUILD)/spawn_time
.PHONY: bench bench-tools
bench:
	@$(MAKE) --no-print-directory BUILD=build-bench CFLAGS="-O2 -DNDEBUG" \
		bench-tools
	@bench/run.sh build-bench $(BENCH_DATA)

bench-tools: $(BENCH_TOOLS)

# Instructions per page under callgrind: the figure that noise leaves alone.
.PHONY: bench-profile
bench-profile:
	@$(MAKE) --no-print-directory BUILD=build-prof CFLAGS="-O2 -g -DNDEBUG" \
		bench-tools
	@bench/profile.sh build-prof $(BENCH_DATA)

$(BUILD)/extract-bench: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

$(BUILD)/bench_common.o: bench/bench_common.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/bench_pipeline: bench/bench_pipeline.c $(BUILD)/bench_common.o $(LIB_OBJ)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/bench_common.o \
		$(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD)/gumbo_floor $(BUILD)/spawn_time: $(BUILD)/%: bench/%.c \
		$(BUILD)/bench_common.o
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/bench_common.o \
		$(LDFLAGS) $(LDLIBS)

-include $(BUILD)/bench_common.d

# Fuzzing (tests/fuzz/README.md).  Each harness is built twice: with
# clang and libFuzzer under ASan+UBSan in build-fuzz/, and as a plain
# replay program (tests/fuzz/replay.c, this build's compiler, no
# sanitizer) in $(BUILD)/, which `make check` and check-valgrind use.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_NAMES := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_NAMES:%=build-fuzz/%)
REPLAY_BIN := $(FUZZ_NAMES:fuzz_%=$(BUILD)/replay_%)
FUZZ_CFLAGS := -g -O1 -fno-omit-frame-pointer -DARENA_DEBUG \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
.PHONY: fuzz fuzz-smoke fuzz-build check-valgrind

$(BUILD)/fuzz_check.o: tests/fuzz/check.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/fuzz_replay.o: tests/fuzz/replay.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/fuzz_check.o $(LIB_OBJ)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(BUILD)/fuzz_check.o $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD)/replay_%: tests/fuzz/fuzz_%.c $(BUILD)/fuzz_check.o \
		$(BUILD)/fuzz_replay.o $(LIB_OBJ)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/fuzz_check.o \
		$(BUILD)/fuzz_replay.o $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) \
		CFLAGS="$(FUZZ_CFLAGS)" LDFLAGS="-fsanitize=address,undefined" \
		$(FUZZ_BIN)

# Each harness for FUZZ_SECONDS, two at a time; fails on any artifact.
fuzz: fuzz-build
	@tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-smoke: fuzz-build
	@tests/fuzz/run.sh build-fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_NAMES)

# Golden samples and the fuzz corpora under valgrind memcheck.
check-valgrind: extract $(REPLAY_BIN)
	@tests/valgrind.sh ./extract $(BUILD)

-include $(wildcard $(BUILD)/fuzz_*.d $(BUILD)/replay_*.d)

# Batch mode alone (tests/batch/run.sh), and its throughput against a
# loopback server serving $(SHARED)/corpus (scripts/bench-batch.sh).
.PHONY: check-batch bench-batch
check-batch: extract $(TOOL_BIN)
	@tests/batch/run.sh ./extract $(BUILD)

BENCH_CORPUS ?= $(SHARED)/corpus
BENCH_REQUESTS ?= 10000
bench-batch: extract $(BUILD)/fixture_server
	@scripts/bench-batch.sh ./extract $(BUILD) $(BENCH_CORPUS) $(BENCH_REQUESTS)
