/* hs-cli-run.c — `heapscope-cli run FILE`: like `python3 FILE`.
 *
 * Invariant: program output goes to stdout as it is produced (flushed at exit), every
 * error report to stderr; the exit status is CPython's: 0 when the program ended normally,
 * a SystemExit's code, 1 after any other error.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hs-cli.h"
#include "hs-vm.h"

static void
write_stdout (const char *text, gsize len, gpointer user_data)
{
  fwrite (text, 1, len, stdout);
}

/* Flushes stdout first, so that a terminal shows both in the order they were written. */
static void
write_stderr (const char *text, gsize len, gpointer user_data)
{
  fflush (stdout);
  fwrite (text, 1, len, stderr);
  fflush (stderr);
}

int
hs_cli_run (int argc, char **argv)
{
  gint64 max_steps = 100000000;
  GOptionEntry entries[] = {
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      N_ ("Stop after N line steps (default 100000000; 0: no limit)"), "N" },
    { NULL },
  };
  g_autofree char *text = NULL;
  g_autofree char *abs = NULL;
  g_autofree char *report = NULL;
  g_autoptr (HsVM) vm = NULL;
  HsVMConfig config;
  HsRunResult result;
  gsize len = 0;

  if (!hs_cli_parse_options ("run", _ ("FILE — run a Python program"), entries, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr (_ ("Usage: heapscope-cli run FILE [--max-steps N]\n"));
      return 2;
    }
  if (!hs_cli_read_source ("run", argv[1], &text, &len, &abs))
    return 1;
  hs_vm_config_init (&config);
  config.max_line_steps = max_steps;
  vm = hs_vm_new (&config);
  hs_vm_set_output (vm, write_stdout, NULL);
  hs_vm_set_error_output (vm, write_stderr, NULL);
  hs_vm_set_input (vm, hs_cli_read_stdin_line, NULL);
  /* sys.argv as CPython's: the path as typed, then the arguments */
  hs_vm_set_argv (vm, argc - 1, (const char *const *)argv + 1);
  result = hs_vm_run_source_take (vm, g_steal_pointer (&text), len, abs);
  fflush (stdout);
  if (result != HS_RUN_OK)
    {
      report = hs_vm_format_error (vm);
      fputs (report, stderr);
      fflush (stderr);
    }
  hs_vm_finalize (vm, result);
  fflush (stdout);
  return hs_vm_exit_status (vm, result);
}
