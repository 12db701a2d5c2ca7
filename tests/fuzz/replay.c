/*
 * replay.c - runs every file of a corpus folder through a fuzz target's
 * entry point, so `make test` (with sanitizers) keeps every finding fixed.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	DIR *dir;
	struct dirent *e;
	int n = 0;

	if (argc != 2 || !(dir = opendir(argv[1]))) {
		fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
		return 2;
	}
	while ((e = readdir(dir)) != NULL) {
		char path[4096];
		FILE *f;
		uint8_t *buf;
		long size;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", argv[1], e->d_name);
		if (!(f = fopen(path, "rb")))
			continue;
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fseek(f, 0, SEEK_SET);
		buf = malloc(size > 0 ? (size_t)size : 1);
		if (buf && size >= 0 && fread(buf, 1, (size_t)size, f) == (size_t)size) {
			LLVMFuzzerTestOneInput(buf, (size_t)size);
			n++;
		}
		free(buf);
		fclose(f);
	}
	closedir(dir);
	printf("%d passed, 0 failed\n", n);
	return n > 0 ? 0 : 1;
}
