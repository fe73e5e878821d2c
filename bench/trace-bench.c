/* trace-bench.c — the trace engine against the issues' targets: steps recorded per second
 * (>= 1,000,000), bytes stored per step (< 100), snapshot fetch time at random steps of
 * a 1,000,000-step trace (< 5 ms), and the time of the exports (JSON, PNG, SVG, PDF).
 *
 * Prints tables on stdout (meson test --benchmark shows them). Sizes come from the
 * trace's own storage (hs-trace-private.h): the delta log, the keyframe log and the step
 * index, which is everything a trace keeps per step besides the program's output.
 * Times are wall-clock on an otherwise idle machine: the median of a few runs.
 */
#define _GNU_SOURCE /* fopencookie */
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bench-clock.h"
#include "hs-diagram.h"
#include "hs-export.h"
#include "hs-painter.h"
#include "hs-trace-private.h"

#define STEPS 1000000
#define RUNS 3
#define SNAPSHOTS 200

typedef struct
{
  const char *name;
  const char *source;
} Program;

/* Each runs far longer than STEPS line steps, so every trace is exactly STEPS long. */
static const Program programs[] = {
  { "loop (counter)", "i = 0\n"
                      "while True:\n"
                      "    i += 1\n" },
  { "loop (list append)", "xs = []\n"
                          "for i in range(10**9):\n"
                          "    xs.append(i % 100)\n"
                          "    if len(xs) > 50:\n"
                          "        xs = []\n" },
  { "loop (dict update)", "d = {}\n"
                          "i = 0\n"
                          "while True:\n"
                          "    d[i % 40] = [i, i + 1]\n"
                          "    i += 1\n" },
  { "recursion (fib)", "def fib(n):\n"
                       "    if n < 2:\n"
                       "        return n\n"
                       "    return fib(n - 1) + fib(n - 2)\n"
                       "\n"
                       "\n"
                       "while True:\n"
                       "    fib(20)\n" },
  { "recursion (build tree)", "def tree(d):\n"
                              "    if d == 0:\n"
                              "        return None\n"
                              "    return [tree(d - 1), d, tree(d - 1)]\n"
                              "\n"
                              "\n"
                              "while True:\n"
                              "    t = tree(8)\n" },
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static HsTrace *
record (const char *source, gint64 steps, double *ms)
{
  HsTraceOptions options;
  double t0;
  HsTrace *trace;

  hs_trace_options_init (&options);
  options.max_steps = steps;
  t0 = now_ms ();
  trace = hs_trace_record (source, strlen (source), "bench.py", &options, NULL);
  *ms = now_ms () - t0;
  return trace;
}

static void
snapshot_times (HsTrace *trace, double *median, double *p95, double *max)
{
  int n = hs_trace_get_n_steps (trace);
  double times[SNAPSHOTS];
  GRand *rand = g_rand_new_with_seed (42);

  for (int i = 0; i < SNAPSHOTS; i++)
    {
      int k = g_rand_int_range (rand, 0, n);
      double t0 = now_ms ();
      HsSnapshot *snap = hs_trace_snapshot (trace, k);
      times[i] = now_ms () - t0;
      hs_snapshot_free (snap);
    }
  g_rand_free (rand);
  qsort (times, SNAPSHOTS, sizeof *times, compare_doubles);
  *median = times[SNAPSHOTS / 2];
  *p95 = times[SNAPSHOTS * 95 / 100];
  *max = times[SNAPSHOTS - 1];
}

static void
bench_programs (void)
{
  printf ("\nTrace recording, %d steps per program (targets: >= 1,000,000 steps/s, < 100 "
          "bytes/step, snapshot < 5 ms)\n\n",
          STEPS);
  printf ("%-24s %10s %12s %9s %9s %9s %9s %10s %10s %10s\n", "program", "steps", "steps/s",
          "delta B", "key B", "index B", "total B", "snap med", "snap p95", "snap max");
  printf ("%-24s %10s %12s %9s %9s %9s %9s %10s %10s %10s\n", "", "", "", "/step", "/step", "/step",
          "/step", "ms", "ms", "ms");
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      double times[RUNS], med, p95, max;
      HsTrace *trace = NULL;

      for (int r = 0; r < RUNS; r++)
        {
          if (trace != NULL)
            hs_trace_free (trace);
          trace = record (programs[i].source, STEPS, &times[r]);
        }
      qsort (times, RUNS, sizeof *times, compare_doubles);
      int n = hs_trace_get_n_steps (trace);
      double delta = (double)trace->log.len / n;
      double key = (double)trace->keylog.len / n;
      double index = (double)trace->steps.len / n;
      snapshot_times (trace, &med, &p95, &max);
      printf ("%-24s %10d %12.0f %9.1f %9.1f %9.1f %9.1f %10.3f %10.3f %10.3f\n", programs[i].name,
              n, n / (times[RUNS / 2] / 1e3), delta, key, index, delta + key + index, med, p95,
              max);
      fflush (stdout);
      hs_trace_free (trace);
    }
}

/* A program whose last step holds about `n` objects: a list of small lists and a dict
 * (strs are not heap objects unless --heap-primitives). */
static char *
program_with_objects (int n)
{
  return g_strdup_printf ("rows = []\n"
                          "for i in range(%d):\n"
                          "    rows.append([i, str(i)])\n"
                          "index = {'first': rows[0], 'last': rows[-1]}\n",
                          MAX (1, n - 3));
}

/* The last step through hs_export_steps (its layout included, as an export does), drawn
 * under `diagram` (NULL: the defaults). */
static double
time_export_with (HsTrace *trace, const char *dir, const char *ext, const HsDiagramOptions *diagram)
{
  g_autofree char *path = g_strdup_printf ("%s/bench.%s", dir, ext);
  g_autoptr (GError) error = NULL;
  HsExportSettings settings;
  double times[RUNS];

  hs_export_settings_init (&settings);
  settings.format = hs_export_format_lookup (ext);
  settings.trace = trace;
  settings.diagram = diagram;
  settings.first = settings.last = hs_trace_get_n_steps (trace) - 1;
  settings.scale = 2.0;
  for (int r = 0; r < RUNS; r++)
    {
      double t0 = now_ms ();
      g_auto (GStrv) written = hs_export_steps (&settings, path, &error);
      gboolean ok = written != NULL;

      times[r] = now_ms () - t0;
      if (!ok)
        {
          g_printerr ("export %s failed: %s\n", ext, error->message);
          return -1;
        }
    }
  g_unlink (path);
  qsort (times, RUNS, sizeof *times, compare_doubles);
  return times[RUNS / 2];
}

static double
time_export (HsTrace *trace, const char *dir, const char *ext)
{
  return time_export_with (trace, dir, ext, NULL);
}

/* Issue 18: a linked list of 1,000 nodes exports, summarised and drawn whole (its chain
 * expanded: a PNG past cairo's size limit is drawn smaller, SVG and PDF keep it all). */
static void
bench_big_list_exports (const char *dir)
{
  g_autoptr (HsTrace) trace = NULL;
  HsDiagramOptions whole;
  double rec_ms;

  hs_diagram_options_init (&whole);
  whole.chain_threshold = 0;
  whole.max_objects = 2000;
  trace = record ("class Node:\n    def __init__(self, v, n):\n        self.v = v\n"
                  "        self.next = n\nhead = None\nfor i in range(1000):\n"
                  "    head = Node(i, head)\n",
                  100000, &rec_ms);
  printf ("\nA linked list of 1,000 (median ms, layout included; PNG at scale 2)\n\n");
  printf ("%-12s %10s %10s %10s\n", "drawn", "png", "svg", "pdf");
  printf ("%-12s %10.1f %10.1f %10.1f\n", "summarised", time_export (trace, dir, "png"),
          time_export (trace, dir, "svg"), time_export (trace, dir, "pdf"));
  printf ("%-12s %10.1f %10.1f %10.1f\n", "whole", time_export_with (trace, dir, "png", &whole),
          time_export_with (trace, dir, "svg", &whole),
          time_export_with (trace, dir, "pdf", &whole));
  fflush (stdout);
}

static void
bench_exports (void)
{
  static const int sizes[] = { 10, 50, 100, 200 };
  g_autofree char *dir = g_dir_make_tmp ("hs-trace-bench-XXXXXX", NULL);

  printf ("\nExports of the last step (median ms, layout included; PNG at scale 2; JSON: the whole "
          "trace)\n\n");
  printf ("%-10s %8s %17s %10s %10s %10s %10s %10s %12s\n", "objects", "steps", "scene size",
          "render", "png", "svg", "pdf", "dot", "json");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *source = program_with_objects (sizes[i]);
      g_autoptr (GError) error = NULL;
      double rec_ms, t0, render_ms, json_ms;
      g_autoptr (HsTrace) trace = record (source, 100000, &rec_ms);
      int n = hs_trace_get_n_steps (trace);
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (trace, n - 1);

      t0 = now_ms ();
      g_autoptr (HsScene) scene = hs_diagram_render (snap, NULL, &error);
      render_ms = now_ms () - t0;
      if (scene == NULL)
        {
          g_printerr ("render failed: %s\n", error->message);
          continue;
        }
      t0 = now_ms ();
      g_free (hs_trace_to_json (trace, 0, NULL));
      json_ms = now_ms () - t0;
      printf ("%-10d %8d %11.0fx%-5.0f %10.2f %10.2f %10.2f %10.2f %10.2f %12.1f\n",
              (int)snap->objects->len, n, scene->width, scene->height, render_ms,
              time_export (trace, dir, "png"), time_export (trace, dir, "svg"),
              time_export (trace, dir, "pdf"), time_export (trace, dir, "dot"), json_ms);
      fflush (stdout);
    }
  bench_big_list_exports (dir);
  g_rmdir (dir);
}

static ssize_t
count_write (void *cookie, const char *buf, size_t size)
{
  *(gsize *)cookie += size;
  return size;
}

/* Issue 18: the JSON is written as it is made, at 100 MB/s or more, and a compact trace
 * is not quadratic in the heap: bytes and MB per CPU second of whole and compact traces.
 * The JSON goes to a stream that counts its bytes and keeps none, as heapscope-cli's goes
 * to a pipe or a file: a growing memory stream's copies and page faults were a fifth of
 * what was measured, and no writer pays them. */
static void
bench_json_of (const char *title, const char *const (*programs)[2], guint n_programs)
{
  printf ("\n%s (heapscope-cli trace; whole, then --compact: MB, MB per CPU second, CPU ms)\n\n",
          title);
  printf ("%-20s %8s %10s %8s %8s %11s %8s %8s %6s\n", "program", "steps", "whole MB", "MB/s", "ms",
          "compact MB", "MB/s", "ms", "told");
  for (guint i = 0; i < n_programs; i++)
    {
      double rec_ms;
      g_autoptr (HsTrace) trace = record (programs[i][1], 1000000, &rec_ms);
      double mb[2], rate[2], ms[2];
      int told = 0;

      for (int compact = 0; compact < 2; compact++)
        {
          HsJsonOptions opts;
          gsize len = 0;
          FILE *file = fopencookie (&len, "w", (cookie_io_functions_t){ .write = count_write });
          double t0 = bench_cpu_ms ();

          hs_json_options_init (&opts);
          opts.compact = compact;
          opts.n_told = compact ? &told : NULL;
          hs_trace_write_json (trace, &opts, file, NULL, NULL);
          fclose (file);
          ms[compact] = bench_cpu_ms () - t0;
          mb[compact] = len / 1e6;
          rate[compact] = mb[compact] / (ms[compact] / 1e3);
        }
      printf ("%-20s %8d %10.1f %8.1f %8.0f %11.1f %8.1f %8.0f %5.0f%%\n", programs[i][0],
              hs_trace_get_n_steps (trace), mb[0], rate[0], ms[0], mb[1], rate[1], ms[1],
              100.0 * told / hs_trace_get_n_steps (trace));
      fflush (stdout);
    }
}

static void
bench_json (void)
{
  static const char *const programs[][2] = {
    { "loop of 20,000", "total = 0\nfor i in range(20000):\n    total += i\n" },
    { "2,000 appends", "xs = []\nfor i in range(2000):\n    xs.append(i)\n" },
    { "linked list of 300", "class Node:\n    def __init__(self, v, n):\n        self.v = v\n"
                            "        self.next = n\nhead = None\nfor i in range(300):\n"
                            "    head = Node(i, head)\n" },
  };

  bench_json_of ("JSON traces", programs, G_N_ELEMENTS (programs));
}

/* Issue 13: a compact step that moves a variable along a long linked list (its tail as it
 * grows, a cursor walking it) costs what it touched, not the list's length: each node is
 * proven reached by its holder (hs-trace-json-reach.c), where a walk from the frames read
 * the list up to it, or past 4,096 cells wrote the step whole (quadratic in the list). The
 * whole JSON is quadratic in its bytes: each step writes every node. */
static void
bench_json_chain (void)
{
  static const char *const programs[][2] = {
    { "5,000 at the tail", "class Node:\n    def __init__(self, v):\n        self.v = v\n"
                           "        self.next = None\nhead = tail = Node(0)\n"
                           "for i in range(1, 5000):\n    tail.next = Node(i)\n"
                           "    tail = tail.next\n" },
    { "5,000, then walked", "class Node:\n    def __init__(self, v, n):\n        self.v = v\n"
                            "        self.next = n\nhead = None\nfor i in range(5000):\n"
                            "    head = Node(i, head)\ncur = head\nwhile cur is not None:\n"
                            "    cur = cur.next\n" },
  };

  bench_json_of ("A linked list of 5,000 built in a loop", programs, G_N_ELEMENTS (programs));
}

/* Issue 18: a compact trace's step costs what the step changed, not the size of the heap
 * (hs-trace-json-delta.c): CPU microseconds per step of recording and of writing the JSON,
 * whole and compact, for 8,000 appends to one list and a linked list of 1,200 nodes (the
 * heap grows with the run: the last steps hold 8,000 items, 1,200 nodes), with primitives
 * inline and as heap objects (--heap-primitives); `told`: the compact steps written from
 * what they touched. */
static void
bench_json_per_step (void)
{
  static const char *const programs[][2] = {
    { "8,000 appends", "xs = []\nfor i in range(8000):\n    xs.append(i)\n" },
    { "linked list of 1,200", "class Node:\n    def __init__(self, v, n):\n        self.v = v\n"
                              "        self.next = n\nhead = None\nfor i in range(1200):\n"
                              "    head = Node(i, head)\n" },
  };

  printf ("\nJSON cost per step as the heap grows (CPU us per step; compact: its changes only;"
          " +prims: --heap-primitives)\n\n");
  printf ("%-28s %8s %10s %10s %10s %8s\n", "program", "steps", "record", "whole", "compact",
          "told");
  for (guint i = 0; i < 2 * G_N_ELEMENTS (programs); i++)
    {
      double t0 = bench_cpu_ms (), rec_ms, ms[2];
      g_autoptr (HsTrace) trace = NULL;
      g_autofree char *name = NULL;
      int told = 0;
      HsTraceOptions options;
      int n;

      hs_trace_options_init (&options);
      options.max_steps = 1000000;
      options.heap_primitives = i >= G_N_ELEMENTS (programs);
      name = g_strconcat (programs[i % G_N_ELEMENTS (programs)][0],
                          options.heap_primitives ? " +prims" : "", NULL);
      trace = hs_trace_record (programs[i % G_N_ELEMENTS (programs)][1],
                               strlen (programs[i % G_N_ELEMENTS (programs)][1]), "bench.py",
                               &options, NULL);
      rec_ms = bench_cpu_ms () - t0;
      n = hs_trace_get_n_steps (trace);
      for (int compact = 0; compact < 2; compact++)
        {
          HsJsonOptions opts;
          FILE *null = fopen ("/dev/null", "w");

          hs_json_options_init (&opts);
          opts.compact = compact;
          opts.n_told = compact ? &told : NULL;
          t0 = bench_cpu_ms ();
          hs_trace_write_json (trace, &opts, null, NULL, NULL);
          ms[compact] = bench_cpu_ms () - t0;
          fclose (null);
        }
      printf ("%-28s %8d %10.2f %10.2f %10.2f %7.0f%%\n", name, n, rec_ms * 1e3 / n,
              ms[0] * 1e3 / n, ms[1] * 1e3 / n, 100.0 * told / n);
      fflush (stdout);
    }
}

/* Seconds CPython takes to run `source`, or -1 without a python3. */
static double
cpython_seconds (const char *source)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("hs-bench-XXXXXX.py", &path, NULL);
  double t0;
  gboolean ok;

  if (python == NULL || fd < 0)
    return -1;
  close (fd);
  g_file_set_contents (path, source, -1, NULL);
  t0 = now_ms ();
  ok = g_spawn_sync (NULL, (char *[]){ python, path, NULL }, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                     NULL, NULL, NULL, NULL, NULL);
  t0 = now_ms () - t0;
  g_unlink (path);
  return ok ? t0 / 1e3 : -1;
}

/* Issue 13: a 100,000-line program is recorded, written and stepped through at a cost per
 * step that follows what the step changed, not the size of the program (its constants) or
 * of the heap: the record, the compact JSON, and one step forward in the window (the
 * explanation of step k and its view) at the middle of the run, against CPython running it. */
static void
bench_long_source (void)
{
  static const char *const kinds[][2] = {
    { "100,000 x = <int>", "x = %d\n" },
    { "100,000 a.append(<int>)", "a.append(%d)\n" },
  };

  printf ("\nA 100,000-line program (record, compact JSON, one step forward in the window)\n\n");
  printf ("%-24s %8s %10s %10s %12s %10s\n", "program", "steps", "record s", "json s",
          "step fwd ms", "cpython s");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (GString) source = g_string_new ("a = []\n");
      g_autoptr (HsTrace) trace = NULL;
      double rec_ms, t0, json_s, step_ms;
      HsJsonOptions opts;
      FILE *null = fopen ("/dev/null", "w");
      int n, k;

      for (int line = 0; line < 100000; line++)
        g_string_append_printf (source, kinds[i][1], 1000 + line);
      trace = record (source->str, 1000000, &rec_ms);
      n = hs_trace_get_n_steps (trace);
      hs_json_options_init (&opts);
      opts.compact = TRUE;
      t0 = now_ms ();
      hs_trace_write_json (trace, &opts, null, NULL, NULL);
      json_s = (now_ms () - t0) / 1e3;
      fclose (null);
      t0 = now_ms ();
      for (k = n / 2; k < n / 2 + 5; k++)
        {
          g_auto (GStrv) words = hs_trace_explain_step (trace, k, 0);
          g_autoptr (HsSnapshot) snap = hs_trace_view (trace, k, 0);
        }
      step_ms = (now_ms () - t0) / 5;
      printf ("%-24s %8d %10.2f %10.2f %12.1f %10.2f\n", kinds[i][0], n, rec_ms / 1e3, json_s,
              step_ms, cpython_seconds (source->str));
      fflush (stdout);
    }
}

/* Resident memory of this process, in MB. */
static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%ld %ld", &pages, &resident);
  return resident * (double)sysconf (_SC_PAGESIZE) / 1e6;
}

/* Issue 18 item 7: the window holds a 1,000,000-step run of a list-building program in at
 * most 500 MB, and a jump to any step (what the window asks of the trace: the view of the
 * step and the explanation of how it got there) stays under 50 ms. The window keeps the
 * same HsTrace the recorder makes (the runner streams its logs), so the trace is recorded
 * here and measured: the resident memory it adds, its bytes per step, and random jumps
 * (CPU time: the machine may be busy with other work). */
static void
bench_app_memory (void)
{
  const char *source = "xs = []\nwhile True:\n    xs.append(len(xs))\n";
  double rss0 = rss_mb (), rec_ms, times[SNAPSHOTS], rss1, rss2;
  g_autoptr (HsTrace) trace = record (source, STEPS, &rec_ms);
  int n = hs_trace_get_n_steps (trace);
  GRand *rand = g_rand_new_with_seed (11);

  rss1 = rss_mb ();
  for (int i = 0; i < SNAPSHOTS; i++)
    {
      int k = g_rand_int_range (rand, 1, n);
      double t0 = bench_cpu_ms ();
      g_auto (GStrv) words = hs_trace_explain_step (trace, k, 0);
      g_autoptr (HsSnapshot) snap = hs_trace_view (trace, k, 0);

      times[i] = bench_cpu_ms () - t0;
    }
  rss2 = rss_mb ();
  g_rand_free (rand);
  qsort (times, SNAPSHOTS, sizeof *times, compare_doubles);
  printf ("\nA list-building program, %d steps, as the window holds it (targets: <= 500 MB, "
          "a jump < 50 ms)\n\n",
          n);
  printf ("%12s %12s %14s %12s %12s %12s %12s\n", "trace MB", "bytes/step", "after jumps MB",
          "jump med ms", "jump p95 ms", "jump max ms", "record s");
  printf ("%12.1f %12.1f %14.1f %12.2f %12.2f %12.2f %12.2f\n", rss1 - rss0,
          (trace->log.len + trace->keylog.len + trace->steps.len) / (double)n, rss2 - rss0,
          times[SNAPSHOTS / 2], times[SNAPSHOTS * 95 / 100], times[SNAPSHOTS - 1], rec_ms / 1e3);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  gboolean quick = argc > 1 && g_str_equal (argv[1], "--quick");

  if (argc > 1 && g_str_equal (argv[1], "--app-memory"))
    {
      bench_app_memory ();
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--json-speed"))
    {
      bench_json ();
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--json-chain"))
    {
      bench_json_chain ();
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--json"))
    {
      bench_json ();
      bench_json_per_step ();
      bench_json_chain ();
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--exports"))
    {
      bench_exports ();
      hs_diagram_shutdown ();
      return 0;
    }

  if (!quick)
    {
      bench_app_memory ();
      bench_programs ();
    }
  bench_long_source ();
  bench_exports ();
  bench_json ();
  bench_json_per_step ();
  hs_diagram_shutdown ();
  return 0;
}
