/*
 * test_lexicon.c - the word lists (src/extract/lexicon.c) and the one
 * matcher: every entry written folded and given once, no entry shadowed
 * by another list it is matched beside, and the matches that the old
 * substring tests got wrong.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "extract/heuristics.h"
#include "extract/lexicon.h"

/* Every list: entries folded, none empty, none twice. */
static void test_lists_are_folded_and_unique(void **state)
{
	(void)state;
	for (int id = 0; id < LEX_COUNT; id++) {
		const struct lexicon_list *l = lexicon_list((enum lexicon_id)id);
		assert_non_null(l->name);
		assert_true(l->count > 0);
		for (size_t i = 0; i < l->count; i++) {
			const char *e = l->entries[i].text;
			struct folded f;
			assert_true(strlen(e) > 0);
			fold_text(e, strlen(e), &f);
			if (strcmp(f.s, e))
				fail_msg("%s: \"%s\" is not written folded (\"%s\")",
					 l->name, e, f.s);
			for (size_t j = 0; j < i; j++) {
				if (!strcmp(e, l->entries[j].text))
					fail_msg("%s: \"%s\" twice", l->name, e);
			}
		}
	}
}

/* Lists of one group are matched against the same text: an entry in two
 * of them would be defined twice, and one of the two would never decide. */
static void test_no_entry_is_shadowed(void **state)
{
	(void)state;
	for (int a = 0; a < LEX_COUNT; a++) {
		const struct lexicon_list *la = lexicon_list((enum lexicon_id)a);
		for (int b = a + 1; b < LEX_COUNT; b++) {
			const struct lexicon_list *lb =
				lexicon_list((enum lexicon_id)b);
			if (strcmp(la->group, lb->group))
				continue;
			for (size_t i = 0; i < la->count; i++) {
				for (size_t j = 0; j < lb->count; j++) {
					if (!strcmp(la->entries[i].text,
						    lb->entries[j].text))
						fail_msg("\"%s\" is in %s and %s",
							 la->entries[i].text,
							 la->name, lb->name);
				}
			}
		}
	}
}

static void fold(const char *s, struct folded *f)
{
	fold_text(s, strlen(s), f);
}

/* Whole words, any case, any script the folding knows. */
static void test_matcher(void **state)
{
	struct folded f;

	(void)state;
	fold("\xc3\x80 LIRE AUSSI : le port", &f);
	assert_non_null(lexicon_opening(&f, LEX_TEASER_LABELS));
	fold("\xd0\xa0\xd0\x95\xd0\x9a\xd0\x9b\xd0\x90\xd0\x9c\xd0\x90", &f);
	assert_non_null(lexicon_whole(&f, LEX_CHROME_LABELS));
	fold("They follow meetings of the council", &f);
	assert_int_equal(lexicon_weigh(&f, LEX_PROMO_CUES), 0);
	fold("Follow me on Twitter", &f);
	assert_int_equal(lexicon_weigh(&f, LEX_PROMO_CUES), 3);
	/* the longest opening wins */
	fold("Related stories", &f);
	assert_string_equal(lexicon_opening(&f, LEX_TEASER_LABELS)->text,
			    "related stories");
	fold("Byrne said", &f);
	assert_null(lexicon_opening(&f, LEX_BYLINE_OPENERS));
	assert_int_equal(lexicon_word(LEX_MONTHS, "M\xc3\x84RZ", 5)->value, 3);
	assert_int_equal(lexicon_word(LEX_TIME_ZONES, "PST", 3)->value, -480);
	assert_null(lexicon_word(LEX_MONTHS, "marchs", 6));
}

#define IS(pred, s) assert_true(pred(s, strlen(s)))
#define NOT(pred, s) assert_false(pred(s, strlen(s)))

/* A dateline names a date or a time for certain. */
static void test_datelines(void **state)
{
	(void)state;
	IS(line_is_dateline, "Updated 10:01 pm PST, Tuesday, November 19, 2019");
	IS(line_is_dateline, "19.11.2019");
	IS(line_is_dateline, "5 hours ago");
	IS(line_is_dateline, "Publi\xc3\xa9 le 3 mars 2024");
	IS(line_is_dateline, "10 p.m.");
	NOT(line_is_dateline, "Day 3 at sea");
	NOT(line_is_dateline, "Chapter 7");
}

/* One list of byline openers for the body and for the author field. */
static void test_bylines(void **state)
{
	(void)state;
	IS(line_is_byline, "Por Juan P\xc3\xa9rez");
	IS(line_is_byline, "Von Hans M\xc3\xbcller");
	IS(line_is_byline, "BY JANE DOE");
	NOT(line_is_byline, "Byrne and the band");
	NOT(line_is_byline, "By the end of the year, the lock was open.");
	assert_true(author_looks_like_name("Juan P\xc3\xa9rez"));
}

static void test_furniture(void **state)
{
	(void)state;
	IS(line_is_chrome, "Advertisement");
	IS(line_is_chrome, "\xd0\xa0\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0");
	IS(line_is_chrome, "Image 1 of 23");
	IS(line_is_chrome, "(4824)");
	NOT(line_is_chrome, "The advertisement ran for a week.");
	IS(line_is_teaser, "\xc3\x80 lire aussi : le nouveau port");
	IS(line_is_promo, "Subscribe to our newsletter");
	NOT(line_is_promo, "Residents follow meetings of the council closely "
			   "and sign the register.");
	IS(line_is_comment_notice, "Comments are moderated.");
	IS(line_is_credit, "Jane Doe contributed to this report.");
	IS(line_is_post_meta, "Posted in News - Tags: ferry");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lists_are_folded_and_unique),
	    cmocka_unit_test(test_no_entry_is_shadowed),
	    cmocka_unit_test(test_matcher),
	    cmocka_unit_test(test_datelines),
	    cmocka_unit_test(test_bylines),
	    cmocka_unit_test(test_furniture),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
