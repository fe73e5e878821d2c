/* hs-cli-trace.c — `heapscope-cli trace FILE`: the JSON trace on stdout, as it is made.
 *
 * The trace of a program that fails still succeeds (exit 0): the failure is in the trace,
 * as its last step; so does one stopped at a limit (its last step says which). Only an
 * unreadable file or a failed write is an error.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "hs-cli.h"
#include "hs-trace.h"

/* Python Tutor's format repeats the whole memory at each step; past this (by default)
 * the output is no longer something a reader or a tool can use whole: the trace stops. */
#define JSON_DEFAULT_MAX_MB 64

int
hs_cli_trace (int argc, char **argv)
{
  HsTraceOptions options;
  gboolean heap_primitives = FALSE;
  gint64 max_steps = 100000, max_mb = JSON_DEFAULT_MAX_MB;
  gboolean compact = FALSE;
  GOptionEntry entries[] = {
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact,
      N_ ("Write each step's changes instead of its whole memory (for long runs)"), NULL },
    { "max-mb", 0, 0, G_OPTION_ARG_INT64, &max_mb,
      N_ ("Stop the trace before it passes N megabytes (default 64; 0: no limit)"), "N" },
    { "heap-primitives", 0, 0, G_OPTION_ARG_NONE, &heap_primitives,
      N_ ("Show ints, floats, strs, bools and None as heap objects"), NULL },
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      N_ ("Record at most N steps (default 100000, at most 10000000)"), "N" },
    { NULL },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *abs = NULL;
  g_autoptr (HsTrace) trace = NULL;
  HsJsonOptions json;
  gsize len = 0;
  gboolean stopped = FALSE;
  int written;

  if (!hs_cli_parse_options ("trace", _ ("FILE — print the execution trace as JSON"), entries,
                             &argc, &argv))
    return 2;
  if (argc != 2)
    {
      g_printerr (_ ("Usage: heapscope-cli trace FILE [--heap-primitives] [--max-steps N] "
                     "[--compact] [--max-mb N]\n"));
      return 2;
    }
  if (max_steps < 1 || max_steps > 10000000)
    {
      g_printerr (_ ("heapscope-cli trace: --max-steps must be between 1 and 10000000\n"));
      return 2;
    }
  if (max_mb < 0 || (guint64)max_mb > G_MAXSIZE >> 20)
    {
      g_printerr (_ ("heapscope-cli trace: --max-mb must be 0 or more\n"));
      return 2;
    }
  if (!hs_cli_read_source ("trace", argv[1], &text, &len, &abs))
    return 1;
  hs_trace_options_init (&options);
  options.heap_primitives = heap_primitives;
  options.input = hs_cli_read_stdin_line;
  options.max_steps = max_steps;
  options.forward_only = TRUE; /* the JSON is written step after step */
  trace = hs_trace_record_take (g_steal_pointer (&text), len, abs, &options, NULL);
  hs_json_options_init (&json);
  json.compact = compact;
  json.max_bytes = (gsize)max_mb << 20;
  written = hs_trace_write_json (trace, &json, stdout, &stopped, &error);
  if (written < 0 || fflush (stdout) != 0)
    {
      g_printerr ("heapscope-cli trace: %s\n", error ? error->message : g_strerror (errno));
      return 1;
    }
  if (stopped)
    {
      /* formatted first: a G_GINT64_FORMAT inside _() hides the string from xgettext */
      g_autofree char *mb = g_strdup_printf ("%" G_GINT64_FORMAT, max_mb);

      g_printerr (_ ("heapscope-cli trace: the trace stops after %d of %d steps, at %s MB; "
                     "--compact writes only what changes, --max-mb raises the limit\n"),
                  written, hs_trace_get_n_steps (trace), mb);
    }
  return 0;
}
