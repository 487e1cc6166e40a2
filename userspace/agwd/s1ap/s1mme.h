/* SPDX-License-Identifier: GPL-2.0 */
/*
 * S1-MME (TS 36.413 over SCTP, TS 36.412): the eNB table, the SCTP
 * listener, the handlers of received S1AP PDUs and the builders of the
 * ones agwd sends.
 *
 *   s1ap_sctp.c     listener, associations, SCTP notifications (transport)
 *   s1ap_pcap.c     --pcap: every PDU as an SCTP-in-IPv4 frame
 *   s1ap_handler.c  decode, 10.3 checks, dispatch; non-UE procedures
 *   s1ap_ue.c       UE-associated procedures
 *   s1ap_build.c    messages to send
 *
 * Everything goes out through struct s1_transport, so the unit tests plug
 * a capture in place of SCTP.
 */
#ifndef AGWD_S1MME_H
#define AGWD_S1MME_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "lib/txq.h"
#include "proto/s1ap.h"

#define S1AP_PPID		18	/* TS 36.412 7 */
#define S1_ENB_MAX_TAIS		32
#define S1_ENB_NAME_MAX		150

struct agwd;
struct ue;
struct s1mme;
struct pcap_w;

struct s1_tai {
	uint8_t plmn[3];
	uint16_t tac;
};

struct enb {
	struct enb *next;
	struct s1mme *s1;
	uint32_t id;			/* local association number */
	int fd;				/* -1: not a socket (tests) */
	struct txq txq;			/* PDUs waiting for a full send buffer */
	struct sockaddr_storage peer, local;
	uint16_t ostreams;		/* outbound streams of the association */
	uint16_t next_stream;
	bool setup;			/* S1 Setup done */
	bool has_gid;
	uint8_t plmn[3];		/* Global eNB ID */
	uint32_t enb_id;
	uint8_t enb_id_bits;		/* 20 macro, 28 home, 18 short, 21 long */
	char name[S1_ENB_NAME_MAX + 1];
	unsigned int n_tais;
	struct s1_tai tais[S1_ENB_MAX_TAIS];
	uint8_t paging_drx;		/* index: v32, v64, v128, v256 */
	struct ue *ues;			/* UEs bound to this eNB */
	uint32_t n_ues;
	uint64_t rx, tx, rx_errors;
	uint32_t pcap_tsn[2];
	bool dead;			/* association gone, freed deferred */
};

/* How PDUs leave agwd: SCTP in production, a capture in tests. */
struct s1_transport {
	int (*send)(void *arg, struct enb *e, uint16_t stream, const uint8_t *buf, size_t len);
	void *arg;
};

/* Counters (also exported as metrics) */
struct s1_counters {
	uint64_t rx_pdus, tx_pdus, rx_undecodable, rx_unknown_proc, rx_error_ind, tx_error_ind;
	uint64_t setup_ok, setup_fail, resets_rx, resets_tx, rx_unknown_ue, rx_unexpected;
	uint64_t tx_queued;		/* PDUs that waited for a full send buffer */
	uint64_t tx_dropped;		/* refused: an association's queue was full */
};

struct s1mme {
	struct agwd *d;
	struct enb *enbs;
	unsigned int n_enbs;
	uint32_t next_enb_id;
	struct s1_transport tp;
	struct pcap_w *pcap;
	unsigned int n_listen;
	int listen_fd[4];
	struct s1_counters c;
};

int s1mme_new(struct agwd *d, struct s1mme **out);
void s1mme_free(struct s1mme *s1);
void s1mme_set_transport(struct s1mme *s1, const struct s1_transport *tp);

/* eNB table */
struct enb *s1mme_enb_new(struct s1mme *s1, int fd);
/* Association gone: every UE released (ECM-IDLE), the eNB freed. */
void s1mme_enb_lost(struct s1mme *s1, struct enb *e, const char *why);
struct enb *s1mme_enb_first(const struct s1mme *s1);
struct enb *s1mme_enb_by_id(const struct s1mme *s1, uint32_t id);
unsigned int s1mme_enb_count(const struct s1mme *s1);
/* Is the TAI one of the configuration's (served by this MME)? */
bool s1mme_tai_served(const struct agwd *d, const uint8_t plmn[3], uint16_t tac);

/* One received PDU (the SCTP layer or a test calls this). */
void s1mme_rx(struct s1mme *s1, struct enb *e, uint16_t stream, const uint8_t *buf, size_t len);

/* SCTP (s1ap_sctp.c) */
int s1mme_listen(struct s1mme *s1, char *err, size_t err_size);
/* --pcap (s1ap_pcap.c) */
int s1mme_pcap_open(struct s1mme *s1, const char *path, char *err, size_t err_size);
void s1_pcap_write(struct pcap_w *p, struct enb *e, bool sent, uint16_t stream,
		   const uint8_t *buf, size_t len);
void s1_pcap_close(struct pcap_w *p);

/* ---- sending (s1ap_build.c); every function returns 0 or -1 ---- */
int s1_send_pdu(struct s1mme *s1, struct enb *e, uint16_t stream, const struct s1ap_pdu *pdu);
int s1_send_dl_nas(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len);
/* Initial Context Setup Request with the UE's active bearers; nas may be NULL. */
int s1_send_ics(struct agwd *d, struct ue *ue, const uint8_t *nas, size_t len);
int s1_send_ue_release(struct agwd *d, struct ue *ue, const char *group, const char *cause);
int s1_send_erab_setup(struct agwd *d, struct ue *ue, unsigned int ebi, const uint8_t *nas,
		       size_t len);
int s1_send_erab_release(struct agwd *d, struct ue *ue, unsigned int ebi, const uint8_t *nas,
			 size_t len);
int s1_send_paging(struct agwd *d, struct ue *ue);
int s1_send_error_ind(struct s1mme *s1, struct enb *e, uint16_t stream, const uint32_t *mme_id,
		      const uint32_t *enb_id, const char *group, const char *cause,
		      const struct s1ap_pdu *pdu, const struct s1ap_check_result *cr);
int s1_send_reset(struct agwd *d, struct enb *e);

/* Helpers shared by the S1AP files */
uint16_t s1_ue_stream(struct enb *e);
/* UE-associated handlers (s1ap_ue.c): return 0 or -1 (answered). */
void s1_ue_rx(struct agwd *d, struct enb *e, uint16_t stream, const struct s1ap_pdu *pdu);
/* Release the UE's S1 connection locally (after complete or loss): ECM-IDLE. */
void s1_ue_released(struct agwd *d, struct ue *ue);
/* Read an IE's INTEGER (mme/enb ids); -1 if absent. */
int s1_ie_u32(const struct s1ap_pdu *pdu, unsigned int id, uint32_t *out);

#endif
