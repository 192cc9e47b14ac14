/*
 * cli.c - getopt_long into struct options.  Option names follow curl's
 * where they mean the same thing (-A, -H, -b, -x, -k, -m ...), so users
 * can carry their habits over.
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/msg.h"
#include "render/property.h"
#include "base/str.h"

enum {
	OPT_JSON = 256,
	OPT_FORMAT,
	OPT_BASE_URL,
	OPT_STATUS,
	OPT_CONTENT_TYPE,
	OPT_CONNECT_TIMEOUT,
	OPT_MAX_REDIRS,
	OPT_MAX_FILESIZE,
	OPT_PARALLEL,
	OPT_PARALLEL_HOST,
	OPT_HOST_DELAY,
	OPT_RETRY,
	OPT_RETRY_DELAY,
	OPT_RETRY_MAX_WAIT,
	OPT_WORKERS,
	OPT_PARSE_TIMEOUT,
	OPT_PARSE_MEMORY,
	OPT_KEEP_ORDER,
	OPT_RESUME,
	OPT_EXIT_ZERO,
	OPT_DENY_PRIVATE,
	OPT_CACERT,
	OPT_MARKDOWN,
	OPT_WITH_MARKDOWN,
	OPT_LINKS,
	OPT_IMAGES,
	OPT_WARC,
	OPT_WARC_OUTPUT,
	OPT_SHARD,
	OPT_EXPLAIN,
	OPT_WITHOUT_RULE,
	OPT_LIST_RULES,
};

static const struct option long_options[] = {
	{"json", no_argument, NULL, OPT_JSON},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"markdown", no_argument, NULL, OPT_MARKDOWN},
	{"with-markdown", no_argument, NULL, OPT_WITH_MARKDOWN},
	{"links", no_argument, NULL, OPT_LINKS},
	{"images", no_argument, NULL, OPT_IMAGES},
	{"property", required_argument, NULL, 'p'},
	{"warc", no_argument, NULL, OPT_WARC},
	{"base-url", required_argument, NULL, OPT_BASE_URL},
	{"status", required_argument, NULL, OPT_STATUS},
	{"content-type", required_argument, NULL, OPT_CONTENT_TYPE},
	{"user-agent", required_argument, NULL, 'A'},
	{"header", required_argument, NULL, 'H'},
	{"cookie", required_argument, NULL, 'b'},
	{"proxy", required_argument, NULL, 'x'},
	{"insecure", no_argument, NULL, 'k'},
	{"cacert", required_argument, NULL, OPT_CACERT},
	{"deny-private", no_argument, NULL, OPT_DENY_PRIVATE},
	{"max-time", required_argument, NULL, 'm'},
	{"connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
	{"max-redirs", required_argument, NULL, OPT_MAX_REDIRS},
	{"max-filesize", required_argument, NULL, OPT_MAX_FILESIZE},
	{"speed-limit", required_argument, NULL, 'Y'},
	{"speed-time", required_argument, NULL, 'y'},
	{"input-file", required_argument, NULL, 'i'},
	{"output", required_argument, NULL, 'o'},
	{"parallel", required_argument, NULL, OPT_PARALLEL},
	{"parallel-host", required_argument, NULL, OPT_PARALLEL_HOST},
	{"host-delay", required_argument, NULL, OPT_HOST_DELAY},
	{"retry", required_argument, NULL, OPT_RETRY},
	{"retry-delay", required_argument, NULL, OPT_RETRY_DELAY},
	{"retry-max-wait", required_argument, NULL, OPT_RETRY_MAX_WAIT},
	{"workers", required_argument, NULL, OPT_WORKERS},
	{"parse-timeout", required_argument, NULL, OPT_PARSE_TIMEOUT},
	{"parse-memory", required_argument, NULL, OPT_PARSE_MEMORY},
	{"keep-order", no_argument, NULL, OPT_KEEP_ORDER},
	{"resume", no_argument, NULL, OPT_RESUME},
	{"exit-zero", no_argument, NULL, OPT_EXIT_ZERO},
	{"shard", required_argument, NULL, OPT_SHARD},
	{"explain", no_argument, NULL, OPT_EXPLAIN},
	{"without-rule", required_argument, NULL, OPT_WITHOUT_RULE},
	{"list-rules", no_argument, NULL, OPT_LIST_RULES},
	{"warc-output", required_argument, NULL, OPT_WARC_OUTPUT},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

void cli_usage(FILE *to)
{
	fputs("usage: extract [options] URL|FILE|-\n"
	      "       extract -i LIST [options]\n"
	      "       extract --warc [options] FILE.warc[.gz]...|-\n"
	      "Print a web page's title and main text, or a JSON record.\n"
	      "\n"
	      "Output:\n"
	      "  --json                 one JSON object per input (JSON Lines)\n"
	      "  --markdown             the page as CommonMark (GFM tables)\n"
	      "  --format text|json|markdown  the output format (default text)\n"
	      "  --with-markdown        JSON: add the body as CommonMark\n"
	      "  --links                JSON: add the links of the main text\n"
	      "  --images               JSON: add the images of the main text\n"
	      "  -p, --property NAME    print only this field of the record\n"
	      "                         (repeatable; raw, or JSON with --json)\n"
	      "  --explain              why each block of the page is in the body\n"
	      "                         or not: its verdict and the rule that\n"
	      "                         decided (JSON: an \"explain\" array)\n"
	      "  --without-rule NAME    turn a block rule off (repeatable;\n"
	      "                         --list-rules names them)\n"
	      "  -o, --output FILE      write records to FILE, not stdout\n"
	      "  -q, --quiet            no diagnostics for error pages; in batch\n"
	      "                         mode no per-input lines, progress or summary\n"
	      "Input:\n"
	      "  --base-url URL         the URL a local page came from\n"
	      "  --status CODE          the HTTP status a local page came with\n"
	      "  --content-type TYPE    the Content-Type a local page came with\n"
	      "  --warc                 the inputs are WARC files (- : a list of\n"
	      "                         their paths on stdin); JSON by default\n"
	      "Fetching:\n"
	      "  -A, --user-agent UA    the User-Agent header\n"
	      "  -H, --header 'N: V'    an extra request header (repeatable)\n"
	      "  -b, --cookie DATA|FILE cookies to send\n"
	      "  -x, --proxy URL        the proxy to use\n"
	      "  -k, --insecure         do not verify TLS certificates\n"
	      "      --cacert FILE      trust the CA certificates in FILE (PEM)\n"
	      "                         instead of the system's\n"
	      "      --deny-private     never connect to loopback, private,\n"
	      "                         link-local or multicast addresses\n"
	      "  -m, --max-time SECS    the deadline for one transfer (60)\n"
	      "      --connect-timeout SECS  the connect deadline (10)\n"
	      "      --max-redirs N     redirects to follow (10)\n"
	      "      --max-filesize BYTES  the largest response (16 MiB)\n"
	      "  -Y, --speed-limit B/S  abort a transfer slower than this ... (1000)\n"
	      "  -y, --speed-time SECS  ... for this long (15)\n"
	      "Batch mode:\n"
	      "  -i, --input-file LIST  one URL or file per line (- for stdin)\n"
	      "      --parallel N       transfers at once (16)\n"
	      "      --parallel-host N  transfers at once to one host (4)\n"
	      "      --host-delay SECS  pause between requests to one host (0)\n"
	      "      --retry N          retries of a transient failure (2)\n"
	      "      --retry-delay SECS first wait, doubled each retry (1)\n"
	      "      --retry-max-wait SECS  the longest wait; a longer\n"
	      "                         Retry-After ends the retries (30)\n"
	      "      --keep-order       write records in list order\n"
	      "      --resume           with -o: skip entries already in FILE\n"
	      "      --exit-zero        exit 0 even if inputs failed\n"
	      "      --shard I/N        only the entries of shard I of N (1-based;\n"
	      "                         URLs by host, files by path)\n"
	      "      --warc-output FILE keep every fetched response (WARC, gzip)\n"
	      "      --workers N        parser processes (one per CPU)\n"
	      "      --parse-timeout SECS  CPU time to parse one page (10)\n"
	      "      --parse-memory MIB memory of one parser process (2048)\n"
	      "Other:\n"
	      "  -h, --help             this help\n"
	      "  -V, --version          the version\n"
	      "\n"
	      "Exit status: 0 extracted, 1 error page, 2 usage, 3 fetch failed,\n"
	      "4 unreadable or not HTML, 5 output not written; in batch mode the\n"
	      "highest of all inputs, 130 after SIGINT and 143 after SIGTERM.\n",
	      to);
}

static int parse_number(const char *opt, const char *arg, double min,
			double max, double *out)
{
	char *end;

	errno = 0;
	double v = strtod(arg, &end);
	if (errno || end == arg || *end || v < min || v > max)
		return error("%s: invalid number '%s'", opt, arg);
	*out = v;
	return 0;
}

/* Numbers with a range, and the flags, of batch mode. */
static int parse_batch_number(int c, const char *arg, struct batch_options *b)
{
	static const struct {
		int c;
		const char *name;
		double min, max;
	} ranges[] = {
	    {OPT_PARALLEL, "--parallel", 1, 10000},
	    {OPT_PARALLEL_HOST, "--parallel-host", 1, 10000},
	    {OPT_HOST_DELAY, "--host-delay", 0, 86400},
	    {OPT_RETRY, "--retry", 0, 100},
	    {OPT_RETRY_DELAY, "--retry-delay", 0, 86400},
	    {OPT_RETRY_MAX_WAIT, "--retry-max-wait", 0, 86400},
	    {OPT_WORKERS, "--workers", 1, 256},
	    {OPT_PARSE_TIMEOUT, "--parse-timeout", 1, 86400},
	    {OPT_PARSE_MEMORY, "--parse-memory", 16, 1 << 20},
	};
	double v = 0;
	size_t i = 0;

	while (i < sizeof(ranges) / sizeof(ranges[0]) && ranges[i].c != c)
		i++;
	if (i == sizeof(ranges) / sizeof(ranges[0]))
		return -1;
	if (parse_number(ranges[i].name, arg, ranges[i].min, ranges[i].max, &v))
		return -1;
	switch (c) {
	case OPT_PARALLEL:
		b->parallel = (long)v;
		break;
	case OPT_PARALLEL_HOST:
		b->parallel_host = (long)v;
		break;
	case OPT_HOST_DELAY:
		b->host_delay = v;
		break;
	case OPT_RETRY:
		b->retry = (long)v;
		break;
	case OPT_RETRY_DELAY:
		b->retry_delay = v;
		break;
	case OPT_RETRY_MAX_WAIT:
		b->retry_max_wait = v;
		break;
	case OPT_WORKERS:
		b->workers = (long)v;
		break;
	case OPT_PARSE_TIMEOUT:
		b->parse_timeout = v;
		break;
	default:
		b->parse_memory_mib = (long)v;
		break;
	}
	return 0;
}

static int parse_batch_option(int c, const char *arg, struct options *o)
{
	switch (c) {
	case 'i':
		o->list = arg;
		return 0;
	case OPT_WARC:
		o->warc = true;
		return 0;
	case OPT_WARC_OUTPUT:
		o->batch.warc_output = arg;
		return 0;
	case OPT_SHARD:
		if (batch_shard_parse(arg, &o->batch.shard))
			return error("--shard: '%s' is not I/N with "
				     "1 <= I <= N",
				     arg);
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	case OPT_KEEP_ORDER:
		o->batch.keep_order = true;
		return 0;
	case OPT_RESUME:
		o->batch.resume = true;
		return 0;
	case OPT_EXIT_ZERO:
		o->batch.exit_zero = true;
		return 0;
	default:
		return parse_batch_number(c, arg, &o->batch);
	}
}

static int set_format(const char *name, struct options *o)
{
	static const struct {
		const char *name;
		enum output_format format;
	} formats[] = {
	    {"text", FORMAT_TEXT},
	    {"json", FORMAT_JSON},
	    {"markdown", FORMAT_MARKDOWN},
	};

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(name, formats[i].name) == 0) {
			o->format = formats[i].format;
			o->format_given = true;
			return 0;
		}
	}
	return error("--format: unknown format '%s' (text, json or markdown)",
		     name);
}

/* The output and input options; 1 when c is none of them. */
/* --without-rule NAME: one more name on the comma-separated list */
static int add_without_rule(const char *name, struct options *o)
{
	if (!pipeline_rule_exists(name))
		return error("--without-rule: no block rule is named '%s' "
			     "(see extract --list-rules)", name);
	size_t have = o->without_rules ? strlen(o->without_rules) : 0;
	size_t len = strlen(name);
	char *list = xrealloc(o->without_rules, have + len + 2);
	if (have)
		list[have++] = ',';
	memcpy(list + have, name, len + 1);
	o->without_rules = list;
	return 0;
}

static int parse_io_option(int c, const char *arg, struct options *o)
{
	double v;

	switch (c) {
	case OPT_BASE_URL:
		o->base_url = arg;
		return 0;
	case OPT_STATUS:
		if (parse_number("--status", arg, 100, 999, &v))
			return -1;
		o->status = (long)v;
		return 0;
	case OPT_CONTENT_TYPE:
		o->content_type = arg;
		return 0;
	case 'q':
		o->quiet = true;
		return 0;
	case OPT_JSON:
		return set_format("json", o);
	case OPT_FORMAT:
		return set_format(arg, o);
	case OPT_MARKDOWN:
		return set_format("markdown", o);
	case OPT_WITH_MARKDOWN:
		o->with_markdown = true;
		return 0;
	case OPT_LINKS:
		o->with_links = true;
		return 0;
	case OPT_IMAGES:
		o->with_images = true;
		return 0;
	case OPT_EXPLAIN:
		o->explain = true;
		return 0;
	case OPT_WITHOUT_RULE:
		return add_without_rule(arg, o);
	case 'p':
		o->properties =
		    xrealloc(o->properties,
			     sizeof(*o->properties) * (o->n_properties + 1));
		o->properties[o->n_properties++] = arg;
		return 0;
	default:
		return 1;
	}
}

static int parse_option(int c, const char *arg, struct options *o,
			size_t *n_headers)
{
	double v;
	int rc = parse_io_option(c, arg, o);

	if (rc <= 0)
		return rc;
	switch (c) {
	case 'A':
		o->fetch.user_agent = arg;
		return 0;
	case 'H':
		o->headers = xrealloc(o->headers,
				      sizeof(*o->headers) * (*n_headers + 1));
		o->headers[(*n_headers)++] = arg;
		return 0;
	case 'b':
		o->fetch.cookie = arg;
		return 0;
	case 'x':
		o->fetch.proxy = arg;
		return 0;
	case 'k':
		o->fetch.insecure = true;
		return 0;
	case OPT_CACERT:
		o->fetch.cacert = arg;
		return 0;
	case OPT_DENY_PRIVATE:
		o->fetch.deny_private = true;
		return 0;
	case 'm':
		if (parse_number("--max-time", arg, 0.001, 86400, &v))
			return -1;
		o->fetch.timeout_ms = (long)(v * 1000);
		return 0;
	case OPT_CONNECT_TIMEOUT:
		if (parse_number("--connect-timeout", arg, 0.001, 86400, &v))
			return -1;
		o->fetch.connect_timeout_ms = (long)(v * 1000);
		return 0;
	case OPT_MAX_REDIRS:
		if (parse_number("--max-redirs", arg, 0, 1000, &v))
			return -1;
		o->fetch.max_redirs = (long)v;
		return 0;
	case OPT_MAX_FILESIZE:
		if (parse_number("--max-filesize", arg, 1, 1e12, &v))
			return -1;
		o->fetch.max_bytes = (size_t)v;
		return 0;
	case 'Y':
		if (parse_number("--speed-limit", arg, 1, 1e9, &v))
			return -1;
		o->fetch.low_speed_bytes = (long)v;
		return 0;
	case 'y':
		if (parse_number("--speed-time", arg, 1, 86400, &v))
			return -1;
		o->fetch.low_speed_seconds = (long)v;
		return 0;
	default:
		return parse_batch_option(c, arg, o);
	}
}

/* --warc FILE... or --warc - (the paths on stdin). */
static int cli_check_warc(int argc, char **argv, struct options *o)
{
	if (o->list)
		return error("--warc reads WARC files, -i a list of URLs: "
			     "not both");
	if (o->batch.warc_output)
		return error("--warc-output keeps what batch mode fetches "
			     "(-i); --warc fetches nothing");
	if (optind >= argc)
		return error("--warc needs WARC files, or - for a list of "
			     "them on stdin");
	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0 && argc - optind > 1)
			return error("--warc -: the paths come from stdin, "
				     "not also from the command line");
	}
	if (strcmp(argv[optind], "-") != 0) {
		o->warc_files = (const char *const *)(argv + optind);
		o->n_warc_files = (size_t)(argc - optind);
	}
	/* A WARC file holds many pages: JSON Lines, in file order. */
	if (!o->format_given)
		o->format = FORMAT_JSON;
	o->batch.keep_order = true;
	return 0;
}

/* Options that only batch mode (-i or --warc) understands. */
static int cli_check_batch(const struct options *o)
{
	bool batch = o->list || o->warc;

	if (o->batch.resume && !batch)
		return error("--resume works with -i LIST or --warc only");
	if (o->batch.shard.count && !batch)
		return error("--shard works with -i LIST or --warc only");
	if (o->batch.warc_output && !o->list)
		return error("--warc-output works with -i LIST only");
	if (o->batch.resume && !o->output)
		return error("--resume needs -o FILE");
	if (o->batch.resume && (o->format != FORMAT_JSON || o->properties))
		return error("--resume needs --json (whole records, no -p)");
	return 0;
}

/*
 * -p names fields of the JSON record, and asks for the optional ones it
 * names; --with-markdown, --links and --images are JSON fields too.
 */
static int cli_check_fields(struct options *o)
{
	for (size_t i = 0; i < o->n_properties; i++) {
		const char *name = o->properties[i];

		o->with_markdown |= strcmp(name, "markdown") == 0;
		o->with_links |= strcmp(name, "links") == 0;
		o->with_images |= strcmp(name, "images") == 0;
	}
	if (o->properties && property_check(o->properties, o->n_properties))
		return -1;
	if (o->properties && o->format == FORMAT_MARKDOWN)
		return error("-p prints fields of the JSON record: use it "
			     "with --json or alone, not with markdown");
	if (!o->properties && o->format != FORMAT_JSON &&
	    (o->with_markdown || o->with_links || o->with_images))
		return error("--with-markdown, --links and --images add "
			     "JSON fields: use them with --json or -p");
	return 0;
}

/* One positional input, a list with -i, or WARC files with --warc. */
static int cli_check_inputs(int argc, char **argv, struct options *o)
{
	if (o->warc && cli_check_warc(argc, argv, o))
		return -1;
	if (cli_check_batch(o) || cli_check_fields(o))
		return -1;
	if (o->warc)
		return 0;
	if (o->list) {
		if (optind < argc)
			return error("'%s': give inputs either on the command "
				     "line or with -i, not both",
				     argv[optind]);
		return 0;
	}
	if (optind >= argc)
		return error("no input given (see extract --help)");
	if (argc - optind > 1)
		return error("one input at a time: '%s' is extra (or use -i)",
			     argv[optind + 1]);
	o->input = argv[optind];
	return 0;
}

/*
 * libcurl reads --cacert only when a TLS connection is made: a missing
 * or mistyped bundle would then fail every https entry of a batch, one
 * by one.  So it is checked before anything starts: a file that can be
 * read and holds at least one PEM certificate ("-----BEGIN
 * CERTIFICATE-----", or the TRUSTED and X509 variants OpenSSL also
 * reads).  Whether each certificate parses is left to the TLS library.
 */
static int cli_check_cacert(const char *path)
{
	char line[256];
	struct stat st;
	bool found = false;
	FILE *f = fopen(path, "r");

	if (!f)
		return error("--cacert: cannot read '%s': %s", path,
			     strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return error("--cacert: '%s' is a directory, not a PEM file",
			     path);
	}
	while (!found && fgets(line, sizeof(line), f)) {
		struct str l = str_from(line);

		found = str_starts_with_i(l, "-----BEGIN ") &&
			str_icontains(l, "CERTIFICATE-----");
	}
	if (ferror(f)) {
		int err = errno;

		fclose(f);
		return error("--cacert: cannot read '%s': %s", path,
			     strerror(err));
	}
	fclose(f);
	if (!found)
		return error("--cacert: '%s' holds no PEM certificate", path);
	return 0;
}

/*
 * Decided once at start-up (getenv is not for later): a progress line
 * only on a terminal and without -q; colour unless NO_COLOR is set to
 * anything non-empty or the terminal is "dumb".
 */
static void cli_set_display(struct options *o)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	o->batch.progress = !o->quiet && isatty(STDERR_FILENO);
	o->batch.color = o->batch.progress && !(no_color && *no_color) &&
			 !(term && strcmp(term, "dumb") == 0);
}

int cli_parse(int argc, char **argv, struct options *o)
{
	size_t n_headers = 0;
	int c;

	*o = (struct options){.format = FORMAT_TEXT};
	fetch_options_defaults(&o->fetch);
	batch_options_defaults(&o->batch);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":A:H:b:x:km:qhVi:o:Y:y:p:",
				long_options, NULL)) != -1) {
		if (c == 'h') {
			cli_usage(stdout);
			return 1;
		}
		if (c == OPT_LIST_RULES) {
			pipeline_rules_print(stdout);
			return 1;
		}
		if (c == 'V') {
			printf("extract %s\n", EXTRACT_VERSION);
			return 1;
		}
		if (c == '?') {
			error("unknown option '%s' (see extract --help)",
			      argv[optind - 1]);
			return -1;
		}
		if (c == ':') {
			error("option '%s' needs a value", argv[optind - 1]);
			return -1;
		}
		if (parse_option(c, optarg, o, &n_headers))
			return -1;
	}
	o->fetch.headers = o->headers;
	o->fetch.n_headers = n_headers;
	if (cli_check_inputs(argc, argv, o))
		return -1;
	if (o->fetch.cacert && cli_check_cacert(o->fetch.cacert))
		return -1;
	cli_set_display(o);
	return 0;
}

void cli_release(struct options *o)
{
	free(o->headers);
	o->headers = NULL;
	free(o->properties);
	o->properties = NULL;
	free(o->without_rules);
	o->without_rules = NULL;
}
