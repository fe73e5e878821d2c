/* runner-bench.c — what running in the runner process costs: the time from "Run" to the
 * whole trace in hand, recorded in-process (hs_trace_record, as the app did before issue
 * 13) and through heapscope-runner (spawn, stream, rebuild), for the bundled examples and
 * a 100,000-step loop. A measurement, not an assertion.
 *
 *   runner-bench RUNNER EXAMPLES_DIR
 */
#include <gio/gio.h>
#include <string.h>

#include "hs-trace-stream.h"

#define ROUNDS 7

static const char loop_program[] = "total = 0\nfor i in range(50000):\n    total += i\n";

static double
median (double *v, int n)
{
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (v[j] < v[i])
        {
          double t = v[i];
          v[i] = v[j];
          v[j] = t;
        }
  return v[n / 2];
}

static int
in_process (const char *src)
{
  HsTraceOptions opts;
  g_autoptr (HsTrace) t = NULL;

  hs_trace_options_init (&opts);
  t = hs_trace_record (src, strlen (src), "prog.py", &opts, NULL);
  return hs_trace_get_n_steps (t);
}

static int
through_runner (const char *runner, const char *src)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = g_subprocess_new (
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, runner, NULL);
  HsTraceOptions opts;
  HsTraceReader *r;
  g_autoptr (HsTrace) t = NULL;
  g_autoptr (GByteArray) input = g_byte_array_new ();
  guint8 buf[65536];
  gssize n;

  g_assert_no_error (error);
  hs_trace_options_init (&opts);
  r = hs_trace_reader_new (src, "prog.py", &opts, 0);
  hs_trace_input_put_header (input);
  hs_trace_input_put (input, HS_TRACE_INPUT_SOURCE, src, strlen (src));
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (proc), input->data, input->len, NULL,
                             NULL, &error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (proc), NULL, NULL);
  while (
      (n = g_input_stream_read (g_subprocess_get_stdout_pipe (proc), buf, sizeof buf, NULL, NULL))
      > 0)
    hs_trace_reader_feed (r, buf, n, NULL);
  g_subprocess_wait (proc, NULL, NULL);
  t = hs_trace_reader_finish (r, HS_TRACE_END_INTERRUPTED, "cut");
  return hs_trace_get_n_steps (t);
}

static void
measure (const char *runner, const char *name, const char *src)
{
  double a[ROUNDS], b[ROUNDS];
  int steps = 0, steps_child = 0;

  for (int i = 0; i < ROUNDS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      steps = in_process (src);
      a[i] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      steps_child = through_runner (runner, src);
      b[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  g_assert_cmpint (steps, ==, steps_child);
  g_print ("%-22s %8d %12.2f %12.2f\n", name, steps, median (a, ROUNDS), median (b, ROUNDS));
}

static int
by_name (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

int
main (int argc, char **argv)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_cmpint (argc, ==, 3);
  dir = g_dir_open (argv[2], 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".py"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, by_name);
  g_print ("%-22s %8s %12s %12s\n", "program", "steps", "in-process", "runner (ms)");
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (argv[2], names->pdata[i], NULL);
      g_autofree char *src = NULL;

      g_assert_true (g_file_get_contents (path, &src, NULL, NULL));
      measure (argv[1], names->pdata[i], src);
    }
  measure (argv[1], "loop of 50,000", loop_program);
  return 0;
}
