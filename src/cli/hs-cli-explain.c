/* hs-cli-explain.c — `heapscope-cli explain FILE`: every step in words.
 *
 * For each step: its number (from 1, as the window counts), the line just run, and the
 * sentences of the window's What happened panel (hs_trace_explain_step, in the same
 * learner's view), translated. For lecture notes, for readers who cannot see the
 * diagram, and for tests. Exit status as `run`: 1 when the program ended with an error.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hs-cli.h"
#include "hs-trace.h"

static void
print_step (HsTrace *trace, GStrv lines, int k, HsViewFlags view)
{
  g_auto (GStrv) sentences = hs_trace_explain_step (trace, k, view);
  /* Step k's memory is the state before its line runs (Python Tutor's convention): the
   * line just run is the previous step's. */
  int ran = k > 0 ? hs_trace_step_line (trace, k - 1) : 0;

  if (ran > 0 && ran <= (int)g_strv_length (lines))
    /* TRANSLATORS: a step of the program and the line it has just run, e.g.
     * "Step 2, after line 4: a = [1, 2, 3]" */
    printf (_ ("Step %d, after line %d: %s\n"), k + 1, ran, g_strstrip (lines[ran - 1]));
  else
    printf (_ ("Step %d, before the first line\n"), k + 1);
  for (int i = 0; sentences[i] != NULL; i++)
    printf ("  %s\n", sentences[i]);
}

int
hs_cli_explain (int argc, char **argv)
{
  HsTraceOptions options;
  gboolean heap_primitives = FALSE;
  gboolean internals = FALSE;
  gint64 max_steps = 100000;
  GOptionEntry entries[] = {
    { "heap-primitives", 0, 0, G_OPTION_ARG_NONE, &heap_primitives,
      N_ ("Show ints, floats, strs, bools and None as heap objects"), NULL },
    { "internals", 0, 0, G_OPTION_ARG_NONE, &internals,
      N_ ("Show what the interpreter makes behind the scenes (loop iterators, .0)"), NULL },
    { "max-steps", 0, 0, G_OPTION_ARG_INT64, &max_steps,
      N_ ("Record at most N steps (default 100000, at most 10000000)"), "N" },
    { NULL },
  };
  g_autofree char *text = NULL;
  g_autofree char *abs = NULL;
  g_autoptr (HsTrace) trace = NULL;
  g_auto (GStrv) lines = NULL;
  gsize len = 0;

  if (!hs_cli_parse_options ("explain", _ ("FILE — tell what every step does to memory, in words"),
                             entries, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      g_printerr (_ ("Usage: heapscope-cli explain FILE [--internals] [--heap-primitives] "
                     "[--max-steps N]\n"));
      return 2;
    }
  if (max_steps < 1 || max_steps > 10000000)
    {
      g_printerr (_ ("heapscope-cli explain: --max-steps must be between 1 and 10000000\n"));
      return 2;
    }
  if (!hs_cli_read_source ("explain", argv[1], &text, &len, &abs))
    return 1;
  hs_trace_options_init (&options);
  options.heap_primitives = heap_primitives;
  options.input = hs_cli_read_stdin_line;
  options.max_steps = max_steps;
  trace = hs_trace_record_take (g_steal_pointer (&text), len, abs, &options, NULL);
  lines = g_strsplit (hs_trace_get_source (trace), "\n", -1);
  for (int k = 0; k < hs_trace_get_n_steps (trace); k++)
    print_step (trace, lines, k, internals ? HS_VIEW_SHOW_INTERNALS : 0);
  if (hs_trace_get_error_text (trace) != NULL)
    fputs (hs_trace_get_error_text (trace), stdout);
  if (fflush (stdout) != 0)
    return 1;
  return hs_trace_get_end (trace) == HS_TRACE_END_OK ? 0 : 1;
}
