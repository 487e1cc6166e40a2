// SPDX-License-Identifier: GPL-2.0
/*
 * Counters and the snapshot API.  Every event of diam.h's DIAM_COUNTERS
 * list is counted per peer (events with no peer yet, such as a refused CER
 * from an unknown host, on the node) and, with a metrics registry, exported
 * as
 *
 *	diameter_peer_events_total{peer="hss.core",event="timeouts"} 3
 *	diameter_peer_available{peer="hss.core"} 1
 *
 * The snapshot (diam_node_peers, and its JSON form for `agwctl diameter
 * peers`) gives each peer's two machine states, last error, common
 * applications and counters; diam_node_pending_json() lists the requests
 * in flight for `agwctl diameter pending`.
 */
#include <stdio.h>
#include <string.h>
#include <json-c/json.h>

#include "diameter/diam_int.h"
#include "lib/metrics.h"
#include "proto/diameter_avp.h"

static const char *const counter_names[DIAM_C__COUNT] = {
#define DIAM_COUNTER_NAME(id, name) [DIAM_C_##id] = name,
	DIAM_COUNTERS(DIAM_COUNTER_NAME)
#undef DIAM_COUNTER_NAME
};

const char *diam_counter_name(enum diam_counter c)
{
	return (unsigned int)c < DIAM_C__COUNT ? counter_names[c] : "?";
}

void peer_count(struct diam_peer *p, enum diam_counter c)
{
	p->cnt[c]++;
	metric_inc(p->m[c]);
}

void stats_peer_init(struct diam_peer *p)
{
	struct metrics *r = p->node->metrics;

	if (!r)
		return;
	for (int i = 0; i < DIAM_C__COUNT; i++) {
		const char *lbl[] = { "peer", p->name, "event", counter_names[i], NULL };

		p->m[i] = metrics_series(r, METRIC_COUNTER, "diameter_peer_events_total",
					 "Diameter peer events (connections, messages, errors).",
					 lbl);
	}
	{
		const char *lbl[] = { "peer", p->name, NULL };

		p->m_up = metrics_series(r, METRIC_GAUGE, "diameter_peer_available",
					 "1 when the peer is open with its watchdog OKAY.", lbl);
	}
}

void stats_peer_up(struct diam_peer *p)
{
	metric_set(p->m_up, !p->dead && peer_available(p) ? 1 : 0);
}

uint64_t diam_node_counter(const struct diam_node *n, enum diam_counter c)
{
	uint64_t v = n->cnt[c];

	for (const struct diam_peer *p = n->peers; p; p = p->next)
		v += p->cnt[c];
	return v;
}

static void info_of(const struct diam_peer *p, struct diam_peer_info *o)
{
	uint64_t now = node_now(p->node);

	memset(o, 0, sizeof(*o));
	snprintf(o->name, sizeof(o->name), "%s", p->name);
	snprintf(o->host, sizeof(o->host), "%s", p->remote.host[0] ? p->remote.host :
		 p->cfg_host);
	snprintf(o->realm, sizeof(o->realm), "%s", p->remote.realm[0] ? p->remote.realm :
		 p->cfg_realm);
	if (p->conn)
		snprintf(o->addr, sizeof(o->addr), "%s", p->conn->remote);
	else if (p->addr[0] && !p->dynamic)
		snprintf(o->addr, sizeof(o->addr), "%.46s:%u", p->addr, p->port);
	o->proto = p->proto == DIAM_SCTP ? "sctp" : "tcp";
	o->tls = p->tls;
	o->dynamic = p->dynamic;
	o->passive = p->passive;
	o->priority = p->priority;
	o->state = psm_state_name(p->st);
	o->watchdog = wd_state_name(p->wd);
	o->available = peer_available(p);
	o->state_age_ms = now - p->st_since;
	snprintf(o->last_error, sizeof(o->last_error), "%s", p->last_error);
	o->last_error_age_ms = p->last_error_at || p->last_error[0] ?
			       now - p->last_error_at : UINT64_MAX;
	for (int i = 0; i < p->node->n_apps; i++)
		if (psm_open(p) && peer_supports(p, p->node->apps[i].id))
			o->apps[o->n_apps++] = p->node->apps[i].id;
	o->relay = p->remote.relay;
	o->peer_state_id = p->remote.state_id;
	o->pending = p->n_pending;
	memcpy(o->counters, p->cnt, sizeof(o->counters));
}

int diam_node_peers(struct diam_node *n, struct diam_peer_info *out, int max)
{
	int k = 0;

	for (struct diam_peer *p = n->peers; p; p = p->next)
		if (k < max)
			info_of(p, &out[k++]);
		else
			k++;
	return k;
}

static void add_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void add_int(struct json_object *o, const char *k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static struct json_object *peer_json(const struct diam_peer_info *i)
{
	struct json_object *o = json_object_new_object(), *apps = json_object_new_array();
	struct json_object *cnt = json_object_new_object();

	add_str(o, "name", i->name);
	add_str(o, "host", i->host);
	add_str(o, "realm", i->realm);
	add_str(o, "address", i->addr);
	add_str(o, "transport", i->proto);
	json_object_object_add(o, "tls", json_object_new_boolean(i->tls));
	json_object_object_add(o, "dynamic", json_object_new_boolean(i->dynamic));
	add_int(o, "priority", i->priority);
	add_str(o, "state", i->state);
	add_str(o, "watchdog", i->watchdog);
	json_object_object_add(o, "available", json_object_new_boolean(i->available));
	add_int(o, "state_age_ms", (int64_t)i->state_age_ms);
	if (i->last_error[0]) {
		add_str(o, "last_error", i->last_error);
		add_int(o, "last_error_age_ms", (int64_t)i->last_error_age_ms);
	}
	for (int k = 0; k < i->n_apps; k++)
		json_object_array_add(apps, json_object_new_int64(i->apps[k]));
	json_object_object_add(o, "applications", apps);
	json_object_object_add(o, "relay", json_object_new_boolean(i->relay));
	add_int(o, "origin_state_id", i->peer_state_id);
	add_int(o, "pending", i->pending);
	for (int k = 0; k < DIAM_C__COUNT; k++)
		add_int(cnt, counter_names[k], (int64_t)i->counters[k]);
	json_object_object_add(o, "counters", cnt);
	return o;
}

struct json_object *diam_node_peers_json(struct diam_node *n)
{
	struct json_object *arr = json_object_new_array();
	struct diam_peer_info info;

	for (struct diam_peer *p = n->peers; p; p = p->next) {
		info_of(p, &info);
		json_object_array_add(arr, peer_json(&info));
	}
	return arr;
}

static struct json_object *req_json(const struct diam_node *n, const struct diam_req *r)
{
	struct json_object *o = json_object_new_object();
	uint64_t now = node_now(n);
	const struct dia_cmd_def *cmd;
	uint32_t code, alen;

	code = (uint32_t)r->msg[5] << 16 | (uint32_t)r->msg[6] << 8 | r->msg[7];
	cmd = dia_dict_cmd(code);
	add_int(o, "end_to_end", r->e2e);
	add_int(o, "hop_by_hop", r->n_sent ? r->hbh[r->n_sent - 1] : 0);
	add_int(o, "application", r->app);
	add_int(o, "command", code);
	if (cmd)
		add_str(o, "command_abbrev", cmd->req_abbrev);
	if (r->peer)
		add_str(o, "peer", r->peer->name);
	else
		json_object_object_add(o, "peer", NULL);
	add_int(o, "age_ms", (int64_t)(now - r->started));
	add_int(o, "timeout_ms", r->timeout_ms);
	add_int(o, "sends", r->n_sent);
	/* Session-Id, when it is the first AVP as RFC 6733 8.8 asks */
	alen = r->len >= 28 ? ((uint32_t)r->msg[25] << 16 | (uint32_t)r->msg[26] << 8 |
			       r->msg[27]) : 0;
	if (r->len >= 28 && r->msg[20] == 0 && r->msg[21] == 0 && r->msg[22] == 1 &&
	    r->msg[23] == 7 && alen > 8 && 20 + alen <= r->len)
		json_object_object_add(o, "session_id",
				       json_object_new_string_len((const char *)r->msg + 28,
								  (int)alen - 8));
	return o;
}

struct json_object *diam_node_pending_json(struct diam_node *n)
{
	struct json_object *arr = json_object_new_array();

	for (struct diam_peer *p = n->peers; p; p = p->next)
		for (struct diam_req *r = p->pending; r; r = r->next)
			json_object_array_add(arr, req_json(n, r));
	for (struct diam_req *r = n->waiting; r; r = r->next)
		json_object_array_add(arr, req_json(n, r));
	return arr;
}
