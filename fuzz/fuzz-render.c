/* fuzz-render.c — libFuzzer harness for the whole non-GUI pipeline: record a short trace,
 * take the last step's snapshot, explain it, lay it out with Graphviz and paint it on an
 * in-memory cairo surface. */
#include <cairo.h>

#include "fuzz-common.h"
#include "hs-diagram.h"
#include "hs-painter.h"
#include "hs-trace.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
paint (const HsScene *scene)
{
  /* Paint at most 2000 x 2000 pixels: the drawing code is under test, not the RAM. */
  double scale = MIN (1.0, 2000.0 / MAX (1.0, MAX (scene->width, scene->height)));
  cairo_surface_t *surface = cairo_image_surface_create (
      CAIRO_FORMAT_ARGB32, (int)(scene->width * scale) + 1, (int)(scene->height * scale) + 1);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  hs_painter_draw (cr, scene, hs_theme_lookup ("light"), NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  HsTraceOptions options;
  g_autoptr (HsTrace) trace = NULL;
  g_autoptr (HsSnapshot) snap = NULL;
  g_autoptr (HsScene) scene = NULL;
  g_autoptr (GError) error = NULL;
  int n;

  if (!fuzz_source_ok (data, size))
    return 0;
  hs_trace_options_init (&options);
  options.max_steps = 300;
  options.heap_primitives = size > 0 && (data[0] & 1);
  trace = hs_trace_record ((const char *)data, size, "fuzz.py", &options, NULL);
  n = hs_trace_get_n_steps (trace);
  if (n == 0)
    return 0;
  snap = hs_trace_snapshot (trace, n - 1);
  g_strfreev (hs_trace_explain_step (trace, n - 1, 0)); /* the learner's view */
  hs_snapshot_index (snap);
  scene = hs_diagram_render (snap, NULL, &error);
  if (scene != NULL)
    paint (scene);
  return 0;
}
