/* SPDX-License-Identifier: GPL-2.0 */
/*
 * agwd configuration: the model of the JSON file described in
 * Documentation/agwd-config.md, filled and validated by agw_config_load().
 * After a successful load every field holds a checked value (defaults filled
 * in), so the modules never re-validate.
 */
#ifndef AGWD_CONFIG_H
#define AGWD_CONFIG_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include "lib/log.h"

#define AGW_MAX_TAIS		16	/* S1AP: TAIs listed per S1 Setup we keep small */
#define AGW_MAX_APNS		16
#define AGW_MAX_S1AP_ADDRS	4
#define AGW_MAX_DNS		4
#define AGW_APN_MAX		100	/* TS 23.003 9.1: at most 100 octets */
#define AGW_MME_NAME_MAX	150	/* TS 36.413 MMEname: PrintableString (1..150) */
#define AGW_PATH_MAX		256
#define AGW_SOCK_PATH_MAX	107	/* sun_path minus the NUL */
#define AGW_ADDRSTR_MAX		46

/* Pool sizes: see Documentation/agwd-config.md "apns" */
#define AGW_POOL4_MIN_LEN	8
#define AGW_POOL4_MAX_LEN	30
#define AGW_POOL6_MIN_LEN	40	/* at most 2^24 /64 prefixes */
#define AGW_POOL6_MAX_LEN	63

struct agw_plmn {
	char mcc[4];		/* 3 digits */
	char mnc[4];		/* 2 or 3 digits */
};

struct agw_tai {
	struct agw_plmn plmn;
	uint16_t tac;
};

struct agw_apn_cfg {
	char name[AGW_APN_MAX + 1];
	bool has_ipv4_pool;
	struct in_addr ipv4_net;
	unsigned int ipv4_len;
	bool has_ipv6_pool;
	struct in6_addr ipv6_net;
	unsigned int ipv6_len;
	unsigned int n_dns4, n_dns6;
	struct in_addr dns4[AGW_MAX_DNS];
	struct in6_addr dns6[AGW_MAX_DNS];
	uint64_t ambr_ul, ambr_dl;	/* bits per second */
	uint8_t qci;			/* 1..9, default 9 */
	uint8_t arp;			/* priority level 1..15, default 15 */
};

/* EPS security algorithm identifiers (TS 33.401 5.1.3.2, 5.1.4.2) */
enum { AGW_ALG_0, AGW_ALG_1, AGW_ALG_2, AGW_ALG_3 };

struct agw_config {
	struct agw_plmn plmn;
	struct {
		uint16_t group_id;
		uint8_t code;
		uint8_t relative_capacity;
		uint16_t guti_realloc_every;	/* 0: off */
		char name[AGW_MME_NAME_MAX + 1];
	} mme;
	unsigned int n_tais;
	struct agw_tai tais[AGW_MAX_TAIS];
	struct {
		unsigned int n_addrs;
		char addrs[AGW_MAX_S1AP_ADDRS][AGW_ADDRSTR_MAX];
		uint16_t port;
	} s1ap;
	struct {
		unsigned int n_integrity, n_ciphering;
		uint8_t integrity[4];	/* AGW_ALG_x, most preferred first; never EIA0 */
		uint8_t ciphering[4];
	} security;
	unsigned int n_apns;
	struct agw_apn_cfg apns[AGW_MAX_APNS];
	struct {
		bool enabled;
		char device[IFNAMSIZ];
		bool has_local4, has_local6;
		struct in_addr local4;
		struct in6_addr local6;
		uint16_t port;
	} gtpu;
	struct {		/* seconds */
		uint32_t t3412, t3450, t3460, t3470;
		uint32_t mobile_reachable, implicit_detach;
	} timers;
	char state_dir[AGW_PATH_MAX];
	char ctl_socket[AGW_SOCK_PATH_MAX + 1];
	struct {
		bool enabled;		/* "metrics": "" disables the endpoint */
		char host[AGW_ADDRSTR_MAX];
		uint16_t port;
	} metrics;
	struct {
		enum log_level level;
		bool syslog;
	} logging;
	struct {
		uint8_t unknown_subscriber_cause;	/* EMM cause #7 or #8 (default) */
	} nas;
};

/*
 * Load and validate FILE into cfg. 0, or -1 with a one-line message
 * ("config: apns[1].ipv4_pool: ...") in err.
 */
int agw_config_load(const char *file, struct agw_config *cfg, char *err, size_t err_size);
/* Same, from text in memory (tests, ctl); name is used in syntax errors. */
int agw_config_parse(const char *name, const char *text, struct agw_config *cfg, char *err,
		     size_t err_size);

/* Lookup helpers */
const struct agw_apn_cfg *agw_config_apn(const struct agw_config *cfg, const char *name);
/* "EIA2" -> 2 etc.; -1 unknown. */
int agw_alg_parse(const char *s, const char *family);

#endif
