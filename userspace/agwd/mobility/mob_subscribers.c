// SPDX-License-Identifier: GPL-2.0
/*
 * Static addresses: the subscriber profiles decide them, the mobility pools
 * reserve them. Checked before a profile is written (agwd_static_check,
 * the subscriber store's APN hook), applied after (agwd_static_update), and
 * rebuilt from the whole store at start and after an import.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "agwd/agwd.h"
#include "agwd/mobility/mobility.h"
#include "agwd/subscriber/subscriber.h"
#include "lib/log.h"

int agwd_static_check(void *arg, const char *imsi, const struct sub_apn *apn, char *msg,
		      size_t size)
{
	struct agwd *d = arg;
	int ret;

	if (!agw_config_apn(&d->cfg, apn->name)) {
		snprintf(msg, size, "APN %s is not configured", apn->name);
		return -ENOENT;
	}
	if (apn->has_ipv4) {
		ret = mob_check_static(d->mob, imsi, apn->name, AF_INET, &apn->ipv4, msg, size);
		if (ret)
			return ret;
	}
	if (apn->has_ipv6)
		return mob_check_static(d->mob, imsi, apn->name, AF_INET6, &apn->ipv6, msg, size);
	return 0;
}

static int reserve_record(struct agwd *d, const struct sub_record *r)
{
	int ret = 0;

	for (unsigned int i = 0; i < r->n_apns; i++) {
		const struct sub_apn *a = &r->apns[i];

		if (!a->has_ipv4 && !a->has_ipv6)
			continue;
		if (mob_reserve_static(d->mob, r->imsi, a->name, a->has_ipv4 ? &a->ipv4 : NULL,
				       a->has_ipv6 ? &a->ipv6 : NULL)) {
			log_warn("mobility", "static address of %s on APN %s not reserved: %s",
				 r->imsi, a->name, mob_error(d->mob));
			ret = -EADDRINUSE;
		}
	}
	return ret;
}

int agwd_static_update(struct agwd *d, const char *imsi, const struct sub_record *old_rec,
		       const struct sub_record *new_rec)
{
	for (unsigned int i = 0; old_rec && i < old_rec->n_apns; i++)
		mob_unreserve_static(d->mob, imsi, old_rec->apns[i].name);
	return new_rec ? reserve_record(d, new_rec) : 0;
}

struct sync_ctx {
	struct agwd *d;
	char last[SUB_IMSI_MAX + 1];
};

static int sync_one(void *arg, const struct sub_record *r)
{
	struct sync_ctx *c = arg;

	reserve_record(c->d, r);
	memcpy(c->last, r->imsi, sizeof(c->last));
	return 0;
}

int agwd_static_sync(struct agwd *d)
{
	struct sync_ctx c = { .d = d };
	unsigned int n;

	mob_unreserve_all(d->mob);
	do {
		char after[SUB_IMSI_MAX + 1];
		int ret;

		memcpy(after, c.last, sizeof(after));
		ret = sub_list(d->subs, after, 1000, sync_one, &c, &n);
		if (ret)
			return ret;
	} while (n == 1000);
	return 0;
}
