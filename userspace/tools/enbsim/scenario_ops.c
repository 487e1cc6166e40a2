// SPDX-License-Identifier: GPL-2.0
/*
 * The scenario operations: each starts something on the selected eNBs or
 * UEs and waits (with the loop running) for its outcome.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/log.h"
#include "proto/nas_ie.h"
#include "scenario.h"

#define MOD "scenario"

static void add_detail(struct op_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add_detail(struct op_ctx *c, const char *fmt, ...)
{
	size_t n = strlen(c->detail);
	va_list ap;

	if (n >= sizeof(c->detail) - 2)
		return;
	if (n)
		c->detail[n++] = ';', c->detail[n++] = ' ', c->detail[n] = 0;
	va_start(ap, fmt);
	vsnprintf(c->detail + n, sizeof(c->detail) - n, fmt, ap);
	va_end(ap);
}

static int need_ues(struct op_ctx *c)
{
	if (c->n_ues)
		return 0;
	snprintf(c->detail, sizeof(c->detail), "no UE selected (\"ue\" or \"ues\")");
	return -1;
}

/* ------------------------------------------------------ eNB operations --- */

static unsigned int select_enbs(struct op_ctx *c, unsigned int *out)
{
	long long e = jint(c->j, "enb", -1);
	unsigned int n = 0;

	for (unsigned int i = 0; i < c->sim->n_enbs; i++)
		if (e < 0 || e == i)
			out[n++] = i;
	return n;
}

struct enbs_wait {
	struct enbsim *sim;
	unsigned int *idx, n;
};

static int setup_done(void *arg)
{
	struct enbs_wait *w = arg;

	for (unsigned int i = 0; i < w->n; i++) {
		struct enb *e = &w->sim->enb[w->idx[i]];

		if (e->state != S1_UP && (e->state != S1_FAILED || ev_timer_armed(&e->timer)))
			return 0;
	}
	return 1;
}

static int op_s1setup(struct op_ctx *c)
{
	unsigned int idx[ENBSIM_MAX_ENBS], n = select_enbs(c, idx), bad = 0;
	int want_fail = !strcmp(jstr(c->j, "expect", "ok"), "failure");
	struct enbs_wait w = { c->sim, idx, n };

	for (unsigned int i = 0; i < n; i++) {
		c->sim->enb[idx[i]].setup_attempts = 0;
		enb_s1_setup(&c->sim->enb[idx[i]]);
	}
	sim_wait(c->sim, setup_done, &w, c->timeout_ms);
	for (unsigned int i = 0; i < n; i++) {
		struct enb *e = &c->sim->enb[idx[i]];

		if (e->state == S1_UP)
			add_detail(c, "enb %u: up, MME \"%s\"", e->idx, e->mme_name);
		else
			add_detail(c, "enb %u: %s%s", e->idx, e->state == S1_FAILED ? "failure " :
				   "timeout", e->fail_cause);
		bad += (e->state == S1_UP) == want_fail;
	}
	return n && !bad ? 0 : -1;
}

struct counter_wait {
	unsigned long *p, base;
};

static int counter_grew(void *arg)
{
	struct counter_wait *w = arg;

	return *w->p > w->base;
}

static int op_reset(struct op_ctx *c)
{
	struct enb *e = &c->sim->enb[jint(c->j, "enb", 0) % c->sim->n_enbs];
	struct ue *list[64];
	unsigned int n = 0;
	struct counter_wait w = { &e->reset_ack_rx, e->reset_ack_rx };
	struct json_object *v;

	if (json_object_object_get_ex(c->j, "ues", &v))
		for (unsigned int i = 0; i < c->n_ues && n < 64; i++)
			if (c->sim->ues[c->ues[i]].connected)
				list[n++] = &c->sim->ues[c->ues[i]];
	if (enb_send_reset(e, list, n)) {
		snprintf(c->detail, sizeof(c->detail), "cannot send Reset");
		return -1;
	}
	if (sim_wait(c->sim, counter_grew, &w, c->timeout_ms)) {
		snprintf(c->detail, sizeof(c->detail), "no Reset Acknowledge");
		return -1;
	}
	snprintf(c->detail, sizeof(c->detail), "reset %s acknowledged", n ? "partial" : "all");
	return 0;
}

static int op_expect_reset(struct op_ctx *c)
{
	struct enb *e = &c->sim->enb[jint(c->j, "enb", 0) % c->sim->n_enbs];
	struct counter_wait w = { &e->reset_rx, (unsigned long)jint(c->j, "seen", 0) };

	if (sim_wait(c->sim, counter_grew, &w, c->timeout_ms)) {
		snprintf(c->detail, sizeof(c->detail), "no Reset from the MME");
		return -1;
	}
	snprintf(c->detail, sizeof(c->detail), "%lu Reset(s) received", e->reset_rx);
	return 0;
}

/* ------------------------------------------------------- UE procedures --- */

struct procs_wait {
	struct op_ctx *c;
	int kind;
};

static int procs_done(void *arg)
{
	struct procs_wait *w = arg;

	for (unsigned int i = 0; i < w->c->n_ues; i++) {
		const struct ue *ue = &w->c->sim->ues[w->c->ues[i]];

		if (ue->proc.kind == w->kind && !ue->proc.state)
			return 0;
	}
	return 1;
}

/* Wait for the procedure on every selected UE; collect the outcomes. */
static int wait_procs(struct op_ctx *c, int kind)
{
	struct procs_wait w = { c, kind };
	unsigned int ok = 0;

	sim_wait(c->sim, procs_done, &w, c->timeout_ms);
	for (unsigned int i = 0; i < c->n_ues; i++) {
		struct ue *ue = &c->sim->ues[c->ues[i]];

		if (ue->proc.kind == kind && ue->proc.state > 0) {
			ok++;
			if (c->n_ues <= 4)
				add_detail(c, "ue %u: %s", ue->idx, ue->proc.detail);
			continue;
		}
		add_detail(c, "ue %u: %s", ue->idx, ue->proc.kind != kind ? "not started" :
			   ue->proc.state ? ue->proc.detail : "timeout");
	}
	if (c->n_ues > 4)
		add_detail(c, "%u/%u ok", ok, c->n_ues);
	return ok == c->n_ues ? 0 : -1;
}

static int op_attach(struct op_ctx *c)
{
	const char *expect = jstr(c->j, "expect", "accept");
	int reject = strcmp(expect, "accept") != 0;
	int cause = (int)jint(c->j, "cause", -1);

	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_attach(&c->sim->ues[c->ues[i]], reject, cause);
	return wait_procs(c, PROC_ATTACH);
}

static int op_detach(struct op_ctx *c)
{
	int off = jbool(c->j, "switch_off", 0);

	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_detach(&c->sim->ues[c->ues[i]], off);
	return wait_procs(c, PROC_DETACH);
}

static int op_idle(struct op_ctx *c)
{
	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_go_idle(&c->sim->ues[c->ues[i]]);
	return wait_procs(c, PROC_IDLE);
}

static int op_service_request(struct op_ctx *c)
{
	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_service_request(&c->sim->ues[c->ues[i]], 0);
	return wait_procs(c, PROC_SR);
}

/*
 * Extended service request from ECM-IDLE: "service_type" packet (8,
 * packet services via S1), mo_csfb (0), mt_csfb (1), mo_csfb_emergency
 * (2) or a number; "expect": "reject" with "cause" for a Service Reject.
 */
static int op_ext_service_request(struct op_ctx *c)
{
	static const char *const names[] = { "mo_csfb", "mt_csfb", "mo_csfb_emergency" };
	const char *t = jstr(c->j, "service_type", "packet");
	int type = -1, cause = -1;

	for (int i = 0; i < 3; i++)
		if (!strcmp(t, names[i]))
			type = i;
	if (!strcmp(t, "packet"))
		type = 8;
	else if (type < 0 && t[0] >= '0' && t[0] <= '9')
		type = atoi(t) & 0xf;
	if (type < 0) {
		add_detail(c, "unknown service_type \"%s\"", t);
		return -1;
	}
	if (strcmp(jstr(c->j, "expect", "accept"), "accept")) {
		cause = (int)jint(c->j, "cause", -1);
		if (cause < 0 || cause > 255) {
			add_detail(c, "\"expect\": \"reject\" needs a \"cause\" (0..255)");
			return -1;
		}
	}
	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_service_request_ext(&c->sim->ues[c->ues[i]], 0, type, cause);
	return wait_procs(c, PROC_SR);
}

static int op_tau(struct op_ctx *c)
{
	int periodic = !strcmp(jstr(c->j, "type", "normal"), "periodic");

	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_tau(&c->sim->ues[c->ues[i]], periodic);
	return wait_procs(c, PROC_TAU);
}

static int op_pdn_connect(struct op_ctx *c)
{
	const char *pt = jstr(c->j, "pdn_type", "ipv4");
	uint8_t t = !strcmp(pt, "ipv6") ? NAS_PDN_IPV6 : !strcmp(pt, "ipv4v6") ? NAS_PDN_IPV4V6 :
		    NAS_PDN_IPV4;

	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_pdn_connect(&c->sim->ues[c->ues[i]], jstr(c->j, "apn", ""), t);
	return wait_procs(c, PROC_PDN_CONN);
}

static int op_pdn_disconnect(struct op_ctx *c)
{
	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++) {
		struct ue *ue = &c->sim->ues[c->ues[i]];
		long long ebi = jint(c->j, "ebi", -1);
		const char *apn = jstr(c->j, "apn", NULL);

		/* default: the last PDN connection (never the only one) */
		for (int k = UE_MAX_PDNS - 1; ebi < 0 && k > 0; k--)
			if (ue->pdn[k].used && (!apn || !strcmp(apn, ue->pdn[k].apn)))
				ebi = ue->pdn[k].ebi;
		ue_pdn_disconnect(ue, (uint8_t)(ebi < 0 ? 0 : ebi));
	}
	return wait_procs(c, PROC_PDN_DISC);
}

static int op_handover(struct op_ctx *c)
{
	long long to = jint(c->j, "to_enb", -1);

	if (need_ues(c))
		return -1;
	if (to < 0 || to >= c->sim->n_enbs) {
		snprintf(c->detail, sizeof(c->detail), "\"to_enb\" must name an eNB");
		return -1;
	}
	for (unsigned int i = 0; i < c->n_ues; i++)
		ue_s1_path_switch(&c->sim->ues[c->ues[i]], &c->sim->enb[to]);
	return wait_procs(c, PROC_HO);
}

/* --------------------------------------------------------- expectations --- */

struct event_wait {
	struct op_ctx *c;
	size_t cnt_off, seen_off;
};

#define UE_UL(ue, off) (*(unsigned long *)((char *)(ue) + (off)))

static int events_seen(void *arg)
{
	struct event_wait *w = arg;

	for (unsigned int i = 0; i < w->c->n_ues; i++) {
		struct ue *ue = &w->c->sim->ues[w->c->ues[i]];

		if (UE_UL(ue, w->cnt_off) <= UE_UL(ue, w->seen_off))
			return 0;
	}
	return 1;
}

/* Wait until every selected UE saw the event since the last expect_* of it. */
static int expect_event(struct op_ctx *c, size_t cnt_off, size_t seen_off, const char *what)
{
	struct event_wait w = { c, cnt_off, seen_off };
	unsigned int ok = 0;

	if (need_ues(c))
		return -1;
	sim_wait(c->sim, events_seen, &w, c->timeout_ms);
	for (unsigned int i = 0; i < c->n_ues; i++) {
		struct ue *ue = &c->sim->ues[c->ues[i]];

		if (UE_UL(ue, cnt_off) > UE_UL(ue, seen_off))
			ok++;
		else
			add_detail(c, "ue %u: no %s", ue->idx, what);
		UE_UL(ue, seen_off) = UE_UL(ue, cnt_off);
	}
	if (ok == c->n_ues)
		add_detail(c, "%s seen by %u UE(s)", what, ok);
	return ok == c->n_ues ? 0 : -1;
}

static int op_expect_paging(struct op_ctx *c)
{
	int rc = expect_event(c, offsetof(struct ue, n_paged), offsetof(struct ue, seen_paged),
			      "paging");

	/* a paged idle UE answers with a service request: wait for it too */
	if (!rc && jbool(c->j, "service_request", 1)) {
		for (unsigned int i = 0; i < c->n_ues; i++)
			if (c->sim->ues[c->ues[i]].proc.kind != PROC_SR)
				return rc;
		rc = wait_procs(c, PROC_SR);
	}
	return rc;
}

static int op_expect_dedicated(struct op_ctx *c)
{
	return expect_event(c, offsetof(struct ue, n_ded_bearer), offsetof(struct ue, seen_ded),
			    "dedicated bearer");
}

static int op_expect_bearer_release(struct op_ctx *c)
{
	return expect_event(c, offsetof(struct ue, n_bearer_rel), offsetof(struct ue, seen_rel),
			    "bearer deactivation");
}

static int op_expect_detach(struct op_ctx *c)
{
	return expect_event(c, offsetof(struct ue, n_net_detach),
			    offsetof(struct ue, seen_detach), "network detach");
}

static int op_replay(struct op_ctx *c)
{
	uint64_t win = (uint64_t)jint(c->j, "window_ms", 1000);
	unsigned long dl[64];
	unsigned int bad = 0;

	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues && i < 64; i++) {
		struct ue *ue = &c->sim->ues[c->ues[i]];

		dl[i] = ue->n_dl_nas;
		if (ue_replay_last(ue)) {
			add_detail(c, "ue %u: nothing to replay (connected, protected uplink?)",
				   ue->idx);
			bad++;
		}
	}
	/* the MME must drop it (24.301 4.4.3.2): no answer, no state change */
	for (uint64_t end = ev_time_ms() + win; ev_time_ms() < end;)
		ev_loop_once(c->sim->loop, 20);
	for (unsigned int i = 0; i < c->n_ues && i < 64; i++) {
		struct ue *ue = &c->sim->ues[c->ues[i]];

		if (ue->n_dl_nas != dl[i] || ue->emm != EMM_REGISTERED) {
			add_detail(c, "ue %u: answered (%lu downlink NAS) or state %s", ue->idx,
				   ue->n_dl_nas - dl[i], ue_state_name(ue->emm));
			bad++;
		}
	}
	if (!bad)
		add_detail(c, "replay dropped silently");
	return bad ? -1 : 0;
}

/* ---------------------------------------------------------------- misc --- */

static int op_sleep(struct op_ctx *c)
{
	uint64_t end = ev_time_ms() + (uint64_t)jint(c->j, "ms", 100);

	while (ev_time_ms() < end)
		ev_loop_once(c->sim->loop, (int)(end - ev_time_ms() > 20 ? 20 : end - ev_time_ms()));
	return 0;
}

static int op_exec(struct op_ctx *c)
{
	const char *cmd = jstr(c->j, "cmd", NULL);
	int bg = jbool(c->j, "background", 0), want = (int)jint(c->j, "expect_rc", 0), rc;

	if (!cmd) {
		snprintf(c->detail, sizeof(c->detail), "\"cmd\" missing");
		return -1;
	}
	rc = scen_exec(c->sim, cmd, c->timeout_ms, bg);
	snprintf(c->detail, sizeof(c->detail), bg ? "started in the background" :
		 "exit status %d", rc);
	return bg ? (rc < 0 ? -1 : 0) : rc == want ? 0 : -1;
}

static int op_ping(struct op_ctx *c)
{
	const char *dst = jstr(c->j, "dst", NULL);
	char cmd[256];
	int rc;

	if (need_ues(c) || !dst) {
		snprintf(c->detail, sizeof(c->detail), "\"ue\" and \"dst\" needed");
		return -1;
	}
	snprintf(cmd, sizeof(cmd), "ping %s -n -q -c %lld -i 0.2 -W 2 -I %s %s",
		 strchr(dst, ':') ? "-6" : "-4", jint(c->j, "count", 3),
		 c->sim->ues[c->ues[0]].tun_name, dst);
	rc = scen_exec(c->sim, cmd, c->timeout_ms, 0);
	snprintf(c->detail, sizeof(c->detail), "%s: exit status %d, ul %lu dl %lu", cmd, rc,
		 c->sim->ues[c->ues[0]].ul_pkts, c->sim->ues[c->ues[0]].dl_pkts);
	return rc == 0 ? 0 : -1;
}

/*
 * An idle UE loses its registration and its EPS security context locally
 * (a power loss, no detach sent: its attach and identity response then go
 * unprotected), takes back the GUTI it had before the last reallocation
 * and attaches with it next (tests that the MME forgot that GUTI).
 */
static int op_use_old_guti(struct op_ctx *c)
{
	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++) {
		struct ue *ue = &c->sim->ues[c->ues[i]];

		if (!ue->has_old_guti || ue->connected) {
			add_detail(c, "ue %u: %s", ue->idx, ue->connected ? "not idle" :
				   "no GUTI reallocation seen");
			return -1;
		}
		ue_local_detach(ue, "power loss (use_old_guti)");
		ue->has_sec = 0;
		ue->guti = ue->old_guti;
		ue->has_guti = 1;
		ue->cfg.id_kind = UE_ID_GUTI;
	}
	add_detail(c, "%u UE(s) use their old GUTI", c->n_ues);
	return 0;
}

/* "guti_reallocs" / "identity_requests": counts seen by the UE so far */
static int check_count(struct op_ctx *c, const struct ue *ue, const char *key,
		       unsigned long got)
{
	long want = (long)jint(c->j, key, -1);

	if (want < 0 || (unsigned long)want == got)
		return 0;
	add_detail(c, "ue %u: %s %lu, want %ld", ue->idx, key, got, want);
	return 1;
}

static int op_check(struct op_ctx *c)
{
	const char *st = jstr(c->j, "state", NULL);
	int conn = (int)jint(c->j, "connected", -1), bad = 0;

	if (need_ues(c))
		return -1;
	for (unsigned int i = 0; i < c->n_ues; i++) {
		struct ue *ue = &c->sim->ues[c->ues[i]];
		int reg = ue->emm != EMM_DEREGISTERED;

		if ((st && !strcmp(st, "registered") && !reg) ||
		    (st && !strcmp(st, "deregistered") && reg) ||
		    (conn >= 0 && conn != ue->connected) ||
		    (jbool(c->j, "kenb_ok", 0) && ue->n_kenb_mismatch)) {
			bad++;
			add_detail(c, "ue %u: %s, %s, kenb mismatches %lu", ue->idx,
				   ue_state_name(ue->emm), ue->connected ? "connected" : "idle",
				   ue->n_kenb_mismatch);
		}
		bad += check_count(c, ue, "guti_reallocs", ue->n_guti_realloc) +
		       check_count(c, ue, "identity_requests", ue->n_identity);
		/* an ICS Request carried the reported capability back, none another */
		if (jbool(c->j, "radio_cap_back", 0) && (!ue->n_cap_back || ue->n_cap_bad)) {
			bad++;
			add_detail(c, "ue %u: %lu ICS Request(s) with the %zu-octet capability "
				   "reported, %lu with another", ue->idx, ue->n_cap_back,
				   ue->radio_cap_len, ue->n_cap_bad);
		}
	}
	if (!bad)
		add_detail(c, "%u UE(s) as expected", c->n_ues);
	return bad ? -1 : 0;
}

static int op_stats(struct op_ctx *c)
{
	for (unsigned int i = 0; i < c->n_ues; i++) {
		const struct ue *ue = &c->sim->ues[c->ues[i]];

		add_detail(c, "ue %u %s %s ul %lu/%lu dl %lu/%lu auth %lu macfail %lu "
			   "dropped %lu kenb-mismatch %lu", ue->idx, ue_state_name(ue->emm),
			   ue->connected ? "connected" : "idle", ue->ul_pkts, ue->ul_drop,
			   ue->dl_pkts, ue->dl_drop, ue->n_auth, ue->n_mac_fail, ue->n_dropped_dl,
			   ue->n_kenb_mismatch);
	}
	return 0;
}

static const struct scen_op ops[] = {
	{ "s1setup", op_s1setup },
	{ "reset", op_reset },
	{ "expect_reset", op_expect_reset },
	{ "attach", op_attach },
	{ "detach", op_detach },
	{ "idle", op_idle },
	{ "service_request", op_service_request },
	{ "ext_service_request", op_ext_service_request },
	{ "tau", op_tau },
	{ "pdn_connect", op_pdn_connect },
	{ "pdn_disconnect", op_pdn_disconnect },
	{ "handover", op_handover },
	{ "expect_paging", op_expect_paging },
	{ "expect_dedicated_bearer", op_expect_dedicated },
	{ "expect_bearer_release", op_expect_bearer_release },
	{ "expect_detach", op_expect_detach },
	{ "replay_last_uplink", op_replay },
	{ "sleep", op_sleep },
	{ "exec", op_exec },
	{ "ping", op_ping },
	{ "check", op_check },
	{ "stats", op_stats },
	{ "use_old_guti", op_use_old_guti },
};

const struct scen_op *scen_op_find(const char *name)
{
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(ops[i].name, name))
			return &ops[i];
	return NULL;
}

/* --------------------------------------------------------------- exec --- */

static pid_t bg_pids[32];
static unsigned int n_bg;

struct child_wait {
	pid_t pid;
	int status, done;
};

static int child_done(void *arg)
{
	struct child_wait *w = arg;

	if (!w->done && waitpid(w->pid, &w->status, WNOHANG) == w->pid)
		w->done = 1;
	return w->done;
}

int scen_exec(struct enbsim *sim, const char *cmd, uint64_t timeout_ms, int background)
{
	struct child_wait w = { 0 };

	fflush(stdout);
	w.pid = fork();
	if (w.pid < 0)
		return -1;
	if (!w.pid) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (background) {
		if (n_bg < sizeof(bg_pids) / sizeof(bg_pids[0]))
			bg_pids[n_bg++] = w.pid;
		return 0;
	}
	if (sim_wait(sim, child_done, &w, timeout_ms)) {
		kill(w.pid, SIGKILL);
		waitpid(w.pid, &w.status, 0);
		return -1;
	}
	return WIFEXITED(w.status) ? WEXITSTATUS(w.status) : -1;
}

void scen_reap(void)
{
	for (unsigned int i = 0; i < n_bg; i++) {
		kill(bg_pids[i], SIGTERM);
		waitpid(bg_pids[i], NULL, 0);
	}
	n_bg = 0;
}
