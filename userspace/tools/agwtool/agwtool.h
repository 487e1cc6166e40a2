/* SPDX-License-Identifier: GPL-2.0 */
/*
 * agwtool: codecs and crypto from the command line, output as JSON.
 * Each command lives in its own file and registers itself:
 *
 *   static int cmd_milenage(int argc, char **argv) { ... return 0; }
 *   AGWTOOL_COMMAND(milenage, cmd_milenage,
 *       "milenage --k HEX (--op HEX | --opc HEX) --rand HEX --sqn HEX --amf HEX")
 *
 * argv[0] is the command name.  Return 0 on success, 1 on bad input (after
 * printing "agwtool: ..." on stderr), 2 on usage errors.
 */
#ifndef AGWTOOL_H
#define AGWTOOL_H

#include <stddef.h>
#include <stdint.h>

struct agwtool_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
	struct agwtool_cmd *next;
};

void agwtool_register(struct agwtool_cmd *c);

#define AGWTOOL_COMMAND(cname, cfn, cusage)				\
	static struct agwtool_cmd agwtool_cmd_##cname = { #cname, cfn, cusage, NULL }; \
	__attribute__((constructor)) static void agwtool_reg_##cname(void) \
	{ agwtool_register(&agwtool_cmd_##cname); }

/* Shared helpers (main.c) */
/* Parse hex (spaces allowed) into out; returns length or -1. */
int agwtool_hex(const char *hex, uint8_t *out, size_t max);
/* Parse a decimal or 0x-hex unsigned number; returns 0 or -1. */
int agwtool_num(const char *s, unsigned long long max, unsigned long long *out);
/* Print buf as lowercase hex (no newline) to stdout. */
void agwtool_print_hex(const uint8_t *buf, size_t len);
/* Print "agwtool: <msg>" to stderr; returns 1. */
int agwtool_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Option lookup: value of "--name VALUE" in argv, or NULL. */
const char *agwtool_opt(int argc, char **argv, const char *name);
/* 1 if the flag "--name" is present. */
int agwtool_flag(int argc, char **argv, const char *name);

#endif
