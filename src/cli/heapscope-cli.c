/* heapscope-cli.c — the command-line tool: `run` (like python3 FILE), `trace` (the
 * execution trace as JSON), `render` (the memory diagram as an image) and `explain`
 * (every step in words).
 *
 * Each command lives in its own hs-cli-<command>.c; this file only dispatches (`render`
 * to heapscope-cli-render, hs-cli-render-main.c).
 */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hs-cli.h"
#include "hs-libexec.h"
#include "hs-sandbox.h"

static void
print_usage (FILE *out)
{
  fprintf (out, "%s",
           _ ("Usage:\n"
              "  heapscope-cli run FILE [--max-steps N]\n"
              "      run a program like python3 FILE\n"
              "  heapscope-cli trace FILE [--heap-primitives] [--max-steps N]\n"
              "      print the execution trace as JSON (Python Tutor's format)\n"
              "  heapscope-cli render FILE --step N|A-B|last|all -o OUT.(png|svg|pdf|gif|dot)\n"
              "                [--scale S] [--theme light|dark|high-contrast] [--heap-primitives]\n"
              "                [--internals]\n"
              "      draw the memory diagram of a step\n"
              "  heapscope-cli explain FILE [--internals] [--heap-primitives] [--max-steps N]\n"
              "      tell what every step does to memory, in words: its number, the line\n"
              "      just run and what happened (the window's What happened panel)\n"
              "\n"
              "Options:\n"
              "  -h, --help      show this help (COMMAND --help for a command's options)\n"
              "  --version       show the version\n"));
  fprintf (out, "%s",
           _ ("  --memory-limit MIB  limit the memory of every command (default 2048; 0: none)\n"));
}

/* `render` is heapscope-cli-render, a program of its own: only it needs Graphviz, cairo
 * and Pango, whose forty libraries took two thirds of the start-up of every other command
 * (about 14 of 20 ms of CPU time). It gets the command line as it is and the memory limit
 * already applied (an exec keeps RLIMIT_AS). */
static int
exec_render (char **argv)
{
  g_autofree char *path = hs_libexec_path ("heapscope-cli-render", ".");

  argv[0] = path;
  execv (path, argv);
  g_printerr (_ ("heapscope-cli render: can't start %s: %s\n"), path, g_strerror (errno));
  return 1;
}

/* --memory-limit MIB (or =MIB), anywhere on the command line, for every command: taken
 * out of argv and applied at once, before the program is read. FALSE on a bad value. */
static gboolean
apply_memory_limit (int *argc, char **argv)
{
  guint64 mib = HS_SANDBOX_DEFAULT_MEMORY_MIB;
  g_autoptr (GError) error = NULL;
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *value = NULL;

      if (g_str_has_prefix (argv[i], "--memory-limit="))
        value = argv[i] + strlen ("--memory-limit=");
      else if (strcmp (argv[i], "--memory-limit") == 0 && i + 1 < *argc)
        value = argv[++i];
      else
        {
          argv[out++] = argv[i];
          continue;
        }
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &mib, &error))
        {
          g_printerr ("heapscope-cli: --memory-limit: %s\n", error->message);
          return FALSE;
        }
    }
  *argc = out;
  argv[out] = NULL;
  if (!hs_sandbox_limit_memory (mib, &error))
    g_printerr ("heapscope-cli: %s\n", error->message);
  return TRUE;
}

int
main (int argc, char **argv)
{
  static const struct
  {
    const char *name;
    int (*fn) (int argc, char **argv);
  } commands[] = {
    { "run", hs_cli_run },
    { "trace", hs_cli_trace },
    { "explain", hs_cli_explain },
  };
  const char *cmd;

  hs_cli_init_i18n ();
  if (!apply_memory_limit (&argc, argv))
    return 2;
  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }
  cmd = argv[1];
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
  if (strcmp (cmd, "render") == 0)
    return exec_render (argv);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (cmd, commands[i].name) == 0)
      return commands[i].fn (argc - 1, argv + 1);
  g_printerr (_ ("heapscope-cli: unknown command '%s'\n"), cmd);
  print_usage (stderr);
  return 2;
}
