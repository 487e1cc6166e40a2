// SPDX-License-Identifier: GPL-2.0
/*
 * Option parsing and JSON output shared by the crypto commands.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwtool.h"
#include "cmd_crypto.h"
#include "crypto/eps.h"
#include "crypto/milenage.h"

static int listed(const char *const *list, const char *s)
{
	for (; list && *list; list++)
		if (!strcmp(*list, s))
			return 1;
	return 0;
}

int crypto_args(const char *cmd, int argc, char **argv, int skip, const char *const *valued,
		const char *const *flags)
{
	for (int i = skip + 1; i < argc; i++) {
		if (listed(valued, argv[i])) {
			if (i + 1 >= argc)
				return agwtool_err("%s: %s: missing value", cmd, argv[i]);
			for (int j = skip + 1; j < i; j++)
				if (!strcmp(argv[j], argv[i]))
					return agwtool_err("%s: %s: given twice", cmd, argv[i]);
			i++;
			continue;
		}
		if (listed(flags, argv[i]))
			continue;
		return agwtool_err("%s: argument \"%s\" is unknown, try \"agwtool help\"", cmd, argv[i]);
	}
	return 0;
}

int crypto_hex(const char *cmd, int argc, char **argv, const char *opt, uint8_t *out, size_t len)
{
	const char *v = agwtool_opt(argc, argv, opt);
	uint8_t buf[64];
	int n;

	if (!v)
		return agwtool_err("%s: %s is required", cmd, opt);
	n = agwtool_hex(v, buf, sizeof(buf));
	if (n < 0)
		return agwtool_err("%s: %s: \"%s\" is not a hex string of at most %zu octets", cmd,
				   opt, v, sizeof(buf));
	if ((size_t)n != len)
		return agwtool_err("%s: %s: expected %zu octets (%zu hex digits), got %d", cmd, opt,
				   len, 2 * len, n);
	memcpy(out, buf, len);
	return 0;
}

int crypto_num(const char *cmd, int argc, char **argv, const char *opt, unsigned long long max,
	       unsigned long long *out)
{
	const char *v = agwtool_opt(argc, argv, opt);

	if (!v)
		return agwtool_err("%s: %s is required", cmd, opt);
	if (agwtool_num(v, max, out))
		return agwtool_err("%s: %s: \"%s\" is not a number from 0 to %llu", cmd, opt, v, max);
	return 0;
}

int crypto_opc(const char *cmd, int argc, char **argv, const uint8_t k[16], uint8_t opc[16])
{
	int has_op = agwtool_opt(argc, argv, "--op") != NULL;
	int has_opc = agwtool_opt(argc, argv, "--opc") != NULL;
	uint8_t op[16];

	if (has_op == has_opc)
		return agwtool_err("%s: exactly one of --op and --opc is required", cmd);
	if (has_opc)
		return crypto_hex(cmd, argc, argv, "--opc", opc, 16);
	if (crypto_hex(cmd, argc, argv, "--op", op, 16))
		return 1;
	if (milenage_opc(k, op, opc))
		return agwtool_err("%s: AES-128 is not available from OpenSSL", cmd);
	return 0;
}

int crypto_plmn(const char *cmd, int argc, char **argv, uint8_t plmn[3])
{
	const char *v = agwtool_opt(argc, argv, "--plmn");

	if (!v)
		return agwtool_err("%s: --plmn is required", cmd);
	if (eps_plmn_encode(v, plmn))
		return agwtool_err("%s: --plmn: \"%s\" is not MCC+MNC (5 or 6 digits)", cmd, v);
	return 0;
}

void crypto_json_hex(struct json_object *obj, const char *key, const uint8_t *buf, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	char s[2 * 2048 + 1], *big = NULL, *p = s;

	if (2 * len + 1 > sizeof(s)) {
		big = malloc(2 * len + 1);
		if (!big)
			return;
		p = big;
	}
	for (size_t i = 0; i < len; i++) {
		p[2 * i] = digits[buf[i] >> 4];
		p[2 * i + 1] = digits[buf[i] & 15];
	}
	p[2 * len] = '\0';
	json_object_object_add(obj, key, json_object_new_string(p));
	free(big);
}

int crypto_json_print(struct json_object *obj)
{
	printf("%s\n", json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PRETTY |
							    JSON_C_TO_STRING_SPACED |
							    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(obj);
	return 0;
}

static const char *const alg_opts[] = {
	"--key", "--count", "--bearer", "--direction", "--message", "--bits", NULL,
};

/* Parse "eea|eia ALG --key .. --message HEX [--bits N]"; msg is malloc'ed */
int crypto_alg_parse(const char *cmd, int argc, char **argv, struct crypto_alg_args *a)
{
	const char *m = agwtool_opt(argc, argv, "--message");
	const char *b = agwtool_opt(argc, argv, "--bits");
	unsigned long long v;
	int n;

	memset(a, 0, sizeof(*a));
	if (argc < 2 || agwtool_num(argv[1], 3, &v))
		return agwtool_err("%s: the algorithm must be 0, 1, 2 or 3, got \"%s\"", cmd,
				   argc < 2 ? "" : argv[1]);
	a->alg = (unsigned int)v;
	if (crypto_args(cmd, argc, argv, 1, alg_opts, NULL) ||
	    crypto_hex(cmd, argc, argv, "--key", a->key, 16) ||
	    crypto_num(cmd, argc, argv, "--count", 0xffffffffULL, &v))
		return 1;
	a->count = (uint32_t)v;
	if (crypto_num(cmd, argc, argv, "--bearer", 31, &v))
		return 1;
	a->bearer = (uint8_t)v;
	if (crypto_num(cmd, argc, argv, "--direction", 1, &v))
		return 1;
	a->dir = (uint8_t)v;
	if (!m)
		return agwtool_err("%s: --message is required", cmd);
	a->msg = malloc(strlen(m) / 2 + 1);
	if (!a->msg)
		return agwtool_err("%s: out of memory", cmd);
	n = agwtool_hex(m, a->msg, strlen(m) / 2 + 1);
	if (n < 0)
		return agwtool_err("%s: --message: not a hex string", cmd);
	a->bits = (size_t)n * 8;
	if (b) {
		if (agwtool_num(b, a->bits, &v))
			return agwtool_err("%s: --bits: \"%s\" is not a number from 0 to %zu (the message length)",
					   cmd, b, a->bits);
		a->bits = (size_t)v;
	}
	return 0;
}
