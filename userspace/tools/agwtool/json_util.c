// SPDX-License-Identifier: GPL-2.0
/* JSON helpers shared by agwtool commands; see json_util.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "agwtool.h"
#include "json_util.h"

struct json_object *ju_hex(const uint8_t *buf, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	struct json_object *o;
	char *s = malloc(len * 2 + 1);

	if (!s)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		s[2 * i] = digits[buf[i] >> 4];
		s[2 * i + 1] = digits[buf[i] & 15];
	}
	s[len * 2] = '\0';
	o = json_object_new_string(s);
	free(s);
	return o;
}

struct json_object *ju_get(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (!o || !json_object_is_type(o, json_type_object))
		return NULL;
	return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

static int num_of(struct json_object *v, uint64_t *out, int *neg)
{
	*neg = 0;
	if (json_object_is_type(v, json_type_int)) {
		int64_t s = json_object_get_int64(v);

		if (s < 0) {
			*neg = 1;
			*out = (uint64_t)-(s + 1) + 1;
			return 0;
		}
		*out = s == INT64_MAX ? json_object_get_uint64(v) : (uint64_t)s;
		return 0;
	}
	if (json_object_is_type(v, json_type_string)) {
		const char *s = json_object_get_string(v);
		unsigned long long u;

		if (*s == '-') {
			*neg = 1;
			s++;
		}
		if (agwtool_num(s, UINT64_MAX, &u))
			return -1;
		*out = u;
		return 0;
	}
	return -1;
}

int ju_u64_opt(struct json_object *o, const char *where, const char *key, uint64_t max,
	       uint64_t *out)
{
	struct json_object *v = ju_get(o, key);
	uint64_t u;
	int neg;

	if (!v)
		return 0;
	if (num_of(v, &u, &neg) || neg || u > max) {
		agwtool_err("%s.%s: expected an unsigned number up to %llu", where, key,
			    (unsigned long long)max);
		return -1;
	}
	*out = u;
	return 0;
}

int ju_u64(struct json_object *o, const char *where, const char *key, uint64_t max,
	   uint64_t *out)
{
	if (!ju_get(o, key)) {
		agwtool_err("%s.%s: missing", where, key);
		return -1;
	}
	return ju_u64_opt(o, where, key, max, out);
}

int ju_i64(struct json_object *o, const char *where, const char *key, int64_t min,
	   int64_t max, int64_t *out)
{
	struct json_object *v = ju_get(o, key);
	uint64_t u;
	int neg;
	int64_t s;

	if (!v) {
		agwtool_err("%s.%s: missing", where, key);
		return -1;
	}
	if (num_of(v, &u, &neg) || (!neg && u > (uint64_t)INT64_MAX) ||
	    (neg && u > (uint64_t)INT64_MAX + 1))
		goto bad;
	s = neg ? (u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u) : (int64_t)u;
	if (s < min || s > max)
		goto bad;
	*out = s;
	return 0;
bad:
	agwtool_err("%s.%s: expected a number in [%lld, %lld]", where, key, (long long)min,
		    (long long)max);
	return -1;
}

int ju_str(struct json_object *o, const char *where, const char *key, const char **out)
{
	struct json_object *v = ju_get(o, key);

	if (!v || !json_object_is_type(v, json_type_string)) {
		agwtool_err("%s.%s: expected a string", where, key);
		return -1;
	}
	*out = json_object_get_string(v);
	return 0;
}

int ju_hex_decode(const char *hex, uint8_t **out, size_t *len)
{
	size_t max = strlen(hex) / 2 + 1;
	int n;

	*out = malloc(max);
	if (!*out)
		return -1;
	n = agwtool_hex(hex, *out, max);
	if (n < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	*len = (size_t)n;
	return 0;
}

int ju_hexbuf(struct json_object *o, const char *where, const char *key, uint8_t **out,
	      size_t *len)
{
	const char *s;

	if (ju_str(o, where, key, &s))
		return -1;
	if (ju_hex_decode(s, out, len)) {
		agwtool_err("%s.%s: not a hex string", where, key);
		return -1;
	}
	return 0;
}
