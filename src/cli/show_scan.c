/* show_scan.c - a round's latest scan as a table or JSON (`scan`, `scan --show`, `diagnose`). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"

static const char *status_key(enum scan_status s)
{
	return s == SCAN_DONE ? "done" : s == SCAN_RUNNING ? "running" : "interrupted";
}

static void print_json(const struct scan_record *rec, const struct scan_host_row *hosts, size_t nh,
                       const struct scan_port_row *ports, size_t np)
{
	json_t *root = json_pack(
	        "{s:I, s:s, s:s, s:o, s:s, s:s, s:s, s:{s:i, s:i, s:i, s:i}}", "scan_id",
	        (json_int_t)rec->id, "method", rec->method, "started", rec->started_at, "finished",
	        rec->finished_at[0] ? json_string(rec->finished_at) : json_null(), "status",
	        status_key(rec->status), "source_address", rec->source_address, "port_spec",
	        rec->ports, "parameters", "rate", (int)rec->rate, "host_rate", (int)rec->host_rate,
	        "retries", (int)rec->retries, "timeout_ms", (int)rec->timeout_ms);
	json_t *jh = json_array();
	char *s;

	for (size_t i = 0; i < nh; i++) {
		json_t *jp = json_array();

		for (size_t k = 0; k < np; k++)
			if (ports[k].host == i)
				json_array_append_new(jp, json_pack("{s:s, s:i, s:s}", "proto",
				                                    ports[k].proto, "port",
				                                    ports[k].port, "state",
				                                    ports[k].state));
		json_array_append_new(jh,
		                      json_pack("{s:s, s:i, s:o, s:I, s:I}", "address",
		                                hosts[i].address, "line_no", hosts[i].line_no,
		                                "ports", jp, "closed", (json_int_t)hosts[i].closed,
		                                "filtered", (json_int_t)hosts[i].filtered));
	}
	json_object_set_new(root, "hosts", jh);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	puts(s);
	free(s);
	json_decref(root);
}

static void print_table(const struct cli *c, const struct scan_record *rec,
                        const struct scan_host_row *hosts, size_t nh,
                        const struct scan_port_row *ports, size_t np)
{
	printf(L(C_SCAN_FROM), (long long)rec->id, rec->method, rec->source_address,
	       rec->started_at, rec->finished_at[0] ? rec->finished_at : "-");
	for (size_t i = 0; i < nh; i++) {
		/* Open ports, then those that stayed silent (UDP open|filtered), then counts. */
		for (int pass = 0; pass < 2; pass++) {
			int any = 0;

			if (pass == 0)
				printf(L(C_LINE_OPEN), hosts[i].address, hosts[i].line_no);
			for (size_t k = 0; k < np; k++) {
				if (ports[k].host != i ||
				    (strcmp(ports[k].state, "open") == 0) != (pass == 0))
					continue;
				if (!any && pass == 1)
					fputs(L(C_OPEN_FILTERED), stdout);
				printf(" %s/%u", ports[k].proto, ports[k].port);
				any = 1;
			}
			if (!any && pass == 0)
				fputs(L(C_NONE), stdout);
		}
		printf(L(C_CLOSED_FILTERED), hosts[i].closed, hosts[i].filtered);
	}
}

int cli_print_scan(const struct cli *c, struct survey_session *s)
{
	struct scan_record rec;
	struct scan_host_row *hosts;
	struct scan_port_row *ports;
	size_t nh, np;
	struct ms_error err;

	if (survey_scan_latest(s, &rec, &hosts, &nh, &ports, &np, &err))
		return cli_error(c, &err);
	if (!rec.id) {
		ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_NO_SCAN, NULL, NULL);
		return cli_error(c, &err);
	}
	if (c->json)
		print_json(&rec, hosts, nh, ports, np);
	else
		print_table(c, &rec, hosts, nh, ports, np);
	free(hosts);
	free(ports);
	return 0;
}
