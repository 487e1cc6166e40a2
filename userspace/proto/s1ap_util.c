// SPDX-License-Identifier: GPL-2.0
/*
 * Building and reading S1AP values by member name.  See s1ap_util.h.
 */
#include <stdio.h>
#include <string.h>

#include "proto/s1ap_types.h"
#include "proto/s1ap_util.h"

static int typed(struct s1ap_arena *a, struct s1ap_val *v, const struct s1ap_type *t)
{
	return v && t ? s1ap_val_init(a, v, t, 0) : -1;
}

struct s1ap_val *s1ap_b_ie(struct s1ap_pdu *pdu, unsigned int id)
{
	const struct s1ap_ie_info *info = s1ap_ie_info(id);
	struct s1ap_val *v;

	if (!info || !info->type)
		return NULL;
	v = s1ap_ie_add(pdu, id);
	return typed(pdu->arena, v, info->type) ? NULL : v;
}

static struct s1ap_val *b_mem(struct s1ap_arena *a, struct s1ap_val *seq, int i)
{
	if (i < 0 || !seq || !seq->v)
		return NULL;
	return typed(a, &seq->v[i], seq->t->m[i].type) ? NULL : &seq->v[i];
}

struct s1ap_val *s1ap_b_mem_key(struct s1ap_arena *a, struct s1ap_val *seq, enum s1ap_key k)
{
	if (!seq || !seq->t || seq->t->kind != S1AP_K_SEQ || seq->t != s1ap_key_type(k) ||
	    s1ap_key_index(k) >= seq->t->n)
		return NULL;
	return b_mem(a, seq, (int)s1ap_key_index(k));
}

struct s1ap_val *s1ap_b_mem_name(struct s1ap_arena *a, struct s1ap_val *seq, const char *name)
{
	if (!seq || !seq->t || seq->t->kind != S1AP_K_SEQ)
		return NULL;
	return b_mem(a, seq, s1ap_name_index(seq->t, name));
}

static struct s1ap_val *b_alt(struct s1ap_arena *a, struct s1ap_val *choice, int i)
{
	if (i < 0 || !choice->v)
		return NULL;
	choice->u = (uint64_t)i;
	return typed(a, &choice->v[0], choice->t->m[i].type) ? NULL : &choice->v[0];
}

/* Alternative i of v when v is a Cause value */
static struct s1ap_val *b_alt_checked(struct s1ap_arena *a, struct s1ap_val *v, unsigned int i)
{
	if (!v || v->t != &s1ap_t_cause)
		return NULL;
	return b_alt(a, v, (int)i);
}

struct s1ap_val *s1ap_b_alt_key(struct s1ap_arena *a, struct s1ap_val *choice, enum s1ap_key k)
{
	if (!choice || !choice->t || choice->t->kind != S1AP_K_CHOICE ||
	    choice->t != s1ap_key_type(k) || s1ap_key_index(k) >= choice->t->n)
		return NULL;
	return b_alt(a, choice, (int)s1ap_key_index(k));
}

struct s1ap_val *s1ap_b_alt_name(struct s1ap_arena *a, struct s1ap_val *choice,
				 const char *name)
{
	if (!choice || !choice->t || choice->t->kind != S1AP_K_CHOICE)
		return NULL;
	return b_alt(a, choice, s1ap_name_index(choice->t, name));
}

struct s1ap_val *s1ap_b_items(struct s1ap_arena *a, struct s1ap_val *list, uint32_t n)
{
	const struct s1ap_type *t;

	if (!list || !list->t || list->t->kind != S1AP_K_SEQOF || !n)
		return NULL;
	t = list->t;
	if (s1ap_val_init(a, list, t, n))
		return NULL;
	for (uint32_t i = 0; i < n; i++)
		if (typed(a, &list->v[i], t->elem))
			return NULL;
	return list->v;
}

struct s1ap_val *s1ap_b_field(struct s1ap_arena *a, struct s1ap_val *item, unsigned int id,
			      unsigned int crit)
{
	const struct s1ap_ie_info *info = s1ap_ie_info(id);

	if (!item || !item->t || item->t->kind != S1AP_K_FIELD || !item->v || !info ||
	    !info->type)
		return NULL;
	item->u = id;
	item->crit = (uint8_t)crit;
	item->understood = 1;
	return typed(a, &item->v[0], info->type) ? NULL : &item->v[0];
}

int s1ap_b_int(struct s1ap_val *v, uint64_t u)
{
	if (!v || !v->t || (v->t->kind != S1AP_K_INT && v->t->kind != S1AP_K_BOOL))
		return -1;
	if (v->t->kind == S1AP_K_INT && !v->t->ext && (u < v->t->lb || u > v->t->ub))
		return -1;
	v->u = u;
	return 0;
}

int s1ap_b_oct(struct s1ap_arena *a, struct s1ap_val *v, const void *p, size_t n)
{
	uint8_t *c;

	if (!v || !v->t || (v->t->kind != S1AP_K_OCTETS && v->t->kind != S1AP_K_PRINTABLE) ||
	    n > UINT32_MAX)
		return -1;
	c = s1ap_alloc(a, n ? n : 1);
	if (!c)
		return -1;
	if (n)
		memcpy(c, p, n);
	v->p = c;
	v->n = (uint32_t)n;
	return 0;
}

int s1ap_b_str(struct s1ap_arena *a, struct s1ap_val *v, const char *s)
{
	return s1ap_b_oct(a, v, s, strlen(s));
}

int s1ap_b_bits(struct s1ap_arena *a, struct s1ap_val *v, const void *p, size_t nbits)
{
	size_t n = (nbits + 7) / 8;
	uint8_t *c;

	if (!v || !v->t || v->t->kind != S1AP_K_BITS || nbits > UINT32_MAX)
		return -1;
	c = s1ap_alloc(a, n ? n : 1);
	if (!c)
		return -1;
	if (n) {
		memcpy(c, p, n);
		if (nbits % 8)		/* bits past nbits must be zero */
			c[n - 1] &= (uint8_t)(0xff << (8 - nbits % 8));
	}
	v->p = c;
	v->n = (uint32_t)n;
	v->bits = (uint32_t)nbits;
	return 0;
}

int s1ap_b_enum_key(struct s1ap_val *v, enum s1ap_key k)
{
	if (!v || !v->t || v->t->kind != S1AP_K_ENUM || v->t != s1ap_key_type(k) ||
	    s1ap_key_index(k) >= v->t->n)
		return -1;
	v->u = s1ap_key_index(k);
	return 0;
}

int s1ap_b_enum_name(struct s1ap_val *v, const char *name)
{
	int i;

	if (!v || !v->t || v->t->kind != S1AP_K_ENUM)
		return -1;
	i = s1ap_name_index(v->t, name);
	if (i < 0)
		return -1;
	v->u = (uint64_t)i;
	return 0;
}

int s1ap_b_teid(struct s1ap_arena *a, struct s1ap_val *v, uint32_t teid)
{
	uint8_t b[4] = { teid >> 24, teid >> 16, teid >> 8, teid };

	return s1ap_b_oct(a, v, b, 4);
}

int s1ap_b_tla(struct s1ap_arena *a, struct s1ap_val *v, const uint8_t *ip4,
	       const uint8_t *ip6)
{
	uint8_t b[20];
	size_t n = 0;

	if (ip4) {
		memcpy(b, ip4, 4);
		n = 4;
	}
	if (ip6) {
		memcpy(b + n, ip6, 16);
		n += 16;
	}
	if (!n)
		return -1;
	return s1ap_b_bits(a, v, b, n * 8);
}

int s1ap_b_cause_key(struct s1ap_arena *a, struct s1ap_val *v, enum s1ap_key value)
{
	const struct s1ap_type *grp = s1ap_key_type(value);

	if (!grp || grp->kind != S1AP_K_ENUM)
		return -1;
	/* the group is the alternative of Cause whose type the value's is */
	for (unsigned int i = 0; i < s1ap_t_cause.n; i++)
		if (s1ap_t_cause.m[i].type == grp)
			return s1ap_b_enum_key(b_alt_checked(a, v, i), value);
	return -1;
}

int s1ap_b_cause_name(struct s1ap_arena *a, struct s1ap_val *v, const char *group,
		      const char *value)
{
	return s1ap_b_enum_name(s1ap_b_alt_name(a, v, group), value);
}

/* ------------------------------------------------------------ reading --- */

const struct s1ap_val *s1ap_alt(const struct s1ap_val *choice, const char **name)
{
	if (!choice || !choice->t || choice->t->kind != S1AP_K_CHOICE || !choice->v ||
	    !choice->v[0].t)
		return NULL;
	if (name)
		*name = choice->u < choice->t->n ? choice->t->m[choice->u].name : "?";
	return &choice->v[0];
}

static int mem_u(const struct s1ap_val *m, uint64_t *u)
{
	if (!m || (m->t->kind != S1AP_K_INT && m->t->kind != S1AP_K_ENUM &&
		   m->t->kind != S1AP_K_BOOL))
		return -1;
	*u = m->u;
	return 0;
}

static int mem_oct(const struct s1ap_val *m, uint8_t *out, size_t n)
{
	if (!m || m->t->kind != S1AP_K_OCTETS || m->n != n)
		return -1;
	memcpy(out, m->p, n);
	return 0;
}

int s1ap_mem_u_key(const struct s1ap_val *seq, enum s1ap_key k, uint64_t *u)
{
	return mem_u(s1ap_member_key(seq, k), u);
}

int s1ap_mem_u_name(const struct s1ap_val *seq, const char *name, uint64_t *u)
{
	return mem_u(s1ap_member_name(seq, name), u);
}

int s1ap_mem_oct_key(const struct s1ap_val *seq, enum s1ap_key k, uint8_t *out, size_t n)
{
	return mem_oct(s1ap_member_key(seq, k), out, n);
}

int s1ap_mem_oct_name(const struct s1ap_val *seq, const char *name, uint8_t *out, size_t n)
{
	return mem_oct(s1ap_member_name(seq, name), out, n);
}

enum s1ap_key s1ap_cause_key(const struct s1ap_val *cause)
{
	if (!cause || cause->t != &s1ap_t_cause)
		return S1AP_KEY_NONE;
	return s1ap_enum_key(s1ap_alt(cause, NULL));
}

const char *s1ap_enum_name(const struct s1ap_val *v)
{
	if (!v || !v->t || v->t->kind != S1AP_K_ENUM)
		return "?";
	return v->u < v->t->n ? v->t->names[v->u] : "?";
}

int s1ap_teid_get(const struct s1ap_val *v, uint32_t *teid)
{
	if (!v || !v->t || v->t->kind != S1AP_K_OCTETS || v->n != 4)
		return -1;
	*teid = (uint32_t)v->p[0] << 24 | (uint32_t)v->p[1] << 16 | (uint32_t)v->p[2] << 8 |
		v->p[3];
	return 0;
}

int s1ap_tla_get(const struct s1ap_val *v, uint8_t ip4[4], int *has4, uint8_t ip6[16],
		 int *has6)
{
	int h4 = 0, h6 = 0;

	if (!v || !v->t || v->t->kind != S1AP_K_BITS)
		return -1;
	switch (v->bits) {
	case 32:
		h4 = 1;
		memcpy(ip4, v->p, 4);
		break;
	case 128:
		h6 = 1;
		memcpy(ip6, v->p, 16);
		break;
	case 160:
		h4 = h6 = 1;
		memcpy(ip4, v->p, 4);
		memcpy(ip6, v->p + 4, 16);
		break;
	default:
		return -1;
	}
	if (has4)
		*has4 = h4;
	if (has6)
		*has6 = h6;
	return 0;
}

const char *s1ap_cause_str(const struct s1ap_val *cause, char *buf, size_t n)
{
	const char *grp = "?";
	const struct s1ap_val *v = s1ap_alt(cause, &grp);

	if (!v)
		snprintf(buf, n, "?");
	else if (v->t->kind == S1AP_K_ENUM)
		snprintf(buf, n, "%s/%s", grp, s1ap_enum_name(v));
	else
		snprintf(buf, n, "%s", grp);
	return buf;
}

const struct s1ap_val *s1ap_field_val(const struct s1ap_val *item, unsigned int *id)
{
	if (!item || !item->t || item->t->kind != S1AP_K_FIELD || !item->v)
		return NULL;
	if (id)
		*id = (unsigned int)item->u;
	return item->understood && item->v[0].t ? &item->v[0] : NULL;
}
