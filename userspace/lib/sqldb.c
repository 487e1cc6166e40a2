// SPDX-License-Identifier: GPL-2.0
/*
 * SQLite open, schema migration and statement helpers (see sqldb.h).
 */
#include <errno.h>
#include <stdio.h>

#include "lib/sqldb.h"

static int fail(sqlite3 *db, const char *what, char *err, size_t size)
{
	if (err && size)
		snprintf(err, size, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
	return -EIO;
}

int sqldb_open(const char *path, unsigned int flags, sqlite3 **out, char *err, size_t size)
{
	sqlite3 *db = NULL;
	int ret;

	*out = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
		ret = fail(db, path, err, size);
		goto bad;
	}
	sqlite3_busy_timeout(db, SQLDB_BUSY_MS);
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", NULL, NULL,
			 NULL) ||
	    ((flags & SQLDB_FOREIGN_KEYS) &&
	     sqlite3_exec(db, "PRAGMA foreign_keys=ON;", NULL, NULL, NULL))) {
		ret = fail(db, path, err, size);
		goto bad;
	}
	*out = db;
	return 0;
bad:
	sqlite3_close(db);
	return ret;
}

int sqldb_version(sqlite3 *db, int *version, char *err, size_t size)
{
	sqlite3_stmt *st;
	int rc;

	*version = 0;
	if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
			 NULL, NULL, NULL) ||
	    sqlite3_prepare_v2(db, "SELECT ifnull(max(version), 0) FROM schema_version", -1, &st,
			       NULL))
		return fail(db, "schema version", err, size);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : fail(db, "schema version", err, size);
}

int sqldb_migrate(sqlite3 *db, const char *what, const char *const *migrations, int n,
		  char *err, size_t size)
{
	int v, ret;

	ret = sqldb_version(db, &v, err, size);
	if (ret)
		return ret;
	if (v > n) {
		snprintf(err, size, "%s schema %d is newer than this agwd (%d)", what, v, n);
		return -EIO;
	}
	for (; v < n; v++) {
		char bump[64];

		snprintf(bump, sizeof(bump), "INSERT INTO schema_version VALUES (%d)", v + 1);
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ||
		    sqlite3_exec(db, migrations[v], NULL, NULL, NULL) ||
		    sqlite3_exec(db, bump, NULL, NULL, NULL) ||
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL)) {
			ret = fail(db, "schema migration", err, size);
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return ret;
		}
	}
	return 0;
}

int sqldb_prepare_all(sqlite3 *db, const char *const *sql, sqlite3_stmt **st, int n,
		      char *err, size_t size)
{
	for (int i = 0; i < n; i++) {
		if (sqlite3_prepare_v3(db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &st[i], NULL)) {
			int ret = fail(db, "prepare", err, size);

			sqldb_finalize_all(st, i + 1);
			return ret;
		}
	}
	return 0;
}

void sqldb_finalize_all(sqlite3_stmt **st, int n)
{
	for (int i = 0; i < n; i++) {
		sqlite3_finalize(st[i]);
		st[i] = NULL;
	}
}

int sqldb_step_done(sqlite3 *db, sqlite3_stmt *st, int rows_ok, const char *what, char *err,
		    size_t size)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE || (rows_ok && rc == SQLITE_ROW))
		return 0;
	return fail(db, what, err, size);
}
