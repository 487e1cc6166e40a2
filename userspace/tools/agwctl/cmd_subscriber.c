// SPDX-License-Identifier: GPL-2.0
/*
 * agwctl subscriber { add | update | del | show | list | import }
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "tools/agwctl/agwctl.h"


/* "apn NAME [ip ADDR] [ip6 PREFIX] [qci N] [arp N] [ambr_ul BPS] [ambr_dl BPS]" */
static int parse_apn(int argc, char **argv, int *i, struct json_object *apns)
{
	struct json_object *a = json_object_new_object();
	static const char *const attrs[] = { "ip", "ipv4", "ip6", "ipv6", "qci", "qci", "arp",
					     "arp", "ambr_ul", "ambr_ul", "ambr_dl", "ambr_dl",
					     NULL };
	const char *v = agwctl_next(argc, argv, i);

	if (!v) {
		json_object_put(a);
		return 1;
	}
	json_object_object_add(a, "name", json_object_new_string(v));
	json_object_array_add(apns, a);
	while (*i + 1 < argc) {
		const char *kw = argv[*i + 1];
		size_t k;

		for (k = 0; attrs[k] && strcmp(attrs[k], kw); k += 2)
			;
		if (!attrs[k])
			break;
		(*i)++;
		v = agwctl_next(argc, argv, i);
		if (!v)
			return 1;
		if (k >= 4) {	/* numbers */
			char *end;
			long long n = strtoll(v, &end, 10);

			if (*end || n < 0 || end == v)
				return agwctl_arg_wrong(v, "not a number");
			json_object_object_add(a, attrs[k + 1], json_object_new_int64(n));
		} else {
			json_object_object_add(a, attrs[k + 1], json_object_new_string(v));
		}
	}
	return 0;
}

static int parse_number(const char *s, struct json_object *p, const char *key)
{
	char *end;
	unsigned long long n;

	errno = 0;
	n = strtoull(s, &end, 0);
	if (errno || *end || end == s || s[0] == '-' || n > INT64_MAX)
		return agwctl_arg_wrong(s, "not a number");
	json_object_object_add(p, key, json_object_new_int64((int64_t)n));
	return 0;
}

/* Shared by add and update: IMSI then keyword/value pairs. */
static struct json_object *parse_fields(int argc, char **argv)
{
	static const char *const strs[] = { "k", "op", "opc", "amf", "msisdn", "state", NULL };
	struct json_object *p = json_object_new_object(), *apns = json_object_new_array();
	int i;

	if (argc < 1) {
		agwctl_missing("IMSI");
		goto fail;
	}
	json_object_object_add(p, "imsi", json_object_new_string(argv[0]));
	for (i = 1; i < argc; i++) {
		const char *kw = argv[i], *v;
		size_t k;

		if (!strcmp(kw, "apn")) {
			if (parse_apn(argc, argv, &i, apns))
				goto fail;
			continue;
		}
		for (k = 0; strs[k] && strcmp(strs[k], kw); k++)
			;
		if (!strs[k] && strcmp(kw, "sqn")) {
			agwctl_arg_wrong(kw, "expected k, op, opc, amf, sqn, msisdn, state or apn");
			goto fail;
		}
		v = agwctl_next(argc, argv, &i);
		if (!v)
			goto fail;
		if (!strs[k]) {
			if (parse_number(v, p, "sqn"))
				goto fail;
		} else {
			json_object_object_add(p, kw, json_object_new_string(v));
		}
	}
	if (json_object_array_length(apns))
		json_object_object_add(p, "apns", apns);
	else
		json_object_put(apns);
	return p;
fail:
	json_object_put(apns);
	json_object_put(p);
	return NULL;
}

static void print_apns(struct json_object *r, bool one_line)
{
	struct json_object *apns;

	if (!json_object_object_get_ex(r, "apns", &apns))
		return;
	for (size_t i = 0; i < json_object_array_length(apns); i++) {
		struct json_object *a = json_object_array_get_idx(apns, i);

		if (one_line) {
			printf("%s%s", i ? "," : "", agwctl_str(a, "name"));
			if (agwctl_str(a, "ipv4")[0])
				printf("(%s)", agwctl_str(a, "ipv4"));
			continue;
		}
		printf("apn %s", agwctl_str(a, "name"));
		if (agwctl_str(a, "ipv4")[0])
			printf(" ip %s", agwctl_str(a, "ipv4"));
		if (agwctl_str(a, "ipv6")[0])
			printf(" ip6 %s", agwctl_str(a, "ipv6"));
		if (agwctl_int(a, "qci"))
			printf(" qci %lld", agwctl_int(a, "qci"));
		if (agwctl_int(a, "arp"))
			printf(" arp %lld", agwctl_int(a, "arp"));
		if (agwctl_int(a, "ambr_ul"))
			printf(" ambr_ul %lld", agwctl_int(a, "ambr_ul"));
		if (agwctl_int(a, "ambr_dl"))
			printf(" ambr_dl %lld", agwctl_int(a, "ambr_dl"));
		printf("\n");
	}
}

static void print_record(struct json_object *r)
{
	printf("imsi %s\n", agwctl_str(r, "imsi"));
	if (agwctl_str(r, "msisdn")[0])
		printf("msisdn %s\n", agwctl_str(r, "msisdn"));
	printf("state %s\namf %s\nsqn %lld\n", agwctl_str(r, "state"), agwctl_str(r, "amf"),
	       agwctl_int(r, "sqn"));
	if (agwctl_str(r, "k")[0])
		printf("k %s\nopc %s\n", agwctl_str(r, "k"), agwctl_str(r, "opc"));
	print_apns(r, false);
}

static int call_print(const char *method, struct json_object *p, bool quiet)
{
	struct json_object *res = NULL;

	if (!p || agwctl_call(method, p, &res))
		return 1;
	if (agwctl_json)
		agwctl_print_json(res);
	else if (!quiet)
		print_record(res);
	json_object_put(res);
	return 0;
}

static int do_add(int argc, char **argv)
{
	return call_print("subscriber.add", parse_fields(argc, argv), true);
}

static int do_update(int argc, char **argv)
{
	return call_print("subscriber.update", parse_fields(argc, argv), true);
}

static struct json_object *imsi_only(int argc, char **argv, int extra_ok)
{
	struct json_object *p;

	if (argc < 1) {
		agwctl_missing("IMSI");
		return NULL;
	}
	if (argc > 1 + extra_ok) {
		agwctl_arg_wrong(argv[argc - 1], "unexpected");
		return NULL;
	}
	p = json_object_new_object();
	json_object_object_add(p, "imsi", json_object_new_string(argv[0]));
	return p;
}

static int do_del(int argc, char **argv)
{
	return call_print("subscriber.delete", imsi_only(argc, argv, 0), true);
}

static int do_show(int argc, char **argv)
{
	struct json_object *p = imsi_only(argc, argv, 1);

	if (p && argc == 2) {
		if (strcmp(argv[1], "keys")) {
			json_object_put(p);
			return agwctl_arg_wrong(argv[1], "expected \"keys\"");
		}
		json_object_object_add(p, "keys", json_object_new_boolean(1));
	}
	return call_print("subscriber.show", p, false);
}

/* Pages through the whole list unless "limit N" is given. */
static int do_list(int argc, char **argv)
{
	struct json_object *all = json_object_new_array();
	const char *after = "";
	long long limit = -1;
	bool header = false;

	for (int i = 0; i < argc; i++) {
		const char *v;

		if (strcmp(argv[i], "after") && strcmp(argv[i], "limit")) {
			json_object_put(all);
			return agwctl_arg_wrong(argv[i], "expected after or limit");
		}
		v = agwctl_next(argc, argv, &i);
		if (!v) {
			json_object_put(all);
			return 1;
		}
		if (!strcmp(argv[i - 1], "after"))
			after = v;
		else if ((limit = strtoll(v, NULL, 10)) < 1 || limit > 1000) {
			json_object_put(all);
			return agwctl_arg_wrong(v, "limit is 1..1000");
		}
	}
	for (;;) {
		struct json_object *p = json_object_new_object(), *res, *subs;
		const char *next;

		json_object_object_add(p, "after", json_object_new_string(after));
		json_object_object_add(p, "limit", json_object_new_int(limit > 0 ? (int)limit : 1000));
		if (agwctl_call("subscriber.list", p, &res)) {
			json_object_put(all);
			return 1;
		}
		json_object_object_get_ex(res, "subscribers", &subs);
		for (size_t i = 0; i < json_object_array_length(subs); i++) {
			struct json_object *r = json_object_array_get_idx(subs, i);

			if (agwctl_json) {
				json_object_array_add(all, json_object_get(r));
				continue;
			}
			if (!header)
				printf("%-16s %-16s %-10s %s\n", "IMSI", "MSISDN", "STATE", "APNS");
			header = true;
			printf("%-16s %-16s %-10s ", agwctl_str(r, "imsi"), agwctl_str(r, "msisdn"),
			       agwctl_str(r, "state"));
			print_apns(r, true);
			printf("\n");
		}
		next = agwctl_str(res, "next");
		if (limit > 0 || !next[0]) {
			json_object_put(res);
			break;
		}
		after = strdupa(next);
		json_object_put(res);
	}
	if (agwctl_json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "subscribers", all);
		agwctl_print_json(o);
		json_object_put(o);
	} else {
		json_object_put(all);
	}
	return 0;
}

/*
 * Streaming import (Documentation/agwctl.md "Streaming import"): the file
 * is read line by line and sent in chunks of whole lines, each request
 * below the control socket's limit, inside one import session:
 * subscriber.import.begin, .chunk..., .commit (or .abort after an error).
 */
#define CHUNK_TARGET	(512u << 10)	/* raw CSV octets per request */

struct chunk {
	char *buf;
	size_t len, cap;
};

static int send_chunk(long long id, const struct chunk *c)
{
	struct json_object *p = json_object_new_object(), *res;

	json_object_object_add(p, "import", json_object_new_int64(id));
	json_object_object_add(p, "csv", json_object_new_string_len(c->buf, (int)c->len));
	if (agwctl_call("subscriber.import.chunk", p, &res))
		return 1;
	json_object_put(res);
	return 0;
}

static void import_abort(long long id)
{
	struct json_object *p = json_object_new_object(), *res = NULL;

	/* agwd drops a failed import itself; this one is for our own errors */
	json_object_object_add(p, "import", json_object_new_int64(id));
	if (!agwctl_call_quiet("subscriber.import.abort", p, &res))
		json_object_put(res);
}

static int stream(FILE *f, const char *path, long long id, size_t max)
{
	struct chunk c = { .cap = max + 1 };
	char *line = NULL;
	size_t lcap = 0;
	unsigned long lineno = 0;
	ssize_t n;
	int rc = 0;

	c.buf = malloc(c.cap);
	if (!c.buf) {
		fprintf(stderr, "Error: out of memory\n");
		return 1;
	}
	while (!rc && (n = getline(&line, &lcap, f)) >= 0) {
		lineno++;
		if ((size_t)n > max) {
			fprintf(stderr, "Error: %s: line %lu: longer than %zu octets\n", path,
				lineno, max);
			rc = 1;
			break;
		}
		if (c.len + (size_t)n > (max < CHUNK_TARGET ? max : CHUNK_TARGET) && c.len) {
			rc = send_chunk(id, &c);
			c.len = 0;
		}
		memcpy(c.buf + c.len, line, (size_t)n);
		c.len += (size_t)n;
	}
	if (!rc && ferror(f)) {
		fprintf(stderr, "Error: %s: %s\n", path, strerror(errno));
		rc = 1;
	}
	if (!rc && c.len)
		rc = send_chunk(id, &c);
	free(line);
	free(c.buf);
	return rc;
}

static int do_import(int argc, char **argv)
{
	struct json_object *p, *res;
	bool replace = false, sync = false, chunked = false;
	long long id, max;
	FILE *f;
	int rc;

	if (argc < 1)
		return agwctl_missing("FILE");
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "replace"))
			replace = true;
		else if (!strcmp(argv[i], "sync"))
			sync = true;
		else if (!strcmp(argv[i], "chunked"))
			chunked = true;
		else
			return agwctl_arg_wrong(argv[i], "expected replace, sync or chunked");
	}
	if (sync && chunked)
		return agwctl_arg_wrong("chunked", "a sync is always atomic");
	f = strcmp(argv[0], "-") ? fopen(argv[0], "r") : stdin;
	if (!f) {
		fprintf(stderr, "Error: %s: %s\n", argv[0], strerror(errno));
		return 1;
	}
	p = json_object_new_object();
	json_object_object_add(p, "replace", json_object_new_boolean(replace));
	json_object_object_add(p, "sync", json_object_new_boolean(sync));
	json_object_object_add(p, "atomic", json_object_new_boolean(!chunked));
	rc = agwctl_call("subscriber.import.begin", p, &res);
	if (rc)
		goto out;
	id = agwctl_int(res, "import");
	max = agwctl_int(res, "chunk_max");
	json_object_put(res);
	/* the JSON escapes of a line ("\n", "\/") stay well inside the margin */
	rc = stream(f, strcmp(argv[0], "-") ? argv[0] : "stdin", id,
		    (size_t)(max > 4096 ? max / 2 : 4096));
	if (rc) {
		import_abort(id);
		goto out;
	}
	p = json_object_new_object();
	json_object_object_add(p, "import", json_object_new_int64(id));
	rc = agwctl_call("subscriber.import.commit", p, &res);
	if (rc)
		goto out;
	if (agwctl_json)
		agwctl_print_json(res);
	else if (sync)
		printf("imported %lld subscribers, deleted %lld\n", agwctl_int(res, "imported"),
		       agwctl_int(res, "deleted"));
	else
		printf("imported %lld subscribers\n", agwctl_int(res, "imported"));
	json_object_put(res);
out:
	if (f != stdin)
		fclose(f);
	return rc;
}

static const struct agwctl_cmd cmds[] = {
	{ "add", do_add },
	{ "update", do_update },
	{ "del", do_del },
	{ "delete", do_del },
	{ "show", do_show },
	{ "list", do_list },
	{ "import", do_import },
};

static int do_subscriber(int argc, char **argv)
{
	return agwctl_dispatch("subscriber", cmds, sizeof(cmds) / sizeof(cmds[0]), argc, argv);
}

AGWCTL_OBJECT(subscriber, do_subscriber,
	"Usage: agwctl subscriber add IMSI k HEX { op | opc } HEX [ amf HEX ] [ sqn N ]\n"
	"                             [ msisdn N ] [ state STATE ] [ APN ]...\n"
	"       agwctl subscriber update IMSI [ k HEX ] [ { op | opc } HEX ] [ amf HEX ]\n"
	"                             [ sqn N ] [ msisdn N ] [ state STATE ] [ APN ]...\n"
	"       agwctl subscriber { del | show } IMSI\n"
	"       agwctl subscriber show IMSI keys\n"
	"       agwctl subscriber list [ after IMSI ] [ limit N ]\n"
	"       agwctl subscriber import { FILE | - } [ replace ] [ sync | chunked ]\n"
	"where  APN := apn NAME [ ip ADDR ] [ ip6 PREFIX/64 ] [ qci 1..9 ] [ arp 1..15 ]\n"
	"                       [ ambr_ul BPS ] [ ambr_dl BPS ]\n"
	"       STATE := { active | suspended }\n"
	"       IMSI is 6 to 15 digits; HEX is 32 hex digits for k, op, opc and 4 for amf;\n"
	"       sqn is the last SQN used (the next vector uses the one after it);\n"
	"       update replaces the APN list when an APN is given;\n"
	"       import streams a CSV file of any size: all rows or none, or with chunked\n"
	"       each chunk of about 512 KiB on its own; replace updates existing IMSIs;\n"
	"       sync also deletes the subscribers the file does not name.")
