/* util.c - what the probe module's files share: time, a bounded connect, data files. */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "probe/probe_int.h"

long long probe_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int probe_connect(const char *address, int port, int timeout_ms)
{
	struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV,
		                  .ai_socktype = SOCK_STREAM };
	struct addrinfo *ai;
	char service[8];
	int fd, e = 0;
	socklen_t el = sizeof(e);

	snprintf(service, sizeof(service), "%d", port);
	if (getaddrinfo(address, service, &hints, &ai) != 0)
		return -1;
	fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
		struct pollfd p = { .fd = fd, .events = POLLOUT };
		if (errno != EINPROGRESS || poll(&p, 1, timeout_ms) != 1 ||
		    getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el) != 0 || e) {
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(ai);
	return fd;
}

json_t *probe_load_json(const char *path, const char *version_key, const char *list_key,
                        const char *shape, struct ms_error *err)
{
	json_error_t je;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	char where[512];

	if (!root) {
		if (je.line <= 0) {
			ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, path, je.text);
			return NULL;
		}
		snprintf(where, sizeof(where), "%s:%d", path, je.line);
		ms_fail(err, MS_ERR_INPUT, MSG_JSON_SYNTAX, where, je.text);
		return NULL;
	}
	if (json_integer_value(json_object_get(root, version_key)) != 1 ||
	    !json_is_array(json_object_get(root, list_key))) {
		json_decref(root);
		ms_fail(err, MS_ERR_INPUT, MSG_PROBE_BAD_ENTRY, path, shape);
		return NULL;
	}
	return root;
}
