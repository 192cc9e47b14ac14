/*
 * options.c - the defaults of the options a list run reads.
 */
#include "run/options.h"

void batch_options_defaults(struct batch_options *b)
{
	*b = (struct batch_options){
	    .parallel = 16,
	    .parallel_host = 4,
	    .retry = 2,
	    .retry_delay = 1,
	    .retry_max_wait = 30,
	    .parse_timeout = 10,
	    .parse_memory_mib = 2048,
	};
}
