// SPDX-License-Identifier: GPL-2.0
/*
 * agwtool kdf: the TS 33.401 Annex A key derivations.
 *
 *   kdf kasme --ck HEX --ik HEX --sqn-xor-ak HEX --plmn MCCMNC     A.2
 *   kdf kenb --kasme HEX --count N                                 A.3
 *   kdf nh --kasme HEX --sync HEX                                  A.4
 *   kdf kenb-star --kenb HEX --pci N --earfcn N                    A.5
 *   kdf { nas --kasme HEX | rrc --kenb HEX | up --kenb HEX }
 *       { --enc | --int } --alg N                                  A.7
 */
#include <stdio.h>
#include <string.h>

#include "agwtool.h"
#include "cmd_crypto.h"
#include "crypto/eps.h"

#define CMD "kdf"

static int kdf_kasme(int argc, char **argv, uint8_t out[32])
{
	static const char *const opts[] = { "--ck", "--ik", "--sqn-xor-ak", "--plmn", NULL };
	uint8_t ck[16], ik[16], x[6], plmn[3];

	if (crypto_args(CMD " kasme", argc, argv, 1, opts, NULL) ||
	    crypto_hex(CMD " kasme", argc, argv, "--ck", ck, 16) ||
	    crypto_hex(CMD " kasme", argc, argv, "--ik", ik, 16) ||
	    crypto_hex(CMD " kasme", argc, argv, "--sqn-xor-ak", x, 6) ||
	    crypto_plmn(CMD " kasme", argc, argv, plmn))
		return 1;
	return eps_kdf_kasme(ck, ik, plmn, x, out) ? -1 : 0;
}

static int kdf_kenb(int argc, char **argv, uint8_t out[32])
{
	static const char *const opts[] = { "--kasme", "--count", NULL };
	uint8_t kasme[32];
	unsigned long long n;

	if (crypto_args(CMD " kenb", argc, argv, 1, opts, NULL) ||
	    crypto_hex(CMD " kenb", argc, argv, "--kasme", kasme, 32) ||
	    crypto_num(CMD " kenb", argc, argv, "--count", 0xffffffffULL, &n))
		return 1;
	return eps_kdf_kenb(kasme, (uint32_t)n, out) ? -1 : 0;
}

static int kdf_nh(int argc, char **argv, uint8_t out[32])
{
	static const char *const opts[] = { "--kasme", "--sync", NULL };
	uint8_t kasme[32], sync[32];

	if (crypto_args(CMD " nh", argc, argv, 1, opts, NULL) ||
	    crypto_hex(CMD " nh", argc, argv, "--kasme", kasme, 32) ||
	    crypto_hex(CMD " nh", argc, argv, "--sync", sync, 32))
		return 1;
	return eps_kdf_nh(kasme, sync, out) ? -1 : 0;
}

static int kdf_kenb_star(int argc, char **argv, uint8_t out[32])
{
	static const char *const opts[] = { "--kenb", "--pci", "--earfcn", NULL };
	uint8_t kenb[32];
	unsigned long long pci, earfcn;

	if (crypto_args(CMD " kenb-star", argc, argv, 1, opts, NULL) ||
	    crypto_hex(CMD " kenb-star", argc, argv, "--kenb", kenb, 32) ||
	    crypto_num(CMD " kenb-star", argc, argv, "--pci", 503, &pci) ||
	    crypto_num(CMD " kenb-star", argc, argv, "--earfcn", 262143, &earfcn))
		return 1;
	return eps_kdf_kenb_star(kenb, (uint16_t)pci, (uint32_t)earfcn, out) ? -1 : 0;
}

/* A.7: nas (KASME, types 1/2), rrc (KeNB, 3/4), up (KeNB, 5/6) */
static int kdf_alg(const char *which, int argc, char **argv, uint8_t out[16])
{
	static const char *const opts_kasme[] = { "--kasme", "--alg", NULL };
	static const char *const opts_kenb[] = { "--kenb", "--alg", NULL };
	static const char *const flags[] = { "--enc", "--int", NULL };
	int nas = !strcmp(which, "nas"), enc = agwtool_flag(argc, argv, "--enc");
	const char *keyopt = nas ? "--kasme" : "--kenb";
	char cmd[16];
	uint8_t key[32], type;
	unsigned long long alg;

	snprintf(cmd, sizeof(cmd), CMD " %s", which);
	if (crypto_args(cmd, argc, argv, 1, nas ? opts_kasme : opts_kenb, flags))
		return 1;
	if (enc == agwtool_flag(argc, argv, "--int"))
		return agwtool_err("%s: exactly one of --enc and --int is required", cmd);
	if (crypto_hex(cmd, argc, argv, keyopt, key, 32) ||
	    crypto_num(cmd, argc, argv, "--alg", 7, &alg))
		return 1;
	type = nas ? EPS_KDF_NAS_ENC : !strcmp(which, "rrc") ? EPS_KDF_RRC_ENC : EPS_KDF_UP_ENC;
	if (!enc)
		type++;
	return eps_kdf_alg_key(key, type, (uint8_t)alg, out) ? -1 : 0;
}

static int cmd_kdf(int argc, char **argv)
{
	uint8_t key[32];
	size_t len = 32;
	const char *sub = argc > 1 ? argv[1] : "";
	int ret;
	struct json_object *o;

	if (!strcmp(sub, "kasme")) {
		ret = kdf_kasme(argc, argv, key);
	} else if (!strcmp(sub, "kenb")) {
		ret = kdf_kenb(argc, argv, key);
	} else if (!strcmp(sub, "nh")) {
		ret = kdf_nh(argc, argv, key);
	} else if (!strcmp(sub, "kenb-star")) {
		ret = kdf_kenb_star(argc, argv, key);
	} else if (!strcmp(sub, "nas") || !strcmp(sub, "rrc") || !strcmp(sub, "up")) {
		ret = kdf_alg(sub, argc, argv, key);
		len = 16;
	} else {
		return agwtool_err(CMD ": \"%s\" is not one of kasme, kenb, nh, kenb-star, nas, rrc, up",
				   sub);
	}
	if (ret > 0)
		return 1;
	if (ret < 0)
		return agwtool_err(CMD " %s: HMAC-SHA-256 is not available from OpenSSL", sub);
	o = json_object_new_object();
	crypto_json_hex(o, "key", key, len);
	return crypto_json_print(o);
}

AGWTOOL_COMMAND(kdf, cmd_kdf,
		"kdf { kasme --ck HEX --ik HEX --sqn-xor-ak HEX --plmn MCCMNC | kenb --kasme HEX --count N |\n"
		"             nh --kasme HEX --sync HEX | kenb-star --kenb HEX --pci N --earfcn N |\n"
		"             nas --kasme HEX { --enc | --int } --alg N |\n"
		"             { rrc | up } --kenb HEX { --enc | --int } --alg N }")
