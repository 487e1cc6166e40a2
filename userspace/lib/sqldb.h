/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SQLite helpers shared by agwd's stores (leases, UE state, subscribers):
 * open with the project's pragmas, bring a schema up to date, prepare and
 * run statements.  Every function writes a one-line reason into err on
 * failure and returns a negative errno.
 *
 * Schema versions live in a one-column table, schema_version (version
 * INTEGER), holding one row per applied migration; entry i of a migration
 * list brings a database from version i to i + 1 in one transaction.  A
 * database whose version is newer than the list is refused, never touched.
 */
#ifndef AGW_LIB_SQLDB_H
#define AGW_LIB_SQLDB_H

#include <stddef.h>
#include <sqlite3.h>

/* sqldb_open() flags */
#define SQLDB_FOREIGN_KEYS	0x1	/* PRAGMA foreign_keys=ON */

/* Busy timeout set on every handle, in milliseconds. */
#define SQLDB_BUSY_MS		2000

/*
 * Opens (creating if needed) path with journal_mode=WAL, synchronous=NORMAL,
 * a SQLDB_BUSY_MS busy timeout and the pragmas selected by flags.
 * On failure *out is NULL and nothing stays open.
 */
int sqldb_open(const char *path, unsigned int flags, sqlite3 **out, char *err, size_t size);

/* Current schema version (0 for a fresh database), creating the version table. */
int sqldb_version(sqlite3 *db, int *version, char *err, size_t size);

/*
 * Applies migrations[version..n-1].  what names the database in the error
 * ("lease database schema 3 is newer than this agwd (1)").
 */
int sqldb_migrate(sqlite3 *db, const char *what, const char *const *migrations, int n,
		  char *err, size_t size);

/* Prepares n persistent statements; on failure finalizes those already made. */
int sqldb_prepare_all(sqlite3 *db, const char *const *sql, sqlite3_stmt **st, int n,
		      char *err, size_t size);
void sqldb_finalize_all(sqlite3_stmt **st, int n);

/*
 * Steps a statement that returns no row, then resets it and clears its
 * bindings.  Returns 0 on SQLITE_DONE (or SQLITE_ROW when rows_ok), else
 * -EIO with "what: sqlite message" in err (err may be NULL).
 */
int sqldb_step_done(sqlite3 *db, sqlite3_stmt *st, int rows_ok, const char *what, char *err,
		    size_t size);

#endif
