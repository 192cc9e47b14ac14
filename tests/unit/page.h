/*
 * page.h - a page written in a test, parsed and extracted without the
 * network: the shared set-up of the heuristic tests.  Include after
 * <cmocka.h>; release with arena_release(&p.a).
 */
#ifndef EXTRACT_TEST_PAGE_H
#define EXTRACT_TEST_PAGE_H

#include <string.h>

#include "base/arena.h"
#include "dom/dom.h"
#include "extract/extract.h"

struct page {
	struct arena a;
	struct dom d;
	struct extraction ex;
};

/* Parses html as if served with status, and extracts it into p->ex. */
static inline void run_page(struct page *p, const char *html, long status)
{
	struct page_facts facts = {.status = status, .url = NULL};

	arena_init(&p->a);
	assert_int_equal(dom_parse(&p->a, html, strlen(html), NULL, &p->d), 0);
	extract_page(&p->a, &p->d, &facts, &p->ex);
}

#endif
