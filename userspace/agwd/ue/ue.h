/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UE contexts of the MME: identity, EMM/ECM state, the EPS security
 * context, the S1 binding (eNB, eNB-UE-S1AP-ID, MME-UE-S1AP-ID) and the PDN
 * sessions with their bearers.  Indexed by IMSI, M-TMSI, MME-UE-S1AP-ID and
 * (eNB, eNB-UE-S1AP-ID) in hash tables (O(1) per message), and listed per
 * eNB so an association loss finds its UEs without a scan.
 *
 * Size matters (100k UEs): APNs are indices into the configuration, TFTs
 * live in the policy module, retransmission buffers are allocated only
 * while a procedure waits for its answer.
 */
#ifndef AGWD_UE_H
#define AGWD_UE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/evloop.h"
#include "proto/nas.h"

#define UE_MAX_PDN	4
#define UE_MAX_BEARERS	11		/* EBI 5..15 (TS 24.007 11.2.3.1.5) */
#define UE_EBI_MIN	5
#define UE_EBI_MAX	15
#define UE_IMSI_MAX	15
#define UE_NAS_MAX	1024		/* largest NAS message we keep or send */
#define UE_POLICY_NAME_MAX 32

/* Kernel cookie: AGWD_COOKIE_MAGIC in the top byte, UE uid, EBI. */
#define AGWD_COOKIE_MAGIC	0xa6ULL
#define AGWD_COOKIE(uid, ebi)	(AGWD_COOKIE_MAGIC << 56 | ((uint64_t)(uid) & 0xffffffffffffULL) << 8 | (ebi))
#define AGWD_COOKIE_IS_OURS(c)	(((c) >> 56) == AGWD_COOKIE_MAGIC)
#define AGWD_COOKIE_UID(c)	(((c) >> 8) & 0xffffffffffffULL)
#define AGWD_COOKIE_EBI(c)	((uint8_t)((c) & 0xff))

/*
 * EMM states of the MME side (TS 24.301 5.1.3.4) refined by what the MME
 * waits for; emm_state_spec() gives the spec's name.
 */
enum emm_state {
	EMM_DEREGISTERED,
	EMM_WAIT_IDENTITY,		/* COMMON-PROCEDURE-INITIATED: identification, T3470 */
	EMM_WAIT_AUTH,			/* COMMON-PROCEDURE-INITIATED: authentication, T3460 */
	EMM_WAIT_SMC,			/* COMMON-PROCEDURE-INITIATED: security mode, T3460 */
	EMM_WAIT_ESM_INFO,		/* attach: ESM information request, T3489 */
	EMM_WAIT_ATTACH_COMPLETE,	/* attach accepted, T3450 */
	EMM_REGISTERED,
	EMM_WAIT_GUTI_COMPLETE,		/* COMMON-PROCEDURE-INITIATED: GUTI reallocation, T3450 */
	EMM_DEREG_INIT,			/* network detach, T3422 */
	EMM_N_STATES
};

enum ecm_state { ECM_IDLE, ECM_CONNECTED };

/* The specific procedure the common procedures run for. */
enum emm_proc { PROC_NONE, PROC_ATTACH, PROC_TAU, PROC_SERVICE, PROC_DETACH };

enum bearer_state { BR_FREE, BR_ACT_PENDING, BR_ACTIVE, BR_DEACT_PENDING };

struct bearer {
	uint8_t ebi;			/* 0: free slot */
	uint8_t state;			/* enum bearer_state */
	uint8_t pdn;			/* index in ue->pdn */
	uint8_t qci, arp;
	bool gbr;
	uint64_t mbr_ul, mbr_dl, gbr_ul, gbr_dl;	/* bit/s */
	uint32_t teid;			/* ours: S1-U uplink TEID */
	uint32_t enb_teid;		/* the eNB's downlink TEID */
	bool has_enb;			/* enb_teid and enb address known */
	int enb_family;			/* AF_INET, AF_INET6 */
	struct in_addr enb4;
	struct in6_addr enb6;
	bool dp;			/* programmed in the datapath, active */
	bool dp_idle;			/* in the datapath, idle (downlink queued) */
	bool erab;			/* E-RAB set up in the current eNB */
	char policy[UE_POLICY_NAME_MAX];	/* rule of a dedicated bearer */
};

struct pdn {
	bool used;
	uint8_t apn;			/* index in cfg.apns */
	uint8_t type;			/* NAS_PDN_IPV4 / IPV6 / IPV4V6 */
	uint8_t ebi;			/* default bearer */
	uint8_t pti;			/* of the PDN connectivity request */
	bool has4, has6;
	struct in_addr ip4;
	struct in6_addr ip6;		/* the /64 prefix */
	uint8_t iid[8];			/* IPv6 interface identifier */
	uint64_t ambr_ul, ambr_dl;	/* bit/s */
};

struct enb;
struct agwd;

struct ue {
	/* hash chains and the per-eNB list */
	struct ue *h_imsi, *h_tmsi, *h_mme, *h_enb, *h_alt;
	struct ue *enb_next, *enb_prev;
	struct agwd *d;
	uint64_t uid;			/* persistent id (cookies, database) */

	char imsi[UE_IMSI_MAX + 1];	/* "" until known */
	bool has_guti;
	uint32_t m_tmsi;
	/*
	 * The other valid M-TMSI around a GUTI reallocation (24.301 5.4.1):
	 * the old one while the command waits for its complete, the
	 * unconfirmed new one after an abort (5.4.1.6: both stay valid until
	 * the UE shows which one it uses, ue_tmsi_used()).  Looked up like
	 * m_tmsi; not persisted.
	 */
	uint32_t alt_m_tmsi;
	bool in_tmsi_hash, in_imsi_hash, in_alt_hash;
	bool release_after_guti;	/* release S1 when the reallocation ends */
	uint16_t guti_count;		/* periodic TAUs + service requests */

	/* S1 binding (ECM-CONNECTED when enb != NULL) */
	struct enb *enb;
	uint32_t enb_ue_id;
	uint32_t mme_ue_id;
	bool has_mme_id;
	uint16_t stream;
	bool ctx_setup;			/* UE context set up in the eNB (ICS done) */
	bool release_pending;		/* UE Context Release Command sent */
	bool free_on_release;		/* detached: free after the release */

	uint8_t emm;			/* enum emm_state */
	uint8_t proc;			/* enum emm_proc */
	uint8_t id_type;		/* identity the UE used (NAS_ID_IMSI / GUTI) */
	bool identified;		/* identity procedure done for this attach */
	uint8_t tai_plmn[3];
	uint16_t tac;
	uint8_t ecgi[7];		/* PLMN (3) + cell identity (28 bits) */

	/* EPS security context (TS 33.401 6.1, 24.301 4.4) */
	bool has_sec;
	uint8_t ksi;
	uint8_t kasme[32];
	struct nas_sec_ctx sec;
	uint8_t kenb[32];
	uint8_t nh[32];
	uint8_t ncc;
	/* authentication in progress */
	uint8_t rand[16], xres[8], autn[16], new_kasme[32];
	uint8_t new_ksi;
	uint8_t auth_tries;		/* synch failures in this procedure */
	uint64_t attach_hash;		/* IEs of the attach request in progress */
	/* capabilities */
	uint8_t net_cap[13];
	uint8_t net_cap_len;
	uint16_t s1_eea, s1_eia;	/* UESecurityCapabilities (EEA1.. / EIA1.. from bit 15) */
	uint8_t *radio_cap;
	uint32_t radio_cap_len;

	/* attach / TAU in progress */
	uint8_t attach_type;
	uint8_t *esm_req;		/* ESM container of the attach request */
	uint16_t esm_req_len;
	bool tau_active;		/* TAU with the active flag */

	/* EMM retransmission (T3450, T3460, T3470, T3422): one at a time */
	struct ev_timer t_emm;
	uint8_t *emm_retx;		/* plain message, re-protected on each send */
	uint16_t emm_retx_len;
	uint8_t emm_tries;
	/* ESM retransmission (T3485, T3486, T3495, T3489) */
	struct ev_timer t_esm;
	uint8_t *esm_retx;
	uint16_t esm_retx_len;
	uint8_t esm_tries;
	uint8_t esm_ebi;		/* bearer of the pending ESM procedure */
	uint8_t esm_type;		/* message type waiting for an answer */
	/* mobile reachable (phase 1) and implicit detach (phase 2) */
	struct ev_timer t_reach;
	uint8_t reach_phase;
	uint64_t proc_start_ms;		/* attach / service request latency */
	bool detach_pending;		/* network detach once the UE is connected */
	/* reloaded after a restart as connected: waits for its eNB to come back */
	struct {
		bool on;
		uint8_t plmn[3];
		uint32_t enb_id, enb_ue_id, mme_ue_id;
	} orphan;

	struct pdn pdn[UE_MAX_PDN];
	struct bearer br[UE_MAX_BEARERS];	/* br[ebi - 5] */
};

struct ue_table;

int ue_table_new(struct agwd *d, struct ue_table **out);
/* Frees every UE (timers stopped, nothing sent). */
void ue_table_free(struct ue_table *t);
size_t ue_count(const struct ue_table *t);

/* A new context (not in the IMSI/TMSI indexes yet); uid 0: allocate one. */
struct ue *ue_new(struct ue_table *t, uint64_t uid);
/* Unlinks and frees (timers stopped, S1 binding dropped). */
void ue_free(struct ue_table *t, struct ue *ue);

struct ue *ue_by_imsi(const struct ue_table *t, const char *imsi);
struct ue *ue_by_tmsi(const struct ue_table *t, uint32_t m_tmsi);
struct ue *ue_by_mme_id(const struct ue_table *t, uint32_t mme_ue_id);
struct ue *ue_by_enb_id(const struct ue_table *t, const struct enb *e, uint32_t enb_ue_id);
struct ue *ue_by_uid(const struct ue_table *t, uint64_t uid);

int ue_set_imsi(struct ue_table *t, struct ue *ue, const char *imsi);
/* Allocates a fresh unique M-TMSI (TS 23.003 2.8) and indexes it. */
uint32_t ue_new_tmsi(struct ue_table *t, struct ue *ue);
int ue_set_tmsi(struct ue_table *t, struct ue *ue, uint32_t m_tmsi);
void ue_drop_tmsi(struct ue_table *t, struct ue *ue);
/* Keep the current M-TMSI as the alternative one, then allocate a new one. */
uint32_t ue_realloc_tmsi(struct ue_table *t, struct ue *ue);
/* Make the alternative M-TMSI the current one again (and vice versa). */
void ue_swap_tmsi(struct ue_table *t, struct ue *ue);
/* The UE identified itself with m_tmsi: that one stays, the other goes. */
void ue_tmsi_used(struct ue_table *t, struct ue *ue, uint32_t m_tmsi);
void ue_drop_alt_tmsi(struct ue_table *t, struct ue *ue);

/* S1 binding: new MME-UE-S1AP-ID, eNB list, (eNB, id) index. */
int ue_bind(struct ue_table *t, struct ue *ue, struct enb *e, uint32_t enb_ue_id,
	    uint16_t stream);
/* Same with a given MME-UE-S1AP-ID (state reload); -EEXIST if taken. */
int ue_bind_id(struct ue_table *t, struct ue *ue, struct enb *e, uint32_t enb_ue_id,
	       uint16_t stream, uint32_t mme_ue_id);
/* Keep the MME-UE-S1AP-ID, move to another eNB (path switch). */
int ue_rebind(struct ue_table *t, struct ue *ue, struct enb *e, uint32_t enb_ue_id,
	      uint16_t stream);
void ue_unbind(struct ue_table *t, struct ue *ue);
/* First UE of an eNB's list (walk with ue->enb_next). */
struct ue *ue_enb_first(const struct enb *e);

/* Walk all UEs (ctl, persistence); stops on a non-zero return. */
int ue_walk(const struct ue_table *t, int (*fn)(void *arg, struct ue *ue), void *arg);

/* Bearers */
static inline struct bearer *ue_bearer(struct ue *ue, unsigned int ebi)
{
	if (ebi < UE_EBI_MIN || ebi > UE_EBI_MAX || !ue->br[ebi - UE_EBI_MIN].ebi)
		return NULL;
	return &ue->br[ebi - UE_EBI_MIN];
}

const char *emm_state_name(unsigned int s);
const char *emm_state_spec(unsigned int s);
static inline bool ue_connected(const struct ue *ue) { return ue->enb != NULL; }
bool ue_registered(const struct ue *ue);

#endif
