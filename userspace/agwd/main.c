// SPDX-License-Identifier: GPL-2.0
/*
 * agwd: command line, start-up and shutdown in module order, signals.
 */
#include <errno.h>
#include <getopt.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "agwd/agwd.h"
#include "agwd/mobility/mobility.h"
#include "agwd/subscriber/subscriber.h"
#include "lib/ctl.h"
#include "lib/log.h"

#define DEFAULT_CONFIG "/etc/agwd/agwd.json"

static const char usage[] =
	"Usage: agwd [-c FILE] [-n] [-d] [--pcap FILE]\n"
	"       agwd -h | --help\n"
	"\n"
	"The access gateway daemon: MME with embedded SGW/PGW control.\n"
	"\n"
	"Options:\n"
	"  -c, --config FILE  configuration file (default " DEFAULT_CONFIG ")\n"
	"  -n, --check        check the configuration, print \"configuration OK\" or the\n"
	"                     error, and exit 0 or 1\n"
	"  -d, --debug        log at level debug to stderr, whatever the configuration says\n"
	"      --pcap FILE    record every S1AP PDU to FILE (SCTP in IPv4, LINKTYPE_RAW)\n"
	"  -h, --help         this text\n"
	"\n"
	"Signals: SIGHUP re-reads FILE and applies logging.level and logging.syslog;\n"
	"other changes need a restart. SIGTERM and SIGINT stop agwd cleanly.\n"
	"See Documentation/agwd-config.md.\n";

/* ------------------------------------------------------------- modules --- */

static int stores_init(struct agwd *d)
{
	char path[AGW_PATH_MAX + 32], err[512];
	int ret;

	if (mkdir(d->cfg.state_dir, 0750) && errno != EEXIST) {
		log_err("agwd", "state_dir %s: %s", d->cfg.state_dir, strerror(errno));
		return -errno;
	}
	snprintf(path, sizeof(path), "%s/subscribers.db", d->cfg.state_dir);
	ret = sub_store_open(path, &d->subs, err, sizeof(err));
	if (!ret) {
		snprintf(path, sizeof(path), "%s/leases.db", d->cfg.state_dir);
		ret = mob_open(&d->cfg, path, &d->mob, err, sizeof(err));
	}
	if (!ret)
		ret = agwd_static_sync(d);
	if (ret)
		log_err("agwd", "%s", err);
	else
		log_info("agwd", "%zu leases reloaded", mob_lease_count(d->mob));
	return ret;
}

static void stores_fini(struct agwd *d)
{
	mob_close(d->mob);
	sub_store_close(d->subs);
}

static int ctl_init(struct agwd *d)
{
	char err[256];
	int ret;

	d->ctl = ctl_server_new(d->loop, d->rpc);
	if (!d->ctl)
		return -ENOMEM;
	ret = ctl_server_listen(d->ctl, d->cfg.ctl_socket, 0660, err, sizeof(err));
	if (ret)
		log_err("ctl", "%s", err);
	return ret;
}

static void ctl_fini(struct agwd *d)
{
	ctl_server_free(d->ctl);
}

static int metrics_init(struct agwd *d)
{
	static const char *const lbl[] = { "version", "0", NULL };
	char err[256];
	int ret;

	metric_set(metrics_series(d->metrics, METRIC_GAUGE, "agwd_start_time_seconds",
				  "Start time of agwd since the Unix epoch.", lbl), d->start_time);
	if (!d->cfg.metrics.enabled)
		return 0;
	ret = metrics_http_start(d->metrics, d->loop, d->cfg.metrics.host, d->cfg.metrics.port,
				 &d->http, err, sizeof(err));
	if (ret)
		log_err("metrics", "%s", err);
	return ret;
}

static void metrics_fini(struct agwd *d)
{
	metrics_http_stop(d->http);
}

static int datapath_init(struct agwd *d)
{
	if (!d->cfg.gtpu.enabled) {
		log_notice("agwd", "gtpu.enabled is false: running without a datapath");
		return 0;
	}
	if (!if_nametoindex(d->cfg.gtpu.device)) {
		log_err("agwd", "gtpu.device %s does not exist (set gtpu.enabled to false to run "
			"without the datapath)", d->cfg.gtpu.device);
		return -ENODEV;
	}
	return 0;
}

/* Started in order, stopped in reverse order. */
static const struct {
	const char *name;
	int (*init)(struct agwd *d);
	void (*fini)(struct agwd *d);
} modules[] = {
	{ "stores", stores_init, stores_fini },
	{ "datapath", datapath_init, NULL },
	{ "mme", agwd_mme_init, agwd_mme_fini },
	{ "subscriber", agwd_ctl_subscriber_init, agwd_ctl_subscriber_fini },
	{ "mobility", agwd_ctl_ip_init, NULL },
	{ "mme-ctl", agwd_ctl_mme_init, NULL },
	{ "metrics", metrics_init, metrics_fini },
	{ "ctl", ctl_init, ctl_fini },
	{ "s1ap", agwd_mme_start, NULL },
};

#define N_MODULES (sizeof(modules) / sizeof(modules[0]))

/* ------------------------------------------------------------- signals --- */

static void on_stop(struct ev_loop *loop, int signo, void *arg)
{
	log_notice("agwd", "%s: stopping", strsignal(signo));
	ev_loop_stop(loop);
}

static void on_hup(struct ev_loop *loop, int signo, void *arg)
{
	struct agwd *d = arg;
	struct agw_config *cfg = malloc(sizeof(*cfg));
	char err[512];

	if (!cfg)
		return;
	if (agw_config_load(d->config_file, cfg, err, sizeof(err))) {
		log_err("agwd", "SIGHUP: %s: keeping the running configuration", err);
	} else {
		d->cfg.logging = cfg->logging;
		log_init("agwd", d->debug ? LOG_LVL_DEBUG : cfg->logging.level,
			 !d->debug && cfg->logging.syslog);
		log_notice("agwd", "SIGHUP: logging level %s%s; other changes need a restart",
			   log_level_name(log_current_level),
			   cfg->logging.syslog ? ", syslog" : "");
	}
	free(cfg);
}

/* ---------------------------------------------------------------- main --- */

static int run(struct agwd *d)
{
	size_t started = 0;
	int ret = 0;

	for (; started < N_MODULES && !ret; started++) {
		ret = modules[started].init(d);
		if (ret)
			log_err("agwd", "%s: start failed", modules[started].name);
	}
	if (!ret) {
		log_notice("agwd", "started: ctl %s, %u APN(s)", d->cfg.ctl_socket, d->cfg.n_apns);
		ret = ev_loop_run(d->loop);
	}
	while (started--)
		if (modules[started].fini)
			modules[started].fini(d);
	return ret;
}

static int parse_args(int argc, char **argv, struct agwd *d, bool *check)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "check", no_argument, NULL, 'n' },
		{ "debug", no_argument, NULL, 'd' },
		{ "pcap", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	d->config_file = DEFAULT_CONFIG;
	while ((c = getopt_long(argc, argv, "c:ndh", opts, NULL)) != -1) {
		switch (c) {
		case 'c': d->config_file = optarg; break;
		case 'n': *check = true; break;
		case 'd': d->debug = true; break;
		case 'p': d->pcap_file = optarg; break;
		case 'h': fputs(usage, stdout); exit(0);
		default: fputs(usage, stderr); return -1;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "agwd: unexpected argument \"%s\"\n%s", argv[optind], usage);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct agwd d;
	bool check = false;
	char err[512];
	int ret;

	if (parse_args(argc, argv, &d, &check))
		return 2;
	if (agw_config_load(d.config_file, &d.cfg, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	if (check) {
		printf("configuration OK\n");
		return 0;
	}
	log_init("agwd", d.debug ? LOG_LVL_DEBUG : d.cfg.logging.level,
		 !d.debug && d.cfg.logging.syslog);
	signal(SIGPIPE, SIG_IGN);
	d.start_time = (double)time(NULL);
	d.loop = ev_loop_new();
	d.rpc = jsonrpc_new();
	d.metrics = metrics_new();
	if (!d.loop || !d.rpc || !d.metrics ||
	    ev_signal_add(d.loop, SIGTERM, on_stop, &d) || ev_signal_add(d.loop, SIGINT, on_stop, &d) ||
	    ev_signal_add(d.loop, SIGHUP, on_hup, &d)) {
		fprintf(stderr, "agwd: out of memory or signals unavailable\n");
		return 1;
	}
	ret = run(&d);
	metrics_free(d.metrics);
	jsonrpc_free(d.rpc);
	ev_loop_free(d.loop);
	log_notice("agwd", "exit %s", ret ? "with errors" : "clean");
	return ret ? 1 : 0;
}
