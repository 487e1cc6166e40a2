// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl ambr { set | show }: APN-AMBR groups, and the QoS fields of a
 * bearer line (MBRs, AMBR group, QFI).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gtpuctl.h"

/* Text formats are the caller's literals, with exactly one %s. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* A rate in bit/s: JSON a number, text the largest exact tc unit */
void out_rate(const char *key, const char *fmt, uint64_t bits)
{
	static const struct {
		uint64_t scale;
		const char *unit;
	} units[] = {
		{ 1000000000, "gbit" }, { 1000000, "mbit" }, { 1000, "kbit" },
		{ 1, "bit" },
	};
	char buf[32];

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (bits % units[i].scale)
			continue;
		snprintf(buf, sizeof(buf), "%" PRIu64 "%s", bits / units[i].scale,
			 bits ? units[i].unit : "");
		break;
	}
	out_u64(key, NULL, bits);
	if (fmt)
		out_text(fmt, buf);
}

/* After the rest of a bearer: only the fields that are set */
void print_qos(const struct gtpnl_bearer *b, bool table)
{
	(void)table;
	if (b->have & GTPNL_B_MBR_UL)
		out_rate("mbr_ul", "mbr-ul %s ", b->mbr_ul);
	if (b->have & GTPNL_B_MBR_DL)
		out_rate("mbr_dl", "mbr-dl %s ", b->mbr_dl);
	if (b->have & GTPNL_B_AMBR_GROUP)
		out_u64("ambr_group", "ambr-group %llu ", b->ambr_group);
	if (b->have & GTPNL_B_QFI)
		out_u64("qfi", "qfi %llu ", b->qfi);
}

static int ambr_set(struct ctx *c, int argc, char **argv)
{
	struct gtpnl_ambr a = { 0 };
	const char *why;
	uint64_t n;

	for (int i = 0; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(k, "dev") && strcmp(k, "group") && strcmp(k, "ul") &&
		    strcmp(k, "dl"))
			return err_usage(c, "argument \"%s\" is wrong: unknown keyword", k);
		if (!v)
			return err_usage(c, "argument \"%s\" is wrong: value missing", k);
		if (!strcmp(k, "dev")) {
			a.ifindex = ctx_ifindex(c, v);
			if (!a.ifindex)
				return 1;
		} else if (!strcmp(k, "group")) {
			if (gtpnl_arg_num(v, UINT32_MAX, &n))
				return err_usage(c, "argument \"%s\" is wrong: AMBR group must be a 32-bit number", v);
			a.group = (uint32_t)n;
		} else if (gtpnl_arg_rate(v, &n, &why)) {
			return err_usage(c, "argument \"%s\" is wrong: %s", v, why);
		} else if (!strcmp(k, "ul")) {
			a.ul = n;
			a.have |= GTPNL_A_UL;
		} else {
			a.dl = n;
			a.have |= GTPNL_A_DL;
		}
	}
	if (!a.ifindex)
		return err_usage(c, "argument \"dev\" is required");
	if (!a.group)
		return err_usage(c, "argument \"group\" is required");
	if (!ctx_handle(c))
		return 1;
	return gtpnl_ambr_set(c->h, &a) ? err_kernel(c) : 0;
}

static int show_one(const struct gtpnl_ambr *a, void *data)
{
	struct ctx *c = data;

	out_obj_begin();
	out_str("dev", "dev %s ", ctx_ifname(c, a->ifindex));
	out_u64("group", "group %llu ", a->group);
	out_rate("ul", "ul %s ", a->ul);
	out_rate("dl", "dl %s ", a->dl);
	out_u64("members", "members %llu ", a->members);
	out_u64("drop_ul", "drop-ul %llu ", a->drop_ul);
	out_u64("drop_dl", "drop-dl %llu", a->drop_dl);
	out_obj_end();
	return 0;
}

static int ambr_show(struct ctx *c, int argc, char **argv)
{
	uint32_t ifindex = 0, group = 0;
	struct gtpnl_ambr a;
	uint64_t n;
	int ret;

	for (int i = 0; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(k, "dev") && strcmp(k, "group"))
			return err_usage(c, "argument \"%s\" is wrong: unknown keyword", k);
		if (!v)
			return err_usage(c, "argument \"%s\" is wrong: value missing", k);
		if (!strcmp(k, "dev")) {
			ifindex = ctx_ifindex(c, v);
			if (!ifindex)
				return 1;
		} else if (gtpnl_arg_num(v, UINT32_MAX, &n) || !n) {
			return err_usage(c, "argument \"%s\" is wrong: AMBR group must be a number 1..2^32-1", v);
		} else {
			group = (uint32_t)n;
		}
	}
	if (group && !ifindex)
		return err_usage(c, "argument \"dev\" is required with \"group\"");
	if (!ctx_handle(c))
		return 1;
	out_list_begin();
	if (group) {
		ret = gtpnl_ambr_get(c->h, ifindex, group, &a);
		if (!ret)
			show_one(&a, c);
	} else {
		ret = gtpnl_ambr_dump(c->h, ifindex, show_one, c);
	}
	out_list_end();
	return ret ? err_kernel(c) : 0;
}

static const struct cmd ambr_cmds[] = {
	{ "set", ambr_set },
	{ "show", ambr_show },
	{ NULL, NULL },
};

int do_ambr(struct ctx *c, int argc, char **argv)
{
	return run_table(c, ambr_cmds, "ambr", argc, argv);
}
