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

LIBS_PKGS := libcurl gumbo jansson uchardet zlib
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

SRC := $(wildcard src/*.c)
OBJ := $(SRC:src/%.c=$(BUILD)/%.o)
LIB_OBJ := $(filter-out $(BUILD)/main.o,$(OBJ))
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
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/test_%: tests/unit/test_%.c $(LIB_OBJ) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ $< \
		$(LIB_OBJ) $(LDFLAGS) $(LDLIBS) -lcmocka

$(BUILD)/%: tests/tools/%.c $(LIB_OBJ) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD):
	mkdir -p $@

# The whole suite: unit, golden and end-to-end tests in the normal build,
# then unit and golden tests again under ASan+UBSan.  The last line is
# "N passed, N failed".
check: test-deps
	@$(MAKE) --no-print-directory extract $(UNIT_BIN) $(TOOL_BIN)
	@$(MAKE) --no-print-directory BUILD=build-asan \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DARENA_DEBUG" \
		LDFLAGS="-fsanitize=address,undefined" \
		build-asan/extract-asan build-asan-units
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

# Only dom.c may include gumbo, only fetch.c curl, only decode.c iconv.
check-layering:
	@bad=$$(grep -l '#include <gumbo.h>' src/*.c src/*.h | grep -v '^src/dom.c$$'; \
		grep -l '#include <curl/' src/*.c src/*.h | grep -v '^src/fetch.c$$'; \
		grep -l '#include <iconv.h>' src/*.c src/*.h | grep -v '^src/decode.c$$'); \
	if [ -n "$$bad" ]; then echo "layering violated: $$bad"; exit 1; fi

clean:
	rm -rf build build-asan build-bench extract

-include $(OBJ:.o=.d)

SHARED ?= ../shared
.PHONY: bench-accuracy
bench-accuracy: extract
	@scripts/bench-accuracy.sh ./extract $(SHARED)
