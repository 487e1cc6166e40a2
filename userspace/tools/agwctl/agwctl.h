/* SPDX-License-Identifier: GPL-2.0 */
/*
 * agwctl: the command line client of agwd's control socket.
 * Each object (subscriber, ip, ...) lives in its own file and registers:
 *
 *	static int do_ip(int argc, char **argv) { ... }
 *	AGWCTL_OBJECT(ip, do_ip, "agwctl ip { pools | leases ... }")
 *
 * argv[0] is the first word after the object name. Return 0 on success,
 * 1 on error (after printing "Error: ..." on stderr).
 */
#ifndef AGWCTL_H
#define AGWCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct json_object;

struct agwctl_object {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
	struct agwctl_object *next;
};

void agwctl_register(struct agwctl_object *o);

#define AGWCTL_OBJECT(oname, ofn, ousage)				\
	static struct agwctl_object agwctl_obj_##oname = { #oname, ofn, ousage, NULL }; \
	__attribute__((constructor)) static void agwctl_reg_##oname(void) \
	{ agwctl_register(&agwctl_obj_##oname); }

/* A sub-command table entry: argv[0] is the sub-command's first argument. */
struct agwctl_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
};

/* Dispatches argv[0] through cmds; "Command ... is unknown" otherwise. */
int agwctl_dispatch(const char *object, const struct agwctl_cmd *cmds, size_t n, int argc,
		    char **argv);

extern bool agwctl_json;	/* -j */

/*
 * Calls method on agwd. params is consumed (may be NULL). Returns 0 and
 * *result (caller puts it), or 1 after printing "Error: ..." on stderr.
 */
int agwctl_call(const char *method, struct json_object *params, struct json_object **result);
/* The same without the error message. */
int agwctl_call_quiet(const char *method, struct json_object *params, struct json_object **result);
/* Prints result as one JSON line on stdout (for -j). */
void agwctl_print_json(struct json_object *result);

/* Argument errors in the iproute2 style; all return 1. */
int agwctl_arg_wrong(const char *arg, const char *why);
int agwctl_missing(const char *what);
int agwctl_usage(const char *object);
/* Next argument after keyword argv[*i] or "Error: KEYWORD needs an argument". */
const char *agwctl_next(int argc, char **argv, int *i);

/* Field helpers for text output: "" / 0 when absent. */
const char *agwctl_str(struct json_object *o, const char *key);
long long agwctl_int(struct json_object *o, const char *key);

#endif
