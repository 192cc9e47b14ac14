/*
 * run.h - drives inputs through fetch and the pipeline and writes the
 * records.  Records go to stdout only; diagnostics to stderr only.
 */
#ifndef EXTRACT_RUN_H
#define EXTRACT_RUN_H

#include "exitcode.h"

struct options;
struct pipeline_options;

/* One URL, file or stdin; returns the exit status. */
enum exit_code run_single(const struct options *o);

/*
 * The pipeline options the command line asks for (format, extra JSON
 * fields...), shared by single and batch mode so that an option added
 * here reaches both.
 */
void run_pipeline_options(const struct options *o,
			  struct pipeline_options *po);

#endif
