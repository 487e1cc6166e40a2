/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sessions: a UE's PDN connections and EPS bearers (the embedded SGW/PGW
 * control part).  APN selection and PDN type negotiation (TS 23.401
 * 5.3.1.1, TS 24.301 6.5.1), UE addresses from the mobility module
 * (static ones from the subscriber profile), EBI allocation 5..15, S1-U
 * TEID allocation, and keeping the datapath in step with each bearer.
 *
 * TEIDs: unique, never 0, next-fit over the 32-bit space so a released
 * TEID is reused only after the rest has been handed out; each TEID maps
 * back to (UE uid, EBI), which is also what the kernel cookie encodes.
 */
#ifndef AGWD_SESSION_H
#define AGWD_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct agwd;
struct ue;
struct bearer;
struct pdn;
struct sess_table;
struct dp_bearer;

int sess_table_new(struct sess_table **out);
void sess_table_free(struct sess_table *t);

uint32_t sess_teid_alloc(struct sess_table *t, uint64_t uid, uint8_t ebi);
int sess_teid_claim(struct sess_table *t, uint32_t teid, uint64_t uid, uint8_t ebi);
void sess_teid_release(struct sess_table *t, uint32_t teid);
int sess_teid_lookup(const struct sess_table *t, uint32_t teid, uint64_t *uid, uint8_t *ebi);
size_t sess_teid_count(const struct sess_table *t);

/*
 * A PDN connection for apn (NULL or "": the subscriber's default) with the
 * requested PDN type.  Returns the PDN index (>= 0) with its default
 * bearer allocated (BR_ACT_PENDING), or -1 with *esm_cause set (TS 24.301
 * 9.9.4.4).  *type_cause gets #50/#51 when the type was narrowed (or 0).
 */
int sess_pdn_create(struct agwd *d, struct ue *ue, const char *apn, uint8_t pdn_type,
		    uint8_t pti, uint8_t *esm_cause, uint8_t *type_cause);
/* Removes the PDN, its bearers (datapath too) and its address lease. */
void sess_pdn_delete(struct agwd *d, struct ue *ue, unsigned int pdn);
void sess_release_all(struct agwd *d, struct ue *ue);
int sess_pdn_by_ebi(const struct ue *ue, unsigned int ebi);
unsigned int sess_pdn_count(const struct ue *ue);
/* The APN name of a PDN (configuration's spelling). */
const char *sess_apn_name(const struct agwd *d, const struct pdn *p);

/* A dedicated bearer on PDN pdn; NULL when no EBI or TEID is left. */
struct bearer *sess_bearer_new(struct agwd *d, struct ue *ue, unsigned int pdn);
void sess_bearer_delete(struct agwd *d, struct ue *ue, unsigned int ebi);

/* Datapath: program the bearer when it is active and its eNB end known. */
int sess_dp_sync(struct agwd *d, struct ue *ue, struct bearer *b);
/* Path switch: new eNB end for a programmed bearer. */
int sess_dp_modify(struct agwd *d, struct ue *ue, struct bearer *b);
/* ECM-IDLE: every programmed bearer of the UE goes idle. */
void sess_dp_idle(struct agwd *d, struct ue *ue);
/* The PDN's APN-AMBR group in gtpu.ko, if b is its default bearer. */
void sess_dp_ambr(struct agwd *d, const struct ue *ue, const struct bearer *b);
void sess_dp_fill(const struct agwd *d, const struct ue *ue, const struct bearer *b,
		  struct dp_bearer *out);

/* UE-AMBR: the sum of the APN-AMBRs of the UE's PDNs (bit/s). */
void sess_ue_ambr(const struct ue *ue, uint64_t *ul, uint64_t *dl);

#endif
