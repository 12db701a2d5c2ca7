/* fuzz_terminal.c - libFuzzer target: a file medsec-collector.exe wrote (terminal_read.h). */
#include <stddef.h>
#include <stdint.h>

#include "medsec/terminal_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct terminal_collection *c = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;

	if (terminal_collection_read((const char *)data, size, "fuzz.json", &c, &d, &err) ==
	    MS_OK) {
		struct os_facts os;
		struct usb_facts usb;
		struct av_product listed[8], in_use[8];
		struct defender_facts def;
		struct account_facts acc[32];
		struct password_policy pol;
		enum av_status st;
		int list_read, fw[3];
		char day[11];
		size_t n;

		/* What the analysis takes of anything that reads. */
		terminal_os_facts_of(c, &os);
		terminal_usb_facts_of(c, &usb);
		(void)terminal_os_family(&os);
		(void)terminal_usb_storage(&usb);
		n = terminal_av_facts_of(c, listed, 8, &list_read);
		terminal_defender_facts_of(c, &def);
		(void)terminal_av_in_use(listed, n, list_read, &def, in_use, 8, &st);
		(void)terminal_last_update_of(c, day);
		n = terminal_accounts_of(c, acc, 32);
		terminal_policy_of(c, &pol);
		terminal_firewall_of(c, fw);
		(void)terminal_weaknesses(acc, n, &pol, fw);
		terminal_collection_free(c);
	}
	ms_diags_dispose(&d);
	return 0;
}
