// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark: attach every UE (Initial UE Message through authentication,
 * security mode, Initial Context Setup and Attach Complete) at `rate` per
 * second, or as fast as possible with at most `inflight` attaches under
 * way, then detach them the same way.  No user plane.  Prints one JSON
 * object: {"ues","attach_per_s","detach_per_s","p50_ms","p99_ms","failures"}
 * and, given agwd's PID (same machine), its resident set before the attach
 * phase and after it: "agwd_rss_kb_before", "agwd_rss_kb_attached" and
 * "agwd_bytes_per_ue" (the growth over the UEs attached).
 * Times are measured, never asserted.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enbsim.h"
#include "lib/log.h"

/* A phase gives up when no procedure has finished for this long (T3410 and
 * T3421 retransmissions give up within 75 s) */
#define BENCH_STALL_MS	(120 * 1000)

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

struct phase {
	int kind;
	unsigned int started, done, failed;
	uint64_t *lat;
	unsigned int n_lat;
	char first_failure[240];	/* ue N: why */
};

static int start_one(struct ue *ue, int kind)
{
	return kind == PROC_ATTACH ? ue_attach(ue, 0, -1) : ue_detach(ue, 0);
}

/*
 * Run one phase over all UEs; returns its duration in ms.  It ends when
 * every UE is done, or when none has finished for stall_ms (a slow host
 * only makes it longer: 100k attaches at 20/s take 80 minutes).
 */
static uint64_t run_phase(struct enbsim *sim, struct phase *p, unsigned int rate,
			  unsigned int inflight, uint64_t stall_ms)
{
	uint64_t t0 = ev_time_ms(), last = t0;
	unsigned int *pending = calloc(sim->n_ues, sizeof(*pending)), np = 0, done = 0;

	if (!pending)
		return 0;
	while (p->done < sim->n_ues && ev_time_ms() - last < stall_ms) {
		if (p->done != done) {
			done = p->done;
			last = ev_time_ms();
		}
		uint64_t now = ev_time_ms();
		unsigned int allowed = rate ? (unsigned int)((now - t0) * rate / 1000 + 1) :
			       sim->n_ues;

		while (p->started < sim->n_ues && p->started < allowed &&
		       p->started - p->done < inflight) {
			struct ue *ue = &sim->ues[p->started++];

			if (start_one(ue, p->kind) && !ue->proc.state)
				ue_proc_done(ue, p->kind, 0, "not started");
			pending[np++] = ue->idx;
		}
		ev_loop_once(sim->loop, 2);
		for (unsigned int i = 0; i < np;) {
			struct ue *ue = &sim->ues[pending[i]];

			if (!ue->proc.state) {
				i++;
				continue;
			}
			p->done++;
			if (ue->proc.state > 0) {
				p->lat[p->n_lat++] = ue->proc.t1 - ue->proc.t0;
			} else if (!p->failed++) {
				snprintf(p->first_failure, sizeof(p->first_failure), "ue %u: %s",
					 ue->idx, ue->proc.detail);
			}
			pending[i] = pending[--np];
		}
	}
	if (p->done < sim->n_ues && !p->failed)
		snprintf(p->first_failure, sizeof(p->first_failure),
			 "%u UE(s) not done, none finished for %llu s", sim->n_ues - p->done,
			 (unsigned long long)stall_ms / 1000);
	p->failed += sim->n_ues - p->done;
	free(pending);
	return ev_time_ms() - t0;
}

/* VmRSS of process pid in kB, or -1 */
static long rss_kb(int pid)
{
	char path[64], line[128];
	long kb = -1;
	FILE *f;

	if (pid <= 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmRSS:", 6)) {
			kb = strtol(line + 6, NULL, 10);
			break;
		}
	fclose(f);
	return kb;
}

static void add_rss(struct json_object *o, long before, long after, unsigned int attached)
{
	if (before < 0 || after < 0)
		return;
	json_object_object_add(o, "agwd_rss_kb_before", json_object_new_int64(before));
	json_object_object_add(o, "agwd_rss_kb_attached", json_object_new_int64(after));
	json_object_object_add(o, "agwd_bytes_per_ue",
			       json_object_new_double(attached ? (after - before) * 1024.0 /
							 attached : 0));
}

static int enbs_up(struct enbsim *sim, uint64_t timeout_ms)
{
	uint64_t end = ev_time_ms() + timeout_ms;

	for (unsigned int i = 0; i < sim->n_enbs; i++)
		enb_s1_setup(&sim->enb[i]);
	while (ev_time_ms() < end) {
		unsigned int up = 0;

		for (unsigned int i = 0; i < sim->n_enbs; i++)
			up += sim->enb[i].state == S1_UP;
		if (up == sim->n_enbs)
			return 0;
		ev_loop_once(sim->loop, 20);
	}
	return -1;
}

int bench_run(struct enbsim *sim, unsigned int rate, unsigned int inflight, int agwd_pid)
{
	long rss0, rss1;
	struct phase at = { .kind = PROC_ATTACH }, de = { .kind = PROC_DETACH };
	uint64_t ta, td, p50 = 0, p99 = 0;
	struct json_object *o;

	sim->uplane = 0;
	if (enbs_up(sim, 10000)) {
		for (unsigned int i = 0; i < sim->n_enbs; i++)
			if (sim->enb[i].state != S1_UP)
				fprintf(stderr, "enbsim: eNB %u: S1 Setup did not complete in 10 s%s%s\n",
					i, sim->enb[i].fail_cause[0] ? ": " : "",
					sim->enb[i].fail_cause);
		return 1;
	}
	at.lat = calloc(sim->n_ues ? sim->n_ues : 1, sizeof(uint64_t));
	de.lat = calloc(sim->n_ues ? sim->n_ues : 1, sizeof(uint64_t));
	if (!at.lat || !de.lat) {
		fprintf(stderr, "enbsim: no memory for the latencies of %u UEs\n", sim->n_ues);
		free(at.lat);
		free(de.lat);
		return 1;
	}
	rss0 = rss_kb(agwd_pid);
	ta = run_phase(sim, &at, rate, inflight ? inflight : 200, BENCH_STALL_MS);
	rss1 = rss_kb(agwd_pid);
	td = run_phase(sim, &de, rate, inflight ? inflight : 200, BENCH_STALL_MS);
	qsort(at.lat, at.n_lat, sizeof(uint64_t), cmp_u64);
	if (at.n_lat) {
		p50 = at.lat[at.n_lat / 2];
		p99 = at.lat[(at.n_lat * 99) / 100 < at.n_lat ? (at.n_lat * 99) / 100 :
			     at.n_lat - 1];
	}
	o = json_object_new_object();
	json_object_object_add(o, "ues", json_object_new_int((int)sim->n_ues));
	json_object_object_add(o, "attach_per_s",
			       json_object_new_double(ta ? at.n_lat * 1000.0 / ta : 0));
	json_object_object_add(o, "detach_per_s",
			       json_object_new_double(td ? de.n_lat * 1000.0 / td : 0));
	json_object_object_add(o, "p50_ms", json_object_new_int64((int64_t)p50));
	json_object_object_add(o, "p99_ms", json_object_new_int64((int64_t)p99));
	json_object_object_add(o, "failures", json_object_new_int((int)(at.failed + de.failed)));
	add_rss(o, rss0, rss1, at.n_lat);
	printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	if (at.failed)
		fprintf(stderr, "enbsim: %u attach(es) failed, the first: %s\n", at.failed,
			at.first_failure);
	if (de.failed)
		fprintf(stderr, "enbsim: %u detach(es) failed, the first: %s\n", de.failed,
			de.first_failure);
	free(at.lat);
	free(de.lat);
	return at.failed + de.failed ? 1 : 0;
}
