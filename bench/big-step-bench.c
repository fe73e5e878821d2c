/* big-step-bench.c — what one big step costs to draw, and to trace (issues 13 and 18).
 *
 * `big-step-bench CLI PROGRAM` prints:
 * - drawing the last step of l = [()]; l.extend(zip(l, range(200000))) (a chain of 200,000
 *   tuples, 23 boxes drawn): this thread's CPU ms for the learner's view of the step
 *   (hs_trace_view), its diagram (chains, elision, graph and dot layout), freeing both, and
 *   the whole PNG export (`heapscope-cli render --step last` without the recording), the
 *   median of RUNS; the recording's time for scale. The goal: well under 2 s in all, the
 *   diagram's share growing with what is drawn plus one pass over the heap;
 * - the peak resident size of `CLI trace PROGRAM` (PROGRAM: the bad-input case assigning to
 *   the front of a 900,000-item list at every step), its JSON to /dev/null, with that of
 *   `CLI run PROGRAM` for scale (the program alone). The goal: well under 300 MB.
 */
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-clock.h"
#include "hs-diagram.h"
#include "hs-export.h"
#include "hs-trace.h"

#define RUNS 3 /* median () takes the middle of three */

static const char zip_chain[] = "l = [()]\nl.extend(zip(l, range(200000)))\n";

/* The middle one of the RUNS (three) runs. */
static double
median (const double *v)
{
  return MAX (MIN (v[0], v[1]), MIN (MAX (v[0], v[1]), v[2]));
}

static void
bench_drawing (void)
{
  double view[RUNS], diagram[RUNS], freeing[RUNS], png[RUNS], t0 = bench_cpu_ms (), record;
  HsTraceOptions options;
  HsExportSettings settings;
  HsTrace *trace;
  int last;

  hs_trace_options_init (&options);
  trace = hs_trace_record (zip_chain, sizeof zip_chain - 1, "zip_chain.py", &options, NULL);
  record = bench_cpu_ms () - t0;
  last = hs_trace_get_n_steps (trace) - 1;
  hs_export_settings_init (&settings);
  settings.format = hs_export_format_lookup ("png");
  settings.trace = trace;
  settings.first = settings.last = last;
  for (int r = 0; r < RUNS; r++)
    {
      double t1, t2, t3;
      HsSnapshot *snap;
      HsScene *scene;
      GBytes *bytes;

      t0 = bench_cpu_ms ();
      snap = hs_trace_view (trace, last, 0);
      t1 = bench_cpu_ms ();
      scene = hs_diagram_render (snap, NULL, NULL);
      t2 = bench_cpu_ms ();
      g_assert (scene != NULL);
      hs_scene_free (scene);
      hs_snapshot_free (snap);
      t3 = bench_cpu_ms ();
      bytes = hs_export_to_bytes (&settings, NULL);
      png[r] = bench_cpu_ms () - t3;
      g_assert (bytes != NULL);
      g_bytes_unref (bytes);
      view[r] = t1 - t0, diagram[r] = t2 - t1, freeing[r] = t3 - t2;
    }
  g_print ("Drawing the last step of l.extend(zip(l, range(200000))) (thread CPU ms, median of "
           "%d; goal: well under 2,000 in all)\n\n",
           RUNS);
  g_print ("%10s %10s %10s %10s %12s\n", "record", "view", "diagram", "free", "png export");
  g_print ("%10.0f %10.0f %10.0f %10.0f %12.0f\n", record, median (view), median (diagram),
           median (freeing), median (png));
  hs_trace_free (trace);
}

/* The peak resident size (MB) of `cli command program`, its output to /dev/null, or -1.
 * Linux keeps a process's peak across exec: measured while this one is still small. */
static double
peak_mb (const char *cli, const char *command, const char *program)
{
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execl (cli, cli, command, program, (char *)NULL);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status)
      || WEXITSTATUS (status) != 0)
    return -1;
  return usage.ru_maxrss / 1024.0; /* kB on Linux */
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      g_printerr ("usage: big-step-bench CLI PROGRAM\n");
      return 2;
    }
  g_print ("Peak resident size of heapscope-cli on %s (MB; goal for trace: well under 300)\n\n",
           argv[2]);
  g_print ("%10s %10s\n", "trace", "run");
  g_print ("%10.0f %10.0f\n\n", peak_mb (argv[1], "trace", argv[2]),
           peak_mb (argv[1], "run", argv[2]));
  bench_drawing ();
  hs_diagram_shutdown ();
  return 0;
}
