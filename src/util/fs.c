/* fs.c - a capped whole-file read, mkdir -p and fsync by name (fs.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "medsec/fs.h"
#include "medsec/mem.h"

/* The portable core also builds for Windows (the terminal collector). */
#ifdef _WIN32
#include <io.h>
#define mkdir(path, mode) mkdir(path)
#define fsync(fd) _commit(fd)
#define O_CLOEXEC 0
#endif

int ms_mkdirs(const char *path)
{
	char *p;
	int rc = 0;

	if (!*path) {
		errno = ENOENT;
		return -1;
	}
	p = ms_xstrdup(path);

	/* Each parent in turn; an existing one is fine, a file in the way is not. */
	for (char *s = p + 1; rc == 0; s++) {
		char c = *s;
		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	if (rc == 0) {
		struct stat st;
		if (stat(path, &st) != 0)
			rc = -1;
		else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
		}
	}
	free(p);
	return rc;
}

int ms_fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc, saved;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	saved = errno;
	if (close(fd) != 0 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

char *ms_read_file(const char *path, size_t max, size_t *size)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *buf;

	if (!f)
		return NULL;
	if (fstat(fileno(f), &st) != 0 || (st.st_mode & S_IFMT) != S_IFREG) {
		fclose(f);
		errno = EISDIR;
		return NULL;
	}
	if ((unsigned long long)st.st_size > max) {
		fclose(f);
		errno = EFBIG;
		return NULL;
	}
	buf = ms_xmalloc((size_t)st.st_size + 1);
	*size = fread(buf, 1, (size_t)st.st_size, f);
	buf[*size] = '\0';
	fclose(f);
	return buf;
}
