/* layout-stability.c — how calm the diagram stays from one step to the next.
 *
 * For every program of the corpus it records the trace, lays out each step (up to a
 * cap), and measures the mean displacement of the nodes present in two consecutive
 * scenes (hs_scene_mean_displacement). Prints a table; asserts nothing.
 */
#include <string.h>

#include "hs-diagram.h"
#include "hs-trace.h"

#define MAX_STEPS_PER_PROGRAM 200

typedef struct
{
  double sum;
  guint pairs;
  guint still; /* pairs where nothing moved */
  double worst;
  char *worst_name;
} Totals;

static void
measure_program (const char *path, const char *name, Totals *tot, double *mean_out)
{
  g_autofree char *src = NULL;
  gsize len;
  HsTraceOptions opts;
  g_autoptr (HsTrace) trace = NULL;
  g_autoptr (HsScene) prev = NULL;
  double sum = 0;
  guint pairs = 0;
  int n;

  if (!g_file_get_contents (path, &src, &len, NULL))
    return;
  hs_trace_options_init (&opts);
  opts.max_steps = MAX_STEPS_PER_PROGRAM;
  trace = hs_trace_record (src, len, path, &opts, NULL);
  n = hs_trace_get_n_steps (trace);
  for (int k = 0; k < n; k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_snapshot (trace, k);
      HsScene *scene = hs_diagram_render (snap, NULL, NULL);
      if (scene == NULL)
        continue;
      if (prev != NULL && prev->nodes->len > 0 && scene->nodes->len > 0)
        {
          double d = hs_scene_mean_displacement (prev, scene);
          sum += d;
          pairs++;
          tot->still += d < 0.5;
          if (d > tot->worst)
            {
              tot->worst = d;
              g_free (tot->worst_name);
              tot->worst_name = g_strdup_printf ("%s step %d", name, k + 1);
            }
        }
      g_clear_pointer (&prev, hs_scene_free);
      prev = scene;
    }
  tot->sum += sum;
  tot->pairs += pairs;
  *mean_out = pairs ? sum / pairs : 0;
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "tests/programs";
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  Totals tot = { 0 };
  guint programs = 0;
  double worst_program = 0;
  g_autofree char *worst_program_name = NULL;

  if (d == NULL)
    {
      g_printerr ("layout-stability: cannot open %s\n", dir);
      return 1;
    }
  for (const char *n; (n = g_dir_read_name (d)) != NULL;)
    {
      g_autofree char *path = NULL;
      double mean = 0;

      if (!g_str_has_suffix (n, ".py"))
        continue;
      path = g_build_filename (dir, n, NULL);
      measure_program (path, n, &tot, &mean);
      programs++;
      if (mean > worst_program)
        {
          worst_program = mean;
          g_free (worst_program_name);
          worst_program_name = g_strdup (n);
        }
    }
  g_print ("Layout stability over %u programs (first %d steps each)\n", programs,
           MAX_STEPS_PER_PROGRAM);
  g_print ("| measure | value |\n|---|---|\n");
  g_print ("| step pairs measured | %u |\n", tot.pairs);
  g_print ("| mean displacement of persisting nodes | %.2f px |\n",
           tot.pairs ? tot.sum / tot.pairs : 0);
  g_print ("| pairs where nothing moved | %.1f %% |\n",
           tot.pairs ? 100.0 * tot.still / tot.pairs : 0);
  g_print ("| worst program (mean) | %s: %.1f px |\n",
           worst_program_name ? worst_program_name : "-", worst_program);
  g_print ("| worst single step | %s: %.1f px |\n", tot.worst_name ? tot.worst_name : "-",
           tot.worst);
  g_free (tot.worst_name);
  hs_diagram_shutdown ();
  return 0;
}
