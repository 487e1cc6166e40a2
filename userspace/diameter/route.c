// SPDX-License-Identifier: GPL-2.0
/*
 * Where a Diameter identity was last seen: requests received with
 * Origin-Host X came through peer P, so a request for Destination-Host X
 * (a server-initiated request to the gateway that holds the session: CLR,
 * RAR, ASR) goes back through P.  A fixed table of recent identities,
 * open addressing, the oldest entry of a probe run replaced when full.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diameter/diam_int.h"

#define ROUTES		1024	/* power of two */
#define PROBE		8

struct route_entry {
	char host[DIAM_ID_MAX];
	uint64_t peer_id;
	uint64_t seen;
};

struct route_table {
	struct route_entry e[ROUTES];
};

static size_t slot(const char *host)
{
	uint64_t h = 1469598103934665603ULL;

	for (const char *p = host; *p; p++)
		h = (h ^ (uint8_t)tolower((unsigned char)*p)) * 1099511628211ULL;
	return (size_t)(h & (ROUTES - 1));
}

void route_learn(struct diam_node *n, const char *host, uint64_t peer_id)
{
	struct route_entry *victim = NULL;
	size_t s = slot(host);

	if (!n->routes && !(n->routes = calloc(1, sizeof(*n->routes))))
		return;
	for (int i = 0; i < PROBE; i++) {
		struct route_entry *e = &n->routes->e[(s + (size_t)i) & (ROUTES - 1)];

		if (!strcasecmp(e->host, host) || !e->host[0]) {
			victim = e;
			break;
		}
		if (!victim || e->seen < victim->seen)
			victim = e;
	}
	snprintf(victim->host, sizeof(victim->host), "%s", host);
	victim->peer_id = peer_id;
	victim->seen = node_now(n) + 1;
}

struct diam_peer *route_find(struct diam_node *n, const char *host)
{
	size_t s = slot(host);

	if (!n->routes)
		return NULL;
	for (int i = 0; i < PROBE; i++) {
		struct route_entry *e = &n->routes->e[(s + (size_t)i) & (ROUTES - 1)];

		if (!strcasecmp(e->host, host))
			return peer_by_id(n, e->peer_id);
	}
	return NULL;
}
