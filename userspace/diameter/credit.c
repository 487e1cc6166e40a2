// SPDX-License-Identifier: GPL-2.0
/* Gy credit arithmetic (credit.h).  Pure: no I/O, no clock, no globals. */
#include <string.h>

#include "diameter/credit.h"

static const char *const state_names[] = {
	[GY_RG_NEW] = "new",
	[GY_RG_REQUESTED] = "requested",
	[GY_RG_GRANTED] = "granted",
	[GY_RG_FINAL] = "final-units",
	[GY_RG_FUI] = "final-unit-action",
	[GY_RG_BLOCKED] = "blocked",
	[GY_RG_UNCONTROLLED] = "uncontrolled",
};

const char *gy_rg_state_name(enum gy_rg_state s)
{
	return (unsigned int)s <= GY_RG_UNCONTROLLED ? state_names[s] : "?";
}

void gy_credit_init(struct gy_credit *c, uint32_t report_pct, uint32_t default_ccfh)
{
	memset(c, 0, sizeof(*c));
	c->report_pct = report_pct && report_pct <= 100 ? report_pct : 80;
	c->ccfh = default_ccfh <= GY_CCFH_RETRY_AND_TERMINATE ? default_ccfh : GY_CCFH_TERMINATE;
}

struct gy_rg *gy_credit_rg(struct gy_credit *c, uint32_t rating_group, bool create)
{
	struct gy_rg *g;

	for (int i = 0; i < c->n_rg; i++)
		if (c->rg[i].rating_group == rating_group)
			return &c->rg[i];
	if (!create || c->n_rg == GY_CREDIT_MAX_RG)
		return NULL;
	g = &c->rg[c->n_rg++];
	memset(g, 0, sizeof(*g));
	g->rating_group = rating_group;
	g->reason = g->sent_reason = GY_RR_NONE;
	return g;
}

/* A report is due on g: QUOTA_EXHAUSTED wins over THRESHOLD */
static void due(struct gy_rg *g, uint32_t reason)
{
	if (g->in_ccr) {
		/* after the CCR in flight was built: a report of its own */
		g->reason = g->late ? g->reason : GY_RR_NONE;
		g->late = true;
	}
	if (g->reason == GY_RR_NONE || reason == GY_RR_QUOTA_EXHAUSTED ||
	    reason == GY_RR_FORCED_REAUTHORISATION)
		g->reason = reason;
}

static bool wants_quota(const struct gy_rg *g)
{
	return g->st != GY_RG_FINAL && g->st != GY_RG_FUI && g->st != GY_RG_BLOCKED &&
	       g->st != GY_RG_UNCONTROLLED;
}

static void fill_usu(struct gy_mscc_req *m, struct gy_rg *g)
{
	m->has_usu = true;
	m->usu.has_total = m->usu.has_in = m->usu.has_out = true;
	m->usu.total = g->used;
	m->usu.in = g->used_in;
	m->usu.out = g->used_out;
	g->sent = g->used;
	g->sent_in = g->used_in;
	g->sent_out = g->used_out;
}

int gy_credit_request(struct gy_credit *c, uint32_t type, uint64_t now, struct gy_ccr *ccr)
{
	int n = 0;

	if (c->in_flight || c->terminated)
		return -1;
	if (type == GY_UPDATE && (!c->initial_ok || !gy_credit_report_due(c)))
		return -1;
	if (type == GY_TERMINATION && !c->initial_ok)
		return -1;	/* no CCR-T for a session the OCS never accepted */
	ccr->n_mscc = 0;
	for (int i = 0; i < c->n_rg; i++) {
		struct gy_rg *g = &c->rg[i];
		struct gy_mscc_req *m;

		g->in_ccr = false;
		g->late = false;
		if (type == GY_UPDATE && g->reason == GY_RR_NONE)
			continue;
		m = &ccr->mscc[n++];
		memset(m, 0, sizeof(*m));
		m->rating_group = g->rating_group;
		m->has_service_id = g->has_service_id;
		m->service_id = g->service_id;
		m->reason = GY_RR_NONE;
		g->in_ccr = true;
		switch (type) {
		case GY_INITIAL:
			m->rsu = true;
			g->st = GY_RG_REQUESTED;
			break;
		case GY_UPDATE:
			fill_usu(m, g);
			m->reason = g->sent_reason = g->reason;
			m->rsu = wants_quota(g);
			break;
		default:
			fill_usu(m, g);
			m->reason = g->sent_reason = GY_RR_FINAL;
			break;
		}
	}
	ccr->type = type;
	ccr->number = c->next_number++;
	ccr->n_mscc = n;
	c->in_flight = true;
	c->in_flight_type = type;
	if (type == GY_TERMINATION)
		c->terminated = true;
	(void)now;
	return n;
}

static void set_threshold(struct gy_credit *c, struct gy_rg *g, const struct gy_mscc_ans *s)
{
	if (s->has_vqt && s->volume_threshold < g->grant)
		g->threshold = g->grant - s->volume_threshold;
	else
		g->threshold = g->grant / 100 * c->report_pct + g->grant % 100 * c->report_pct / 100;
	if (!g->threshold || g->threshold > g->grant)
		g->threshold = g->grant;
}

/* One MSCC of a successful answer */
static void apply_mscc(struct gy_credit *c, struct gy_rg *g, const struct gy_mscc_ans *s,
		       uint64_t now)
{
	g->result_code = s->has_result ? s->result_code : 2001;
	if (g->result_code < 2000 || g->result_code >= 3000) {
		g->st = GY_RG_BLOCKED;	/* 4012, 4010, 5030, 5031, ...: this group only */
		g->reason = GY_RR_NONE;
		return;
	}
	if (s->has_gsu) {
		g->grant = s->gsu.has_total ? s->gsu.total :
			   (s->gsu.has_in ? s->gsu.in : 0) + (s->gsu.has_out ? s->gsu.out : 0);
		set_threshold(c, g, s);
		g->st = s->has_fui ? GY_RG_FINAL : GY_RG_GRANTED;
	}
	g->has_fui = s->has_fui;
	if (s->has_fui)
		g->fui = s->fui;
	g->valid_until = s->has_validity && s->validity_time ?
			 now + (uint64_t)s->validity_time * 1000 : 0;
}

/*
 * Usage against the grant.  While the group is in a CCR in flight its
 * grant is about to be replaced: the answer runs this again on the new one.
 */
static void recheck(struct gy_rg *g)
{
	if (g->st != GY_RG_GRANTED && g->st != GY_RG_FINAL)
		return;
	if (g->used >= g->grant) {
		if (g->st == GY_RG_FINAL)
			g->st = GY_RG_FUI;
		else if (!g->in_ccr)
			due(g, GY_RR_QUOTA_EXHAUSTED);
	} else if (g->used >= g->threshold && g->st == GY_RG_GRANTED && !g->in_ccr) {
		due(g, GY_RR_THRESHOLD);
	}
}

enum gy_verdict gy_credit_answer(struct gy_credit *c, const struct gy_cca *a, uint64_t now)
{
	uint32_t type = c->in_flight_type;

	if (!c->in_flight)
		return GY_V_OK;
	c->in_flight = false;
	c->retried = false;
	if (a->has_ccfh)
		c->ccfh = a->ccfh;
	if (!dia_result_ok(&a->res)) {
		/* the whole request failed; its usage stays counted */
		for (int i = 0; i < c->n_rg; i++)
			c->rg[i].in_ccr = false;
		if (type == GY_INITIAL || a->res.code == GY_CREDIT_LIMIT_REACHED ||
		    a->res.code == GY_END_USER_SERVICE_DENIED || a->res.code == GY_USER_UNKNOWN)
			return type == GY_TERMINATION ? GY_V_OK : GY_V_TERMINATE;
		return type == GY_TERMINATION ? GY_V_OK : gy_credit_failure(c);
	}
	if (type == GY_INITIAL)
		c->initial_ok = true;
	for (int i = 0; i < c->n_rg; i++) {
		struct gy_rg *g = &c->rg[i];

		if (!g->in_ccr)
			continue;
		g->in_ccr = false;
		/* the reported usage is accepted: what came after stays */
		g->used -= g->sent;
		g->used_in -= g->sent_in;
		g->used_out -= g->sent_out;
		g->sent = g->sent_in = g->sent_out = 0;
		if (!g->late)
			g->reason = GY_RR_NONE;
		g->late = false;
		g->sent_reason = GY_RR_NONE;
	}
	for (int i = 0; i < a->n_mscc; i++) {
		struct gy_rg *g = gy_credit_rg(c, a->mscc[i].rating_group, false);

		if (g && type != GY_TERMINATION)
			apply_mscc(c, g, &a->mscc[i], now);
	}
	for (int i = 0; i < c->n_rg; i++)
		recheck(&c->rg[i]);
	return GY_V_OK;
}

enum gy_verdict gy_credit_failure(struct gy_credit *c)
{
	uint32_t type = c->in_flight_type;

	c->in_flight = false;
	for (int i = 0; i < c->n_rg; i++)
		c->rg[i].in_ccr = false;	/* sent usage stays in used */
	if (type == GY_TERMINATION)
		return GY_V_OK;
	switch (c->ccfh) {
	case GY_CCFH_CONTINUE:
		/*
		 * Traffic goes on; reports that were due stay due (the caller
		 * retries after its own backoff).  After a failed CCR-I there is
		 * no session at the OCS: usage is only in the local records.
		 */
		for (int i = 0; i < c->n_rg; i++)
			if (c->rg[i].st != GY_RG_BLOCKED && c->rg[i].st != GY_RG_FUI)
				c->rg[i].st = GY_RG_UNCONTROLLED;
		return GY_V_OK;
	case GY_CCFH_RETRY_AND_TERMINATE:
		if (!c->retried) {
			c->retried = true;
			c->in_flight = true;	/* the same request, sent again */
			return GY_V_RETRY;
		}
		c->retried = false;
		return GY_V_TERMINATE;
	default:
		return GY_V_TERMINATE;
	}
}

bool gy_credit_usage(struct gy_credit *c, uint32_t rating_group, uint64_t in, uint64_t out,
		     uint64_t now)
{
	struct gy_rg *g = gy_credit_rg(c, rating_group, false);

	(void)now;
	if (!g)
		return false;
	g->used += in + out;
	g->used_in += in;
	g->used_out += out;
	g->total += in + out;
	recheck(g);
	return gy_credit_report_due(c);
}

bool gy_credit_tick(struct gy_credit *c, uint64_t now, uint64_t *next)
{
	*next = 0;
	for (int i = 0; i < c->n_rg; i++) {
		struct gy_rg *g = &c->rg[i];

		if (!g->valid_until)
			continue;
		if (g->valid_until <= now) {
			g->valid_until = 0;
			due(g, GY_RR_VALIDITY_TIME);
		} else if (!*next || g->valid_until < *next) {
			*next = g->valid_until;
		}
	}
	return gy_credit_report_due(c);
}

bool gy_credit_rar(struct gy_credit *c, const struct gy_rar *r)
{
	for (int i = 0; i < c->n_rg; i++) {
		struct gy_rg *g = &c->rg[i];

		if (r->has_rating_group && g->rating_group != r->rating_group)
			continue;
		if (r->has_service_id && (!g->has_service_id || g->service_id != r->service_id))
			continue;
		due(g, GY_RR_FORCED_REAUTHORISATION);
	}
	return gy_credit_report_due(c);
}

bool gy_credit_report_due(const struct gy_credit *c)
{
	if (c->in_flight || c->terminated || !c->initial_ok)
		return false;
	for (int i = 0; i < c->n_rg; i++)
		if (c->rg[i].reason != GY_RR_NONE)
			return true;
	return false;
}

bool gy_credit_allowed(const struct gy_credit *c, uint32_t rating_group)
{
	for (int i = 0; i < c->n_rg; i++) {
		const struct gy_rg *g = &c->rg[i];

		if (g->rating_group != rating_group)
			continue;
		return g->st == GY_RG_GRANTED || g->st == GY_RG_FINAL ||
		       g->st == GY_RG_UNCONTROLLED;
	}
	return false;
}
