/* hs-export-svg.c — one step as an SVG image. */
#include <cairo-svg.h>

#include "hs-export-private.h"

gboolean
hs_export_write_svg (HsExportJob *job, int first, int last, GError **error)
{
  return hs_export_write_vector (job, first, cairo_svg_surface_create_for_stream, error);
}
