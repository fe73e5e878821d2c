/* heapscope-cli.c — the command-line tool: `run` (like python3 FILE), later `trace`
 * and `render`.
 *
 * Invariant: program output goes to stdout as it is produced (flushed at exit), every
 * error report to stderr; the exit status is 0 when the program ended normally and 1
 * otherwise, as with CPython.
 */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "hs-vm.h"

static void
write_stdout (const char *text, gsize len, gpointer user_data)
{
  fwrite (text, 1, len, stdout);
}

static gboolean
check_source (const char *path, const char *text, gsize len)
{
  const char *bad = NULL;
  if (memchr (text, '\0', len) != NULL)
    {
      g_printerr (_ ("heapscope-cli: %s: the file contains a NUL byte; Python source must be "
                     "text\n"),
                  path);
      return FALSE;
    }
  if (!g_utf8_validate (text, len, &bad))
    {
      g_printerr (_ ("heapscope-cli: %s: the file is not valid UTF-8 (at byte %ld)\n"), path,
                  (long)(bad - text));
      return FALSE;
    }
  return TRUE;
}

static int
cmd_run (int argc, char **argv)
{
  gint64 max_steps = 100000000;
  GOptionEntry entries[] = {
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      N_ ("Stop after N line steps (default 100000000; 0: no limit)"), "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_ ("FILE — run a Python program"));
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("heapscope-cli run: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr (_ ("Usage: heapscope-cli run FILE [--max-steps N]\n"));
      return 2;
    }
  const char *path = argv[1];
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &text, &len, &error))
    {
      g_printerr (_ ("heapscope-cli: can't open file '%s': %s\n"), path, error->message);
      return 2;
    }
  if (!check_source (path, text, len))
    return 1;
  g_autofree char *abs = g_canonicalize_filename (path, NULL);

  HsVMConfig config;
  hs_vm_config_init (&config);
  config.max_line_steps = max_steps;
  g_autoptr (HsVM) vm = hs_vm_new (&config);
  hs_vm_set_output (vm, write_stdout, NULL);
  HsRunResult r = hs_vm_run_source (vm, text, len, abs);
  fflush (stdout);
  if (r == HS_RUN_OK)
    return 0;
  g_autofree char *report = hs_vm_format_error (vm);
  fputs (report, stderr);
  fflush (stderr);
  return 1;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s",
           _ ("Usage:\n"
              "  heapscope-cli run FILE [--max-steps N]   run a program like python3 FILE\n"
              "  heapscope-cli trace FILE                 print a JSON execution trace\n"
              "  heapscope-cli render FILE                draw the memory diagram\n"
              "\n"
              "Options:\n"
              "  -h, --help      show this help\n"
              "  --version       show the version\n"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }
  const char *cmd = argv[1];
  if (strcmp (cmd, "--help") == 0 || strcmp (cmd, "-h") == 0 || strcmp (cmd, "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }
  if (strcmp (cmd, "--version") == 0)
    {
      printf ("heapscope-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (strcmp (cmd, "run") == 0)
    return cmd_run (argc - 1, argv + 1);
  if (strcmp (cmd, "trace") == 0 || strcmp (cmd, "render") == 0)
    {
      g_printerr (_ ("heapscope-cli %s: not implemented yet\n"), cmd);
      return 2;
    }
  g_printerr (_ ("heapscope-cli: unknown command '%s'\n"), cmd);
  print_usage (stderr);
  return 2;
}
