// SPDX-License-Identifier: GPL-2.0
/*
 * Streaming subscriber import: a CSV file of any size arrives in chunks of
 * whole lines (each below the control socket's request limit) and is
 * applied either all or nothing (atomic: rows checked as they come and
 * staged in an unlinked temporary file, written in one transaction at the
 * end) or chunk by chunk (each chunk one transaction; the report says how
 * many rows are in).  A sync also deletes, at the end, every subscriber the
 * file does not name.  Errors name the line of the whole file.  See
 * subscriber.h and Documentation/agwctl.md "Streaming import".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agwd/subscriber/subscriber.h"

#define LINE_MAX_LEN	4096

struct sub_import {
	bool replace, sync;
	bool header, op_column;
	unsigned int lineno;		/* lines of the file seen so far */
	unsigned int rows;		/* rows staged (atomic) or written */
	FILE *stage;			/* atomic: "LINENO,ROW" lines */
	uint64_t *seen;			/* sync: the IMSIs of the file, a hash set */
	size_t n_seen, cap_seen;
};

int sub_import_begin(const struct sub_import_opts *o, struct sub_import **out)
{
	struct sub_import *imp = calloc(1, sizeof(*imp));

	*out = NULL;
	if (!imp)
		return -ENOMEM;
	imp->sync = o->sync;
	imp->replace = o->replace || o->sync;
	if (o->atomic || o->sync) {
		imp->stage = tmpfile();
		if (!imp->stage) {
			free(imp);
			return -errno;
		}
	}
	*out = imp;
	return 0;
}

void sub_import_free(struct sub_import *imp)
{
	if (!imp)
		return;
	if (imp->stage)
		fclose(imp->stage);
	free(imp->seen);
	free(imp);
}

unsigned int sub_import_rows(const struct sub_import *imp)
{
	return imp->rows;
}

/* ---- the IMSIs of a sync: open addressing over the IMSI as a number */

static uint64_t imsi_key(const char *imsi)
{
	/* 15 digits fit in 50 bits; the length keeps "001" and "0001" apart */
	uint64_t v = strlen(imsi);

	for (const char *p = imsi; *p; p++)
		v = v * 10 + (uint64_t)(*p - '0');
	return v + 1;			/* 0 marks a free slot */
}

static size_t slot_of(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ull) >> 20) & (cap - 1);
}

static int seen_add(struct sub_import *imp, const char *imsi)
{
	uint64_t key = imsi_key(imsi);
	size_t i;

	if (2 * (imp->n_seen + 1) > imp->cap_seen) {
		size_t cap = imp->cap_seen ? 2 * imp->cap_seen : 1024;
		uint64_t *nt = calloc(cap, sizeof(*nt));

		if (!nt)
			return -ENOMEM;
		for (size_t k = 0; k < imp->cap_seen; k++) {
			if (!imp->seen[k])
				continue;
			for (i = slot_of(imp->seen[k], cap); nt[i]; i = (i + 1) & (cap - 1))
				;
			nt[i] = imp->seen[k];
		}
		free(imp->seen);
		imp->seen = nt;
		imp->cap_seen = cap;
	}
	for (i = slot_of(key, imp->cap_seen); imp->seen[i]; i = (i + 1) & (imp->cap_seen - 1))
		if (imp->seen[i] == key)
			return 0;
	imp->seen[i] = key;
	imp->n_seen++;
	return 0;
}

static bool seen_has(const struct sub_import *imp, const char *imsi)
{
	uint64_t key = imsi_key(imsi);

	if (!imp->cap_seen)
		return false;
	for (size_t i = slot_of(key, imp->cap_seen); imp->seen[i];
	     i = (i + 1) & (imp->cap_seen - 1))
		if (imp->seen[i] == key)
			return true;
	return false;
}

/* ---- rows */

/* A sync keeps the higher of the local and the file's SQN: a resync from the
 * controller must not hand out SQNs the UE has already seen. */
static int put_row(struct sub_store *s, const struct sub_import *imp, struct sub_record *r)
{
	struct sub_record cur;

	if (imp->sync && !sub_get(s, r->imsi, &cur) && cur.sqn > r->sqn)
		r->sqn = cur.sqn;
	return sub_put(s, r, true, imp->replace);
}

/* Parse and write one row (line lineno of the file) */
static int apply(struct sub_store *s, struct sub_import *imp, const char *line,
		 unsigned int lineno)
{
	struct sub_record r;
	char msg[384];
	int ret = sub_csv_parse_row(line, imp->op_column, &r, msg, sizeof(msg));

	if (ret)
		return sub_store_fail(s, ret, "line %u: %s", lineno, msg);
	if (imp->sync && seen_add(imp, r.imsi))
		return sub_store_fail(s, -ENOMEM, "line %u: out of memory", lineno);
	ret = put_row(s, imp, &r);
	if (ret) {
		snprintf(msg, sizeof(msg), "%.300s", sub_store_error(s));
		return sub_store_fail(s, ret, "line %u: %s", lineno, msg);
	}
	return 0;
}

/* The next line of text (CR, LF stripped) into buf; false at the end */
static bool next_line(const char **pos, const char *end, char *buf, size_t size, bool *too_long)
{
	const char *p = *pos, *nl;
	size_t n;

	if (p >= end)
		return false;
	nl = memchr(p, '\n', (size_t)(end - p));
	n = (size_t)((nl ? nl : end) - p);
	*pos = nl ? nl + 1 : end;
	if (n && p[n - 1] == '\r')
		n--;
	*too_long = n >= size || memchr(p, 0, n);
	if (*too_long)
		n = 0;
	memcpy(buf, p, n);
	buf[n] = 0;
	return true;
}

static int header(struct sub_store *s, struct sub_import *imp, const char *line)
{
	imp->header = true;
	if (!strcmp(line, "imsi,k,opc,amf,sqn,msisdn,apns"))
		return 0;
	if (!strcmp(line, "imsi,k,op,amf,sqn,msisdn,apns")) {
		imp->op_column = true;
		return 0;
	}
	return sub_store_fail(s, -EINVAL, "line %u: header must be "
			      "\"imsi,k,opc,amf,sqn,msisdn,apns\" (or op instead of opc)",
			      imp->lineno);
}

/*
 * The lines of one chunk: atomic and sync modes check each row and stage
 * it; chunked mode writes them, the caller holding the transaction.
 */
static int feed(struct sub_store *s, struct sub_import *imp, const char *text, size_t len)
{
	const char *pos = text, *end = text + len;
	char line[LINE_MAX_LEN], msg[384];
	bool too_long;
	int ret = 0;

	while (!ret && next_line(&pos, end, line, sizeof(line), &too_long)) {
		struct sub_record r;

		imp->lineno++;
		if (too_long)
			return sub_store_fail(s, -EINVAL, "line %u: longer than %d characters "
					      "or contains NUL", imp->lineno, LINE_MAX_LEN - 1);
		if (!line[0] || line[0] == '#')
			continue;
		if (!imp->header) {
			ret = header(s, imp, line);
			continue;
		}
		if (!imp->stage) {
			ret = apply(s, imp, line, imp->lineno);
		} else {
			ret = sub_csv_parse_row(line, imp->op_column, &r, msg, sizeof(msg));
			if (ret)
				return sub_store_fail(s, ret, "line %u: %s", imp->lineno, msg);
			if (fprintf(imp->stage, "%u,%s\n", imp->lineno, line) < 0)
				return sub_store_fail(s, -EIO, "line %u: staging: %s", imp->lineno,
						      strerror(errno));
		}
		if (!ret)
			imp->rows++;
	}
	return ret;
}

int sub_import_chunk(struct sub_store *s, struct sub_import *imp, const char *text, size_t len)
{
	unsigned int rows = imp->rows, lineno = imp->lineno;
	int ret;

	if (imp->stage)
		return feed(s, imp, text, len);
	ret = sub_store_begin(s);
	if (ret)
		return ret;
	ret = feed(s, imp, text, len);
	if (!ret)
		ret = sub_store_commit(s);
	if (ret) {
		char msg[400];

		sub_store_rollback(s);
		snprintf(msg, sizeof(msg), "%.300s", sub_store_error(s));
		sub_store_fail(s, ret, "%s (lines %u.. of this chunk not written; %u rows "
			       "before it are)", msg, lineno + 1, rows);
		imp->rows = rows;
	}
	return ret;
}

/* Sync: delete the subscribers the file did not name */
struct sweep {
	struct sub_import *imp;
	char (*gone)[SUB_IMSI_MAX + 1];
	unsigned int n;
	char last[SUB_IMSI_MAX + 1];
};

static int sweep_one(void *arg, const struct sub_record *r)
{
	struct sweep *w = arg;

	snprintf(w->last, sizeof(w->last), "%s", r->imsi);
	if (!seen_has(w->imp, r->imsi))
		memcpy(w->gone[w->n++], r->imsi, sizeof(w->gone[0]));
	return 0;
}

static int sweep(struct sub_store *s, struct sub_import *imp, unsigned int *deleted)
{
	struct sweep w = { .imp = imp };
	unsigned int n;
	int ret = 0;

	w.gone = calloc(1000, sizeof(*w.gone));
	if (!w.gone)
		return sub_store_fail(s, -ENOMEM, "out of memory");
	do {
		w.n = 0;
		ret = sub_list(s, w.last, 1000, sweep_one, &w, &n);
		for (unsigned int i = 0; !ret && i < w.n; i++, (*deleted)++)
			ret = sub_delete(s, w.gone[i]);
	} while (!ret && n == 1000);
	free(w.gone);
	return ret;
}

/* Atomic, sync: the staged rows in one transaction */
static int replay(struct sub_store *s, struct sub_import *imp, unsigned int *deleted)
{
	static char line[LINE_MAX_LEN + 16];
	int ret = sub_store_begin(s);

	if (ret)
		return ret;
	rewind(imp->stage);
	while (!ret && fgets(line, sizeof(line), imp->stage)) {
		char *row = strchr(line, ','), *nl = strchr(line, '\n');

		if (!row || !nl) {
			ret = sub_store_fail(s, -EIO, "staged rows are corrupt");
			break;
		}
		*nl = 0;
		*row++ = 0;
		ret = apply(s, imp, row, (unsigned int)strtoul(line, NULL, 10));
	}
	if (!ret && ferror(imp->stage))
		ret = sub_store_fail(s, -EIO, "reading the staged rows: %s", strerror(errno));
	if (!ret && imp->sync)
		ret = sweep(s, imp, deleted);
	if (!ret)
		ret = sub_store_commit(s);
	if (ret)
		sub_store_rollback(s);
	return ret;
}

int sub_import_finish(struct sub_store *s, struct sub_import *imp, unsigned int *rows,
		      unsigned int *deleted)
{
	int ret = 0;

	*rows = 0;
	*deleted = 0;
	if (!imp->header)
		return sub_store_fail(s, -EINVAL, "line %u: no header line", imp->lineno);
	if (imp->stage)
		ret = replay(s, imp, deleted);
	if (ret) {
		*deleted = 0;
		return ret;
	}
	*rows = imp->rows;
	return 0;
}

int sub_import_csv(struct sub_store *s, const char *text, size_t len, bool replace,
		   unsigned int *n_rows)
{
	struct sub_import imp = { .replace = replace };
	unsigned int deleted;
	int ret;

	/* one piece: written directly in one transaction (no staging) */
	*n_rows = 0;
	ret = sub_store_begin(s);
	if (ret)
		return ret;
	ret = feed(s, &imp, text, len);
	if (!ret)
		ret = sub_import_finish(s, &imp, n_rows, &deleted);
	if (!ret)
		ret = sub_store_commit(s);
	if (ret) {
		sub_store_rollback(s);
		*n_rows = 0;
	}
	return ret;
}
