// SPDX-License-Identifier: GPL-2.0
/*
 * gtpuctl: options, command dispatch, usage and error reporting.
 * See Documentation/gtpuctl.md.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gtpuctl.h"

/* topic NULL: general lines; "": "Where:" lines, shown with every topic */
static const struct {
	const char *topic;
	const char *text;
} usage_lines[] = {
	{ NULL, "Usage: gtpuctl [ OPTIONS ] OBJECT { COMMAND | help }" },
	{ NULL, "       gtpuctl [ OPTIONS ] -batch FILE" },
	{ "link", "       gtpuctl link add NAME [ local ADDR4 ] [ local6 ADDR6 ] [ port PORT ]" },
	{ "link", "                             [ restart-counter N ] [ idle-qlen N ] [ idle-qlen-dev N ]" },
	{ "link", "       gtpuctl link del NAME" },
	{ "link", "       gtpuctl link show [ NAME ]" },
	{ "bearer", "       gtpuctl bearer add dev NAME teid-in TEID teid-out TEID peer ADDR" },
	{ "bearer", "                          { ue ADDR4 [ ue6 PREFIX6 ] | ue6 PREFIX6 }" },
	{ "bearer", "                          [ ebi EBI ] [ cookie COOKIE ] [ THRESHOLDS ] [ QOS ] [ tft TFT ]" },
	{ "bearer", "       gtpuctl bearer mod dev NAME teid-in TEID [ teid-out TEID ] [ peer ADDR ]" },
	{ "bearer", "                          [ ebi EBI ] [ cookie COOKIE ] [ THRESHOLDS ] [ QOS ] [ tft TFT ]" },
	{ "bearer", "       gtpuctl bearer del dev NAME teid-in TEID" },
	{ "bearer", "       gtpuctl bearer idle dev NAME teid-in TEID" },
	{ "bearer", "       gtpuctl bearer active dev NAME teid-in TEID [ teid-out TEID ] [ peer ADDR ]" },
	{ "bearer", "       gtpuctl bearer show [ dev NAME ] [ teid TEID ] [ ue { ADDR4 | ADDR6 } ]" },
	{ "bearer", "       gtpuctl bearer usage [ dev NAME [ teid-in TEID ] ]" },
	{ "bearer", "       gtpuctl bearer end-marker dev NAME teid-in TEID" },
	{ "ambr", "       gtpuctl ambr set dev NAME group GROUP [ ul RATE ] [ dl RATE ]" },
	{ "ambr", "       gtpuctl ambr show [ dev NAME ] [ group GROUP ]" },
	{ "echo", "       gtpuctl echo dev NAME peer ADDR [ timeout SECONDS ]" },
	{ "monitor", "       gtpuctl monitor" },
	{ NULL, "       gtpuctl help" },
	{ NULL, "Where: OBJECT  := { link | bearer | ambr | echo | monitor | help }" },
	{ "", "       OPTIONS := { -j | -s | -p }   JSON output, counters, pretty JSON" },
	{ "", "       NAME    := a gtpu device name" },
	{ "", "       ADDR4   := an IPv4 address    ADDR6 := an IPv6 address" },
	{ "", "       ADDR    := ADDR4 | ADDR6" },
	{ "", "       PREFIX6 := an IPv6 prefix with its length, e.g. 2001:db8:1:2::/64" },
	{ "", "       PORT    := UDP port (default 2152)   N := restart counter 0..255" },
	{ "", "       TEID    := 32-bit tunnel endpoint identifier, decimal or 0x-hex" },
	{ "", "       EBI     := EPS bearer identity 5..15 (default 5)" },
	{ "", "       COOKIE  := 64-bit number kept with the bearer for its owner" },
	{ "", "       THRESHOLDS := [ threshold BYTES ] [ threshold-ul BYTES ] [ threshold-dl BYTES ]" },
	{ "", "       QOS     := [ mbr-ul RATE ] [ mbr-dl RATE ] [ ambr-group GROUP ] [ qfi QFI ]" },
	{ "", "       RATE    := NUMBER{bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps|tbps} or 0 (none)" },
	{ "", "       GROUP   := APN-AMBR group id, 32-bit (0: none)   QFI := 0..63" },
	{ "", "       TFT     := \"FILTER[; FILTER...]\" | none   (none: no TFT, a default bearer)" },
	{ "", "       FILTER  := id 1..15 prec 0..255 dir { dl | ul | both } [ proto { udp | tcp | icmp | N } ]" },
	{ "", "                  [ remote ADDR[/LEN] ] [ lport N[-M] ] [ rport N[-M] ] [ tos V[/MASK] ]" },
	{ "", "                  [ spi N ] [ flow N ]" },
	{ "", "       SECONDS := how long to wait for the Echo Response (default 3)" },
	{ NULL, "       FILE    := gtpuctl commands, one a line, without \"gtpuctl\";" },
	{ NULL, "                  - reads them from standard input" },
};

/* Prints the whole grammar, or the lines of one object and "Where:". */
void usage_print(FILE *f, const char *topic)
{
	bool first = true, where = true;

	for (size_t i = 0; i < sizeof(usage_lines) / sizeof(usage_lines[0]); i++) {
		const char *t = usage_lines[i].topic, *text = usage_lines[i].text;

		if (!topic) {
			fprintf(f, "%s\n", text);
			continue;
		}
		if (!t || (t[0] && strcmp(t, topic)))
			continue;
		/* the first line of each block gets its label */
		if (first && t[0])
			fprintf(f, "Usage: %s\n", text + 7);
		else if (where && !t[0])
			fprintf(f, "Where: %s\n", text + 7);
		else
			fprintf(f, "%s\n", text);
		if (t[0])
			first = false;
		else
			where = false;
	}
}

int err_usage(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

int err_fail(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

int err_arg(struct ctx *c, const struct gtpnl_arg_err *e)
{
	char buf[256];

	gtpnl_arg_strerror(e, buf, sizeof(buf));
	return err_usage(c, "%s", buf);
}

int err_kernel(struct ctx *c)
{
	const char *m = c->h ? gtpnl_errmsg(c->h) : "";

	return err_fail(c, "%s", m[0] ? m : "operation failed");
}

struct gtpnl *ctx_handle(struct ctx *c)
{
	int err;

	if (c->h)
		return c->h;
	err = gtpnl_open(&c->h);
	if (err) {
		err_fail(c, "cannot open netlink socket: %s", strerror(-err));
		return NULL;
	}
	return c->h;
}

uint32_t ctx_ifindex(struct ctx *c, const char *name)
{
	unsigned int idx;

	if (c->dev_idx && !strcmp(c->dev, name))
		return c->dev_idx;
	idx = if_nametoindex(name);
	if (!idx)
		return err_fail(c, "Cannot find device \"%s\"", name), 0;
	snprintf(c->dev, sizeof(c->dev), "%s", name);
	c->dev_idx = idx;
	return idx;
}

const char *ctx_ifname(struct ctx *c, uint32_t ifindex)
{
	if (c->name_idx != ifindex) {
		gtpnl_ifname(ifindex, c->name);
		c->name_idx = ifindex;
	}
	return c->name;
}

int run_table(struct ctx *c, const struct cmd *t, const char *what,
	      int argc, char **argv)
{
	if (argc < 1)
		return err_usage(c, "%s needs a command, try \"gtpuctl %s help\".",
				 what, what);
	if (!strcmp(argv[0], "help")) {
		usage_print(stdout, what);
		return 0;
	}
	for (; t->name; t++)
		if (!strcmp(t->name, argv[0]))
			return t->fn(c, argc - 1, argv + 1);
	fprintf(stderr, "Command \"%s\" is unknown, try \"gtpuctl %s help\".\n",
		argv[0], what);
	return 2;
}

static int do_help(struct ctx *c, int argc, char **argv)
{
	usage_print(stdout, NULL);
	return 0;
}

static const struct cmd objects[] = {
	{ "link", do_link },
	{ "bearer", do_bearer },
	{ "ambr", do_ambr },
	{ "echo", do_echo },
	{ "monitor", do_monitor },
	{ "help", do_help },
	{ NULL, NULL },
};

int run_command(struct ctx *c, int argc, char **argv)
{
	for (const struct cmd *t = objects; t->name; t++)
		if (!strcmp(t->name, argv[0]))
			return t->fn(c, argc - 1, argv + 1);
	fprintf(stderr, "Command \"%s\" is unknown, try \"gtpuctl help\".\n",
		argv[0]);
	return 2;
}

int main(int argc, char **argv)
{
	struct ctx c = { 0 };
	const char *batch = NULL;
	int ret;

	for (argc--, argv++; argc > 0 && argv[0][0] == '-'; argc--, argv++) {
		if (!strcmp(argv[0], "-j")) {
			c.json = true;
		} else if (!strcmp(argv[0], "-s")) {
			c.stats = true;
		} else if (!strcmp(argv[0], "-p")) {
			c.pretty = true;
		} else if (!strcmp(argv[0], "-batch")) {
			if (argc < 2)
				return err_usage(&c, "option \"-batch\" needs a FILE.");
			batch = *++argv;
			argc--;
		} else if (!strcmp(argv[0], "-h") || !strcmp(argv[0], "-help")) {
			usage_print(stdout, NULL);
			return 0;
		} else {
			fprintf(stderr, "Option \"%s\" is unknown, try \"gtpuctl help\".\n",
				argv[0]);
			return 2;
		}
	}
	out_init(c.json, c.pretty);
	/* dumps can be long: write them in big blocks (events flush) */
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	if (batch && argc)
		return err_usage(&c, "-batch takes no command (\"%s\" given).", argv[0]);
	if (batch)
		ret = do_batch(&c, batch);
	else if (argc)
		ret = run_command(&c, argc, argv);
	else
		ret = (usage_print(stderr, NULL), 2);
	gtpnl_close(c.h);
	return ret;
}
