/*
 * fetch_libcurl.c - libcurl, opened the first time a URL needs it.
 *
 * Linking libcurl makes every start of extract load and relocate some
 * thirty shared libraries (TLS, Kerberos, LDAP, SSH, IDN...): measured at
 * 12 million instructions and 6 ms on the project's 2-core machine, more
 * than gumbo spends parsing a 115 KB page.  A local file never needs
 * them.  So the executable does not link libcurl: these definitions of
 * the libcurl functions that the fetch code calls open libcurl.so.4 on
 * first use and forward each call, with the same prototypes
 * (<curl/curl.h>), so the callers need not know.
 *
 * - curl_global_init() only records its flags; the real one runs once,
 *   under pthread_once, when the library is opened (libcurl documents
 *   it as the first call made into the library, which it still is).
 * - If libcurl cannot be opened, the functions fail as libcurl itself
 *   does when out of resources: NULL handles, CURLE_FAILED_INIT,
 *   CURLM_INTERNAL_ERROR, CURLUE_OUT_OF_MEMORY; the reason goes to
 *   stderr once.
 * - The table is written once and only read after, so threads may call
 *   in as libcurl allows.
 *
 * To call a libcurl function not wrapped here: add it to CURL_FUNCS (or
 * write it out below, for the variadic ones); the link fails until then.
 */
#define CURL_DISABLE_TYPECHECK /* our definitions, not the checking macros */

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "msg.h"

#ifndef FETCH_LIBCURL
#define FETCH_LIBCURL "libcurl.so.4"
#endif

/* X(return type, name, (parameters), (arguments), value when unloaded) */
#define CURL_FUNCS(X)                                                        \
	X(CURL *, curl_easy_init, (void), (), NULL)                          \
	X(CURLcode, curl_easy_perform, (CURL * h), (h), CURLE_FAILED_INIT)   \
	X(CURL *, curl_easy_duphandle, (CURL * h), (h), NULL)                \
	X(const char *, curl_easy_strerror, (CURLcode c), (c),               \
	  "libcurl could not be loaded")                                     \
	X(CURLM *, curl_multi_init, (void), (), NULL)                        \
	X(CURLMcode, curl_multi_add_handle, (CURLM * m, CURL *h), (m, h),    \
	  CURLM_INTERNAL_ERROR)                                              \
	X(CURLMcode, curl_multi_remove_handle, (CURLM * m, CURL *h), (m, h), \
	  CURLM_INTERNAL_ERROR)                                              \
	X(CURLMcode, curl_multi_perform, (CURLM * m, int *running),          \
	  (m, running), CURLM_INTERNAL_ERROR)                                \
	X(CURLMcode, curl_multi_poll,                                        \
	  (CURLM * m, struct curl_waitfd *fds, unsigned n, int ms, int *ret), \
	  (m, fds, n, ms, ret), CURLM_INTERNAL_ERROR)                        \
	X(CURLMcode, curl_multi_wait,                                        \
	  (CURLM * m, struct curl_waitfd *fds, unsigned n, int ms, int *ret), \
	  (m, fds, n, ms, ret), CURLM_INTERNAL_ERROR)                        \
	X(CURLMcode, curl_multi_wakeup, (CURLM * m), (m),                    \
	  CURLM_INTERNAL_ERROR)                                              \
	X(CURLMcode, curl_multi_timeout, (CURLM * m, long *ms), (m, ms),     \
	  CURLM_INTERNAL_ERROR)                                              \
	X(CURLMsg *, curl_multi_info_read, (CURLM * m, int *left), (m, left), \
	  NULL)                                                              \
	X(CURLMcode, curl_multi_cleanup, (CURLM * m), (m),                   \
	  CURLM_INTERNAL_ERROR)                                              \
	X(const char *, curl_multi_strerror, (CURLMcode c), (c),             \
	  "libcurl could not be loaded")                                     \
	X(struct curl_slist *, curl_slist_append,                            \
	  (struct curl_slist * list, const char *s), (list, s), NULL)        \
	X(CURLU *, curl_url, (void), (), NULL)                               \
	X(CURLU *, curl_url_dup, (CURLU * u), (u), NULL)                \
	X(CURLUcode, curl_url_get,                                           \
	  (CURLU * u, CURLUPart what, char **part, unsigned flags),     \
	  (u, what, part, flags), CURLUE_OUT_OF_MEMORY)                      \
	X(CURLUcode, curl_url_set,                                           \
	  (CURLU * u, CURLUPart what, const char *part, unsigned flags),     \
	  (u, what, part, flags), CURLUE_OUT_OF_MEMORY)                      \
	X(const char *, curl_url_strerror, (CURLUcode c), (c),               \
	  "libcurl could not be loaded")                                     \
	X(char *, curl_version, (void), (), NULL)                            \
	X(curl_version_info_data *, curl_version_info, (CURLversion v), (v), \
	  NULL)                                                              \
	X(time_t, curl_getdate, (const char *s, const time_t *unused),       \
	  (s, unused), -1)

/* Functions that return nothing, called only on what libcurl made. */
#define CURL_VOID_FUNCS(X)                                                   \
	X(curl_easy_cleanup, (CURL * h), (h))                                \
	X(curl_easy_reset, (CURL * h), (h))                                  \
	X(curl_slist_free_all, (struct curl_slist * list), (list))           \
	X(curl_url_cleanup, (CURLU * u), (u))                                \
	X(curl_free, (void *p), (p))                                         \
	X(curl_global_cleanup, (void), ())

struct libcurl {
	bool loaded;
#define CURL_FIELD(type, name, params, args, fail) type(*name) params;
#define CURL_VOID_FIELD(name, params, args) void(*name) params;
	CURL_FUNCS(CURL_FIELD)
	CURL_VOID_FUNCS(CURL_VOID_FIELD)
#undef CURL_FIELD
#undef CURL_VOID_FIELD
	CURLcode (*curl_global_init)(long flags);
	CURLcode (*curl_easy_setopt)(CURL *h, CURLoption opt, ...);
	CURLcode (*curl_easy_getinfo)(CURL *h, CURLINFO info, ...);
	CURLMcode (*curl_multi_setopt)(CURLM *m, CURLMoption opt, ...);
};

static struct libcurl lib;
static long global_flags = CURL_GLOBAL_DEFAULT;
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;

/* POSIX's way of storing dlsym()'s answer in a function pointer. */
static bool load_symbol(void *handle, const char *name, void *fn_ptr)
{
	void *sym = dlsym(handle, name);

	memcpy(fn_ptr, &sym, sizeof(sym));
	return sym != NULL;
}

static void lib_open(void)
{
	void *h = dlopen(FETCH_LIBCURL, RTLD_NOW | RTLD_LOCAL);
	bool ok = h != NULL;

	if (!h) {
		error("cannot load %s: %s", FETCH_LIBCURL, dlerror());
		return;
	}
#define CURL_LOAD(type, name, params, args, fail) \
	ok = ok && load_symbol(h, #name, &lib.name);
#define CURL_VOID_LOAD(name, params, args) \
	ok = ok && load_symbol(h, #name, &lib.name);
	CURL_FUNCS(CURL_LOAD)
	CURL_VOID_FUNCS(CURL_VOID_LOAD)
#undef CURL_LOAD
#undef CURL_VOID_LOAD
	ok = ok && load_symbol(h, "curl_global_init", &lib.curl_global_init) &&
	     load_symbol(h, "curl_easy_setopt", &lib.curl_easy_setopt) &&
	     load_symbol(h, "curl_easy_getinfo", &lib.curl_easy_getinfo) &&
	     load_symbol(h, "curl_multi_setopt", &lib.curl_multi_setopt);
	if (!ok) {
		error("%s lacks a function extract needs", FETCH_LIBCURL);
		return;
	}
	if (lib.curl_global_init(global_flags) != CURLE_OK) {
		error("cannot initialise %s", FETCH_LIBCURL);
		return;
	}
	lib.loaded = true;
}

static const struct libcurl *lib_get(void)
{
	if (pthread_once(&lib_once, lib_open) || !lib.loaded)
		return NULL;
	return &lib;
}

/* Set before any thread starts, as libcurl's own rule for it says. */
CURLcode curl_global_init(long flags)
{
	global_flags = flags;
	return CURLE_OK;
}

#define CURL_DEFINE(type, name, params, args, fail) \
	type name params                              \
	{                                             \
		const struct libcurl *l = lib_get();  \
		return l ? l->name args : (fail);     \
	}
CURL_FUNCS(CURL_DEFINE)
#undef CURL_DEFINE

/* Each has only ever been given what a loaded libcurl returned. */
#define CURL_VOID_DEFINE(name, params, args) \
	void name params                     \
	{                                    \
		if (lib.loaded)              \
			lib.name args;       \
	}
CURL_VOID_FUNCS(CURL_VOID_DEFINE)
#undef CURL_VOID_DEFINE

/*
 * The variadic ones take one argument whose type the option number
 * tells, as libcurl reads it: long, object pointer, function pointer,
 * curl_off_t or blob pointer (curl.h, CURLOPTTYPE_*).
 */
typedef void (*curl_any_fn)(void);

CURLcode curl_easy_setopt(CURL *h, CURLoption opt, ...)
{
	const struct libcurl *l = lib_get();
	CURLcode rc;
	va_list ap;

	if (!l)
		return CURLE_FAILED_INIT;
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = l->curl_easy_setopt(h, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = l->curl_easy_setopt(h, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		rc = l->curl_easy_setopt(h, opt, va_arg(ap, curl_any_fn));
	else if (opt < CURLOPTTYPE_BLOB)
		rc = l->curl_easy_setopt(h, opt, va_arg(ap, curl_off_t));
	else
		rc = l->curl_easy_setopt(h, opt, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

CURLMcode curl_multi_setopt(CURLM *m, CURLMoption opt, ...)
{
	const struct libcurl *l = lib_get();
	CURLMcode rc;
	va_list ap;

	if (!l)
		return CURLM_INTERNAL_ERROR;
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = l->curl_multi_setopt(m, opt, va_arg(ap, long));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = l->curl_multi_setopt(m, opt, va_arg(ap, void *));
	else if (opt < CURLOPTTYPE_OFF_T)
		rc = l->curl_multi_setopt(m, opt, va_arg(ap, curl_any_fn));
	else
		rc = l->curl_multi_setopt(m, opt, va_arg(ap, curl_off_t));
	va_end(ap);
	return rc;
}

/* Every CURLINFO_* takes a pointer to where the answer goes. */
CURLcode curl_easy_getinfo(CURL *h, CURLINFO info, ...)
{
	const struct libcurl *l = lib_get();
	CURLcode rc;
	va_list ap;

	if (!l)
		return CURLE_FAILED_INIT;
	va_start(ap, info);
	rc = l->curl_easy_getinfo(h, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}
