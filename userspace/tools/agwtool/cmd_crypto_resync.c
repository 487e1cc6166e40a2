// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool aka-resync: the HSS side of re-synchronisation (TS 33.102
 * 6.3.5): SQN_MS from AUTS = (SQN_MS ^ AK*) || MAC-S, MAC-S checked.
 * The name has a '-', so this file registers itself by hand instead of
 * with AGWTOOL_COMMAND().
 */
#include "agwtool.h"
#include "cmd_crypto.h"
#include "crypto/milenage.h"

static const char *const opts[] = { "--k", "--op", "--opc", "--rand", "--auts", NULL };

static int cmd_aka_resync(int argc, char **argv)
{
	const char *cmd = "aka-resync";
	uint8_t k[16], opc[16], rand[16], auts[14], sqn_b[6];
	uint64_t sqn_ms = 0, next;
	struct json_object *o;
	int ret;

	if (crypto_args(cmd, argc, argv, 0, opts, NULL) ||
	    crypto_hex(cmd, argc, argv, "--k", k, 16) || crypto_opc(cmd, argc, argv, k, opc) ||
	    crypto_hex(cmd, argc, argv, "--rand", rand, 16) ||
	    crypto_hex(cmd, argc, argv, "--auts", auts, 14))
		return 1;
	ret = eps_aka_resync(k, opc, rand, auts, &sqn_ms);
	if (ret == EPS_AKA_MAC_FAILURE)
		return agwtool_err("%s: --auts: MAC-S does not match (wrong K, OPc or RAND, or a corrupted AUTS)",
				   cmd);
	if (ret)
		return agwtool_err("%s: AES-128 is not available from OpenSSL", cmd);
	o = json_object_new_object();
	eps_sqn_to_bytes(sqn_ms, sqn_b);
	crypto_json_hex(o, "sqn_ms", sqn_b, 6);
	if (!eps_sqn_next(sqn_ms, EPS_SQN_IND_BITS_DEFAULT, &next)) {
		eps_sqn_to_bytes(next, sqn_b);
		crypto_json_hex(o, "sqn_next", sqn_b, 6);
	}
	return crypto_json_print(o);
}

static struct agwtool_cmd resync_cmd = {
	"aka-resync", cmd_aka_resync,
	"aka-resync --k HEX { --op HEX | --opc HEX } --rand HEX --auts HEX", NULL
};

__attribute__((constructor)) static void resync_register(void)
{
	agwtool_register(&resync_cmd);
}
