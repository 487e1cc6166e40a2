// SPDX-License-Identifier: GPL-2.0
/*
 * JSON-RPC handling and the control socket server over a socketpair:
 * request/response, malformed JSON, oversize requests, method table.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <json-c/json.h>

#include "unit.h"
#include "lib/ctl.h"
#include "lib/jsonrpc.h"

static int echo(void *arg, struct json_object *params, struct json_object **result,
		struct jsonrpc_error *err)
{
	const char *s;

	if (jsonrpc_param_str(params, "say", 1, &s, err))
		return -1;
	*result = json_object_new_string(s);
	return 0;
}

static int refuse(void *arg, struct json_object *params, struct json_object **result,
		  struct jsonrpc_error *err)
{
	return jsonrpc_fail(err, ENOENT, "nothing here");
}

static struct jsonrpc *rpc_new(void)
{
	struct jsonrpc *r = jsonrpc_new();

	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	CU_ASSERT_EQUAL(jsonrpc_register(r, "test.echo", echo, NULL, "echo"), 0);
	CU_ASSERT_EQUAL(jsonrpc_register(r, "test.refuse", refuse, NULL, "refuse"), 0);
	CU_ASSERT_EQUAL(jsonrpc_register(r, "test.echo", echo, NULL, "again"), -EEXIST);
	return r;
}

static void expect(struct jsonrpc *r, const char *req, const char *resp)
{
	size_t len = 0;
	char *out = jsonrpc_handle(r, req, strlen(req), &len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	if (strcmp(out, resp)) {
		fprintf(stderr, "\nrequest  %s\ngot      %s\nexpected %s\n", req, out, resp);
		CU_FAIL("unexpected response");
	}
	CU_ASSERT_EQUAL(len, strlen(out));
	free(out);
}

static void test_jsonrpc_requests(void)
{
	struct jsonrpc *r = rpc_new();

	expect(r, "{\"id\":1,\"method\":\"test.echo\",\"params\":{\"say\":\"hi\"}}",
	       "{\"id\":1,\"result\":\"hi\"}");
	expect(r, "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"test.refuse\"}",
	       "{\"id\":\"a\",\"error\":{\"code\":2,\"message\":\"nothing here\"}}");
	expect(r, "{\"id\":2,\"method\":\"test.echo\"}",
	       "{\"id\":2,\"error\":{\"code\":-32602,\"message\":\"say: missing (required)\"}}");
	expect(r, "{\"id\":3,\"method\":\"no.such\"}",
	       "{\"id\":3,\"error\":{\"code\":-32601,\"message\":\"method \\\"no.such\\\" does "
	       "not exist\"}}");
	expect(r, "{\"id\":4,\"method\":\"test.echo\",\"params\":[1]}",
	       "{\"id\":4,\"error\":{\"code\":-32602,\"message\":\"params must be an object\"}}");
	expect(r, "{\"id\":5,\"method\":7}",
	       "{\"id\":5,\"error\":{\"code\":-32600,\"message\":\"method must be a string\"}}");
	expect(r, "{\"id\":6,\"method\":\"x\",\"extra\":1}",
	       "{\"id\":6,\"error\":{\"code\":-32600,\"message\":\"unknown member \\\"extra\\\"\"}}");
	expect(r, "[1,2]",
	       "{\"id\":null,\"error\":{\"code\":-32600,\"message\":\"request is not a JSON "
	       "object\"}}");
	expect(r, "{\"id\":1,\"method\":\"rpc.methods\"}",
	       "{\"id\":1,\"result\":{\"methods\":[{\"name\":\"rpc.methods\",\"help\":\"list the "
	       "methods\"},{\"name\":\"test.echo\",\"help\":\"echo\"},{\"name\":\"test.refuse\","
	       "\"help\":\"refuse\"}]}}");
	jsonrpc_free(r);
}

static void test_jsonrpc_malformed(void)
{
	static const char *const bad[] = {
		"{", "{\"id\":1,", "}", "nul", "{\"id\":1} {}", "{\"a\":\"\\x\"}", "\"str", "",
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]",
	};
	struct jsonrpc *r = rpc_new();

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len;
		char *out = jsonrpc_handle(r, bad[i], strlen(bad[i]), &len);

		CU_ASSERT_PTR_NOT_NULL_FATAL(out);
		if (strncmp(out, "{\"id\":null,\"error\":{\"code\":-32700,\"message\":\"malformed "
			    "JSON", 58)) {
			fprintf(stderr, "\n%s -> %s\n", bad[i], out);
			CU_FAIL("malformed JSON not reported");
		}
		free(out);
	}
	jsonrpc_free(r);
}

/* ------------------------------------------------- socket server tests --- */

/* Pumps the loop until a full line is readable on fd (or EOF); keeps what follows it. */
static char *read_line(struct ev_loop *loop, int fd, const char *send_buf, size_t send_len)
{
	static char buf[8192], line[4096];
	static size_t n;
	size_t sent = 0;

	for (int spins = 0; spins < 5000; spins++) {
		char *nl = memchr(buf, '\n', n);
		ssize_t r;

		if (nl && sent == send_len) {
			size_t len = (size_t)(nl - buf);

			memcpy(line, buf, len);
			line[len] = 0;
			memmove(buf, nl + 1, n - len - 1);
			n -= len + 1;
			return line;
		}
		if (sent < send_len) {
			r = send(fd, send_buf + sent, send_len - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
			if (r > 0)
				sent += (size_t)r;
		}
		ev_loop_once(loop, 5);
		r = recv(fd, buf + n, sizeof(buf) - n, MSG_DONTWAIT);
		if (r == 0 && !nl) {
			n = 0;
			return NULL;
		}
		if (r > 0)
			n += (size_t)r;
	}
	n = 0;
	return NULL;
}

static void test_ctl_socketpair(void)
{
	struct ev_loop *loop = ev_loop_new();
	struct jsonrpc *r = rpc_new();
	struct ctl_server *s = ctl_server_new(loop, r);
	static const char two[] =
		"{\"id\":1,\"method\":\"test.echo\",\"params\":{\"say\":\"a\"}}\n\n"
		"{\"id\":2,\"meth";
	static const char rest[] = "od\":\"test.echo\",\"params\":{\"say\":\"b\"}}\nnot json\n";
	static const char req3[] = "{\"id\":3,\"method\":\"test.refuse\"}\n";
	int sv[2];
	char *line;

	CU_ASSERT_EQUAL_FATAL(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	CU_ASSERT_EQUAL_FATAL(ctl_server_attach(s, sv[0]), 0);
	CU_ASSERT_EQUAL(ctl_server_clients(s), 1);
	/* a request split across writes, two in one write, a blank line between */
	line = read_line(loop, sv[1], two, strlen(two));
	CU_ASSERT_STRING_EQUAL(line, "{\"id\":1,\"result\":\"a\"}");
	line = read_line(loop, sv[1], rest, strlen(rest));
	CU_ASSERT_STRING_EQUAL(line, "{\"id\":2,\"result\":\"b\"}");
	/* malformed JSON gets an error and the connection stays up */
	line = read_line(loop, sv[1], NULL, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(line);
	CU_ASSERT_EQUAL(strncmp(line, "{\"id\":null,\"error\":{\"code\":-32700", 33), 0);
	line = read_line(loop, sv[1], req3, strlen(req3));
	CU_ASSERT_STRING_EQUAL(line, "{\"id\":3,\"error\":{\"code\":2,\"message\":\"nothing here\"}}");
	/* the client goes away: the server forgets it */
	close(sv[1]);
	for (int i = 0; i < 10; i++)
		ev_loop_once(loop, 5);
	CU_ASSERT_EQUAL(ctl_server_clients(s), 0);
	ctl_server_free(s);
	jsonrpc_free(r);
	ev_loop_free(loop);
}

static void test_ctl_oversize(void)
{
	struct ev_loop *loop = ev_loop_new();
	struct jsonrpc *r = rpc_new();
	struct ctl_server *s = ctl_server_new(loop, r);
	size_t big = CTL_MAX_REQUEST + 4096;
	char *req = malloc(big), *line;
	int sv[2];

	CU_ASSERT_PTR_NOT_NULL_FATAL(req);
	memset(req, ' ', big);
	memcpy(req, "{\"id\":1,\"method\":\"test.echo\",\"params\":{\"say\":\"", 46);
	CU_ASSERT_EQUAL_FATAL(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	CU_ASSERT_EQUAL_FATAL(ctl_server_attach(s, sv[0]), 0);
	line = read_line(loop, sv[1], req, big);
	CU_ASSERT_PTR_NOT_NULL_FATAL(line);
	CU_ASSERT_STRING_EQUAL(line, "{\"id\":null,\"error\":{\"code\":-32600,\"message\":"
			       "\"request larger than 1048576 bytes\"}}");
	for (int i = 0; i < 20 && ctl_server_clients(s); i++)
		ev_loop_once(loop, 5);
	CU_ASSERT_EQUAL(ctl_server_clients(s), 0);	/* and the connection is closed */
	close(sv[1]);
	free(req);
	ctl_server_free(s);
	jsonrpc_free(r);
	ev_loop_free(loop);
}

static void test_ctl_listen_and_client(void)
{
	struct ev_loop *loop = ev_loop_new();
	struct jsonrpc *r = rpc_new();
	struct ctl_server *s = ctl_server_new(loop, r), *s2 = ctl_server_new(loop, r);
	char dir[] = "/tmp/agw-ctl-XXXXXX", path[96], err[256];

	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/sub/dir/ctl.sock", dir);
	CU_ASSERT_EQUAL_FATAL(ctl_server_listen(s, path, 0660, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(access(path, F_OK), 0);
	/* a second server refuses to steal a live socket */
	CU_ASSERT_EQUAL(ctl_server_listen(s2, path, 0660, err, sizeof(err)), -EADDRINUSE);
	ctl_server_free(s2);
	ctl_server_free(s);
	CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);	/* unlinked */
	snprintf(err, sizeof(err), "rm -rf %s", dir);
	CU_ASSERT_EQUAL(system(err), 0);
	jsonrpc_free(r);
	ev_loop_free(loop);
}

UNIT_SUITE(lib_ctl,
	   UNIT_TEST(test_jsonrpc_requests),
	   UNIT_TEST(test_jsonrpc_malformed),
	   UNIT_TEST(test_ctl_socketpair),
	   UNIT_TEST(test_ctl_oversize),
	   UNIT_TEST(test_ctl_listen_and_client))
