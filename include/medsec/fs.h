/*
 * fs.h - the few file-system steps medsec needs: a whole file read with a cap, and
 * what makes a written file durable. Each returns 0, or -1 with errno set.
 */
#ifndef MEDSEC_FS_H
#define MEDSEC_FS_H

#include <stddef.h>

/*
 * The whole file, NUL-terminated, into a new buffer (free it) and its length into *size;
 * NULL with errno set if it cannot be read, or EFBIG if it holds more than max bytes.
 */
char *ms_read_file(const char *path, size_t max, size_t *size);

/* Creates path and every missing parent (mode 0755), as mkdir -p. */
int ms_mkdirs(const char *path);

/* Flushes a written file's data to the disk: a full disk shows here, not after the rename. */
int ms_fsync_path(const char *path);

#endif
