// SPDX-License-Identifier: GPL-2.0
/*
 * Subscriber store on SQLite: schema and sub_migrations, prepared statements,
 * add/update/delete/get/list.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sqlite3.h>

#include "agwd/subscriber/subscriber.h"
#include "lib/config.h"
#include "lib/sqldb.h"

/*
 * Schema history: entry i brings the database from version i to i + 1.
 * Never edit a released entry; append a new one.
 */
static const char *const sub_migrations[] = {
	/* 1: initial schema */
	"CREATE TABLE subscribers ("
	" imsi TEXT PRIMARY KEY NOT NULL,"
	" k BLOB NOT NULL CHECK (length(k) = 16),"
	" opc BLOB NOT NULL CHECK (length(opc) = 16),"
	" amf INTEGER NOT NULL,"
	" sqn INTEGER NOT NULL,"
	" msisdn TEXT NOT NULL DEFAULT '',"
	" state INTEGER NOT NULL DEFAULT 0"
	") WITHOUT ROWID;"
	"CREATE TABLE subscriber_apns ("
	" imsi TEXT NOT NULL REFERENCES subscribers(imsi) ON DELETE CASCADE,"
	" apn TEXT NOT NULL,"
	" pos INTEGER NOT NULL,"
	" ipv4 TEXT, ipv6 TEXT,"
	" qci INTEGER NOT NULL, arp INTEGER NOT NULL,"
	" ambr_ul INTEGER NOT NULL, ambr_dl INTEGER NOT NULL,"
	" PRIMARY KEY (imsi, apn)) WITHOUT ROWID;"
	"CREATE UNIQUE INDEX subscriber_apns_ipv4 ON subscriber_apns(apn, ipv4)"
	" WHERE ipv4 IS NOT NULL;"
	"CREATE UNIQUE INDEX subscriber_apns_ipv6 ON subscriber_apns(apn, ipv6)"
	" WHERE ipv6 IS NOT NULL;",
};

enum {
	ST_BEGIN, ST_COMMIT, ST_ROLLBACK,
	ST_INSERT, ST_UPDATE, ST_DELETE, ST_GET, ST_APNS, ST_DEL_APNS, ST_ADD_APN,
	ST_LIST, ST_COUNT, ST_SET_SQN, ST_IP4_OWNER, ST_IP6_OWNER,
	ST_MAX
};

static const char *const sql[ST_MAX] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_INSERT] = "INSERT INTO subscribers (imsi, k, opc, amf, sqn, msisdn, state)"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_UPDATE] = "UPDATE subscribers SET k = ?2, opc = ?3, amf = ?4, msisdn = ?6,"
		      " state = ?7 WHERE imsi = ?1",
	[ST_DELETE] = "DELETE FROM subscribers WHERE imsi = ?1",
	[ST_GET] = "SELECT imsi, k, opc, amf, sqn, msisdn, state FROM subscribers"
		   " WHERE imsi = ?1",
	[ST_APNS] = "SELECT apn, ipv4, ipv6, qci, arp, ambr_ul, ambr_dl FROM subscriber_apns"
		    " WHERE imsi = ?1 ORDER BY pos",
	[ST_DEL_APNS] = "DELETE FROM subscriber_apns WHERE imsi = ?1",
	[ST_ADD_APN] = "INSERT INTO subscriber_apns (imsi, apn, pos, ipv4, ipv6, qci, arp,"
		       " ambr_ul, ambr_dl) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[ST_LIST] = "SELECT imsi FROM subscribers WHERE imsi > ?1 ORDER BY imsi LIMIT ?2",
	[ST_COUNT] = "SELECT count(*) FROM subscribers",
	[ST_SET_SQN] = "UPDATE subscribers SET sqn = ?2 WHERE imsi = ?1",
	[ST_IP4_OWNER] = "SELECT imsi FROM subscriber_apns WHERE apn = ?1 AND ipv4 = ?2"
			 " AND imsi <> ?3",
	[ST_IP6_OWNER] = "SELECT imsi FROM subscriber_apns WHERE apn = ?1 AND ipv6 = ?2"
			 " AND imsi <> ?3",
};

struct sub_store {
	sqlite3 *db;
	sqlite3_stmt *st[ST_MAX];
	sub_apn_check_fn apn_check;
	void *apn_check_arg;
	char err[512];
};

int sub_store_fail(struct sub_store *s, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof(s->err), fmt, ap);
	va_end(ap);
	return err;
}

const char *sub_store_error(const struct sub_store *s)
{
	return s->err;
}

void sub_store_set_apn_check(struct sub_store *s, sub_apn_check_fn fn, void *arg)
{
	s->apn_check = fn;
	s->apn_check_arg = arg;
}

static int db_fail(struct sub_store *s, const char *what)
{
	return sub_store_fail(s, -EIO, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* Runs a statement that returns no row (or whose rows are ignored) and resets it. */
static int run(struct sub_store *s, sqlite3_stmt *st, const char *what)
{
	return sqldb_step_done(s->db, st, 1, what, s->err, sizeof(s->err));
}

int sub_store_begin(struct sub_store *s)
{
	return run(s, s->st[ST_BEGIN], "begin");
}

int sub_store_commit(struct sub_store *s)
{
	return run(s, s->st[ST_COMMIT], "commit");
}

void sub_store_rollback(struct sub_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		run(s, s->st[ST_ROLLBACK], "rollback");
}

/* ------------------------------------------------------ open and close --- */

int sub_store_open(const char *path, struct sub_store **out, char *err, size_t err_size)
{
	struct sub_store *s = calloc(1, sizeof(*s));
	int fd, ret = -EIO;

	if (!s)
		return -ENOMEM;
	/* create the file private before SQLite does, keys are in it */
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		ret = -errno;
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		free(s);
		return ret;
	}
	close(fd);
	ret = sqldb_open(path, SQLDB_FOREIGN_KEYS, &s->db, s->err, sizeof(s->err));
	if (!ret)
		ret = sqldb_migrate(s->db, "subscriber database", sub_migrations,
				    (int)(sizeof(sub_migrations) / sizeof(sub_migrations[0])),
				    s->err, sizeof(s->err));
	if (!ret)
		ret = sqldb_prepare_all(s->db, sql, s->st, ST_MAX, s->err, sizeof(s->err));
	if (ret)
		goto fail;
	*out = s;
	return 0;
fail:
	snprintf(err, err_size, "%s", s->err);
	sub_store_close(s);
	return ret ? ret : -EIO;
}

void sub_store_close(struct sub_store *s)
{
	if (!s)
		return;
	sqldb_finalize_all(s->st, ST_MAX);
	sqlite3_close(s->db);
	free(s);
}

/* ---------------------------------------------------------- validation --- */

void sub_record_init(struct sub_record *r)
{
	memset(r, 0, sizeof(*r));
	r->amf[0] = SUB_AMF_DEFAULT >> 8;
	r->amf[1] = SUB_AMF_DEFAULT & 0xff;
	r->state = SUB_ACTIVE;
}

const char *sub_state_name(enum sub_state st)
{
	return st == SUB_SUSPENDED ? "suspended" : "active";
}

int sub_state_parse(const char *s)
{
	if (!strcmp(s, "active"))
		return SUB_ACTIVE;
	if (!strcmp(s, "suspended"))
		return SUB_SUSPENDED;
	return -1;
}

static int apn_check(const struct sub_apn *a, unsigned int i, char *msg, size_t size)
{
	if (!a->name[0] || strlen(a->name) > AGW_APN_MAX) {
		snprintf(msg, size, "apns[%u]: empty or too long APN name", i);
		return -EINVAL;
	}
	for (const char *p = a->name; *p; p++) {
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= '0' && *p <= '9') && *p != '-' &&
		    *p != '.') {
			snprintf(msg, size, "apns[%u]: \"%s\" is not a lower-case APN name", i,
				 a->name);
			return -EINVAL;
		}
	}
	if (a->qci > 9 || a->arp > 15) {
		snprintf(msg, size, "apns[%u]: qci must be 1..9 and arp 1..15", i);
		return -EINVAL;
	}
	for (unsigned int b = 8; b < 16; b++) {
		if (a->has_ipv6 && a->ipv6.s6_addr[b]) {
			snprintf(msg, size, "apns[%u]: static IPv6 prefix is not a /64", i);
			return -EINVAL;
		}
	}
	return 0;
}

int sub_record_check(const struct sub_record *r, char *msg, size_t size)
{
	if (!cfg_is_digits(r->imsi, SUB_IMSI_MIN, SUB_IMSI_MAX)) {
		snprintf(msg, size, "imsi \"%s\" is not %d to %d digits", r->imsi, SUB_IMSI_MIN,
			 SUB_IMSI_MAX);
		return -EINVAL;
	}
	if (r->msisdn[0] && !cfg_is_digits(r->msisdn, 1, SUB_MSISDN_MAX)) {
		snprintf(msg, size, "msisdn \"%s\" is not 1 to %d digits", r->msisdn,
			 SUB_MSISDN_MAX);
		return -EINVAL;
	}
	if (r->sqn > EPS_SQN_MAX) {
		snprintf(msg, size, "sqn %llu is more than 48 bits", (unsigned long long)r->sqn);
		return -EINVAL;
	}
	if (r->n_apns > SUB_MAX_APNS) {
		snprintf(msg, size, "more than %d APNs", SUB_MAX_APNS);
		return -EINVAL;
	}
	for (unsigned int i = 0; i < r->n_apns; i++) {
		int ret = apn_check(&r->apns[i], i, msg, size);

		if (ret)
			return ret;
		for (unsigned int j = 0; j < i; j++) {
			if (!strcmp(r->apns[i].name, r->apns[j].name)) {
				snprintf(msg, size, "apns[%u]: \"%s\" is listed twice", i,
					 r->apns[i].name);
				return -EINVAL;
			}
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- write --- */

static int ip_owner(struct sub_store *s, int which, const char *imsi, const char *apn,
		    const char *ip)
{
	sqlite3_stmt *st = s->st[which];
	int rc, ret = 0;

	sqlite3_bind_text(st, 1, apn, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ip, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, imsi, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		ret = sub_store_fail(s, -EADDRINUSE, "%s on APN %s is already the static address "
				     "of %s", ip, apn, (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		ret = db_fail(s, "address lookup");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return ret;
}

static int put_apn(struct sub_store *s, const char *imsi, const struct sub_apn *a, int pos)
{
	sqlite3_stmt *st = s->st[ST_ADD_APN];
	char ip4[INET_ADDRSTRLEN] = "", ip6[INET6_ADDRSTRLEN] = "";
	int ret;

	if (a->has_ipv4) {
		inet_ntop(AF_INET, &a->ipv4, ip4, sizeof(ip4));
		ret = ip_owner(s, ST_IP4_OWNER, imsi, a->name, ip4);
		if (ret)
			return ret;
	}
	if (a->has_ipv6) {
		inet_ntop(AF_INET6, &a->ipv6, ip6, sizeof(ip6));
		ret = ip_owner(s, ST_IP6_OWNER, imsi, a->name, ip6);
		if (ret)
			return ret;
	}
	sqlite3_bind_text(st, 1, imsi, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, pos);
	if (a->has_ipv4)
		sqlite3_bind_text(st, 4, ip4, -1, SQLITE_STATIC);
	if (a->has_ipv6)
		sqlite3_bind_text(st, 5, ip6, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, a->qci);
	sqlite3_bind_int(st, 7, a->arp);
	sqlite3_bind_int64(st, 8, (sqlite3_int64)a->ambr_ul);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)a->ambr_dl);
	return run(s, st, "insert APN profile");
}

static int exists(struct sub_store *s, const char *imsi, bool *found)
{
	sqlite3_stmt *st = s->st[ST_GET];
	int rc;

	sqlite3_bind_text(st, 1, imsi, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, "lookup");
	*found = rc == SQLITE_ROW;
	return 0;
}

/*
 * Writes r inside the caller's transaction. insert: a new subscriber
 * (-EEXIST if there, unless replace); else an update (-ENOENT if absent).
 */
int sub_put(struct sub_store *s, const struct sub_record *r, bool insert, bool replace)
{
	sqlite3_stmt *st;
	char msg[256];
	bool found = false;
	int ret = sub_record_check(r, msg, sizeof(msg));

	if (ret)
		return sub_store_fail(s, ret, "%s", msg);
	for (unsigned int i = 0; s->apn_check && i < r->n_apns; i++) {
		ret = s->apn_check(s->apn_check_arg, r->imsi, &r->apns[i], msg, sizeof(msg));
		if (ret)
			return sub_store_fail(s, ret, "apns[%u] (%s): %s", i, r->apns[i].name, msg);
	}
	ret = exists(s, r->imsi, &found);
	if (ret)
		return ret;
	if (insert && found && !replace)
		return sub_store_fail(s, -EEXIST, "subscriber %s already exists", r->imsi);
	if (!insert && !found)
		return sub_store_fail(s, -ENOENT, "subscriber %s does not exist", r->imsi);
	st = s->st[found ? ST_UPDATE : ST_INSERT];
	sqlite3_bind_text(st, 1, r->imsi, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, r->k, 16, SQLITE_STATIC);
	sqlite3_bind_blob(st, 3, r->opc, 16, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, r->amf[0] << 8 | r->amf[1]);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)r->sqn);
	sqlite3_bind_text(st, 6, r->msisdn, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, r->state);
	ret = run(s, st, found ? "update" : "insert");
	if (!ret && found) {
		sqlite3_bind_text(s->st[ST_DEL_APNS], 1, r->imsi, -1, SQLITE_STATIC);
		ret = run(s, s->st[ST_DEL_APNS], "delete APN profiles");
	}
	for (unsigned int i = 0; !ret && i < r->n_apns; i++)
		ret = put_apn(s, r->imsi, &r->apns[i], (int)i);
	return ret;
}

static int put_one(struct sub_store *s, const struct sub_record *r, bool insert)
{
	int ret = sub_store_begin(s);

	if (ret)
		return ret;
	ret = sub_put(s, r, insert, false);
	if (!ret)
		ret = sub_store_commit(s);
	if (ret)
		sub_store_rollback(s);
	return ret;
}

int sub_add(struct sub_store *s, const struct sub_record *r)
{
	return put_one(s, r, true);
}

int sub_update(struct sub_store *s, const struct sub_record *r)
{
	return put_one(s, r, false);
}

int sub_delete(struct sub_store *s, const char *imsi)
{
	sqlite3_stmt *st = s->st[ST_DELETE];
	int ret;

	sqlite3_bind_text(st, 1, imsi, -1, SQLITE_STATIC);
	ret = run(s, st, "delete");
	if (!ret && sqlite3_changes(s->db) == 0)
		ret = sub_store_fail(s, -ENOENT, "subscriber %s does not exist", imsi);
	return ret;
}

int sub_set_sqn(struct sub_store *s, const char *imsi, uint64_t sqn)
{
	sqlite3_stmt *st = s->st[ST_SET_SQN];
	int ret;

	if (sqn > EPS_SQN_MAX)
		return sub_store_fail(s, -EINVAL, "sqn is more than 48 bits");
	sqlite3_bind_text(st, 1, imsi, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)sqn);
	ret = run(s, st, "set sqn");
	if (!ret && sqlite3_changes(s->db) == 0)
		ret = sub_store_fail(s, -ENOENT, "subscriber %s does not exist", imsi);
	return ret;
}

/* ----------------------------------------------------------------- read --- */

static void col_blob(sqlite3_stmt *st, int col, uint8_t *out, int len)
{
	if (sqlite3_column_bytes(st, col) == len)
		memcpy(out, sqlite3_column_blob(st, col), (size_t)len);
}

static int get_apns(struct sub_store *s, struct sub_record *r)
{
	sqlite3_stmt *st = s->st[ST_APNS];
	int rc;

	sqlite3_bind_text(st, 1, r->imsi, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && r->n_apns < SUB_MAX_APNS) {
		struct sub_apn *a = &r->apns[r->n_apns++];
		const char *ip4 = (const char *)sqlite3_column_text(st, 1);
		const char *ip6 = (const char *)sqlite3_column_text(st, 2);

		snprintf(a->name, sizeof(a->name), "%s", sqlite3_column_text(st, 0));
		a->has_ipv4 = ip4 && inet_pton(AF_INET, ip4, &a->ipv4) == 1;
		a->has_ipv6 = ip6 && inet_pton(AF_INET6, ip6, &a->ipv6) == 1;
		a->qci = (uint8_t)sqlite3_column_int(st, 3);
		a->arp = (uint8_t)sqlite3_column_int(st, 4);
		a->ambr_ul = (uint64_t)sqlite3_column_int64(st, 5);
		a->ambr_dl = (uint64_t)sqlite3_column_int64(st, 6);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(s, "read APN profiles");
}

int sub_get(struct sub_store *s, const char *imsi, struct sub_record *r)
{
	sqlite3_stmt *st = s->st[ST_GET];
	int rc, amf;

	memset(r, 0, sizeof(*r));
	sqlite3_bind_text(st, 1, imsi, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(r->imsi, sizeof(r->imsi), "%s", sqlite3_column_text(st, 0));
		col_blob(st, 1, r->k, 16);
		col_blob(st, 2, r->opc, 16);
		amf = sqlite3_column_int(st, 3);
		r->amf[0] = (uint8_t)(amf >> 8);
		r->amf[1] = (uint8_t)amf;
		r->sqn = (uint64_t)sqlite3_column_int64(st, 4);
		snprintf(r->msisdn, sizeof(r->msisdn), "%s", sqlite3_column_text(st, 5));
		r->state = sqlite3_column_int(st, 6) ? SUB_SUSPENDED : SUB_ACTIVE;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE)
		return sub_store_fail(s, -ENOENT, "subscriber %s does not exist", imsi);
	if (rc != SQLITE_ROW)
		return db_fail(s, "read");
	return get_apns(s, r);
}

int sub_count(struct sub_store *s, uint64_t *n)
{
	sqlite3_stmt *st = s->st[ST_COUNT];
	int rc = sqlite3_step(st);

	*n = rc == SQLITE_ROW ? (uint64_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : db_fail(s, "count");
}

int sub_list(struct sub_store *s, const char *after, unsigned int limit, sub_list_fn fn,
	     void *arg, unsigned int *n)
{
	sqlite3_stmt *st = s->st[ST_LIST];
	char (*imsis)[SUB_IMSI_MAX + 1];
	unsigned int cnt = 0;
	int rc, ret = 0;

	*n = 0;
	if (limit == 0)
		return 0;
	imsis = calloc(limit, sizeof(*imsis));
	if (!imsis)
		return sub_store_fail(s, -ENOMEM, "out of memory");
	/* collect the page first: fn may use the store */
	sqlite3_bind_text(st, 1, after ? after : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && cnt < limit)
		snprintf(imsis[cnt++], sizeof(imsis[0]), "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = db_fail(s, "list");
	for (unsigned int i = 0; !ret && i < cnt; i++) {
		struct sub_record r;

		ret = sub_get(s, imsis[i], &r);
		if (ret == -ENOENT) {	/* deleted by fn meanwhile */
			ret = 0;
			continue;
		}
		if (!ret)
			ret = fn(arg, &r);
		(*n)++;
	}
	free(imsis);
	return ret;
}
