// SPDX-License-Identifier: GPL-2.0
/*
 * The Diameter node: configuration, identity, identifiers, peers and the
 * entry/exit bracket that defers frees until no callback is running.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "diameter/diam_int.h"
#include "lib/log.h"
#include "proto/diameter_avp.h"

struct defer_item {
	struct defer_item *next;
	void (*fn)(void *);
	void *ptr;
};

void node_enter(struct diam_node *n)
{
	n->depth++;
}

void node_leave(struct diam_node *n)
{
	if (--n->depth > 0)
		return;
	while (n->graveyard) {
		struct defer_item *d = n->graveyard;

		n->graveyard = d->next;
		d->fn(d->ptr);
		free(d);
	}
}

void node_defer_free(struct diam_node *n, void (*fn)(void *), void *ptr)
{
	struct defer_item *d = malloc(sizeof(*d));

	if (!d) {
		/* out of memory: leak rather than free under a running callback */
		log_err("diameter", "out of memory deferring a free");
		return;
	}
	d->fn = fn;
	d->ptr = ptr;
	d->next = n->graveyard;
	n->graveyard = d;
	if (!n->depth) {
		n->depth++;
		node_leave(n);
	}
}

static uint32_t dflt(uint32_t v, uint32_t d)
{
	return v ? v : d;
}

static int copy_id(char *dst, const char *src, const char *what, char *err, size_t err_size)
{
	size_t len = src ? strlen(src) : 0;

	if (!len || len >= DIAM_ID_MAX || strchr(src, ' ')) {
		snprintf(err, err_size, "%s \"%s\" is not a DiameterIdentity", what,
			 src ? src : "");
		return -1;
	}
	memcpy(dst, src, len + 1);
	return 0;
}

struct diam_node *diam_node_new(const struct diam_node_cfg *cfg, char *err, size_t err_size)
{
	struct diam_node *n = calloc(1, sizeof(*n));

	if (!n) {
		snprintf(err, err_size, "out of memory");
		return NULL;
	}
	if (copy_id(n->host, cfg->origin_host, "origin_host", err, err_size) ||
	    copy_id(n->realm, cfg->origin_realm, "origin_realm", err, err_size)) {
		free(n);
		return NULL;
	}
	snprintf(n->product, sizeof(n->product), "%s", cfg->product_name ? cfg->product_name :
		 "agw");
	n->vendor_id = cfg->vendor_id;
	n->firmware = cfg->firmware_revision;
	n->state_id = cfg->origin_state_id ? cfg->origin_state_id : (uint32_t)time(NULL);
	n->tw_ms = dflt(cfg->tw_ms, 30000);
	n->tw_jitter_ms = cfg->tw_jitter_ms ? cfg->tw_jitter_ms : 2000;
	if (n->tw_jitter_ms >= n->tw_ms / 2)
		n->tw_jitter_ms = n->tw_ms / 4;
	n->tc_ms = dflt(cfg->tc_ms, 30000);
	n->tc_min_ms = dflt(cfg->tc_min_ms, 1000);
	if (n->tc_min_ms > n->tc_ms)
		n->tc_min_ms = n->tc_ms;
	n->cea_timeout_ms = dflt(cfg->cea_timeout_ms, 10000);
	n->dpa_timeout_ms = dflt(cfg->dpa_timeout_ms, 2000);
	n->request_timeout_ms = dflt(cfg->request_timeout_ms, 5000);
	n->max_message = dflt(cfg->max_message, 1u << 20);
	n->max_queued = dflt(cfg->max_queued, 4u << 20);
	n->dup_entries = dflt(cfg->dup_entries, 4096);
	n->dup_ttl_ms = dflt(cfg->dup_ttl_ms, 60000);
	n->max_unidentified = dflt(cfg->max_unidentified, 32);
	n->accept_unknown = cfg->accept_unknown;
	n->loop = cfg->loop;
	n->metrics = cfg->metrics;
	n->rng = cfg->seed;
	if (!n->rng && getrandom(&n->rng, sizeof(n->rng), 0) != sizeof(n->rng))
		n->rng = (uint64_t)time(NULL) * 2654435761u;
	n->rng |= 1;
	n->next_id = 1;
	n->next_hbh = (uint32_t)node_rand(n);
	/*
	 * RFC 6733 3: the high 12 bits of the End-to-End id start as the low 12
	 * bits of the current time, the low 20 at random, so that ids do not
	 * repeat after a restart within the duplicate-detection window.
	 */
	n->next_e2e = ((uint32_t)time(NULL) & 0xfff) << 20 | ((uint32_t)node_rand(n) & 0xfffff);
	timer_init(&n->stop_timer, n, NULL, NULL);
	if (cfg->tls.cert || cfg->tls.ca) {
		if (tls_init(n, &cfg->tls, err, err_size) < 0) {
			free(n);
			return NULL;
		}
	}
	return n;
}

void diam_node_free(struct diam_node *n)
{
	if (!n)
		return;
	node_enter(n);
	timer_stop(&n->stop_timer);
	req_table_free(n);
	while (n->peers)
		peer_free(n->peers);
	while (n->conns)
		conn_close(n->conns, "node freed");
	while (n->listeners) {
		struct diam_listener *l = n->listeners;

		n->listeners = l->next;
		if (n->loop && l->fd >= 0)
			ev_io_del(n->loop, l->fd);
		if (l->fd >= 0)
			close(l->fd);
		free(l);
	}
	node_leave(n);
	msg_free_held(n);
	dup_free_all(n);
	free(n->routes);
	test_io_free_all(n);
	tls_free(n);
	free(n);
}

int diam_node_add_app(struct diam_node *n, const struct diam_app *app)
{
	if (n->n_apps >= DIAM_MAX_APPS || !app->id || node_app(n, app->id))
		return -EINVAL;
	n->apps[n->n_apps++] = *app;
	return 0;
}

const struct diam_app *node_app(const struct diam_node *n, uint32_t id)
{
	for (int i = 0; i < n->n_apps; i++)
		if (n->apps[i].id == id)
			return &n->apps[i];
	return NULL;
}

const char *diam_node_origin_host(const struct diam_node *n)
{
	return n->host;
}

const char *diam_node_origin_realm(const struct diam_node *n)
{
	return n->realm;
}

uint32_t diam_node_origin_state_id(const struct diam_node *n)
{
	return n->state_id;
}

int diam_session_id(struct diam_node *n, char *buf, size_t size)
{
	int len = snprintf(buf, size, "%s;%u;%llu", n->host, n->state_id,
			   (unsigned long long)++n->next_session);

	return len < 0 || (size_t)len >= size ? -1 : 0;
}

int diam_put_origin(const struct diam_node *n, struct dia_builder *b)
{
	dia_add_str(b, DA_ORIGIN_HOST, n->host);
	return dia_add_str(b, DA_ORIGIN_REALM, n->realm);
}

uint32_t node_next_hbh(struct diam_node *n)
{
	return n->next_hbh++;
}

void node_count(struct diam_node *n, struct diam_peer *p, enum diam_counter c)
{
	if (p)
		peer_count(p, c);
	else
		n->cnt[c]++;
}

/* ------------------------------------------------------------- peers --- */

struct diam_peer *peer_new(struct diam_node *n, const char *name, bool dynamic)
{
	struct diam_peer *p = calloc(1, sizeof(*p)), **pp;

	if (!p)
		return NULL;
	p->node = n;
	p->id = n->next_id++;
	snprintf(p->name, sizeof(p->name), "%s", name);
	p->dynamic = dynamic;
	p->st = PS_CLOSED;
	p->st_since = node_now(n);
	p->wd = WD_INITIAL;
	timer_init(&p->psm_timer, n, NULL, NULL);
	timer_init(&p->reconnect, n, NULL, NULL);
	timer_init(&p->wd_timer, n, NULL, NULL);
	for (pp = &n->peers; *pp; pp = &(*pp)->next)
		;
	*pp = p;
	stats_peer_init(p);
	return p;
}

static void peer_release(void *arg)
{
	free(arg);
}

void peer_free(struct diam_peer *p)
{
	struct diam_node *n = p->node;
	struct diam_peer **pp;

	if (p->dead)
		return;
	p->dead = true;
	for (pp = &n->peers; *pp; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	timer_stop(&p->psm_timer);
	timer_stop(&p->reconnect);
	timer_stop(&p->wd_timer);
	if (p->iconn)
		p->iconn->peer = NULL;
	if (p->rconn)
		p->rconn->peer = NULL;
	if (p->iconn)
		conn_close(p->iconn, "peer removed");
	if (p->rconn)
		conn_close(p->rconn, "peer removed");
	p->iconn = p->rconn = p->conn = NULL;
	req_failover(p);
	stats_peer_up(p);
	for (int i = 0; i < DIAM_C__COUNT; i++)
		n->cnt[i] += p->cnt[i];	/* node totals keep what gone peers counted */
	node_defer_free(n, peer_release, p);
}

struct diam_peer *peer_by_id(struct diam_node *n, uint64_t id)
{
	for (struct diam_peer *p = n->peers; p; p = p->next)
		if (p->id == id)
			return p;
	return NULL;
}

struct diam_peer *peer_by_host(struct diam_node *n, const char *host)
{
	for (struct diam_peer *p = n->peers; p; p = p->next)
		if (!strcasecmp(p->cfg_host[0] ? p->cfg_host : p->remote.host, host))
			return p;
	return NULL;
}

void peer_error(struct diam_peer *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->last_error, sizeof(p->last_error), fmt, ap);
	va_end(ap);
	p->last_error_at = node_now(p->node);
	p->has_error = true;
	log_notice("diameter", "peer %s: %s", p->name, p->last_error);
}

uint32_t peer_tw(const struct diam_peer *p)
{
	return p->tw_ms ? p->tw_ms : p->node->tw_ms;
}

bool peer_supports(const struct diam_peer *p, uint32_t app)
{
	if (p->remote.relay)
		return true;
	for (int i = 0; i < p->remote.n_apps; i++)
		if (p->remote.apps[i] == app)
			return true;
	return false;
}

bool peer_available(const struct diam_peer *p)
{
	return psm_open(p) && p->wd == WD_OKAY && !p->stopping;
}

bool diam_app_available(struct diam_node *n, uint32_t app)
{
	for (struct diam_peer *p = n->peers; p; p = p->next)
		if (peer_available(p) && peer_supports(p, app))
			return true;
	return false;
}

int diam_node_add_peer(struct diam_node *n, const struct diam_peer_cfg *pc,
		       struct diam_peer **out, char *err, size_t err_size)
{
	char name[DIAM_ID_MAX];
	struct diam_peer *p;

	if (!pc->passive && (!pc->addr || !*pc->addr)) {
		snprintf(err, err_size, "peer %s: no address to connect to",
			 pc->host ? pc->host : "?");
		return -EINVAL;
	}
	if ((pc->host && strlen(pc->host) >= DIAM_ID_MAX) ||
	    (pc->realm && strlen(pc->realm) >= DIAM_ID_MAX) ||
	    (pc->addr && strlen(pc->addr) >= DIAM_ADDR_MAX)) {
		snprintf(err, err_size, "peer: identity, realm or address too long");
		return -EINVAL;
	}
	if (pc->passive && (!pc->host || !*pc->host)) {
		snprintf(err, err_size, "a passive peer needs its identity");
		return -EINVAL;
	}
	if (pc->tls && !n->tls_ok) {
		snprintf(err, err_size, "peer %s: TLS without a certificate and CA for the node",
			 pc->host ? pc->host : pc->addr);
		return -EINVAL;
	}
	if (pc->host && *pc->host)
		snprintf(name, sizeof(name), "%s", pc->host);
	else
		snprintf(name, sizeof(name), "%s:%u", pc->addr, pc->port ? pc->port :
			 DIAM_DEFAULT_PORT);
	p = peer_new(n, name, false);
	if (!p) {
		snprintf(err, err_size, "out of memory");
		return -ENOMEM;
	}
	snprintf(p->cfg_host, sizeof(p->cfg_host), "%s", pc->host ? pc->host : "");
	snprintf(p->cfg_realm, sizeof(p->cfg_realm), "%s", pc->realm ? pc->realm : "");
	snprintf(p->addr, sizeof(p->addr), "%s", pc->addr ? pc->addr : "");
	p->port = pc->port ? pc->port : DIAM_DEFAULT_PORT;
	p->proto = pc->proto;
	p->tls = pc->tls;
	p->passive = pc->passive;
	p->priority = pc->priority;
	p->tw_ms = pc->tw_ms;
	p->tc_ms = pc->tc_ms;
	if (n->started && !p->passive)
		psm_dispatch(p, PE_START, NULL, NULL);
	if (out)
		*out = p;
	return 0;
}

void diam_node_start(struct diam_node *n)
{
	node_enter(n);
	n->started = true;
	for (struct diam_peer *p = n->peers; p; p = p->next)
		if (!p->passive && p->st == PS_CLOSED)
			psm_dispatch(p, PE_START, NULL, NULL);
	node_leave(n);
}

int diam_node_drop(struct diam_node *n, const char *peer)
{
	int k = 0;

	node_enter(n);
	for (struct diam_peer *p = n->peers; p; p = p->next) {
		if (peer && strcasecmp(peer, p->name))
			continue;
		if (p->conn) {
			peer_error(p, "connection dropped on request");
			conn_close(p->conn, "dropped on request");
			k++;
		}
	}
	node_leave(n);
	return k;
}

static bool node_idle(const struct diam_node *n)
{
	for (const struct diam_peer *p = n->peers; p; p = p->next)
		if (p->st != PS_CLOSED)
			return false;
	return true;
}

static void stop_finish(struct diam_node *n)
{
	void (*done)(void *) = n->stop_done;

	timer_stop(&n->stop_timer);
	n->stop_done = NULL;
	if (done)
		done(n->stop_arg);
}

void node_check_stopped(struct diam_node *n)
{
	if (n->stopping && n->stop_done && node_idle(n))
		stop_finish(n);
}

static void stop_timeout(void *arg)
{
	struct diam_node *n = arg;

	for (struct diam_peer *p = n->peers; p; p = p->next)
		if (p->st != PS_CLOSED)
			psm_dispatch(p, PE_TIMEOUT, NULL, NULL);
	stop_finish(n);
}

void diam_node_stop(struct diam_node *n, uint32_t cause, void (*done)(void *arg), void *arg)
{
	node_enter(n);
	n->stopping = true;
	n->stop_done = done;
	n->stop_arg = arg;
	req_cancel_all(n);
	for (struct diam_peer *p = n->peers; p; p = p->next) {
		p->stopping = true;
		p->dpr_cause = cause;
		timer_stop(&p->reconnect);
		psm_dispatch(p, PE_STOP, NULL, NULL);
	}
	n->stop_timer.fn = stop_timeout;
	n->stop_timer.arg = n;
	timer_start(&n->stop_timer, (uint64_t)n->dpa_timeout_ms + 500);
	node_check_stopped(n);
	node_leave(n);
}
