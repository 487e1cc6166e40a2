// SPDX-License-Identifier: GPL-2.0
/*
 * Scenario engine: a JSON file with "enbs", "ues" and "steps" (see
 * Documentation/enbsim.md).  Each step runs to completion (or its timeout)
 * while the event loop keeps serving every eNB and UE, and prints one line:
 *
 *   {"step":N,"op":"attach","result":"ok","detail":"...","ms":123}
 *
 * The run succeeds iff every step does.
 */
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crypto/milenage.h"
#include "lib/log.h"
#include "lib/pcap.h"
#include "proto/nas_ie.h"
#include "scenario.h"

#define MOD "scenario"

const char *jstr(struct json_object *o, const char *key, const char *def)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return def;
	return json_object_get_string(v);
}

long long jint(struct json_object *o, const char *key, long long def)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return def;
	if (json_object_is_type(v, json_type_string))
		return strtoll(json_object_get_string(v), NULL, 0);
	return json_object_get_int64(v);
}

int jbool(struct json_object *o, const char *key, int def)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return def;
	return json_object_get_boolean(v);
}

int cli_parse_hex(const char *s, uint8_t *out, size_t n)
{
	size_t i;

	if (!s || strlen(s) != 2 * n)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned int b;

		if (sscanf(s + 2 * i, "%2x", &b) != 1)
			return -1;
		out[i] = (uint8_t)b;
	}
	return 0;
}

/* --------------------------------------------------------------- loop --- */

int sim_wait(struct enbsim *sim, int (*done)(void *arg), void *arg, uint64_t timeout_ms)
{
	uint64_t end = ev_time_ms() + timeout_ms;

	while (!done(arg)) {
		uint64_t now = ev_time_ms();

		if (now >= end)
			return -1;
		ev_loop_once(sim->loop, (int)(end - now < 20 ? end - now : 20));
	}
	return 0;
}

/* ------------------------------------------------------------ config --- */

static int parse_enb(struct json_object *o, unsigned int i, struct enb_cfg *c)
{
	struct json_object *t;

	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", jstr(o, "name", ""));
	if (!c->name[0])
		snprintf(c->name, sizeof(c->name), "enbsim-%u", i);
	c->enb_id = (uint32_t)jint(o, "enb_id", 1 + i) & 0xfffff;
	snprintf(c->mccmnc, sizeof(c->mccmnc), "%s", jstr(o, "plmn", "00101"));
	snprintf(c->mme, sizeof(c->mme), "%s", jstr(o, "mme", "127.0.0.1"));
	c->mme_port = (uint16_t)jint(o, "mme_port", S1AP_PORT);
	snprintf(c->addr, sizeof(c->addr), "%s", jstr(o, "addr", ""));
	snprintf(c->s1u, sizeof(c->s1u), "%s", jstr(o, "s1u", ""));
	c->streams = (uint16_t)jint(o, "streams", 3);
	if (json_object_object_get_ex(o, "tac", &t)) {
		if (json_object_is_type(t, json_type_array)) {
			for (size_t k = 0; k < json_object_array_length(t) && k < ENBSIM_MAX_TACS; k++)
				c->tac[c->n_tac++] = (uint16_t)json_object_get_int(
					json_object_array_get_idx(t, k));
		} else {
			c->tac[c->n_tac++] = (uint16_t)json_object_get_int(t);
		}
	}
	return 0;
}

static void imsi_add(char *imsi, unsigned long long k)
{
	size_t n = strlen(imsi);

	for (size_t i = n; i-- > 0 && k;) {
		unsigned long long d = (unsigned long long)(imsi[i] - '0') + k;

		imsi[i] = (char)('0' + d % 10);
		k = d / 10;
	}
}

static int parse_ue(struct json_object *o, struct ue_cfg *c)
{
	const char *pt = jstr(o, "pdn_type", "ipv4"), *id = jstr(o, "identity", "imsi");
	uint8_t op[16];
	long long rc;

	memset(c, 0, sizeof(*c));
	snprintf(c->imsi, sizeof(c->imsi), "%s", jstr(o, "imsi", ""));
	snprintf(c->imei, sizeof(c->imei), "%s", jstr(o, "imei", "353490069873319"));
	if (strlen(c->imsi) < 6 || strspn(c->imsi, "0123456789") != strlen(c->imsi)) {
		log_err(MOD, "ue: \"imsi\" must be 6-15 digits");
		return -1;
	}
	if (cli_parse_hex(jstr(o, "k", ""), c->k, 16)) {
		log_err(MOD, "ue %s: \"k\" must be 32 hex digits", c->imsi);
		return -1;
	}
	if (!cli_parse_hex(jstr(o, "op", ""), op, 16)) {
		milenage_opc(c->k, op, c->opc);
	} else if (cli_parse_hex(jstr(o, "opc", ""), c->opc, 16)) {
		log_err(MOD, "ue %s: \"opc\" (or \"op\") must be 32 hex digits", c->imsi);
		return -1;
	}
	c->sqn = (uint64_t)jint(o, "sqn", 0);
	snprintf(c->apn, sizeof(c->apn), "%s", jstr(o, "apn", ""));
	c->pdn_type = !strcmp(pt, "ipv6") ? NAS_PDN_IPV6 : !strcmp(pt, "ipv4v6") ?
		      NAS_PDN_IPV4V6 : NAS_PDN_IPV4;
	c->combined = (uint8_t)jbool(o, "combined", 0);
	c->esm_info = (uint8_t)jbool(o, "esm_info", 1);
	c->id_kind = !strcmp(id, "guti") ? UE_ID_GUTI : !strcmp(id, "bad") ? UE_ID_BAD : UE_ID_IMSI;
	c->enb = (unsigned int)jint(o, "enb", 0);
	snprintf(c->tun, sizeof(c->tun), "%s", jstr(o, "tun", ""));
	rc = jint(o, "radio_cap_size", 0);
	if (rc < 0 || rc > 1 << 20) {
		log_err(MOD, "ue %s: \"radio_cap_size\" must be 0..1048576 octets", c->imsi);
		return -1;
	}
	c->radio_cap_size = (uint32_t)rc;
	return 0;
}

static int load(struct enbsim *sim, struct json_object *root)
{
	struct json_object *enbs, *ues;
	struct ue_cfg *cfgs = NULL;
	unsigned int n = 0, cap = 0;

	if (!json_object_object_get_ex(root, "enbs", &enbs) ||
	    !json_object_is_type(enbs, json_type_array) || !json_object_array_length(enbs) ||
	    json_object_array_length(enbs) > ENBSIM_MAX_ENBS) {
		log_err(MOD, "\"enbs\": an array of 1-%d eNBs is needed", ENBSIM_MAX_ENBS);
		return -1;
	}
	sim->n_enbs = (unsigned int)json_object_array_length(enbs);
	for (unsigned int i = 0; i < sim->n_enbs; i++) {
		struct enb_cfg c;

		parse_enb(json_object_array_get_idx(enbs, i), i, &c);
		if (enb_init(sim, i, &c))
			return -1;
	}
	if (json_object_object_get_ex(root, "ues", &ues) &&
	    json_object_is_type(ues, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(ues); i++) {
			struct json_object *o = json_object_array_get_idx(ues, i);
			long long cnt = jint(o, "count", 1);
			struct ue_cfg c;

			if (parse_ue(o, &c))
				goto fail;
			if (cnt < 1 || n + cnt > ENBSIM_MAX_UES) {
				log_err(MOD, "ues[%zu]: \"count\" %lld: 1 to %u UEs in all", i, cnt,
					ENBSIM_MAX_UES);
				goto fail;
			}
			if (n + cnt > cap) {
				struct ue_cfg *nc;

				cap = (unsigned int)(n + cnt) * 2;
				nc = realloc(cfgs, cap * sizeof(*cfgs));
				if (!nc) {
					log_err(MOD, "no memory for %u UE configurations", cap);
					goto fail;
				}
				cfgs = nc;
			}
			for (long long k = 0; k < cnt; k++) {
				cfgs[n] = c;
				imsi_add(cfgs[n].imsi, (unsigned long long)k);
				if (k && c.tun[0]) {
					char t[40];

					snprintf(t, sizeof(t), "%.10s%lld", c.tun, k % 100000);
					memcpy(cfgs[n].tun, t, sizeof(cfgs[n].tun) - 1);
				}
				n++;
			}
		}
	}
	sim->ues = calloc(n ? n : 1, sizeof(*sim->ues));
	if (!sim->ues) {
		log_err(MOD, "no memory for %u UEs (%zu MiB)", n, n * sizeof(*sim->ues) >> 20);
		goto fail;
	}
	sim->n_ues = n;
	for (unsigned int i = 0; i < n; i++)
		ue_init(sim, &sim->ues[i], i, &cfgs[i]);
	free(cfgs);
	return 0;
fail:
	free(cfgs);
	return -1;
}

/* ------------------------------------------------------------- steps --- */

static unsigned int select_ues(struct enbsim *sim, struct json_object *s, unsigned int *out)
{
	struct json_object *v;
	unsigned int n = 0;

	if (json_object_object_get_ex(s, "ue", &v)) {
		long long i = json_object_get_int64(v);

		if (i >= 0 && i < sim->n_ues)
			out[n++] = (unsigned int)i;
		return n;
	}
	if (!json_object_object_get_ex(s, "ues", &v) ||
	    (json_object_is_type(v, json_type_string) &&
	     !strcmp(json_object_get_string(v), "all"))) {
		for (unsigned int i = 0; i < sim->n_ues; i++)
			out[n++] = i;
		return n;
	}
	if (json_object_is_type(v, json_type_array))
		for (size_t k = 0; k < json_object_array_length(v); k++) {
			long long i = json_object_get_int64(json_object_array_get_idx(v, k));

			if (i >= 0 && i < sim->n_ues)
				out[n++] = (unsigned int)i;
		}
	return n;
}

static int run_step(struct enbsim *sim, struct json_object *s, unsigned int no,
		    unsigned int timeout_s)
{
	const char *name = jstr(s, "op", "");
	const struct scen_op *op = scen_op_find(name);
	struct op_ctx c = { .sim = sim, .j = s };
	struct json_object *line;
	uint64_t t0 = ev_time_ms();
	int rc;

	c.timeout_ms = (uint64_t)jint(s, "timeout", timeout_s) * 1000;
	c.ues = calloc(sim->n_ues ? sim->n_ues : 1, sizeof(*c.ues));
	if (!c.ues)
		return -1;
	c.n_ues = select_ues(sim, s, c.ues);
	if (!op) {
		snprintf(c.detail, sizeof(c.detail), "unknown op \"%s\"", name);
		rc = -1;
	} else {
		rc = op->run(&c);
	}
	line = json_object_new_object();
	json_object_object_add(line, "step", json_object_new_int((int)no));
	json_object_object_add(line, "op", json_object_new_string(name));
	json_object_object_add(line, "result", json_object_new_string(rc ? "fail" : "ok"));
	json_object_object_add(line, "detail", json_object_new_string(c.detail));
	json_object_object_add(line, "ms", json_object_new_int64((int64_t)(ev_time_ms() - t0)));
	printf("%s\n", json_object_to_json_string_ext(line, JSON_C_TO_STRING_PLAIN));
	fflush(stdout);
	json_object_put(line);
	free(c.ues);
	return rc;
}

int scenario_run_steps(struct enbsim *sim, struct json_object *steps, unsigned int timeout_s)
{
	int fails = 0;

	for (size_t i = 0; i < json_object_array_length(steps); i++)
		if (run_step(sim, json_object_array_get_idx(steps, i), (unsigned int)i + 1,
			     timeout_s))
			fails++;
	scen_reap();
	return fails ? 1 : 0;
}

int sim_start(struct enbsim *sim)
{
	struct rlimit rl;

	sim->loop = ev_loop_new();
	if (!sim->loop)
		return -1;
	signal(SIGPIPE, SIG_IGN);
	/* a TUN per UE: as many descriptors as we may have (the soft limit is
	 * often 1024, the hard one much higher) */
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	return 0;
}

void sim_free(struct enbsim *sim)
{
	for (unsigned int i = 0; i < sim->n_ues; i++) {
		uplane_ue_down(&sim->ues[i]);
		ev_timer_stop(sim->loop, &sim->ues[i].t_emm);
		ev_timer_stop(sim->loop, &sim->ues[i].t_esm);
	}
	for (unsigned int i = 0; i < sim->n_enbs; i++) {
		enb_close(&sim->enb[i]);
		uplane_enb_close(&sim->enb[i]);
	}
	free(sim->ues);
	sim->ues = NULL;
	if (sim->loop)
		ev_loop_free(sim->loop);
	sim->loop = NULL;
	pcap_w_close(sim->pcap);
	sim->pcap = NULL;
	for (unsigned int i = 0; i < sim->n_caps; i++)
		free(sim->caps[i].p);
	sim->n_caps = 0;
}

int scenario_run_file(const char *path, struct enbsim *sim, const char *pcap)
{
	struct json_object *root = json_object_from_file(path), *steps;
	int rc = 2;

	if (!root) {
		fprintf(stderr, "enbsim: %s: %s\n", path, json_util_get_last_err());
		return 2;
	}
	if (!json_object_object_get_ex(root, "steps", &steps) ||
	    !json_object_is_type(steps, json_type_array)) {
		fprintf(stderr, "enbsim: %s: \"steps\" must be an array\n", path);
		goto out;
	}
	if (sim_start(sim) || load(sim, root)) {
		fprintf(stderr, "enbsim: %s: bad configuration (see the log above)\n", path);
		goto out;
	}
	if (jint(root, "uplane", sim->uplane) == 0)
		sim->uplane = 0;
	if (pcap && !(sim->pcap = pcap_w_open(pcap))) {
		fprintf(stderr, "enbsim: --pcap %s: %s\n", pcap, strerror(errno));
		goto out;
	}
	rc = scenario_run_steps(sim, steps, (unsigned int)jint(root, "timeout", 10));
out:
	sim_free(sim);
	json_object_put(root);
	return rc;
}
