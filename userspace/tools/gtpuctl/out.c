// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl output: text or JSON through the same calls, in the manner of
 * iproute2's print_*(PRINT_ANY, key, fmt, value).  In JSON mode fields go
 * into json-c objects; each top-level object is printed when it ends (as a
 * line, or as the next element of a streamed list).
 */
#include <stdarg.h>
#include <stdio.h>
#include <arpa/inet.h>
#include <json-c/json.h>

#include "gtpuctl.h"

#define OUT_DEPTH	8

/* The tool's one output stream: program-wide by nature. */
static struct {
	bool json, pretty;
	bool in_list;
	unsigned long n_items;
	json_object *stack[OUT_DEPTH];
	int depth;
} out;

void out_init(bool json, bool pretty)
{
	out.json = json;
	out.pretty = pretty;
}

static const char *to_string(json_object *o)
{
	int flags = out.pretty ? JSON_C_TO_STRING_PRETTY : JSON_C_TO_STRING_PLAIN;

	return json_object_to_json_string_ext(o, flags | JSON_C_TO_STRING_NOSLASHESCAPE);
}

/* Lists are streamed element by element: a dump of 100k bearers is never
 * held in memory as one JSON tree. */
void out_list_begin(void)
{
	if (!out.json || out.in_list)
		return;
	out.in_list = true;
	out.n_items = 0;
	fputs("[", stdout);
}

void out_list_end(void)
{
	if (!out.json || !out.in_list)
		return;
	puts(out.pretty && out.n_items ? "\n]" : "]");
	fflush(stdout);
	out.in_list = false;
}

void out_obj_begin(void)
{
	if (!out.json)
		return;
	out.depth = 1;
	out.stack[0] = json_object_new_object();
}

void out_obj_end(void)
{
	if (!out.json) {
		putchar('\n');
		return;
	}
	if (!out.depth)
		return;
	if (out.in_list) {
		printf("%s%s", out.n_items ? "," : "", out.pretty ? "\n" : "");
		fputs(to_string(out.stack[0]), stdout);
		out.n_items++;
	} else {
		puts(to_string(out.stack[0]));
		fflush(stdout);
	}
	json_object_put(out.stack[0]);
	out.depth = 0;
}

/* Into the innermost object under key, or appended if that is an array */
static void add(const char *key, json_object *v)
{
	json_object *top = out.depth ? out.stack[out.depth - 1] : NULL;

	if (!top)
		json_object_put(v);
	else if (json_object_is_type(top, json_type_array))
		json_object_array_add(top, v);
	else
		json_object_object_add(top, key, v);
}

/* Adds a new object or array under key and makes it the innermost one */
static void push(const char *key, bool array)
{
	json_object *o;

	if (!out.json || !out.depth || out.depth >= OUT_DEPTH)
		return;
	o = array ? json_object_new_array() : json_object_new_object();
	add(key, o);
	out.stack[out.depth++] = o;
}

void out_nest_begin(const char *key)
{
	push(key, false);
}

void out_array_begin(const char *key)
{
	push(key, true);
}

void out_nest_end(void)
{
	if (out.json && out.depth > 1)
		out.depth--;
}

/* Text formats are the caller's literals, with exactly one conversion. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

void out_str(const char *key, const char *fmt, const char *v)
{
	if (out.json)
		add(key, json_object_new_string(v));
	else if (fmt)
		printf(fmt, v);
}

void out_u64(const char *key, const char *fmt, uint64_t v)
{
	if (out.json)
		add(key, json_object_new_uint64(v));
	else if (fmt)
		printf(fmt, (unsigned long long)v);
}

void out_hex64(const char *key, const char *fmt, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
	out_str(key, fmt, buf);
}

void out_addr(const char *key, const char *fmt, int family, const void *a)
{
	char buf[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, a, buf, sizeof(buf)))
		snprintf(buf, sizeof(buf), "?");
	out_str(key, fmt, buf);
}

void out_prefix6(const char *key, const char *fmt, const void *a, unsigned int plen)
{
	char addr[INET6_ADDRSTRLEN], buf[INET6_ADDRSTRLEN + 8];

	if (!inet_ntop(AF_INET6, a, addr, sizeof(addr)))
		snprintf(addr, sizeof(addr), "?");
	snprintf(buf, sizeof(buf), "%s/%u", addr, plen);
	out_str(key, fmt, buf);
}

void out_text(const char *fmt, ...)
{
	va_list ap;

	if (out.json)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

/* Every counter the kernel sent, as "name value" pairs, four a line. */
void out_stats(const struct gtpnl_stats *s, const char *indent)
{
	int n = 0;

	out_nest_begin("stats");
	for (unsigned int i = 1; i <= GTPU_STATS_A_MAX; i++) {
		const char *name = gtpnl_stats_name(i);
		char fmt[64];

		if (!name || !(s->present & (1u << i)))
			continue;
		if (!out.json && n % 4 == 0)
			printf("\n%s", indent);
		snprintf(fmt, sizeof(fmt), "%s %%llu ", name);
		out_u64(name, fmt, s->c[i]);
		n++;
	}
	out_nest_end();
}
