// SPDX-License-Identifier: GPL-2.0
/*
 * agwctl ip { pools | leases | alloc | release }
 */
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "tools/agwctl/agwctl.h"

static int do_pools(int argc, char **argv)
{
	struct json_object *res, *pools;

	if (argc)
		return agwctl_arg_wrong(argv[0], "unexpected");
	if (agwctl_call("ip.pools", NULL, &res))
		return 1;
	if (agwctl_json) {
		agwctl_print_json(res);
		json_object_put(res);
		return 0;
	}
	json_object_object_get_ex(res, "pools", &pools);
	printf("%-20s %-6s %-24s %10s %10s %10s %10s\n", "APN", "FAMILY", "PREFIX", "SIZE",
	       "IN_USE", "RESERVED", "FREE");
	for (size_t i = 0; i < json_object_array_length(pools); i++) {
		struct json_object *p = json_object_array_get_idx(pools, i);

		printf("%-20s %-6s %-24s %10lld %10lld %10lld %10lld\n", agwctl_str(p, "apn"),
		       agwctl_str(p, "family"), agwctl_str(p, "prefix"), agwctl_int(p, "size"),
		       agwctl_int(p, "in_use"), agwctl_int(p, "reserved"), agwctl_int(p, "free"));
	}
	json_object_put(res);
	return 0;
}

static void print_lease(struct json_object *l, bool header)
{
	struct json_object *v;
	bool st4 = json_object_object_get_ex(l, "ipv4_static", &v) && json_object_get_boolean(v);
	bool st6 = json_object_object_get_ex(l, "ipv6_static", &v) && json_object_get_boolean(v);
	char a4[40], a6[56];

	if (header)
		printf("%-16s %-20s %-18s %s\n", "IMSI", "APN", "IPV4", "IPV6");
	snprintf(a4, sizeof(a4), "%s%s", agwctl_str(l, "ipv4")[0] ? agwctl_str(l, "ipv4") : "-",
		 st4 ? "*" : "");
	snprintf(a6, sizeof(a6), "%s%s", agwctl_str(l, "ipv6")[0] ? agwctl_str(l, "ipv6") : "-",
		 st6 ? "*" : "");
	printf("%-16s %-20s %-18s %s\n", agwctl_str(l, "imsi"), agwctl_str(l, "apn"), a4, a6);
}

/* "[imsi IMSI] [apn NAME]" or, with imsi_first, "IMSI apn NAME" */
static struct json_object *lease_params(int argc, char **argv, bool imsi_first)
{
	struct json_object *p = json_object_new_object();
	int i = 0;

	if (imsi_first) {
		if (argc < 1) {
			agwctl_missing("IMSI");
			goto fail;
		}
		json_object_object_add(p, "imsi", json_object_new_string(argv[0]));
		i = 1;
	}
	for (; i < argc; i++) {
		const char *kw = argv[i], *v;

		if (strcmp(kw, "apn") && (imsi_first || strcmp(kw, "imsi"))) {
			agwctl_arg_wrong(kw, imsi_first ? "expected apn" : "expected apn or imsi");
			goto fail;
		}
		v = agwctl_next(argc, argv, &i);
		if (!v)
			goto fail;
		json_object_object_add(p, kw, json_object_new_string(v));
	}
	if (imsi_first && !json_object_object_get_ex(p, "apn", NULL)) {
		agwctl_missing("apn NAME");
		goto fail;
	}
	return p;
fail:
	json_object_put(p);
	return NULL;
}

static int do_leases(int argc, char **argv)
{
	struct json_object *p = lease_params(argc, argv, false), *res, *leases;

	if (!p || agwctl_call("ip.leases", p, &res))
		return 1;
	if (agwctl_json) {
		agwctl_print_json(res);
		json_object_put(res);
		return 0;
	}
	json_object_object_get_ex(res, "leases", &leases);
	for (size_t i = 0; i < json_object_array_length(leases); i++)
		print_lease(json_object_array_get_idx(leases, i), i == 0);
	json_object_put(res);
	return 0;
}

static int do_alloc(int argc, char **argv)
{
	struct json_object *p = lease_params(argc, argv, true), *res;

	if (!p || agwctl_call("ip.alloc", p, &res))
		return 1;
	if (agwctl_json)
		agwctl_print_json(res);
	else
		print_lease(res, true);
	json_object_put(res);
	return 0;
}

static int do_release(int argc, char **argv)
{
	struct json_object *p = lease_params(argc, argv, true), *res;

	if (!p || agwctl_call("ip.release", p, &res))
		return 1;
	json_object_put(res);
	return 0;
}

static const struct agwctl_cmd cmds[] = {
	{ "pools", do_pools },
	{ "leases", do_leases },
	{ "alloc", do_alloc },
	{ "release", do_release },
};

static int do_ip(int argc, char **argv)
{
	return agwctl_dispatch("ip", cmds, sizeof(cmds) / sizeof(cmds[0]), argc, argv);
}

AGWCTL_OBJECT(ip, do_ip,
	"Usage: agwctl ip pools\n"
	"       agwctl ip leases [ imsi IMSI ] [ apn NAME ]\n"
	"       agwctl ip { alloc | release } IMSI apn NAME\n"
	"where  alloc leases addresses as an attach would (the subscriber's static\n"
	"       address if it has one); a * after an address marks a static one.")
