/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gtpuctl: iproute2-style CLI for the gtpu kernel module (through gtpnl).
 *
 * Every command is a function of a struct ctx and the words after its
 * name; it returns the exit status: 0, 1 (the kernel or the system said
 * no) or 2 (usage error).
 */
#ifndef GTPUCTL_H
#define GTPUCTL_H

#include <stdbool.h>
#include <stdint.h>

#include "gtpnl/gtpnl.h"
#include "gtpnl/gtpnl_arg.h"

struct ctx {
	struct gtpnl *h;		/* opened on first use */
	bool json, stats, pretty;
	const char *where;		/* "FILE:LINE" in -batch mode */
	/* ifindex -> name cache for printing */
	uint32_t name_idx;
	char name[IF_NAMESIZE];
	/* name -> ifindex cache (-batch clears it around link commands) */
	uint32_t dev_idx;
	char dev[IF_NAMESIZE];
};

struct cmd {
	const char *name;
	int (*fn)(struct ctx *c, int argc, char **argv);
};

/* main.c */
struct gtpnl *ctx_handle(struct ctx *c);	/* NULL: error printed */
int run_table(struct ctx *c, const struct cmd *t, const char *what,
	      int argc, char **argv);
int run_command(struct ctx *c, int argc, char **argv);
int err_usage(struct ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));	/* "Error: ...", returns 2 */
int err_arg(struct ctx *c, const struct gtpnl_arg_err *e);	/* returns 2 */
int err_kernel(struct ctx *c);			/* gtpnl_errmsg, returns 1 */
int err_fail(struct ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));	/* "Error: ...", returns 1 */
uint32_t ctx_ifindex(struct ctx *c, const char *name);	/* 0: printed */
const char *ctx_ifname(struct ctx *c, uint32_t ifindex);
void usage_print(FILE *f, const char *topic);

/* the command groups */
int do_link(struct ctx *c, int argc, char **argv);
int do_bearer(struct ctx *c, int argc, char **argv);
int do_echo(struct ctx *c, int argc, char **argv);
int do_ambr(struct ctx *c, int argc, char **argv);
void print_qos(const struct gtpnl_bearer *b, bool table);	/* ambr.c */
void out_rate(const char *key, const char *fmt, uint64_t bits);
int do_monitor(struct ctx *c, int argc, char **argv);
int do_batch(struct ctx *c, const char *file);
int bearer_add_args(struct ctx *c, int argc, char **argv,
		    struct gtpnl_bearer *b);
void print_bearer(struct ctx *c, const struct gtpnl_bearer *b, bool table);

/* out.c: one print path for text and JSON (-j).  Each field is printed
 * once with its JSON key and its text format (printf, one conversion; a
 * NULL format prints the field in JSON only). */
void out_init(bool json, bool pretty);
void out_list_begin(void);		/* JSON: a top-level array */
void out_list_end(void);
void out_obj_begin(void);		/* one object (array element or line) */
void out_obj_end(void);			/* text: newline; JSON: print if no list */
void out_nest_begin(const char *key);	/* JSON: nested object */
void out_nest_end(void);
void out_array_begin(const char *key);	/* JSON: nested array of objects */
#define out_array_end out_nest_end
void out_str(const char *key, const char *fmt, const char *v);
void out_u64(const char *key, const char *fmt, uint64_t v);
void out_hex64(const char *key, const char *fmt, uint64_t v);	/* JSON: "0x.." */
void out_addr(const char *key, const char *fmt, int family, const void *a);
void out_prefix6(const char *key, const char *fmt, const void *a, unsigned int plen);
void out_stats(const struct gtpnl_stats *s, const char *indent);
void out_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* GTPUCTL_H */
