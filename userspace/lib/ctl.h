/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control socket: newline-delimited JSON-RPC (jsonrpc.h) over a unix
 * stream socket, served from the event loop, and a blocking client.
 *
 * Server: each line a client sends is one request, answered by one line in
 * order. A request longer than CTL_MAX_REQUEST bytes gets an error
 * response and the connection is closed; malformed JSON gets an error
 * response and the connection stays open. At most CTL_MAX_CLIENTS at once.
 */
#ifndef AGW_LIB_CTL_H
#define AGW_LIB_CTL_H

#include <stddef.h>
#include <sys/types.h>

#include "lib/evloop.h"
#include "lib/jsonrpc.h"

#define CTL_MAX_REQUEST		(1u << 20)	/* 1 MiB, without the newline */
#define CTL_MAX_RESPONSE	(64u << 20)	/* client side limit */
#define CTL_MAX_CLIENTS		64
#define CTL_MAX_PENDING_OUT	(16u << 20)	/* stop reading a client that does not read */

struct ctl_server;

struct ctl_server *ctl_server_new(struct ev_loop *loop, struct jsonrpc *rpc);
/*
 * Listens on path: creates its directory (mode 0750) if missing, replaces
 * a stale socket (one nobody accepts on), refuses to replace anything else
 * or a live socket (-EADDRINUSE), and sets the socket mode (e.g. 0660).
 */
int ctl_server_listen(struct ctl_server *s, const char *path, mode_t mode, char *err,
		      size_t err_size);
/* Serves an already connected stream socket (tests: one end of a socketpair). */
int ctl_server_attach(struct ctl_server *s, int fd);
size_t ctl_server_clients(const struct ctl_server *s);
/* Closes every connection and the listener, and unlinks the socket path. */
void ctl_server_free(struct ctl_server *s);

/* ---------------------------------------------------------------- client --- */

/* Connects to path; the fd, or -errno with a message in err. */
int ctl_client_open(const char *path, char *err, size_t err_size);
/*
 * Sends {"id", "method", "params"} and waits for the answer. params may be
 * NULL and is not consumed. Returns 0 with *result (caller puts it; may be
 * NULL for JSON null), 1 with rerr filled for an error response, or -errno
 * for a transport failure (rerr->message says what).
 */
int ctl_client_call(int fd, const char *method, struct json_object *params,
		    struct json_object **result, struct jsonrpc_error *rerr);

#endif
