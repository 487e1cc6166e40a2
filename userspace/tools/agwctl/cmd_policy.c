// SPDX-License-Identifier: GPL-2.0
/*
 * agwctl policy { add | del | list } (methods policy.add, policy.del,
 * policy.list) and agwctl stats (mme.stats).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "tools/agwctl/agwctl.h"

static struct json_object *get(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	json_object_object_get_ex(o, key, &v);
	return v;
}

/* keyword -> JSON key; numbers after index FIRST_NUM */
static const char *const add_kw[] = { "apn", "name", "tft", "qci", "arp", "mbr_ul", "mbr_dl",
				      "gbr_ul", "gbr_dl", NULL };
#define FIRST_NUM 3

static int add_kv(struct json_object *p, const char *kw, const char *v)
{
	size_t k;

	for (k = 0; add_kw[k] && strcmp(add_kw[k], kw); k++)
		;
	if (!add_kw[k])
		return agwctl_arg_wrong(kw, "expected apn, name, tft, qci, arp, mbr_ul, mbr_dl, "
					"gbr_ul or gbr_dl");
	if (json_object_object_get_ex(p, kw, NULL))
		return agwctl_arg_wrong(kw, "given twice");
	if (k >= FIRST_NUM) {
		char *end;
		unsigned long long n = strtoull(v, &end, 10);

		if (!*v || *end || *v == '-')
			return agwctl_arg_wrong(v, "not a number");
		json_object_object_add(p, kw, json_object_new_int64((int64_t)n));
	} else {
		json_object_object_add(p, kw, json_object_new_string(v));
	}
	return 0;
}

static int do_add(int argc, char **argv)
{
	struct json_object *p, *res = NULL;

	if (argc < 1)
		return agwctl_missing("IMSI");
	p = json_object_new_object();
	json_object_object_add(p, "imsi", json_object_new_string(argv[0]));
	for (int i = 1; i < argc; i++) {
		const char *kw = argv[i], *v = agwctl_next(argc, argv, &i);

		if (!v || add_kv(p, kw, v)) {
			json_object_put(p);
			return 1;
		}
	}
	/* agwd checks the rest (required keys, ranges, the TFT grammar) */
	if (agwctl_call("policy.add", p, &res))
		return 1;
	if (agwctl_json)
		printf("null\n");
	json_object_put(res);
	return 0;
}

static int do_del(int argc, char **argv)
{
	struct json_object *p, *res = NULL;

	if (argc < 1)
		return agwctl_missing("IMSI");
	if (argc < 3 || strcmp(argv[1], "name"))
		return agwctl_missing("name NAME");
	if (argc > 3)
		return agwctl_arg_wrong(argv[3], "unexpected");
	p = json_object_new_object();
	json_object_object_add(p, "imsi", json_object_new_string(argv[0]));
	json_object_object_add(p, "name", json_object_new_string(argv[2]));
	if (agwctl_call("policy.del", p, &res))
		return 1;
	if (agwctl_json)
		printf("null\n");
	json_object_put(res);
	return 0;
}

static int do_list(int argc, char **argv)
{
	struct json_object *p = NULL, *res, *rules;

	if (argc == 2 && !strcmp(argv[0], "imsi")) {
		p = json_object_new_object();
		json_object_object_add(p, "imsi", json_object_new_string(argv[1]));
	} else if (argc) {
		return agwctl_arg_wrong(argv[0], "expected imsi IMSI");
	}
	if (agwctl_call("policy.list", p, &res))
		return 1;
	if (agwctl_json) {
		agwctl_print_json(res);
		json_object_put(res);
		return 0;
	}
	rules = get(res, "rules");
	printf("%-16s %-12s %-16s %3s %3s %11s %11s %11s %11s %s\n", "IMSI", "APN", "NAME", "QCI",
	       "ARP", "MBR_UL", "MBR_DL", "GBR_UL", "GBR_DL", "TFT");
	for (size_t i = 0; i < json_object_array_length(rules); i++) {
		struct json_object *r = json_object_array_get_idx(rules, i);

		printf("%-16s %-12s %-16s %3lld %3lld %11lld %11lld %11lld %11lld %s\n",
		       agwctl_str(r, "imsi"), agwctl_str(r, "apn"), agwctl_str(r, "name"),
		       agwctl_int(r, "qci"), agwctl_int(r, "arp"), agwctl_int(r, "mbr_ul"),
		       agwctl_int(r, "mbr_dl"), agwctl_int(r, "gbr_ul"), agwctl_int(r, "gbr_dl"),
		       agwctl_str(r, "tft"));
	}
	json_object_put(res);
	return 0;
}

static const struct agwctl_cmd cmds[] = {
	{ "add", do_add },
	{ "del", do_del },
	{ "list", do_list },
};

static int do_policy(int argc, char **argv)
{
	return agwctl_dispatch("policy", cmds, sizeof(cmds) / sizeof(cmds[0]), argc, argv);
}

AGWCTL_OBJECT(policy, do_policy,
	"Usage: agwctl policy add IMSI apn APN name NAME qci 1..9 [ arp 1..15 ]\n"
	"                         mbr_ul BPS mbr_dl BPS [ gbr_ul BPS ] [ gbr_dl BPS ] tft TFT\n"
	"       agwctl policy del IMSI name NAME\n"
	"       agwctl policy list [ imsi IMSI ]\n"
	"where  TFT := FILTER [ ; FILTER ]...\n"
	"       FILTER := permit { out | in | inout } { ip | udp | tcp | icmp | 0..255 }\n"
	"                 from ADDR [ PORTS ] to ADDR [ PORTS ]\n"
	"       out is uplink (from the UE), in downlink (to the UE), inout both;\n"
	"       the UE's side is \"any\"; the other is any, an address or a prefix;\n"
	"       PORTS := N | N-M.  A rule of a registered UE becomes a dedicated bearer.")

static void stats_group(struct json_object *o, const char *prefix)
{
	json_object_object_foreach(o, k, v) {
		char key[96];

		snprintf(key, sizeof(key), "%s%s%s", prefix ? prefix : "", prefix ? "." : "", k);
		if (json_object_is_type(v, json_type_object))
			stats_group(v, key);
		else
			printf("%-28s %s\n", key, json_object_get_string(v));
	}
}

static int do_stats(int argc, char **argv)
{
	struct json_object *res;

	if (argc && !strcmp(argv[0], "help")) {
		agwctl_usage("stats");
		return 0;
	}
	if (argc)
		return agwctl_arg_wrong(argv[0], "unexpected");
	if (agwctl_call("mme.stats", NULL, &res))
		return 1;
	if (agwctl_json)
		agwctl_print_json(res);
	else
		stats_group(res, NULL);
	json_object_put(res);
	return 0;
}

AGWCTL_OBJECT(stats, do_stats,
	"Usage: agwctl stats\n"
	"where  stats prints agwd's MME counters: UE contexts, eNodeBs, TEIDs, S1AP\n"
	"       PDUs and errors, datapath bearers and operations.")
