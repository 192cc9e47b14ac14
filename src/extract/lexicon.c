/*
 * lexicon.c - every word list of the extraction (lexicon.h), and the
 * matcher for each kind.
 *
 * Lists of words of text come first, grouped by what they find; their
 * entries are written folded (lower case, straight apostrophes) and
 * found by whole words through fold_find().  The class/id vocabulary
 * comes last: parts of identifiers, found as substrings.
 */
#include "extract/lexicon.h"

#include <string.h>

#include "base/str.h"
#include "extract/heuristics.h"

#define W(text) {text, 0}
#define LIST(id, group, entries) [id] = {#id, group, entries, COUNT(entries)}

/* ---- dates ---- */

/* Month names in the languages of the pages we read; the value is the
 * month.  Full names and their abbreviations. */
static const struct lexicon_entry months[] = {
	/* English */
	{"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2},
	{"march", 3}, {"mar", 3}, {"april", 4}, {"apr", 4}, {"may", 5},
	{"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8},
	{"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9},
	{"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11},
	{"december", 12}, {"dec", 12},
	/* German */
	{"januar", 1}, {"j\xc3\xa4nner", 1}, {"februar", 2},
	{"m\xc3\xa4rz", 3}, {"m\xc3\xa4r", 3}, {"mai", 5}, {"juni", 6},
	{"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12},
	{"dez", 12},
	/* French */
	{"janvier", 1}, {"janv", 1}, {"f\xc3\xa9vrier", 2},
	{"f\xc3\xa9vr", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4},
	{"juin", 6}, {"juillet", 7}, {"juil", 7}, {"ao\xc3\xbbt", 8},
	{"septembre", 9}, {"octobre", 10}, {"novembre", 11},
	{"d\xc3\xa9" "cembre", 12}, {"d\xc3\xa9" "c", 12},
	/* Spanish */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4},
	{"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
	{"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
	{"noviembre", 11}, {"diciembre", 12},
	/* Italian */
	{"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
	{"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12},
	/* Portuguese */
	{"janeiro", 1}, {"fevereiro", 2}, {"mar\xc3\xa7o", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
	{"novembro", 11}, {"dezembro", 12},
	/* Dutch, Indonesian */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"maret", 3},
	{"mei", 5}, {"augustus", 8}, {"agustus", 8}, {"desember", 12},
};

static const struct lexicon_entry weekdays[] = {
	W("monday"), W("tuesday"), W("wednesday"), W("thursday"),
	W("friday"), W("saturday"), W("sunday"), W("mon"), W("tue"),
	W("tues"), W("wed"), W("thu"), W("thur"), W("thurs"), W("fri"),
	W("sat"), W("sun"),
	W("montag"), W("dienstag"), W("mittwoch"), W("donnerstag"),
	W("freitag"), W("samstag"), W("sonntag"),
	W("lundi"), W("mardi"), W("mercredi"), W("jeudi"), W("vendredi"),
	W("samedi"), W("dimanche"),
	W("lunes"), W("martes"), W("mi\xc3\xa9rcoles"), W("jueves"),
	W("viernes"), W("s\xc3\xa1" "bado"), W("domingo"),
	W("segunda-feira"), W("ter\xc3\xa7" "a-feira"), W("quarta-feira"),
	W("quinta-feira"), W("sexta-feira"),
	W("luned\xc3\xac"), W("marted\xc3\xac"), W("mercoled\xc3\xac"),
	W("gioved\xc3\xac"), W("venerd\xc3\xac"),
	W("maandag"), W("dinsdag"), W("woensdag"), W("donderdag"),
	W("vrijdag"), W("zaterdag"), W("zondag"),
};

/* Zone names that RFC 2822 and US pages use; the value is the offset. */
static const struct lexicon_entry time_zones[] = {
	{"gmt", 0}, {"utc", 0}, {"ut", 0}, {"z", 0},
	{"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
	{"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
	{"cet", 60}, {"cest", 120}, {"bst", 60},
};

/*
 * The other words a dateline is made of: labels, clock words, zones
 * without a fixed offset, and the small words between them.  A word that
 * says on its own that the line is a date has the value DATE_WORD_SURE
 * ("today", "ago"); a clock's half of the day, DATE_WORD_CLOCK, says so
 * after a number ("10 p.m.").  "Day 3 at sea" has neither.
 */
static const struct lexicon_entry date_words[] = {
	{"am", DATE_WORD_CLOCK}, {"pm", DATE_WORD_CLOCK},
	{"a.m", DATE_WORD_CLOCK}, {"p.m", DATE_WORD_CLOCK}, W("updated"),
	W("published"), W("posted"), W("modified"), W("last"), W("on"),
	W("at"), W("of"), W("ist"), W("et"), W("pt"), {"ago", DATE_WORD_SURE},
	W("hours"), W("hour"), W("minutes"), W("min"), W("mins"), W("days"),
	W("day"), {"today", DATE_WORD_SURE}, {"yesterday", DATE_WORD_SURE},
	W("read"), W("time"), W("aktualisiert"),
	W("ver\xc3\xb6" "ffentlicht"), W("um"), {"uhr", DATE_WORD_CLOCK},
	W("le"), W("\xc3\xa0"), W("mis"), W("jour"), W("publi\xc3\xa9"),
	W("de"), W("del"), W("\xc3\xa0s"), W("oleh"), W("pada"), W("door"),
	W("op"),
};

/* How a date line starts when no class marks it. */
static const struct lexicon_entry date_openers[] = {
	W("published"), W("posted"), W("date"), W("datum"),
	W("ver\xc3\xb6" "ffentlicht"), W("ver\xc3\xb6" "ffentlichung"),
	W("publi\xc3\xa9"), W("publicado"), W("pubblicato"), W("erschienen"),
};

/* ---- who wrote it ---- */

/* How a byline opens, in the body and in byline elements alike. */
static const struct lexicon_entry byline_openers[] = {
	W("by"), W("von"), W("par"), W("por"), W("di"), W("door"), W("av"),
	W("written by"), W("posted by"), W("published by"),
	W("story by"), W("text by"), W("words by"),
};

/* Labels before an author's name ("Autor: ..."). */
static const struct lexicon_entry author_labels[] = {
	W("author"), W("authors"), W("autor"), W("autorin"), W("auteur"),
	W("text:"), W("redaktion:"),
};

/* Words where a byline's names have ended: dates and labels. */
static const struct lexicon_entry author_ends[] = {
	W("last"), W("updated"), W("update"), W("published"), W("posted"),
	W("modified"), W("min"), W("read"), W("ago"), W("aktualisiert"),
	W("ver\xc3\xb6" "ffentlicht"), W("publi\xc3\xa9"), W("mis"), W("on"),
	W("am"), W("le"), W("at"), W("um"), W("|"),
};

/* Credits that name someone other than the writer. */
static const struct lexicon_entry credit_kinds[] = {
	W("foto"), W("photo"), W("bild"), W("image"), W("credit"),
	W("quelle"), W("source"), W("illustration"), W("video"),
};

/* Accounts and labels, not people. */
static const struct lexicon_entry not_names[] = {
	W("admin"), W("administrator"), W("anonymous"), W("unknown"),
	W("guest"), W("user"), W("null"), W("undefined"), W("by"),
	W("author"), W("authors"),
};

/* Small words inside names ("Jane van Doe"). */
static const struct lexicon_entry name_particles[] = {
	W("van"), W("von"), W("der"), W("den"), W("de"), W("du"), W("la"),
	W("le"), W("da"), W("di"), W("del"), W("dos"), W("bin"), W("al"),
	W("of"),
};

/* Yoast's reading-time cards: twitter:labelN "Written by". */
static const struct lexicon_entry meta_byline_labels[] = {
	W("written by"), W("verfasst von"), W("geschrieben von"),
	W("auteur"), W("\xc3\xa9" "crit par"), W("escrito por"),
	W("scritto da"), W("author"),
};

/* ---- page furniture among the paragraphs ---- */

/* "Read also: <headline>": pointers to other pages, opening a line. */
static const struct lexicon_entry teaser_labels[] = {
	W("read more"), W("read also"), W("also read"), W("see also"),
	W("related:"), W("related post:"), W("related article:"),
	W("related story:"), W("related link:"), W("related articles"),
	W("related stories"), W("related posts"), W("more:"),
	W("explore further"), W("recommended"), W("you may also like"),
	W("you might also like"), W("don't miss"), W("watch:"),
	W("listen:"), W("lesen sie auch"), W("lesen sie mehr"),
	W("schon gelesen"), W("weiterlesen"), W("auch interessant"),
	W("das k\xc3\xb6nnte sie auch interessieren"), W("lire aussi"),
	W("\xc3\xa0 lire aussi"), W("voir aussi"), W("lea tambi\xc3\xa9n"),
	W("lee tambi\xc3\xa9n"), W("ver tambi\xc3\xa9n"), W("mire:"),
	W("leia tamb\xc3\xa9m"), W("leia mais"), W("veja tamb\xc3\xa9m"),
	W("leggi anche"), W("vedi anche"),
	W("\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
	  "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5"), /* Russian */
};

/* Calls to action; a short block needs a total weight to be one. */
static const struct lexicon_entry promo_cues[] = {
	{"follow us", 2}, {"follow him", 2}, {"follow her", 2},
	{"follow them", 2}, {"follow me", 2}, {"on twitter", 1},
	{"on facebook", 1}, {"on instagram", 1}, {"on linkedin", 1},
	{"subscribe to", 2}, {"subscribe now", 3}, {"sign up for", 2},
	{"sign up to", 2}, {"newsletter", 2}, {"to your inbox", 2},
	{"in your inbox", 2}, {"delivered to your", 1}, {"click here", 1},
	{"may be reached at", 3}, {"can be reached at", 3},
	{"have a tip?", 2}, {"got a tip?", 2}, {"send us", 1},
	{"join our", 1}, {"download our app", 3}, {"get the app", 2},
	{"support our journalism", 3}, {"become a member", 2},
	{"share it with", 2}, {"subscribe to our", 3},
	{"click here for more information", 2}, {"like this story?", 2},
	{"like this article?", 2}, {"abonnieren", 2},
	{"newsletter abonnieren", 3}, {"folgen sie uns", 3},
	{"suivez-nous", 3}, {"abonnez-vous", 3}, {"s\xc3\xadguenos", 3},
	{"suscr\xc3\xad" "bete", 3}, {"siga-nos", 3}, {"seguici", 3},
};

/* A short line that opens with the call itself. */
static const struct lexicon_entry promo_openers[] = {
	W("subscribe to"), W("subscribe for"), W("sign up for"),
	W("sign up to"), W("follow us"), W("follow our"),
};

/* Wire-service credits closing a story. */
static const struct lexicon_entry credit_openers[] = {
	W("reporting by"), W("(reporting by"), W("additional reporting by"),
	W("editing by"), W("(editing by"), W("compiled by"),
	W("writing by"), W("(writing by"), W("mitarbeit:"), W("avec afp"),
	W("with afp"),
};

static const struct lexicon_entry credit_phrases[] = {
	W("contributed to this report"), W("contributed reporting"),
};

/* Labels beside the page's furniture, each a whole line. */
static const struct lexicon_entry chrome_labels[] = {
	W("advert"), W("advertisement"), W("advertising"), W("sponsored"),
	W("ad"), W("anzeige"), W("werbung"), W("publicidad"),
	W("publicit\xc3\xa9"), W("pubblicit\xc3\xa0"), W("publicidade"),
	W("\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0"),
	W("share"), W("share this"), W("share this article"),
	W("share this story"), W("tweet"), W("print"), W("email"),
	W("continue reading"), W("skip advert"), W("skip ad"),
	W("scroll to continue"), W("story continues below"),
	W("article continues below"), W("continue reading below"),
	/* gallery and player controls */
	W("close"), W("caption"), W("hide caption"), W("toggle caption"),
	W("expand"), W("enlarge"), W("enlarge this image"), W("fullscreen"),
	W("view gallery"), W("open gallery"), W("play video"),
	W("watch video"),
	/* labels over a box of other stories */
	W("trending"), W("trending now"), W("trending news"),
	W("related news"), W("related"), W("related stories"),
	W("related articles"), W("more stories"), W("most read"),
	W("most popular"), W("subscribe"), W("recommended"),
};

/* Notices a line opens with: reading time, copyright, a player's. */
static const struct lexicon_entry chrome_notices[] = {
	W("reading time"), W("tempo de leitura"), W("tiempo de lectura"),
	W("temps de lecture"), W("lesezeit"), W("tempo di lettura"),
	W("\xd0\xb2\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f "
	  "\xd1\x87\xd1\x82\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f"),
	W("\xc2\xa9"), W("copyright \xc2\xa9"), W("(c)"),
	W("media playback is unsupported"),
	W("this slideshow requires javascript"),
	W("your browser does not support"), W("please enable javascript"),
	W("you need to enable javascript"), W("javascript is required"),
	W("javascript is disabled"),
};

/* Who took a picture, said on a line of its own. */
static const struct lexicon_entry picture_credits[] = {
	W("image copyright"), W("image credit"), W("(image credit"),
	W("image source"), W("photo credit"), W("(photo credit"),
	W("picture credit"), W("copyright image"), W("image:"),
	W("(image:"), W("photo:"), W("(photo:"), W("foto:"), W("bild:"),
	W("bildquelle"), W("fonte:"), W("cr\xc3\xa9" "dit photo"),
	W("cr\xc3\xa9" "dits photo"),
};

/* What a comment box says about itself: a comment word ... */
static const struct lexicon_entry comment_words[] = {
	W("comment"), W("comments"), W("commenting"), W("commented"),
	W("coment\xc3\xa1rio"), W("coment\xc3\xa1rios"), W("comentario"),
	W("comentarios"), W("kommentar"), W("kommentare"),
	W("commentaire"), W("commentaires"), W("commento"), W("commenti"),
};

/* ... and a word of its rules. */
static const struct lexicon_entry comment_rules[] = {
	W("moderated"), W("moderation"), W("moderating"), W("moderator"),
	W("moderators"), W("moderate"), W("are closed"), W("is closed"),
	W("closed for"), W("approved"), W("aprovados"), W("aprobados"),
	W("freigeschaltet"), W("spam"), W("guidelines"),
	W("ferm\xc3\xa9s"), W("chiusi"),
};

/* The labels of a blog engine's post line. */
static const struct lexicon_entry post_meta_labels[] = {
	W("posted by"), W("posted in"), W("posted on"), W("written by"),
	W("filed under"), W("category:"), W("categories:"), W("tags:"),
	W("publicado por"), W("publicado em"), W("categoria:"),
	W("publi\xc3\xa9 par"), W("cat\xc3\xa9gorie"),
	W("ver\xc3\xb6" "ffentlicht von"), W("kategorie:"),
	W("pubblicato da"), W("etiquetas:"),
};

/* ---- notices about the content ---- */

/* Wording of notices about the content; the value is its weight.  A
 * block needs DISCLAIMER_THRESHOLD (extract_legal.c) in all. */
static const struct lexicon_entry legal_phrases[] = {
	/* as is, no warranty, no liability */
	{"\"as is\"", 2},
	{"without warranty", 3},
	{"without warranties", 3},
	{"no warranty", 3},
	{"no warranties", 3},
	{"makes no representation", 3},
	{"make no representations", 3},
	{"representations or warranties", 3},
	{"accuracy or completeness", 2},
	{"accuracy, completeness", 2},
	{"cannot guarantee the accuracy", 2},
	{"not responsible for", 1},
	{"not responsible for the content", 3},
	{"accept no responsibility", 2},
	{"accept any responsibility", 2},
	{"not be liable", 2},
	{"no liability", 2},
	{"liability for", 1},
	/* not advice */
	{"for informational purposes", 3},
	{"for information purposes", 3},
	{"for general information", 2},
	{"for educational purposes only", 3},
	{"not intended to provide", 2},
	{"should not be relied", 2},
	{"does not constitute", 2},
	{"not meant to constitute", 2},
	{"not be construed as", 2},
	{"should not be considered", 1},
	{"investment advice", 2},
	{"financial advice", 2},
	{"legal advice", 2},
	{"medical advice", 2},
	{"tax advice", 2},
	{"professional advice", 2},
	{"not investment advice", 4},
	{"not financial advice", 4},
	{"not legal advice", 3},
	{"consult your", 1},
	{"consult a qualified", 1},
	{"substitute for", 1},
	{"not intended to diagnose", 3},
	{"diagnose, treat, cure", 3},
	{"do your own research", 3},
	{"past performance", 2},
	{"investing involves risk", 2},
	/* forward-looking statements */
	{"forward-looking statements", 4},
	{"forward looking statements", 4},
	{"safe harbor", 2},
	/* the author's views */
	{"views expressed", 2},
	{"opinions expressed", 2},
	{"do not necessarily reflect", 3},
	{"does not necessarily reflect", 3},
	{"are those of the author", 3},
	{"author's alone", 3},
	{"are solely those of", 3},
	{"otherwise endorsed", 2},
	/* affiliate links and sponsorship */
	{"affiliate link", 3},
	{"affiliate links", 3},
	{"affiliate commission", 3},
	{"we may earn a commission", 4},
	{"may receive a commission", 4},
	{"earn a commission", 2},
	{"earn a small commission", 3},
	{"may earn commissions", 3},
	{"at no extra cost to you", 2},
	{"at no additional cost to you", 2},
	{"amazon associate", 3},
	{"sponsored by", 1},
	{"paid for by", 1},
	{"in collaboration with", 1},
	{"no compensation", 1},
	/* syndication */
	{"originally published", 1},
	{"republished with permission", 3},
	{"this content was produced", 2},
	{"copyright issues", 2},
	{"kindly contact the provider", 3},
	/* de */
	{"keine haftung", 3},
	{"ohne gewähr", 3},
	{"keine gewähr", 3},
	{"keine anlageberatung", 4},
	{"keine rechtsberatung", 4},
	{"deren betreiber verantwortlich", 3},
	{"erhalten wir eine provision", 3},
	/* fr */
	{"à titre informatif", 3},
	{"ne constitue pas un conseil", 4},
	{"décline toute responsabilité", 3},
	{"sans garantie", 3},
	{"liens affiliés", 3},
	/* es */
	{"fines informativos", 3},
	{"no constituye", 2},
	{"no se hace responsable", 3},
	{"sin garantía", 3},
	{"enlaces de afiliado", 3},
	/* pt */
	{"não constitui", 2},
	{"não se responsabiliza", 3},
	{"sem garantia", 3},
	{"links de afiliado", 3},
	/* it */
	{"scopo informativo", 3},
	{"non costituisce", 2},
	{"alcuna responsabilità", 3},
	{"senza garanzia", 3},
	{"link di affiliazione", 3},
	/* ru, zh */
	{"информационный характер", 3},
	{"не является инвестиционной", 4},
	{"仅供参考", 3},
	{"不构成投资建议", 4},
};

/* Words of the page's other notices, which are not about the content. */
static const struct lexicon_entry other_notices[] = {
	{"cookie", -6},
	{"cookies", -6},
	{"newsletter", -4},
	{"subscribe", -3},
	{"sign up", -3},
	{"privacy policy", -1},
};

/* The company statement that closes a press release. */
static const struct lexicon_entry profile_phrases[] = {
	{"is headquartered in", 2},
	{"headquartered in", 1},
	{"employs around", 2},
	{"employs approximately", 2},
	{"employs about", 2},
	{"employs more than", 2},
	{"employs over", 2},
	{"employees worldwide", 2},
	{"employees in", 1},
	{"subsidiaries in", 2},
	{"offices in", 1},
	{"operations in", 1},
	{"customers in", 1},
	{"shares are listed", 2},
	{"listed on the", 1},
	{"traded on the", 1},
	{"founded in", 1},
	{"for more information, visit", 2},
	{"for more information, please visit", 2},
	{"provider of", 1},
	{"leading provider", 1},
	{"global provider", 1},
	{"solutions provider", 1},
	{"global leader", 1},
	{"world leader", 1},
};

/* Verbs that define the subject at the opening of a profile. */
static const struct lexicon_entry profile_verbs[] = {
	W("is a"), W("is an"), W("is the"), W("is one of"), W("are a"), W("est un"), W("est une"), W("ist ein"), W("ist eine"), W("es una"), W("es un"), W("é uma"), W("é um"),
};

/* A notice speaks of the page it is on. */
static const struct lexicon_entry self_references[] = {
	W("this article"), W("this post"), W("this page"), W("this site"), W("this website"),
	W("this blog"), W("this content"), W("this material"), W("this information"),
	W("this video"), W("this report"), W("this release"), W("this review"),
	W("the author"), W("the authors"), W("the writer"), W("the publisher"),
	W("nothing on this"), W("nothing in this"), W("we"), W("our"), W("i am not"),
	W("i'm not"), W("i may"), W("dieser artikel"), W("dieser beitrag"),
	W("diese seite"), W("cet article"), W("ce site"), W("este artículo"),
	W("este sitio"), W("este artigo"), W("este site"), W("questo articolo"),
	W("questo sito"),
};

/* Words that name a notice, as the last words of a label. */
static const struct lexicon_entry notice_labels[] = {
	W("disclaimer"), W("disclaimers"), W("disclosure"), W("disclosures"),
	W("forward-looking statements"), W("safe harbor statement"),
	W("safe harbour statement"),
	W("haftungsausschluss"), W("haftungshinweis"), W("avertissement"),
	W("non-responsabilité"), W("aviso legal"),
	W("descargo de responsabilidad"), W("exención de responsabilidad"),
	W("isenção de responsabilidade"), W("esclusione di responsabilità"),
	W("отказ от ответственности"), W("免责声明"), W("免責事項"),
};

/* ---- the registry ---- */

static const struct lexicon_list lists[LEX_COUNT] = {
	LIST(LEX_MONTHS, "date words", months),
	LIST(LEX_WEEKDAYS, "date words", weekdays),
	LIST(LEX_TIME_ZONES, "date words", time_zones),
	LIST(LEX_DATE_WORDS, "date words", date_words),
	LIST(LEX_DATE_OPENERS, "line openers", date_openers),
	LIST(LEX_BYLINE_OPENERS, "line openers", byline_openers),
	LIST(LEX_AUTHOR_LABELS, "line openers", author_labels),
	LIST(LEX_AUTHOR_ENDS, "author words", author_ends),
	LIST(LEX_CREDIT_KINDS, "credit kinds", credit_kinds),
	LIST(LEX_NOT_NAMES, "names", not_names),
	LIST(LEX_NAME_PARTICLES, "names", name_particles),
	LIST(LEX_META_BYLINE_LABELS, "meta labels", meta_byline_labels),
	LIST(LEX_TEASER_LABELS, "line openers", teaser_labels),
	LIST(LEX_PROMO_CUES, "promotion", promo_cues),
	LIST(LEX_PROMO_OPENERS, "line openers", promo_openers),
	LIST(LEX_CREDIT_OPENERS, "line openers", credit_openers),
	LIST(LEX_CREDIT_PHRASES, "credit phrases", credit_phrases),
	LIST(LEX_CHROME_LABELS, "whole lines", chrome_labels),
	LIST(LEX_CHROME_NOTICES, "line openers", chrome_notices),
	LIST(LEX_PICTURE_CREDITS, "line openers", picture_credits),
	LIST(LEX_COMMENT_WORDS, "comment words", comment_words),
	LIST(LEX_COMMENT_RULES, "comment rules", comment_rules),
	LIST(LEX_POST_META_LABELS, "post labels", post_meta_labels),
	LIST(LEX_LEGAL_PHRASES, "notice words", legal_phrases),
	LIST(LEX_OTHER_NOTICES, "notice words", other_notices),
	LIST(LEX_PROFILE_PHRASES, "profile words", profile_phrases),
	LIST(LEX_PROFILE_VERBS, "profile verbs", profile_verbs),
	LIST(LEX_SELF_REFERENCES, "self references", self_references),
	LIST(LEX_NOTICE_LABELS, "notice labels", notice_labels),
};

const struct lexicon_list *lexicon_list(enum lexicon_id id)
{
	return &lists[id];
}

/* ---- the matcher ---- */

const struct lexicon_entry *lexicon_find(const struct folded *f,
					 enum lexicon_id id)
{
	const struct lexicon_list *l = &lists[id];

	for (size_t i = 0; i < l->count; i++) {
		if (fold_find(f, l->entries[i].text))
			return &l->entries[i];
	}
	return NULL;
}

int lexicon_weigh(const struct folded *f, enum lexicon_id id)
{
	const struct lexicon_list *l = &lists[id];
	int sum = 0;

	for (size_t i = 0; i < l->count; i++) {
		if (fold_find(f, l->entries[i].text))
			sum += l->entries[i].value;
	}
	return sum;
}

size_t lexicon_count(const struct folded *f, enum lexicon_id id)
{
	const struct lexicon_list *l = &lists[id];
	size_t n = 0;

	for (size_t i = 0; i < l->count; i++)
		n += fold_find(f, l->entries[i].text) != NULL;
	return n;
}

/* True if the entry ends at a word's edge of f at byte n. */
static bool ends_at_edge(const struct folded *f, const char *entry, size_t n)
{
	unsigned char last = (unsigned char)entry[n - 1];

	/* an entry that ends in a letter or digit must end a word */
	if (last < 0x80 && !ascii_is_alnum(last))
		return true;
	return !fold_is_word_at(f, n);
}

const struct lexicon_entry *lexicon_opening(const struct folded *f,
					    enum lexicon_id id)
{
	const struct lexicon_list *l = &lists[id];
	const struct lexicon_entry *best = NULL;
	size_t best_len = 0;

	/* the longest opening: "related stories" before "related" */
	for (size_t i = 0; i < l->count; i++) {
		const char *e = l->entries[i].text;
		size_t n = strlen(e);
		if (n > best_len && n <= f->len && !memcmp(f->s, e, n) &&
		    ends_at_edge(f, e, n)) {
			best = &l->entries[i];
			best_len = n;
		}
	}
	return best;
}

const struct lexicon_entry *lexicon_whole(const struct folded *f,
					  enum lexicon_id id)
{
	const struct lexicon_list *l = &lists[id];

	for (size_t i = 0; i < l->count; i++) {
		if (!strcmp(f->s, l->entries[i].text))
			return &l->entries[i];
	}
	return NULL;
}

const struct lexicon_entry *lexicon_word(enum lexicon_id id, const char *w,
					 size_t len)
{
	struct folded f;

	if (!len || len > 64)
		return NULL;
	fold_text(w, len, &f);
	return lexicon_whole(&f, id);
}

/* ---- the class and id vocabulary ---- */

/*
 * The idea (and the shape of the word lists) follows Readability's
 * "unlikely candidates" and class-weight patterns: authors name their
 * containers after what they hold, so "comments", "sidebar" or
 * "share-bar" in a class or id says more than any text statistic.
 * Matching is by substring on the lower-cased "class id" string.  Words
 * that are substrings of common content names (e.g. "ad" in "header",
 * "read") are written with their delimiters ("-ad-", "ad-").
 */

/* Containers that are boilerplate wherever they appear. */
static const char *const boiler_words[] = {
	"banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
	"disqus", "extra", "footer", "gdpr", "legends", "menu", "related",
	"remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
	"social", "sponsor", "supplemental", "ad-break", "agegate",
	"pagination", "pager", "popup", "cookie", "consent", "newsletter",
	"subscribe", "share", "sharing", "promo", "advert", "outbrain",
	"taboola", "signup", "sign-up", "modal", "masthead", "navbar",
	"navigation", "recommend", "trending", "most-popular", "mostpopular",
	"read-more", "readmore", "more-stories", "jump-link", "skip-link",
	"social-", "toolbar", "print-only", "author-bio", "byline", "dateline",
	"related-", "ads-", "-ads", "ad-slot",
	"adslot", "ad-container", "ad-wrapper", "ad-unit", "dfp-",
	"hidden-print", "visually-hidden", "sr-only", "screen-reader",
	"pswp", "lightbox", "tags", "tag-list", "article-tags", "keywords",
	"feedback", "rating", "login", "donate", "carousel",
};

/* Words that rescue a container from the list above. */
static const char *const content_words[] = {
	"article", "body", "column", "content", "main", "shadow", "post",
	"entry", "story", "text", "blog",
	/* an embedded post (a tweet, a video) quoted by the article */
	"embed",
};

static const char *const negative_words[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"foot", "footnote", "gdpr", "masthead", "media", "meta", "outbrain",
	"promo", "related", "scroll", "share", "shoutbox", "sidebar",
	"skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
	"caption", "byline", "author", "subscribe", "newsletter",
};

static const char *const positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "post", "text", "blog", "story", "prose", "rich-text",
	"richtext",
};

static bool has_any(struct str s, const char *const *words, size_t n)
{
	return str_ifind_any(s, words, n) >= 0;
}

#define HAS_ANY(s, list) has_any((s), (list), sizeof(list) / sizeof(list[0]))

int class_weight(const struct dom *d, uint32_t i)
{
	int w = 0;
	struct str cls = dom_attr(d, i, "class");
	struct str id = dom_attr(d, i, "id");

	if (cls.len) {
		if (HAS_ANY(cls, negative_words))
			w -= 25;
		if (HAS_ANY(cls, positive_words))
			w += 25;
	}
	if (id.len) {
		if (HAS_ANY(id, negative_words))
			w -= 25;
		if (HAS_ANY(id, positive_words))
			w += 25;
	}
	return w;
}

/*
 * A name that holds a content word besides a boilerplate word is judged
 * by what else it says: a wrapper that only says what sits beside it
 * ("content-sidebar-wrap", "has-sidebar") or an embedded post quoted by
 * the article ("social-media-embed") holds content.
 */
static const char *const holder_words[] = {
	"has-", "with-", "no-", "wrap", "layout", "embed",
};

/*
 * Judged one class name at a time: a name that pairs a content word with
 * a boilerplate word ("article-related-stories", "comment-body",
 * "post-share") names a part of the page beside the content; only a name
 * whose words are all content ("article-body"), or a holder, rescues
 * the element.
 */
static bool names_boilerplate(struct str s)
{
	bool boiler = false;

	if (!s.len || s.len >= 400 || !HAS_ANY(s, boiler_words))
		return false;
	for (size_t i = 0; i < s.len;) {
		while (i < s.len && ascii_is_space((unsigned char)s.ptr[i]))
			i++;
		size_t start = i;
		while (i < s.len && !ascii_is_space((unsigned char)s.ptr[i]))
			i++;
		if (i == start)
			break;
		struct str name = str_make(s.ptr + start, i - start);
		bool names_boiler = HAS_ANY(name, boiler_words);
		if (HAS_ANY(name, content_words) &&
		    (!names_boiler || HAS_ANY(name, holder_words)))
			return false;
		boiler |= names_boiler;
	}
	return boiler;
}

bool class_is_boilerplate(const struct dom *d, uint32_t i)
{
	struct str role = dom_attr(d, i, "role");

	if (role.len &&
	    (str_ieq(role, "navigation") || str_ieq(role, "banner") ||
	     str_ieq(role, "complementary") || str_ieq(role, "contentinfo") ||
	     str_ieq(role, "menu") || str_ieq(role, "menubar") ||
	     str_ieq(role, "dialog") || str_ieq(role, "alertdialog")))
		return true;
	return names_boilerplate(dom_attr(d, i, "class")) ||
	       names_boilerplate(dom_attr(d, i, "id"));
}

/*
 * Class names that CSS frameworks define as hidden ("d-none", "sr-only"
 * ...), as whole class tokens, since "hidden-xs" is visible.
 */
static const char *const hiding_classes[] = {
	"hidden", "d-none", "is-hidden", "hide", "invisible", "sr-only",
	"visually-hidden", "visuallyhidden", "screen-reader-text",
	"screen-reader-only", "offscreen",
};

bool class_token_hides(const char *tok, size_t len)
{
	for (size_t k = 0; k < COUNT(hiding_classes); k++) {
		if (str_ieq(str_make(tok, len), hiding_classes[k]))
			return true;
	}
	return false;
}
