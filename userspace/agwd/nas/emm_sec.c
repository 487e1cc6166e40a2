// SPDX-License-Identifier: GPL-2.0
/*
 * NAS security of the MME (TS 24.301 4.4, TS 33.401 7.2): algorithm
 * selection from the configuration's preference and the UE network
 * capability, KNASint/KNASenc from KASME, protection of downlink messages,
 * checks of uplink ones (MAC, replay through nas_unprotect), KeNB and NH.
 */
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/ue/ue.h"
#include "crypto/eps.h"
#include "lib/log.h"

#define MOD "nas"

/* UE network capability octets 3/4: EEA0/EIA0 in bit 8 ... (9.9.3.34) */
static bool ue_supports(uint8_t octet, unsigned int alg)
{
	return octet & (0x80 >> alg);
}

int emm_select_algs(const struct agwd *d, const struct ue *ue, uint8_t *eia, uint8_t *eea)
{
	const typeof(d->cfg.security) *s = &d->cfg.security;
	int i_sel = -1, e_sel = -1;

	if (ue->net_cap_len < 2)
		return -1;
	for (unsigned int i = 0; i < s->n_integrity && i_sel < 0; i++)
		if (ue_supports(ue->net_cap[1], s->integrity[i]))
			i_sel = s->integrity[i];
	for (unsigned int i = 0; i < s->n_ciphering && e_sel < 0; i++)
		if (ue_supports(ue->net_cap[0], s->ciphering[i]))
			e_sel = s->ciphering[i];
	if (i_sel < 0 || e_sel < 0)
		return -1;
	*eia = (uint8_t)i_sel;
	*eea = (uint8_t)e_sel;
	return 0;
}

/* TS 33.401 A.7 keys for the selected algorithms; counts start at 0. */
void emm_sec_install(struct ue *ue, uint8_t eia, uint8_t eea)
{
	memset(&ue->sec, 0, sizeof(ue->sec));
	eps_kdf_alg_key(ue->kasme, EPS_KDF_NAS_INT, eia, ue->sec.k_nas_int);
	eps_kdf_alg_key(ue->kasme, EPS_KDF_NAS_ENC, eea, ue->sec.k_nas_enc);
	ue->sec.eia = eia;
	ue->sec.eea = eea;
	ue->has_sec = true;
}

int emm_wrap(struct ue *ue, const uint8_t *plain, size_t len, uint8_t sht, uint8_t *out,
	     size_t max)
{
	struct nas_err err;
	int n;

	if (!ue->has_sec || sht == NAS_SHT_PLAIN) {
		if (len > max)
			return -1;
		memcpy(out, plain, len);
		return (int)len;
	}
	n = nas_protect(&ue->sec, NAS_DIR_DL, sht, plain, len, out, max, &err);
	if (n < 0)
		log_err(MOD, "%s: protect: %s", ue->imsi, err.msg);
	return n;
}

int emm_encode(const struct nas_msg *m, uint8_t *out, size_t max)
{
	struct nas_err err;
	int n = nas_encode(m, out, max, &err);

	if (n < 0)
		log_err(MOD, "cannot encode %s: %s", m->desc ? m->desc->name : "NAS", err.msg);
	return n;
}

/*
 * 24.301 4.4.4.2 / 4.4.5: once a context exists every message is
 * integrity protected and ciphered, except the Security Mode Command
 * (integrity only, new context) which emm_attach.c wraps itself.
 */
int emm_send_plain(struct agwd *d, struct ue *ue, const uint8_t *plain, size_t len)
{
	uint8_t out[UE_NAS_MAX + 16];
	int n = emm_wrap(ue, plain, len, NAS_SHT_INTEGRITY_CIPHERED, out, sizeof(out));

	if (n < 0)
		return -1;
	return s1_send_dl_nas(d, ue, out, (size_t)n);
}

int emm_send_msg(struct agwd *d, struct ue *ue, const struct nas_msg *m)
{
	uint8_t b[UE_NAS_MAX];
	int n = emm_encode(m, b, sizeof(b));

	return n < 0 ? -1 : emm_send_plain(d, ue, b, (size_t)n);
}

static bool is_sr(const uint8_t *in, size_t len)
{
	return len >= 4 && (in[0] & 0x0f) == NAS_PD_EMM && (in[0] >> 4) >= NAS_SHT_SERVICE_REQUEST;
}

/* Messages a UE may send without protection (24.301 4.4.4.3). */
static bool plain_allowed(const uint8_t *p, size_t len)
{
	if (len < 2 || (p[0] & 0x0f) != NAS_PD_EMM)
		return false;
	switch (p[1]) {
	case NAS_ATTACH_REQUEST: case NAS_IDENTITY_RESPONSE: case NAS_AUTH_RESPONSE:
	case NAS_AUTH_FAILURE: case NAS_SMC_REJECT: case NAS_DETACH_REQUEST:
	case NAS_DETACH_ACCEPT: case NAS_TAU_REQUEST:
		return true;
	}
	return false;
}

static int open_unverified(struct ue *ue, const struct nas_sec_hdr *h, uint8_t *out,
			   size_t max, bool *ok)
{
	/* an initial message under a context we do not have: readable if not
	 * ciphered, processed as not integrity protected (24.301 4.4.4.3) */
	if (h->sht == NAS_SHT_INTEGRITY_CIPHERED || h->sht == NAS_SHT_INTEGRITY_CIPHERED_NEW_CTX ||
	    h->inner_len > max || !plain_allowed(h->inner, h->inner_len))
		return -1;
	memcpy(out, h->inner, h->inner_len);
	*ok = false;
	return (int)h->inner_len;
}

int emm_open(struct agwd *d, struct ue *ue, const uint8_t *in, size_t len, uint8_t *out,
	     size_t max, bool *ok)
{
	struct nas_sec_hdr h;
	struct nas_err err;
	enum nas_sec_error se = NAS_SEC_OK;
	int r, n;

	*ok = false;
	if (is_sr(in, len)) {
		if (!ue->has_sec)
			return -1;
		n = nas_unprotect(&ue->sec, NAS_DIR_UL, in, len, out, max, &se, &err);
		goto checked;
	}
	r = nas_sec_hdr_decode(&h, in, len, &err);
	if (r < 0) {
		log_info(MOD, "%s: NAS dropped: %s", ue->imsi, err.msg);
		mme_count(d, "nas_dropped_format");
		return -1;
	}
	if (r == 0) {
		if (ue->has_sec && !plain_allowed(in, len)) {
			log_info(MOD, "%s: unprotected message 0x%02x dropped", ue->imsi,
				 len > 1 ? in[1] : 0);
			mme_count(d, "nas_dropped_plain");
			return -1;
		}
		if (len > max)
			return -1;
		memcpy(out, in, len);
		return (int)len;
	}
	if (!ue->has_sec)
		return open_unverified(ue, &h, out, max, ok);
	n = nas_unprotect(&ue->sec, NAS_DIR_UL, in, len, out, max, &se, &err);
	if (n < 0 && se == NAS_SEC_EMAC && plain_allowed(h.inner, h.inner_len) &&
	    h.sht == NAS_SHT_INTEGRITY)
		return open_unverified(ue, &h, out, max, ok);
checked:
	if (n < 0) {
		mme_count(d, se == NAS_SEC_EREPLAY ? "nas_dropped_replay" :
			  se == NAS_SEC_EMAC ? "nas_dropped_mac" : "nas_dropped_format");
		log_info(MOD, "%s: NAS dropped: %s", ue->imsi, err.msg);
		return -1;
	}
	*ok = true;
	return n;
}

/* TS 33.401 A.3 (KeNB from the uplink NAS COUNT) and 7.2.8.1.1 (NCC 0). */
void emm_derive_kenb(struct ue *ue)
{
	eps_kdf_kenb(ue->kasme, ue->sec.rx_count, ue->kenb);
	memcpy(ue->nh, ue->kenb, sizeof(ue->nh));
	ue->ncc = 0;
}
