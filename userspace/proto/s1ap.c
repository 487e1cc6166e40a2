// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP: abstract syntax checks (TS 36.413 10.3), CriticalityDiagnostics
 * (9.2.1.21) and helpers to build and read messages.  See s1ap.h.
 */
#include <string.h>

#include "proto/s1ap_types.h"

/* ------------------------------------------------------------ checks --- */

static void add_diag(struct s1ap_check_result *r, unsigned int id, unsigned int crit,
		     unsigned int type)
{
	/* 10.3.4.2 / 10.3.5: reject -> reject the procedure and report;
	 * notify -> ignore the IE and report; ignore -> ignore silently. */
	if (crit == S1AP_REJECT)
		r->reject = 1;
	if (crit == S1AP_IGNORE)
		return;
	if (r->n < sizeof(r->d) / sizeof(r->d[0])) {
		r->d[r->n].ie_id = (uint16_t)id;
		r->d[r->n].ie_crit = (uint8_t)crit;
		r->d[r->n].type = (uint8_t)type;
		r->n++;
	}
}

static const struct s1ap_val *ie_list(const struct s1ap_pdu *pdu)
{
	if (!pdu->msg || pdu->body.t != &s1ap_t_msg_body || !pdu->body.v)
		return NULL;
	return &pdu->body.v[0];
}

void s1ap_check(const struct s1ap_pdu *pdu, struct s1ap_check_result *r)
{
	const struct s1ap_val *l = ie_list(pdu);

	memset(r, 0, sizeof(*r));
	if (!pdu->msg) {
		/* 10.3.4.1: procedure code or type of message not comprehended */
		r->unknown_proc = 1;
		r->reject = pdu->crit == S1AP_REJECT;
		return;
	}
	for (uint32_t i = 0; l && i < l->n; i++) {
		const struct s1ap_val *f = &l->v[i];

		if (!s1ap_msg_ie(pdu->msg, (unsigned int)f->u))
			add_diag(r, (unsigned int)f->u, f->crit, S1AP_ERR_NOT_UNDERSTOOD);
	}
	for (unsigned int k = 0; k < pdu->msg->n_ies; k++) {
		const struct s1ap_msg_ie *mi = &pdu->msg->ies[k];
		int found = 0;

		if (mi->presence != S1AP_MANDATORY)
			continue;
		for (uint32_t i = 0; l && i < l->n && !found; i++)
			found = l->v[i].u == mi->id;
		if (!found)
			add_diag(r, mi->id, mi->criticality, S1AP_ERR_MISSING);
	}
}

/* ---------------------------------------------------------- building --- */

int s1ap_val_init(struct s1ap_arena *a, struct s1ap_val *v, const struct s1ap_type *t,
		  uint32_t n)
{
	memset(v, 0, sizeof(*v));
	v->t = t;
	switch (t->kind) {
	case S1AP_K_SEQ:
		v->v = s1ap_alloc(a, (t->n ? t->n : 1) * sizeof(*v));
		break;
	case S1AP_K_SEQOF:
		v->n = n;
		v->v = s1ap_alloc(a, (n ? n : 1) * sizeof(*v));
		break;
	case S1AP_K_CHOICE:
	case S1AP_K_FIELD:
		v->v = s1ap_alloc(a, sizeof(*v));
		break;
	default:
		return 0;
	}
	return v->v ? 0 : -1;
}

int s1ap_name_index(const struct s1ap_type *t, const char *name)
{
	if (t->kind == S1AP_K_ENUM) {
		for (unsigned int i = 0; i < t->n; i++)
			if (!strcmp(t->names[i], name))
				return (int)i;
	} else if (t->kind == S1AP_K_SEQ || t->kind == S1AP_K_CHOICE) {
		for (unsigned int i = 0; i < t->n; i++)
			if (!strcmp(t->m[i].name, name))
				return (int)i;
	}
	return -1;
}

struct s1ap_val *s1ap_member_slot_name(struct s1ap_val *v, const char *name)
{
	int i;

	if (!v->t || v->t->kind != S1AP_K_SEQ || !v->v)
		return NULL;
	i = s1ap_name_index(v->t, name);
	return i < 0 ? NULL : &v->v[i];
}

const struct s1ap_val *s1ap_member_name(const struct s1ap_val *v, const char *name)
{
	const struct s1ap_val *m = s1ap_member_slot_name((struct s1ap_val *)v, name);

	return m && m->t ? m : NULL;
}

/* ------------------------------------------------------------- keys --- */

const struct s1ap_type *s1ap_key_type(enum s1ap_key k)
{
	unsigned int tid = (unsigned int)k >> 8;

	return tid && tid < S1AP_TID_COUNT ? s1ap_types_by_tid[tid] : NULL;
}

const char *s1ap_key_name(enum s1ap_key k)
{
	const struct s1ap_type *t = s1ap_key_type(k);
	unsigned int i = s1ap_key_index(k);

	if (!t || i >= t->n)
		return "?";
	return t->kind == S1AP_K_ENUM ? t->names[i] : t->m[i].name;
}

struct s1ap_val *s1ap_member_slot_key(struct s1ap_val *v, enum s1ap_key k)
{
	if (!v || !v->t || v->t != s1ap_key_type(k) || v->t->kind != S1AP_K_SEQ || !v->v ||
	    s1ap_key_index(k) >= v->t->n)
		return NULL;
	return &v->v[s1ap_key_index(k)];
}

const struct s1ap_val *s1ap_member_key(const struct s1ap_val *v, enum s1ap_key k)
{
	const struct s1ap_val *m = s1ap_member_slot_key((struct s1ap_val *)v, k);

	return m && m->t ? m : NULL;
}

enum s1ap_key s1ap_alt_key(const struct s1ap_val *c)
{
	if (!c || !c->t || c->t->kind != S1AP_K_CHOICE || !c->t->tid || c->u >= c->t->n ||
	    !c->v || !c->v[0].t)
		return S1AP_KEY_NONE;
	return (enum s1ap_key)S1AP_KEY(c->t->tid, c->u);
}

const struct s1ap_val *s1ap_alt_val(const struct s1ap_val *c, enum s1ap_key k)
{
	return k != S1AP_KEY_NONE && s1ap_alt_key(c) == k ? &c->v[0] : NULL;
}

enum s1ap_key s1ap_enum_key(const struct s1ap_val *v)
{
	if (!v || !v->t || v->t->kind != S1AP_K_ENUM || !v->t->tid || v->u >= v->t->n)
		return S1AP_KEY_NONE;
	return (enum s1ap_key)S1AP_KEY(v->t->tid, v->u);
}

static void set_int(struct s1ap_val *v, const struct s1ap_type *t, uint64_t u)
{
	if (!v)
		return;
	memset(v, 0, sizeof(*v));
	v->t = t;
	v->u = u;
}

#define CD(name)	S1AP_CRITICALITY_DIAGNOSTICS_##name
#define CDI(name)	S1AP_CRIT_DIAG_IE_ITEM_##name

int s1ap_crit_diag(struct s1ap_arena *a, const struct s1ap_pdu *pdu,
		   const struct s1ap_check_result *r, struct s1ap_val *out)
{
	struct s1ap_val *list;

	if (s1ap_val_init(a, out, &s1ap_t_criticality_diagnostics, 0))
		return -1;
	set_int(s1ap_member_slot(out, CD(PROCEDURECODE)), &s1ap_t_procedure_code, pdu->proc);
	set_int(s1ap_member_slot(out, CD(TRIGGERINGMESSAGE)), &s1ap_t_triggering_message,
		pdu->kind);
	set_int(s1ap_member_slot(out, CD(PROCEDURECRITICALITY)), &s1ap_t_criticality, pdu->crit);
	if (!r->n)
		return 0;
	list = s1ap_member_slot(out, CD(IESCRITICALITYDIAGNOSTICS));
	if (s1ap_val_init(a, list, &s1ap_t_crit_diag_ie_list, r->n))
		return -1;
	for (unsigned int i = 0; i < r->n; i++) {
		struct s1ap_val *it = &list->v[i];

		if (s1ap_val_init(a, it, &s1ap_t_crit_diag_ie_item, 0))
			return -1;
		set_int(s1ap_member_slot(it, CDI(IECRITICALITY)), &s1ap_t_criticality,
			r->d[i].ie_crit);
		set_int(s1ap_member_slot(it, CDI(IE_ID)), &s1ap_t_protocol_ie_id, r->d[i].ie_id);
		set_int(s1ap_member_slot(it, CDI(TYPEOFERROR)), &s1ap_t_type_of_error, r->d[i].type);
	}
	return 0;
}

int s1ap_pdu_init(struct s1ap_pdu *pdu, struct s1ap_arena *a, unsigned int proc,
		  unsigned int kind)
{
	const struct s1ap_proc_info *pi = s1ap_proc_info(proc);

	memset(pdu, 0, sizeof(*pdu));
	pdu->arena = a;
	pdu->kind = (uint8_t)kind;
	pdu->proc = (uint8_t)proc;
	pdu->crit = pi ? pi->criticality : S1AP_IGNORE;
	pdu->msg = s1ap_msg_find(proc, kind);
	if (!pdu->msg)
		return -1;
	if (s1ap_val_init(a, &pdu->body, &s1ap_t_msg_body, 0))
		return -1;
	return s1ap_val_init(a, &pdu->body.v[0], pdu->body.t->m[0].type, 0);
}

struct s1ap_val *s1ap_ie_add(struct s1ap_pdu *pdu, unsigned int id)
{
	struct s1ap_val *l = (struct s1ap_val *)ie_list(pdu), *nv;
	const struct s1ap_msg_ie *mi;
	const struct s1ap_ie_info *info = s1ap_ie_info(id);

	if (!l || !info)
		return NULL;
	mi = s1ap_msg_ie(pdu->msg, id);
	nv = s1ap_alloc(pdu->arena, (l->n + 1) * sizeof(*nv));
	if (!nv)
		return NULL;
	if (l->n)
		memcpy(nv, l->v, l->n * sizeof(*nv));
	l->v = nv;
	if (s1ap_val_init(pdu->arena, &nv[l->n], l->t->elem, 0))
		return NULL;
	nv[l->n].u = id;
	nv[l->n].crit = mi ? mi->criticality : S1AP_IGNORE;
	nv[l->n].understood = info->type != NULL;
	return &nv[l->n++].v[0];
}

const struct s1ap_val *s1ap_ie_find(const struct s1ap_pdu *pdu, unsigned int id)
{
	const struct s1ap_val *l = ie_list(pdu);

	for (uint32_t i = 0; l && i < l->n; i++)
		if (l->v[i].u == id)
			return l->v[i].understood ? &l->v[i].v[0] : NULL;
	return NULL;
}
