/*
 * main.c - medsec-collector.exe: run on a Windows PC (from a USB stick), it reads
 * what the terminal survey asks about that PC (OS and update history, security
 * products, USB storage policy, Remote Desktop, SMBv1, firewall, accounts and
 * password policy, BitLocker, AutoRun, screen lock) and writes one JSON file,
 * named after the host and the UTC time, next to itself or into --out DIR. Every
 * probe records its outcome (ok, unavailable, denied, error); none stops the run.
 * No administrator rights are needed; what Windows keeps from a normal user is
 * recorded as "denied". Exit 0 written, 1 could not write, 2 bad usage.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>
#include <shellapi.h>

#include "collector.h"
#include "medsec/prose.h"

static enum ms_lang lang = MS_LANG_JA;

static void say(const char *ja, const char *en)
{
	fputs(lang == MS_LANG_EN ? en : ja, stdout);
}

static const char help_ja[] =
        "使い方: medsec-collector.exe [--out フォルダ] [--lang en]\n\n"
        "この PC の端末調査の項目 (OS とバージョン・更新の履歴、セキュリティ対策製品と\n"
        "パターンファイル、USB 記憶装置の制限、リモートデスクトップ、SMBv1、ファイアウォール、\n"
        "アカウントとパスワードポリシー、BitLocker、自動実行、画面ロック) を読み取り、1 つの JSON ファイル\n"
        "(ホスト名_日時.json) に書き出します。管理者権限は不要です (読めなかった項目は\n"
        "その旨を記録します)。書き出したファイルは medsec terminal import で取り込みます。\n\n"
        "  --out フォルダ  書き出す先 (既定: この .exe と同じフォルダ)\n"
        "  --lang en       表示を英語にする\n";
static const char help_en[] =
        "usage: medsec-collector.exe [--out FOLDER] [--lang en]\n\n"
        "Reads what the terminal survey asks about this PC (OS, version and update history, security\n"
        "products and their definitions, USB storage restrictions, Remote Desktop, SMBv1, firewall,\n"
        "accounts and password policy, BitLocker, AutoRun, screen lock) and writes one JSON\n"
        "file (HOST_TIME.json). No administrator rights are needed: what cannot be read is\n"
        "recorded as such. Import the files with medsec terminal import.\n\n"
        "  --out FOLDER  where to write (default: the folder of this .exe)\n"
        "  --lang en     messages in English\n";

struct check *collection_add(struct collection *c, const char *id_fmt, ...)
{
	struct check *k =
	        &c->checks[c->n < COLLECTOR_MAX_CHECKS ? c->n++ : COLLECTOR_MAX_CHECKS - 1];
	va_list ap;

	memset(k, 0, sizeof(*k));
	va_start(ap, id_fmt);
	vsnprintf(k->id, sizeof(k->id), id_fmt, ap);
	va_end(ap);
	return k;
}

void check_text(struct collection *c, const char *id, const char *source, const char *text)
{
	struct check *k = collection_add(c, "%s", id);

	snprintf(k->source, sizeof(k->source), "%s", source);
	k->status = CHECK_OK;
	k->type = VALUE_STRING;
	snprintf(k->text, sizeof(k->text), "%s", text);
}

void check_number(struct collection *c, const char *id, const char *source, unsigned long long n)
{
	struct check *k = collection_add(c, "%s", id);

	snprintf(k->source, sizeof(k->source), "%s", source);
	k->status = CHECK_OK;
	k->type = VALUE_NUMBER;
	k->number = n;
}

void check_failed(struct collection *c, const char *id, const char *source,
                  enum check_status status, const char *detail)
{
	struct check *k = collection_add(c, "%s", id);

	snprintf(k->source, sizeof(k->source), "%s", source);
	k->status = status;
	snprintf(k->detail, sizeof(k->detail), "%s", detail);
}

/* The folder of path (up to its last backslash), into dir. */
static void folder_of(const wchar_t *path, wchar_t *dir, size_t size)
{
	const wchar_t *slash = wcsrchr(path, L'\\');
	size_t n = slash ? (size_t)(slash - path) : 0;

	if (n >= size)
		n = size - 1;
	wmemcpy(dir, path, n);
	dir[n] = 0;
	if (!n)
		wcscpy(dir, L".");
}

/* "HOST_20261201T101500Z.json": the host's name with anything unsafe for a file name as '_'. */
static void file_name(const struct collection *c, wchar_t *name, size_t size)
{
	char utf8[300], stamp[32];
	size_t k = 0;

	for (const char *s = c->host[0] ? c->host : "unknown-host"; *s && k < 200; s++)
		utf8[k++] = strchr("\\/:*?\"<>| ", *s) ? '_' : *s;
	utf8[k] = '\0';
	k = 0;
	for (const char *t = c->collected_at; *t; t++)
		if (*t != '-' && *t != ':')
			stamp[k++] = *t;
	stamp[k] = '\0';
	snprintf(utf8 + strlen(utf8), sizeof(utf8) - strlen(utf8), "_%s.json", stamp);
	if (!MultiByteToWideChar(CP_UTF8, 0, utf8, -1, name, (int)size))
		wcscpy(name, L"collection.json");
}

/* Writes text to dir\name through a temporary file, so a pulled USB stick leaves no torn file. */
static int write_file(const wchar_t *dir, const wchar_t *name, const char *text, wchar_t *path,
                      size_t size)
{
	wchar_t tmp[MAX_PATH + 16];
	HANDLE f;
	DWORD wrote = 0;
	int ok;

	_snwprintf(path, size, L"%ls\\%ls", dir, name);
	path[size - 1] = 0;
	_snwprintf(tmp, sizeof(tmp) / sizeof(tmp[0]), L"%ls.tmp", path);
	tmp[sizeof(tmp) / sizeof(tmp[0]) - 1] = 0;
	f = CreateFileW(tmp, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return 0;
	ok = WriteFile(f, text, (DWORD)strlen(text), &wrote, NULL) && wrote == strlen(text) &&
	     FlushFileBuffers(f);
	CloseHandle(f);
	if (ok)
		ok = MoveFileExW(tmp, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
	if (!ok)
		DeleteFileW(tmp);
	return ok;
}

int main(void)
{
	int argc;
	wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
	wchar_t exe[MAX_PATH], dir[MAX_PATH], name[300], path[MAX_PATH + 320];
	const wchar_t *out = NULL;
	static struct collection c;
	char *json, shown[MAX_PATH * 3];
	int help = 0;

	SetConsoleOutputCP(CP_UTF8);
	for (int i = 1; argv && i < argc; i++) {
		if (!wcscmp(argv[i], L"--out") && i + 1 < argc)
			out = argv[++i];
		else if (!wcscmp(argv[i], L"--lang") && i + 1 < argc)
			lang = !wcscmp(argv[++i], L"en") ? MS_LANG_EN : MS_LANG_JA;
		else if (!wcscmp(argv[i], L"--help") || !wcscmp(argv[i], L"/?"))
			help = 1;
		else {
			utf8_of(argv[i], shown, sizeof(shown));
			fprintf(stderr, TXT(lang, K_UNKNOWN_ARGUMENT), shown);
			return 2;
		}
	}
	if (help) {
		say(help_ja, help_en);
		return 0;
	}
	if (!GetModuleFileNameW(NULL, exe, MAX_PATH))
		exe[0] = 0;
	probe_identity(&c, exe);
	probe_kernel_version(&c);
	probe_registry(&c);
	probe_addresses(&c);
	probe_security_products(&c);
	probe_firewall(&c);
	probe_bitlocker(&c);
	probe_updates(&c);
	probe_accounts(&c);
	json = collection_json(&c);
	if (out)
		wcsncpy(dir, out, MAX_PATH - 1), dir[MAX_PATH - 1] = 0;
	else
		folder_of(exe, dir, MAX_PATH);
	file_name(&c, name, sizeof(name) / sizeof(name[0]));
	if (!write_file(dir, name, json, path, sizeof(path) / sizeof(path[0]))) {
		utf8_of(dir, shown, sizeof(shown));
		fprintf(stderr, TXT(lang, K_CANNOT_WRITE), shown, (unsigned long)GetLastError());
		free(json);
		return 1;
	}
	utf8_of(path, shown, sizeof(shown));
	printf(TXT(lang, K_WRITTEN), shown, c.n);
	free(json);
	LocalFree(argv);
	return 0;
}
