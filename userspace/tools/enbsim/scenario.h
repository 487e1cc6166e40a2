/* SPDX-License-Identifier: GPL-2.0 */
/* Scenario engine internals shared by scenario.c and scenario_ops.c. */
#ifndef ENBSIM_SCENARIO_H
#define ENBSIM_SCENARIO_H

#include <json-c/json.h>
#include <sys/types.h>

#include "enbsim.h"

struct op_ctx {
	struct enbsim *sim;
	struct json_object *j;		/* the step */
	unsigned int *ues;		/* selected UEs ("ue" / "ues") */
	unsigned int n_ues;
	uint64_t timeout_ms;
	char detail[512];
};

struct scen_op {
	const char *name;
	int (*run)(struct op_ctx *c);	/* 0 ok, -1 failed (detail says why) */
};

const struct scen_op *scen_op_find(const char *name);
/* Step parameters */
const char *jstr(struct json_object *o, const char *key, const char *def);
long long jint(struct json_object *o, const char *key, long long def);
int jbool(struct json_object *o, const char *key, int def);
/* Run a shell command while the loop runs; its exit status or -1. */
int scen_exec(struct enbsim *sim, const char *cmd, uint64_t timeout_ms, int background);
void scen_reap(void);

#endif
