/*
 * batch_out.h - where batch records go, and what an earlier run of the
 * same list already wrote there (--resume).
 *
 * The output file is its own ledger: a record is done when its whole
 * line, newline included, is in the file.  Each record reaches the file
 * in one write(), so after a crash or kill -9 only the last line can be
 * incomplete; resuming cuts that torn tail off and redoes its entry.
 */
#ifndef EXTRACT_BATCH_OUT_H
#define EXTRACT_BATCH_OUT_H

#include <stdbool.h>
#include <stddef.h>

struct batch_ledger;

/*
 * Opens the destination: stdout when path is NULL, else path, created
 * or truncated; with resume, opened for appending after its complete
 * records are loaded into *ledger (a torn last line is cut off).
 * Returns the descriptor, or -1 (reported).
 */
int batch_out_open(const char *path, bool resume, struct batch_ledger **ledger);

/*
 * Writes one record whole.  -1 on failure: reported, except a closed
 * pipe (EPIPE), which ends a batch quietly ("| head -1").
 */
int batch_out_write(int fd, const char *data, size_t len);

/*
 * Whether entry index already has a record.  When it has, but for
 * another input, *changed is set: the list is not the one the file
 * was written from.
 */
bool batch_ledger_done(const struct batch_ledger *l, size_t index,
		       const char *input, bool *changed);
size_t batch_ledger_count(const struct batch_ledger *l);
void batch_ledger_free(struct batch_ledger *l);

#endif
