// SPDX-License-Identifier: GPL-2.0
/*
 * ESM IE value codecs: EPS QoS (24.301 9.9.4.3), APN-AMBR (9.9.4.2), APN
 * (9.9.4.1), PDN address (9.9.4.9) and the traffic flow template (24.008
 * 10.5.6.12).
 */
#include <string.h>

#include "proto/nas_tab.h"

static int len_err(struct nas_err *err, const char *what, size_t len)
{
	nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY, "%s: value length %zu is not valid", what,
		 len);
	return -1;
}

static int space_err(struct nas_err *err, const char *what)
{
	nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "%s: does not fit the output", what);
	return -1;
}

/* -------------------------------------------------------- bit rates --- */

/* Base octet (24.301 9.9.4.3 octets 3-6, 24.008 10.5.6.5):
 * 1-63 kbit/s in 1 kbit/s steps, 64-568 in 8, 576-8640 in 64, 0xff = 0. */
static uint64_t rate_base(uint8_t b)
{
	if (b == 0xff || b == 0)
		return 0;
	if (b < 64)
		return b;
	if (b < 128)
		return 64 + (uint64_t)(b - 64) * 8;
	return 576 + (uint64_t)(b - 128) * 64;
}

/* Extended octet: 8700-16000 kbit/s in 100, 17-128 Mbit/s in 1, 130-256 in 2 */
static uint64_t rate_ext(uint8_t e)
{
	if (e <= 74)
		return 8600 + (uint64_t)e * 100;
	if (e <= 186)
		return (16 + (uint64_t)(e - 74)) * 1000;
	if (e <= 250)
		return (128 + (uint64_t)(e - 186) * 2) * 1000;
	return 256000;
}

/* EPS QoS extended-2 octet: 260-500 Mbit/s in 4, 510-1500 in 10, 1600-10000
 * in 100 */
static uint64_t rate_ext2(uint8_t e)
{
	if (e <= 61)
		return (256 + (uint64_t)e * 4) * 1000;
	if (e <= 161)
		return (500 + (uint64_t)(e - 61) * 10) * 1000;
	if (e <= 246)
		return (1500 + (uint64_t)(e - 161) * 100) * 1000;
	return 10000000;
}

/* kbit/s (at most 256 Mbit/s) -> base and extended octets, rounding down */
static void enc_rate(uint64_t k, uint8_t *base, uint8_t *ext)
{
	*ext = 0;
	if (k == 0)
		*base = 0xff;
	else if (k < 64)
		*base = (uint8_t)k;
	else if (k < 576)
		*base = (uint8_t)(64 + (k - 64) / 8);
	else if (k <= 8640)
		*base = (uint8_t)(128 + (k - 576) / 64);
	else {
		*base = 0xfe;
		if (k <= 16000)
			*ext = (uint8_t)((k - 8600) / 100);
		else if (k <= 128000)
			*ext = (uint8_t)(74 + k / 1000 - 16);
		else
			*ext = (uint8_t)(186 + (k / 1000 - 128) / 2);
	}
}

static uint8_t enc_ext2(uint64_t k)
{
	uint64_t m = k / 1000;

	if (m <= 500)
		return (uint8_t)((m - 256) / 4);
	if (m <= 1500)
		return (uint8_t)(61 + (m - 500) / 10);
	if (m <= 10000)
		return (uint8_t)(161 + (m - 1500) / 100);
	return 246;
}

/* ---------------------------------------------------------- EPS QoS --- */

/* value: QCI | MBR UL, DL | GBR UL, DL | ext x4 | ext2 x4 */
int nas_eps_qos_dec(struct nas_eps_qos *q, const uint8_t *v, size_t len, struct nas_err *err)
{
	uint64_t *r[4] = { &q->mbr_ul, &q->mbr_dl, &q->gbr_ul, &q->gbr_dl };

	memset(q, 0, sizeof(*q));
	if (len != 1 && len != 5 && len != 9 && len != 13)
		return len_err(err, "EPS quality of service", len);
	q->qci = v[0];
	q->n_octets = (uint8_t)len;
	for (int i = 0; len > 1 && i < 4; i++) {
		*r[i] = rate_base(v[1 + i]);
		if (len > 5 && v[5 + i])
			*r[i] = rate_ext(v[5 + i]);
		if (len > 9 && v[9 + i])
			*r[i] = rate_ext2(v[9 + i]);
	}
	return 0;
}

int nas_eps_qos_enc(const struct nas_eps_qos *q, uint8_t *out, size_t max, struct nas_err *err)
{
	const uint64_t r[4] = { q->mbr_ul, q->mbr_dl, q->gbr_ul, q->gbr_dl };
	size_t n = q->n_octets > 9 ? 13 : q->n_octets > 5 ? 9 : q->n_octets > 1 ? 5 : 1;

	for (int i = 0; i < 4; i++) {
		if (r[i] > 256000 && n < 13)
			n = 13;
		else if (r[i] > 8640 && n < 9)
			n = 9;
		else if (r[i] && n < 5)
			n = 5;
	}
	if (max < n)
		return space_err(err, "EPS quality of service");
	memset(out, 0, n);
	out[0] = q->qci;
	for (int i = 0; n > 1 && i < 4; i++) {
		uint8_t b, e;

		enc_rate(r[i] > 256000 ? 256000 : r[i], &b, &e);
		out[1 + i] = b;
		if (n > 5)
			out[5 + i] = e;
		if (n > 9 && r[i] > 256000)
			out[9 + i] = enc_ext2(r[i]);
	}
	return (int)n;
}

static int qos_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return nas_eps_qos_dec(st, v, len, err);
}

static int qos_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return nas_eps_qos_enc(st, out, max, err);
}

static const struct nas_field qos_fields[] = {
	F_U8A(struct nas_eps_qos, qci, "QCI"),
	F_U8A(struct nas_eps_qos, n_octets, "octets"),
	F_U64(struct nas_eps_qos, mbr_ul, "MBR uplink (kbit/s)"),
	F_U64(struct nas_eps_qos, mbr_dl, "MBR downlink (kbit/s)"),
	F_U64(struct nas_eps_qos, gbr_ul, "GBR uplink (kbit/s)"),
	F_U64(struct nas_eps_qos, gbr_dl, "GBR downlink (kbit/s)"),
	F_END
};

const struct nas_vcodec nas_vc_eps_qos = {
	"EPS quality of service", sizeof(struct nas_eps_qos), qos_dec, qos_enc, qos_fields, NULL
};

/* --------------------------------------------------------- APN-AMBR --- */

/* value: DL | UL | DL ext | UL ext | DL ext2 | UL ext2; ext2 adds
 * n * 256 Mbit/s to the rate of the other two octets (9.9.4.2). */
int nas_apn_ambr_dec(struct nas_apn_ambr *a, const uint8_t *v, size_t len, struct nas_err *err)
{
	uint64_t *r[2] = { &a->dl, &a->ul };

	memset(a, 0, sizeof(*a));
	if (len != 2 && len != 4 && len != 6)
		return len_err(err, "APN aggregate maximum bit rate", len);
	a->n_octets = (uint8_t)len;
	for (int i = 0; i < 2; i++) {
		*r[i] = rate_base(v[i]);
		if (len > 2 && v[2 + i])
			*r[i] = rate_ext(v[2 + i]);
		if (len > 4 && v[4 + i])
			*r[i] += (uint64_t)v[4 + i] * 256000;
	}
	return 0;
}

int nas_apn_ambr_enc(const struct nas_apn_ambr *a, uint8_t *out, size_t max,
		     struct nas_err *err)
{
	const uint64_t r[2] = { a->dl, a->ul };
	size_t n = a->n_octets > 4 ? 6 : a->n_octets > 2 ? 4 : 2;

	for (int i = 0; i < 2; i++) {
		if (r[i] > 256000 && n < 6)
			n = 6;
		else if (r[i] > 8640 && n < 4)
			n = 4;
		if (r[i] > 254ull * 256000 + 256000) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
				 "APN-AMBR: %llu kbit/s is beyond 65280 Mbit/s",
				 (unsigned long long)r[i]);
			return -1;
		}
	}
	if (max < n)
		return space_err(err, "APN-AMBR");
	memset(out, 0, n);
	for (int i = 0; i < 2; i++) {
		uint64_t k = r[i], hi = k > 256000 ? (k - 1) / 256000 : 0;
		uint8_t b, e;

		enc_rate(k - hi * 256000, &b, &e);
		out[i] = b;
		if (n > 2)
			out[2 + i] = e;
		if (n > 4)
			out[4 + i] = (uint8_t)hi;
	}
	return (int)n;
}

static int ambr_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return nas_apn_ambr_dec(st, v, len, err);
}

static int ambr_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return nas_apn_ambr_enc(st, out, max, err);
}

static const struct nas_field ambr_fields[] = {
	F_U8A(struct nas_apn_ambr, n_octets, "octets"),
	F_U64A(struct nas_apn_ambr, dl, "APN-AMBR downlink (kbit/s)"),
	F_U64A(struct nas_apn_ambr, ul, "APN-AMBR uplink (kbit/s)"),
	F_END
};

const struct nas_vcodec nas_vc_apn_ambr = {
	"APN aggregate maximum bit rate", sizeof(struct nas_apn_ambr), ambr_dec, ambr_enc,
	ambr_fields, NULL
};

/* -------------------------------------------------------------- APN --- */

/* Labels, each preceded by its length (23.003 9.1) */
int nas_apn_dec(struct nas_apn *a, const uint8_t *v, size_t len, struct nas_err *err)
{
	size_t o = 0, n = 0;

	memset(a, 0, sizeof(*a));
	if (len < 1 || len > 100)
		return len_err(err, "Access point name", len);
	while (o < len) {
		size_t l = v[o];

		if (l == 0 || l > len - o - 1) {
			nas_errf(err, o, NAS_CAUSE_INVALID_MANDATORY,
				 "Access point name: label length %zu at octet %zu runs past %zu",
				 l, o, len);
			return -1;
		}
		if (n)
			a->name[n++] = '.';
		for (size_t i = 0; i < l; i++) {
			uint8_t c = v[o + 1 + i];

			if (c == '.' || c < 0x21 || c > 0x7e) {
				nas_errf(err, o + 1 + i, NAS_CAUSE_INVALID_MANDATORY,
					 "Access point name: octet 0x%02x at %zu is not a label "
					 "character", c, o + 1 + i);
				return -1;
			}
			a->name[n++] = (char)c;
		}
		o += l + 1;
	}
	return 0;
}

int nas_apn_enc(const struct nas_apn *a, uint8_t *out, size_t max, struct nas_err *err)
{
	size_t n = strnlen(a->name, sizeof(a->name)), o = 0, start = 0;

	if (n == 0 || n + 1 > max || n + 1 > 100) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
			 "Access point name: \"%s\" is empty or longer than 99 characters", a->name);
		return -1;
	}
	for (size_t i = 0; i <= n; i++) {
		if (i < n && a->name[i] != '.')
			continue;
		if (i == start || i - start > 63) {
			nas_errf(err, 0, NAS_CAUSE_PROTOCOL,
				 "Access point name: \"%s\" has an empty or too long label", a->name);
			return -1;
		}
		out[o++] = (uint8_t)(i - start);
		memcpy(out + o, a->name + start, i - start);
		o += i - start;
		start = i + 1;
	}
	return (int)o;
}

static int apn_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return nas_apn_dec(st, v, len, err);
}

static int apn_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return nas_apn_enc(st, out, max, err);
}

static const struct nas_field apn_fields[] = {
	F_STR(struct nas_apn, name, "APN"),
	F_END
};

const struct nas_vcodec nas_vc_apn = {
	"Access point name", sizeof(struct nas_apn), apn_dec, apn_enc, apn_fields, NULL
};

/* ------------------------------------------------------ PDN address --- */

int nas_pdn_addr_dec(struct nas_pdn_addr *p, const uint8_t *v, size_t len, struct nas_err *err)
{
	memset(p, 0, sizeof(*p));
	if (len < 1)
		return len_err(err, "PDN address", len);
	p->type = v[0] & 7;
	switch (p->type) {
	case NAS_PDN_IPV4:
		if (len != 5)
			break;
		memcpy(p->ipv4, v + 1, 4);
		return 0;
	case NAS_PDN_IPV6:
		if (len != 9)
			break;
		p->iid_len = 8;
		memcpy(p->iid, v + 1, 8);
		return 0;
	case NAS_PDN_IPV4V6:
		if (len != 13)
			break;
		p->iid_len = 8;
		memcpy(p->iid, v + 1, 8);
		memcpy(p->ipv4, v + 9, 4);
		return 0;
	case NAS_PDN_NON_IP:
		if (len == 1)
			return 0;
		break;
	}
	nas_errf(err, 0, NAS_CAUSE_INVALID_MANDATORY,
		 "PDN address: type %u with %zu octets of address", p->type, len - 1);
	return -1;
}

int nas_pdn_addr_enc(const struct nas_pdn_addr *p, uint8_t *out, size_t max,
		     struct nas_err *err)
{
	size_t n = p->type == NAS_PDN_IPV4 ? 5 : p->type == NAS_PDN_IPV6 ? 9 :
		   p->type == NAS_PDN_IPV4V6 ? 13 : 1;

	if (p->type == 0 || p->type == 4 || p->type > 5) {
		nas_errf(err, 0, NAS_CAUSE_PROTOCOL, "PDN address: PDN type %u", p->type);
		return -1;
	}
	if (max < n)
		return space_err(err, "PDN address");
	out[0] = p->type;
	if (p->type == NAS_PDN_IPV4)
		memcpy(out + 1, p->ipv4, 4);
	if (p->type == NAS_PDN_IPV6 || p->type == NAS_PDN_IPV4V6)
		memcpy(out + 1, p->iid, 8);
	if (p->type == NAS_PDN_IPV4V6)
		memcpy(out + 9, p->ipv4, 4);
	return (int)n;
}

static int pdn_dec(void *st, const uint8_t *v, size_t len, struct nas_err *err)
{
	return nas_pdn_addr_dec(st, v, len, err);
}

static int pdn_enc(const void *st, uint8_t *out, size_t max, struct nas_err *err)
{
	return nas_pdn_addr_enc(st, out, max, err);
}

static const struct nas_field pdn_fields[] = {
	F_U8A(struct nas_pdn_addr, type, "PDN type value"),
	F_IP4(struct nas_pdn_addr, ipv4, "IPv4 address"),
	F_HEX(struct nas_pdn_addr, iid, iid_len, "IPv6 interface identifier"),
	F_END
};

const struct nas_vcodec nas_vc_pdn_addr = {
	"PDN address", sizeof(struct nas_pdn_addr), pdn_dec, pdn_enc, pdn_fields, NULL
};
