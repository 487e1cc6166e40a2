// SPDX-License-Identifier: GPL-2.0
/*
 * EMM messages the MME sends (TS 24.301 8.2), built from the codec's
 * message tables: each function adds its IEs by name and encodes.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/ue/ue.h"
#include "crypto/eps.h"
#include "lib/log.h"

/* nas_ie_add with the encoded value; a failure makes the message fail. */
#define ADD(m, name, v, n, fail) do {					\
		if (nas_ie_add((m), (name), (v), (n), NULL)) (fail) = 1; \
	} while (0)

static const uint8_t zero;

static int start(struct nas_msg *m, const char *name, const char *variant)
{
	const struct nas_msg_desc *desc = nas_msg_desc_by_name(name, variant);

	if (!desc)
		return -1;
	nas_msg_init(m, desc, 0, 0);
	return 0;
}

static int finish(const struct nas_msg *m, int fail, uint8_t *out, size_t max)
{
	return fail ? -1 : emm_encode(m, out, max);
}

static void cfg_plmn(const struct agwd *d, struct nas_plmn *p)
{
	memcpy(p->mcc, d->cfg.plmn.mcc, sizeof(p->mcc));
	memcpy(p->mnc, d->cfg.plmn.mnc, sizeof(p->mnc));
}

int emm_b_guti(const struct agwd *d, const struct ue *ue, uint8_t out[11])
{
	struct nas_mobile_id id = { .type = NAS_ID_GUTI };

	cfg_plmn(d, &id.plmn);
	id.mme_gid = d->cfg.mme.group_id;
	id.mme_code = d->cfg.mme.code;
	id.tmsi = ue->m_tmsi;
	return nas_eps_mobile_id_enc(&id, out, 11, NULL);
}

/* The TAIs this MME serves: one partial list per PLMN (9.9.3.33 type 0). */
int emm_b_tai_list(const struct agwd *d, uint8_t *out, size_t max)
{
	struct nas_tai_list tl = { 0 };

	for (unsigned int i = 0; i < d->cfg.n_tais && i < NAS_TAI_LIST_MAX; i++) {
		const struct agw_tai *t = &d->cfg.tais[i];
		struct nas_tai_plist *l = NULL;

		for (unsigned int j = 0; j < tl.n; j++)
			if (!strcmp(tl.l[j].plmn.mcc, t->plmn.mcc) &&
			    !strcmp(tl.l[j].plmn.mnc, t->plmn.mnc))
				l = &tl.l[j];
		if (!l) {
			l = &tl.l[tl.n++];
			l->type = 0;
			memcpy(l->plmn.mcc, t->plmn.mcc, 4);
			memcpy(l->plmn.mnc, t->plmn.mnc, 4);
		}
		l->tacs[l->n_tacs++] = t->tac;
	}
	return nas_tai_list_enc(&tl, out, max, NULL);
}

/* GPRS timer (TS 24.008 10.5.7.3): 2 s, 1 min or 6 min units, 5 bits. */
static uint8_t gprs_timer(uint32_t s)
{
	if (s / 2 <= 31)
		return (uint8_t)(s / 2);
	if (s / 60 <= 31)
		return (uint8_t)(1 << 5 | s / 60);
	if (s / 360 <= 31)
		return (uint8_t)(2 << 5 | s / 360);
	return 2 << 5 | 31;
}

int emm_b_identity_request(uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t type = NAS_ID_IMSI;
	int fail = start(&m, "Identity request", NULL);

	ADD(&m, "Identity type", &type, 1, fail);
	ADD(&m, "Spare half octet", &zero, 1, fail);
	return finish(&m, fail, out, max);
}

int emm_b_auth_request(const struct ue *ue, uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t ksi = ue->new_ksi;
	int fail = start(&m, "Authentication request", NULL);

	ADD(&m, "NAS key set identifierASME", &ksi, 1, fail);
	ADD(&m, "Spare half octet", &zero, 1, fail);
	ADD(&m, "Authentication parameter RAND (EPS challenge)", ue->rand, 16, fail);
	ADD(&m, "Authentication parameter AUTN (EPS challenge)", ue->autn, 16, fail);
	return finish(&m, fail, out, max);
}

int emm_b_auth_reject(uint8_t *out, size_t max)
{
	struct nas_msg m;
	int fail = start(&m, "Authentication reject", NULL);

	return finish(&m, fail, out, max);
}

int emm_b_smc(const struct ue *ue, uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t algs = (uint8_t)(ue->sec.eea << 4 | ue->sec.eia), ksi = ue->ksi;
	uint8_t cap[4];
	size_t n = ue->net_cap_len >= 4 ? 4 : 2;
	int fail = start(&m, "Security mode command", NULL);

	/* 9.9.3.36: replayed as received; UIA octet without the UCS2 bit */
	memcpy(cap, ue->net_cap, n);
	if (n == 4)
		cap[3] &= 0x7f;
	ADD(&m, "Selected NAS security algorithms", &algs, 1, fail);
	ADD(&m, "NAS key set identifier", &ksi, 1, fail);
	ADD(&m, "Spare half octet", &zero, 1, fail);
	ADD(&m, "Replayed UE security capabilities", cap, n, fail);
	return finish(&m, fail, out, max);
}

int emm_b_attach_accept(const struct agwd *d, const struct ue *ue, const uint8_t *esm,
			size_t esm_len, uint8_t emm_cause, uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t result = 1, t3412 = gprs_timer(d->cfg.timers.t3412), tai[100], guti[11];
	int n_tai = emm_b_tai_list(d, tai, sizeof(tai));
	int fail = start(&m, "Attach accept", NULL) || n_tai < 0 || emm_b_guti(d, ue, guti) != 11;

	ADD(&m, "EPS attach result", &result, 1, fail);	/* EPS only */
	ADD(&m, "Spare half octet", &zero, 1, fail);
	ADD(&m, "T3412 value", &t3412, 1, fail);
	ADD(&m, "TAI list", tai, n_tai > 0 ? (size_t)n_tai : 0, fail);
	ADD(&m, "ESM message container", esm, esm_len, fail);
	ADD(&m, "GUTI", guti, 11, fail);
	if (emm_cause)
		ADD(&m, "EMM cause", &emm_cause, 1, fail);
	return finish(&m, fail, out, max);
}

int emm_b_attach_reject(uint8_t cause, const uint8_t *esm, size_t esm_len, uint8_t *out,
			size_t max)
{
	struct nas_msg m;
	int fail = start(&m, "Attach reject", NULL);

	ADD(&m, "EMM cause", &cause, 1, fail);
	if (esm)
		ADD(&m, "ESM message container", esm, esm_len, fail);
	return finish(&m, fail, out, max);
}

int emm_b_detach_accept(uint8_t *out, size_t max)
{
	struct nas_msg m;
	int fail = start(&m, "Detach accept", NULL);

	return finish(&m, fail, out, max);
}

/* 9.9.3.7: type 1 re-attach required, 2 re-attach not required (network) */
int emm_b_detach_request(bool reattach, uint8_t cause, uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t type = reattach ? 1 : 2;
	int fail = start(&m, "Detach request", "UE terminated detach");

	ADD(&m, "Detach type", &type, 1, fail);
	ADD(&m, "Spare half octet", &zero, 1, fail);
	if (cause)
		ADD(&m, "EMM cause", &cause, 1, fail);
	return finish(&m, fail, out, max);
}

int emm_b_tau_accept(const struct agwd *d, const struct ue *ue, uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t result = 0, t3412 = gprs_timer(d->cfg.timers.t3412), tai[100], ebc[2] = { 0 };
	int n_tai = emm_b_tai_list(d, tai, sizeof(tai));
	int fail = start(&m, "Tracking area update accept", NULL) || n_tai < 0;

	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++) {
		unsigned int ebi = ue->br[i].ebi;

		if (ebi && ue->br[i].state == BR_ACTIVE)
			ebc[ebi / 8] |= (uint8_t)(1 << (ebi % 8));
	}
	ADD(&m, "EPS update result", &result, 1, fail);	/* TA updated */
	ADD(&m, "Spare half octet", &zero, 1, fail);
	ADD(&m, "T3412 value", &t3412, 1, fail);
	ADD(&m, "TAI list", tai, n_tai > 0 ? (size_t)n_tai : 0, fail);
	ADD(&m, "EPS bearer context status", ebc, 2, fail);
	return finish(&m, fail, out, max);
}

/* Attach/TAU/service reject, EMM status: the EMM cause and nothing else. */
int emm_b_cause_only(unsigned int type, uint8_t cause, uint8_t *out, size_t max)
{
	const struct nas_msg_desc *desc = nas_msg_desc_find(NAS_PD_EMM, (uint8_t)type, NAS_DIR_DL);
	struct nas_msg m;
	int fail = !desc;

	if (fail)
		return -1;
	nas_msg_init(&m, desc, 0, 0);
	ADD(&m, "EMM cause", &cause, 1, fail);
	return finish(&m, fail, out, max);
}

int emm_b_guti_realloc(const struct agwd *d, const struct ue *ue, uint8_t *out, size_t max)
{
	struct nas_msg m;
	uint8_t guti[11], tai[100];
	int n_tai = emm_b_tai_list(d, tai, sizeof(tai));
	int fail = start(&m, "GUTI reallocation command", NULL) || n_tai < 0 ||
		   emm_b_guti(d, ue, guti) != 11;

	ADD(&m, "GUTI", guti, 11, fail);
	ADD(&m, "TAI list", tai, n_tai > 0 ? (size_t)n_tai : 0, fail);
	return finish(&m, fail, out, max);
}

/* 8.2.13: network name (GSM 7-bit, 24.008 10.5.3.5a) and UT + time zone. */
int emm_b_emm_information(const struct agwd *d, uint8_t *out, size_t max)
{
	struct nas_network_name nn = { .ext = 1 };
	struct nas_tz_time tz = { 0 };
	uint8_t name[140], tzb[7];
	struct nas_msg m;
	time_t now = time(NULL);
	struct tm tm;
	int n, fail = start(&m, "EMM information", NULL);

	snprintf(nn.text, sizeof(nn.text), "%.100s", d->cfg.mme.name[0] ? d->cfg.mme.name : "agwd");
	n = nas_vcodec_get(NAS_VT_NETWORK_NAME)->enc(&nn, name, sizeof(name), NULL);
	if (n > 0)
		ADD(&m, "Full name for network", name, (size_t)n, fail);
	gmtime_r(&now, &tm);
	tz.year = (uint8_t)(tm.tm_year % 100);
	tz.month = (uint8_t)(tm.tm_mon + 1);
	tz.day = (uint8_t)tm.tm_mday;
	tz.hour = (uint8_t)tm.tm_hour;
	tz.minute = (uint8_t)tm.tm_min;
	tz.second = (uint8_t)tm.tm_sec;
	n = nas_vcodec_get(NAS_VT_TIME_ZONE_TIME)->enc(&tz, tzb, sizeof(tzb), NULL);
	if (n == 7)
		ADD(&m, "Universal time and local time zone", tzb, 7, fail);
	return finish(&m, fail, out, max);
}
