/* hs-export-svg.c — one step as an SVG a lecturer can edit: real text, grouped objects.
 *
 * cairo's SVG surface draws every letter as a glyph outline, so the painter draws into a
 * sink instead (HsPaintSink): each fill and stroke becomes a <path> (the path read back
 * from cairo in device space), each text a <text> in the font the PNG uses with generic
 * fallbacks, and each node, edge and badge a <g id="..."> with a <title>. The painter is
 * the same as the window's, so the SVG looks like the PNG.
 */
#include <math.h>

#include "hs-export-private.h"

typedef struct
{
  GString *out;
  int depth; /* open groups */
} Svg;

static void
put_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* two decimals are far below a device pixel; %g's exponents are not SVG numbers */
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", fabs (v) < 0.005 ? 0 : v));
  while (out->str[out->len - 1] == '0')
    g_string_truncate (out, out->len - 1);
  if (out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
}

static void
put_attr_number (GString *out, const char *name, double v)
{
  g_string_append_printf (out, " %s=\"", name);
  put_number (out, v);
  g_string_append_c (out, '"');
}

/* The source colour of `cr` as a paint attribute and its opacity. */
static void
put_paint (GString *out, cairo_t *cr, const char *attr)
{
  double r = 0, g = 0, b = 0, a = 1;

  cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a);
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attr, (int)lround (r * 255),
                          (int)lround (g * 255), (int)lround (b * 255));
  if (a < 0.999)
    {
      g_string_append_printf (out, " %s-opacity=\"", attr);
      put_number (out, a);
      g_string_append_c (out, '"');
    }
}

/* The current path in device space (where the SVG's user space is). */
static void
put_path_data (GString *out, cairo_t *cr)
{
  cairo_path_t *path;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  path = cairo_copy_path (cr);
  cairo_restore (cr);
  g_string_append (out, " d=\"");
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];
      static const char ops[] = { 'M', 'L', 'C', 'Z' };

      g_string_append_c (out, ops[d->header.type]);
      for (int p = 1; p < d->header.length; p++)
        {
          if (p > 1)
            g_string_append_c (out, ' ');
          put_number (out, d[p].point.x);
          g_string_append_c (out, ',');
          put_number (out, d[p].point.y);
        }
    }
  g_string_append_c (out, '"');
  cairo_path_destroy (path);
}

static void
svg_fill (cairo_t *cr, gpointer data)
{
  Svg *svg = data;

  g_string_append (svg->out, "<path");
  put_path_data (svg->out, cr);
  put_paint (svg->out, cr, "fill");
  g_string_append (svg->out, "/>\n");
}

static void
svg_stroke (cairo_t *cr, gpointer data)
{
  Svg *svg = data;
  double dx = cairo_get_line_width (cr), dy = 0;
  int n_dash = cairo_get_dash_count (cr);

  cairo_user_to_device_distance (cr, &dx, &dy);
  g_string_append (svg->out, "<path fill=\"none\"");
  put_path_data (svg->out, cr);
  put_paint (svg->out, cr, "stroke");
  put_attr_number (svg->out, "stroke-width", hypot (dx, dy));
  g_string_append (svg->out, " stroke-linecap=\"round\" stroke-linejoin=\"round\"");
  if (n_dash > 0)
    {
      double *dashes = g_newa (double, n_dash);

      cairo_get_dash (cr, dashes, NULL);
      g_string_append (svg->out, " stroke-dasharray=\"");
      for (int i = 0; i < n_dash; i++)
        {
          if (i)
            g_string_append_c (svg->out, ' ');
          put_number (svg->out, MAX (dashes[i], 0.01));
        }
      g_string_append_c (svg->out, '"');
    }
  g_string_append (svg->out, "/>\n");
}

/* The family Pango chose for the layout's first run ("DejaVu Sans"), then the generic
 * family of the description ("sans-serif"), for a viewer without that font. */
static void
put_font (GString *out, PangoLayout *layout)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  const char *generic = g_strcmp0 (pango_font_description_get_family (desc), "Monospace") == 0
                            ? "monospace"
                            : "sans-serif";
  g_autofree char *family = NULL;

  if (line != NULL && line->runs != NULL)
    {
      PangoGlyphItem *run = line->runs->data;
      PangoFontDescription *used = pango_font_describe (run->item->analysis.font);

      family = g_markup_escape_text (pango_font_description_get_family (used), -1);
      pango_font_description_free (used);
    }
  g_string_append (out, " font-family=\"");
  if (family != NULL)
    g_string_append_printf (out, "'%s', ", family);
  g_string_append_printf (out, "%s\"", generic);
  put_attr_number (out, "font-size", pango_font_description_get_size (desc) / (double)PANGO_SCALE);
  if (pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD)
    g_string_append (out, " font-weight=\"bold\"");
  if (pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC)
    g_string_append (out, " font-style=\"italic\"");
}

static void
svg_text (cairo_t *cr, HsFont font, PangoLayout *layout, double x, double y, gpointer data)
{
  Svg *svg = data;
  g_autofree char *text = g_markup_escape_text (pango_layout_get_text (layout), -1);
  double baseline = y + pango_layout_get_baseline (layout) / (double)PANGO_SCALE;

  cairo_user_to_device (cr, &x, &baseline);
  g_string_append (svg->out, "<text");
  put_attr_number (svg->out, "x", x);
  put_attr_number (svg->out, "y", baseline);
  put_font (svg->out, layout);
  put_paint (svg->out, cr, "fill");
  g_string_append_printf (svg->out, ">%s</text>\n", text);
}

static void
svg_begin_group (const char *id, const char *title, gpointer data)
{
  Svg *svg = data;
  g_autofree char *escaped_id = g_markup_escape_text (id, -1);

  g_string_append_printf (svg->out, "<g id=\"%s\">\n", escaped_id);
  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      g_string_append_printf (svg->out, "<title>%s</title>\n", escaped);
    }
  svg->depth++;
}

static void
svg_end_group (gpointer data)
{
  Svg *svg = data;

  g_string_append (svg->out, "</g>\n");
  svg->depth--;
}

gboolean
hs_export_write_svg (HsExportJob *job, int first, int last, GError **error)
{
  const HsScene *scene = hs_export_job_scene (job, first, error);
  g_autoptr (GString) out = NULL;
  Svg svg = { NULL, 0 };
  HsPaintSink sink = { svg_fill, svg_stroke, svg_text, svg_begin_group, svg_end_group, &svg };
  HsPaintOptions paint;
  cairo_rectangle_t extents;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (scene == NULL)
    return FALSE;
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  svg.out = out;
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  put_attr_number (out, "width", scene->width);
  put_attr_number (out, "height", scene->height);
  g_string_append (out, " viewBox=\"0 0 ");
  put_number (out, scene->width);
  g_string_append_c (out, ' ');
  put_number (out, scene->height);
  g_string_append (out, "\" xml:space=\"preserve\">\n");
  /* the painter needs a context for its paths and transforms; nothing is drawn on it */
  extents = (cairo_rectangle_t){ 0, 0, scene->width, scene->height };
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (surface);
  hs_export_paint_options (job, &paint);
  paint.sink = &sink;
  hs_painter_draw (cr, scene, hs_export_job_settings (job)->theme, &paint);
  g_assert (svg.depth == 0);
  g_string_append (out, "</svg>\n");
  if (!hs_export_finish_surface (surface, cr, error))
    return FALSE;
  return hs_export_job_write (job, out->str, out->len);
}
