// SPDX-License-Identifier: GPL-2.0
/*
 * The UE table: contexts and their five indexes (IMSI, M-TMSI,
 * MME-UE-S1AP-ID, (eNB, eNB-UE-S1AP-ID), uid), chained hash tables that
 * double when full, plus the per-eNB doubly linked list.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "agwd/agwd.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/ue/ue.h"

#define MIN_BUCKETS 1024

/* An intrusive chained hash; link_off is the offset of the chain pointer. */
struct uhash {
	void **b;
	size_t n, count, link_off;
	uint64_t (*key)(const void *obj);
};

struct uid_node {
	struct uid_node *next;
	struct ue *ue;
};

struct ue_table {
	struct agwd *d;
	struct uhash imsi, tmsi, mme, enb, uid, alt;
	uint64_t next_uid;
	uint32_t next_mme_id;
};

static void **link_of(const struct uhash *h, const void *o)
{
	return (void **)((char *)o + h->link_off);
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return x;
}

static uint64_t key_imsi(const void *o)
{
	const struct ue *ue = o;
	uint64_t x = 0;

	for (const char *p = ue->imsi; *p; p++)
		x = x * 10 + (uint64_t)(*p - '0');
	return mix(x);
}

static uint64_t key_tmsi(const void *o) { return mix(((const struct ue *)o)->m_tmsi); }
static uint64_t key_alt(const void *o) { return mix(((const struct ue *)o)->alt_m_tmsi); }
static uint64_t key_mme(const void *o) { return mix(((const struct ue *)o)->mme_ue_id); }

static uint64_t key_enb(const void *o)
{
	const struct ue *ue = o;

	return mix((uint64_t)ue->enb->id << 32 | ue->enb_ue_id);
}

static uint64_t key_uid(const void *o) { return mix(((const struct uid_node *)o)->ue->uid); }

static int h_init(struct uhash *h, size_t link_off, uint64_t (*key)(const void *))
{
	*h = (struct uhash){ .link_off = link_off, .key = key, .n = MIN_BUCKETS };
	h->b = calloc(h->n, sizeof(void *));
	return h->b ? 0 : -ENOMEM;
}

static void h_grow(struct uhash *h)
{
	size_t n = h->n * 2;
	void **b = calloc(n, sizeof(void *));

	if (!b)
		return;
	for (size_t i = 0; i < h->n; i++) {
		for (void *o = h->b[i], *next; o; o = next) {
			size_t j = h->key(o) & (n - 1);

			next = *link_of(h, o);
			*link_of(h, o) = b[j];
			b[j] = o;
		}
	}
	free(h->b);
	h->b = b;
	h->n = n;
}

static void h_insert(struct uhash *h, void *o)
{
	size_t i;

	if (h->count >= h->n)
		h_grow(h);
	i = h->key(o) & (h->n - 1);
	*link_of(h, o) = h->b[i];
	h->b[i] = o;
	h->count++;
}

static void h_remove(struct uhash *h, void *o)
{
	void **p = &h->b[h->key(o) & (h->n - 1)];

	while (*p && *p != o)
		p = link_of(h, *p);
	if (*p) {
		*p = *link_of(h, o);
		h->count--;
	}
}

static void *h_head(const struct uhash *h, uint64_t key)
{
	return h->b[key & (h->n - 1)];
}

int ue_table_new(struct agwd *d, struct ue_table **out)
{
	struct ue_table *t = calloc(1, sizeof(*t));

	if (!t)
		return -ENOMEM;
	t->d = d;
	t->next_uid = 1;
	if (getrandom(&t->next_mme_id, sizeof(t->next_mme_id), 0) != sizeof(t->next_mme_id))
		t->next_mme_id = 1;
	t->next_mme_id &= 0xffffff;
	if (h_init(&t->imsi, offsetof(struct ue, h_imsi), key_imsi) ||
	    h_init(&t->tmsi, offsetof(struct ue, h_tmsi), key_tmsi) ||
	    h_init(&t->alt, offsetof(struct ue, h_alt), key_alt) ||
	    h_init(&t->mme, offsetof(struct ue, h_mme), key_mme) ||
	    h_init(&t->enb, offsetof(struct ue, h_enb), key_enb) ||
	    h_init(&t->uid, offsetof(struct uid_node, next), key_uid)) {
		ue_table_free(t);
		return -ENOMEM;
	}
	*out = t;
	return 0;
}

static void ue_release_mem(struct ue *ue)
{
	struct ev_loop *loop = ue->d->loop;

	ev_timer_stop(loop, &ue->t_emm);
	ev_timer_stop(loop, &ue->t_esm);
	ev_timer_stop(loop, &ue->t_reach);
	free(ue->radio_cap);
	free(ue->esm_req);
	free(ue->emm_retx);
	free(ue->esm_retx);
	free(ue);
}

void ue_table_free(struct ue_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; t->uid.b && i < t->uid.n; i++) {
		for (struct uid_node *n = t->uid.b[i], *next; n; n = next) {
			next = n->next;
			if (n->ue->enb)
				ue_unbind(t, n->ue);
			ue_release_mem(n->ue);
			free(n);
		}
	}
	free(t->imsi.b);
	free(t->tmsi.b);
	free(t->alt.b);
	free(t->mme.b);
	free(t->enb.b);
	free(t->uid.b);
	free(t);
}

size_t ue_count(const struct ue_table *t)
{
	return t->uid.count;
}

static struct uid_node *uid_node(const struct ue_table *t, uint64_t uid)
{
	for (struct uid_node *n = h_head(&t->uid, mix(uid)); n; n = n->next)
		if (n->ue->uid == uid)
			return n;
	return NULL;
}

struct ue *ue_by_uid(const struct ue_table *t, uint64_t uid)
{
	struct uid_node *n = uid_node(t, uid);

	return n ? n->ue : NULL;
}

struct ue *ue_new(struct ue_table *t, uint64_t uid)
{
	struct ue *ue = calloc(1, sizeof(*ue));
	struct uid_node *n = calloc(1, sizeof(*n));

	if (!ue || !n || (uid && uid_node(t, uid))) {
		free(ue);
		free(n);
		return NULL;
	}
	ue->d = t->d;
	ue->uid = uid ? uid : t->next_uid++;
	if (ue->uid >= t->next_uid)
		t->next_uid = ue->uid + 1;
	n->ue = ue;
	h_insert(&t->uid, n);
	return ue;
}

void ue_free(struct ue_table *t, struct ue *ue)
{
	struct uid_node *n = uid_node(t, ue->uid);

	if (ue->enb)
		ue_unbind(t, ue);
	if (ue->in_imsi_hash)
		h_remove(&t->imsi, ue);
	ue_drop_tmsi(t, ue);
	ue_drop_alt_tmsi(t, ue);
	if (n) {
		h_remove(&t->uid, n);
		free(n);
	}
	ue_release_mem(ue);
}

struct ue *ue_by_imsi(const struct ue_table *t, const char *imsi)
{
	struct ue k;
	size_t n = strlen(imsi);

	if (n > UE_IMSI_MAX)
		return NULL;
	memcpy(k.imsi, imsi, n + 1);
	for (struct ue *ue = h_head(&t->imsi, key_imsi(&k)); ue; ue = ue->h_imsi)
		if (!strcmp(ue->imsi, imsi))
			return ue;
	return NULL;
}

struct ue *ue_by_tmsi(const struct ue_table *t, uint32_t m_tmsi)
{
	for (struct ue *ue = h_head(&t->tmsi, mix(m_tmsi)); ue; ue = ue->h_tmsi)
		if (ue->m_tmsi == m_tmsi)
			return ue;
	for (struct ue *ue = h_head(&t->alt, mix(m_tmsi)); ue; ue = ue->h_alt)
		if (ue->alt_m_tmsi == m_tmsi)
			return ue;
	return NULL;
}

struct ue *ue_by_mme_id(const struct ue_table *t, uint32_t id)
{
	for (struct ue *ue = h_head(&t->mme, mix(id)); ue; ue = ue->h_mme)
		if (ue->mme_ue_id == id)
			return ue;
	return NULL;
}

struct ue *ue_by_enb_id(const struct ue_table *t, const struct enb *e, uint32_t enb_ue_id)
{
	uint64_t k = mix((uint64_t)e->id << 32 | enb_ue_id);

	for (struct ue *ue = h_head(&t->enb, k); ue; ue = ue->h_enb)
		if (ue->enb == e && ue->enb_ue_id == enb_ue_id)
			return ue;
	return NULL;
}

int ue_set_imsi(struct ue_table *t, struct ue *ue, const char *imsi)
{
	size_t n = strlen(imsi);

	if (n < 6 || n > UE_IMSI_MAX || strspn(imsi, "0123456789") != n)
		return -EINVAL;
	if (ue->in_imsi_hash)
		h_remove(&t->imsi, ue);
	memcpy(ue->imsi, imsi, n + 1);
	h_insert(&t->imsi, ue);
	ue->in_imsi_hash = true;
	return 0;
}

int ue_set_tmsi(struct ue_table *t, struct ue *ue, uint32_t m_tmsi)
{
	struct ue *o = ue_by_tmsi(t, m_tmsi);

	if (o && o != ue)
		return -EEXIST;
	ue_drop_tmsi(t, ue);
	ue->m_tmsi = m_tmsi;
	ue->has_guti = true;
	h_insert(&t->tmsi, ue);
	ue->in_tmsi_hash = true;
	return 0;
}

uint32_t ue_new_tmsi(struct ue_table *t, struct ue *ue)
{
	uint32_t x;

	do {
		if (getrandom(&x, sizeof(x), 0) != sizeof(x))
			x = (uint32_t)mix(t->next_uid++ ^ (uint64_t)ue->uid << 20);
		/* 0xffffffff is "no valid TMSI" (TS 23.003 2.4) */
	} while (x == 0xffffffff || x == 0 || ue_by_tmsi(t, x));
	ue_set_tmsi(t, ue, x);
	return x;
}

void ue_drop_tmsi(struct ue_table *t, struct ue *ue)
{
	if (ue->in_tmsi_hash)
		h_remove(&t->tmsi, ue);
	ue->in_tmsi_hash = false;
}

void ue_drop_alt_tmsi(struct ue_table *t, struct ue *ue)
{
	if (ue->in_alt_hash)
		h_remove(&t->alt, ue);
	ue->in_alt_hash = false;
}

static void set_alt(struct ue_table *t, struct ue *ue, uint32_t m_tmsi)
{
	ue_drop_alt_tmsi(t, ue);
	ue->alt_m_tmsi = m_tmsi;
	h_insert(&t->alt, ue);
	ue->in_alt_hash = true;
}

uint32_t ue_realloc_tmsi(struct ue_table *t, struct ue *ue)
{
	uint32_t old = ue->m_tmsi;
	bool had = ue->in_tmsi_hash;

	ue_drop_tmsi(t, ue);
	if (had)
		set_alt(t, ue, old);
	return ue_new_tmsi(t, ue);
}

void ue_swap_tmsi(struct ue_table *t, struct ue *ue)
{
	uint32_t cur = ue->m_tmsi, alt = ue->alt_m_tmsi;

	if (!ue->in_alt_hash || !ue->in_tmsi_hash)
		return;
	ue_drop_alt_tmsi(t, ue);
	ue_drop_tmsi(t, ue);
	ue_set_tmsi(t, ue, alt);
	set_alt(t, ue, cur);
}

void ue_tmsi_used(struct ue_table *t, struct ue *ue, uint32_t m_tmsi)
{
	if (!ue->in_alt_hash)
		return;
	if (m_tmsi == ue->alt_m_tmsi)
		ue_swap_tmsi(t, ue);
	ue_drop_alt_tmsi(t, ue);
}

static uint32_t alloc_mme_id(struct ue_table *t)
{
	uint32_t id;

	do {
		id = t->next_mme_id++;
	} while (ue_by_mme_id(t, id));
	return id;
}

static void enb_link(struct ue_table *t, struct ue *ue, struct enb *e, uint32_t enb_ue_id,
		     uint16_t stream)
{
	ue->enb = e;
	ue->enb_ue_id = enb_ue_id;
	ue->stream = stream;
	h_insert(&t->enb, ue);
	ue->enb_prev = NULL;
	ue->enb_next = e->ues;
	if (e->ues)
		e->ues->enb_prev = ue;
	e->ues = ue;
	e->n_ues++;
}

static void enb_unlink(struct ue_table *t, struct ue *ue)
{
	struct enb *e = ue->enb;

	h_remove(&t->enb, ue);
	if (ue->enb_prev)
		ue->enb_prev->enb_next = ue->enb_next;
	else
		e->ues = ue->enb_next;
	if (ue->enb_next)
		ue->enb_next->enb_prev = ue->enb_prev;
	ue->enb_next = ue->enb_prev = NULL;
	e->n_ues--;
	ue->enb = NULL;
}

int ue_bind(struct ue_table *t, struct ue *ue, struct enb *e, uint32_t enb_ue_id,
	    uint16_t stream)
{
	if (ue->enb)
		ue_unbind(t, ue);
	ue->mme_ue_id = alloc_mme_id(t);
	ue->has_mme_id = true;
	h_insert(&t->mme, ue);
	enb_link(t, ue, e, enb_ue_id, stream);
	ue->ctx_setup = false;
	ue->release_pending = false;
	return 0;
}

int ue_bind_id(struct ue_table *t, struct ue *ue, struct enb *e, uint32_t enb_ue_id,
	       uint16_t stream, uint32_t mme_ue_id)
{
	if (ue_by_mme_id(t, mme_ue_id))
		return -EEXIST;
	if (ue->enb)
		ue_unbind(t, ue);
	ue->mme_ue_id = mme_ue_id;
	ue->has_mme_id = true;
	h_insert(&t->mme, ue);
	enb_link(t, ue, e, enb_ue_id, stream);
	ue->release_pending = false;
	return 0;
}

int ue_rebind(struct ue_table *t, struct ue *ue, struct enb *e, uint32_t enb_ue_id,
	      uint16_t stream)
{
	if (!ue->enb)
		return -EINVAL;
	enb_unlink(t, ue);
	enb_link(t, ue, e, enb_ue_id, stream);
	return 0;
}

void ue_unbind(struct ue_table *t, struct ue *ue)
{
	if (ue->enb)
		enb_unlink(t, ue);
	if (ue->has_mme_id)
		h_remove(&t->mme, ue);
	ue->has_mme_id = false;
	ue->ctx_setup = false;
	ue->release_pending = false;
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		ue->br[i].erab = false;
}

struct ue *ue_enb_first(const struct enb *e)
{
	return e->ues;
}

int ue_walk(const struct ue_table *t, int (*fn)(void *arg, struct ue *ue), void *arg)
{
	for (size_t i = 0; i < t->uid.n; i++) {
		for (struct uid_node *n = t->uid.b[i], *next; n; n = next) {
			int ret;

			next = n->next;
			ret = fn(arg, n->ue);
			if (ret)
				return ret;
		}
	}
	return 0;
}

static const char *const state_names[EMM_N_STATES] = {
	[EMM_DEREGISTERED] = "deregistered",
	[EMM_WAIT_IDENTITY] = "wait-identity",
	[EMM_WAIT_AUTH] = "wait-authentication",
	[EMM_WAIT_SMC] = "wait-security-mode",
	[EMM_WAIT_ESM_INFO] = "wait-esm-information",
	[EMM_WAIT_ATTACH_COMPLETE] = "wait-attach-complete",
	[EMM_REGISTERED] = "registered",
	[EMM_WAIT_GUTI_COMPLETE] = "wait-guti-reallocation-complete",
	[EMM_DEREG_INIT] = "deregistered-initiated",
};

const char *emm_state_name(unsigned int s)
{
	return s < EMM_N_STATES ? state_names[s] : "?";
}

const char *emm_state_spec(unsigned int s)
{
	switch (s) {
	case EMM_DEREGISTERED:
		return "EMM-DEREGISTERED";
	case EMM_WAIT_IDENTITY:
	case EMM_WAIT_AUTH:
	case EMM_WAIT_SMC:
	case EMM_WAIT_ESM_INFO:
		return "EMM-COMMON-PROCEDURE-INITIATED";
	case EMM_REGISTERED:
	case EMM_WAIT_ATTACH_COMPLETE:
		return s == EMM_REGISTERED ? "EMM-REGISTERED" : "EMM-COMMON-PROCEDURE-INITIATED";
	case EMM_WAIT_GUTI_COMPLETE:
		return "EMM-COMMON-PROCEDURE-INITIATED";
	case EMM_DEREG_INIT:
		return "EMM-DEREGISTERED-INITIATED";
	}
	return "?";
}

bool ue_registered(const struct ue *ue)
{
	return ue->emm == EMM_REGISTERED || ue->emm == EMM_WAIT_GUTI_COMPLETE ||
	       ue->emm == EMM_DEREG_INIT;
}
