/*
 * run.h - drives inputs through fetch and the pipeline and writes the
 * records.  Records go to stdout only; diagnostics to stderr only.
 */
#ifndef EXTRACT_RUN_H
#define EXTRACT_RUN_H

#include "exitcode.h"

struct options;

/* One URL, file or stdin; returns the exit status. */
enum exit_code run_single(const struct options *o);

#endif
