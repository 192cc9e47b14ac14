/*
 * property.h - -p/--property: print only some top-level fields of the
 * JSON record.
 *
 * The record is rendered as JSON first and the fields are then taken
 * from it, so every field the JSON has can be selected and the names
 * are never listed twice.  Two forms:
 * - raw (the default): one line per name, in the order given; a string
 *   as it is (its own newlines included), null as an empty line,
 *   anything else (numbers, booleans, arrays, objects) as compact JSON;
 * - JSON (with --json): one object per record holding just those keys.
 */
#ifndef EXTRACT_PROPERTY_H
#define EXTRACT_PROPERTY_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

struct property_list {
	const char *const *names; /* count of them; NULL when none */
	size_t count;
	bool json;                /* one JSON object instead of raw lines */
};

/*
 * Checks that each name is a key of schema_version 1 (including the
 * fields present only when asked for); -1 (reported) if one is not.
 */
int property_check(const char *const *names, size_t count);

/*
 * Appends the selected fields of record (one JSON object, as
 * render_json() writes it) to out.  A key the record lacks is null.
 * -1 if record is not a JSON object.
 */
int property_select(const char *record, size_t len,
		    const struct property_list *p, struct buf *out);

#endif
