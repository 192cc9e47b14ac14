/*
 * batch.h - batch mode: a list of URLs and files in, one record per
 * entry out.
 *
 * The network loop (libcurl multi, on the main thread) fetches; worker
 * processes (worker.h) parse and extract; records are written whole,
 * one write() each, in completion order or in list order.  See batch.c
 * for the invariants and README.md "Batch mode" for the user's side.
 */
#ifndef EXTRACT_BATCH_H
#define EXTRACT_BATCH_H


#include "base/exitcode.h"

struct options;

/* Runs the list o->list; returns the exit status. */
enum exit_code batch_run(const struct options *o);

#endif
