/* SPDX-License-Identifier: GPL-2.0 */
/*
 * JSON helpers shared by agwtool commands (json-c).  Getters print
 * "agwtool: WHERE.KEY: why" on stderr and return -1 on bad input, so a
 * command can simply `return 1` after a failure.
 */
#ifndef AGWTOOL_JSON_UTIL_H
#define AGWTOOL_JSON_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

/* Lowercase hex string of buf. */
struct json_object *ju_hex(const uint8_t *buf, size_t len);

/* Member of o, or NULL (o may be NULL or not an object). */
struct json_object *ju_get(struct json_object *o, const char *key);

/*
 * Unsigned number member (JSON number, or a decimal/0x string) <= max.
 * ju_u64: required.  ju_u64_opt: returns 0 and leaves *out alone if absent.
 */
int ju_u64(struct json_object *o, const char *where, const char *key, uint64_t max,
	   uint64_t *out);
int ju_u64_opt(struct json_object *o, const char *where, const char *key, uint64_t max,
	       uint64_t *out);
/* Signed number member within [min, max]. */
int ju_i64(struct json_object *o, const char *where, const char *key, int64_t min,
	   int64_t max, int64_t *out);

/* String member; required.  The string belongs to o. */
int ju_str(struct json_object *o, const char *where, const char *key, const char **out);

/*
 * Hex string member decoded into a malloc'd buffer (*out, caller frees;
 * an empty string gives a non-NULL buffer of length 0).
 */
int ju_hexbuf(struct json_object *o, const char *where, const char *key, uint8_t **out,
	      size_t *len);

/* Decode a hex string (spaces and colons allowed) into a malloc'd buffer. */
int ju_hex_decode(const char *hex, uint8_t **out, size_t *len);

#endif
