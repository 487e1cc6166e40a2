// SPDX-License-Identifier: GPL-2.0
/*
 * agwd configuration: top level, PLMN, MME, TAIs, S1AP, security, GTP-U,
 * timers, paths, metrics and logging. APNs are in config_apn.c.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <json-c/json.h>

#include "agwd/config/config.h"
#include "agwd/config/config_int.h"

/* TS 24.301 Table 10.2.1 (T3412 default 54 min), 10.2.2 (T3450/T3460/T3470: 6 s) */
#define DEF_T3412	3240
#define DEF_T3450	6
#define DEF_T3460	6
#define DEF_T3470	6
/* TS 24.301 5.3.7: mobile reachable = T3412 + 4 min by default */
#define DEF_REACH_EXTRA	240
/* GPRS timer 3 (TS 24.008 10.5.7.4a): at most 31 x 320 h */
#define MAX_T3412	35712000u

int cfg_plmn(struct jcfg *c, struct json_object *o, struct agw_plmn *p)
{
	static const char *const keys[] = { "mcc", "mnc", "tac", NULL };
	static const char *const keys_no_tac[] = { "mcc", "mnc", NULL };
	const char *mcc, *mnc;

	/* TAI objects reuse this reader and add "tac" */
	if (jcfg_keys(c, o, json_object_object_get_ex(o, "tac", NULL) ? keys : keys_no_tac))
		return -1;
	if (jcfg_str(c, o, "mcc", 3, true, &mcc) || jcfg_str(c, o, "mnc", 3, true, &mnc))
		return -1;
	if (!cfg_is_digits(mcc, 3, 3))
		return jcfg_fail(c, "mcc", "\"%s\" is not 3 digits", mcc);
	if (!cfg_is_digits(mnc, 2, 3))
		return jcfg_fail(c, "mnc", "\"%s\" is not 2 or 3 digits", mnc);
	strcpy(p->mcc, mcc);
	strcpy(p->mnc, mnc);
	return 0;
}

static int cfg_mme(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "group_id", "code", "name", "relative_capacity",
					    "guti_realloc_every", NULL };
	struct json_object *o;
	uint64_t v;
	size_t mark;
	int ret = 0;

	if (jcfg_object(c, root, "mme", true, &o))
		return -1;
	mark = jcfg_push_key(c, "mme");
	if (jcfg_keys(c, o, keys) || jcfg_uint(c, o, "group_id", 0, 0xffff, true, &v))
		goto fail;
	cfg->mme.group_id = (uint16_t)v;
	if (jcfg_uint(c, o, "code", 0, 0xff, true, &v))
		goto fail;
	cfg->mme.code = (uint8_t)v;
	v = 255;
	if (jcfg_uint(c, o, "relative_capacity", 0, 255, false, &v) < 0)
		goto fail;
	cfg->mme.relative_capacity = (uint8_t)v;
	v = 0;		/* GUTI reallocation every N periodic TAUs / service requests */
	if (jcfg_uint(c, o, "guti_realloc_every", 0, 0xffff, false, &v) < 0)
		goto fail;
	cfg->mme.guti_realloc_every = (uint16_t)v;
	strcpy(cfg->mme.name, "agwd");
	if (jcfg_strcpy(c, o, "name", false, cfg->mme.name, sizeof(cfg->mme.name)) < 0)
		goto fail;
	for (const char *s = cfg->mme.name; *s; s++) {
		/* PrintableString (X.680 41.4): letters, digits, space and '()+,-./:=? */
		if (!strchr("'()+,-./:=? ", *s) && !(*s >= 'a' && *s <= 'z') &&
		    !(*s >= 'A' && *s <= 'Z') && !(*s >= '0' && *s <= '9')) {
			jcfg_fail(c, "name", "'%c' is not allowed in an S1AP PrintableString", *s);
			goto fail;
		}
	}
	if (!cfg->mme.name[0])
		jcfg_fail(c, "name", "must not be empty");
	goto out;
fail:
	ret = -1;
out:
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : ret;
}

static int cfg_tais(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	struct json_object *arr;
	size_t mark;

	if (jcfg_array(c, root, "tais", 1, AGW_MAX_TAIS, true, &arr))
		return -1;
	mark = jcfg_push_key(c, "tais");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *o = json_object_array_get_idx(arr, i);
		struct agw_tai *t = &cfg->tais[i];
		size_t m2 = jcfg_push_index(c, i);
		uint64_t tac;

		if (!json_object_is_type(o, json_type_object)) {
			jcfg_fail(c, NULL, "expected an object");
		} else if (!cfg_plmn(c, o, &t->plmn) &&
			   !jcfg_uint(c, o, "tac", 0, 0xffff, true, &tac)) {
			/* TS 23.003 19.4.2.3: TAC 0000 and FFFE are reserved */
			if (tac == 0 || tac == 0xfffe)
				jcfg_fail(c, "tac", "%llu is a reserved TAC (0 and 65534)",
					  (unsigned long long)tac);
			t->tac = (uint16_t)tac;
			for (size_t j = 0; j < i && !jcfg_failed(c); j++)
				if (!memcmp(&cfg->tais[j], t, sizeof(*t)))
					jcfg_fail(c, NULL, "duplicate of tais[%zu]", j);
		}
		jcfg_pop(c, m2);
		if (jcfg_failed(c))
			break;
		cfg->n_tais++;
	}
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

static int cfg_s1ap(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "addresses", "port", NULL };
	struct json_object *o, *arr;
	uint64_t port = 36412;	/* TS 36.412 7: SCTP port 36412 */
	size_t mark;
	int ret;

	strcpy(cfg->s1ap.addrs[0], "0.0.0.0");
	cfg->s1ap.n_addrs = 1;
	cfg->s1ap.port = (uint16_t)port;
	ret = jcfg_object(c, root, "s1ap", false, &o);
	if (ret)
		return ret < 0 ? -1 : 0;
	mark = jcfg_push_key(c, "s1ap");
	if (jcfg_keys(c, o, keys) || jcfg_uint(c, o, "port", 1, 65535, false, &port) < 0)
		goto out;
	cfg->s1ap.port = (uint16_t)port;
	ret = jcfg_array(c, o, "addresses", 1, AGW_MAX_S1AP_ADDRS, false, &arr);
	if (ret)
		goto out;
	cfg->s1ap.n_addrs = 0;
	jcfg_push_key(c, "addresses");
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *a = json_object_array_get_idx(arr, i);
		const char *s = json_object_get_string(a);
		unsigned char tmp[16];
		size_t m2 = jcfg_push_index(c, i);

		if (!json_object_is_type(a, json_type_string))
			jcfg_fail(c, NULL, "expected a string");
		else if (inet_pton(AF_INET, s, tmp) != 1 && inet_pton(AF_INET6, s, tmp) != 1)
			jcfg_fail(c, NULL, "\"%s\" is not an IP address", s);
		else
			snprintf(cfg->s1ap.addrs[cfg->s1ap.n_addrs++], AGW_ADDRSTR_MAX, "%s", s);
		jcfg_pop(c, m2);
		if (jcfg_failed(c))
			break;
	}
out:
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

int agw_alg_parse(const char *s, const char *family)
{
	if (strlen(s) != 4 || strncmp(s, family, 3) || s[3] < '0' || s[3] > '3')
		return -1;
	return s[3] - '0';
}

static int cfg_alg_list(struct jcfg *c, struct json_object *o, const char *key,
			const char *family, uint8_t *out, unsigned int *n)
{
	struct json_object *arr;
	size_t mark;
	int ret = jcfg_array(c, o, key, 1, 4, false, &arr);

	if (ret)
		return ret < 0 ? -1 : 0;
	mark = jcfg_push_key(c, key);
	*n = 0;
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		struct json_object *a = json_object_array_get_idx(arr, i);
		size_t m2 = jcfg_push_index(c, i);
		int alg = json_object_is_type(a, json_type_string) ?
			  agw_alg_parse(json_object_get_string(a), family) : -1;

		if (alg < 0)
			jcfg_fail(c, NULL, "expected one of \"%s0\"..\"%s3\"", family, family);
		/* TS 33.401 5.1.4.2: EIA0 only for unauthenticated emergency calls */
		else if (alg == 0 && !strcmp(family, "EIA"))
			jcfg_fail(c, NULL, "EIA0 (null integrity) is not allowed");
		for (unsigned int j = 0; j < *n && !jcfg_failed(c); j++)
			if (out[j] == alg)
				jcfg_fail(c, NULL, "%s%d is listed twice", family, alg);
		jcfg_pop(c, m2);
		if (jcfg_failed(c))
			break;
		out[(*n)++] = (uint8_t)alg;
	}
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

static int cfg_security(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "integrity", "ciphering", NULL };
	static const uint8_t def_int[] = { 2, 1, 3 }, def_ciph[] = { 2, 1, 3, 0 };
	struct json_object *o;
	size_t mark;
	int ret;

	memcpy(cfg->security.integrity, def_int, sizeof(def_int));
	cfg->security.n_integrity = sizeof(def_int);
	memcpy(cfg->security.ciphering, def_ciph, sizeof(def_ciph));
	cfg->security.n_ciphering = sizeof(def_ciph);
	ret = jcfg_object(c, root, "security", false, &o);
	if (ret)
		return ret < 0 ? -1 : 0;
	mark = jcfg_push_key(c, "security");
	if (!jcfg_keys(c, o, keys) &&
	    !cfg_alg_list(c, o, "integrity", "EIA", cfg->security.integrity,
			  &cfg->security.n_integrity))
		cfg_alg_list(c, o, "ciphering", "EEA", cfg->security.ciphering,
			     &cfg->security.n_ciphering);
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

static int cfg_gtpu(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "enabled", "device", "local_ipv4", "local_ipv6",
					    "port", NULL };
	struct json_object *o;
	uint64_t port = 2152;	/* TS 29.281 4.4.2.3 */
	size_t mark;
	int ret;

	strcpy(cfg->gtpu.device, "gtpu0");
	cfg->gtpu.port = (uint16_t)port;
	ret = jcfg_object(c, root, "gtpu", false, &o);
	if (ret)
		return ret < 0 ? -1 : 0;
	mark = jcfg_push_key(c, "gtpu");
	cfg->gtpu.enabled = true;
	if (jcfg_keys(c, o, keys) || jcfg_bool(c, o, "enabled", false, &cfg->gtpu.enabled) < 0 ||
	    jcfg_strcpy(c, o, "device", false, cfg->gtpu.device, sizeof(cfg->gtpu.device)) < 0 ||
	    jcfg_uint(c, o, "port", 1, 65535, false, &port) < 0)
		goto out;
	cfg->gtpu.port = (uint16_t)port;
	ret = jcfg_ipv4(c, o, "local_ipv4", false, &cfg->gtpu.local4);
	if (ret < 0)
		goto out;
	cfg->gtpu.has_local4 = ret == 0;
	ret = jcfg_ipv6(c, o, "local_ipv6", false, &cfg->gtpu.local6);
	if (ret < 0)
		goto out;
	cfg->gtpu.has_local6 = ret == 0;
	if (!cfg->gtpu.device[0])
		jcfg_fail(c, "device", "must not be empty");
	else if (cfg->gtpu.enabled && !cfg->gtpu.has_local4 && !cfg->gtpu.has_local6)
		jcfg_fail(c, NULL, "local_ipv4 or local_ipv6 is required when enabled");
out:
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

static int timer(struct jcfg *c, struct json_object *o, const char *key, uint32_t min,
		 uint32_t max, uint32_t *out)
{
	uint64_t v = *out;
	int ret = jcfg_uint(c, o, key, min, max, false, &v);

	*out = (uint32_t)v;
	return ret;
}

static int cfg_timers(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "t3412", "t3450", "t3460", "t3470",
					    "mobile_reachable", "implicit_detach", NULL };
	struct json_object *o = NULL;
	int r_reach = 1, r_detach = 1;
	size_t mark;

	cfg->timers.t3412 = DEF_T3412;
	cfg->timers.t3450 = DEF_T3450;
	cfg->timers.t3460 = DEF_T3460;
	cfg->timers.t3470 = DEF_T3470;
	if (jcfg_object(c, root, "timers", false, &o) < 0)
		return -1;
	mark = jcfg_push_key(c, "timers");
	if (o && (jcfg_keys(c, o, keys) || timer(c, o, "t3412", 1, MAX_T3412, &cfg->timers.t3412) < 0 ||
		  timer(c, o, "t3450", 1, 60, &cfg->timers.t3450) < 0 ||
		  timer(c, o, "t3460", 1, 60, &cfg->timers.t3460) < 0 ||
		  timer(c, o, "t3470", 1, 60, &cfg->timers.t3470) < 0))
		goto out;
	cfg->timers.mobile_reachable = cfg->timers.t3412 + DEF_REACH_EXTRA;
	cfg->timers.implicit_detach = cfg->timers.t3412 + DEF_REACH_EXTRA;
	if (o) {
		r_reach = timer(c, o, "mobile_reachable", 1, MAX_T3412 + 3600,
				&cfg->timers.mobile_reachable);
		r_detach = timer(c, o, "implicit_detach", 1, MAX_T3412 + 3600,
				 &cfg->timers.implicit_detach);
	}
	/* TS 24.301 5.3.7: the mobile reachable timer is longer than T3412 */
	if (r_reach == 0 && cfg->timers.mobile_reachable <= cfg->timers.t3412)
		jcfg_fail(c, "mobile_reachable", "%u must be greater than t3412 (%u)",
			  cfg->timers.mobile_reachable, cfg->timers.t3412);
	(void)r_detach;
out:
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

static int cfg_paths(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	strcpy(cfg->state_dir, "/var/lib/agwd");
	strcpy(cfg->ctl_socket, "/run/agwd/ctl.sock");
	if (jcfg_strcpy(c, root, "state_dir", false, cfg->state_dir, sizeof(cfg->state_dir)) < 0 ||
	    jcfg_strcpy(c, root, "ctl_socket", false, cfg->ctl_socket,
			sizeof(cfg->ctl_socket)) < 0)
		return -1;
	if (cfg->state_dir[0] != '/')
		return jcfg_fail(c, "state_dir", "\"%s\" is not an absolute path", cfg->state_dir);
	if (cfg->ctl_socket[0] != '/' || cfg->ctl_socket[strlen(cfg->ctl_socket) - 1] == '/')
		return jcfg_fail(c, "ctl_socket", "\"%s\" is not an absolute file path",
				 cfg->ctl_socket);
	return 0;
}

static int cfg_metrics(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	const char *s = "127.0.0.1:9090";

	if (jcfg_str(c, root, "metrics", 64, false, &s) < 0)
		return -1;
	cfg->metrics.enabled = s[0] != 0;
	if (cfg->metrics.enabled &&
	    cfg_parse_hostport(s, cfg->metrics.host, sizeof(cfg->metrics.host),
			       &cfg->metrics.port))
		return jcfg_fail(c, "metrics", "\"%s\" is not ADDRESS:PORT or [ADDRESS6]:PORT", s);
	return 0;
}

static int cfg_logging(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "level", "syslog", NULL };
	struct json_object *o;
	const char *lvl = NULL;
	size_t mark;
	int ret;

	cfg->logging.level = LOG_LVL_NOTICE;
	ret = jcfg_object(c, root, "logging", false, &o);
	if (ret)
		return ret < 0 ? -1 : 0;
	mark = jcfg_push_key(c, "logging");
	if (!jcfg_keys(c, o, keys) && jcfg_bool(c, o, "syslog", false, &cfg->logging.syslog) >= 0 &&
	    jcfg_str(c, o, "level", 16, false, &lvl) == 0) {
		int l = log_level_parse(lvl);

		if (l < 0)
			jcfg_fail(c, "level", "\"%s\" is not one of error, warn, notice, info, debug",
				  lvl);
		cfg->logging.level = (enum log_level)l;
	}
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

/* "nas": { "unknown_subscriber_cause": 7 | 8 } (TS 24.301 9.9.3.9) */
static int cfg_nas(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "unknown_subscriber_cause", NULL };
	struct json_object *o;
	uint64_t v = 8;
	size_t mark;
	int ret;

	cfg->nas.unknown_subscriber_cause = 8;
	ret = jcfg_object(c, root, "nas", false, &o);
	if (ret)
		return ret < 0 ? -1 : 0;
	mark = jcfg_push_key(c, "nas");
	if (!jcfg_keys(c, o, keys) &&
	    jcfg_uint(c, o, "unknown_subscriber_cause", 7, 8, false, &v) >= 0)
		cfg->nas.unknown_subscriber_cause = (uint8_t)v;
	jcfg_pop(c, mark);
	return jcfg_failed(c) ? -1 : 0;
}

static int cfg_root(struct jcfg *c, struct json_object *root, struct agw_config *cfg)
{
	static const char *const keys[] = { "plmn", "mme", "tais", "s1ap", "security", "apns",
					    "gtpu", "timers", "state_dir", "ctl_socket",
					    "metrics", "logging", "nas", NULL };
	struct json_object *o;
	size_t mark;

	if (jcfg_keys(c, root, keys) || jcfg_object(c, root, "plmn", true, &o))
		return -1;
	mark = jcfg_push_key(c, "plmn");
	if (cfg_plmn(c, o, &cfg->plmn))
		return -1;
	if (json_object_object_get_ex(o, "tac", NULL))
		return jcfg_fail(c, "tac", "unknown key");
	jcfg_pop(c, mark);
	if (cfg_mme(c, root, cfg) || cfg_tais(c, root, cfg) || cfg_s1ap(c, root, cfg) ||
	    cfg_security(c, root, cfg) || cfg_apns(c, root, cfg) || cfg_gtpu(c, root, cfg) ||
	    cfg_timers(c, root, cfg) || cfg_paths(c, root, cfg) || cfg_metrics(c, root, cfg) ||
	    cfg_logging(c, root, cfg) || cfg_nas(c, root, cfg))
		return -1;
	return 0;
}

static int finish(struct jcfg *c, struct json_object *root, struct agw_config *cfg,
		  char *err, size_t err_size)
{
	int ret = -1;

	memset(cfg, 0, sizeof(*cfg));
	if (root)
		ret = cfg_root(c, root, cfg);
	json_object_put(root);
	if (ret || jcfg_failed(c)) {
		snprintf(err, err_size, "%s", c->err[0] ? c->err : "config: invalid");
		return -1;
	}
	return 0;
}

int agw_config_load(const char *file, struct agw_config *cfg, char *err, size_t err_size)
{
	struct jcfg c;

	jcfg_init(&c, "config");
	return finish(&c, jcfg_parse_file(&c, file), cfg, err, err_size);
}

int agw_config_parse(const char *name, const char *text, struct agw_config *cfg, char *err,
		     size_t err_size)
{
	struct jcfg c;

	jcfg_init(&c, "config");
	return finish(&c, jcfg_parse_text(&c, name, text, strlen(text)), cfg, err, err_size);
}

const struct agw_apn_cfg *agw_config_apn(const struct agw_config *cfg, const char *name)
{
	for (unsigned int i = 0; i < cfg->n_apns; i++)
		if (!strcasecmp(cfg->apns[i].name, name))
			return &cfg->apns[i];
	return NULL;
}
