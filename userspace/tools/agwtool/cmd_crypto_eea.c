// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool eea: one run of an EPS ciphering algorithm (TS 33.401 Annex B)
 * over a hex message, LENGTH given in bits; the output covers
 * ceil(LENGTH / 8) octets with the bits past LENGTH zeroed.
 */
#include <stdlib.h>
#include <string.h>

#include "agwtool.h"
#include "cmd_crypto.h"
#include "crypto/eps.h"

static int cmd_eea(int argc, char **argv)
{
	struct crypto_alg_args a;
	struct json_object *o;
	int ret = 1;

	if (crypto_alg_parse("eea", argc, argv, &a))
		goto out;
	if (eps_eea(a.alg, a.key, a.count, a.bearer, a.dir, a.msg, a.bits)) {
		ret = agwtool_err("eea: EEA%u failed (OpenSSL AES unavailable?)", a.alg);
		goto out;
	}
	o = json_object_new_object();
	crypto_json_hex(o, "output", a.msg, (a.bits + 7) / 8);
	ret = crypto_json_print(o);
out:
	free(a.msg);
	return ret;
}

AGWTOOL_COMMAND(eea, cmd_eea,
		"eea { 0 | 1 | 2 | 3 } --key HEX --count N --bearer N --direction { 0 | 1 } --message HEX [ --bits N ]")
