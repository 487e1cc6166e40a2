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
#include "lib/sqldb.h"

/* Entry i brings the schema from version i to i + 1; append only. */
static const char *const lease_migrations[] = {
	"CREATE TABLE leases ("
	" imsi TEXT NOT NULL, apn TEXT NOT NULL,"
	" ipv4 TEXT, ipv6 TEXT,"
	" static4 INTEGER NOT NULL DEFAULT 0, static6 INTEGER NOT NULL DEFAULT 0,"
	" created INTEGER NOT NULL DEFAULT (strftime('%s', 'now')),"
	" PRIMARY KEY (imsi, apn)) WITHOUT ROWID;",
};

enum { LS_PUT, LS_DEL, LS_ALL, LS_MAX };

static const char *const lease_sql[LS_MAX] = {
	[LS_PUT] = "INSERT OR REPLACE INTO leases (imsi, apn, ipv4, ipv6, static4, static6)"
		   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[LS_DEL] = "DELETE FROM leases WHERE imsi = ?1 AND apn = ?2",
	[LS_ALL] = "SELECT imsi, apn, ipv4, ipv6, static4, static6 FROM leases"
		   " ORDER BY created, imsi",
};

struct lease_db {
	sqlite3 *db;
	sqlite3_stmt *st[LS_MAX];
};

static int fail(sqlite3 *db, const char *what, char *err, size_t size)
{
	snprintf(err, size, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
	return -EIO;
}

int lease_db_open(const char *path, struct lease_db **out, char *err, size_t size)
{
	struct lease_db *d = calloc(1, sizeof(*d));
	int ret;

	if (!d)
		return -ENOMEM;
	ret = sqldb_open(path, 0, &d->db, err, size);
	if (!ret)
		ret = sqldb_migrate(d->db, "lease database", lease_migrations,
				    (int)(sizeof(lease_migrations) / sizeof(lease_migrations[0])),
				    err, size);
	if (!ret)
		ret = sqldb_prepare_all(d->db, lease_sql, d->st, LS_MAX, err, size);
	if (ret) {
		lease_db_close(d);
		return ret;
	}
	*out = d;
	return 0;
}

void lease_db_close(struct lease_db *d)
{
	if (!d)
		return;
	sqldb_finalize_all(d->st, LS_MAX);
	sqlite3_close(d->db);
	free(d);
}

int lease_db_put(struct lease_db *d, const struct mob_lease_info *l, char *err, size_t size)
{
	char a4[INET_ADDRSTRLEN], a6[INET6_ADDRSTRLEN];
	sqlite3_stmt *st = d->st[LS_PUT];

	sqlite3_bind_text(st, 1, l->imsi, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, l->apn, -1, SQLITE_STATIC);
	if (l->has_ipv4)
		sqlite3_bind_text(st, 3, inet_ntop(AF_INET, &l->ipv4, a4, sizeof(a4)), -1,
				  SQLITE_STATIC);
	if (l->has_ipv6)
		sqlite3_bind_text(st, 4, inet_ntop(AF_INET6, &l->ipv6, a6, sizeof(a6)), -1,
				  SQLITE_STATIC);
	sqlite3_bind_int(st, 5, l->static_ipv4);
	sqlite3_bind_int(st, 6, l->static_ipv6);
	return sqldb_step_done(d->db, st, 0, "write lease", err, size);
}

int lease_db_del(struct lease_db *d, const char *imsi, const char *apn, char *err, size_t size)
{
	sqlite3_bind_text(d->st[LS_DEL], 1, imsi, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->st[LS_DEL], 2, apn, -1, SQLITE_STATIC);
	return sqldb_step_done(d->db, d->st[LS_DEL], 0, "delete lease", err, size);
}

int lease_db_load(struct lease_db *d, int (*fn)(void *arg, const struct mob_lease_info *l),
		  void *arg, char *err, size_t size)
{
	struct mob_lease_info *rows = NULL;
	size_t n = 0, cap = 0;
	int rc, ret = 0;

	/* read everything first: fn may delete rows */
	while ((rc = sqlite3_step(d->st[LS_ALL])) == SQLITE_ROW) {
		struct mob_lease_info *l;
		const char *a4 = (const char *)sqlite3_column_text(d->st[LS_ALL], 2);
		const char *a6 = (const char *)sqlite3_column_text(d->st[LS_ALL], 3);

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
		snprintf(l->imsi, sizeof(l->imsi), "%s", sqlite3_column_text(d->st[LS_ALL], 0));
		snprintf(l->apn, sizeof(l->apn), "%s", sqlite3_column_text(d->st[LS_ALL], 1));
		l->has_ipv4 = a4 && inet_pton(AF_INET, a4, &l->ipv4) == 1;
		l->has_ipv6 = a6 && inet_pton(AF_INET6, a6, &l->ipv6) == 1;
		l->static_ipv4 = sqlite3_column_int(d->st[LS_ALL], 4);
		l->static_ipv6 = sqlite3_column_int(d->st[LS_ALL], 5);
	}
	if (!ret && rc != SQLITE_DONE)
		ret = fail(d->db, "load leases", err, size);
	sqlite3_reset(d->st[LS_ALL]);
	for (size_t i = 0; !ret && i < n; i++)
		ret = fn(arg, &rows[i]);
	free(rows);
	return ret;
}
