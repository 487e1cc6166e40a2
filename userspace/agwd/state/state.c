// SPDX-License-Identifier: GPL-2.0
/*
 * The UE table in SQLite: schema, writes (one transaction per UE save) and
 * the JSON form of a UE's sessions.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <json-c/json.h>

#include "agwd/agwd.h"
#include "agwd/s1ap/s1mme.h"
#include "agwd/state/state_int.h"
#include "agwd/ue/ue.h"
#include "lib/log.h"
#include "lib/sqldb.h"

#define MOD "state"

/* Entry i brings the schema from version i to i + 1; append only. */
static const char *const migrations[] = {
	"CREATE TABLE ue ("
	" uid INTEGER PRIMARY KEY, imsi TEXT NOT NULL UNIQUE, m_tmsi INTEGER, emm INTEGER,"
	" ksi INTEGER, kasme BLOB, k_int BLOB, k_enc BLOB, eia INTEGER, eea INTEGER,"
	" tx_count INTEGER, rx_count INTEGER, rx_valid INTEGER, net_cap BLOB,"
	" s1_eea INTEGER, s1_eia INTEGER, tai BLOB, tac INTEGER, connected INTEGER,"
	" enb_plmn BLOB, enb_id INTEGER, enb_ue_id INTEGER, mme_ue_id INTEGER,"
	" nh BLOB, ncc INTEGER, sessions TEXT,"
	" updated INTEGER NOT NULL DEFAULT (strftime('%s', 'now')));"
	"CREATE TABLE policy ("
	" imsi TEXT NOT NULL, apn TEXT NOT NULL, name TEXT NOT NULL, qci INTEGER, arp INTEGER,"
	" gbr_ul INTEGER, gbr_dl INTEGER, mbr_ul INTEGER, mbr_dl INTEGER, tft TEXT,"
	" PRIMARY KEY (imsi, name));",
};

static int fail(sqlite3 *db, const char *what, char *err, size_t size)
{
	snprintf(err, size, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
	return -EIO;
}

#define UE_COLS "uid, imsi, m_tmsi, emm, ksi, kasme, k_int, k_enc, eia, eea, tx_count," \
	" rx_count, rx_valid, net_cap, s1_eea, s1_eia, tai, tac, connected, enb_plmn, enb_id," \
	" enb_ue_id, mme_ue_id, nh, ncc, sessions"

int state_open(struct agwd *d, const char *path, struct state_db **out, char *err,
	       size_t size)
{
	struct state_db *st = calloc(1, sizeof(*st));
	int ret = -EIO;

	if (!st)
		return -ENOMEM;
	st->d = d;
	ret = sqldb_open(path, 0, &st->db, err, size);
	if (!ret)
		ret = sqldb_migrate(st->db, "state database", migrations,
				    (int)(sizeof(migrations) / sizeof(migrations[0])), err, size);
	if (ret)
		goto bad;
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO ue (" UE_COLS ") VALUES (?, ?, ?, ?, ?,"
			       " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &st->put, NULL) ||
	    sqlite3_prepare_v2(st->db, "DELETE FROM ue WHERE uid = ?", -1, &st->del, NULL) ||
	    sqlite3_prepare_v2(st->db, "SELECT " UE_COLS " FROM ue", -1, &st->all, NULL)) {
		ret = fail(st->db, "prepare", err, size);
		goto bad;
	}
	*out = st;
	return 0;
bad:
	state_close(st);
	return ret;
}

void state_close(struct state_db *st)
{
	if (!st)
		return;
	ev_timer_stop(st->d->loop, &st->grace);
	sqlite3_finalize(st->put);
	sqlite3_finalize(st->del);
	sqlite3_finalize(st->all);
	sqlite3_close(st->db);
	free(st->orphans);
	free(st);
}

struct sqlite3 *state_sqlite(struct state_db *st)
{
	return st->db;
}

/* ---------------------------------------------------------- sessions --- */

static void add_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static void add_int(struct json_object *o, const char *k, int64_t v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

static void hex(const uint8_t *p, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

static struct json_object *pdn_json(const struct pdn *p, unsigned int i)
{
	struct json_object *o = json_object_new_object();
	char a[INET6_ADDRSTRLEN], iid[17];

	add_int(o, "i", i);
	add_int(o, "apn", p->apn);
	add_int(o, "type", p->type);
	add_int(o, "ebi", p->ebi);
	add_int(o, "pti", p->pti);
	if (p->has4)
		add_str(o, "ip4", inet_ntop(AF_INET, &p->ip4, a, sizeof(a)));
	if (p->has6)
		add_str(o, "ip6", inet_ntop(AF_INET6, &p->ip6, a, sizeof(a)));
	hex(p->iid, 8, iid);
	add_str(o, "iid", iid);
	add_int(o, "ambr_ul", (int64_t)p->ambr_ul);
	add_int(o, "ambr_dl", (int64_t)p->ambr_dl);
	return o;
}

static struct json_object *bearer_json(const struct bearer *b)
{
	struct json_object *o = json_object_new_object();
	char a[INET6_ADDRSTRLEN];

	add_int(o, "ebi", b->ebi);
	add_int(o, "pdn", b->pdn);
	add_int(o, "state", b->state);
	add_int(o, "qci", b->qci);
	add_int(o, "arp", b->arp);
	add_int(o, "gbr", b->gbr);
	add_int(o, "mbr_ul", (int64_t)b->mbr_ul);
	add_int(o, "mbr_dl", (int64_t)b->mbr_dl);
	add_int(o, "gbr_ul", (int64_t)b->gbr_ul);
	add_int(o, "gbr_dl", (int64_t)b->gbr_dl);
	add_int(o, "teid", b->teid);
	if (b->has_enb) {
		add_int(o, "enb_teid", b->enb_teid);
		add_str(o, "enb", b->enb_family == AF_INET6 ?
			inet_ntop(AF_INET6, &b->enb6, a, sizeof(a)) :
			inet_ntop(AF_INET, &b->enb4, a, sizeof(a)));
	}
	add_int(o, "dp", b->dp);
	add_int(o, "dp_idle", b->dp_idle);
	if (b->policy[0])
		add_str(o, "policy", b->policy);
	return o;
}

static char *sessions_json(const struct ue *ue)
{
	struct json_object *o = json_object_new_object(), *pa, *ba;
	char *s;

	pa = json_object_new_array();
	ba = json_object_new_array();
	for (unsigned int i = 0; i < UE_MAX_PDN; i++)
		if (ue->pdn[i].used)
			json_object_array_add(pa, pdn_json(&ue->pdn[i], i));
	for (unsigned int i = 0; i < UE_MAX_BEARERS; i++)
		if (ue->br[i].ebi)
			json_object_array_add(ba, bearer_json(&ue->br[i]));
	json_object_object_add(o, "pdn", pa);
	json_object_object_add(o, "bearers", ba);
	s = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	return s;
}

/* ------------------------------------------------------------- writes --- */

static int bind_ue(sqlite3_stmt *s, const struct ue *ue, const char *sess)
{
	const struct enb *e = ue->enb;
	int i = 1;

	sqlite3_bind_int64(s, i++, (sqlite3_int64)ue->uid);
	sqlite3_bind_text(s, i++, ue->imsi, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, i++, ue->has_guti ? (sqlite3_int64)ue->m_tmsi : -1);
	sqlite3_bind_int(s, i++, ue->emm);
	sqlite3_bind_int(s, i++, ue->has_sec ? ue->ksi : -1);
	sqlite3_bind_blob(s, i++, ue->kasme, 32, SQLITE_STATIC);
	sqlite3_bind_blob(s, i++, ue->sec.k_nas_int, 16, SQLITE_STATIC);
	sqlite3_bind_blob(s, i++, ue->sec.k_nas_enc, 16, SQLITE_STATIC);
	sqlite3_bind_int(s, i++, ue->sec.eia);
	sqlite3_bind_int(s, i++, ue->sec.eea);
	sqlite3_bind_int64(s, i++, ue->sec.tx_count);
	sqlite3_bind_int64(s, i++, ue->sec.rx_count);
	sqlite3_bind_int(s, i++, ue->sec.rx_valid);
	sqlite3_bind_blob(s, i++, ue->net_cap, ue->net_cap_len, SQLITE_STATIC);
	sqlite3_bind_int(s, i++, ue->s1_eea);
	sqlite3_bind_int(s, i++, ue->s1_eia);
	sqlite3_bind_blob(s, i++, ue->tai_plmn, 3, SQLITE_STATIC);
	sqlite3_bind_int(s, i++, ue->tac);
	sqlite3_bind_int(s, i++, e && ue->ctx_setup && e->has_gid);
	if (e && e->has_gid) {
		sqlite3_bind_blob(s, i++, e->plmn, 3, SQLITE_STATIC);
		sqlite3_bind_int64(s, i++, e->enb_id);
	} else {
		sqlite3_bind_null(s, i++);
		sqlite3_bind_null(s, i++);
	}
	sqlite3_bind_int64(s, i++, ue->enb_ue_id);
	sqlite3_bind_int64(s, i++, ue->mme_ue_id);
	sqlite3_bind_blob(s, i++, ue->nh, 32, SQLITE_STATIC);
	sqlite3_bind_int(s, i++, ue->ncc);
	return sqlite3_bind_text(s, i, sess, -1, SQLITE_STATIC);
}

static int step(struct state_db *st, sqlite3_stmt *s, const char *what)
{
	char err[256];

	if (sqldb_step_done(st->db, s, 0, what, err, sizeof(err))) {
		log_err(MOD, "%s", err);
		st->errors++;
		return -EIO;
	}
	return 0;
}

int state_ue_save(struct state_db *st, const struct ue *ue)
{
	char *sess;
	int ret;

	if (!ue->imsi[0] || !ue_registered(ue))
		return 0;
	sess = sessions_json(ue);
	if (!sess)
		return -ENOMEM;
	bind_ue(st->put, ue, sess);
	ret = step(st, st->put, "save UE");
	free(sess);
	st->writes++;
	return ret;
}

int state_ue_delete(struct state_db *st, uint64_t uid)
{
	sqlite3_bind_int64(st->del, 1, (sqlite3_int64)uid);
	st->writes++;
	return step(st, st->del, "delete UE");
}
