// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool aka: one EPS authentication vector as the HSS builds it
 * (TS 33.401 6.1.2): RAND, XRES, AUTN, KASME and the intermediate keys.
 */
#include "agwtool.h"
#include "cmd_crypto.h"
#include "crypto/milenage.h"

static const char *const opts[] = {
	"--k", "--op", "--opc", "--rand", "--sqn", "--amf", "--plmn", NULL,
};

static int cmd_aka(int argc, char **argv)
{
	const char *cmd = "aka";
	uint8_t k[16], opc[16], rand[16], sqn[6], amf[2], plmn[3];
	struct eps_aka_vector v;
	struct json_object *o;

	if (crypto_args(cmd, argc, argv, 0, opts, NULL) ||
	    crypto_hex(cmd, argc, argv, "--k", k, 16) || crypto_opc(cmd, argc, argv, k, opc) ||
	    crypto_hex(cmd, argc, argv, "--rand", rand, 16) ||
	    crypto_hex(cmd, argc, argv, "--sqn", sqn, 6) ||
	    crypto_hex(cmd, argc, argv, "--amf", amf, 2) || crypto_plmn(cmd, argc, argv, plmn))
		return 1;
	if (eps_aka_generate(k, opc, rand, eps_sqn_from_bytes(sqn), amf, plmn, &v))
		return agwtool_err("%s: AES-128 or HMAC-SHA-256 is not available from OpenSSL", cmd);
	o = json_object_new_object();
	crypto_json_hex(o, "rand", v.rand, 16);
	crypto_json_hex(o, "xres", v.xres, 8);
	crypto_json_hex(o, "autn", v.autn, 16);
	crypto_json_hex(o, "kasme", v.kasme, 32);
	crypto_json_hex(o, "ck", v.ck, 16);
	crypto_json_hex(o, "ik", v.ik, 16);
	crypto_json_hex(o, "ak", v.ak, 6);
	crypto_json_hex(o, "mac_a", v.mac_a, 8);
	crypto_json_hex(o, "plmn", plmn, 3);
	return crypto_json_print(o);
}

AGWTOOL_COMMAND(aka, cmd_aka,
		"aka --k HEX { --op HEX | --opc HEX } --rand HEX --sqn HEX --amf HEX --plmn MCCMNC")
