// SPDX-License-Identifier: GPL-2.0
/*
 * enbsim: an eNodeB + UE simulator for testing an MME / gateway over real
 * S1AP, NAS and GTP-U.  See Documentation/enbsim.md.
 *
 *   enbsim [OPTIONS] --scenario FILE
 *   enbsim [OPTIONS] --mme ADDR [--ues N] --imsi IMSI --k HEX --opc HEX COMMAND...
 *   enbsim [OPTIONS] --bench --mme ADDR --ues N --imsi IMSI --k HEX --opc HEX
 */
#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/milenage.h"
#include "enbsim.h"
#include "lib/log.h"
#include "lib/pcap.h"
#include "scenario.h"

static const char usage[] =
"usage: enbsim [OPTIONS] --scenario FILE\n"
"       enbsim [OPTIONS] --mme ADDR --imsi IMSI --k HEX (--opc HEX | --op HEX) COMMAND...\n"
"       enbsim [OPTIONS] --bench --mme ADDR --ues N --imsi IMSI --k HEX --opc HEX\n"
"\n"
"COMMAND := s1setup | attach | detach | switch-off | idle | sr | tau | ping:DST[:COUNT]\n"
"         | sleep:MS | exec:CMD | stats\n"
"OPTIONS: --mme-port N --enb-addr ADDR --s1u ADDR --enb-id N --plmn MCCMNC --tac N\n"
"         --ues N --sqn N --apn APN --pdn-type ipv4|ipv6|ipv4v6 --combined --guti\n"
"         --no-uplane --rate R --inflight N --agwd-pid PID --pcap FILE --timeout S\n"
"         --timer-scale F --enbs N --radio-cap-size OCTETS\n"
"         --log LEVEL (error|warn|notice|info|debug) -n (check the scenario only)\n";

struct cli {
	struct enb_cfg enb;
	struct ue_cfg ue;
	unsigned int n_ues, n_enbs, rate, inflight, timeout;
	int agwd_pid;
	const char *scenario, *pcap;
	int bench, check_only, have_k, have_opc;
	double timer_scale;
};

enum { O_MME = 256, O_MME_PORT, O_ENB_ADDR, O_S1U, O_ENB_ID, O_PLMN, O_TAC, O_UES, O_IMSI,
	O_K, O_OPC, O_OP, O_SQN, O_APN, O_PDN_TYPE, O_COMBINED, O_GUTI, O_NO_UPLANE, O_BENCH,
	O_RATE, O_INFLIGHT, O_AGWD_PID, O_PCAP, O_TIMEOUT, O_SCALE, O_LOG, O_SCENARIO, O_ENBS,
	O_RADIO_CAP };

static const struct option opts[] = {
	{ "mme", 1, NULL, O_MME }, { "mme-port", 1, NULL, O_MME_PORT },
	{ "enb-addr", 1, NULL, O_ENB_ADDR }, { "s1u", 1, NULL, O_S1U },
	{ "enb-id", 1, NULL, O_ENB_ID }, { "plmn", 1, NULL, O_PLMN }, { "tac", 1, NULL, O_TAC },
	{ "ues", 1, NULL, O_UES }, { "imsi", 1, NULL, O_IMSI }, { "k", 1, NULL, O_K },
	{ "opc", 1, NULL, O_OPC }, { "op", 1, NULL, O_OP }, { "sqn", 1, NULL, O_SQN },
	{ "apn", 1, NULL, O_APN }, { "pdn-type", 1, NULL, O_PDN_TYPE },
	{ "combined", 0, NULL, O_COMBINED }, { "guti", 0, NULL, O_GUTI },
	{ "no-uplane", 0, NULL, O_NO_UPLANE }, { "bench", 0, NULL, O_BENCH },
	{ "rate", 1, NULL, O_RATE }, { "inflight", 1, NULL, O_INFLIGHT },
	{ "agwd-pid", 1, NULL, O_AGWD_PID },
	{ "pcap", 1, NULL, O_PCAP }, { "timeout", 1, NULL, O_TIMEOUT },
	{ "timer-scale", 1, NULL, O_SCALE }, { "log", 1, NULL, O_LOG },
	{ "scenario", 1, NULL, O_SCENARIO }, { "enbs", 1, NULL, O_ENBS },
	{ "radio-cap-size", 1, NULL, O_RADIO_CAP }, { "help", 0, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int bad_arg(const char *opt, const char *why)
{
	fprintf(stderr, "enbsim: argument of --%s is wrong: %s\n", opt, why);
	return 2;
}

#define STR_(x) #x
#define STR(x) STR_(x)

/* A decimal number 0..max */
static int uint_arg(const char *a, unsigned int max, unsigned int *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(a, &end, 10);
	if (errno || end == a || *end || a[0] == '-' || v > max)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

static int parse_opt(struct cli *c, int o, const char *a, struct enbsim *sim)
{
	uint8_t op[16];

	switch (o) {
	case O_MME: snprintf(c->enb.mme, sizeof(c->enb.mme), "%s", a); break;
	case O_MME_PORT: c->enb.mme_port = (uint16_t)atoi(a); break;
	case O_ENB_ADDR: snprintf(c->enb.addr, sizeof(c->enb.addr), "%s", a); break;
	case O_S1U: snprintf(c->enb.s1u, sizeof(c->enb.s1u), "%s", a); break;
	case O_ENB_ID: c->enb.enb_id = (uint32_t)strtoul(a, NULL, 0) & 0xfffff; break;
	case O_PLMN: snprintf(c->enb.mccmnc, sizeof(c->enb.mccmnc), "%s", a); break;
	case O_TAC: c->enb.tac[0] = (uint16_t)strtoul(a, NULL, 0); c->enb.n_tac = 1; break;
	case O_UES:
		if (uint_arg(a, ENBSIM_MAX_UES, &c->n_ues) || !c->n_ues)
			return bad_arg("ues", "1 to " STR(ENBSIM_MAX_UES));
		break;
	case O_ENBS:
		if (uint_arg(a, ENBSIM_MAX_ENBS, &c->n_enbs) || !c->n_enbs)
			return bad_arg("enbs", "1 to " STR(ENBSIM_MAX_ENBS));
		break;
	case O_RADIO_CAP:
		if (uint_arg(a, 1u << 20, &c->ue.radio_cap_size))
			return bad_arg("radio-cap-size", "0 to 1048576 octets");
		break;
	case O_IMSI:
		if (strlen(a) < 6 || strlen(a) > 15 || strspn(a, "0123456789") != strlen(a))
			return bad_arg("imsi", "6 to 15 digits");
		snprintf(c->ue.imsi, sizeof(c->ue.imsi), "%s", a);
		break;
	case O_K:
		if (cli_parse_hex(a, c->ue.k, 16))
			return bad_arg("k", "32 hex digits");
		c->have_k = 1;
		break;
	case O_OPC:
		if (cli_parse_hex(a, c->ue.opc, 16))
			return bad_arg("opc", "32 hex digits");
		c->have_opc = 1;
		break;
	case O_OP:
		if (cli_parse_hex(a, op, 16) || !c->have_k)
			return bad_arg("op", "32 hex digits, after --k");
		milenage_opc(c->ue.k, op, c->ue.opc);
		c->have_opc = 1;
		break;
	case O_SQN: c->ue.sqn = strtoull(a, NULL, 0); break;
	case O_APN: snprintf(c->ue.apn, sizeof(c->ue.apn), "%s", a); break;
	case O_PDN_TYPE:
		c->ue.pdn_type = !strcmp(a, "ipv6") ? 2 : !strcmp(a, "ipv4v6") ? 3 : 1;
		break;
	case O_COMBINED: c->ue.combined = 1; break;
	case O_GUTI: c->ue.id_kind = UE_ID_GUTI; break;
	case O_NO_UPLANE: sim->uplane = 0; break;
	case O_BENCH: c->bench = 1; break;
	case O_RATE: c->rate = (unsigned int)atoi(a); break;
	case O_INFLIGHT: c->inflight = (unsigned int)atoi(a); break;
	case O_AGWD_PID: c->agwd_pid = atoi(a); break;
	case O_PCAP: c->pcap = a; break;
	case O_TIMEOUT: c->timeout = (unsigned int)atoi(a); break;
	case O_SCALE: sim->timer_scale = atof(a); break;
	case O_SCENARIO: c->scenario = a; break;
	case O_LOG:
		if (log_level_parse(a) < 0)
			return bad_arg("log", "error, warn, notice, info or debug");
		log_init("enbsim", (enum log_level)log_level_parse(a), false);
		break;
	case 'n': c->check_only = 1; break;
	default:
		fputs(usage, stderr);
		return 2;
	}
	return 0;
}

/* "attach" "ping:1.2.3.4:3" ... -> scenario steps */
static struct json_object *cli_steps(int argc, char **argv)
{
	struct json_object *steps = json_object_new_array(), *s;
	int have_setup = 0;

	for (int i = 0; i < argc; i++)
		have_setup |= !strcmp(argv[i], "s1setup");
	if (!have_setup) {
		s = json_object_new_object();
		json_object_object_add(s, "op", json_object_new_string("s1setup"));
		json_object_array_add(steps, s);
	}
	for (int i = 0; i < argc; i++) {
		char *a = argv[i], *arg = strchr(a, ':');
		static const char *const alias[][2] = {
			{ "sr", "service_request" }, { "switch-off", "detach" },
		};
		const char *op = a;

		if (arg)
			*arg++ = 0;
		for (size_t k = 0; k < 2; k++)
			if (!strcmp(a, alias[k][0]))
				op = alias[k][1];
		s = json_object_new_object();
		json_object_object_add(s, "op", json_object_new_string(op));
		if (!strcmp(a, "switch-off"))
			json_object_object_add(s, "switch_off", json_object_new_boolean(1));
		if (!strcmp(op, "ping") && arg) {
			char *cnt = strrchr(arg, ':');

			if (cnt && strchr(arg, '.') && cnt > strchr(arg, '.'))
				*cnt++ = 0;
			else
				cnt = NULL;
			json_object_object_add(s, "dst", json_object_new_string(arg));
			json_object_object_add(s, "ue", json_object_new_int(0));
			json_object_object_add(s, "count", json_object_new_int(cnt ? atoi(cnt) : 3));
		} else if (!strcmp(op, "sleep") && arg) {
			json_object_object_add(s, "ms", json_object_new_int(atoi(arg)));
		} else if (!strcmp(op, "exec") && arg) {
			json_object_object_add(s, "cmd", json_object_new_string(arg));
		}
		json_object_array_add(steps, s);
	}
	return steps;
}

static int cli_build(struct cli *c, struct enbsim *sim)
{
	if (!c->enb.mme[0] || !c->ue.imsi[0] || !c->have_k || !c->have_opc) {
		fprintf(stderr, "enbsim: --mme, --imsi, --k and --opc (or --op) are needed\n");
		return 2;
	}
	if (sim_start(sim)) {
		fprintf(stderr, "enbsim: cannot create the event loop: %s\n", strerror(errno));
		return 2;
	}
	/* --enbs N: eNB IDs enb-id.. enb-id+N-1, each its own association from
	 * the same address; UE i camps on eNB i % N */
	for (unsigned int k = 0; k < c->n_enbs; k++) {
		struct enb_cfg e = c->enb;

		e.enb_id = (c->enb.enb_id + k) & 0xfffff;
		snprintf(e.name, sizeof(e.name), "enbsim-%u", k);
		if (enb_init(sim, k, &e)) {
			fprintf(stderr, "enbsim: eNB %u: bad configuration (see the log above)\n", k);
			return 2;
		}
	}
	sim->n_enbs = c->n_enbs;
	sim->ues = calloc(c->n_ues, sizeof(*sim->ues));
	if (!sim->ues) {
		fprintf(stderr, "enbsim: no memory for %u UEs (%zu MiB)\n", c->n_ues,
			c->n_ues * sizeof(*sim->ues) >> 20);
		return 2;
	}
	sim->n_ues = c->n_ues;
	for (unsigned int i = 0; i < c->n_ues; i++) {
		struct ue_cfg u = c->ue;
		unsigned long long k = i;

		u.enb = i % c->n_enbs;
		for (size_t d = strlen(u.imsi); d-- > 0 && k;) {
			unsigned long long v = (unsigned long long)(u.imsi[d] - '0') + k;

			u.imsi[d] = (char)('0' + v % 10);
			k = v / 10;
		}
		ue_init(sim, &sim->ues[i], i, &u);
	}
	if (c->pcap && !(sim->pcap = pcap_w_open(c->pcap))) {
		fprintf(stderr, "enbsim: --pcap %s: %s\n", c->pcap, strerror(errno));
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct enbsim sim = { .uplane = 1, .timer_scale = 1.0 };
	struct cli c = { .n_ues = 1, .n_enbs = 1, .timeout = 10 };
	struct json_object *steps;
	int o, rc;

	log_init("enbsim", LOG_LVL_WARN, false);
	snprintf(c.enb.mccmnc, sizeof(c.enb.mccmnc), "00101");
	snprintf(c.ue.imei, sizeof(c.ue.imei), "353490069873319");
	c.enb.enb_id = 1;
	c.ue.pdn_type = 1;
	c.ue.esm_info = 1;
	while ((o = getopt_long(argc, argv, "hn", opts, NULL)) != -1)
		if ((rc = parse_opt(&c, o, optarg, &sim)))
			return rc;
	if (c.scenario) {
		if (c.check_only) {
			struct json_object *j = json_object_from_file(c.scenario);

			printf(j ? "configuration OK\n" : "enbsim: %s: not JSON\n", c.scenario);
			json_object_put(j);
			return j ? 0 : 2;
		}
		return scenario_run_file(c.scenario, &sim, c.pcap);
	}
	if ((rc = cli_build(&c, &sim)))
		goto out;
	if (c.bench) {
		rc = bench_run(&sim, c.rate, c.inflight, c.agwd_pid);
		goto out;
	}
	steps = cli_steps(argc - optind, argv + optind);
	rc = scenario_run_steps(&sim, steps, c.timeout);
	json_object_put(steps);
out:
	sim_free(&sim);
	return rc;
}
