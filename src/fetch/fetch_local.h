/*
 * fetch_local.h - a local file or stdin ("-") as a struct response.
 *
 * gzip input is recognised by its magic bytes and inflated, under the
 * same byte cap as the network path.
 */
#ifndef EXTRACT_FETCH_LOCAL_H
#define EXTRACT_FETCH_LOCAL_H

#include <stddef.h>

struct response;

/* Returns 0, or -1 with r->fail set (FAIL_UNREADABLE or FAIL_TOO_LARGE). */
int fetch_local(const char *path, size_t max_bytes, struct response *r);

#endif
