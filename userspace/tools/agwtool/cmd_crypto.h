/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the crypto commands (cmd_crypto_*.c): strict option
 * parsing with "agwtool: CMD: --OPT: why" errors, and JSON output with
 * lowercase hex strings.
 */
#ifndef AGWTOOL_CMD_CRYPTO_H
#define AGWTOOL_CMD_CRYPTO_H

#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

/*
 * Every argument after argv[skip] must be one of the options in `valued`
 * (followed by a value) or `flags` (NULL-terminated lists). 0 or 1 after
 * printing the error.
 */
int crypto_args(const char *cmd, int argc, char **argv, int skip, const char *const *valued,
		const char *const *flags);

/* Required option of exactly `len` octets of hex. 0 or 1 (error printed). */
int crypto_hex(const char *cmd, int argc, char **argv, const char *opt, uint8_t *out, size_t len);

/* Required number (decimal or 0x-hex) <= max. 0 or 1 (error printed). */
int crypto_num(const char *cmd, int argc, char **argv, const char *opt, unsigned long long max,
	       unsigned long long *out);

/* OPc from exactly one of --op / --opc (with --k already parsed). 0 or 1. */
int crypto_opc(const char *cmd, int argc, char **argv, const uint8_t k[16], uint8_t opc[16]);

/* Serving network id from --plmn MCCMNC. 0 or 1. */
int crypto_plmn(const char *cmd, int argc, char **argv, uint8_t plmn[3]);

/* eea/eia: "CMD ALG --key HEX --count N --bearer N --direction 0|1
 * --message HEX [--bits N]"; msg is malloc'ed (free it even on error). */
struct crypto_alg_args {
	unsigned int alg;
	uint8_t key[16];
	uint32_t count;
	uint8_t bearer, dir;
	uint8_t *msg;
	size_t bits;
};

int crypto_alg_parse(const char *cmd, int argc, char **argv, struct crypto_alg_args *a);

void crypto_json_hex(struct json_object *obj, const char *key, const uint8_t *buf, size_t len);

/* Print obj on stdout and release it; returns 0. */
int crypto_json_print(struct json_object *obj);

#endif
