/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NAS of the MME (TS 24.301): EMM (5.x) and ESM (6.x) per UE.
 *
 *   emm_sm.c        the EMM state machine: dispatch table, change_state(),
 *                   retransmission timers, procedure aborts
 *   emm_sec.c       NAS security: algorithm selection, keys, protect and
 *                   unprotect, sending
 *   emm_attach.c    attach, identification, authentication, security mode
 *   emm_handler.c   initial UE messages, detach, TAU, GUTI reallocation,
 *                   timers of reachability
 *   emm_service.c   service request, extended service request, their
 *                   Initial Context Setup
 *   emm_build.c     EMM messages the MME sends
 *   esm_handler.c   PDN connectivity / disconnect, bearer contexts, policy
 *   esm_build.c     ESM messages the MME sends
 */
#ifndef AGWD_NAS_EMM_H
#define AGWD_NAS_EMM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/nas.h"
#include "proto/nas_ie.h"

struct agwd;
struct ue;
struct enb;

/* EMM causes (TS 24.301 9.9.3.9) */
enum {
	EMM_CAUSE_ILLEGAL_UE = 3, EMM_CAUSE_EPS_NOT_ALLOWED = 7,
	EMM_CAUSE_EPS_NON_EPS_NOT_ALLOWED = 8, EMM_CAUSE_UE_ID_NOT_DERIVED = 9,
	EMM_CAUSE_IMPLICITLY_DETACHED = 10, EMM_CAUSE_PLMN_NOT_ALLOWED = 11,
	EMM_CAUSE_TA_NOT_ALLOWED = 12, EMM_CAUSE_NO_SUITABLE_CELLS = 15,
	EMM_CAUSE_CS_NOT_AVAILABLE = 18, EMM_CAUSE_ESM_FAILURE = 19,
	EMM_CAUSE_MAC_FAILURE = 20, EMM_CAUSE_SYNCH_FAILURE = 21, EMM_CAUSE_CONGESTION = 22,
	EMM_CAUSE_SEC_MISMATCH = 23, EMM_CAUSE_NON_EPS_AUTH = 26,
	EMM_CAUSE_NOT_COMPATIBLE = 98, EMM_CAUSE_PROTOCOL = 111,
};

/* ESM causes (9.9.4.4) */
enum {
	ESM_CAUSE_REGULAR_DEACT = 36, ESM_CAUSE_INVALID_EBI = 43, ESM_CAUSE_LAST_PDN = 49,
	ESM_CAUSE_PTI_MISMATCH = 47, ESM_CAUSE_NOT_COMPATIBLE = 98,
	ESM_CAUSE_MSG_TYPE_UNKNOWN = 97, ESM_CAUSE_INVALID_PTI = 81, ESM_CAUSE_PROTOCOL = 111,
};

/* EMM events of the dispatch table: NAS message types, plus these. */
enum {
	EMM_EV_T_EXPIRY = 0x100,	/* the running EMM timer expired for good */
};

/* ---- entry points (S1AP, ctl, datapath) ---- */
struct emm_initial {
	struct enb *enb;
	uint32_t enb_ue_id;
	uint16_t stream;
	uint8_t tai_plmn[3];
	uint16_t tac;
	uint8_t ecgi[7];
	bool has_stmsi;
	uint8_t mmec;
	uint32_t m_tmsi;
};

void emm_initial_ue(struct agwd *d, const struct emm_initial *in, const uint8_t *nas,
		    size_t len);
void emm_uplink(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len);
/* Initial Context Setup answered (ok) or failed. */
void emm_ics_result(struct agwd *d, struct ue *ue, bool ok);
/* The S1 connection is gone (release complete, reset, association loss). */
void emm_s1_released(struct agwd *d, struct ue *ue);
/* Network-initiated detach (agwctl detach); 0 or -errno. */
int emm_detach_network(struct agwd *d, struct ue *ue, bool reattach);
int emm_guti_realloc(struct agwd *d, struct ue *ue);
/* Downlink data for an idle UE: page it. */
int emm_page(struct agwd *d, struct ue *ue);
/* Local (implicit) detach: sessions released, context freed. */
void emm_local_detach(struct agwd *d, struct ue *ue, const char *why);

/* ---- emm_sm.c ---- */
void emm_change_state(struct ue *ue, unsigned int st, const char *event);
/* Dispatch a decoded, security-checked plain EMM message. */
void emm_dispatch(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool integrity_ok);
/* Send plain (kept for retransmission on timeout ms with up to 4 retries). */
int emm_send_retx(struct agwd *d, struct ue *ue, const uint8_t *plain, size_t len,
		  uint32_t timeout_s);
void emm_stop_retx(struct ue *ue);
void emm_timers_init(struct ue *ue);
/* Abort whatever runs (attach: implicit detach and release). */
void emm_abort(struct agwd *d, struct ue *ue, const char *why);
/* Release the UE's S1 connection (UE Context Release Command). */
void emm_release_s1(struct agwd *d, struct ue *ue, const char *group, const char *cause);

/* ---- emm_sec.c ---- */
int emm_select_algs(const struct agwd *d, const struct ue *ue, uint8_t *eia, uint8_t *eea);
void emm_sec_install(struct ue *ue, uint8_t eia, uint8_t eea);
/* Protect (or not, before a context exists) into out; length or -1. */
int emm_wrap(struct ue *ue, const uint8_t *plain, size_t len, uint8_t sht, uint8_t *out,
	     size_t max);
/* Encode, protect, send in a Downlink NAS Transport. */
int emm_send_msg(struct agwd *d, struct ue *ue, const struct nas_msg *m);
int emm_send_plain(struct agwd *d, struct ue *ue, const uint8_t *plain, size_t len);
int emm_encode(const struct nas_msg *m, uint8_t *out, size_t max);
/*
 * Open an uplink NAS message: plain bytes into out (length), *ok set when
 * the integrity was verified.  -1: drop (counted, logged).
 */
int emm_open(struct agwd *d, struct ue *ue, const uint8_t *in, size_t len, uint8_t *out,
	     size_t max, bool *ok);
/* KeNB from the last uplink NAS COUNT; NH chain reset (TS 33.401 7.2.8.1). */
void emm_derive_kenb(struct ue *ue);

/* ---- emm_attach.c ---- */
void emm_attach_request(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok);
void emm_identity_response(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_auth_response(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_auth_failure(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_smc_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_smc_reject(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_attach_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m);
/* ESM information response during the attach (from esm_handler.c). */
void emm_attach_esm_info(struct agwd *d, struct ue *ue, const struct nas_msg *esm);
void emm_attach_reject(struct agwd *d, struct ue *ue, uint8_t cause, const uint8_t *esm,
		       size_t esm_len);
void emm_auth_start(struct agwd *d, struct ue *ue);
void emm_attach_result(struct agwd *d, const char *result);

/* ---- emm_handler.c ---- */
void emm_detach_request(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_detach_accept(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_tau_request(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok);
void emm_tau_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_guti_complete(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_guti_done(struct agwd *d, struct ue *ue);
bool emm_guti_due(struct agwd *d, struct ue *ue);
void emm_status_rx(struct agwd *d, struct ue *ue, const struct nas_msg *m);
void emm_reject_release(struct agwd *d, struct ue *ue, unsigned int type, uint8_t cause);

/* ---- emm_service.c ---- */
void emm_service_request(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len);
void emm_ext_service_request(struct agwd *d, struct ue *ue, const struct nas_msg *m, bool ok);
void emm_reach_start(struct agwd *d, struct ue *ue);
void emm_reach_stop(struct agwd *d, struct ue *ue);

/* ---- emm_build.c: plain messages into out, length or -1 ---- */
int emm_b_identity_request(uint8_t *out, size_t max);
int emm_b_auth_request(const struct ue *ue, uint8_t *out, size_t max);
int emm_b_auth_reject(uint8_t *out, size_t max);
int emm_b_smc(const struct ue *ue, uint8_t *out, size_t max);
int emm_b_attach_accept(const struct agwd *d, const struct ue *ue, const uint8_t *esm,
			size_t esm_len, uint8_t emm_cause, uint8_t *out, size_t max);
int emm_b_attach_reject(uint8_t cause, const uint8_t *esm, size_t esm_len, uint8_t *out,
			size_t max);
int emm_b_detach_accept(uint8_t *out, size_t max);
int emm_b_detach_request(bool reattach, uint8_t cause, uint8_t *out, size_t max);
int emm_b_tau_accept(const struct agwd *d, const struct ue *ue, uint8_t *out, size_t max);
int emm_b_cause_only(unsigned int type, uint8_t cause, uint8_t *out, size_t max);
int emm_b_guti_realloc(const struct agwd *d, const struct ue *ue, uint8_t *out, size_t max);
int emm_b_emm_information(const struct agwd *d, uint8_t *out, size_t max);
/* EPS mobile identity GUTI of the UE (11 octets) */
int emm_b_guti(const struct agwd *d, const struct ue *ue, uint8_t out[11]);
int emm_b_tai_list(const struct agwd *d, uint8_t *out, size_t max);

/* ---- ESM ---- */
void esm_rx(struct agwd *d, struct ue *ue, const uint8_t *plain, size_t len);
/* ESM container of the attach: the default bearer's activation request. */
int esm_b_act_default(const struct agwd *d, const struct ue *ue, unsigned int pdn,
		      const struct nas_pco *req_pco, uint8_t type_cause, uint8_t *out,
		      size_t max);
int esm_b_pdn_reject(uint8_t pti, uint8_t cause, uint8_t *out, size_t max);
int esm_b_simple(unsigned int type, uint8_t ebi, uint8_t pti, int cause, uint8_t *out,
		 size_t max);
int esm_b_act_dedicated(const struct ue *ue, unsigned int ebi, const struct nas_tft *tft,
			uint8_t *out, size_t max);
/* Default bearer accepted inside Attach Complete. */
void esm_attach_complete(struct agwd *d, struct ue *ue, const uint8_t *esm, size_t len);
/* Timers of ESM procedures */
void esm_timers_init(struct ue *ue);
/* Dedicated bearers: policy rules of the UE (policy/policy.c calls these). */
int esm_dedicated_activate(struct agwd *d, struct ue *ue, unsigned int pdn,
			   const char *rule, uint8_t qci, uint8_t arp, uint64_t mbr_ul,
			   uint64_t mbr_dl, uint64_t gbr_ul, uint64_t gbr_dl,
			   const struct nas_tft *tft);
int esm_bearer_deactivate(struct agwd *d, struct ue *ue, unsigned int ebi);

/* ---- results and metrics (agwd/mme.c) ---- */
void mme_count(struct agwd *d, const char *what);
void mme_latency(struct agwd *d, const char *proc, uint64_t ms);

#endif
