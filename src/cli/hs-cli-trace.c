/* hs-cli-trace.c — `heapscope-cli trace FILE`: the JSON trace on stdout.
 *
 * The trace of a program that fails still succeeds (exit 0): the failure is in the trace,
 * as its last step. Only an unreadable file is an error.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hs-cli.h"
#include "hs-trace.h"

/* Python Tutor's format repeats the whole memory at each step; past this the output
 * is no longer something a reader or a tool can use. */
#define JSON_MAX_BYTES ((gsize)64 << 20)

int
hs_cli_trace (int argc, char **argv)
{
  HsTraceOptions options;
  gboolean heap_primitives = FALSE;
  gint64 max_steps = 100000;
  GOptionEntry entries[] = {
    { "heap-primitives", 0, 0, G_OPTION_ARG_NONE, &heap_primitives,
      N_ ("Show ints, floats, strs, bools and None as heap objects"), NULL },
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      N_ ("Record at most N steps (default 100000, at most 10000000)"), "N" },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new (_ ("FILE — print the execution trace as JSON"));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *abs = NULL;
  g_autofree char *json = NULL;
  g_autoptr (HsTrace) trace = NULL;
  gsize len = 0;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("heapscope-cli trace: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr (_ ("Usage: heapscope-cli trace FILE [--heap-primitives] [--max-steps N]\n"));
      return 2;
    }
  if (max_steps < 1 || max_steps > 10000000)
    {
      g_printerr (_ ("heapscope-cli trace: --max-steps must be between 1 and 10000000\n"));
      return 2;
    }
  if (!hs_cli_read_source ("trace", argv[1], &text, &len, &abs))
    return 1;
  hs_trace_options_init (&options);
  options.heap_primitives = heap_primitives;
  options.input = hs_cli_read_stdin_line;
  options.max_steps = max_steps;
  trace = hs_trace_record (text, len, abs, &options, NULL);
  json = hs_trace_to_json (trace, JSON_MAX_BYTES, &error);
  if (json == NULL)
    {
      g_printerr ("heapscope-cli trace: %s\n", error->message);
      return 1;
    }
  fputs (json, stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}
