// SPDX-License-Identifier: GPL-2.0
/*
 * Control socket server and client (ctl.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <json-c/json.h>

#include "lib/ctl.h"
#include "lib/log.h"

struct ctl_conn {
	struct ctl_server *srv;
	struct ctl_conn *next;
	int fd;
	bool closing;		/* no more reading: close once out is flushed */
	unsigned int events;
	char *in;
	size_t in_len, in_cap, scanned;
	char *out;
	size_t out_len, out_off, out_cap;
};

struct ctl_server {
	struct ev_loop *loop;
	struct jsonrpc *rpc;
	int lfd;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	struct ctl_conn *conns;
	size_t n_conns;
};

struct ctl_server *ctl_server_new(struct ev_loop *loop, struct jsonrpc *rpc)
{
	struct ctl_server *s = calloc(1, sizeof(*s));

	if (s) {
		s->loop = loop;
		s->rpc = rpc;
		s->lfd = -1;
	}
	return s;
}

size_t ctl_server_clients(const struct ctl_server *s)
{
	return s->n_conns;
}

/* ---------------------------------------------------------- connections --- */

static void conn_free(void *arg)
{
	struct ctl_conn *c = arg;

	free(c->in);
	free(c->out);
	free(c);
}

static void conn_close(struct ctl_conn *c)
{
	struct ctl_conn **p = &c->srv->conns;

	while (*p && *p != c)
		p = &(*p)->next;
	if (*p)
		*p = c->next;
	c->srv->n_conns--;
	ev_io_del(c->srv->loop, c->fd);
	close(c->fd);
	c->fd = -1;
	/* we may be inside this connection's callback: free after it */
	if (ev_defer(c->srv->loop, conn_free, c))
		conn_free(c);	/* nothing refers to c any more */
}

static int out_append(struct ctl_conn *c, const char *data, size_t len)
{
	if (c->out_off && c->out_off == c->out_len)
		c->out_off = c->out_len = 0;
	if (c->out_len + len > c->out_cap) {
		size_t cap = c->out_cap ? c->out_cap : 4096;
		char *p;

		while (cap < c->out_len + len)
			cap *= 2;
		p = realloc(c->out, cap);
		if (!p)
			return -ENOMEM;
		c->out = p;
		c->out_cap = cap;
	}
	memcpy(c->out + c->out_len, data, len);
	c->out_len += len;
	return 0;
}

static void respond(struct ctl_conn *c, char *resp, size_t len)
{
	if (!resp || out_append(c, resp, len) || out_append(c, "\n", 1)) {
		log_warn("ctl", "out of memory answering a request: closing the connection");
		c->closing = true;
		c->out_len = c->out_off = 0;
	}
	free(resp);
}

static void oversize(struct ctl_conn *c)
{
	char msg[96];
	size_t len;
	char *resp;

	snprintf(msg, sizeof(msg), "request larger than %u bytes", CTL_MAX_REQUEST);
	resp = jsonrpc_error_response(JSONRPC_INVALID_REQUEST, msg, &len);
	respond(c, resp, len);
	c->closing = true;
	c->in_len = c->scanned = 0;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Answers every complete line in the input buffer. */
static void process(struct ctl_conn *c)
{
	size_t start = 0;

	while (!c->closing) {
		char *nl = memchr(c->in + c->scanned, '\n', c->in_len - c->scanned);
		size_t len;

		if (!nl) {
			c->scanned = c->in_len;
			if (c->in_len - start > CTL_MAX_REQUEST)
				oversize(c);
			break;
		}
		len = (size_t)(nl - (c->in + start));
		if (len > CTL_MAX_REQUEST) {
			oversize(c);
			break;
		}
		if (!blank(c->in + start, len)) {
			size_t rlen = 0;
			char *resp = jsonrpc_handle(c->srv->rpc, c->in + start, len, &rlen);

			respond(c, resp, rlen);
		}
		start = (size_t)(nl - c->in) + 1;
		c->scanned = start;
	}
	if (start && !c->closing) {
		memmove(c->in, c->in + start, c->in_len - start);
		c->in_len -= start;
		c->scanned -= start;
	}
}

/* Reads what is there; false when the peer is gone or on error. */
static bool conn_read(struct ctl_conn *c)
{
	for (;;) {
		ssize_t n;

		if (c->in_cap - c->in_len < 4096) {
			size_t cap = c->in_cap ? c->in_cap * 2 : 8192;
			char *p;

			if (cap > CTL_MAX_REQUEST + 65536)
				cap = CTL_MAX_REQUEST + 65536;
			if (cap <= c->in_len) {	/* full: process() decides */
				process(c);
				return true;
			}
			p = realloc(c->in, cap);
			if (!p)
				return false;
			c->in = p;
			c->in_cap = cap;
		}
		n = read(c->fd, c->in + c->in_len, c->in_cap - c->in_len);
		if (n > 0) {
			c->in_len += (size_t)n;
			process(c);
			if (c->closing || c->out_len - c->out_off > CTL_MAX_PENDING_OUT)
				return true;
			continue;
		}
		if (n == 0) {
			c->closing = true;	/* answer what we have, then close */
			return true;
		}
		if (errno == EINTR)
			continue;
		return errno == EAGAIN || errno == EWOULDBLOCK;
	}
}

/* Writes what it can; false on a write error. */
static bool conn_flush(struct ctl_conn *c)
{
	while (c->out_off < c->out_len) {
		ssize_t n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off,
				 MSG_NOSIGNAL | MSG_DONTWAIT);

		if (n > 0) {
			c->out_off += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
	}
	c->out_off = c->out_len = 0;
	return true;
}

static void conn_io(struct ev_loop *loop, int fd, unsigned int events, void *arg)
{
	struct ctl_conn *c = arg;
	bool pending;
	unsigned int want;

	if ((events & (EV_READ | EV_ERROR)) && !c->closing && !conn_read(c)) {
		conn_close(c);
		return;
	}
	if (!conn_flush(c)) {
		conn_close(c);
		return;
	}
	pending = c->out_off < c->out_len;
	if (c->closing && !pending) {
		conn_close(c);
		return;
	}
	want = (pending ? EV_WRITE : 0) |
	       (!c->closing && c->out_len - c->out_off <= CTL_MAX_PENDING_OUT ? EV_READ : 0);
	if (want != c->events && !ev_io_mod(loop, fd, want))
		c->events = want;
}

int ctl_server_attach(struct ctl_server *s, int fd)
{
	struct ctl_conn *c;
	int ret;

	if (s->n_conns >= CTL_MAX_CLIENTS)
		return -EMFILE;
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	c->srv = s;
	c->fd = fd;
	c->events = EV_READ;
	ret = ev_io_add(s->loop, fd, EV_READ, conn_io, c);
	if (ret) {
		free(c);
		return ret;
	}
	c->next = s->conns;
	s->conns = c;
	s->n_conns++;
	return 0;
}

static void on_accept(struct ev_loop *loop, int lfd, unsigned int events, void *arg)
{
	struct ctl_server *s = arg;

	for (;;) {
		int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				log_warn("ctl", "accept: %s", strerror(errno));
			return;
		}
		if (ctl_server_attach(s, fd)) {
			log_warn("ctl", "refusing a client: %zu connected", s->n_conns);
			close(fd);
		}
	}
}

/* ------------------------------------------------------------ listening --- */

static int mkdirs(char *dir)
{
	struct stat st;

	if (!dir[0] || !stat(dir, &st))
		return 0;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(dir, 0750) && errno != EEXIST) {
			*p = '/';
			return -errno;
		}
		*p = '/';
	}
	return mkdir(dir, 0750) && errno != EEXIST ? -errno : 0;
}

/* Removes a socket file nobody listens on; -EADDRINUSE if someone does. */
static int clear_stale(const struct sockaddr_un *sa, char *err, size_t err_size)
{
	struct stat st;
	int fd, ret;

	if (lstat(sa->sun_path, &st))
		return errno == ENOENT ? 0 : -errno;
	if (!S_ISSOCK(st.st_mode)) {
		snprintf(err, err_size, "%s exists and is not a socket", sa->sun_path);
		return -EEXIST;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	ret = connect(fd, (const struct sockaddr *)sa, sizeof(*sa));
	close(fd);
	if (!ret) {
		snprintf(err, err_size, "%s: another process is listening on it", sa->sun_path);
		return -EADDRINUSE;
	}
	return unlink(sa->sun_path) ? -errno : 0;
}

int ctl_server_listen(struct ctl_server *s, const char *path, mode_t mode, char *err,
		      size_t err_size)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char dir[sizeof(sa.sun_path)], *slash;
	int fd, ret;

	if (strlen(path) >= sizeof(sa.sun_path) || s->lfd >= 0) {
		snprintf(err, err_size, "%s: path too long", path);
		return -ENAMETOOLONG;
	}
	strcpy(sa.sun_path, path);
	strcpy(dir, path);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = 0;
		ret = mkdirs(dir);
		if (ret) {
			snprintf(err, err_size, "%s: %s", dir, strerror(-ret));
			return ret;
		}
	}
	ret = clear_stale(&sa, err, err_size);
	if (ret) {
		if (ret != -EEXIST && ret != -EADDRINUSE)
			snprintf(err, err_size, "%s: %s", path, strerror(-ret));
		return ret;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || chmod(path, mode) ||
	    listen(fd, 64)) {
		ret = -errno;
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return ret;
	}
	ret = ev_io_add(s->loop, fd, EV_READ, on_accept, s);
	if (ret) {
		snprintf(err, err_size, "%s: event loop: %s", path, strerror(-ret));
		close(fd);
		unlink(path);
		return ret;
	}
	s->lfd = fd;
	strcpy(s->path, path);
	return 0;
}

void ctl_server_free(struct ctl_server *s)
{
	if (!s)
		return;
	while (s->conns)
		conn_close(s->conns);
	if (s->lfd >= 0) {
		ev_io_del(s->loop, s->lfd);
		close(s->lfd);
		unlink(s->path);
	}
	free(s);
}

/* --------------------------------------------------------------- client --- */

int ctl_client_open(const char *path, char *err, size_t err_size)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd, ret;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		snprintf(err, err_size, "%s: path too long", path);
		return -ENAMETOOLONG;
	}
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		ret = -errno;
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return ret;
	}
	return fd;
}

static int send_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -errno;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads one line (without the newline) into a malloc'd buffer. */
static int recv_line(int fd, char **line, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		return -ENOMEM;
	for (;;) {
		ssize_t r;
		char *nl;

		if (n == cap) {
			char *p = cap < CTL_MAX_RESPONSE ? realloc(buf, cap * 2) : NULL;

			if (!p) {
				free(buf);
				return -EMSGSIZE;
			}
			buf = p;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			free(buf);
			return r == 0 ? -ECONNRESET : -errno;
		}
		nl = memchr(buf + n, '\n', (size_t)r);
		n += (size_t)r;
		if (nl) {
			*nl = 0;
			*line = buf;
			*len = (size_t)(nl - buf);
			return 0;
		}
	}
}

static int parse_response(const char *line, size_t len, int64_t id, struct json_object **result,
			  struct jsonrpc_error *rerr)
{
	struct json_object *resp = json_tokener_parse(line), *v, *e;
	int ret = -EPROTO;

	(void)len;
	jsonrpc_fail(rerr, JSONRPC_INTERNAL_ERROR, "malformed response");
	if (!json_object_is_type(resp, json_type_object) ||
	    !json_object_object_get_ex(resp, "id", &v) || json_object_get_int64(v) != id)
		goto out;
	if (json_object_object_get_ex(resp, "error", &e)) {
		struct json_object *code = NULL, *msg = NULL;

		json_object_object_get_ex(e, "code", &code);
		json_object_object_get_ex(e, "message", &msg);
		jsonrpc_fail(rerr, json_object_get_int(code), "%s",
			     msg ? json_object_get_string(msg) : "error");
		ret = 1;
	} else if (json_object_object_get_ex(resp, "result", &v)) {
		*result = json_object_get(v);
		ret = 0;
	}
out:
	json_object_put(resp);
	return ret;
}

int ctl_client_call(int fd, const char *method, struct json_object *params,
		    struct json_object **result, struct jsonrpc_error *rerr)
{
	static int64_t next_id = 1;
	struct json_object *req = json_object_new_object();
	int64_t id = next_id++;
	const char *s;
	size_t slen, len = 0;
	char *line = NULL;
	int ret;

	*result = NULL;
	if (!req)
		return -ENOMEM;
	json_object_object_add(req, "id", json_object_new_int64(id));
	json_object_object_add(req, "method", json_object_new_string(method));
	if (params)
		json_object_object_add(req, "params", json_object_get(params));
	s = json_object_to_json_string_length(req, JSON_C_TO_STRING_PLAIN, &slen);
	ret = s ? send_all(fd, s, slen) : -ENOMEM;
	if (!ret)
		ret = send_all(fd, "\n", 1);
	json_object_put(req);
	if (!ret)
		ret = recv_line(fd, &line, &len);
	if (ret) {
		jsonrpc_fail(rerr, JSONRPC_INTERNAL_ERROR, "control socket: %s", strerror(-ret));
		return ret;
	}
	ret = parse_response(line, len, id, result, rerr);
	free(line);
	return ret;
}
