// SPDX-License-Identifier: GPL-2.0
/*
 * Path-aware JSON configuration readers (config.h).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "lib/config.h"

#define JCFG_MAX_FILE (16u << 20)

void jcfg_init(struct jcfg *c, const char *what)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->what, sizeof(c->what), "%s", what ? what : "config");
}

int jcfg_fail(struct jcfg *c, const char *key, const char *fmt, ...)
{
	char msg[384];
	va_list ap;
	size_t mark;

	if (c->err[0])
		return -1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	mark = key ? jcfg_push_key(c, key) : c->path_len;
	if (c->path_len)
		snprintf(c->err, sizeof(c->err), "%s: %s: %s", c->what, c->path, msg);
	else
		snprintf(c->err, sizeof(c->err), "%s: %s", c->what, msg);
	jcfg_pop(c, mark);
	return -1;
}

static size_t advance(struct jcfg *c, size_t mark, int n)
{
	if (n < 0 || (size_t)n >= sizeof(c->path) - mark)
		c->path_len = sizeof(c->path) - 1;	/* truncated, still terminated */
	else
		c->path_len += (size_t)n;
	return mark;
}

size_t jcfg_push_key(struct jcfg *c, const char *key)
{
	size_t mark = c->path_len;

	return advance(c, mark, snprintf(c->path + mark, sizeof(c->path) - mark,
					 mark ? ".%s" : "%s", key));
}

size_t jcfg_push_index(struct jcfg *c, size_t index)
{
	size_t mark = c->path_len;

	return advance(c, mark, snprintf(c->path + mark, sizeof(c->path) - mark, "[%zu]",
					 index));
}

void jcfg_pop(struct jcfg *c, size_t mark)
{
	if (mark < sizeof(c->path)) {
		c->path_len = mark;
		c->path[mark] = 0;
	}
}

/* ------------------------------------------------------------- parsing --- */

static void offset_to_line(const char *text, size_t off, unsigned int *line, unsigned int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

struct json_object *jcfg_parse_text(struct jcfg *c, const char *name, const char *text,
				    size_t len)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *root;
	enum json_tokener_error jerr;
	unsigned int line, col;
	size_t end;

	if (!tok) {
		jcfg_fail(c, NULL, "%s: out of memory", name);
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	root = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (jerr == json_tokener_continue) {
		jcfg_fail(c, NULL, "%s: unexpected end of file", name);
		return NULL;
	}
	if (!root || jerr != json_tokener_success) {
		offset_to_line(text, end > len ? len : end, &line, &col);
		jcfg_fail(c, NULL, "%s:%u:%u: %s", name, line, col,
			  root ? "invalid JSON" : json_tokener_error_desc(jerr));
		json_object_put(root);
		return NULL;
	}
	for (size_t i = end; i < len; i++) {
		if (!isspace((unsigned char)text[i])) {
			offset_to_line(text, i, &line, &col);
			jcfg_fail(c, NULL, "%s:%u:%u: text after the end of the document",
				  name, line, col);
			json_object_put(root);
			return NULL;
		}
	}
	return root;
}

struct json_object *jcfg_parse_file(struct jcfg *c, const char *file)
{
	struct json_object *root = NULL;
	FILE *f = fopen(file, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f) {
		jcfg_fail(c, NULL, "%s: %s", file, strerror(errno));
		return NULL;
	}
	for (;;) {
		size_t n;

		if (len + 4096 > cap) {
			char *p;

			cap = cap ? cap * 2 : 16384;
			p = cap <= JCFG_MAX_FILE ? realloc(buf, cap + 1) : NULL;
			if (!p) {
				jcfg_fail(c, NULL, "%s: file too large", file);
				goto out;
			}
			buf = p;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		jcfg_fail(c, NULL, "%s: read error", file);
		goto out;
	}
	buf[len] = 0;
	root = jcfg_parse_text(c, file, buf, len);
out:
	free(buf);
	fclose(f);
	return root;
}

/* ------------------------------------------------------------- getters --- */

int jcfg_keys(struct jcfg *c, struct json_object *obj, const char *const keys[])
{
	if (!json_object_is_type(obj, json_type_object))
		return jcfg_fail(c, NULL, "expected an object");
	json_object_object_foreach(obj, k, v) {
		size_t i;

		(void)v;
		for (i = 0; keys[i]; i++)
			if (!strcmp(keys[i], k))
				break;
		if (!keys[i])
			return jcfg_fail(c, k, "unknown key");
	}
	return 0;
}

/* 0 found, 1 absent (optional), -1 absent but required or wrong type */
static int lookup(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		  enum json_type type, const char *type_name, struct json_object **out)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(obj, key, &v) || json_object_is_type(v, json_type_null)) {
		if (required)
			return jcfg_fail(c, key, "missing (required)");
		return 1;
	}
	if (!json_object_is_type(v, type))
		return jcfg_fail(c, key, "expected %s", type_name);
	*out = v;
	return 0;
}

int jcfg_object(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		struct json_object **out)
{
	return lookup(c, obj, key, required, json_type_object, "an object", out);
}

int jcfg_array(struct jcfg *c, struct json_object *obj, const char *key, size_t min_items,
	       size_t max_items, bool required, struct json_object **out)
{
	struct json_object *v = NULL;
	size_t n;
	int ret = lookup(c, obj, key, required, json_type_array, "an array", &v);

	if (ret)
		return ret;
	n = json_object_array_length(v);
	if (n < min_items)
		return jcfg_fail(c, key, "needs at least %zu item%s", min_items,
				 min_items == 1 ? "" : "s");
	if (n > max_items)
		return jcfg_fail(c, key, "has %zu items, at most %zu allowed", n, max_items);
	*out = v;
	return 0;
}

int jcfg_str(struct jcfg *c, struct json_object *obj, const char *key, size_t max_len,
	     bool required, const char **out)
{
	struct json_object *v = NULL;
	int ret = lookup(c, obj, key, required, json_type_string, "a string", &v);
	const char *s;

	if (ret)
		return ret;
	s = json_object_get_string(v);
	if ((size_t)json_object_get_string_len(v) != strlen(s))
		return jcfg_fail(c, key, "contains a NUL character");
	if (strlen(s) > max_len)
		return jcfg_fail(c, key, "longer than %zu characters", max_len);
	*out = s;
	return 0;
}

int jcfg_strcpy(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		char *buf, size_t size)
{
	const char *s;
	int ret = jcfg_str(c, obj, key, size - 1, required, &s);

	if (ret)
		return ret;
	memcpy(buf, s, strlen(s) + 1);
	return 0;
}

int jcfg_uint(struct jcfg *c, struct json_object *obj, const char *key, uint64_t min,
	      uint64_t max, bool required, uint64_t *out)
{
	struct json_object *v = NULL;
	int ret = lookup(c, obj, key, required, json_type_int, "an integer", &v);
	int64_t s;
	uint64_t u;

	if (ret)
		return ret;
	s = json_object_get_int64(v);
	if (s < 0)
		return jcfg_fail(c, key, "%lld is out of range %llu..%llu", (long long)s,
				 (unsigned long long)min, (unsigned long long)max);
	u = s == INT64_MAX ? json_object_get_uint64(v) : (uint64_t)s;
	if (u < min || u > max)
		return jcfg_fail(c, key, "%llu is out of range %llu..%llu",
				 (unsigned long long)u, (unsigned long long)min,
				 (unsigned long long)max);
	*out = u;
	return 0;
}

int jcfg_bool(struct jcfg *c, struct json_object *obj, const char *key, bool required,
	      bool *out)
{
	struct json_object *v = NULL;
	int ret = lookup(c, obj, key, required, json_type_boolean, "true or false", &v);

	if (ret)
		return ret;
	*out = json_object_get_boolean(v);
	return 0;
}

/* ------------------------------------------------- addresses, prefixes --- */

bool cfg_is_digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int split_prefix(const char *s, char *addr, size_t size, unsigned int max,
			unsigned int *len)
{
	const char *slash = strchr(s, '/');
	size_t alen;

	if (!slash || !cfg_is_digits(slash + 1, 1, 3))
		return -1;
	alen = (size_t)(slash - s);
	if (alen == 0 || alen >= size)
		return -1;
	memcpy(addr, s, alen);
	addr[alen] = 0;
	*len = (unsigned int)strtoul(slash + 1, NULL, 10);
	return *len <= max ? 0 : -1;
}

int cfg_parse_prefix4(const char *s, struct in_addr *net, unsigned int *len)
{
	char a[INET_ADDRSTRLEN];
	uint32_t mask;

	if (split_prefix(s, a, sizeof(a), 32, len) || inet_pton(AF_INET, a, net) != 1)
		return -1;
	mask = *len ? ~0u << (32 - *len) : 0;
	return (ntohl(net->s_addr) & ~mask) ? -1 : 0;
}

int cfg_parse_prefix6(const char *s, struct in6_addr *net, unsigned int *len)
{
	char a[INET6_ADDRSTRLEN];

	if (split_prefix(s, a, sizeof(a), 128, len) || inet_pton(AF_INET6, a, net) != 1)
		return -1;
	for (unsigned int bit = *len; bit < 128; bit++)
		if (net->s6_addr[bit / 8] & (0x80 >> (bit % 8)))
			return -1;
	return 0;
}

int cfg_parse_hostport(const char *s, char *host, size_t host_size, uint16_t *port)
{
	const char *colon, *h = s;
	size_t hlen;
	unsigned long p;
	unsigned char tmp[16];

	if (*s == '[') {
		const char *close = strchr(s, ']');

		if (!close || close[1] != ':')
			return -1;
		h = s + 1;
		hlen = (size_t)(close - h);
		colon = close + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon)
			return -1;
		hlen = (size_t)(colon - s);
	}
	if (hlen == 0 || hlen >= host_size || !cfg_is_digits(colon + 1, 1, 5))
		return -1;
	memcpy(host, h, hlen);
	host[hlen] = 0;
	p = strtoul(colon + 1, NULL, 10);
	if (p == 0 || p > 65535)
		return -1;
	if (inet_pton(*s == '[' ? AF_INET6 : AF_INET, host, tmp) != 1)
		return -1;
	*port = (uint16_t)p;
	return 0;
}

int jcfg_ipv4(struct jcfg *c, struct json_object *obj, const char *key, bool required,
	      struct in_addr *out)
{
	const char *s;
	int ret = jcfg_str(c, obj, key, 64, required, &s);

	if (ret)
		return ret;
	if (inet_pton(AF_INET, s, out) != 1)
		return jcfg_fail(c, key, "\"%s\" is not an IPv4 address", s);
	return 0;
}

int jcfg_ipv6(struct jcfg *c, struct json_object *obj, const char *key, bool required,
	      struct in6_addr *out)
{
	const char *s;
	int ret = jcfg_str(c, obj, key, 64, required, &s);

	if (ret)
		return ret;
	if (inet_pton(AF_INET6, s, out) != 1)
		return jcfg_fail(c, key, "\"%s\" is not an IPv6 address", s);
	return 0;
}

int jcfg_prefix4(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		 struct in_addr *net, unsigned int *len)
{
	const char *s;
	int ret = jcfg_str(c, obj, key, 64, required, &s);

	if (ret)
		return ret;
	if (cfg_parse_prefix4(s, net, len))
		return jcfg_fail(c, key, "\"%s\" is not an IPv4 prefix (ADDR/LEN, host bits clear)",
				 s);
	return 0;
}

int jcfg_prefix6(struct jcfg *c, struct json_object *obj, const char *key, bool required,
		 struct in6_addr *net, unsigned int *len)
{
	const char *s;
	int ret = jcfg_str(c, obj, key, 64, required, &s);

	if (ret)
		return ret;
	if (cfg_parse_prefix6(s, net, len))
		return jcfg_fail(c, key, "\"%s\" is not an IPv6 prefix (ADDR/LEN, host bits clear)",
				 s);
	return 0;
}
