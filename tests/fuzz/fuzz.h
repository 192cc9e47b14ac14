/*
 * fuzz.h - what the fuzz harnesses share: the libFuzzer entry points and
 * the oracles of check.c.
 *
 * Every harness is one LLVMFuzzerTestOneInput.  Built with clang and
 * -fsanitize=fuzzer it is driven by libFuzzer; linked with replay.c
 * instead (any compiler, no sanitizer) it replays files, which is how
 * `make check` runs the regression inputs and how valgrind sees inside
 * the uninstrumented libraries.
 *
 * The oracles are written independently of the code under test (their
 * own UTF-8 decoder and JSON parser): checking our output with our own
 * utf8.c would share its blind spots.  An oracle that fails calls
 * fuzz_fail(), which aborts, so libFuzzer saves the input as a crash and
 * the replay driver dies with a message.
 */
#ifndef EXTRACT_TESTS_FUZZ_H
#define EXTRACT_TESTS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

_Noreturn void fuzz_fail(const char *harness, const char *what);

#define FUZZ_CHECK(harness, cond, what)                                        \
	do {                                                                   \
		if (!(cond))                                                   \
			fuzz_fail((harness), (what));                          \
	} while (0)

/* Well-formed UTF-8 (Unicode table 3-7); NUL bytes count as valid. */
bool fuzz_utf8_valid(const char *p, size_t len);

/*
 * The WHATWG "UTF-8 decode" of p with NUL bytes dropped, re-encoded:
 * every maximal invalid subpart becomes U+FFFD.  out must hold 3 * len
 * bytes; returns the length written.
 */
size_t fuzz_utf8_repair(const char *p, size_t len, char *out);

/*
 * Strict RFC 8259: s[0, len) is exactly one JSON value with optional
 * whitespace around it, every string is valid UTF-8 with no raw control
 * character and no lone surrogate escape, no object repeats a key, and
 * nesting stays under 64 levels.
 *
 * When key is given and the value is an object holding that key with a
 * string value, *val receives the decoded string (malloc'd, free it) and
 * *val_len its length; otherwise *val is NULL.
 */
bool fuzz_json_valid(const char *s, size_t len, const char *key, char **val,
		     size_t *val_len);

/* A heap copy of p[0, len) with a NUL after it, so over-reads are seen. */
char *fuzz_dup(const void *p, size_t len);

#endif
