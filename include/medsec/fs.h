/*
 * fs.h - the few file-system steps that make a written file durable.
 * Each returns 0, or -1 with errno set.
 */
#ifndef MEDSEC_FS_H
#define MEDSEC_FS_H

/* Creates path and every missing parent (mode 0755), as mkdir -p. */
int ms_mkdirs(const char *path);

/* Flushes a written file's data to the disk: a full disk shows here, not after the rename. */
int ms_fsync_path(const char *path);

#endif
