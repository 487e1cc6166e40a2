// SPDX-License-Identifier: GPL-2.0
/*
 * lib/sqldb: open with the project's pragmas, schema migration on a fresh
 * database, reopen (no migration re-run), newer schema refused, statement
 * helpers.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lib/sqldb.h"
#include "test_agwd_util.h"
#include "unit.h"

static const char *const mig2[] = {
	"CREATE TABLE a (x INTEGER PRIMARY KEY, y TEXT);",
	"CREATE TABLE b (x INTEGER NOT NULL REFERENCES a(x));",
};

static int pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void test_sqldb_fresh_reopen_newer(void)
{
	char *dir = tmpdir_new(), path[256], err[256];
	sqlite3 *db;
	int v;

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	snprintf(path, sizeof(path), "%s/t.db", dir);

	/* fresh: version 0, both migrations applied, pragmas set */
	CU_ASSERT_EQUAL_FATAL(sqldb_open(path, SQLDB_FOREIGN_KEYS, &db, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sqldb_version(db, &v, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(v, 0);
	CU_ASSERT_EQUAL(sqldb_migrate(db, "test database", mig2, 2, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sqldb_version(db, &v, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(v, 2);
	CU_ASSERT_EQUAL(pragma_int(db, "PRAGMA foreign_keys"), 1);
	CU_ASSERT_EQUAL(pragma_int(db, "PRAGMA synchronous"), 1);	/* NORMAL */
	CU_ASSERT_EQUAL(pragma_int(db, "SELECT count(*) FROM schema_version"), 2);
	/* foreign key enforced */
	CU_ASSERT_NOT_EQUAL(sqlite3_exec(db, "INSERT INTO b VALUES (7)", NULL, NULL, NULL), 0);
	CU_ASSERT_EQUAL(sqlite3_exec(db, "INSERT INTO a VALUES (7, 'x')", NULL, NULL, NULL), 0);
	sqlite3_close(db);

	/* reopen: nothing re-run (a CREATE TABLE would fail), data kept, WAL */
	CU_ASSERT_EQUAL_FATAL(sqldb_open(path, 0, &db, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(pragma_int(db, "PRAGMA foreign_keys"), 0);
	CU_ASSERT_EQUAL(sqldb_migrate(db, "test database", mig2, 2, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(pragma_int(db, "SELECT count(*) FROM a"), 1);
	CU_ASSERT_EQUAL(pragma_int(db, "SELECT count(*) FROM schema_version"), 2);
	{
		sqlite3_stmt *st;
		const unsigned char *mode = NULL;

		CU_ASSERT_EQUAL(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), 0);
		if (sqlite3_step(st) == SQLITE_ROW)
			mode = sqlite3_column_text(st, 0);
		CU_ASSERT_STRING_EQUAL(mode ? (const char *)mode : "", "wal");
		sqlite3_finalize(st);
	}
	/* an older binary knowing only one migration refuses the newer file */
	err[0] = 0;
	CU_ASSERT_EQUAL(sqldb_migrate(db, "test database", mig2, 1, err, sizeof(err)), -EIO);
	CU_ASSERT_STRING_EQUAL(err, "test database schema 2 is newer than this agwd (1)");
	CU_ASSERT_EQUAL(pragma_int(db, "SELECT count(*) FROM schema_version"), 2);
	sqlite3_close(db);
	tmpdir_rm(dir);
}

static void test_sqldb_bad_migration_rolls_back(void)
{
	static const char *const bad[] = {
		"CREATE TABLE a (x INTEGER);",
		"CREATE TABLE c (x INTEGER); CREATE TABLE a (y INTEGER);",
	};
	char *dir = tmpdir_new(), path[256], err[256];
	sqlite3 *db;
	int v;

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	snprintf(path, sizeof(path), "%s/t.db", dir);
	CU_ASSERT_EQUAL_FATAL(sqldb_open(path, 0, &db, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sqldb_migrate(db, "test database", bad, 2, err, sizeof(err)), -EIO);
	CU_ASSERT_STRING_EQUAL(err, "schema migration: table a already exists");
	CU_ASSERT_EQUAL(sqldb_version(db, &v, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(v, 1);
	/* the failed step left nothing behind */
	CU_ASSERT_EQUAL(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'c'"), 0);
	sqlite3_close(db);
	tmpdir_rm(dir);
}

static void test_sqldb_open_error_and_statements(void)
{
	static const char *const sql[] = {
		"INSERT INTO a (x, y) VALUES (?1, ?2)",
		"SELECT y FROM a WHERE x = ?1",
		"SELECT nosuchcolumn FROM a",
	};
	char *dir = tmpdir_new(), path[256], err[256];
	sqlite3_stmt *st[3] = { NULL };
	sqlite3 *db = (sqlite3 *)1;

	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	snprintf(path, sizeof(path), "%s/missing/t.db", dir);
	CU_ASSERT_EQUAL(sqldb_open(path, 0, &db, err, sizeof(err)), -EIO);
	CU_ASSERT_PTR_NULL(db);
	CU_ASSERT_NSTRING_EQUAL(err, path, strlen(path));

	snprintf(path, sizeof(path), "%s/t.db", dir);
	CU_ASSERT_EQUAL_FATAL(sqldb_open(path, 0, &db, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sqldb_migrate(db, "test database", mig2, 1, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sqldb_prepare_all(db, sql, st, 3, err, sizeof(err)), -EIO);
	CU_ASSERT_STRING_EQUAL(err, "prepare: no such column: nosuchcolumn");
	CU_ASSERT_PTR_NULL(st[0]);
	CU_ASSERT_EQUAL_FATAL(sqldb_prepare_all(db, sql, st, 2, err, sizeof(err)), 0);
	sqlite3_bind_int(st[0], 1, 1);
	sqlite3_bind_text(st[0], 2, "one", -1, SQLITE_STATIC);
	CU_ASSERT_EQUAL(sqldb_step_done(db, st[0], 0, "insert", err, sizeof(err)), 0);
	sqlite3_bind_int(st[0], 1, 1);
	CU_ASSERT_EQUAL(sqldb_step_done(db, st[0], 0, "insert", err, sizeof(err)), -EIO);
	CU_ASSERT_STRING_EQUAL(err, "insert: UNIQUE constraint failed: a.x");
	sqlite3_bind_int(st[1], 1, 1);
	CU_ASSERT_EQUAL(sqldb_step_done(db, st[1], 0, "select", NULL, 0), -EIO);
	sqlite3_bind_int(st[1], 1, 1);
	CU_ASSERT_EQUAL(sqldb_step_done(db, st[1], 1, "select", err, sizeof(err)), 0);
	sqldb_finalize_all(st, 2);
	CU_ASSERT_PTR_NULL(st[1]);
	sqlite3_close(db);
	tmpdir_rm(dir);
}

UNIT_SUITE(lib_sqldb,
	   UNIT_TEST(test_sqldb_fresh_reopen_newer),
	   UNIT_TEST(test_sqldb_bad_migration_rolls_back),
	   UNIT_TEST(test_sqldb_open_error_and_statements))
