/* trace-overhead.c — what recording a trace costs against a plain run (issue 20: at most
 * 2x), on the interpreter benchmark's programs (the .py files of bench/programs, or the files
 * given).
 *
 * Usage: trace-overhead DIR-OR-PROGRAM.py...
 *
 * Each program's first STEPS trace steps are recorded in-process (hs_trace_record, what
 * the runner does), and the same program runs plainly (hs_vm_run_source, what `run` does)
 * up to the same number of line steps, so both execute the same code. CPU time of this
 * thread, best of RUNS, alternating the two; prints each ratio and their geometric mean.
 * A recording that passes BUDGET_MS stops there (a program whose steps grow costlier, as a
 * growing set's, cannot hold the benchmark up): its ratio is over the steps it recorded.
 * A measurement, not an assertion: exits 0 whatever the figures.
 *
 * For profiling (callgrind, perf), the environment may change the work: HS_BENCH_STEPS (the
 * steps, default 1,000,000), HS_BENCH_RUNS (default 3) and HS_BENCH_ONLY=trace or run (time
 * one side only; the run then goes for the same number of line steps as the trace would).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-clock.h"
#include "hs-trace.h"
#include "hs-vm.h"

static int STEPS = 1000000;
static int RUNS = 3;
#define BUDGET_MS 30000.0

static void
discard (const char *text, gsize len, gpointer user_data)
{
}

typedef struct
{
  double t0;
  guint calls;
  gint cancel;
} Budget;

/* Polled after each recorded step: asks the recorder to stop once past the budget. */
static void
check_budget (HsTrace *trace, gpointer data)
{
  Budget *b = data;

  if (++b->calls % 4096 == 0 && bench_cpu_ms () - b->t0 > BUDGET_MS)
    b->cancel = 1;
}

/* Records up to STEPS steps; the number of line steps recorded goes to *line_steps. */
static double
time_trace (const char *source, gsize len, gint64 *line_steps, int *steps)
{
  HsTraceOptions options;
  Budget budget = { bench_cpu_ms (), 0, 0 };
  double t0 = budget.t0, ms;

  hs_trace_options_init (&options);
  options.max_steps = STEPS;
  options.step_done = check_budget;
  options.step_done_data = &budget;
  g_autoptr (HsTrace) trace = hs_trace_record (source, len, "bench.py", &options, &budget.cancel);
  ms = bench_cpu_ms () - t0;
  *steps = hs_trace_get_n_steps (trace);
  *line_steps = 0;
  for (int k = 0; k < *steps; k++)
    if (g_str_equal (hs_trace_step_event (trace, k), "step_line"))
      (*line_steps)++;
  return ms;
}

static double
time_run (const char *source, gsize len, gint64 line_steps)
{
  HsVMConfig config;
  double t0 = bench_cpu_ms ();

  hs_vm_config_init (&config);
  config.max_line_steps = line_steps;
  g_autoptr (HsVM) vm = hs_vm_new (&config);
  hs_vm_set_output (vm, discard, NULL);
  hs_vm_finalize (vm, hs_vm_run_source (vm, source, len, "bench.py"));
  return bench_cpu_ms () - t0;
}

static void
add_programs (GPtrArray *paths, const char *arg)
{
  g_autoptr (GDir) dir = g_dir_open (arg, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_ptr_array_add (paths, g_strdup (arg));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".py"))
      g_ptr_array_add (paths, g_build_filename (arg, name, NULL));
}

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  double log_sum = 0;
  int n = 0;
  const char *only = g_getenv ("HS_BENCH_ONLY");

  if (g_getenv ("HS_BENCH_STEPS") != NULL)
    STEPS = MAX (1, atoi (g_getenv ("HS_BENCH_STEPS")));
  if (g_getenv ("HS_BENCH_RUNS") != NULL)
    RUNS = MAX (1, atoi (g_getenv ("HS_BENCH_RUNS")));

  for (int i = 1; i < argc; i++)
    add_programs (paths, argv[i]);
  g_ptr_array_sort (paths, compare_paths);
  printf ("Trace recording against a plain run: the first %d trace steps, CPU ms, best of %d\n\n",
          STEPS, RUNS);
  printf ("%-22s %9s %10s %10s %8s\n", "program", "steps", "run ms", "trace ms", "ratio");
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *source = NULL;
      gsize len = 0;
      double run = G_MAXDOUBLE, trace = G_MAXDOUBLE;
      gint64 line_steps = 0;
      int steps = 0;

      if (!g_file_get_contents (path, &source, &len, NULL))
        continue;
      for (int r = 0; r < RUNS; r++)
        {
          /* each timing in a variable of its own: MIN evaluates its arguments twice */
          double ms;
          if (g_strcmp0 (only, "run") != 0)
            {
              ms = time_trace (source, len, &line_steps, &steps);
              trace = MIN (trace, ms);
            }
          else
            line_steps = steps = STEPS; /* about the same work as the trace's */
          if (g_strcmp0 (only, "trace") != 0)
            {
              ms = time_run (source, len, line_steps);
              run = MIN (run, ms);
            }
        }
      g_autofree char *name = g_path_get_basename (path);
      if (only != NULL)
        {
          printf ("%-22s %9d %10.1f %10.1f\n", name, steps, run < G_MAXDOUBLE ? run : 0,
                  trace < G_MAXDOUBLE ? trace : 0);
          continue;
        }
      printf ("%-22s %9d %10.1f %10.1f %7.2fx\n", name, steps, run, trace, trace / run);
      fflush (stdout);
      log_sum += log (trace / run);
      n++;
    }
  if (n > 0)
    printf ("geometric mean ratio: %.2fx over %d programs\n", exp (log_sum / n), n);
  return 0;
}
