/*
 * extract_legal.c - legal and editorial notices about the content.
 *
 * A block is a disclaimer when it is a notice *about* the text: no
 * warranty, not advice, forward-looking statements, the author's views,
 * affiliate or sponsorship, syndication.  Each phrase has a weight; a
 * label at the start ("Disclaimer:") weighs most.  Cookie banners,
 * newsletter prompts and copyright lines are not disclaimers: their
 * phrases are not in the table.
 *
 * To extend: add a phrase (lower case, ASCII case-folded on match) with
 * a weight; a block needs DISCLAIMER_THRESHOLD.
 */
#include "heuristics.h"

#include <string.h>

enum {
	DISCLAIMER_THRESHOLD = 4,
	/* a disclaimer is a notice, not an article */
	DISCLAIMER_MAX_BYTES = 3000,
};

struct phrase {
	const char *text;
	int weight;
};

static const struct phrase legal_phrases[] = {
	{"as is", 2},
	{"\xe2\x80\x9c" "as is\xe2\x80\x9d", 2},
	{"without warranty", 3},
	{"without warranties", 3},
	{"no warranty", 3},
	{"makes no representation", 3},
	{"make no representation", 3},
	{"not be construed as", 2},
	{"does not constitute", 2},
	{"not investment advice", 4},
	{"not financial advice", 4},
	{"not intended as investment advice", 4},
	{"not intended to provide", 2},
	{"for informational purposes only", 3},
	{"for information purposes only", 3},
	{"for general information purposes", 3},
	{"medical advice", 2},
	{"legal advice", 2},
	{"investment advice", 2},
	{"financial advice", 2},
	{"consult your", 1},
	{"forward-looking statements", 4},
	{"forward looking statements", 4},
	{"views expressed", 2},
	{"opinions expressed", 2},
	{"do not necessarily reflect", 3},
	{"does not necessarily reflect", 3},
	{"are those of the author", 3},
	{"are solely those of", 3},
	{"accept any responsibility", 2},
	{"accept no responsibility", 2},
	{"not responsible for", 1},
	{"no liability", 2},
	{"liability for", 1},
	{"accuracy, completeness", 2},
	{"accuracy or completeness", 2},
	{"affiliate link", 3},
	{"affiliate commission", 3},
	{"we may earn a commission", 4},
	{"may receive a commission", 4},
	{"earn a commission", 2},
	{"sponsored by", 1},
	{"paid for by", 1},
	{"this content was produced", 2},
	{"provided by the", 1},
	{"originally published", 1},
	{"republished with permission", 3},
	{"copyright issues", 2},
	{"kindly contact the provider", 3},
	{"do your own research", 3},
	{"past performance", 2},
};

static const char *const labels[] = {
	"disclaimer", "legal disclaimer", "legal notice", "disclosure",
	"editorial disclaimer", "important notice", "note to editors",
	"haftungsausschluss", "avertissement", "aviso legal",
};

static int label_weight(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '*' || *s == '('))
		s++, len--;
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		size_t n = strlen(labels[i]);
		if (len >= n && str_starts_with_i(str_make(s, len), labels[i])) {
			char next = len > n ? s[n] : '\0';
			if (next == ':' || next == '\0' || next == ' ' ||
			    next == '.' || next == ')' || next == '-')
				return DISCLAIMER_THRESHOLD;
		}
	}
	return 0;
}

bool legal_is_disclaimer(const char *text, size_t len)
{
	if (len > DISCLAIMER_MAX_BYTES)
		return false;
	struct str s = str_make(text, len);
	int score = label_weight(text, len);
	for (size_t i = 0; i < sizeof(legal_phrases) / sizeof(legal_phrases[0]);
	     i++) {
		if (str_icontains(s, legal_phrases[i].text))
			score += legal_phrases[i].weight;
	}
	return score >= DISCLAIMER_THRESHOLD;
}
