/* hs-export-png.c — one step as a PNG, with libpng.
 *
 * cairo_surface_write_to_png lets libpng try every row filter at zlib's default level:
 * at scale 2 a 100-object scene (2,200 x 3,600 pixels) took ~1 s, 90% of it in filter
 * selection and deflate, against a few ms of drawing. A diagram is mostly flat colour,
 * which the UP filter at zlib level 1 compresses well enough (+40% bytes) at a
 * fraction of the time (measured at scale 2, 100 objects: ~60 ms instead of ~230 ms of
 * CPU; SUB, RLE and levels 2-6 were no better).
 */
#include <png.h>

#include "hs-export-private.h"

typedef struct
{
  HsExportJob *job;
  GError **error;
} PngSink;

static void
png_fail (png_structp png, png_const_charp message)
{
  PngSink *sink = png_get_error_ptr (png);

  if (sink->error != NULL && *sink->error == NULL)
    g_set_error_literal (sink->error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, message);
  png_longjmp (png, 1);
}

static void
png_warn (png_structp png, png_const_charp message)
{
}

static void
png_write (png_structp png, png_bytep data, png_size_t length)
{
  PngSink *sink = png_get_io_ptr (png);

  if (!hs_export_job_write (sink->job, data, length))
    png_error (png, "write error");
}

static void
png_flush (png_structp png)
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
  png_set_write_fn (png, sink, png_write, png_flush);
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

gboolean
hs_export_write_png (HsExportJob *job, int first, int last, GError **error)
{
  const HsScene *scene = hs_export_job_scene (job, first, error);
  cairo_surface_t *surface;
  PngSink sink = { job, error };
  png_structp png;
  png_infop info;
  gboolean ok;

  if (scene == NULL)
    return FALSE;
  surface = hs_export_draw_image (job, scene,
                                  hs_export_fit_scale (job, scene->width, scene->height,
                                                       hs_export_job_settings (job)->scale,
                                                       HS_EXPORT_IMAGE_MAX_PIXELS));
  ok = hs_export_check_cairo (cairo_surface_status (surface), error);
  cairo_surface_flush (surface);
  png = ok ? png_create_write_struct (PNG_LIBPNG_VER_STRING, &sink, png_fail, png_warn) : NULL;
  info = png ? png_create_info_struct (png) : NULL;
  ok = ok && info != NULL && write_png_rows (png, info, &sink, surface);
  png_destroy_write_struct (&png, &info);
  cairo_surface_destroy (surface);
  if (!ok && error != NULL && *error == NULL)
    hs_export_check_cairo (CAIRO_STATUS_NO_MEMORY, error);
  return ok;
}
