// SPDX-License-Identifier: GPL-2.0
/*
 * Persistent leases: one SQLite table, (imsi, apn) primary key. Written on
 * every allocation and release, read once at start.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "agwd/mobility/mobility_int.h"

/* Entry i brings the schema from version i to i + 1; append only. */
static const char *const lease_migrations[] = {
	"CREATE TABLE leases ("
	" imsi TEXT NOT NULL, apn TEXT NOT NULL,"
	" ipv4 TEXT, ipv6 TEXT,"
	" static4 INTEGER NOT NULL DEFAULT 0, static6 INTEGER NOT NULL DEFAULT 0,"
	" created INTEGER NOT NULL DEFAULT (strftime('%s', 'now')),"
	" PRIMARY KEY (imsi, apn)) WITHOUT ROWID;",
};

struct lease_db {
	sqlite3 *db;
	sqlite3_stmt *put, *del, *all;
};

static int fail(sqlite3 *db, const char *what, char *err, size_t size)
{
	snprintf(err, size, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
	return -EIO;
}

static int lease_migrate(sqlite3 *db, char *err, size_t size)
{
	int n = (int)(sizeof(lease_migrations) / sizeof(lease_migrations[0])), v = 0;
	sqlite3_stmt *st;

	if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
			 NULL, NULL, NULL) ||
	    sqlite3_prepare_v2(db, "SELECT ifnull(max(version), 0) FROM schema_version", -1, &st,
			       NULL))
		return fail(db, "schema version", err, size);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (v > n) {
		snprintf(err, size, "lease database schema %d is newer than this agwd (%d)", v, n);
		return -EIO;
	}
	for (; v < n; v++) {
		char bump[80];

		snprintf(bump, sizeof(bump), "INSERT INTO schema_version VALUES (%d)", v + 1);
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ||
		    sqlite3_exec(db, lease_migrations[v], NULL, NULL, NULL) ||
		    sqlite3_exec(db, bump, NULL, NULL, NULL) ||
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) {
			int ret = fail(db, "schema migration", err, size);

			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return ret;
		}
	}
	return 0;
}

int lease_db_open(const char *path, struct lease_db **out, char *err, size_t size)
{
	struct lease_db *d = calloc(1, sizeof(*d));
	int ret = -EIO;

	if (!d)
		return -ENOMEM;
	if (sqlite3_open_v2(path, &d->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
		fail(d->db, path, err, size);
		goto fail;
	}
	sqlite3_busy_timeout(d->db, 2000);
	if (sqlite3_exec(d->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", NULL, NULL,
			 NULL)) {
		fail(d->db, path, err, size);
		goto fail;
	}
	ret = lease_migrate(d->db, err, size);
	if (ret)
		goto fail;
	if (sqlite3_prepare_v3(d->db, "INSERT OR REPLACE INTO leases (imsi, apn, ipv4, ipv6, "
			       "static4, static6) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1,
			       SQLITE_PREPARE_PERSISTENT, &d->put, NULL) ||
	    sqlite3_prepare_v3(d->db, "DELETE FROM leases WHERE imsi = ?1 AND apn = ?2", -1,
			       SQLITE_PREPARE_PERSISTENT, &d->del, NULL) ||
	    sqlite3_prepare_v3(d->db, "SELECT imsi, apn, ipv4, ipv6, static4, static6 "
			       "FROM leases ORDER BY created, imsi", -1,
			       SQLITE_PREPARE_PERSISTENT, &d->all, NULL)) {
		ret = fail(d->db, "prepare", err, size);
		goto fail;
	}
	*out = d;
	return 0;
fail:
	lease_db_close(d);
	return ret;
}

void lease_db_close(struct lease_db *d)
{
	if (!d)
		return;
	sqlite3_finalize(d->put);
	sqlite3_finalize(d->del);
	sqlite3_finalize(d->all);
	sqlite3_close(d->db);
	free(d);
}

static int step_done(struct lease_db *d, sqlite3_stmt *st, const char *what, char *err,
		     size_t size)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : fail(d->db, what, err, size);
}

int lease_db_put(struct lease_db *d, const struct mob_lease_info *l, char *err, size_t size)
{
	char a4[INET_ADDRSTRLEN], a6[INET6_ADDRSTRLEN];

	sqlite3_bind_text(d->put, 1, l->imsi, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->put, 2, l->apn, -1, SQLITE_STATIC);
	if (l->has_ipv4)
		sqlite3_bind_text(d->put, 3, inet_ntop(AF_INET, &l->ipv4, a4, sizeof(a4)), -1,
				  SQLITE_STATIC);
	if (l->has_ipv6)
		sqlite3_bind_text(d->put, 4, inet_ntop(AF_INET6, &l->ipv6, a6, sizeof(a6)), -1,
				  SQLITE_STATIC);
	sqlite3_bind_int(d->put, 5, l->static_ipv4);
	sqlite3_bind_int(d->put, 6, l->static_ipv6);
	return step_done(d, d->put, "write lease", err, size);
}

int lease_db_del(struct lease_db *d, const char *imsi, const char *apn, char *err, size_t size)
{
	sqlite3_bind_text(d->del, 1, imsi, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->del, 2, apn, -1, SQLITE_STATIC);
	return step_done(d, d->del, "delete lease", err, size);
}

int lease_db_load(struct lease_db *d, int (*fn)(void *arg, const struct mob_lease_info *l),
		  void *arg, char *err, size_t size)
{
	struct mob_lease_info *rows = NULL;
	size_t n = 0, cap = 0;
	int rc, ret = 0;

	/* read everything first: fn may delete rows */
	while ((rc = sqlite3_step(d->all)) == SQLITE_ROW) {
		struct mob_lease_info *l;
		const char *a4 = (const char *)sqlite3_column_text(d->all, 2);
		const char *a6 = (const char *)sqlite3_column_text(d->all, 3);

		if (n == cap) {
			struct mob_lease_info *p;

			cap = cap ? cap * 2 : 256;
			p = realloc(rows, cap * sizeof(*rows));
			if (!p) {
				ret = fail(NULL, "load leases", err, size);
				break;
			}
			rows = p;
		}
		l = &rows[n++];
		memset(l, 0, sizeof(*l));
		snprintf(l->imsi, sizeof(l->imsi), "%s", sqlite3_column_text(d->all, 0));
		snprintf(l->apn, sizeof(l->apn), "%s", sqlite3_column_text(d->all, 1));
		l->has_ipv4 = a4 && inet_pton(AF_INET, a4, &l->ipv4) == 1;
		l->has_ipv6 = a6 && inet_pton(AF_INET6, a6, &l->ipv6) == 1;
		l->static_ipv4 = sqlite3_column_int(d->all, 4);
		l->static_ipv6 = sqlite3_column_int(d->all, 5);
	}
	if (!ret && rc != SQLITE_DONE)
		ret = fail(d->db, "load leases", err, size);
	sqlite3_reset(d->all);
	for (size_t i = 0; !ret && i < n; i++)
		ret = fn(arg, &rows[i]);
	free(rows);
	return ret;
}
