/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gtpnl_arg: command-line parsing shared by gtpuctl and its -batch mode
 * (and anything else that takes "bearer add ..." lines).  Pure functions:
 * no I/O, device names are returned, not resolved.
 *
 * Errors describe the offending argument in iproute2's words; format them
 * with gtpnl_arg_strerror():
 *
 *	argument "0x1g" is wrong: not a number
 *	argument "teid-in" is required
 */
#ifndef AGW_GTPNL_ARG_H
#define AGW_GTPNL_ARG_H

#include <stdbool.h>

#include "gtpnl/gtpnl.h"

struct gtpnl_arg_err {
	const char *arg;	/* offending argument, or the missing keyword */
	const char *why;	/* NULL: a required keyword is missing */
};

/* "N" (decimal) or "0xN" (hex), at most @max. 0 or -EINVAL. */
int gtpnl_arg_num(const char *s, uint64_t max, uint64_t *out);
/*
 * A rate as tc writes it: a decimal number (a fraction is allowed) and a
 * unit, bit kbit mbit gbit tbit (bit/s) or bps kbps mbps gbps tbps (bytes
 * per second, x 8); k = 1000, case ignored.  A bare "0" is 0.  *bits gets
 * bit/s, rounded to the nearest.  0, or -EINVAL with *why set.
 */
int gtpnl_arg_rate(const char *s, uint64_t *bits, const char **why);
/* IPv4 or IPv6 address (no prefix length). */
int gtpnl_arg_addr(const char *s, int *family, union gtpnl_addr *a);
int gtpnl_arg_addr4(const char *s, struct in_addr *a);
/* "ADDR6/LEN", LEN 0..128 (the kernel decides which lengths it takes). */
int gtpnl_arg_prefix6(const char *s, struct in6_addr *a, uint8_t *plen);

enum gtpnl_arg_mode {
	GTPNL_ARG_ADD,		/* dev teid-in teid-out peer ue|ue6 [ebi] [cookie]
				 * [threshold[-ul|-dl] BYTES] [mbr-ul RATE]
				 * [mbr-dl RATE] [ambr-group N] [qfi N] [tft TFT] */
	GTPNL_ARG_MOD,		/* dev teid-in and any of teid-out peer ebi cookie
				 * threshold threshold-ul threshold-dl mbr-ul
				 * mbr-dl ambr-group qfi tft */
	GTPNL_ARG_DEL,		/* dev teid-in */
	GTPNL_ARG_IDLE,		/* dev teid-in (sets STATE IDLE) */
	GTPNL_ARG_ACTIVE,	/* dev teid-in [teid-out] [peer] (STATE ACTIVE) */
	GTPNL_ARG_END_MARKER,	/* dev teid-in */
};

/*
 * Parses the words after "bearer add|mod|del|idle|active".  Fills *b (ifindex left 0)
 * and *dev (points into argv).  0, or -EINVAL with *e set.
 */
int gtpnl_arg_bearer(int argc, char **argv, enum gtpnl_arg_mode mode,
		     struct gtpnl_bearer *b, const char **dev,
		     struct gtpnl_arg_err *e);

/*
 * A TFT in text form, "FILTER[; FILTER...]" (see gtpuctl.md), or "none"
 * (no filters: makes a bearer the default one).  0, or -EINVAL with *e set
 * (e->arg is s).
 */
int gtpnl_arg_tft(const char *s, struct gtpnl_tft *t, struct gtpnl_arg_err *e);
/* One filter in the same text form; length written, or -ENOSPC. */
int gtpnl_filter_format(const struct gtpnl_filter *f, char *buf, size_t len);

/* Formats *e as above (no "Error: " prefix, no newline). */
void gtpnl_arg_strerror(const struct gtpnl_arg_err *e, char *buf, size_t len);

/*
 * Splits a batch line in place into at most @max words separated by blanks;
 * a word starting with '#' ends the line, one starting with '"' runs to the
 * next '"' (blanks and ';' included; the quotes are removed).  Returns the number of words, or
 * -E2BIG if there are more than @max.
 */
int gtpnl_arg_split(char *line, char **argv, int max);

/*
 * Fast path for a whole batch line "bearer add dev D teid-in N teid-out N
 * peer A ue A [ebi N] [cookie N]" (any order, decimal numbers, IPv4): parsed
 * in place, no word splitting.  true: *b and *dev (NUL-terminated inside
 * text) are exactly what gtpnl_arg_bearer(GTPNL_ARG_ADD) would give;
 * false: anything else (other keywords, hex, IPv6, comments, errors), and
 * the caller uses the general parser, which also explains errors.
 */
bool gtpnl_arg_bearer_add_fast(char *text, struct gtpnl_bearer *b, char **dev);

#endif /* AGW_GTPNL_ARG_H */
