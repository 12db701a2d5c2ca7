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

		/* What the analysis takes of anything that reads. */
		terminal_os_facts_of(c, &os);
		terminal_usb_facts_of(c, &usb);
		(void)terminal_os_family(&os);
		(void)terminal_usb_storage(&usb);
		terminal_collection_free(c);
	}
	ms_diags_dispose(&d);
	return 0;
}
