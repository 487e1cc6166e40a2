/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Gy credit arithmetic for one session (RFC 4006 5, TS 32.299 5.2.2):
 * quotas per rating group, when to report, what each CCR carries and what
 * each answer changes.  Pure: no I/O, no clock (callers pass now in ms),
 * so agwd's charging provider drives it from its own events and the tests
 * run it step by step.
 *
 *   - CCR-I asks every rating group for quota (an empty RSU each).
 *   - A grant is reported at report_pct of it (default 80%), or at the
 *     OCS's Volume-Quota-Threshold (octets left) when it sends one; at
 *     exhaustion (QUOTA_EXHAUSTED); when its Validity-Time runs out
 *     (VALIDITY_TIME); at the end (FINAL, in CCR-T).
 *   - One CCR-U carries every rating group that has something to report,
 *     so an OCS RAR (FORCED_REAUTHORISATION of one or all groups) gives
 *     exactly one CCR-U with every affected MSCC.
 *   - Usage after the CCR was built stays counted for the next report:
 *     over-use beyond a grant is reported, never lost or counted twice;
 *     usage sent in a CCR that failed is sent again with the next one.
 *   - Final-Unit-Indication: the last grant; once spent the rating group
 *     enters GY_RG_FUI and its Final-Unit-Action applies (TERMINATE,
 *     RESTRICT_ACCESS, REDIRECT); no more quota is asked for it.
 *   - 4012 CREDIT_LIMIT_REACHED and other failures per MSCC block that
 *     rating group only; a failed CCR-I, or a failure of the whole answer,
 *     ends the session; no CCR-T for a session whose CCR-I never succeeded.
 *   - No answer (timeout, no peer): Credit-Control-Failure-Handling decides
 *     (TERMINATE; CONTINUE: traffic goes on without credit control, reports
 *     that were due stay due for the caller to retry; RETRY_AND_TERMINATE:
 *     one retry elsewhere, then terminate).  After a failed CCR-I with
 *     CONTINUE the OCS has no session: usage stays in the local records.
 *   - Volume quotas only: CC-Time grants are read (gy.h) but not metered.
 */
#ifndef AGW_DIAMETER_CREDIT_H
#define AGW_DIAMETER_CREDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "proto/gy.h"

#define GY_CREDIT_MAX_RG	GY_MAX_MSCC

enum gy_rg_state {
	GY_RG_NEW,		/* configured, not asked yet */
	GY_RG_REQUESTED,	/* asked, no quota: traffic held */
	GY_RG_GRANTED,
	GY_RG_FINAL,		/* the last grant (with Final-Unit-Indication) */
	GY_RG_FUI,		/* final units spent: Final-Unit-Action applies */
	GY_RG_BLOCKED,		/* 4012 or another failure for this rating group */
	GY_RG_UNCONTROLLED,	/* CCFH CONTINUE after the OCS failed */
};

struct gy_rg {
	uint32_t rating_group;
	bool has_service_id;
	uint32_t service_id;
	enum gy_rg_state st;
	uint64_t grant;			/* octets of the current grant */
	uint64_t threshold;		/* report once used reaches it */
	uint64_t used, used_in, used_out;	/* since the last accepted report */
	uint64_t sent, sent_in, sent_out;	/* of those, in the CCR in flight */
	uint64_t total;			/* everything ever counted (usage records) */
	uint64_t valid_until;		/* ms; 0: no Validity-Time */
	uint32_t reason;		/* report due, GY_RR_NONE: none */
	uint32_t sent_reason;		/* the reason in the CCR in flight */
	bool in_ccr;			/* part of the CCR in flight */
	bool late;			/* reason came after that CCR was built */
	uint32_t result_code;		/* last result for this rating group */
	bool has_fui;
	struct gy_fui fui;
};

struct gy_credit {
	uint32_t report_pct;		/* 1..100 */
	uint32_t ccfh;			/* GY_CCFH_*, from the CCA or the default */
	int n_rg;
	struct gy_rg rg[GY_CREDIT_MAX_RG];
	uint32_t next_number;		/* CC-Request-Number */
	bool initial_ok;		/* a CCR-I was answered with success */
	bool in_flight;
	uint32_t in_flight_type;
	bool retried;			/* RETRY_AND_TERMINATE used its retry */
	bool terminated;		/* CCR-T sent (or the session ended) */
};

/* What the session must do after an answer or a failure */
enum gy_verdict { GY_V_OK, GY_V_TERMINATE, GY_V_RETRY };

void gy_credit_init(struct gy_credit *c, uint32_t report_pct, uint32_t default_ccfh);
/* The rating group (added if new and create); NULL when full or absent */
struct gy_rg *gy_credit_rg(struct gy_credit *c, uint32_t rating_group, bool create);

/*
 * Fill ccr's type, number and MSCCs for a request of type (GY_INITIAL,
 * GY_UPDATE, GY_TERMINATION) and mark it in flight.  Returns the number of
 * MSCCs, or -1 when nothing should be sent: a CCR already in flight, a
 * CCR-U with nothing to report, a CCR-T for a session whose CCR-I never
 * succeeded or that already ended.
 */
int gy_credit_request(struct gy_credit *c, uint32_t type, uint64_t now, struct gy_ccr *ccr);
/* The answer to the request in flight */
enum gy_verdict gy_credit_answer(struct gy_credit *c, const struct gy_cca *a, uint64_t now);
/* The request in flight got no answer (err: -ETIMEDOUT, no peer...) */
enum gy_verdict gy_credit_failure(struct gy_credit *c);

/* Octets counted on a rating group; true when a CCR-U is due now */
bool gy_credit_usage(struct gy_credit *c, uint32_t rating_group, uint64_t in, uint64_t out,
		     uint64_t now);
/* Validity-Time expiries up to now; true when a CCR-U is due; *next: next expiry (0: none) */
bool gy_credit_tick(struct gy_credit *c, uint64_t now, uint64_t *next);
/* An OCS RAR: re-authorise its rating group, or all; true when a CCR-U is due */
bool gy_credit_rar(struct gy_credit *c, const struct gy_rar *r);
/* Anything to report and nothing in flight */
bool gy_credit_report_due(const struct gy_credit *c);
/* May traffic of this rating group pass (quota, final units, no control)? */
bool gy_credit_allowed(const struct gy_credit *c, uint32_t rating_group);
const char *gy_rg_state_name(enum gy_rg_state s);

#endif
