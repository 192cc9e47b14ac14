/*
 * cli.c - getopt_long into struct options.  Option names follow curl's
 * where they mean the same thing (-A, -H, -b, -x, -k, -m ...), so users
 * can carry their habits over.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

enum {
	OPT_JSON = 256,
	OPT_FORMAT,
	OPT_BASE_URL,
	OPT_STATUS,
	OPT_CONTENT_TYPE,
	OPT_CONNECT_TIMEOUT,
	OPT_MAX_REDIRS,
	OPT_MAX_FILESIZE,
};

static const struct option long_options[] = {
	{"json", no_argument, NULL, OPT_JSON},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"base-url", required_argument, NULL, OPT_BASE_URL},
	{"status", required_argument, NULL, OPT_STATUS},
	{"content-type", required_argument, NULL, OPT_CONTENT_TYPE},
	{"user-agent", required_argument, NULL, 'A'},
	{"header", required_argument, NULL, 'H'},
	{"cookie", required_argument, NULL, 'b'},
	{"proxy", required_argument, NULL, 'x'},
	{"insecure", no_argument, NULL, 'k'},
	{"max-time", required_argument, NULL, 'm'},
	{"connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
	{"max-redirs", required_argument, NULL, OPT_MAX_REDIRS},
	{"max-filesize", required_argument, NULL, OPT_MAX_FILESIZE},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

void cli_usage(FILE *to)
{
	fputs("usage: extract [options] URL|FILE|-\n"
	      "Print a web page's title and main text, or a JSON record.\n"
	      "\n"
	      "Output:\n"
	      "  --json                 one JSON object per input\n"
	      "  --format text|json     the output format (default text)\n"
	      "  -q, --quiet            no diagnostics for error pages\n"
	      "Input:\n"
	      "  --base-url URL         the URL a local page came from\n"
	      "  --status CODE          the HTTP status a local page came with\n"
	      "  --content-type TYPE    the Content-Type a local page came with\n"
	      "Fetching:\n"
	      "  -A, --user-agent UA    the User-Agent header\n"
	      "  -H, --header 'N: V'    an extra request header (repeatable)\n"
	      "  -b, --cookie DATA|FILE cookies to send\n"
	      "  -x, --proxy URL        the proxy to use\n"
	      "  -k, --insecure         do not verify TLS certificates\n"
	      "  -m, --max-time SECS    the deadline for one transfer (60)\n"
	      "      --connect-timeout SECS  the connect deadline (10)\n"
	      "      --max-redirs N     redirects to follow (10)\n"
	      "      --max-filesize BYTES  the largest response (16 MiB)\n"
	      "Other:\n"
	      "  -h, --help             this help\n"
	      "  -V, --version          the version\n"
	      "\n"
	      "Exit status: 0 extracted, 1 error page, 2 usage, 3 fetch failed,\n"
	      "4 unreadable or not HTML, 5 output not written.\n",
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

static int parse_option(int c, const char *arg, struct options *o,
			size_t *n_headers)
{
	double v;

	switch (c) {
	case OPT_JSON:
		o->format = FORMAT_JSON;
		return 0;
	case OPT_FORMAT:
		if (!strcmp(arg, "json"))
			o->format = FORMAT_JSON;
		else if (!strcmp(arg, "text"))
			o->format = FORMAT_TEXT;
		else
			return error("--format: unknown format '%s'", arg);
		return 0;
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
	case 'q':
		o->quiet = true;
		return 0;
	default:
		return -1;
	}
}

int cli_parse(int argc, char **argv, struct options *o)
{
	size_t n_headers = 0;
	int c;

	*o = (struct options){.format = FORMAT_TEXT};
	fetch_options_defaults(&o->fetch);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":A:H:b:x:km:qhV", long_options,
				NULL)) != -1) {
		if (c == 'h') {
			cli_usage(stdout);
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
	if (optind >= argc) {
		error("no input given (see extract --help)");
		return -1;
	}
	if (argc - optind > 1) {
		error("one input at a time: '%s' is extra", argv[optind + 1]);
		return -1;
	}
	o->input = argv[optind];
	return 0;
}

void cli_release(struct options *o)
{
	free(o->headers);
	o->headers = NULL;
}
