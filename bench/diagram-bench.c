/* diagram-bench.c — time per step of build + layout + paint at growing heap sizes.
 *
 * Prints one row per size: objects, nodes drawn, then the median milliseconds of graph
 * building, dot layout, painting a window (1920 x 1080 at 1:1) and their total; painting
 * the whole scene (an export); one tween frame; and the mean displacement (pixels) of
 * persisting nodes when the heap grows by eight more points (about 33 objects). Then an
 * animation frame between those two steps (the median of a 300 ms animation's frames after
 * its first), drawn two ways:
 * - whole_ms, whole_cached_ms: every object of the scene at 1:1 on one surface as large as
 *   the scene (1383 x 13418 at 300 objects), without and with the painter's cache: the size
 *   of an export, larger than any window; floor_ms, for scale, is that surface merely
 *   filled with the background (the least a frame that size costs, memory being what it is);
 * - win_1to1_ms, win_fit_ms: the window's frame, with the window's cache and planned tween,
 *   in a 1920 x 1080 window at 1:1 (its top left corner) and zoomed out to show the whole
 *   scene. The goal (issue 18) is for this one: at most 8 ms a frame at 300 objects; the
 *   real window's frames, GTK's share included, are app-frames' (bench/app-frames.c). */
#include <math.h>

#include <graphviz/gvc.h>

#include "bench-clock.h"
#include "hs-diagram.h"
#include "hs-painter.h"
#include "hs-tween.h"
#include "../tests/diagram-fixtures.h"

#define RUNS 15

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *v, int n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return v[n / 2];
}

/* Paints into a window-sized surface (1920 x 1080 at 1:1, what the screen shows), or
 * into a surface the size of the whole scene (what an export draws). */
static cairo_surface_t *window; /* exists before a step is drawn, as the screen does */

static void
paint (const HsScene *scene, gboolean whole)
{
  cairo_surface_t *surface
      = whole ? cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (scene->width),
                                            (int)ceil (scene->height))
              : cairo_surface_reference (window);
  cairo_t *cr = cairo_create (surface);

  hs_painter_draw (cr, scene, hs_theme_get (HS_THEME_LIGHT), NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* One frame of `tween` at t on `surface` at `zoom`, through `cache` (NULL: none), as the
 * window paints it (t = 1: the settled step). */
static double
frame_ms (HsTween *tween, double t, HsPaintCache *cache, cairo_surface_t *surface, double zoom)
{
  double t0 = bench_cpu_ms ();
  const HsScene *mid = hs_tween_frame (tween, t);
  cairo_t *cr = cairo_create (surface);
  HsPaintOptions paint;

  cairo_scale (cr, zoom, zoom);
  hs_paint_options_init (&paint);
  paint.cache = cache;
  paint.moving = t < 1;
  hs_painter_draw (cr, mid, hs_theme_get (HS_THEME_LIGHT), &paint);
  cairo_destroy (cr);
  return bench_cpu_ms () - t0;
}

static void
bench_size (guint size)
{
  HsDiagramOptions opts;
  HsSnapshot *snap = fixture_many (size);
  HsSnapshot *next = fixture_many (size + 8);
  double build[RUNS], layout[RUNS], draw[RUNS], total[RUNS], tween[RUNS], whole[RUNS];
  double plain[RUNS], cached[RUNS], in_window[RUNS], fitted[RUNS], bare[RUNS], fit;
  HsPaintCache *cache = hs_paint_cache_new (), *window_cache = hs_paint_cache_new ();
  cairo_surface_t *big;
  HsScene *scene = NULL, *after;
  HsTween *settled, *step;

  hs_diagram_options_init (&opts);
  opts.max_objects = 1000; /* draw them all: the point is to time 400 */

  for (int r = 0; r < RUNS; r++)
    {
      double t0 = bench_cpu_ms (), t1, t2, t3;
      HsDiagram *diagram = hs_diagram_new (snap, &opts);

      t1 = bench_cpu_ms ();
      hs_diagram_layout (diagram, NULL);
      t2 = bench_cpu_ms ();
      hs_scene_free (scene);
      scene = hs_diagram_steal_scene (diagram);
      hs_diagram_free (diagram);
      paint (scene, FALSE);
      t3 = bench_cpu_ms ();
      build[r] = t1 - t0, layout[r] = t2 - t1, draw[r] = t3 - t2, total[r] = t3 - t0;
      t0 = bench_cpu_ms ();
      paint (scene, TRUE);
      whole[r] = bench_cpu_ms () - t0;
    }
  after = hs_diagram_render (next, &opts, NULL);
  for (int r = 0; r < RUNS; r++)
    {
      double t0 = bench_cpu_ms ();
      HsScene *mid = hs_scene_tween (scene, after, 0.5);

      tween[r] = bench_cpu_ms () - t0;
      hs_scene_free (mid);
    }
  big = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                    (int)ceil (MAX (scene->width, after->width)),
                                    (int)ceil (MAX (scene->height, after->height)));
  settled = hs_tween_new (scene, scene);
  step = hs_tween_new (scene, after);
  /* the settled step a was on screen before the animation starts */
  frame_ms (settled, 1, cache, big, 1);
  for (int r = 0; r < RUNS; r++)
    {
      double t = (r + 1.0) / (RUNS + 1);

      plain[r] = frame_ms (step, t, NULL, big, 1);
      cached[r] = frame_ms (step, t, cache, big, 1);
    }
  for (int r = 0; r < RUNS; r++)
    {
      double t0 = bench_cpu_ms ();
      cairo_t *cr = cairo_create (big);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_destroy (cr);
      bare[r] = bench_cpu_ms () - t0;
    }
  /* the window (1920 x 1080): at 1:1 its top left corner, then fitted to show it all */
  frame_ms (settled, 1, window_cache, window, 1);
  for (int r = 0; r < RUNS; r++)
    in_window[r] = frame_ms (step, (r + 1.0) / (RUNS + 1), window_cache, window, 1);
  fit = MIN (1.0, MIN (1920 / MAX (scene->width, after->width),
                       1080 / MAX (scene->height, after->height)));
  frame_ms (settled, 1, window_cache, window, fit);
  for (int r = 0; r < RUNS; r++)
    fitted[r] = frame_ms (step, (r + 1.0) / (RUNS + 1), window_cache, window, fit);
  hs_tween_free (settled);
  hs_tween_free (step);
  hs_paint_cache_free (window_cache);
  hs_paint_cache_free (cache);
  cairo_surface_destroy (big);
  g_print ("%7u %6u %8.2f %9.2f %8.2f %8.2f %9.2f %8.2f %8.1f %8.2f %15.2f %8.2f %11.2f %10.2f  "
           "%.0fx%.0f\n",
           snap->objects->len, scene->nodes->len, median (build, RUNS), median (layout, RUNS),
           median (draw, RUNS), median (total, RUNS), median (whole, RUNS), median (tween, RUNS),
           hs_scene_mean_displacement (scene, after), median (plain, RUNS), median (cached, RUNS),
           median (bare, RUNS), median (in_window, RUNS), median (fitted, RUNS), scene->width,
           scene->height);
  hs_scene_free (scene);
  hs_scene_free (after);
  hs_snapshot_free (snap);
  hs_snapshot_free (next);
}

/* Layout time (median ms) of one snapshot under `opts`. */
static double
layout_ms (const HsSnapshot *snap, const HsDiagramOptions *opts)
{
  double ms[5];

  for (int r = 0; r < 5; r++)
    {
      double t0 = bench_cpu_ms ();
      HsScene *scene = hs_diagram_render (snap, opts, NULL);

      ms[r] = bench_cpu_ms () - t0;
      hs_scene_free (scene);
    }
  return median (ms, 5);
}

/* The DOT export of `snap` (whole: every chain drawn) laid out by Graphviz's own dot from
 * its text, as `dot -Tsvg` would: ms, or -1 when it does not read back. */
static double
dot_ms (const HsSnapshot *snap)
{
  HsDiagramOptions opts;
  HsDiagram *diagram;
  char *text = NULL;
  size_t len = 0;
  FILE *file = open_memstream (&text, &len);
  GVC_t *gvc = gvContext ();
  Agraph_t *g;
  double t0, ms = -1;

  hs_diagram_options_init (&opts);
  opts.cell_text = TRUE;
  opts.chain_threshold = 0;
  opts.max_objects = 1000;
  diagram = hs_diagram_new (snap, &opts);
  hs_diagram_write_dot (diagram, file, NULL);
  fclose (file);
  hs_diagram_free (diagram);
  t0 = bench_cpu_ms ();
  g = agmemread (text);
  if (g != NULL && gvLayout (gvc, g, "dot") == 0)
    {
      ms = bench_cpu_ms () - t0;
      gvFreeLayout (gvc, g);
    }
  if (g != NULL)
    agclose (g);
  gvFreeContext (gvc);
  free (text);
  return ms;
}

/* Issue 18: 300 objects laid out in under 300 ms whatever their shape: a linked list drawn
 * whole (as when its chain is expanded) grew about quadratically. */
static void
bench_shapes (void)
{
  HsDiagramOptions whole, summarised;

  hs_diagram_options_init (&summarised);
  hs_diagram_options_init (&whole);
  whole.chain_threshold = 0;
  whole.max_objects = 2000;
  g_print ("\nshape        objects  layout_ms whole  summarised+folded  exported DOT in dot\n");
  for (guint n = 100; n <= 400; n += 100)
    {
      HsSnapshot *list = fixture_linked_list (n);

      g_print ("linked list  %7u %16.1f %18.1f %20.1f\n", list->objects->len,
               layout_ms (list, &whole), layout_ms (list, &summarised), dot_ms (list));
      hs_snapshot_free (list);
    }
  for (int depth = 7; depth <= 10; depth++)
    {
      HsSnapshot *tree = fixture_tree (depth);

      g_print ("binary tree  %7u %16.1f %18.1f %20.1f\n", tree->objects->len,
               layout_ms (tree, &whole), layout_ms (tree, &summarised), dot_ms (tree));
      hs_snapshot_free (tree);
    }
}

int
main (int argc, char **argv)
{
  static const guint sizes[] = { 10, 50, 100, 200, 300, 400 };

  window = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_print ("objects  nodes build_ms layout_ms paint_ms total_ms export_ms tween_ms moved_px "
           "whole_ms whole_cached_ms floor_ms win_1to1_ms win_fit_ms  scene\n");
  /* `diagram-bench 300`: that size alone, without the shapes (for a profiler) */
  if (argc > 1)
    bench_size ((guint)g_ascii_strtoull (argv[1], NULL, 10));
  for (guint i = 0; argc <= 1 && i < G_N_ELEMENTS (sizes); i++)
    bench_size (sizes[i]);
  g_print ("win_*: an animation frame in a 1920 x 1080 window, the one the 8 ms goal at 300\n"
           "objects is for; whole_*: the whole scene at 1:1 on one surface, as large as an\n"
           "export (no window is), where touching every pixel twice is the floor.\n");
  cairo_surface_destroy (window);
  if (argc <= 1)
    bench_shapes ();
  hs_diagram_shutdown ();
  return 0;
}
