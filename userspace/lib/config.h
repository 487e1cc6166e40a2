/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path-aware readers for JSON configuration files (json-c).
 *
 * A struct jcfg follows the reader through the document ("apns[1].ipv4_pool")
 * and keeps the first error, already formatted as
 *
 *	config: apns[1].ipv4_pool: "10.0.0.0/33" is not an IPv4 prefix
 *
 * Every getter takes the object and the key to read. It returns 0 when the
 * value was read, 1 when an optional key is absent (out untouched), -1 on
 * error (jcfg.err set). Readers are strict: wrong JSON types, out-of-range
 * numbers and, with jcfg_keys(), unknown keys are errors.
 */
#ifndef AGW_LIB_CONFIG_H
#define AGW_LIB_CONFIG_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct json_object;

struct jcfg {
	char what[32];		/* error prefix, "config" */
	char path[256];		/* current position, "" at the top */
	size_t path_len;
	char err[704];		/* first error, "" if none */
};

void jcfg_init(struct jcfg *c, const char *what);
static inline bool jcfg_failed(const struct jcfg *c) { return c->err[0] != 0; }

/* Records "<what>: <path>[.key]: <message>" unless an error is already set. Returns -1. */
int jcfg_fail(struct jcfg *c, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Move down into a key or an array index; jcfg_pop() restores the returned mark. */
size_t jcfg_push_key(struct jcfg *c, const char *key);
size_t jcfg_push_index(struct jcfg *c, size_t index);
void jcfg_pop(struct jcfg *c, size_t mark);

/*
 * Parse a whole document. Syntax errors name the line and column
 * ("config: /etc/agwd.json:12:5: unexpected character"); text after the
 * top-level value is rejected. NULL on error.
 */
struct json_object *jcfg_parse_file(struct jcfg *c, const char *file);
struct json_object *jcfg_parse_text(struct jcfg *c, const char *name, const char *text,
				    size_t len);

/* obj must be an object whose keys are all in the NULL-terminated list keys. */
int jcfg_keys(struct jcfg *c, struct json_object *obj, const char *const keys[]);

/* Typed getters (see the top comment for return values). */
int jcfg_object(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		struct json_object **out);
int jcfg_array(struct jcfg *c, struct json_object *obj, const char *key, size_t min_items,
	       size_t max_items, bool required, struct json_object **out);
int jcfg_str(struct jcfg *c, struct json_object *obj, const char *key, size_t max_len,
	     bool required, const char **out);
/* Copies into buf (size bytes, NUL-terminated); longer strings are errors. */
int jcfg_strcpy(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		char *buf, size_t size);
int jcfg_uint(struct jcfg *c, struct json_object *obj, const char *key, uint64_t min,
	      uint64_t max, bool required, uint64_t *out);
int jcfg_bool(struct jcfg *c, struct json_object *obj, const char *key, bool required,
	      bool *out);

/* Addresses and prefixes: the value must be a string in the right form. */
int jcfg_ipv4(struct jcfg *c, struct json_object *obj, const char *key, bool required,
	      struct in_addr *out);
int jcfg_ipv6(struct jcfg *c, struct json_object *obj, const char *key, bool required,
	      struct in6_addr *out);
int jcfg_prefix4(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		 struct in_addr *net, unsigned int *len);
int jcfg_prefix6(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		 struct in6_addr *net, unsigned int *len);

/*
 * Plain parsers, also for other callers (agwctl, the ctl methods).
 * Prefixes must have their host bits clear ("10.0.0.1/8" is refused).
 * Return 0 or -1.
 */
int cfg_parse_prefix4(const char *s, struct in_addr *net, unsigned int *len);
int cfg_parse_prefix6(const char *s, struct in6_addr *net, unsigned int *len);
/* "ADDR:PORT" or "[ADDR6]:PORT"; host is copied into host (size >= 46). */
int cfg_parse_hostport(const char *s, char *host, size_t host_size, uint16_t *port);
/* Digits only, length in [min, max]. */
bool cfg_is_digits(const char *s, size_t min, size_t max);

#endif
