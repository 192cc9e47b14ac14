/*
 * cli.h - the command line, parsed once into a read-only struct.
 */
#ifndef EXTRACT_CLI_H
#define EXTRACT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "run/options.h"

#define EXTRACT_VERSION "0.1.0"

/*
 * Parses argv.  Returns 0 to run, 1 when --help or --version was
 * printed (exit 0), -1 on a usage error (already reported; exit 2).
 */
int cli_parse(int argc, char **argv, struct options *o);
void cli_release(struct options *o);
void cli_usage(FILE *to);

#endif
