/*
 * progress.c - batch mode's progress line and closing summary.
 *
 * Invariant: when drawn > 0 the cursor is at the end of a progress line
 * of that many columns and nothing else is on that line, so erasing it
 * is "\r" plus either an erase-line sequence (colour terminals) or
 * spaces (dumb terminals, where escapes would show as garbage).
 */
#include "batch/progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define PROGRESS_INTERVAL 0.25 /* seconds between redraws */

static double progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(struct progress *p, bool show, bool color, long total)
{
	*p = (struct progress){.show = show, .color = color, .total = total};
	p->start = progress_now();
}

void progress_count(struct progress *p, enum exit_code code)
{
	if (code == EXIT_OK)
		p->ok++;
	else if (code == EXIT_ERROR_PAGE)
		p->error_pages++;
	else
		p->failed++;
}

static size_t progress_done(const struct progress *p)
{
	return p->ok + p->error_pages + p->failed;
}

static void progress_eta(char *out, size_t size, double seconds)
{
	long s = (long)(seconds + 0.5);

	if (s >= 3600)
		snprintf(out, size, "%ldh%02ldm", s / 3600, s / 60 % 60);
	else if (s >= 60)
		snprintf(out, size, "%ldm%02lds", s / 60, s % 60);
	else
		snprintf(out, size, "%lds", s);
}

void progress_clear(struct progress *p)
{
	if (!p->drawn)
		return;
	if (p->color)
		fputs("\r\033[K", stderr);
	else
		fprintf(stderr, "\r%*s\r", (int)p->drawn, "");
	p->drawn = 0;
}

void progress_draw(struct progress *p, bool force)
{
	double now = progress_now();
	size_t done = progress_done(p);
	double rate =
	    (double)done / (now - p->start > 1e-3 ? now - p->start : 1e-3);
	char line[160], eta[32] = "", total[32] = "?";
	int n;

	if (!p->show || (!force && now - p->last_draw < PROGRESS_INTERVAL))
		return;
	p->last_draw = now;
	if (p->total >= 0) {
		long left = p->total - (long)(done + p->skipped);

		snprintf(total, sizeof(total), "%ld", p->total);
		if (rate > 0)
			progress_eta(eta, sizeof(eta),
				     left > 0 ? (double)left / rate : 0);
	}
	n = snprintf(line, sizeof(line),
		     "%zu/%s done, %.1f/s, %s%zu errors%s%s%s",
		     done + p->skipped, total, rate,
		     p->color && p->failed ? "\033[31m" : "", p->failed,
		     p->color && p->failed ? "\033[0m" : "",
		     eta[0] ? ", ETA " : "", eta);
	if (n < 0)
		return;
	progress_clear(p);
	fputs(line, stderr);
	/* Escape sequences take no columns. */
	p->drawn = strlen(line) - (p->color && p->failed ? 9 : 0);
}

void progress_summary(struct progress *p, const char *how)
{
	double secs = progress_now() - p->start;
	size_t done = progress_done(p);
	char skipped[64] = "";

	progress_clear(p);
	if (p->skipped)
		snprintf(skipped, sizeof(skipped), ", %zu done before",
			 p->skipped);
	fprintf(stderr,
		"extract: %s%zu inputs in %.1f s (%.1f/s): %zu ok, %zu error "
		"pages, %zu failed%s\n",
		how, done, secs, secs > 0 ? (double)done / secs : 0.0, p->ok,
		p->error_pages, p->failed, skipped);
}
