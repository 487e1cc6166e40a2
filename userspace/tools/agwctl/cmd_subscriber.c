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

#define IMPORT_MAX (1u << 20)	/* agwd's request limit; split bigger files */

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

static char *read_file(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *buf;
	size_t n;

	if (!f) {
		fprintf(stderr, "Error: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	buf = malloc(IMPORT_MAX + 1);
	n = buf ? fread(buf, 1, IMPORT_MAX + 1, f) : 0;
	if (f != stdin)
		fclose(f);
	if (!buf || n > IMPORT_MAX - 64) {
		fprintf(stderr, "Error: %s: larger than %u bytes, split it\n", path, IMPORT_MAX - 64);
		free(buf);
		return NULL;
	}
	buf[n] = 0;
	*len = n;
	return buf;
}

static int do_import(int argc, char **argv)
{
	struct json_object *p, *res;
	size_t len;
	char *text;

	if (argc < 1)
		return agwctl_missing("FILE");
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "replace")))
		return agwctl_arg_wrong(argv[argc - 1], "expected \"replace\"");
	text = read_file(argv[0], &len);
	if (!text)
		return 1;
	p = json_object_new_object();
	json_object_object_add(p, "csv", json_object_new_string_len(text, (int)len));
	free(text);
	if (argc == 2)
		json_object_object_add(p, "replace", json_object_new_boolean(1));
	if (agwctl_call("subscriber.import", p, &res))
		return 1;
	if (agwctl_json)
		agwctl_print_json(res);
	else
		printf("imported %lld subscribers\n", agwctl_int(res, "imported"));
	json_object_put(res);
	return 0;
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
	"       agwctl subscriber import { FILE | - } [ replace ]\n"
	"where  APN := apn NAME [ ip ADDR ] [ ip6 PREFIX/64 ] [ qci 1..9 ] [ arp 1..15 ]\n"
	"                       [ ambr_ul BPS ] [ ambr_dl BPS ]\n"
	"       STATE := { active | suspended }\n"
	"       IMSI is 6 to 15 digits; HEX is 32 hex digits for k, op, opc and 4 for amf;\n"
	"       sqn is the last SQN used (the next vector uses the one after it);\n"
	"       update replaces the APN list when an APN is given.")
