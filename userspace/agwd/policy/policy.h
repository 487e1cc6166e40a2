/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Policy rules: a dedicated bearer (QoS + TFT) for a subscriber's PDN
 * connection to an APN.  Rules are kept in memory (hashed by IMSI) and in
 * the state database; a rule is applied (E-RAB Setup + Activate Dedicated
 * EPS Bearer Context Request) when its UE is connected with a PDN on the
 * APN, at once when added, otherwise at the UE's next attach or service
 * request.  Deleting a rule deactivates its bearer.
 *
 * TFT text (Documentation/agwd.md "TFT grammar"), one or more filters
 * separated by ';':
 *
 *   permit DIR PROTO from ADDR [PORTS] to ADDR [PORTS]
 *   DIR   := out (uplink, "from" is the UE) | in (downlink, "to" is the UE)
 *            | inout (both directions, written as for out)
 *   PROTO := ip | udp | tcp | icmp | NUMBER (0..255)
 *   ADDR  := any | IPV4[/LEN] | IPV6[/LEN]    (the UE's side must be "any")
 *   PORTS := PORT | PORT-PORT
 */
#ifndef AGWD_POLICY_H
#define AGWD_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "agwd/config/config.h"
#include "proto/nas_ie.h"

#define POLICY_NAME_MAX	31
#define POLICY_TFT_MAX	255

struct agwd;
struct ue;
struct policy;

struct policy_rule {
	struct policy_rule *next;
	char imsi[16];
	char apn[AGW_APN_MAX + 1];
	char name[POLICY_NAME_MAX + 1];
	uint8_t qci, arp;
	uint64_t mbr_ul, mbr_dl, gbr_ul, gbr_dl;	/* bit/s */
	char tft_text[POLICY_TFT_MAX + 1];
	struct nas_tft tft;
};

int policy_new(struct agwd *d, struct policy **out);
void policy_free(struct policy *p);
/* Reads the rules from the state database (after state_open). */
int policy_load(struct agwd *d);

/* Checks, stores and applies r (tft parsed from tft_text). 0 or -errno + err. */
int policy_add(struct agwd *d, struct policy_rule *r, char *err, size_t size);
int policy_del(struct agwd *d, const char *imsi, const char *name, char *err, size_t size);
/* Every rule (imsi NULL) or those of one subscriber. */
int policy_walk(struct agwd *d, const char *imsi,
		int (*fn)(void *arg, const struct policy_rule *r), void *arg);
/* Rules of the UE without their bearer yet: activate (one per call, ESM is serial). */
void policy_apply_ue(struct agwd *d, struct ue *ue);

/* The rule a dedicated bearer was made from (NULL: gone). */
const struct policy_rule *policy_get(const struct agwd *d, const char *imsi, const char *name);

/*
 * Evaluation precedence of filter k of the dedicated bearer ebi, the same in
 * the NAS TFT sent to the UE and in gtpu.ko: distinct over all bearers of a
 * UE (TS 23.401 15.3.3.4: unique within a PDN connection), 1..176.
 */
static inline uint8_t tft_precedence(unsigned int ebi, unsigned int k)
{
	return (uint8_t)((ebi - 5) * NAS_TFT_MAX_FILTERS + k + 1);
}

/* The TFT grammar above -> a "create new TFT" with packet filters. */
int tft_parse(const char *text, struct nas_tft *t, char *err, size_t size);

#endif
