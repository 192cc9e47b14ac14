/*
 * verdict.h - one verdict per block of the main content, and the rule
 * that gave it.
 *
 * The blocks of the chosen main content start as body.  The rules of
 * block_rules.c run in the order of one registry; each reads the page
 * and the verdicts so far (never writing them) and proposes verdicts for
 * the blocks it has an opinion on.  A proposal is taken only for a block
 * that is still body, so the first rule to move a block decides it, and
 * the decision records that rule's name: `--explain` shows it.
 */
#ifndef EXTRACT_VERDICT_H
#define EXTRACT_VERDICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dom/dom_text.h"

struct page_ctx;

enum verdict {
	VERDICT_BODY,
	VERDICT_DISCLAIMER,
	VERDICT_COMMENT,
	VERDICT_DROPPED,
};

/* "body", "disclaimer", "comment", "dropped" */
const char *verdict_name(enum verdict v);

struct decision {
	uint8_t verdict;  /* enum verdict */
	const char *rule; /* the rule that decided; NULL: none did */
};

/* What a rule may read. */
struct rule_input {
	const struct page_ctx *c;
	const struct blocks *b;     /* the main content's blocks */
	const struct decision *now; /* the verdicts before this rule */
};

/*
 * Sets proposal[k] (zeroed by the caller, b->count entries) for the
 * blocks the rule decides; leaves the others alone.
 */
typedef void (*block_rule_fn)(const struct rule_input *in,
			      struct decision *proposal);

struct block_rule {
	const char *name; /* as --explain and --without-rule spell it */
	const char *what; /* what the rule finds, for --help-rules */
	block_rule_fn decide;
};

/* The registry, in the order the rules run. */
const struct block_rule *block_rules(size_t *count);

/*
 * Runs every rule of the registry but those named in skip (a comma-
 * separated list, or NULL) over the blocks; returns b->count decisions
 * (malloc'd; at least one entry, so never NULL).
 */
struct decision *verdicts_decide(const struct page_ctx *c,
				 const struct blocks *b, const char *skip);

/* Whether name is one of the comma-separated names of list. */
bool rule_listed(const char *list, const char *name);

#endif
