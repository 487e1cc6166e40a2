// SPDX-License-Identifier: GPL-2.0
/*
 * agwctl ue { list | show IMSI | guti-realloc IMSI }, agwctl detach IMSI
 * [ reattach ], agwctl enb list (methods ue.list, ue.show, ue.guti_realloc,
 * ue.detach, enb.list).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "tools/agwctl/agwctl.h"

static struct json_object *get(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	json_object_object_get_ex(o, key, &v);
	return v;
}

/* "-" for an absent number, as ip leases prints "-" for no address */
static void num_or_dash(char *buf, size_t n, struct json_object *o, const char *key)
{
	if (get(o, key))
		snprintf(buf, n, "%lld", agwctl_int(o, key));
	else
		snprintf(buf, n, "-");
}

static int do_list(int argc, char **argv)
{
	struct json_object *p = NULL, *res, *ues;

	if (argc == 2 && !strcmp(argv[0], "limit")) {
		char *end;
		unsigned long long n = strtoull(argv[1], &end, 10);

		if (!argv[1][0] || *end || argv[1][0] == '-' || n > 100000)
			return agwctl_arg_wrong(argv[1], "not a number of 0..100000");
		p = json_object_new_object();
		json_object_object_add(p, "limit", json_object_new_int64((int64_t)n));
	} else if (argc) {
		return agwctl_arg_wrong(argv[0], "expected limit N");
	}
	if (agwctl_call("ue.list", p, &res))
		return 1;
	if (agwctl_json) {
		agwctl_print_json(res);
		json_object_put(res);
		return 0;
	}
	ues = get(res, "ues");
	printf("%-16s %-30s %-18s %-14s %5s %10s %10s %4s\n", "IMSI", "GUTI", "EMM", "ECM", "ENB",
	       "ENB_UE_ID", "MME_UE_ID", "PDNS");
	for (size_t i = 0; i < json_object_array_length(ues); i++) {
		struct json_object *u = json_object_array_get_idx(ues, i);
		char enb[24], eid[24], mid[24];

		num_or_dash(enb, sizeof(enb), u, "enb");
		num_or_dash(eid, sizeof(eid), u, "enb_ue_s1ap_id");
		num_or_dash(mid, sizeof(mid), u, "mme_ue_s1ap_id");
		printf("%-16s %-30s %-18s %-14s %5s %10s %10s %4lld\n", agwctl_str(u, "imsi"),
		       agwctl_str(u, "guti"), agwctl_str(u, "emm"), agwctl_str(u, "ecm"), enb, eid,
		       mid, agwctl_int(u, "pdns"));
	}
	printf("%lld UE context(s)\n", agwctl_int(res, "total"));
	json_object_put(res);
	return 0;
}

static void show_bearer(struct json_object *b)
{
	printf("    bearer ebi %lld %s qci %lld arp %lld teid-sgw %lld", agwctl_int(b, "ebi"),
	       agwctl_str(b, "state"), agwctl_int(b, "qci"), agwctl_int(b, "arp"),
	       agwctl_int(b, "teid_sgw"));
	if (get(b, "teid_enb"))
		printf(" teid-enb %lld enb %s", agwctl_int(b, "teid_enb"),
		       agwctl_str(b, "enb_address"));
	printf(" datapath %s", json_object_get_boolean(get(b, "datapath")) ? "active" :
	       get(b, "datapath_idle") ? "idle" : "no");
	if (get(b, "mbr_ul"))
		printf(" mbr %lld/%lld", agwctl_int(b, "mbr_ul"), agwctl_int(b, "mbr_dl"));
	if (get(b, "gbr_ul"))
		printf(" gbr %lld/%lld", agwctl_int(b, "gbr_ul"), agwctl_int(b, "gbr_dl"));
	if (get(b, "policy"))
		printf(" policy %s", agwctl_str(b, "policy"));
	printf("\n");
}

static void show_text(struct json_object *u)
{
	static const char *const keys[] = { "imsi", "guti", "emm", "emm_detail", "ecm", "enb",
					    "enb_ue_s1ap_id", "mme_ue_s1ap_id", "tac", "ksi",
					    "eia", "eea", "ul_nas_count", "dl_nas_count", NULL };
	struct json_object *pdns = get(u, "pdns");

	for (size_t k = 0; keys[k]; k++)
		if (get(u, keys[k]))
			printf("%-16s %s\n", keys[k], agwctl_str(u, keys[k]));
	for (size_t i = 0; i < json_object_array_length(pdns); i++) {
		struct json_object *p = json_object_array_get_idx(pdns, i), *bs = get(p, "bearers");

		printf("pdn %s type %s", agwctl_str(p, "apn"), agwctl_str(p, "type"));
		if (get(p, "ipv4"))
			printf(" ipv4 %s", agwctl_str(p, "ipv4"));
		if (get(p, "ipv6_prefix"))
			printf(" ipv6 %s", agwctl_str(p, "ipv6_prefix"));
		printf(" default-ebi %lld ambr %lld/%lld\n", agwctl_int(p, "default_ebi"),
		       agwctl_int(p, "ambr_ul"), agwctl_int(p, "ambr_dl"));
		for (size_t j = 0; j < json_object_array_length(bs); j++)
			show_bearer(json_object_array_get_idx(bs, j));
	}
}

/* "IMSI": call method with {"imsi"}; 0 with *res set, else the exit status */
static int imsi_call(int argc, char **argv, const char *method, struct json_object **res)
{
	struct json_object *p;

	if (argc < 1)
		return agwctl_missing("IMSI");
	if (argc > 1)
		return agwctl_arg_wrong(argv[1], "unexpected");
	p = json_object_new_object();
	json_object_object_add(p, "imsi", json_object_new_string(argv[0]));
	return agwctl_call(method, p, res) ? 1 : 0;
}

static int do_show(int argc, char **argv)
{
	struct json_object *res;
	int rc = imsi_call(argc, argv, "ue.show", &res);

	if (rc)
		return rc;
	if (agwctl_json)
		agwctl_print_json(res);
	else
		show_text(res);
	json_object_put(res);
	return 0;
}

static int do_guti_realloc(int argc, char **argv)
{
	struct json_object *res;
	int rc = imsi_call(argc, argv, "ue.guti_realloc", &res);

	if (rc)
		return rc;
	if (agwctl_json)
		agwctl_print_json(res);
	else
		printf("guti %s (sent, waiting for the complete)\n", agwctl_str(res, "guti"));
	json_object_put(res);
	return 0;
}

static const struct agwctl_cmd ue_cmds[] = {
	{ "list", do_list },
	{ "show", do_show },
	{ "guti-realloc", do_guti_realloc },
};

static int do_ue(int argc, char **argv)
{
	return agwctl_dispatch("ue", ue_cmds, sizeof(ue_cmds) / sizeof(ue_cmds[0]), argc, argv);
}

AGWCTL_OBJECT(ue, do_ue,
	"Usage: agwctl ue list [ limit N ]\n"
	"       agwctl ue show IMSI\n"
	"       agwctl ue guti-realloc IMSI\n"
	"where  list shows every UE context agwd holds (registered or not), show one\n"
	"       with its PDN connections and bearers; guti-realloc sends a connected\n"
	"       UE a new GUTI (24.301 5.4.1) and prints it.")

static int do_detach(int argc, char **argv)
{
	struct json_object *p, *res = NULL;

	if (argc < 1)
		return agwctl_missing("IMSI");
	if (!strcmp(argv[0], "help")) {
		agwctl_usage("detach");
		return 0;
	}
	p = json_object_new_object();
	json_object_object_add(p, "imsi", json_object_new_string(argv[0]));
	if (argc > 1) {
		if (argc > 2 || strcmp(argv[1], "reattach")) {
			json_object_put(p);
			return agwctl_arg_wrong(argv[argc > 2 ? 2 : 1], "expected reattach");
		}
		json_object_object_add(p, "reattach", json_object_new_boolean(1));
	}
	if (agwctl_call("ue.detach", p, &res))
		return 1;
	if (agwctl_json)
		printf("null\n");
	json_object_put(res);
	return 0;
}

AGWCTL_OBJECT(detach, do_detach,
	"Usage: agwctl detach IMSI [ reattach ]\n"
	"where  the network detaches the UE (24.301 5.5.2.3): a Detach Request is\n"
	"       sent (after paging it if idle); reattach asks the UE to attach again.")

static int do_enb_list(int argc, char **argv)
{
	struct json_object *res, *enbs;

	if (argc)
		return agwctl_arg_wrong(argv[0], "unexpected");
	if (agwctl_call("enb.list", NULL, &res))
		return 1;
	if (agwctl_json) {
		agwctl_print_json(res);
		json_object_put(res);
		return 0;
	}
	enbs = get(res, "enbs");
	printf("%-4s %-16s %-10s %-16s %-6s %5s %-12s %8s %8s\n", "ID", "NAME", "ENB_ID",
	       "ADDRESS", "SETUP", "UES", "TACS", "RX_PDUS", "TX_PDUS");
	for (size_t i = 0; i < json_object_array_length(enbs); i++) {
		struct json_object *e = json_object_array_get_idx(enbs, i), *t = get(e, "tacs");
		char eid[24], tacs[64] = "";
		size_t off = 0;

		snprintf(eid, sizeof(eid), "0x%llx/%lld", agwctl_int(e, "enb_id"),
			 agwctl_int(e, "enb_id_bits"));
		for (size_t k = 0; k < json_object_array_length(t) && off < sizeof(tacs); k++) {
			int tac = json_object_get_int(json_object_array_get_idx(t, k));

			off += (size_t)snprintf(tacs + off, sizeof(tacs) - off, "%s%d",
						k ? "," : "", tac);
		}
		printf("%-4lld %-16s %-10s %-16s %-6s %5lld %-12s %8lld %8lld\n",
		       agwctl_int(e, "id"),
		       agwctl_str(e, "name")[0] ? agwctl_str(e, "name") : "-", eid,
		       agwctl_str(e, "address"),
		       json_object_get_boolean(get(e, "s1_setup")) ? "yes" : "no",
		       agwctl_int(e, "ues"), tacs[0] ? tacs : "-", agwctl_int(e, "rx_pdus"),
		       agwctl_int(e, "tx_pdus"));
	}
	json_object_put(res);
	return 0;
}

static const struct agwctl_cmd enb_cmds[] = {
	{ "list", do_enb_list },
};

static int do_enb(int argc, char **argv)
{
	return agwctl_dispatch("enb", enb_cmds, sizeof(enb_cmds) / sizeof(enb_cmds[0]), argc,
			       argv);
}

AGWCTL_OBJECT(enb, do_enb,
	"Usage: agwctl enb list\n"
	"where  list shows the eNodeBs with an S1 association.")
