// SPDX-License-Identifier: GPL-2.0
/*
 * NAS EPS message codec engine (TS 24.301 chapter 8 layouts, TS 24.007
 * 11.2 IE formats): walks a message table (nas_emm.c, nas_esm.c) to split a
 * message into IEs, and joins IEs back into bytes.
 *
 * Plain EMM message              Plain ESM message
 *   +--------+--------+            +--------+--------+
 *   |  SHT   |   PD   |  octet 1   |  EBI   |   PD   |  octet 1
 *   +--------+--------+            +--------+--------+
 *   |  message type   |  octet 2   |       PTI       |  octet 2
 *   +-----------------+            +-----------------+
 *   |  IEs ...        |            |  message type   |  octet 3
 *                                  |  IEs ...        |
 *
 * Mandatory IEs come first in table order; two half-octet IEs share an
 * octet, the first one in bits 4-1.  Optional IEs are found by IEI in any
 * order.  Unknown IEs are skipped by their format (TS 24.007 11.2.4) and
 * kept so the message re-encodes to the same bytes; an unknown IEI with bits
 * 8-5 = 0000 is "comprehension required" and fails the message.  Repeated
 * optional IEs and optional IEs with a wrong length are kept but marked
 * ignored (TS 24.301 7.6.3, 7.6.4).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "proto/nas.h"

const uint8_t nas_nibble[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

void nas_errf(struct nas_err *err, size_t off, uint8_t cause, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	err->off = off;
	err->cause = cause;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

const struct nas_ie_desc *nas_ie_desc_find(const struct nas_msg_desc *desc, const char *name)
{
	for (unsigned int i = 0; desc && i < desc->n_ies; i++)
		if (!strcmp(desc->ies[i].name, name))
			return &desc->ies[i];
	return NULL;
}

static const char *msg_name(const struct nas_msg *m)
{
	return m->desc ? m->desc->name : "NAS message";
}

/* ------------------------------------------------------------ decode --- */

struct rd {
	const uint8_t *buf;
	size_t len, off;
	int half;		/* a half-octet IE took bits 4-1 of buf[off] */
	unsigned int hint;	/* row after the optional IE found last */
	struct nas_msg *m;
	struct nas_err *err;
};

/* Row of d in m's table, or -1 (unknown IE, or a row of another table) */
static int row_of(const struct nas_msg *m, const struct nas_ie_desc *d)
{
	if (!d || !m->desc || d < m->desc->ies || d >= m->desc->ies + m->desc->n_ies)
		return -1;
	return (int)(d - m->desc->ies);
}

static void slot_set(struct nas_msg *m, unsigned int i)
{
	int row = row_of(m, m->ie[i].d);

	if (row >= 0 && row < NAS_MSG_MAX_ROWS && !m->ie[i].ignored && !m->slot[row])
		m->slot[row] = (uint8_t)(i + 1);
}

static int push(struct rd *r, const struct nas_ie_desc *d, uint8_t iei, uint8_t fmt,
		const uint8_t *val, size_t len, int ignored)
{
	struct nas_ie *ie;

	if (r->m->n_ie >= NAS_MAX_IES) {
		nas_errf(r->err, r->off, NAS_CAUSE_PROTOCOL,
			 "%s: more than %d IEs at offset %zu", msg_name(r->m), NAS_MAX_IES,
			 r->off);
		return -1;
	}
	ie = &r->m->ie[r->m->n_ie++];
	memset(ie, 0, sizeof(*ie));
	ie->d = d;
	ie->iei = iei;
	ie->fmt = fmt;
	ie->val = val;
	ie->len = (uint16_t)len;
	ie->ignored = (uint8_t)ignored;
	slot_set(r->m, r->m->n_ie - 1u);
	return 0;
}

static int need(struct rd *r, size_t n, const char *what, const char *name)
{
	if (r->len - r->off >= n)
		return 0;
	nas_errf(r->err, r->off, NAS_CAUSE_INVALID_MANDATORY,
		 "%s: %s%s%s at offset %zu needs %zu octets, %zu left", msg_name(r->m), name,
		 *what ? " " : "", what, r->off, n, r->len - r->off);
	return -1;
}

/* Length octet(s) at r->off for format fmt; returns -1 if they are missing. */
static long read_len(struct rd *r, uint8_t fmt, size_t at, const char *name)
{
	size_t n = (fmt == NAS_FMT_LVE || fmt == NAS_FMT_TLVE) ? 2 : 1;

	if (r->len - r->off < at + n) {
		nas_errf(r->err, r->off, NAS_CAUSE_INVALID_MANDATORY,
			 "%s: %s at offset %zu: length octet missing", msg_name(r->m), name,
			 r->off);
		return -1;
	}
	if (n == 2)
		return (long)(r->buf[r->off + at] << 8 | r->buf[r->off + at + 1]);
	return r->buf[r->off + at];
}

static int rd_mandatory(struct rd *r, const struct nas_ie_desc *d)
{
	long l;

	switch (d->fmt) {
	case NAS_FMT_VH:
		if (need(r, 1, "(half octet)", d->name))
			return -1;
		if (!r->half) {
			r->half = 1;
			return push(r, d, 0, d->fmt, &nas_nibble[r->buf[r->off] & 15], 1, 0);
		}
		r->half = 0;
		return push(r, d, 0, d->fmt, &nas_nibble[r->buf[r->off++] >> 4], 1, 0);
	case NAS_FMT_V:
		if (need(r, d->min, "", d->name))
			return -1;
		r->off += d->min;
		return push(r, d, 0, d->fmt, r->buf + r->off - d->min, d->min, 0);
	case NAS_FMT_LV:
	case NAS_FMT_LVE:
		l = read_len(r, d->fmt, 0, d->name);
		if (l < 0)
			return -1;
		if (l < d->min || l > d->max) {
			nas_errf(r->err, r->off, NAS_CAUSE_INVALID_MANDATORY,
				 "%s: %s at offset %zu: length %ld not in %u..%u",
				 msg_name(r->m), d->name, r->off, l, d->min, d->max);
			return -1;
		}
		{
			size_t hl = d->fmt == NAS_FMT_LVE ? 2 : 1;

			if (need(r, hl + (size_t)l, "value", d->name))
				return -1;
			r->off += hl + (size_t)l;
			return push(r, d, 0, d->fmt, r->buf + r->off - l, (size_t)l, 0);
		}
	default:
		nas_errf(r->err, r->off, NAS_CAUSE_PROTOCOL, "%s: table error at %s",
			 msg_name(r->m), d->name);
		return -1;
	}
}

/*
 * The optional row of IEI o.  Senders put optional IEs in table order, so
 * the search starts after the row found last (r->hint) and wraps: one
 * comparison per IE for an ordered message.
 */
static const struct nas_ie_desc *opt_row(struct rd *r, uint8_t o)
{
	const struct nas_msg_desc *desc = r->m->desc;

	for (unsigned int k = 0; k < desc->n_ies; k++) {
		unsigned int i = (r->hint + k) % desc->n_ies;
		const struct nas_ie_desc *d = &desc->ies[i];

		if (d->presence == NAS_M)
			continue;
		if (d->fmt == NAS_FMT_TV1 ? (o & 0xf0) == d->iei : o == d->iei) {
			r->hint = i + 1;
			return d;
		}
	}
	return NULL;
}

static int seen(const struct nas_msg *m, const struct nas_ie_desc *d)
{
	int row = row_of(m, d);

	return row >= 0 && row < NAS_MSG_MAX_ROWS && m->slot[row];
}

/* Format of an unknown IE from its IEI (TS 24.007 11.2.4). */
static uint8_t unknown_fmt(uint8_t o)
{
	if (o & 0x80)
		return (o & 0xf0) == 0xa0 ? NAS_FMT_T : NAS_FMT_TV1;
	if ((o & 0xf0) == 0x70)
		return NAS_FMT_TLVE;
	return NAS_FMT_TLV;
}

static int rd_optional(struct rd *r)
{
	uint8_t o = r->buf[r->off];
	const struct nas_ie_desc *d = opt_row(r, o);
	uint8_t fmt = d ? d->fmt : unknown_fmt(o);
	size_t start = r->off, vlen, hl;
	const uint8_t *val;
	int bad = 0;
	long l;

	if (!d && !(o & 0xf0)) {
		nas_errf(r->err, r->off, NAS_CAUSE_INVALID_MANDATORY,
			 "%s: unknown IEI 0x%02x at offset %zu is comprehension required",
			 msg_name(r->m), o, r->off);
		return -1;
	}
	switch (fmt) {
	case NAS_FMT_TV1:
	case NAS_FMT_T:
		r->off++;
		bad = d && seen(r->m, d);
		return fmt == NAS_FMT_TV1 ? push(r, d, o & 0xf0, fmt, &nas_nibble[o & 15], 1, bad) :
		       push(r, d, o, fmt, NULL, 0, bad);
	case NAS_FMT_TV:
		if (need(r, 1 + (size_t)d->min, "", d->name))
			return -1;
		hl = 1;
		vlen = d->min;
		break;
	default:
		l = read_len(r, fmt, 1, d ? d->name : "unknown IE");
		if (l < 0)
			return -1;
		hl = fmt == NAS_FMT_TLVE ? 3 : 2;
		vlen = (size_t)l;
		if (need(r, hl + vlen, "value", d ? d->name : "unknown IE"))
			return -1;
		if (d && (vlen < d->min || vlen > d->max))
			bad = 1;
		break;
	}
	val = r->buf + start + hl;
	r->off = start + hl + vlen;
	if (d && seen(r->m, d))
		bad = 1;
	return push(r, d, o, fmt, val, vlen, bad);
}

/* Detach request: UE-originating has an EPS mobile identity, the
 * network-initiated one at most an EMM cause (24.301 8.2.11). */
static unsigned int detach_dir(const uint8_t *buf, size_t len, size_t hdr)
{
	if (len <= hdr + 1)
		return NAS_DIR_DL;
	if (buf[hdr + 1] == 0x53 && len == hdr + 3)
		return NAS_DIR_DL;
	return NAS_DIR_UL;
}

static int decode_header(struct nas_msg *m, const uint8_t *buf, size_t len, unsigned int dir,
			 size_t *hdr, struct nas_err *err)
{
	memset(m, 0, offsetof(struct nas_msg, ie));
	if (len < 1) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY, "NAS message: empty");
		return -1;
	}
	m->pd = buf[0] & 15;
	if (m->pd == NAS_PD_EMM) {
		m->sht = buf[0] >> 4;
		if (m->sht >= NAS_SHT_SERVICE_REQUEST) {
			m->desc = nas_msg_desc_find(NAS_PD_EMM, 0, NAS_DIR_UL);
			*hdr = 1;
			return 0;
		}
		if (m->sht != NAS_SHT_PLAIN) {
			nas_errf(err, 0, NAS_CAUSE_SEMANTIC,
				 "NAS message: security header type %u: security protected, "
				 "not a plain message", m->sht);
			return -1;
		}
		*hdr = 2;
	} else if (m->pd == NAS_PD_ESM) {
		m->ebi = buf[0] >> 4;
		*hdr = 3;
	} else {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
			 "NAS message: protocol discriminator %u is neither EMM (7) nor ESM (2)",
			 m->pd);
		return -1;
	}
	if (len < *hdr) {
		nas_errf(err, len, NAS_CAUSE_INVALID_MANDATORY,
			 "NAS message: header needs %zu octets, message has %zu", *hdr, len);
		return -1;
	}
	if (m->pd == NAS_PD_ESM)
		m->pti = buf[1];
	m->type = buf[*hdr - 1];
	if (m->pd == NAS_PD_EMM && m->type == NAS_DETACH_REQUEST && dir == NAS_DIR_ANY)
		dir = detach_dir(buf, len, *hdr);
	/* type 0 is the service request's table, never a plain EMM type */
	m->desc = m->type ? nas_msg_desc_find(m->pd, m->type, dir) : NULL;
	if (!m->desc) {
		nas_errf(err, *hdr - 1, NAS_CAUSE_MSG_TYPE_UNKNOWN,
			 "NAS message: %s message type 0x%02x at offset %zu is unknown",
			 m->pd == NAS_PD_EMM ? "EMM" : "ESM", m->type, *hdr - 1);
		return -1;
	}
	return 0;
}

int nas_decode(struct nas_msg *m, const uint8_t *buf, size_t len, unsigned int dir,
	       struct nas_err *err)
{
	struct rd r = { .buf = buf, .len = len, .m = m, .err = err };
	const struct nas_msg_desc *desc;
	unsigned int i;

	if (decode_header(m, buf, len, dir, &r.off, err))
		return -1;
	desc = m->desc;
	for (i = 0; i < desc->n_ies && desc->ies[i].presence == NAS_M; i++)
		if (rd_mandatory(&r, &desc->ies[i]))
			return -1;
	if (r.half)
		r.off++;	/* a lone half octet: tables pair them with a spare */
	if (m->sht >= NAS_SHT_SERVICE_REQUEST && r.off < len) {
		nas_errf(err, r.off, NAS_CAUSE_SEMANTIC,
			 "Service request: %zu extra octets at offset %zu", len - r.off, r.off);
		return -1;
	}
	while (r.off < len)
		if (rd_optional(&r))
			return -1;
	return 0;
}

/* ------------------------------------------------------------ encode --- */

struct wr {
	uint8_t *out;
	size_t max, off;
	int half;
	const struct nas_msg *m;
	struct nas_err *err;
};

static int room(struct wr *w, size_t n, const char *name)
{
	if (w->max - w->off >= n)
		return 0;
	nas_errf(w->err, w->off, NAS_CAUSE_PROTOCOL, "%s: %s does not fit: %zu octets left",
		 msg_name(w->m), name, w->max - w->off);
	return -1;
}

static int check_len(struct wr *w, const struct nas_ie *ie, const char *name)
{
	const struct nas_ie_desc *d = ie->d;
	size_t lim = (ie->fmt == NAS_FMT_LVE || ie->fmt == NAS_FMT_TLVE) ? 65535 : 255;

	if (d && !ie->ignored && (ie->len < d->min || ie->len > d->max)) {
		nas_errf(w->err, w->off, NAS_CAUSE_INVALID_MANDATORY,
			 "%s: %s: value length %u not in %u..%u", msg_name(w->m), name, ie->len,
			 d->min, d->max);
		return -1;
	}
	if (ie->len > lim) {
		nas_errf(w->err, w->off, NAS_CAUSE_PROTOCOL, "%s: %s: value length %u > %zu",
			 msg_name(w->m), name, ie->len, lim);
		return -1;
	}
	return 0;
}

static int wr_ie(struct wr *w, const struct nas_ie *ie)
{
	const char *name = ie->d ? ie->d->name : "unknown IE";
	size_t hl = 0;

	if ((ie->fmt == NAS_FMT_VH || ie->fmt == NAS_FMT_TV1) && (ie->len != 1 || ie->val[0] > 15)) {
		nas_errf(w->err, w->off, NAS_CAUSE_PROTOCOL, "%s: %s: half octet value > 15",
			 msg_name(w->m), name);
		return -1;
	}
	if (check_len(w, ie, name))
		return -1;
	switch (ie->fmt) {
	case NAS_FMT_VH:
		if (!w->half) {
			if (room(w, 1, name))
				return -1;
			w->out[w->off] = ie->val[0];
			w->half = 1;
		} else {
			w->out[w->off++] |= (uint8_t)(ie->val[0] << 4);
			w->half = 0;
		}
		return 0;
	case NAS_FMT_TV1:
		if (room(w, 1, name))
			return -1;
		w->out[w->off++] = (uint8_t)((ie->iei & 0xf0) | ie->val[0]);
		return 0;
	case NAS_FMT_T:
		if (room(w, 1, name))
			return -1;
		w->out[w->off++] = ie->iei;
		return 0;
	case NAS_FMT_TV:
	case NAS_FMT_TLV:
	case NAS_FMT_TLVE:
		hl = 1;
		break;
	default:
		break;
	}
	if (ie->fmt == NAS_FMT_LV || ie->fmt == NAS_FMT_TLV)
		hl += 1;
	else if (ie->fmt == NAS_FMT_LVE || ie->fmt == NAS_FMT_TLVE)
		hl += 2;
	if (room(w, hl + ie->len, name))
		return -1;
	if (ie->fmt == NAS_FMT_TV || ie->fmt == NAS_FMT_TLV || ie->fmt == NAS_FMT_TLVE)
		w->out[w->off++] = ie->iei;
	if (ie->fmt == NAS_FMT_LVE || ie->fmt == NAS_FMT_TLVE)
		w->out[w->off++] = (uint8_t)(ie->len >> 8);
	if (ie->fmt != NAS_FMT_TV && ie->fmt != NAS_FMT_V)
		w->out[w->off++] = (uint8_t)ie->len;
	if (ie->len)
		memcpy(w->out + w->off, ie->val, ie->len);
	w->off += ie->len;
	return 0;
}

static int wr_header(struct wr *w)
{
	const struct nas_msg *m = w->m;
	size_t n = m->pd == NAS_PD_ESM ? 3 : (m->sht >= NAS_SHT_SERVICE_REQUEST ? 1 : 2);

	if (room(w, n, "header"))
		return -1;
	if (m->pd == NAS_PD_ESM) {
		w->out[0] = (uint8_t)(m->ebi << 4 | NAS_PD_ESM);
		w->out[1] = m->pti;
	} else {
		w->out[0] = (uint8_t)(m->sht << 4 | NAS_PD_EMM);
	}
	if (n > 1)
		w->out[n - 1] = m->type;
	w->off = n;
	return 0;
}

int nas_encode(const struct nas_msg *m, uint8_t *out, size_t max, struct nas_err *err)
{
	struct wr w = { .out = out, .max = max, .m = m, .err = err };
	const struct nas_msg_desc *desc = m->desc;
	unsigned int i, j;

	if (!desc || desc->pd != m->pd || (m->pd == NAS_PD_EMM && m->sht > 15) ||
	    (m->pd == NAS_PD_ESM && m->ebi > 15) ||
	    (m->pd == NAS_PD_EMM && m->sht != 0 && m->sht < NAS_SHT_SERVICE_REQUEST)) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s: header does not match its table",
			 msg_name(m));
		return -1;
	}
	if (wr_header(&w))
		return -1;
	for (i = 0; i < desc->n_ies && desc->ies[i].presence == NAS_M; i++) {
		j = i < NAS_MSG_MAX_ROWS && m->slot[i] ? m->slot[i] - 1u : 0;
		if (j >= m->n_ie || m->ie[j].d != &desc->ies[i])
			for (j = 0; j < m->n_ie && m->ie[j].d != &desc->ies[i]; j++)
				;
		if (j == m->n_ie) {
			nas_errf(err, w.off, NAS_CAUSE_INVALID_MANDATORY,
				 "%s: mandatory IE %s missing", msg_name(m), desc->ies[i].name);
			return -1;
		}
		if (wr_ie(&w, &m->ie[j]))
			return -1;
	}
	if (w.half)
		w.off++;
	for (j = 0; j < m->n_ie; j++) {
		if (m->ie[j].d && m->ie[j].d->presence == NAS_M)
			continue;
		if (wr_ie(&w, &m->ie[j]))
			return -1;
	}
	return (int)w.off;
}

/* ----------------------------------------------------------- builder --- */

void nas_msg_init(struct nas_msg *m, const struct nas_msg_desc *desc, uint8_t ebi, uint8_t pti)
{
	memset(m, 0, offsetof(struct nas_msg, ie));
	m->desc = desc;
	m->pd = desc->pd;
	m->type = desc->type;
	if (desc->pd == NAS_PD_ESM) {
		m->ebi = ebi;
		m->pti = pti;
	} else if (desc->type == 0) {
		m->sht = NAS_SHT_SERVICE_REQUEST;
	}
}

int nas_msg_start(struct nas_msg *m, enum nas_msg_key k, uint8_t ebi, uint8_t pti)
{
	const struct nas_msg_desc *desc = nas_msg_desc_of(k);

	if (!desc)
		return -1;
	nas_msg_init(m, desc, ebi, pti);
	return 0;
}

const struct nas_ie_desc *nas_ie_desc_of(enum nas_ie_key k)
{
	const struct nas_msg_desc *desc = nas_msg_desc_of((enum nas_msg_key)(k >> 8));

	return desc && (k & 0xff) < desc->n_ies ? &desc->ies[k & 0xff] : NULL;
}

static int add_row(struct nas_msg *m, const struct nas_ie_desc *d, const char *name,
		   const uint8_t *val, size_t len, struct nas_err *err)
{
	unsigned int pos;

	if (len < d->min || len > d->max || (d->fmt == NAS_FMT_VH || d->fmt == NAS_FMT_TV1 ?
					     val[0] > 15 : 0)) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
			 "%s: %s: value length %zu not in %u..%u (or half octet > 15)",
			 msg_name(m), name, len, d->min, d->max);
		return -1;
	}
	if (m->n_ie >= NAS_MAX_IES) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s: more than %d IEs", msg_name(m),
			 NAS_MAX_IES);
		return -1;
	}
	/* keep table order: insert before the first IE of a later row */
	for (pos = 0; pos < m->n_ie; pos++)
		if (m->ie[pos].d && m->ie[pos].d > d)
			break;
	memmove(&m->ie[pos + 1], &m->ie[pos], (m->n_ie - pos) * sizeof(m->ie[0]));
	m->n_ie++;
	memset(&m->ie[pos], 0, sizeof(m->ie[pos]));
	m->ie[pos].d = d;
	m->ie[pos].iei = d->iei;
	m->ie[pos].fmt = d->fmt;
	m->ie[pos].val = (d->fmt == NAS_FMT_VH || d->fmt == NAS_FMT_TV1) ?
			 &nas_nibble[val[0]] : val;
	m->ie[pos].len = (uint16_t)len;
	for (unsigned int r = 0; r < NAS_MSG_MAX_ROWS; r++)
		if (m->slot[r] > pos)
			m->slot[r]++;
	slot_set(m, pos);
	return 0;
}

int nas_ie_add_key(struct nas_msg *m, enum nas_ie_key k, const uint8_t *val, size_t len,
		   struct nas_err *err)
{
	const struct nas_ie_desc *d = nas_ie_desc_of(k);

	if (!d || row_of(m, d) < 0) {
		nas_errf(err, 0, NAS_CAUSE_IE_UNKNOWN, "%s: IE key 0x%x is not one of its rows",
			 msg_name(m), (unsigned int)k);
		return -1;
	}
	return add_row(m, d, d->name, val, len, err);
}

int nas_ie_add_name(struct nas_msg *m, const char *name, const uint8_t *val, size_t len,
		    struct nas_err *err)
{
	const struct nas_ie_desc *d = nas_ie_desc_find(m->desc, name);

	if (!d) {
		nas_errf(err, 0, NAS_CAUSE_IE_UNKNOWN, "%s has no IE \"%s\"", msg_name(m), name);
		return -1;
	}
	return add_row(m, d, name, val, len, err);
}

const struct nas_ie *nas_ie(const struct nas_msg *m, enum nas_ie_key k)
{
	unsigned int row = k & 0xff;

	if (!m->desc || m->desc != nas_msg_desc_at(k >> 8) || row >= NAS_MSG_MAX_ROWS ||
	    !m->slot[row])
		return NULL;
	return &m->ie[m->slot[row] - 1];
}

bool nas_ie_byte(const struct nas_msg *m, enum nas_ie_key k, uint8_t *v)
{
	const struct nas_ie *ie = nas_ie(m, k);

	if (!ie || !ie->len)
		return false;
	*v = ie->val[0];
	return true;
}

void nas_msg_reindex(struct nas_msg *m)
{
	memset(m->slot, 0, sizeof(m->slot));
	for (unsigned int i = 0; i < m->n_ie; i++)
		slot_set(m, i);
}

const struct nas_ie *nas_ie_get(const struct nas_msg *m, const char *name)
{
	for (unsigned int i = 0; i < m->n_ie; i++)
		if (m->ie[i].d && !m->ie[i].ignored && !strcmp(m->ie[i].d->name, name))
			return &m->ie[i];
	return NULL;
}

int nas_ie_u8(const struct nas_msg *m, const char *name)
{
	const struct nas_ie *ie = nas_ie_get(m, name);

	return ie && ie->len >= 1 ? ie->val[0] : -1;
}

/* ---------------------------------------------------- security header --- */

int nas_sec_hdr_decode(struct nas_sec_hdr *h, const uint8_t *buf, size_t len,
		       struct nas_err *err)
{
	memset(h, 0, sizeof(*h));
	if (len < 1) {
		nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY, "NAS message: empty");
		return -1;
	}
	h->pd = buf[0] & 15;
	h->sht = buf[0] >> 4;
	if (h->pd != NAS_PD_EMM || h->sht == NAS_SHT_PLAIN || h->sht >= NAS_SHT_SERVICE_REQUEST)
		return 0;
	if (h->sht > NAS_SHT_INTEGRITY_PARTIALLY_CIPHERED) {
		nas_errf(err, 0, NAS_CAUSE_SEMANTIC,
			 "Security protected NAS message: security header type %u is reserved",
			 h->sht);
		return -1;
	}
	if (len < 6) {
		nas_errf(err, len, NAS_CAUSE_INVALID_MANDATORY,
			 "Security protected NAS message: %zu octets, the header needs 6", len);
		return -1;
	}
	h->mac = (uint32_t)buf[1] << 24 | (uint32_t)buf[2] << 16 | (uint32_t)buf[3] << 8 | buf[4];
	h->sqn = buf[5];
	h->inner = buf + 6;
	h->inner_len = len - 6;
	return 1;
}

int nas_sec_hdr_encode(const struct nas_sec_hdr *h, uint8_t *out, size_t max,
		       struct nas_err *err)
{
	if (h->sht < 1 || h->sht > NAS_SHT_INTEGRITY_PARTIALLY_CIPHERED) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
			 "Security protected NAS message: security header type %u not in 1..5",
			 h->sht);
		return -1;
	}
	if (max < 6 || max - 6 < h->inner_len || h->inner_len > 65535) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
			 "Security protected NAS message: %zu octets do not fit in %zu",
			 h->inner_len + 6, max);
		return -1;
	}
	out[0] = (uint8_t)(h->sht << 4 | NAS_PD_EMM);
	out[1] = (uint8_t)(h->mac >> 24);
	out[2] = (uint8_t)(h->mac >> 16);
	out[3] = (uint8_t)(h->mac >> 8);
	out[4] = (uint8_t)h->mac;
	out[5] = h->sqn;
	if (h->inner_len)
		memmove(out + 6, h->inner, h->inner_len);
	return (int)(h->inner_len + 6);
}
