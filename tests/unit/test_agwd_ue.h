/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tests only: a UE-side NAS helper (USIM with Milenage, NAS security) and
 * an eNB-side S1AP helper with a capturing transport, to drive agwd's
 * S1AP/NAS handlers (test_agwd_mme*.c).
 */
#ifndef TEST_AGWD_UE_H
#define TEST_AGWD_UE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agwd/agwd.h"
#include "crypto/milenage.h"
#include "proto/nas.h"
#include "proto/nas_ie.h"
#include "proto/s1ap.h"

struct tue {
	char imsi[16];
	uint8_t k[16], opc[16];
	struct eps_sqn_ms sqn;
	uint8_t kasme[32];
	uint8_t ksi;
	bool has_sec;
	struct nas_sec_ctx sec;
	bool has_guti;
	struct nas_mobile_id guti;
	uint32_t enb_ue_id, mme_ue_id;
	uint8_t last_rand[16];
	int last_sync;			/* the last AKA check said synch failure */
};

/* TS 35.208 4.3 test set 1 keys; IMSI 001010000000001 */
void tue_init(struct tue *u, const char *imsi);

/* Plain attach request (IMSI or GUTI identity) with a PDN connectivity request. */
int tue_attach_request(struct tue *u, bool by_guti, uint8_t pdn_type, const char *apn,
		       bool esm_info_flag, uint8_t *out, size_t max);
/* Security-protect an uplink plain message (integrity + ciphering). */
int tue_protect(struct tue *u, const uint8_t *plain, size_t len, uint8_t sht, uint8_t *out,
		size_t max);
/* Unprotect (if protected) and decode a downlink NAS message; 0 or -1. */
int tue_open(struct tue *u, const uint8_t *nas, size_t len, uint8_t *plain, size_t *plen,
	     struct nas_msg *m);
/* Answers: auth response (or failure), SMC complete; out = uplink NAS to send. */
int tue_auth_answer(struct tue *u, const struct nas_msg *auth, uint8_t *out, size_t max);
int tue_smc_answer(struct tue *u, const uint8_t *nas, size_t len, uint8_t *out, size_t max);
int tue_attach_complete(struct tue *u, uint8_t ebi, uint8_t *out, size_t max);
int tue_detach_request(struct tue *u, bool switch_off, uint8_t *out, size_t max);
int tue_simple(struct tue *u, const char *name, uint8_t ebi, uint8_t pti, uint8_t *out,
	       size_t max);

/* ---------------------------------------------------------- harness --- */

#define TH_MAX_SENT 64

struct th {
	struct agwd d;
	char *dir;
	struct enb *enb;
	unsigned int n_sent;
	uint16_t stream[TH_MAX_SENT];
	size_t len[TH_MAX_SENT];
	uint8_t sent[TH_MAX_SENT][4096];
};

/* A whole MME (recorder datapath, capture transport) in a temporary dir. */
int th_start(struct th *h, const char *extra_cfg);
void th_stop(struct th *h, bool keep_dir);
/* "Restart": free the MME core and build it again from the state database. */
int th_restart(struct th *h);
/* S1 Setup of one eNB (TAC 1, PLMN 00101); 0 when answered with a response. */
int th_s1_setup(struct th *h);
/* Send a PDU built by the caller (S1AP) as the eNB. */
void th_rx(struct th *h, const struct s1ap_pdu *pdu);
void th_initial_ue(struct th *h, uint32_t enb_ue_id, const uint8_t *nas, size_t len,
		   const uint32_t *s_tmsi);
void th_uplink(struct th *h, uint32_t mme_id, uint32_t enb_id, const uint8_t *nas, size_t len);
void th_ics_response(struct th *h, uint32_t mme_id, uint32_t enb_id, uint8_t ebi,
		     uint32_t teid);
void th_release_complete(struct th *h, uint32_t mme_id, uint32_t enb_id);
void th_release_request(struct th *h, uint32_t mme_id, uint32_t enb_id);
/* Decode captured PDU i into pdu (arena a); 0 or -1. */
int th_pdu(struct th *h, unsigned int i, struct s1ap_pdu *pdu, struct s1ap_arena *a);
/* The NAS PDU of the last sent PDU (DL NAS transport, ICS, E-RAB); its length or -1. */
int th_last_nas(struct th *h, uint8_t *out, size_t max, unsigned int *proc);
/* Full attach of u by IMSI; 0 on success (registered, bearer in the datapath). */
int th_attach(struct th *h, struct tue *u, uint32_t enb_ue_id);

#endif
