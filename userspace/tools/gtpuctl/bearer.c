// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl bearer { add | mod | del | show }.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "gtpuctl.h"

/* Table widths: header and rows use the same ones. */
#define W_DEV	"12"
#define W_TEID	"10"
#define W_ADDR	"15"
#define W_PFX	"24"
#define W_EBI	"3"
#define W_CNT	"10"
#define W_STATE	"12"

static const unsigned int table_stats[] = {
	GTPU_STATS_A_UL_PACKETS, GTPU_STATS_A_UL_BYTES,
	GTPU_STATS_A_DL_PACKETS, GTPU_STATS_A_DL_BYTES,
	GTPU_STATS_A_DROP_BAD_SRC, GTPU_STATS_A_DROP_TX, GTPU_STATS_A_DROP_IDLE,
	GTPU_STATS_A_DROP_POLICED,
};

static void print_header(struct ctx *c)
{
	out_text("%-" W_DEV "s %-" W_TEID "s %-" W_TEID "s %-" W_ADDR "s %-"
		 W_ADDR "s %-" W_PFX "s %-" W_EBI "s %s",
		 "DEV", "TEID-IN", "TEID-OUT", "PEER", "UE", "UE6", "EBI",
		 "COOKIE             ");
	out_text("%-" W_STATE "s ", "STATE");
	if (c->stats)
		out_text("%-" W_CNT "s %-" W_CNT "s %-" W_CNT "s %-" W_CNT
			 "s %-" W_CNT "s %-" W_CNT "s %-" W_CNT "s %s", "UL-PKTS",
			 "UL-BYTES", "DL-PKTS", "DL-BYTES", "DROP-SRC", "DROP-TX",
			 "DROP-IDLE", "DROP-POL");
	out_text("\n");
}

/* A missing optional field: "-" in the table, nothing in lines and JSON. */
static void absent(bool table, const char *width)
{
	if (table)
		out_text("%-*s ", atoi(width), "-");
}

static void print_bearer_stats(const struct gtpnl_bearer *b, bool table)
{
	if (!table) {
		out_stats(&b->stats, "    ");
		return;
	}
	out_nest_begin("stats");
	for (size_t i = 0; i < sizeof(table_stats) / sizeof(table_stats[0]); i++) {
		unsigned int a = table_stats[i];

		out_u64(gtpnl_stats_name(a), "%-" W_CNT "llu ", b->stats.c[a]);
	}
	out_nest_end();
}

/* "active", or "idle" with the queue length: "idle/3" in the table */
static void print_state(const struct gtpnl_bearer *b, bool table)
{
	bool idle = (b->have & GTPNL_B_STATE) &&
		    b->state == GTPU_BEARER_STATE_IDLE;
	char buf[32];

	if (!(b->have & GTPNL_B_STATE)) {
		absent(table, W_STATE);
		return;
	}
	if (table && idle) {
		snprintf(buf, sizeof(buf), "idle/%u", b->queued);
		out_text("%-" W_STATE "s ", buf);
		out_str("state", NULL, "idle");
		out_u64("queued", NULL, b->queued);
		return;
	}
	out_str("state", table ? "%-" W_STATE "s " : "state %s ",
		idle ? "idle" : "active");
	if (b->have & GTPNL_B_QUEUED)	/* text: only while idle */
		out_u64("queued", idle && !table ? "queued %llu " : NULL,
			b->queued);
}

/* Armed thresholds and a usage report: lines and JSON, not the table */
static void print_meter(const struct gtpnl_bearer *b, bool table)
{
	static const unsigned int usage[] = {
		GTPU_STATS_A_UL_PACKETS, GTPU_STATS_A_UL_BYTES,
		GTPU_STATS_A_DL_PACKETS, GTPU_STATS_A_DL_BYTES,
	};

	if (b->thr_total)
		out_u64("threshold", table ? NULL : "threshold %llu ", b->thr_total);
	if (b->thr_ul)
		out_u64("threshold_ul", table ? NULL : "threshold-ul %llu ", b->thr_ul);
	if (b->thr_dl)
		out_u64("threshold_dl", table ? NULL : "threshold-dl %llu ", b->thr_dl);
	if (!(b->have & GTPNL_B_USAGE))
		return;
	out_nest_begin("usage");
	for (size_t i = 0; i < sizeof(usage) / sizeof(usage[0]); i++) {
		const char *name = gtpnl_stats_name(usage[i]);
		char fmt[48];

		snprintf(fmt, sizeof(fmt), "%s %%llu ", name);
		out_u64(name, fmt, b->usage.c[usage[i]]);
	}
	out_nest_end();
}

static void print_filter_json(const struct gtpnl_filter *f)
{
	static const char *const dir[] = { "?", "dl", "ul", "both" };
	char buf[64];

	out_nest_begin(NULL);
	out_u64("id", NULL, f->id);
	out_u64("prec", NULL, f->prec);
	out_str("dir", NULL, dir[f->dir <= 3 ? f->dir : 0]);
	if (f->have & GTPNL_F_PROTO)
		out_u64("proto", NULL, f->proto);
	if ((f->have & GTPNL_F_REMOTE) && f->remote_family == AF_INET6)
		out_prefix6("remote", NULL, &f->remote.v6, f->remote_plen);
	else if (f->have & GTPNL_F_REMOTE)
		out_addr("remote", NULL, AF_INET, &f->remote.v4);
	if ((f->have & GTPNL_F_REMOTE) && f->remote_family == AF_INET)
		out_addr("remote_mask", NULL, AF_INET, &f->remote_mask);
	if (f->have & GTPNL_F_LPORT) {
		snprintf(buf, sizeof(buf), "%u-%u", f->lport_lo, f->lport_hi);
		out_str("lport", NULL, buf);
	}
	if (f->have & GTPNL_F_RPORT) {
		snprintf(buf, sizeof(buf), "%u-%u", f->rport_lo, f->rport_hi);
		out_str("rport", NULL, buf);
	}
	if (f->have & GTPNL_F_TOS) {
		out_u64("tos", NULL, f->tos);
		out_u64("tos_mask", NULL, f->tos_mask);
	}
	if (f->have & GTPNL_F_SPI)
		out_u64("spi", NULL, f->spi);
	if (f->have & GTPNL_F_FLOW)
		out_u64("flow", NULL, f->flow);
	out_nest_end();
}

/* A dedicated bearer's TFT: tft "FILTER; ..." in text, an array in JSON */
static void print_tft(const struct gtpnl_bearer *b, bool table)
{
	char buf[160];

	if (!(b->have & GTPNL_B_TFT))
		return;
	/* the table: on a line of its own below the bearer's row */
	out_text("%stft \"", table ? "\n    " : "");
	for (unsigned int i = 0; i < b->tft.n; i++) {
		if (gtpnl_filter_format(&b->tft.f[i], buf, sizeof(buf)) < 0)
			snprintf(buf, sizeof(buf), "id %u ...", b->tft.f[i].id);
		out_text("%s%s", i ? "; " : "", buf);
	}
	out_text("\"%s", table ? "" : " ");
	out_array_begin("tft");
	for (unsigned int i = 0; i < b->tft.n; i++)
		print_filter_json(&b->tft.f[i]);
	out_array_end();
}

void print_bearer(struct ctx *c, const struct gtpnl_bearer *b, bool table)
{
	out_str("dev", table ? "%-" W_DEV "s " : "dev %s ",
		ctx_ifname(c, b->ifindex));
	out_u64("teid_in", table ? "%-" W_TEID "llu " : "teid-in %llu ", b->teid_in);
	if (b->have & GTPNL_B_TEID_OUT)
		out_u64("teid_out", table ? "%-" W_TEID "llu " : "teid-out %llu ",
			b->teid_out);
	else
		absent(table, W_TEID);
	if (b->have & GTPNL_B_PEER)
		out_addr("peer", table ? "%-" W_ADDR "s " : "peer %s ",
			 b->peer_family, &b->peer);
	else
		absent(table, W_ADDR);
	if (b->have & GTPNL_B_UE4)
		out_addr("ue", table ? "%-" W_ADDR "s " : "ue %s ", AF_INET, &b->ue4);
	else
		absent(table, W_ADDR);
	if (b->have & GTPNL_B_UE6)
		out_prefix6("ue6", table ? "%-" W_PFX "s " : "ue6 %s ", &b->ue6,
			    b->ue6_plen);
	else
		absent(table, W_PFX);
	if (b->have & GTPNL_B_EBI)
		out_u64("ebi", table ? "%-" W_EBI "llu " : "ebi %llu ", b->ebi);
	else
		absent(table, W_EBI);
	if (b->have & GTPNL_B_COOKIE)
		out_hex64("cookie", table ? "%-18s " : "cookie %s ", b->cookie);
	else
		absent(table, "18");
	print_state(b, table);
	print_meter(b, table);
	print_tft(b, table);
	if (c->stats && (b->have & GTPNL_B_STATS))
		print_bearer_stats(b, table);
	print_qos(b, table);
}

int bearer_add_args(struct ctx *c, int argc, char **argv,
		    struct gtpnl_bearer *b)
{
	struct gtpnl_arg_err e;
	const char *dev;

	if (gtpnl_arg_bearer(argc, argv, GTPNL_ARG_ADD, b, &dev, &e))
		return err_arg(c, &e);
	b->ifindex = ctx_ifindex(c, dev);
	return b->ifindex ? 0 : 1;
}

static int bearer_add(struct ctx *c, int argc, char **argv)
{
	struct gtpnl_bearer b;
	int ret = bearer_add_args(c, argc, argv, &b);

	if (ret)
		return ret;
	if (!ctx_handle(c))
		return 1;
	return gtpnl_bearer_add(c->h, &b) ? err_kernel(c) : 0;
}

static int bearer_moddel(struct ctx *c, int argc, char **argv,
			 enum gtpnl_arg_mode mode)
{
	struct gtpnl_arg_err e;
	struct gtpnl_bearer b;
	const char *dev;
	int err;

	if (gtpnl_arg_bearer(argc, argv, mode, &b, &dev, &e))
		return err_arg(c, &e);
	b.ifindex = ctx_ifindex(c, dev);
	if (!b.ifindex)
		return 1;
	if (!ctx_handle(c))
		return 1;
	if (mode == GTPNL_ARG_DEL)
		err = gtpnl_bearer_del(c->h, b.ifindex, b.teid_in);
	else if (mode == GTPNL_ARG_END_MARKER)
		err = gtpnl_end_marker(c->h, b.ifindex, b.teid_in);
	else	/* MOD, IDLE, ACTIVE: b carries the STATE for the last two */
		err = gtpnl_bearer_mod(c->h, &b);
	return err ? err_kernel(c) : 0;
}

static int bearer_mod(struct ctx *c, int argc, char **argv)
{
	return bearer_moddel(c, argc, argv, GTPNL_ARG_MOD);
}

static int bearer_del(struct ctx *c, int argc, char **argv)
{
	return bearer_moddel(c, argc, argv, GTPNL_ARG_DEL);
}

static int bearer_idle(struct ctx *c, int argc, char **argv)
{
	return bearer_moddel(c, argc, argv, GTPNL_ARG_IDLE);
}

static int bearer_active(struct ctx *c, int argc, char **argv)
{
	return bearer_moddel(c, argc, argv, GTPNL_ARG_ACTIVE);
}

static int bearer_end_marker(struct ctx *c, int argc, char **argv)
{
	return bearer_moddel(c, argc, argv, GTPNL_ARG_END_MARKER);
}

struct show {
	struct ctx *c;
	bool have_teid;
	uint32_t teid;
};

static int show_one(const struct gtpnl_bearer *b, void *data)
{
	struct show *s = data;

	if (s->have_teid && b->teid_in != s->teid)
		return 0;
	out_obj_begin();
	print_bearer(s->c, b, true);
	out_obj_end();
	return 0;
}

static int show_args(struct ctx *c, int argc, char **argv, struct show *s,
		     struct gtpnl_bearer_filter *f)
{
	for (int i = 0; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		union gtpnl_addr a;
		uint64_t n;
		int fam;

		if (strcmp(k, "dev") && strcmp(k, "teid") && strcmp(k, "ue"))
			return err_usage(c, "argument \"%s\" is wrong: unknown keyword", k);
		if (!v)
			return err_usage(c, "argument \"%s\" is wrong: value missing", k);
		if (!strcmp(k, "dev")) {
			f->ifindex = ctx_ifindex(c, v);
			if (!f->ifindex)
				return 1;
		} else if (!strcmp(k, "teid")) {
			if (gtpnl_arg_num(v, UINT32_MAX, &n))
				return err_usage(c, "argument \"%s\" is wrong: TEID must be a 32-bit number", v);
			s->have_teid = true;
			s->teid = (uint32_t)n;
		} else if (gtpnl_arg_addr(v, &fam, &a)) {
			return err_usage(c, "argument \"%s\" is wrong: not an IPv4 or IPv6 address", v);
		} else if (fam == AF_INET) {
			f->have_ue4 = true;
			f->ue4 = a.v4;
		} else {
			f->have_ue6 = true;	/* the /64 holding this address */
			memcpy(&f->ue6, &a.v6, 8);
		}
	}
	return 0;
}

static int bearer_show(struct ctx *c, int argc, char **argv)
{
	struct gtpnl_bearer_filter f = { 0 };
	struct show s = { .c = c };
	struct gtpnl_bearer b;
	int ret = show_args(c, argc, argv, &s, &f);

	if (ret)
		return ret;
	if (!ctx_handle(c))
		return 1;
	if (s.have_teid && f.ifindex && !f.have_ue4 && !f.have_ue6) {
		if (gtpnl_bearer_get(c->h, f.ifindex, s.teid, &b))
			return err_kernel(c);
		print_header(c);
		out_list_begin();
		show_one(&b, &s);
		out_list_end();
		return 0;
	}
	print_header(c);
	out_list_begin();
	ret = gtpnl_bearer_dump(c->h, &f, show_one, &s);
	out_list_end();
	return ret ? err_kernel(c) : 0;
}

/*
 * bearer usage [ dev NAME [ teid-in TEID ] ]: read and clear the usage
 * (GTPU_F_USAGE_CLEAR), one line per bearer.
 */
static int usage_one(const struct gtpnl_bearer *b, void *data)
{
	out_obj_begin();
	print_bearer(data, b, false);
	out_obj_end();
	return 0;
}

static int bearer_usage(struct ctx *c, int argc, char **argv)
{
	struct gtpnl_bearer_filter f = { .flags = GTPU_F_USAGE_CLEAR };
	struct gtpnl_bearer b;
	bool have_teid = false;
	uint32_t teid = 0;
	uint64_t n;
	int ret;

	for (int i = 0; i < argc; i += 2) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(k, "dev") && strcmp(k, "teid-in"))
			return err_usage(c, "argument \"%s\" is wrong: unknown keyword", k);
		if (!v)
			return err_usage(c, "argument \"%s\" is wrong: value missing", k);
		if (!strcmp(k, "dev") && !(f.ifindex = ctx_ifindex(c, v)))
			return 1;
		if (!strcmp(k, "teid-in")) {
			if (gtpnl_arg_num(v, UINT32_MAX, &n))
				return err_usage(c, "argument \"%s\" is wrong: TEID must be a 32-bit number", v);
			have_teid = true;
			teid = (uint32_t)n;
		}
	}
	if (have_teid && !f.ifindex)
		return err_usage(c, "argument \"dev\" is required with \"teid-in\"");
	if (!ctx_handle(c))
		return 1;
	out_list_begin();
	if (have_teid) {
		ret = gtpnl_bearer_get_flags(c->h, f.ifindex, teid,
					     GTPU_F_USAGE_CLEAR, &b);
		if (!ret)
			usage_one(&b, c);
	} else {
		ret = gtpnl_bearer_dump(c->h, &f, usage_one, c);
	}
	out_list_end();
	return ret ? err_kernel(c) : 0;
}

static const struct cmd bearer_cmds[] = {
	{ "add", bearer_add },
	{ "mod", bearer_mod },
	{ "del", bearer_del },
	{ "idle", bearer_idle },
	{ "active", bearer_active },
	{ "usage", bearer_usage },
	{ "end-marker", bearer_end_marker },
	{ "show", bearer_show },
	{ NULL, NULL },
};

int do_bearer(struct ctx *c, int argc, char **argv)
{
	return run_table(c, bearer_cmds, "bearer", argc, argv);
}
