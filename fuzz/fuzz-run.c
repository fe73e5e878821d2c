/* fuzz-run.c — libFuzzer harness for compile + run: a program ends (normally, with an
 * exception, or at the small step, heap and output limits) and, when it failed, formats
 * its error; nothing crashes or leaks. */
#include "fuzz-common.h"
#include "hs-vm.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
discard (const char *text, gsize len, gpointer user_data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  HsVMConfig config;
  g_autoptr (HsVM) vm = NULL;

  if (!fuzz_source_ok (data, size))
    return 0;
  hs_vm_config_init (&config);
  config.max_line_steps = 2000;
  config.heap_limit_bytes = 32 * 1024 * 1024;
  config.output_limit_bytes = 64 * 1024;
  vm = hs_vm_new (&config);
  hs_vm_set_output (vm, discard, NULL);
  if (hs_vm_run_source (vm, (const char *)data, size, "fuzz.py") != HS_RUN_OK)
    g_free (hs_vm_format_error (vm));
  return 0;
}
