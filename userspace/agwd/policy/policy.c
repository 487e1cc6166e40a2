// SPDX-License-Identifier: GPL-2.0
/*
 * Policy rules: storage (memory hash by IMSI + the state database) and
 * their application as dedicated bearers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sqlite3.h>

#include "agwd/agwd.h"
#include "agwd/nas/emm.h"
#include "agwd/policy/policy.h"
#include "agwd/session/session.h"
#include "agwd/state/state.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"

#define MOD "policy"
#define BUCKETS 4096

struct policy {
	struct agwd *d;
	struct policy_rule *b[BUCKETS];
	size_t count;
};

static unsigned int bucket(const char *imsi)
{
	unsigned int h = 5381;

	for (; *imsi; imsi++)
		h = h * 33 + (unsigned char)*imsi;
	return h % BUCKETS;
}

int policy_new(struct agwd *d, struct policy **out)
{
	struct policy *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	p->d = d;
	*out = p;
	return 0;
}

void policy_free(struct policy *p)
{
	if (!p)
		return;
	for (unsigned int i = 0; i < BUCKETS; i++)
		for (struct policy_rule *r = p->b[i], *next; r; r = next) {
			next = r->next;
			free(r);
		}
	free(p);
}

static struct policy_rule **find(struct policy *p, const char *imsi, const char *name)
{
	struct policy_rule **r = &p->b[bucket(imsi)];

	while (*r && (strcmp((*r)->imsi, imsi) || strcmp((*r)->name, name)))
		r = &(*r)->next;
	return r;
}

const struct policy_rule *policy_get(const struct agwd *d, const char *imsi, const char *name)
{
	return *find(d->pol, imsi, name);
}

static int db_put(struct agwd *d, const struct policy_rule *r)
{
	sqlite3 *db = d->state ? (sqlite3 *)state_sqlite(d->state) : NULL;
	sqlite3_stmt *s;
	int rc;

	if (!db)
		return 0;
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO policy (imsi, apn, name, qci, arp, "
			       "gbr_ul, gbr_dl, mbr_ul, mbr_dl, tft) VALUES (?,?,?,?,?,?,?,?,?,?)",
			       -1, &s, NULL))
		return -EIO;
	sqlite3_bind_text(s, 1, r->imsi, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, r->apn, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, r->qci);
	sqlite3_bind_int(s, 5, r->arp);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)r->gbr_ul);
	sqlite3_bind_int64(s, 7, (sqlite3_int64)r->gbr_dl);
	sqlite3_bind_int64(s, 8, (sqlite3_int64)r->mbr_ul);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)r->mbr_dl);
	sqlite3_bind_text(s, 10, r->tft_text, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -EIO;
}

static void db_del(struct agwd *d, const char *imsi, const char *name)
{
	sqlite3 *db = d->state ? (sqlite3 *)state_sqlite(d->state) : NULL;
	sqlite3_stmt *s;

	if (!db || sqlite3_prepare_v2(db, "DELETE FROM policy WHERE imsi = ? AND name = ?", -1,
				      &s, NULL))
		return;
	sqlite3_bind_text(s, 1, imsi, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	sqlite3_step(s);
	sqlite3_finalize(s);
}

static int check(const struct agwd *d, struct policy_rule *r, char *err, size_t size)
{
	if (strlen(r->imsi) < 6 || strspn(r->imsi, "0123456789") != strlen(r->imsi))
		return snprintf(err, size, "imsi: \"%s\" is not an IMSI", r->imsi), -EINVAL;
	if (!agw_config_apn(&d->cfg, r->apn))
		return snprintf(err, size, "apn: \"%s\" is not configured", r->apn), -EINVAL;
	if (!r->name[0])
		return snprintf(err, size, "name: empty"), -EINVAL;
	if (r->qci < 1 || r->qci > 9)
		return snprintf(err, size, "qci: %u is not 1..9", r->qci), -EINVAL;
	if (r->arp < 1 || r->arp > 15)
		return snprintf(err, size, "arp: %u is not 1..15", r->arp), -EINVAL;
	if (r->qci <= 4 && (!r->gbr_ul || !r->gbr_dl))
		return snprintf(err, size, "qci %u is a GBR QCI: gbr-ul and gbr-dl needed", r->qci),
		       -EINVAL;
	if (r->gbr_ul > r->mbr_ul || r->gbr_dl > r->mbr_dl)
		return snprintf(err, size, "gbr above mbr"), -EINVAL;
	return tft_parse(r->tft_text, &r->tft, err, size) ? -EINVAL : 0;
}

static int pdn_of(const struct agwd *d, const struct ue *ue, const char *apn)
{
	for (int i = 0; i < UE_MAX_PDN; i++)
		if (ue->pdn[i].used && !strcasecmp(sess_apn_name(d, &ue->pdn[i]), apn))
			return i;
	return -1;
}

static bool has_bearer(const struct ue *ue, const char *name)
{
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		if (ue->br[i].ebi && !strcmp(ue->br[i].policy, name))
			return true;
	return false;
}

static int apply(struct agwd *d, struct ue *ue, const struct policy_rule *r)
{
	int pdn = pdn_of(d, ue, r->apn);

	if (pdn < 0 || has_bearer(ue, r->name) || ue->emm != EMM_REGISTERED)
		return 0;
	return esm_dedicated_activate(d, ue, (unsigned int)pdn, r->name, r->qci, r->arp,
				      r->mbr_ul, r->mbr_dl, r->gbr_ul, r->gbr_dl, &r->tft);
}

void policy_apply_ue(struct agwd *d, struct ue *ue)
{
	for (struct policy_rule *r = d->pol->b[bucket(ue->imsi)]; r; r = r->next)
		if (!strcmp(r->imsi, ue->imsi) && pdn_of(d, ue, r->apn) >= 0 &&
		    !has_bearer(ue, r->name)) {
			apply(d, ue, r);
			return;		/* one ESM procedure at a time */
		}
}

static int insert(struct policy *p, struct policy_rule *r)
{
	struct policy_rule **slot = find(p, r->imsi, r->name), *n;

	if (*slot)
		return -EEXIST;
	n = malloc(sizeof(*n));
	if (!n)
		return -ENOMEM;
	*n = *r;
	n->next = NULL;
	*slot = n;
	p->count++;
	return 0;
}

int policy_add(struct agwd *d, struct policy_rule *r, char *err, size_t size)
{
	struct ue *ue;
	int ret = check(d, r, err, size);

	if (ret)
		return ret;
	ret = insert(d->pol, r);
	if (ret == -EEXIST)
		snprintf(err, size, "rule %s of %s exists", r->name, r->imsi);
	if (ret)
		return ret;
	if (db_put(d, r))
		log_err(MOD, "rule %s of %s not persisted", r->name, r->imsi);
	ue = ue_by_imsi(d->ues, r->imsi);
	if (ue && ue_connected(ue) && ue->ctx_setup && apply(d, ue, *find(d->pol, r->imsi, r->name)))
		log_info(MOD, "%s: rule %s applies later (UE busy)", r->imsi, r->name);
	return 0;
}

int policy_del(struct agwd *d, const char *imsi, const char *name, char *err, size_t size)
{
	struct policy_rule **slot = find(d->pol, imsi, name), *r = *slot;
	struct ue *ue = ue_by_imsi(d->ues, imsi);

	if (!r) {
		snprintf(err, size, "no rule %s for %s", name, imsi);
		return -ENOENT;
	}
	*slot = r->next;
	d->pol->count--;
	free(r);
	db_del(d, imsi, name);
	for (unsigned int i = 0; ue && i < UE_MAX_BEARERS; i++) {
		struct bearer *b = &ue->br[i];

		if (!b->ebi || strcmp(b->policy, name))
			continue;
		if (esm_bearer_deactivate(d, ue, b->ebi))
			sess_bearer_delete(d, ue, b->ebi);	/* idle: local */
		break;
	}
	return 0;
}

int policy_walk(struct agwd *d, const char *imsi,
		int (*fn)(void *arg, const struct policy_rule *r), void *arg)
{
	unsigned int lo = imsi ? bucket(imsi) : 0, hi = imsi ? lo + 1 : BUCKETS;

	for (unsigned int i = lo; i < hi; i++)
		for (struct policy_rule *r = d->pol->b[i]; r; r = r->next) {
			int ret;

			if (imsi && strcmp(r->imsi, imsi))
				continue;
			ret = fn(arg, r);
			if (ret)
				return ret;
		}
	return 0;
}

int policy_load(struct agwd *d)
{
	sqlite3 *db = d->state ? (sqlite3 *)state_sqlite(d->state) : NULL;
	sqlite3_stmt *s;
	char err[200];

	if (!db || sqlite3_prepare_v2(db, "SELECT imsi, apn, name, qci, arp, gbr_ul, gbr_dl, "
				      "mbr_ul, mbr_dl, tft FROM policy", -1, &s, NULL))
		return db ? -EIO : 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct policy_rule r = { 0 };

		snprintf(r.imsi, sizeof(r.imsi), "%s", sqlite3_column_text(s, 0));
		snprintf(r.apn, sizeof(r.apn), "%s", sqlite3_column_text(s, 1));
		snprintf(r.name, sizeof(r.name), "%s", sqlite3_column_text(s, 2));
		r.qci = (uint8_t)sqlite3_column_int(s, 3);
		r.arp = (uint8_t)sqlite3_column_int(s, 4);
		r.gbr_ul = (uint64_t)sqlite3_column_int64(s, 5);
		r.gbr_dl = (uint64_t)sqlite3_column_int64(s, 6);
		r.mbr_ul = (uint64_t)sqlite3_column_int64(s, 7);
		r.mbr_dl = (uint64_t)sqlite3_column_int64(s, 8);
		snprintf(r.tft_text, sizeof(r.tft_text), "%s", sqlite3_column_text(s, 9));
		if (check(d, &r, err, sizeof(err)) || insert(d->pol, &r))
			log_warn(MOD, "stored rule %s of %s dropped: %s", r.name, r.imsi, err);
	}
	sqlite3_finalize(s);
	return 0;
}
