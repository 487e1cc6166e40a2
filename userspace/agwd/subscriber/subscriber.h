/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Subscriber store: SQLite (WAL) database of the local subscribers with
 * their keys, sequence number and per-APN profiles.
 *
 * Every function returns 0 or a negative errno (-EINVAL bad input, -ENOENT
 * no such IMSI, -EEXIST already there, -EADDRINUSE static address taken,
 * -EIO database error); sub_store_error() then says why in one line.
 * Not thread-safe: one store per thread (agwd uses it from its loop).
 */
#ifndef AGWD_SUBSCRIBER_H
#define AGWD_SUBSCRIBER_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agwd/config/config.h"
#include "crypto/milenage.h"

#define SUB_IMSI_MIN	6
#define SUB_IMSI_MAX	15	/* TS 23.003 2.2 */
#define SUB_MSISDN_MAX	15	/* E.164 */
#define SUB_MAX_APNS	8
#define SUB_SQN_IND_BITS EPS_SQN_IND_BITS_DEFAULT
#define SUB_AMF_DEFAULT	0x8000	/* separation bit set: EPS (TS 33.401 6.1.1) */

enum sub_state { SUB_ACTIVE, SUB_SUSPENDED };

/* A per-subscriber APN profile; zero qci/arp/ambr mean "the APN's default". */
struct sub_apn {
	char name[AGW_APN_MAX + 1];	/* stored lower case */
	bool has_ipv4, has_ipv6;
	struct in_addr ipv4;		/* static address */
	struct in6_addr ipv6;		/* static /64 prefix (low 64 bits zero) */
	uint8_t qci, arp;
	uint64_t ambr_ul, ambr_dl;
};

struct sub_record {
	char imsi[SUB_IMSI_MAX + 1];
	uint8_t k[16];
	uint8_t opc[16];
	uint8_t amf[2];
	uint64_t sqn;			/* SQN_HE: the last SQN handed out */
	char msisdn[SUB_MSISDN_MAX + 1];
	enum sub_state state;
	unsigned int n_apns;
	struct sub_apn apns[SUB_MAX_APNS];
};

struct sub_store;

/*
 * Optional hook run on every APN profile before it is written (add, update,
 * import): agwd checks the APN exists and a static address is inside its
 * pool. Return 0, or -errno after writing a reason into msg.
 */
typedef int (*sub_apn_check_fn)(void *arg, const char *imsi, const struct sub_apn *apn,
				char *msg, size_t size);

/* Opens (creating, migrating) the database at path; mode 0600. */
int sub_store_open(const char *path, struct sub_store **out, char *err, size_t err_size);
void sub_store_close(struct sub_store *s);
const char *sub_store_error(const struct sub_store *s);
void sub_store_set_apn_check(struct sub_store *s, sub_apn_check_fn fn, void *arg);

/* Fills defaults (AMF 8000, state active) and checks the fields. */
void sub_record_init(struct sub_record *r);
int sub_record_check(const struct sub_record *r, char *msg, size_t size);
/* Exactly 2 * len hex digits into out; 0 or -1. */
int sub_hex(const char *s, uint8_t *out, size_t len);
const char *sub_state_name(enum sub_state st);
int sub_state_parse(const char *s);	/* -1 if unknown */

int sub_add(struct sub_store *s, const struct sub_record *r);
/* Replaces everything but the SQN (use sub_set_sqn for that). */
int sub_update(struct sub_store *s, const struct sub_record *r);
int sub_delete(struct sub_store *s, const char *imsi);
int sub_get(struct sub_store *s, const char *imsi, struct sub_record *r);
int sub_set_sqn(struct sub_store *s, const char *imsi, uint64_t sqn);
int sub_count(struct sub_store *s, uint64_t *n);

/*
 * Pages in IMSI order: calls fn for up to limit records whose IMSI sorts
 * after `after` ("" for the first page). *n gets the number visited. A
 * non-zero return from fn stops the walk and is returned.
 */
typedef int (*sub_list_fn)(void *arg, const struct sub_record *r);
int sub_list(struct sub_store *s, const char *after, unsigned int limit, sub_list_fn fn,
	     void *arg, unsigned int *n);

/*
 * CSV import (format in Documentation/agwctl.md): all rows or none, in one
 * transaction. replace: existing IMSIs are updated instead of refused.
 * On error sub_store_error() starts with "line N: ".
 */
int sub_import_csv(struct sub_store *s, const char *text, size_t len, bool replace,
		   unsigned int *n_rows);

/*
 * Streaming import (sub_import.c): a file of any size in chunks of whole
 * lines, the header in the first.  atomic: rows are checked as they come
 * and staged in an unlinked temporary file; sub_import_finish() writes them
 * all in one transaction or none.  Not atomic: each chunk is one
 * transaction; a failing chunk is rolled back and the error says how many
 * rows of the earlier chunks are in.  sync (implies atomic and replace):
 * finish also deletes every subscriber the file does not name, and an
 * existing subscriber keeps its SQN when it is higher than the file's.
 * Errors: sub_store_error() names the line of the whole file ("line N: ").
 */
struct sub_import_opts {
	bool atomic, replace, sync;
};
struct sub_import;
int sub_import_begin(const struct sub_import_opts *o, struct sub_import **out);
int sub_import_chunk(struct sub_store *s, struct sub_import *imp, const char *text, size_t len);
/* Rows checked (atomic) or written so far */
unsigned int sub_import_rows(const struct sub_import *imp);
int sub_import_finish(struct sub_store *s, struct sub_import *imp, unsigned int *rows,
		      unsigned int *deleted);
void sub_import_free(struct sub_import *imp);
/* One CSV row (without the newline) into r; header tells op/opc. */
int sub_csv_parse_row(const char *line, bool op_column, struct sub_record *r, char *msg,
		      size_t size);

/*
 * EPS AKA (TS 33.401 6.1.2): reads SQN_HE, advances it (TS 33.102 C.3.2:
 * SEQ + 1, IND + 1 mod 32), stores it and only then returns the vector
 * for RAND and the serving network plmn (3 octets). -EPERM if suspended,
 * -ERANGE if SEQ would wrap.
 */
int sub_next_vector(struct sub_store *s, const char *imsi, const uint8_t plmn[3],
		    const uint8_t rand[16], struct eps_aka_vector *vec);
/*
 * Re-synchronisation (TS 33.102 6.3.5): recovers SQN_MS from AUTS for the
 * RAND of the rejected vector, verifies MAC-S (-EBADMSG if wrong) and makes
 * SQN_HE at least SQN_MS so the next vector is fresh.
 */
int sub_resync(struct sub_store *s, const char *imsi, const uint8_t rand[16],
	       const uint8_t auts[14]);

/* Internal to the subscriber module (sub_csv.c, sub_auth.c). */
int sub_store_fail(struct sub_store *s, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int sub_store_begin(struct sub_store *s);
int sub_store_commit(struct sub_store *s);
void sub_store_rollback(struct sub_store *s);
int sub_put(struct sub_store *s, const struct sub_record *r, bool insert, bool replace);

#endif
