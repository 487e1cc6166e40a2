// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool milenage: every Milenage output for one K/OP(c)/RAND/SQN/AMF
 * (TS 35.206), keys named as in TS 35.208.
 */
#include "agwtool.h"
#include "cmd_crypto.h"
#include "crypto/milenage.h"

static const char *const opts[] = { "--k", "--op", "--opc", "--rand", "--sqn", "--amf", NULL };

static int cmd_milenage(int argc, char **argv)
{
	const char *cmd = "milenage";
	uint8_t k[16], opc[16], rand[16], sqn[6], amf[2];
	uint8_t mac_a[8], mac_s[8], res[8], ck[16], ik[16], ak[6], ak_star[6];
	struct json_object *o;

	if (crypto_args(cmd, argc, argv, 0, opts, NULL) ||
	    crypto_hex(cmd, argc, argv, "--k", k, 16) || crypto_opc(cmd, argc, argv, k, opc) ||
	    crypto_hex(cmd, argc, argv, "--rand", rand, 16) ||
	    crypto_hex(cmd, argc, argv, "--sqn", sqn, 6) ||
	    crypto_hex(cmd, argc, argv, "--amf", amf, 2))
		return 1;
	if (milenage_f1(k, opc, rand, sqn, amf, mac_a) ||
	    milenage_f1star(k, opc, rand, sqn, amf, mac_s) ||
	    milenage_f2345(k, opc, rand, res, ck, ik, ak) || milenage_f5star(k, opc, rand, ak_star))
		return agwtool_err("%s: AES-128 is not available from OpenSSL", cmd);
	o = json_object_new_object();
	crypto_json_hex(o, "opc", opc, 16);
	crypto_json_hex(o, "mac_a", mac_a, 8);
	crypto_json_hex(o, "mac_s", mac_s, 8);
	crypto_json_hex(o, "res", res, 8);
	crypto_json_hex(o, "ck", ck, 16);
	crypto_json_hex(o, "ik", ik, 16);
	crypto_json_hex(o, "ak", ak, 6);
	crypto_json_hex(o, "ak_star", ak_star, 6);
	return crypto_json_print(o);
}

AGWTOOL_COMMAND(milenage, cmd_milenage,
		"milenage --k HEX { --op HEX | --opc HEX } --rand HEX --sqn HEX --amf HEX")
