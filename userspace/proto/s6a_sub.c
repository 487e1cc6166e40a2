// SPDX-License-Identifier: GPL-2.0
/*
 * S6a Subscription-Data (TS 29.272 7.3.2) to and from struct
 * s6a_subscription: MSISDN (TBCD), Subscriber-Status, Network-Access-Mode,
 * Access-Restriction-Data, UE-AMBR, the periodic TAU timer, and the
 * APN-Configuration-Profile with each APN's PDN type, QCI/ARP, APN-AMBR
 * and static addresses.  IDR merges into a stored profile, DSR withdraws
 * from it.
 */
#include <stdio.h>
#include <string.h>

#include "proto/diameter_avp.h"
#include "proto/s6a.h"

#define FAIL(...) (snprintf(err, size, __VA_ARGS__), -1)

static int get_ambr(const struct dia_msg *m, int parent, uint32_t *ul, uint32_t *dl)
{
	int g = dia_get(m, parent, DA_AMBR);

	if (g < 0)
		return 1;
	if (dia_get_u32(m, g, DA_MAX_REQUESTED_BANDWIDTH_UL, ul) ||
	    dia_get_u32(m, g, DA_MAX_REQUESTED_BANDWIDTH_DL, dl))
		return -1;
	return 0;
}

static int get_apn(const struct dia_msg *m, int g, struct s6a_apn *a, char *err, size_t size)
{
	uint32_t v;
	int q, r;

	memset(a, 0, sizeof(*a));
	if (dia_get_u32(m, g, DA_CONTEXT_IDENTIFIER, &a->context_id))
		return FAIL("APN-Configuration without Context-Identifier");
	if (dia_get_str(m, g, DA_SERVICE_SELECTION, a->apn, sizeof(a->apn)))
		return FAIL("APN-Configuration %u: no valid Service-Selection", a->context_id);
	if (dia_get_u32(m, g, DA_PDN_TYPE, &a->pdn_type) || a->pdn_type > S6A_PDN_IPV4_OR_IPV6)
		return FAIL("APN %s: no valid PDN-Type", a->apn);
	q = dia_get(m, g, DA_EPS_SUBSCRIBED_QOS_PROFILE);
	if (q >= 0) {
		if (dia_get_u32(m, q, DA_QOS_CLASS_IDENTIFIER, &v) || v < 1 || v > 254)
			return FAIL("APN %s: no valid QoS-Class-Identifier", a->apn);
		a->qci = (uint8_t)v;
		if (dia_app_get_arp(m, q, &a->arp))
			return FAIL("APN %s: no valid Allocation-Retention-Priority", a->apn);
	}
	r = get_ambr(m, g, &a->ambr_ul, &a->ambr_dl);
	if (r < 0)
		return FAIL("APN %s: AMBR without both bandwidths", a->apn);
	a->has_ambr = r == 0;
	for (int i = dia_get(m, g, DA_SERVED_PARTY_IP_ADDRESS); i >= 0;
	     i = dia_get_next(m, i, DA_SERVED_PARTY_IP_ADDRESS)) {
		uint16_t fam;
		const uint8_t *ad;
		size_t len;

		if (dia_avp_address(&m->avps[i], &fam, &ad, &len))
			continue;
		if (fam == 1 && len == 4) {
			memcpy(a->ipv4, ad, 4);
			a->has_ipv4 = true;
		} else if (fam == 2 && len == 16) {
			memcpy(a->ipv6, ad, 16);
			a->has_ipv6 = true;
		}
	}
	a->vplmn_dynamic_allowed = !dia_get_u32(m, g, DA_VPLMN_DYNAMIC_ADDRESS_ALLOWED, &v) &&
				   v == 1;
	return 0;
}

int s6a_subscription_get(const struct dia_msg *m, int parent, struct s6a_subscription *s,
			 char *err, size_t size)
{
	int g = dia_get(m, parent, DA_SUBSCRIPTION_DATA), p, r;
	const uint8_t *d;
	size_t len;
	uint32_t v;

	memset(s, 0, sizeof(*s));
	if (g < 0)
		return 1;
	if (!dia_get_bytes(m, g, DA_MSISDN, &d, &len)) {
		if (dia_tbcd_decode(d, len, s->msisdn, sizeof(s->msisdn)) <= 0)
			return FAIL("MSISDN is not TBCD digits");
		s->has_msisdn = true;
	}
	s->has_status = !dia_get_u32(m, g, DA_SUBSCRIBER_STATUS, &s->subscriber_status);
	s->has_nam = !dia_get_u32(m, g, DA_NETWORK_ACCESS_MODE, &s->network_access_mode);
	s->has_ard = !dia_get_u32(m, g, DA_ACCESS_RESTRICTION_DATA, &s->access_restriction);
	s->has_tau_timer = !dia_get_u32(m, g, DA_SUBSCRIBED_PERIODIC_RAU_TAU_TIMER,
					&s->tau_timer);
	r = get_ambr(m, g, &s->ambr_ul, &s->ambr_dl);
	if (r < 0)
		return FAIL("AMBR without both bandwidths");
	s->has_ambr = r == 0;
	p = dia_get(m, g, DA_APN_CONFIGURATION_PROFILE);
	if (p < 0)
		return 0;
	s->has_apn_profile = true;
	if (dia_get_u32(m, p, DA_CONTEXT_IDENTIFIER, &s->default_context_id))
		return FAIL("APN-Configuration-Profile without Context-Identifier");
	s->all_apn_included =
		dia_get_u32(m, p, DA_ALL_APN_CONFIGURATIONS_INCLUDED_INDICATOR, &v) || v == 0;
	for (int i = dia_get(m, p, DA_APN_CONFIGURATION); i >= 0;
	     i = dia_get_next(m, i, DA_APN_CONFIGURATION)) {
		if (s->n_apn == S6A_MAX_APN)
			return FAIL("more than %d APN configurations", S6A_MAX_APN);
		if (get_apn(m, i, &s->apn[s->n_apn], err, size))
			return -1;
		s->n_apn++;
	}
	return 0;
}

const struct s6a_apn *s6a_default_apn(const struct s6a_subscription *s)
{
	for (int i = 0; i < s->n_apn; i++)
		if (s->apn[i].context_id == s->default_context_id)
			return &s->apn[i];
	return NULL;
}

static void put_ambr(struct dia_builder *b, uint32_t ul, uint32_t dl)
{
	dia_add_group(b, DA_AMBR);
	dia_add_u32(b, DA_MAX_REQUESTED_BANDWIDTH_UL, ul);
	dia_add_u32(b, DA_MAX_REQUESTED_BANDWIDTH_DL, dl);
	dia_build_group_end(b);
}

static void put_apn(struct dia_builder *b, const struct s6a_apn *a)
{
	dia_add_group(b, DA_APN_CONFIGURATION);
	dia_add_u32(b, DA_CONTEXT_IDENTIFIER, a->context_id);
	if (a->has_ipv4)
		dia_add_address(b, DA_SERVED_PARTY_IP_ADDRESS, 1, a->ipv4, 4);
	if (a->has_ipv6)
		dia_add_address(b, DA_SERVED_PARTY_IP_ADDRESS, 2, a->ipv6, 16);
	dia_add_u32(b, DA_PDN_TYPE, a->pdn_type);
	dia_add_str(b, DA_SERVICE_SELECTION, a->apn);
	if (a->qci) {
		dia_add_group(b, DA_EPS_SUBSCRIBED_QOS_PROFILE);
		dia_add_u32(b, DA_QOS_CLASS_IDENTIFIER, a->qci);
		dia_app_put_arp(b, &a->arp);
		dia_build_group_end(b);
	}
	if (a->vplmn_dynamic_allowed)
		dia_add_u32(b, DA_VPLMN_DYNAMIC_ADDRESS_ALLOWED, 1);
	if (a->has_ambr)
		put_ambr(b, a->ambr_ul, a->ambr_dl);
	dia_build_group_end(b);
}

void s6a_put_subscription(struct dia_builder *b, const struct s6a_subscription *s)
{
	uint8_t tbcd[8];
	int n;

	dia_add_group(b, DA_SUBSCRIPTION_DATA);
	if (s->has_status)
		dia_add_u32(b, DA_SUBSCRIBER_STATUS, s->subscriber_status);
	if (s->has_msisdn && (n = dia_tbcd_encode(s->msisdn, tbcd, sizeof(tbcd))) > 0)
		dia_add_bytes(b, DA_MSISDN, tbcd, (size_t)n);
	if (s->has_nam)
		dia_add_u32(b, DA_NETWORK_ACCESS_MODE, s->network_access_mode);
	if (s->has_ard)
		dia_add_u32(b, DA_ACCESS_RESTRICTION_DATA, s->access_restriction);
	if (s->has_ambr)
		put_ambr(b, s->ambr_ul, s->ambr_dl);
	if (s->has_apn_profile) {
		dia_add_group(b, DA_APN_CONFIGURATION_PROFILE);
		dia_add_u32(b, DA_CONTEXT_IDENTIFIER, s->default_context_id);
		dia_add_u32(b, DA_ALL_APN_CONFIGURATIONS_INCLUDED_INDICATOR,
			    s->all_apn_included ? 0 : 1);
		for (int i = 0; i < s->n_apn; i++)
			put_apn(b, &s->apn[i]);
		dia_build_group_end(b);
	}
	if (s->has_tau_timer)
		dia_add_u32(b, DA_SUBSCRIBED_PERIODIC_RAU_TAU_TIMER, s->tau_timer);
	dia_build_group_end(b);
}

static struct s6a_apn *apn_by_id(struct s6a_subscription *s, uint32_t id)
{
	for (int i = 0; i < s->n_apn; i++)
		if (s->apn[i].context_id == id)
			return &s->apn[i];
	return NULL;
}

/*
 * TS 29.272 5.2.2.1.2: IDR replaces the parts it carries; its APN
 * profile replaces the stored one when All-APN-Configurations-Included,
 * else adds or modifies APNs by Context-Identifier.
 */
void s6a_subscription_merge(struct s6a_subscription *d, const struct s6a_subscription *s)
{
	if (s->has_msisdn) {
		d->has_msisdn = true;
		memcpy(d->msisdn, s->msisdn, sizeof(d->msisdn));
	}
	if (s->has_status) {
		d->has_status = true;
		d->subscriber_status = s->subscriber_status;
	}
	if (s->has_nam) {
		d->has_nam = true;
		d->network_access_mode = s->network_access_mode;
	}
	if (s->has_ard) {
		d->has_ard = true;
		d->access_restriction = s->access_restriction;
	}
	if (s->has_ambr) {
		d->has_ambr = true;
		d->ambr_ul = s->ambr_ul;
		d->ambr_dl = s->ambr_dl;
	}
	if (s->has_tau_timer) {
		d->has_tau_timer = true;
		d->tau_timer = s->tau_timer;
	}
	if (!s->has_apn_profile)
		return;
	if (s->all_apn_included || !d->has_apn_profile)
		d->n_apn = 0;
	d->has_apn_profile = true;
	d->default_context_id = s->default_context_id;
	for (int i = 0; i < s->n_apn; i++) {
		struct s6a_apn *a = apn_by_id(d, s->apn[i].context_id);

		if (!a && d->n_apn < S6A_MAX_APN)
			a = &d->apn[d->n_apn++];
		if (a)
			*a = s->apn[i];
	}
}

void s6a_subscription_withdraw(struct s6a_subscription *s, const struct s6a_dsr *r)
{
	if (r->flags & S6A_DSR_COMPLETE_APN_WITHDRAWAL) {
		s->n_apn = 0;
		s->has_apn_profile = false;
	}
	if (r->flags & S6A_DSR_PDN_CONTEXTS_WITHDRAWAL) {
		for (int k = 0; k < r->n_context_ids; k++) {
			for (int i = 0; i < s->n_apn; i++) {
				if (s->apn[i].context_id != r->context_ids[k])
					continue;
				memmove(&s->apn[i], &s->apn[i + 1],
					sizeof(s->apn[0]) * (size_t)(s->n_apn - i - 1));
				s->n_apn--;
				break;
			}
		}
	}
	if (r->flags & S6A_DSR_PERIODIC_TAU_WITHDRAWAL)
		s->has_tau_timer = false;
}
