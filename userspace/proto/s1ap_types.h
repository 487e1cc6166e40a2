/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the S1AP codec: the macros that write type descriptors
 * (s1ap_types*.c) and the declaration of every descriptor, so the IE and
 * message tables can point at them.  Every T_*() type needs its X(id) line
 * in s1ap_type_list.h, which numbers it (.tid = S1AP_TID_<id>); then run
 * `make proto-keys` to give its members and values their keys.
 *
 *   T_INT(id, name, lb, ub, ext)         INTEGER (lb..ub[, ...])
 *   T_ENUM(id, name, n_root, ext, names...)
 *   T_BITS/T_OCT/T_PRINTABLE(id, name, lb, ub, ext)   SIZE (lb..ub[, ...])
 *   T_SEQ(id, name, ext, members...)     M(name, id) mandatory, O(...) OPTIONAL,
 *                                        IEXT the usual iE-Extensions member
 *   T_CHOICE(id, name, n_root, ext, alternatives...)
 *   T_LIST(id, name, lb, ub, elem)       SEQUENCE (SIZE (lb..ub)) OF elem
 */
#ifndef AGW_PROTO_S1AP_TYPES_H
#define AGW_PROTO_S1AP_TYPES_H

#include "proto/s1ap.h"

#define S1AP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define T_INT(id, nm, lo, hi, x)					\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .tid = S1AP_TID_##id, .kind = S1AP_K_INT, .ext = x,	\
		.lb = lo, .ub = hi }
#define T_ENUM(id, nm, nroot, x, ...)					\
	static const char *const id##_names[] = { __VA_ARGS__ };	\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .tid = S1AP_TID_##id, .kind = S1AP_K_ENUM, .ext = x, \
		.n_root = nroot, .n = S1AP_ARRAY_SIZE(id##_names), .names = id##_names }
#define T_STRING(id, nm, k, lo, hi, x)					\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .tid = S1AP_TID_##id, .kind = k, .ext = x,	\
		.lb = lo, .ub = hi }
#define T_BITS(id, nm, lo, hi, x) T_STRING(id, nm, S1AP_K_BITS, lo, hi, x)
#define T_OCT(id, nm, lo, hi, x) T_STRING(id, nm, S1AP_K_OCTETS, lo, hi, x)
#define T_PRINTABLE(id, nm, lo, hi, x) T_STRING(id, nm, S1AP_K_PRINTABLE, lo, hi, x)
#define T_SEQ(id, nm, x, ...)						\
	static const struct s1ap_member id##_m[] = { __VA_ARGS__ };	\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .tid = S1AP_TID_##id, .kind = S1AP_K_SEQ, .ext = x, \
		.n_root = S1AP_ARRAY_SIZE(id##_m), .n = S1AP_ARRAY_SIZE(id##_m), .m = id##_m }
#define T_CHOICE(id, nm, nroot, x, ...)					\
	static const struct s1ap_member id##_m[] = { __VA_ARGS__ };	\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .tid = S1AP_TID_##id, .kind = S1AP_K_CHOICE, .ext = x, \
		.n_root = nroot, .n = S1AP_ARRAY_SIZE(id##_m), .m = id##_m }
#define T_LIST(id, nm, lo, hi, el)					\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .tid = S1AP_TID_##id, .kind = S1AP_K_SEQOF,	\
		.lb = lo, .ub = hi, .elem = &s1ap_t_##el }
#define M(nm, ty) { nm, &s1ap_t_##ty, 0 }
#define O(nm, ty) { nm, &s1ap_t_##ty, 1 }
#define IEXT O("iE-Extensions", ext_container)

#define S1AP_TYPE_EXTERN(id) extern const struct s1ap_type s1ap_t_##id;
S1AP_TYPE_LIST(S1AP_TYPE_EXTERN)
extern const struct s1ap_type s1ap_t_ie_field, s1ap_t_ext_field;
/* The listed types by number, and their C names (for scripts/gen-proto-keys) */
extern const struct s1ap_type *const s1ap_types_by_tid[S1AP_TID_COUNT];
extern const char *const s1ap_tid_names[S1AP_TID_COUNT];

#endif
