// SPDX-License-Identifier: GPL-2.0
/*
 * agwctl: options, object dispatch, the control socket client, helpers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <json-c/json.h>

#include "lib/ctl.h"
#include "tools/agwctl/agwctl.h"

#define DEFAULT_SOCKET "/run/agwd/ctl.sock"

bool agwctl_json;
static const char *sock_path = DEFAULT_SOCKET;
static int sock_fd = -1;
static struct agwctl_object *objects;

void agwctl_register(struct agwctl_object *o)
{
	struct agwctl_object **p = &objects;

	while (*p && strcmp((*p)->name, o->name) < 0)
		p = &(*p)->next;
	o->next = *p;
	*p = o;
}

static void usage(FILE *f)
{
	fprintf(f, "Usage: agwctl [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"where  OBJECT := {");
	for (struct agwctl_object *o = objects; o; o = o->next)
		fprintf(f, " %s%s", o->name, o->next ? " |" : "");
	fprintf(f, " }\n"
		"       OPTIONS := { -s[ocket] PATH | -j[son] | -h[elp] }\n"
		"-s PATH  control socket of agwd (default " DEFAULT_SOCKET ")\n"
		"-j       print the result as JSON\n\n");
	for (struct agwctl_object *o = objects; o; o = o->next)
		fprintf(f, "%s\n", o->usage);
}

int agwctl_usage(const char *object)
{
	for (struct agwctl_object *o = objects; o; o = o->next) {
		if (!strcmp(o->name, object)) {
			fprintf(stderr, "%s\n", o->usage);
			return 1;
		}
	}
	usage(stderr);
	return 1;
}

int agwctl_arg_wrong(const char *arg, const char *why)
{
	fprintf(stderr, "Error: argument \"%s\" is wrong: %s\n", arg, why);
	return 1;
}

int agwctl_missing(const char *what)
{
	fprintf(stderr, "Error: %s is required.\n", what);
	return 1;
}

const char *agwctl_next(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "Error: \"%s\" needs an argument.\n", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

int agwctl_dispatch(const char *object, const struct agwctl_cmd *cmds, size_t n, int argc,
		    char **argv)
{
	if (argc < 1)
		return agwctl_usage(object);
	if (!strcmp(argv[0], "help")) {
		for (struct agwctl_object *o = objects; o; o = o->next)
			if (!strcmp(o->name, object))
				printf("%s\n", o->usage);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (!strcmp(argv[0], cmds[i].name))
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "Command \"%s\" is unknown, try \"agwctl %s help\".\n", argv[0], object);
	return 1;
}

static int call(const char *method, struct json_object *params, struct json_object **result,
		bool quiet)
{
	struct jsonrpc_error rerr = { 0 };
	char err[256];
	int ret;

	if (sock_fd < 0) {
		sock_fd = ctl_client_open(sock_path, err, sizeof(err));
		if (sock_fd < 0) {
			fprintf(stderr, "Error: cannot reach agwd: %s\n", err);
			json_object_put(params);
			return 1;
		}
	}
	ret = ctl_client_call(sock_fd, method, params, result, &rerr);
	json_object_put(params);
	if (ret) {
		if (!quiet)
			fprintf(stderr, "Error: %s\n", rerr.message);
		return 1;
	}
	return 0;
}

int agwctl_call(const char *method, struct json_object *params, struct json_object **result)
{
	return call(method, params, result, false);
}

int agwctl_call_quiet(const char *method, struct json_object *params, struct json_object **result)
{
	return call(method, params, result, true);
}

void agwctl_print_json(struct json_object *result)
{
	printf("%s\n", json_object_to_json_string_ext(result, JSON_C_TO_STRING_PLAIN |
						      JSON_C_TO_STRING_NOSLASHESCAPE));
}

const char *agwctl_str(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
		return "";
	return json_object_get_string(v);
}

long long agwctl_int(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? (long long)json_object_get_int64(v) : 0;
}

static bool matches(const char *arg, const char *full)
{
	/* options may be shortened (-s, -so, ... -socket), as in iproute2 */
	size_t n = strlen(arg);

	return n >= 2 && arg[0] == '-' && !strncmp(arg + 1, full, n - 1);
}

int main(int argc, char **argv)
{
	struct agwctl_object *o;
	int ret;

	while (argc > 1 && argv[1][0] == '-') {
		if (!strcmp(argv[1], "--")) {
			argc--;
			argv++;
			break;
		}
		if (matches(argv[1], "socket") || !strcmp(argv[1], "--socket")) {
			if (argc < 3) {
				fprintf(stderr, "Error: \"%s\" needs an argument.\n", argv[1]);
				return 1;
			}
			sock_path = argv[2];
			argc--;
			argv++;
		} else if (matches(argv[1], "json") || !strcmp(argv[1], "--json")) {
			agwctl_json = true;
		} else if (matches(argv[1], "help") || !strcmp(argv[1], "--help")) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "Option \"%s\" is unknown, try \"agwctl -help\".\n", argv[1]);
			return 1;
		}
		argc--;
		argv++;
	}
	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	if (!strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	for (o = objects; o; o = o->next)
		if (!strcmp(o->name, argv[1]))
			break;
	if (!o) {
		fprintf(stderr, "Object \"%s\" is unknown, try \"agwctl help\".\n", argv[1]);
		return 1;
	}
	ret = o->fn(argc - 2, argv + 2);
	if (sock_fd >= 0)
		close(sock_fd);
	return ret;
}
