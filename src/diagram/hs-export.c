/* hs-export.c — writing scenes to files with cairo surfaces, and graphs with agwrite.
 *
 * Invariant: every function returns TRUE with a complete file, or FALSE with `error`
 * set; cairo's status is checked after drawing and after finishing the surface.
 */
#include <errno.h>
#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <png.h>

#include "hs-export.h"
#include "hs-text.h"

#define TITLE_BAND 40.0

static gboolean
check_status (cairo_status_t status, const char *path, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, HS_DIAGRAM_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? HS_DIAGRAM_ERROR_IO : HS_DIAGRAM_ERROR_DRAW,
               "Could not write %s: %s", path, cairo_status_to_string (status));
  return FALSE;
}

/* Draws on `surface` and finishes it, reporting the first error. */
static gboolean
draw_and_finish (cairo_surface_t *surface, const HsScene *scene, const HsTheme *theme,
                 const char *path, GError **error)
{
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  hs_painter_draw (cr, scene, theme, NULL);
  ok = check_status (cairo_status (cr), path, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_status (cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* ---- PNG ------------------------------------------------------------------------- */

/* cairo_surface_write_to_png lets libpng try every row filter at zlib's default level:
 * at scale 2 a 100-object scene (2,200 x 3,600 pixels) took ~1 s, 90% of it in filter
 * selection and deflate, against a few ms of drawing. A diagram is mostly flat colour,
 * which the UP filter at zlib level 1 compresses well enough (+40% bytes) at a
 * fraction of the time (measured at scale 2, 100 objects: ~60 ms instead of ~230 ms of
 * CPU; SUB, RLE and levels 2-6 were no better). */
typedef struct
{
  FILE *file;
  const char *path;
  GError **error;
} PngSink;

static void
png_fail (png_structp png, png_const_charp message)
{
  PngSink *sink = png_get_error_ptr (png);

  if (sink->error != NULL && *sink->error == NULL)
    g_set_error (sink->error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, "Could not write %s: %s",
                 sink->path, message);
  png_longjmp (png, 1);
}

static void
png_warn (png_structp png, png_const_charp message)
{
}

/* One row of cairo's native-endian premultiplied ARGB as RGB (opaque) or straight RGBA. */
static void
convert_row (const guint32 *src, guchar *dst, int width, gboolean opaque)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = src[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (!opaque && a != 0 && a != 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *dst++ = r;
      *dst++ = g;
      *dst++ = b;
      if (!opaque)
        *dst++ = a;
    }
}

static gboolean
surface_is_opaque (const guchar *data, int stride, int width, int height)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *)(data + (gsize)y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

static gboolean
write_png_rows (png_structp png, png_infop info, PngSink *sink, cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  gboolean opaque = surface_is_opaque (data, stride, width, height);
  guchar *volatile row = g_malloc ((gsize)width * 4);

  if (setjmp (png_jmpbuf (png)))
    {
      g_free (row);
      return FALSE;
    }
  png_init_io (png, sink->file);
  png_set_IHDR (png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_compression_level (png, 1);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *)(data + (gsize)y * stride), row, width, opaque);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  g_free (row);
  return TRUE;
}

static gboolean
write_png (cairo_surface_t *surface, const char *path, GError **error)
{
  PngSink sink = { NULL, path, error };
  png_structp png;
  png_infop info;
  gboolean ok;

  cairo_surface_flush (surface);
  sink.file = g_fopen (path, "wb");
  if (sink.file == NULL)
    {
      int saved = errno;

      g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, "Could not write %s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &sink, png_fail, png_warn);
  info = png ? png_create_info_struct (png) : NULL;
  ok = info != NULL && write_png_rows (png, info, &sink, surface);
  png_destroy_write_struct (&png, &info);
  if (fclose (sink.file) != 0 && ok)
    ok = check_status (CAIRO_STATUS_WRITE_ERROR, path, error);
  if (!ok && error != NULL && *error == NULL)
    check_status (CAIRO_STATUS_NO_MEMORY, path, error);
  return ok;
}

gboolean
hs_export_png (const HsScene *scene, const HsTheme *theme, double scale, const char *path,
               GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (scene != NULL && theme != NULL && path != NULL, FALSE);
  g_return_val_if_fail (scale > 0 && scale <= 16, FALSE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (scene->width * scale),
                                        (int)ceil (scene->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hs_painter_draw (cr, scene, theme, NULL);
  ok = check_status (cairo_status (cr), path, error);
  cairo_destroy (cr);
  ok = ok && write_png (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
hs_export_svg (const HsScene *scene, const HsTheme *theme, const char *path, GError **error)
{
  g_return_val_if_fail (scene != NULL && theme != NULL && path != NULL, FALSE);
  return draw_and_finish (cairo_svg_surface_create (path, scene->width, scene->height), scene,
                          theme, path, error);
}

gboolean
hs_export_pdf (const HsScene *scene, const HsTheme *theme, const char *path, GError **error)
{
  g_return_val_if_fail (scene != NULL && theme != NULL && path != NULL, FALSE);
  return draw_and_finish (cairo_pdf_surface_create (path, scene->width, scene->height), scene,
                          theme, path, error);
}

char *
hs_export_step_title (int step, int line, const char *source_line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (source_line ? source_line : ""));

  return g_strdup_printf ("Step %d — line %d: %s", step + 1, line, stripped);
}

static void
draw_page (cairo_t *cr, const HsScene *scene, const char *title, const HsTheme *theme, double width,
           double height)
{
  double band = title ? TITLE_BAND : 0;

  cairo_set_source_rgb (cr, theme->background.r, theme->background.g, theme->background.b);
  cairo_paint (cr);
  if (title != NULL)
    {
      PangoLayout *layout = hs_text_layout (HS_FONT_TITLE, title);

      cairo_set_source_rgb (cr, theme->text.r, theme->text.g, theme->text.b);
      cairo_move_to (cr, 24, 12);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_save (cr);
  cairo_translate (cr, 0, band);
  hs_painter_draw (cr, scene, theme, NULL);
  cairo_restore (cr);
  cairo_show_page (cr);
}

gboolean
hs_export_pdf_pages (const HsScene *const *scenes, const char *const *titles, guint n_scenes,
                     const HsTheme *theme, const char *path, GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (scenes != NULL && n_scenes > 0 && theme != NULL && path != NULL, FALSE);
  surface = cairo_pdf_surface_create (path, 100, 100);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_scenes && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      const char *title = titles ? titles[i] : NULL;
      double width = scenes[i]->width, height = scenes[i]->height + (title ? TITLE_BAND : 0);

      if (title != NULL)
        {
          int title_w;

          hs_text_size (HS_FONT_TITLE, title, &title_w, NULL);
          width = MAX (width, title_w + 48);
        }
      cairo_pdf_surface_set_size (surface, width, height);
      draw_page (cr, scenes[i], title, theme, width, height);
    }
  ok = check_status (cairo_status (cr), path, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && check_status (cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
hs_export_dot (const HsSnapshot *snap, const HsDiagramOptions *opts, const char *path,
               GError **error)
{
  HsDiagramOptions with_text;
  g_autoptr (HsDiagram) diagram = NULL;
  FILE *file;
  gboolean ok;

  g_return_val_if_fail (snap != NULL && path != NULL, FALSE);
  if (opts)
    with_text = *opts;
  else
    hs_diagram_options_init (&with_text);
  with_text.cell_text = TRUE;
  diagram = hs_diagram_new (snap, &with_text);
  file = g_fopen (path, "w");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "Could not open %s: %s",
                   path, g_strerror (saved));
      return FALSE;
    }
  ok = hs_diagram_write_dot (diagram, file, error);
  if (fclose (file) != 0 && ok)
    {
      g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, "Could not write %s", path);
      ok = FALSE;
    }
  return ok;
}
