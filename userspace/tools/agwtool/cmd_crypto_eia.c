// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool eia: one run of an EPS integrity algorithm (TS 33.401 Annex B)
 * over the first LENGTH bits of a hex message.
 */
#include <stdlib.h>

#include "agwtool.h"
#include "cmd_crypto.h"
#include "crypto/eps.h"

static int cmd_eia(int argc, char **argv)
{
	struct crypto_alg_args a;
	struct json_object *o;
	uint8_t mac[4];
	int ret = 1;

	if (crypto_alg_parse("eia", argc, argv, &a))
		goto out;
	if (eps_eia(a.alg, a.key, a.count, a.bearer, a.dir, a.msg, a.bits, mac)) {
		ret = agwtool_err("eia: EIA%u failed (OpenSSL AES unavailable?)", a.alg);
		goto out;
	}
	o = json_object_new_object();
	crypto_json_hex(o, "mac", mac, 4);
	ret = crypto_json_print(o);
out:
	free(a.msg);
	return ret;
}

AGWTOOL_COMMAND(eia, cmd_eia,
		"eia { 0 | 1 | 2 | 3 } --key HEX --count N --bearer N --direction { 0 | 1 } --message HEX [ --bits N ]")
