/*
 * jsonl_check.c - checks batch output for the tests, so that they need
 * no jq.
 *
 *   jsonl_check count FILE N    every line is a complete JSON object
 *                               whose "index" is in [0, N), and every
 *                               index appears exactly once
 *   jsonl_check ordered FILE    the indices only go up
 *   jsonl_check get FILE INDEX KEY[.KEY...]
 *                               prints that field of the record with
 *                               that index, as compact JSON
 *   jsonl_check kinds FILE      every line is a complete JSON object (in
 *                               strict UTF-8, as jansson reads nothing
 *                               else), with or without "index"; prints
 *                               each one's error.kind, or null, in order
 *
 * Exit status 0 when the check holds, 1 when not (with the reason on
 * stderr), 2 on bad usage.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lines {
	FILE *f;
	char *line;
	size_t cap;
	long number;
};

/* The next complete line as a JSON object, or NULL at the end. */
static json_t *next_record(struct lines *l, int *bad)
{
	ssize_t n = getline(&l->line, &l->cap, l->f);
	json_error_t err;

	if (n <= 0)
		return NULL;
	l->number++;
	if (l->line[n - 1] != '\n') {
		fprintf(stderr, "line %ld: no final newline\n", l->number);
		*bad = 1;
		return NULL;
	}
	json_t *j = json_loadb(l->line, (size_t)n, 0, &err);
	if (!json_is_object(j) ||
	    !json_is_integer(json_object_get(j, "index"))) {
		fprintf(stderr, "line %ld: not a record: %.80s\n", l->number,
			l->line);
		json_decref(j);
		*bad = 1;
		return json_object(); /* go on, to report every line */
	}
	return j;
}

static long long index_of(json_t *j)
{
	json_t *v = json_object_get(j, "index");

	return json_is_integer(v) ? json_integer_value(v) : -1;
}

static int check_count(struct lines *l, long long n)
{
	unsigned char *seen = calloc((size_t)n + 1, 1);
	json_t *j;
	int bad = 0;
	long long missing = 0, twice = 0;

	if (!seen)
		return 2;
	while ((j = next_record(l, &bad)) != NULL) {
		long long i = index_of(j);

		if (i >= 0 && i < n && seen[i]++) {
			if (!twice)
				fprintf(stderr, "index %lld twice\n", i);
			twice++;
		} else if ((i < 0 || i >= n) && json_object_size(j)) {
			fprintf(stderr, "index %lld out of range\n", i);
			bad = 1;
		}
		json_decref(j);
	}
	for (long long i = 0; i < n; i++) {
		if (!seen[i] && !missing++)
			fprintf(stderr, "index %lld missing\n", i);
	}
	free(seen);
	if (missing || twice)
		fprintf(stderr, "%lld missing, %lld twice\n", missing, twice);
	printf("%ld lines\n", l->number);
	return bad || missing || twice ? 1 : 0;
}

static int check_ordered(struct lines *l)
{
	json_t *j;
	int bad = 0;
	long long last = -1;

	while ((j = next_record(l, &bad)) != NULL) {
		long long i = index_of(j);

		if (i <= last) {
			fprintf(stderr, "line %ld: index %lld after %lld\n",
				l->number, i, last);
			bad = 1;
		}
		last = i;
		json_decref(j);
	}
	return bad;
}

static int get_field(struct lines *l, long long want, char *path)
{
	json_t *j;
	int bad = 0;

	while ((j = next_record(l, &bad)) != NULL) {
		if (index_of(j) != want) {
			json_decref(j);
			continue;
		}
		json_t *v = j;
		for (char *key = path, *dot; v && key; key = dot) {
			dot = strchr(key, '.');
			if (dot)
				*dot++ = '\0';
			v = json_is_object(v) ? json_object_get(v, key) : NULL;
		}
		char *text =
		    v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
		printf("%s\n", text ? text : "missing");
		free(text);
		json_decref(j);
		return v ? 0 : 1;
	}
	fprintf(stderr, "no record with index %lld\n", want);
	return 1;
}

static int print_kinds(struct lines *l)
{
	ssize_t n;
	int bad = 0;

	while ((n = getline(&l->line, &l->cap, l->f)) > 0) {
		json_error_t err;
		json_t *j;

		l->number++;
		if (l->line[n - 1] != '\n') {
			fprintf(stderr, "line %ld: no final newline\n",
				l->number);
			bad = 1;
		}
		j = json_loadb(l->line, (size_t)n, JSON_ALLOW_NUL, &err);
		if (!json_is_object(j)) {
			fprintf(stderr, "line %ld: not a JSON object: %s\n",
				l->number, err.text);
			json_decref(j);
			bad = 1;
			continue;
		}
		json_t *error = json_object_get(j, "error");
		json_t *kind = json_object_get(error, "kind");

		printf("%s\n", json_is_string(kind) ? json_string_value(kind)
						    : "null");
		json_decref(j);
	}
	return bad;
}

static int usage(void)
{
	fprintf(stderr, "usage: jsonl_check count FILE N | ordered FILE | "
			"get FILE INDEX KEY | kinds FILE\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct lines l = {0};
	int rc;

	if (argc < 3)
		return usage();
	l.f = fopen(argv[2], "r");
	if (!l.f) {
		fprintf(stderr, "%s: %s\n", argv[2], strerror(errno));
		return 2;
	}
	if (strcmp(argv[1], "count") == 0 && argc == 4)
		rc = check_count(&l, strtoll(argv[3], NULL, 10));
	else if (strcmp(argv[1], "ordered") == 0 && argc == 3)
		rc = check_ordered(&l);
	else if (strcmp(argv[1], "kinds") == 0 && argc == 3)
		rc = print_kinds(&l);
	else if (strcmp(argv[1], "get") == 0 && argc == 5)
		rc = get_field(&l, strtoll(argv[3], NULL, 10), argv[4]);
	else
		rc = usage();
	free(l.line);
	fclose(l.f);
	return rc;
}
