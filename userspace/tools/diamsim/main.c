// SPDX-License-Identifier: GPL-2.0
/*
 * diamsim: command line, configuration, the Diameter node, the control
 * socket and the event loop.  See sim.h and Documentation/diamsim.md.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <json-c/json.h>

#include "lib/ctl.h"
#include "lib/log.h"
#include "sim.h"

static const char usage[] =
	"Usage: diamsim -c FILE [-n] [-d]\n"
	"       diamsim call SOCKET METHOD [JSON] [--wait SECONDS]\n"
	"       diamsim samples DIR\n"
	"       diamsim -h | --help\n"
	"\n"
	"HSS, PCRF and OCS emulators and a Diameter test client (Documentation/diamsim.md).\n"
	"\n"
	"  -c, --config FILE  the configuration: identity, listeners, peers, roles\n"
	"  -n, --check        check FILE, print \"configuration OK\" or the error\n"
	"  -d, --debug        log at level debug\n"
	"  call               one control request on SOCKET; METHOD's result is printed as\n"
	"                     JSON; with --wait, a result {\"id\": N} of a request sent is\n"
	"                     waited for (method \"wait\") up to SECONDS\n"
	"  samples            write one of each S6a/Gx/Gy message, as hex, into DIR/NAME.hex\n"
	"\n"
	"SIGTERM and SIGINT stop it with DPR (Disconnect-Cause REBOOTING).\n";

/* ---------------------------------------------------------------- call --- */

static int call(int argc, char **argv)
{
	struct json_object *params = NULL, *result = NULL;
	struct jsonrpc_error rerr = { 0 };
	double wait_s = 0;
	char err[256];
	int fd, rc;

	if (argc < 3) {
		fputs(usage, stderr);
		return 2;
	}
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--wait") && i + 1 < argc) {
			wait_s = atof(argv[++i]);
		} else if (!params) {
			params = json_tokener_parse(argv[i]);
			if (!params) {
				fprintf(stderr, "diamsim: params: not JSON\n");
				return 2;
			}
		}
	}
	fd = ctl_client_open(argv[1], err, sizeof(err));
	if (fd < 0) {
		fprintf(stderr, "diamsim: %s\n", err);
		return 1;
	}
	rc = ctl_client_call(fd, argv[2], params, &result, &rerr);
	if (rc == 0 && wait_s > 0 && result && json_object_is_type(result, json_type_object)) {
		struct json_object *id, *done;
		uint64_t end = ev_time_ms() + (uint64_t)(wait_s * 1000);

		while (json_object_object_get_ex(result, "done", &done) &&
		       !json_object_get_boolean(done) && json_object_object_get_ex(result, "id", &id) &&
		       ev_time_ms() < end) {
			struct json_object *q = json_object_new_object();

			json_object_object_add(q, "id", json_object_get(id));
			usleep(20000);
			json_object_put(result);
			result = NULL;
			rc = ctl_client_call(fd, "wait", q, &result, &rerr);
			json_object_put(q);
			if (rc)
				break;
		}
	}
	close(fd);
	json_object_put(params);
	if (rc == 1) {
		fprintf(stderr, "diamsim: %s: %s\n", argv[2], rerr.message);
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "diamsim: %s\n", rerr.message);
		return 1;
	}
	printf("%s\n", result ? json_object_to_json_string_ext(result, JSON_C_TO_STRING_PLAIN) :
	       "null");
	json_object_put(result);
	return 0;
}

/* ------------------------------------------------------ configuration --- */

struct opts {
	const char *control;
	const char *cert, *key, *ca;
	bool tls_no_verify;
};

static int proto_of(struct jcfg *c, struct json_object *o, enum diam_proto *p)
{
	const char *s = "tcp";

	if (jcfg_str(c, o, "transport", 8, false, &s) < 0)
		return -1;
	if (!strcasecmp(s, "tcp"))
		*p = DIAM_TCP;
	else if (!strcasecmp(s, "sctp"))
		*p = DIAM_SCTP;
	else
		return jcfg_fail(c, "transport", "tcp or sctp");
	return 0;
}

static int node_cfg(struct jcfg *c, struct json_object *root, struct diam_node_cfg *nc,
		    struct opts *o)
{
	struct json_object *tls = NULL, *t = NULL;
	static char host[DIAM_ID_MAX], realm[DIAM_ID_MAX], level[16];
	uint64_t v;
	bool b;

	if (jcfg_strcpy(c, root, "identity", true, host, sizeof(host)) ||
	    jcfg_strcpy(c, root, "realm", true, realm, sizeof(realm)) ||
	    jcfg_str(c, root, "control", 200, true, &o->control) ||
	    jcfg_object(c, root, "tls", false, &tls) < 0 ||
	    jcfg_object(c, root, "timers", false, &t) < 0 ||
	    jcfg_strcpy(c, root, "log_level", false, level, sizeof(level)) < 0)
		return -1;
	if (level[0] && log_level_parse(level) >= 0)
		log_current_level = (enum log_level)log_level_parse(level);
	nc->origin_host = host;
	nc->origin_realm = realm;
	nc->product_name = "diamsim";
	if (jcfg_bool(c, root, "accept_unknown", false, &b) == 0)
		nc->accept_unknown = b;
	if (tls) {
		size_t m = jcfg_push_key(c, "tls");

		if (jcfg_str(c, tls, "cert", 4096, true, &o->cert) ||
		    jcfg_str(c, tls, "key", 4096, true, &o->key) ||
		    jcfg_str(c, tls, "ca", 4096, true, &o->ca))
			return -1;
		jcfg_pop(c, m);
		nc->tls.cert = o->cert;
		nc->tls.key = o->key;
		nc->tls.ca = o->ca;
	}
	if (t) {
		static const struct { const char *k; size_t off; } f[] = {
			{ "tw_ms", offsetof(struct diam_node_cfg, tw_ms) },
			{ "tw_jitter_ms", offsetof(struct diam_node_cfg, tw_jitter_ms) },
			{ "tc_ms", offsetof(struct diam_node_cfg, tc_ms) },
			{ "tc_min_ms", offsetof(struct diam_node_cfg, tc_min_ms) },
			{ "cea_timeout_ms", offsetof(struct diam_node_cfg, cea_timeout_ms) },
			{ "request_timeout_ms", offsetof(struct diam_node_cfg, request_timeout_ms) },
		};
		size_t m = jcfg_push_key(c, "timers");

		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
			if (jcfg_uint(c, t, f[i].k, 1, 3600000, false, &v) == 0)
				*(uint32_t *)((char *)nc + f[i].off) = (uint32_t)v;
		jcfg_pop(c, m);
		if (jcfg_failed(c))
			return -1;
	}
	return 0;
}

static int add_peers(struct jcfg *c, struct json_object *root, struct diam_node *n)
{
	struct json_object *peers = NULL;
	char err[256];

	if (jcfg_array(c, root, "peers", 0, 64, false, &peers) < 0)
		return -1;
	for (size_t i = 0; peers && i < json_object_array_length(peers); i++) {
		struct json_object *p = json_object_array_get_idx(peers, i);
		struct diam_peer_cfg pc = { 0 };
		size_t m1 = jcfg_push_key(c, "peers"), m2 = jcfg_push_index(c, i);
		uint64_t v;
		bool b;

		if (jcfg_str(c, p, "host", DIAM_ID_MAX - 1, false, &pc.host) < 0 ||
		    jcfg_str(c, p, "realm", DIAM_ID_MAX - 1, false, &pc.realm) < 0 ||
		    jcfg_str(c, p, "address", DIAM_ADDR_MAX - 1, false, &pc.addr) < 0 ||
		    proto_of(c, p, &pc.proto))
			return -1;
		if (jcfg_uint(c, p, "port", 1, 65535, false, &v) == 0)
			pc.port = (uint16_t)v;
		if (jcfg_uint(c, p, "priority", 0, 1000, false, &v) == 0)
			pc.priority = (int)v;
		if (jcfg_bool(c, p, "tls", false, &b) == 0)
			pc.tls = b;
		if (jcfg_bool(c, p, "passive", false, &b) == 0)
			pc.passive = b;
		if (jcfg_failed(c))
			return -1;
		if (diam_node_add_peer(n, &pc, NULL, err, sizeof(err)))
			return jcfg_fail(c, NULL, "%s", err);
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
	}
	return 0;
}

static int add_listeners(struct jcfg *c, struct json_object *root, struct diam_node *n)
{
	struct json_object *ls = NULL;
	char err[256];

	if (jcfg_array(c, root, "listen", 0, 16, false, &ls) < 0)
		return -1;
	for (size_t i = 0; ls && i < json_object_array_length(ls); i++) {
		struct json_object *l = json_object_array_get_idx(ls, i);
		size_t m1 = jcfg_push_key(c, "listen"), m2 = jcfg_push_index(c, i);
		const char *addr;
		enum diam_proto proto;
		uint64_t port = 3868;
		bool tls = false;

		if (jcfg_str(c, l, "address", 64, true, &addr) || proto_of(c, l, &proto) ||
		    jcfg_uint(c, l, "port", 1, 65535, false, &port) < 0 ||
		    jcfg_bool(c, l, "tls", false, &tls) < 0)
			return -1;
		if (diam_node_listen(n, proto, addr, (uint16_t)port, tls, err, sizeof(err)))
			return jcfg_fail(c, NULL, "%s", err);
		jcfg_pop(c, m2);
		jcfg_pop(c, m1);
	}
	return 0;
}

static int roles(struct jcfg *c, struct json_object *root, struct sim *s)
{
	static const struct {
		const char *key;
		int (*init)(struct sim *, struct jcfg *, struct json_object *);
	} r[] = { { "hss", hss_init }, { "pcrf", pcrf_init }, { "ocs", ocs_init },
		  { "client", client_init } };
	int n = 0;

	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		struct json_object *o = NULL;

		if (jcfg_object(c, root, r[i].key, false, &o) < 0)
			return -1;
		if (!o)
			continue;
		if (r[i].init(s, c, o))
			return -1;
		n++;
	}
	if (!n)
		return jcfg_fail(c, NULL, "no role: hss, pcrf, ocs or client");
	return 0;
}

/* ---------------------------------------------------------------- run --- */

static void on_signal(struct ev_loop *loop, int signo, void *arg)
{
	ev_loop_stop(loop);
}

static bool stop_done;

static void stopped(void *arg)
{
	stop_done = true;
	ev_loop_stop(arg);
}

int main(int argc, char **argv)
{
	static const char *const top_keys[] = { "identity", "realm", "control", "tls", "timers",
						"log_level", "accept_unknown", "listen", "peers",
						"hss", "pcrf", "ocs", "client", NULL };
	static const struct option lo[] = {
		{ "config", required_argument, NULL, 'c' }, { "check", no_argument, NULL, 'n' },
		{ "debug", no_argument, NULL, 'd' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 } };
	struct diam_node_cfg nc = { 0 };
	struct opts o = { 0 };
	struct sim s = { 0 };
	struct ctl_server *ctl = NULL;
	struct json_object *root;
	const char *file = NULL;
	bool check = false, debug = false;
	struct jcfg c;
	char err[256];
	int opt, rc = 1;

	if (argc > 1 && !strcmp(argv[1], "call"))
		return call(argc - 1, argv + 1);
	if (argc == 3 && !strcmp(argv[1], "samples"))
		return sim_samples(argv[2]) ? 1 : 0;
	while ((opt = getopt_long(argc, argv, "c:ndh", lo, NULL)) != -1) {
		switch (opt) {
		case 'c': file = optarg; break;
		case 'n': check = true; break;
		case 'd': debug = true; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (!file || optind != argc) {
		fputs(usage, stderr);
		return 2;
	}
	log_init("diamsim", LOG_LVL_INFO, false);
	jcfg_init(&c, "config");
	root = jcfg_parse_file(&c, file);
	if (!root || jcfg_keys(&c, root, top_keys) || node_cfg(&c, root, &nc, &o))
		goto bad;
	if (debug)
		log_current_level = LOG_LVL_DEBUG;
	s.loop = ev_loop_new();
	nc.loop = s.loop;
	s.rpc = jsonrpc_new();
	if (!s.loop || !s.rpc) {
		fprintf(stderr, "diamsim: out of memory\n");
		goto out;
	}
	snprintf(s.identity, sizeof(s.identity), "%s", nc.origin_host);
	snprintf(s.realm, sizeof(s.realm), "%s", nc.origin_realm);
	s.node = diam_node_new(&nc, err, sizeof(err));
	if (!s.node) {
		jcfg_fail(&c, NULL, "%s", err);
		goto bad;
	}
	if (roles(&c, root, &s) || add_peers(&c, root, s.node) ||
	    (!check && add_listeners(&c, root, s.node)))
		goto bad;
	if (check) {
		printf("configuration OK\n");
		rc = 0;
		goto out;
	}
	ctl = ctl_server_new(s.loop, s.rpc);
	if (!ctl || sim_ctl_init(&s) || ctl_server_listen(ctl, o.control, 0600, err, sizeof(err))) {
		fprintf(stderr, "diamsim: control socket %s: %s\n", o.control, ctl ? err : "");
		goto out;
	}
	ev_signal_add(s.loop, SIGTERM, on_signal, NULL);
	ev_signal_add(s.loop, SIGINT, on_signal, NULL);
	signal(SIGPIPE, SIG_IGN);
	diam_node_start(s.node);
	log_notice("diamsim", "%s (realm %s) running, control %s", s.identity, s.realm, o.control);
	ev_loop_run(s.loop);
	if (!s.quit) {
		/* graceful: DPR to every open peer, at most dpa_timeout */
		diam_node_stop(s.node, DIAM_DC_REBOOTING, stopped, s.loop);
		if (!stop_done)	/* nothing open: already done */
			ev_loop_run(s.loop);
	}
	rc = 0;
	goto out;
bad:
	fprintf(stderr, "%s\n", c.err[0] ? c.err : "diamsim: configuration failed");
out:
	if (ctl)
		ctl_server_free(ctl);
	diam_node_free(s.node);
	hss_free(s.hss);
	pcrf_free(s.pcrf);
	ocs_free(s.ocs);
	client_free(s.client);
	sim_free(&s);
	jsonrpc_free(s.rpc);
	if (s.loop)
		ev_loop_free(s.loop);
	json_object_put(root);
	return rc;
}
