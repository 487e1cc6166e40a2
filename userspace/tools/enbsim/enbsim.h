/* SPDX-License-Identifier: GPL-2.0 */
/*
 * enbsim: simulated eNodeBs and UEs speaking S1AP (TS 36.413) over SCTP and
 * NAS (TS 24.301) to an MME, with a GTP-U (TS 29.281) user plane on TUN
 * devices.  One thread, one event loop (lib/evloop).
 *
 *   main.c      options, the plain CLI form
 *   enb.c       SCTP association, S1 Setup, Reset, Error Indication, Paging,
 *               receive dispatch
 *   ue.c        the UE's EMM state machine, procedures, timers
 *   ue_emm.c    downlink EMM messages by state
 *   ue_nas.c    NAS messages: build, protect, receive, AKA, security mode
 *   ue_esm.c    ESM: PDN connections, bearers, TFTs
 *   ue_s1ap.c   UE-associated S1AP: Initial UE Message, ICS, release,
 *               E-RAB setup/modify/release, Path Switch
 *   ue_cap.c    the UE radio capability (UPER), of a chosen size
 *   uplane.c    TUN devices and GTP-U
 *   scenario.c  the JSON scenario engine (scenario_ops.c: its operations)
 *   bench.c     attach/detach rate benchmark
 * (--pcap: lib/pcap.h writes the S1AP capture, enb.c feeds it)
 */
#ifndef ENBSIM_H
#define ENBSIM_H

#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "crypto/milenage.h"
#include "lib/evloop.h"
#include "lib/txq.h"
#include "proto/nas.h"
#include "proto/nas_ie.h"
#include "proto/s1ap.h"
#include "proto/s1ap_util.h"

#define ENBSIM_MAX_ENBS		16
#define ENBSIM_MAX_TACS		8
#define ENBSIM_MAX_UES		131071	/* eNB-UE-S1AP-ID and TEID carry the index */
#define ENBSIM_UE_ID_BITS	17	/* index bits in them (ue.c, uplane.c) */
#define UE_MAX_PDNS		4
#define UE_MAX_BEARERS		16	/* indexed by EBI (5..15 used) */
#define S1AP_PPID		18	/* TS 36.412 7 */
#define S1AP_PORT		36412

/* ------------------------------------------------------------ config --- */

struct enb_cfg {
	char name[48];
	uint32_t enb_id;		/* macro eNB ID, 20 bits */
	char mccmnc[8];
	uint16_t tac[ENBSIM_MAX_TACS];
	unsigned int n_tac;
	char mme[64];			/* MME address */
	uint16_t mme_port;
	char addr[64];			/* local S1-MME address ("" = any) */
	char s1u[64];			/* S1-U address ("" = addr) */
	uint16_t streams;		/* outbound streams asked for */
	uint8_t paging_drx;		/* 0..3: v32..v256 */
};

enum ue_id_kind { UE_ID_IMSI, UE_ID_GUTI, UE_ID_BAD };

struct ue_cfg {
	char imsi[16];
	char imei[16];
	uint8_t k[16], opc[16];
	uint64_t sqn;			/* SQN_MS the USIM starts with */
	char apn[101];			/* "" = none */
	uint8_t pdn_type;		/* enum nas_pdn_type */
	uint8_t combined;		/* combined EPS/IMSI attach */
	uint8_t id_kind;		/* enum ue_id_kind */
	uint8_t esm_info;		/* send APN/PCO in ESM information response */
	unsigned int enb;		/* eNB the UE camps on */
	char tun[16];			/* "" = ue<index> */
	uint32_t radio_cap_size;	/* UERadioCapability octets (0: one, ue_cap.c) */
};

/* ------------------------------------------------------------ runtime --- */

enum s1_state { S1_DOWN, S1_CONNECTING, S1_SETUP_SENT, S1_UP, S1_FAILED };

struct enbsim;

struct enb {
	struct enbsim *sim;
	unsigned int idx;
	struct enb_cfg cfg;
	uint8_t plmn[3];
	uint8_t s1u_ip[4];		/* IPv4 S1-U address */
	uint8_t local_ip[4], mme_ip[4];	/* for the pcap frames */
	uint16_t local_port;
	uint32_t pcap_tsn[2];		/* last TSN written: [0] received, [1] sent */
	int fd;				/* SCTP socket */
	struct txq txq;			/* PDUs waiting for a full send buffer */
	uint8_t *rx;			/* the PDU being received (partial delivery) */
	size_t rx_len, rx_cap;
	uint8_t rx_drop;		/* skipping the rest of an oversized PDU */
	int state;			/* enum s1_state */
	uint16_t ostreams;		/* negotiated outbound streams */
	struct ev_timer timer;		/* S1 Setup retry after TimeToWait */
	unsigned int setup_attempts;
	char fail_cause[64];		/* S1 Setup Failure cause */
	unsigned int time_to_wait_s;
	/* MME as learnt from S1 Setup Response */
	char mme_name[64];
	uint8_t mme_plmn[3];
	uint16_t mme_gid;
	uint8_t mme_code;
	uint8_t rel_capacity;
	/* counters */
	unsigned long paging_rx, paging_matched, err_ind_rx, reset_rx, reset_ack_rx;
	unsigned long s1ap_rx, s1ap_tx, s1ap_bad;
	int gtpu_fd;			/* owned by uplane.c (may be shared) */
	int gtpu_owner;
};

enum emm_state {
	EMM_DEREGISTERED, EMM_REG_INIT, EMM_REGISTERED, EMM_DEREG_INIT, EMM_TAU_INIT,
	EMM_SR_INIT,
};

/* Scenario-visible procedures and their outcome */
enum ue_proc {
	PROC_NONE, PROC_ATTACH, PROC_DETACH, PROC_SR, PROC_TAU, PROC_PDN_CONN, PROC_PDN_DISC,
	PROC_IDLE, PROC_HO,
};

struct ue_pdn {
	uint8_t used;
	uint8_t ebi;			/* default bearer */
	uint8_t pti;			/* of the request, while pending */
	uint8_t type;			/* enum nas_pdn_type */
	char apn[101];
	uint8_t ipv4[4];
	uint8_t iid[8];			/* IPv6 interface identifier */
	uint8_t has4, has6;
	uint8_t dns4[4], dns6[16];
	uint8_t has_dns4, has_dns6;
};

struct ue_bearer {
	uint8_t active;			/* EPS bearer context exists */
	uint8_t ebi, linked, qci;
	uint8_t s1u_up;			/* E-RAB set up on S1-U */
	uint32_t ul_teid;		/* the gateway's */
	uint32_t dl_teid;		/* ours */
	uint8_t sgw_ip[4];
	struct nas_tft *tft;		/* the bearer's TFT, NULL: none (malloc'd) */
	unsigned long ul_pkts, dl_pkts, ul_bytes, dl_bytes, end_markers;
};

struct ue {
	struct enbsim *sim;
	unsigned int idx;
	struct ue_cfg cfg;
	struct enb *enb;
	int emm;			/* enum emm_state */
	int connected;			/* ECM-CONNECTED: an S1 connection exists */
	uint32_t enb_ue_id, mme_ue_id;
	uint8_t has_mme_id;
	uint8_t gen;			/* bumps eNB-UE-S1AP-ID per connection */
	uint8_t ue_cap_sent;
	const uint8_t *radio_cap;	/* what UE Capability Info Indication carried */
	size_t radio_cap_len;		/* (shared: struct enbsim caps[]) */
	/* USIM and security */
	struct eps_sqn_ms sqn_ms;
	uint8_t kasme[32], new_kasme[32];
	uint8_t ksi, new_ksi;		/* 7: none */
	uint8_t has_sec;		/* current EPS security context */
	struct nas_sec_ctx sec;
	uint32_t kenb_count;		/* UL NAS COUNT for the next KeNB */
	uint8_t kenb[32], nh[32];
	uint8_t ncc;
	/* identities and registration */
	struct nas_mobile_id guti;
	uint8_t has_guti;
	struct nas_mobile_id old_guti;	/* before the last GUTI reallocation */
	uint8_t has_old_guti;
	struct nas_tai_list *tais;	/* last TAI list received (malloc'd) */
	uint8_t t3412;
	/* sessions */
	struct ue_pdn pdn[UE_MAX_PDNS];
	struct ue_bearer br[UE_MAX_BEARERS];
	uint8_t next_pti;
	/* procedure in progress and its outcome (for the scenario engine) */
	struct {
		int kind;		/* enum ue_proc */
		int state;		/* 0 pending, 1 ok, -1 failed */
		char detail[200];
		uint64_t t0, t1;
		uint8_t expect_reject;	/* attach: a reject is the expected outcome */
		int expect_cause;	/* -1: any */
		uint8_t switch_off;
		uint8_t pti;		/* ESM procedure */
		uint8_t ebi;
	} proc;
	uint8_t pending_detach;		/* after the S1 connection is up */
	uint8_t last_reject_cause;
	/* timers */
	struct ev_timer t_emm;		/* T3410 / T3417 / T3421 / T3430 */
	struct ev_timer t_esm;		/* T3482 / T3492 */
	unsigned int emm_tries, esm_tries;
	/* retransmission and replay */
	uint8_t last_plain[512];	/* last EMM request, plain */
	size_t last_plain_len;
	uint8_t last_ul[520];		/* last protected uplink, as sent */
	size_t last_ul_len;
	uint8_t esm_plain[512];		/* pending ESM request, plain */
	size_t esm_plain_len;
	/* event counters (expect_* steps wait for them to grow) */
	unsigned long n_paged, n_ded_bearer, n_bearer_rel, n_net_detach, n_dl_nas, n_emm_status,
		n_kenb_mismatch, n_mac_fail, n_dropped_dl, n_released, n_auth, n_identity,
		n_guti_realloc, n_cap_back, n_cap_bad;	/* ICS with our capability / another */
	unsigned long seen_paged, seen_ded, seen_rel, seen_detach;	/* consumed by expect_* */
	/* user plane */
	int tun_fd;
	char tun_name[16];
	unsigned long ul_pkts, dl_pkts, ul_drop, dl_drop;
};

struct pcap_w;
struct json_object;

struct enbsim {
	struct ev_loop *loop;
	struct enb enb[ENBSIM_MAX_ENBS];
	unsigned int n_enbs;
	struct ue *ues;
	unsigned int n_ues;
	int uplane;			/* TUN + GTP-U enabled */
	double timer_scale;		/* NAS timers multiplied by this */
	struct pcap_w *pcap;
	int quiet;
	unsigned long gtpu_bad;
	struct {			/* UE radio capabilities by size (ue_cap.c) */
		uint32_t size;
		uint8_t *p;
		size_t len;
	} caps[4];
	unsigned int n_caps;
};

/* ---- enb.c */
int enb_init(struct enbsim *sim, unsigned int idx, const struct enb_cfg *cfg);
int enb_connect(struct enb *e);
void enb_close(struct enb *e);
int enb_s1_setup(struct enb *e);
int enb_send_reset(struct enb *e, struct ue **ues, unsigned int n);
/* Encode and send; stream 0 for non-UE signalling. */
int enb_send(struct enb *e, const struct s1ap_pdu *pdu, uint16_t stream);
uint16_t enb_ue_stream(const struct enb *e, uint32_t enb_ue_id);
/* Error Indication (proto/s1ap_build.c); ids may be NULL */
int enb_error_indication(struct enb *e, const struct s1ap_ue_pair *ids, enum s1ap_key cause,
			 const struct s1ap_pdu *trig, const struct s1ap_check_result *r);
int enb_tai_served(const struct enb *e, const uint8_t plmn[3], uint16_t tac);

/* ---- ue.c */
void ue_init(struct enbsim *sim, struct ue *ue, unsigned int idx, const struct ue_cfg *cfg);
void ue_change_state(struct ue *ue, int st, const char *event);
const char *ue_state_name(int st);
int ue_attach(struct ue *ue, int expect_reject, int expect_cause);
int ue_detach(struct ue *ue, int switch_off);
int ue_service_request(struct ue *ue, int mt);
int ue_service_request_ext(struct ue *ue, int mt, int esr_type, int expect_cause);
int ue_tau(struct ue *ue, int periodic);
int ue_go_idle(struct ue *ue);
void ue_proc_start(struct ue *ue, int kind);
void ue_proc_done(struct ue *ue, int kind, int ok, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void ue_emm_timer_start(struct ue *ue, unsigned int ms);
void ue_emm_timer_stop(struct ue *ue);
void ue_esm_timer_start(struct ue *ue, unsigned int ms);
/* Paging matched this UE (by_imsi: paged with its IMSI). */
void ue_paged(struct ue *ue, int by_imsi);
/* The S1 connection ended (release, reset, association lost). */
void ue_s1_released(struct ue *ue, const char *why);
void ue_local_detach(struct ue *ue, const char *why);
struct ue *ue_by_enb_id(struct enbsim *sim, struct enb *e, uint32_t enb_ue_id);
struct ue *ue_by_mme_id(struct enbsim *sim, struct enb *e, uint32_t mme_ue_id);


/* ---- ue_emm.c: one dispatch over (downlink EMM message, state) */
void ue_emm_rx(struct ue *ue, const struct nas_msg *m, int protected);

/* ---- ue_nas.c */
/* Encode m, protect as the state requires, send (initial: Initial UE Message). */
int ue_nas_send(struct ue *ue, const struct nas_msg *m, int initial);
int ue_send_ext_service_request(struct ue *ue, uint8_t service_type);
int ue_nas_send_plain_bytes(struct ue *ue, const uint8_t *b, size_t n, int initial);
int ue_nas_resend_last(struct ue *ue);
void ue_nas_rx(struct ue *ue, const uint8_t *pdu, size_t len);
int ue_send_attach_request(struct ue *ue);
int ue_send_detach_request(struct ue *ue, int switch_off);
int ue_send_tau_request(struct ue *ue, int periodic);
int ue_send_service_request(struct ue *ue);
int ue_send_emm_status(struct ue *ue, uint8_t cause);
int ue_send_simple_emm(struct ue *ue, uint8_t type);
int ue_replay_last(struct ue *ue);
int ue_nas_eps_id(struct ue *ue, uint8_t *out, size_t max);
void ue_nas_auth(struct ue *ue, const struct nas_msg *m);

/* ---- ue_esm.c */
uint8_t ue_new_pti(struct ue *ue);
int ue_esm_pdn_request(struct ue *ue, uint8_t *out, size_t max, const char *apn,
		       uint8_t pdn_type, uint8_t pti, int in_attach);
int ue_pdn_connect(struct ue *ue, const char *apn, uint8_t pdn_type);
int ue_pdn_disconnect(struct ue *ue, uint8_t ebi);
/* Handle one downlink ESM message; out/outlen: an answer to send. */
void ue_esm_rx(struct ue *ue, const uint8_t *b, size_t n, uint8_t *out, size_t *outlen);
struct ue_pdn *ue_pdn_by_ebi(struct ue *ue, uint8_t ebi);
void ue_bearer_drop(struct ue *ue, uint8_t ebi);
/* Forget one bearer (frees its TFT). */
void ue_bearer_clear(struct ue_bearer *b);
int ue_tft_select(const struct ue *ue, const uint8_t *pkt, size_t len, uint8_t def_ebi);

/* ---- ue_cap.c */
/* A UERadioAccessCapabilityInformation of about size octets (malloc'd). */
int ue_cap_make(size_t size, uint8_t **out, size_t *len);
/* The UE's capability, built once per size for the whole simulation. */
int ue_cap_get(struct ue *ue, const uint8_t **p, size_t *len);

/* ---- ue_s1ap.c */
int ue_s1_initial(struct ue *ue, const uint8_t *nas, size_t n, enum s1ap_key rrc_cause);
int ue_s1_uplink_nas(struct ue *ue, const uint8_t *nas, size_t n);
int ue_s1_release_request(struct ue *ue, enum s1ap_key cause);
int ue_s1_path_switch(struct ue *ue, struct enb *target);
/* Dispatch a UE-associated S1AP message received on e. */
void ue_s1ap_rx(struct enb *e, const struct s1ap_pdu *pdu);
void ue_s1_forget(struct ue *ue);

/* ---- uplane.c */
int uplane_enb_open(struct enb *e);
void uplane_enb_close(struct enb *e);
int uplane_ue_up(struct ue *ue);
void uplane_ue_down(struct ue *ue);
uint32_t uplane_teid(const struct ue *ue, uint8_t ebi);
struct ue_bearer *uplane_bearer_by_teid(struct enbsim *sim, uint32_t teid, struct ue **uep);

/* ---- scenario.c, bench.c, main.c */
int scenario_run_file(const char *path, struct enbsim *sim, const char *pcap);
int scenario_run_steps(struct enbsim *sim, struct json_object *steps, unsigned int timeout_s);
int cli_parse_hex(const char *s, uint8_t *out, size_t n);
int bench_run(struct enbsim *sim, unsigned int rate, unsigned int inflight, int agwd_pid);
/* Run the loop until done(arg) is true or timeout_ms passes; 0 when done. */
int sim_wait(struct enbsim *sim, int (*done)(void *arg), void *arg, uint64_t timeout_ms);
int sim_start(struct enbsim *sim);
void sim_free(struct enbsim *sim);

#endif
