// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark harness: results as JSON and as a text table, and a short
 * description of the machine they were measured on (bench.h).
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <json-c/json.h>

#include "bench.h"

int bench_report_add(struct bench_report *r, const struct bench_row *row)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 64;
		struct bench_row *v = realloc(r->rows, cap * sizeof(*v));

		if (!v)
			return -1;
		r->rows = v;
		r->cap = cap;
	}
	r->rows[r->n++] = *row;
	return 0;
}

void bench_report_free(struct bench_report *r)
{
	if (r->machine)
		json_object_put(r->machine);
	r->machine = NULL;
	free(r->rows);
	r->rows = NULL;
	r->n = r->cap = 0;
}

/* ----------------------------------------------------------- machine --- */

void bench_cpu_model(char *buf, size_t len)
{
	char line[512], *v;
	FILE *f = fopen("/proc/cpuinfo", "r");

	snprintf(buf, len, "unknown");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "model name", 10))
			continue;
		v = strchr(line, ':');
		if (!v)
			break;
		for (v++; *v == ' ' || *v == '\t'; v++)
			;
		v[strcspn(v, "\n")] = 0;
		snprintf(buf, len, "%s", v);
		break;
	}
	fclose(f);
}

int bench_qemu_count(void)
{
	char path[300], comm[64];
	struct dirent *e;
	int n = 0;
	DIR *d = opendir("/proc");
	FILE *f;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/comm", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(comm, sizeof(comm), f) && !strncmp(comm, "qemu-system", 11))
			n++;
		fclose(f);
	}
	closedir(d);
	return n;
}

static struct json_object *loadavg_json(void)
{
	struct json_object *a = json_object_new_array();
	double l[3];
	char s[32];
	int i;
	FILE *f = fopen("/proc/loadavg", "r");

	if (!f)
		return a;
	if (fscanf(f, "%lf %lf %lf", &l[0], &l[1], &l[2]) == 3) {
		for (i = 0; i < 3; i++) {
			snprintf(s, sizeof(s), "%.2f", l[i]);
			json_object_array_add(a, json_object_new_double_s(l[i], s));
		}
	}
	fclose(f);
	return a;
}

struct json_object *bench_machine_json(void)
{
	struct json_object *m = json_object_new_object();
	char cpu[256], date[32];
	struct utsname u;
	time_t now = time(NULL);
	struct tm tm;

	bench_cpu_model(cpu, sizeof(cpu));
	json_object_object_add(m, "cpu_model", json_object_new_string(cpu));
	json_object_object_add(m, "vcpus", json_object_new_int((int)sysconf(_SC_NPROCESSORS_ONLN)));
	json_object_object_add(m, "loadavg", loadavg_json());
	json_object_object_add(m, "qemu_running", json_object_new_int(bench_qemu_count()));
	if (!uname(&u))
		json_object_object_add(m, "kernel", json_object_new_string(u.release));
	json_object_object_add(m, "compiler", json_object_new_string(__VERSION__));
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_object_object_add(m, "date", json_object_new_string(date));
	return m;
}

/* -------------------------------------------------------------- JSON --- */

/* A number printed with `decimals` digits after the point. */
static struct json_object *num(double v, int decimals)
{
	char s[64];

	snprintf(s, sizeof(s), "%.*f", decimals, v);
	return json_object_new_double_s(v, s);
}

static struct json_object *row_json(const struct bench_row *w)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "codec", json_object_new_string(w->codec));
	json_object_object_add(o, "message", json_object_new_string(w->message));
	json_object_object_add(o, "op", json_object_new_string(w->op));
	json_object_object_add(o, "impl", json_object_new_string(w->impl));
	json_object_object_add(o, "per_s", num(w->per_s, 0));
	json_object_object_add(o, "ns", num(w->ns, w->ns < 100 ? 2 : 1));
	json_object_object_add(o, "bytes", json_object_new_int64((int64_t)w->bytes));
	if (w->cpu > 0)
		json_object_object_add(o, "cpu", num(w->cpu, 2));
	if (w->others >= 0 && !w->count && !w->derived)
		json_object_object_add(o, "others", num(w->others, 2));
	if (w->count) {
		json_object_object_add(o, "count", json_object_new_int64((int64_t)w->count));
		json_object_object_add(o, "seconds", num(w->seconds, 3));
		json_object_object_add(o, "per_s_warm", num(w->per_s_warm, 0));
	}
	if (w->derived)
		json_object_object_add(o, "derived", json_object_new_boolean(1));
	return o;
}

int bench_report_json(const struct bench_report *r, const struct bench_cfg *cfg, FILE *f)
{
	const int flags = JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE;
	struct json_object *o;
	size_t i;

	fprintf(f, "{\"benchmark\":\"%s\",\n", r->name);
	o = r->machine ? json_object_get(r->machine) : bench_machine_json();
	fprintf(f, " \"machine\":%s,\n", json_object_to_json_string_ext(o, flags));
	json_object_put(o);
	o = num(cfg->min_time, 3);
	fprintf(f, " \"runs\":%u,\"min_time_s\":%s,\n \"rows\":[\n", cfg->runs,
		json_object_to_json_string_ext(o, flags));
	json_object_put(o);
	for (i = 0; i < r->n; i++) {
		o = row_json(&r->rows[i]);
		fprintf(f, "  %s%s\n", json_object_to_json_string_ext(o, flags),
			i + 1 < r->n ? "," : "");
		json_object_put(o);
	}
	fprintf(f, " ]}\n");
	return ferror(f) ? -1 : 0;
}

/* ------------------------------------------------------------- table --- */

void bench_table_header(FILE *f)
{
	fprintf(f, "%-9s %-40s %-20s %6s %12s %11s %5s %6s %s\n", "codec", "message", "op",
		"bytes", "per_s", "ns", "cpu", "others", "impl");
}

void bench_table_row(FILE *f, const struct bench_row *w)
{
	char cpu[16] = "-", oth[16] = "-";

	if (w->cpu > 0)
		snprintf(cpu, sizeof(cpu), "%.2f", w->cpu);
	if (w->others >= 0 && !w->count && !w->derived)
		snprintf(oth, sizeof(oth), "%.2f", w->others);
	fprintf(f, "%-9s %-40s %-20s %6zu %12.0f %11.1f %5s %6s %s%s\n", w->codec, w->message,
		w->op, w->bytes, w->per_s, w->ns, cpu, oth, w->impl,
		w->derived ? " (derived)" : "");
	fflush(f);
}
