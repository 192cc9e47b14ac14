/*
 * progress.h - batch mode's progress line and closing summary on stderr.
 *
 * The progress line (done/total, rate, errors, ETA) is redrawn in place
 * at most a few times a second, and only when the caller said stderr is
 * a terminal and -q is not given.  Colour is used only when allowed
 * (NO_COLOR, TERM=dumb; decided at start-up).  Diagnostics printed in
 * between first erase the line, so each stays on a line of its own.
 */
#ifndef EXTRACT_PROGRESS_H
#define EXTRACT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/exitcode.h"

struct progress {
	bool show;
	bool color;
	long total;     /* entries in the list, or -1 if unknown */
	size_t skipped; /* already done in the output (--resume) */
	size_t ok, error_pages, failed;
	double start, last_draw;
	size_t drawn; /* width of the line on screen, 0 if none */
};

void progress_init(struct progress *p, bool show, bool color, long total);
/* One more entry done, with its exit code. */
void progress_count(struct progress *p, enum exit_code code);
/* Redraws the line if due (or now, with force). */
void progress_draw(struct progress *p, bool force);
/* Erases the line, before something else goes to stderr. */
void progress_clear(struct progress *p);
/*
 * The one-line summary ("extract: N inputs in S s (R/s): ..."); how
 * says how the run ended ("" when it ran to the end).
 */
void progress_summary(struct progress *p, const char *how);

#endif
