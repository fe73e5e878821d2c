/* hs-export-gif.c — a range of steps as an animated GIF, with the window's tweens.
 *
 * Frames: each step, then `tween_frames` in-between scenes (hs_scene_tween) before the
 * next step, all on one canvas the size of the largest step. Colours: one palette for the
 * whole animation, from a sample of frames stacked together, then every pixel mapped to
 * its nearest palette entry (cached per 15-bit colour); one palette keeps a colour from
 * flickering between frames the way per-frame palettes would. A diagram is mostly flat
 * colour: the EXACT_COLORS most frequent colours (background, fills, text) enter the
 * palette as they are, and giflib's median cut fills the rest for the anti-aliased edges
 * (median cut alone averaged the white background with its neighbours into a grey).
 */
#include <gif_lib.h>
#include <math.h>

#include "hs-export-private.h"

#define STEP_DELAY 100 /* centiseconds a step stays */
#define LAST_DELAY 300 /* the last step, before the loop starts again */
#define TWEEN_DELAY 6  /* each in-between frame */
#define SAMPLE_FRAMES 8
#define EXACT_COLORS 64
/* A frame's pixels at most: the palette samples SAMPLE_FRAMES of them at once, at four
 * bytes a pixel (a bigger animation is drawn smaller, and says so). */
#define GIF_MAX_PIXELS 16e6

typedef struct
{
  int width, height;
  double scale; /* the settings', or less to fit (hs_export_fit_scale) */
  ColorMapObject *palette;
  gint16 cache[1 << 15]; /* 15-bit colour -> palette index + 1 (0: not computed) */
} Quantiser;

static int
gif_write (GifFileType *gif, const GifByteType *data, int len)
{
  return hs_export_job_write (gif->UserData, data, len) ? len : 0;
}

/* Frame k of the animation on a canvas: a step or an in-between scene. */
static cairo_surface_t *
draw_frame (HsExportJob *job, const HsScene *scene, const Quantiser *q)
{
  const HsExportSettings *s = hs_export_job_settings (job);
  cairo_surface_t *image = hs_export_draw_image (job, scene, q->scale);
  cairo_surface_t *canvas = cairo_image_surface_create (CAIRO_FORMAT_RGB24, q->width, q->height);
  cairo_t *cr = cairo_create (canvas);

  cairo_set_source_rgb (cr, s->theme->background.r, s->theme->background.g, s->theme->background.b);
  cairo_paint (cr);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  cairo_surface_flush (canvas);
  return canvas;
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guchar *row = cairo_image_surface_get_data (surface)
                      + (gsize)y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *)row)[x];
}

static int
by_count_desc (gconstpointer a, gconstpointer b, gpointer counts)
{
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(gpointer *)a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(gpointer *)b));

  return ca < cb ? 1 : ca > cb ? -1 : 0;
}

/* The EXACT_COLORS colours most pixels have (black fills the rest when fewer). */
static void
most_frequent_colors (const GifByteType *r, const GifByteType *g, const GifByteType *b, gsize count,
                      GifColorType *colors)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (gsize i = 0; i < count; i++)
    {
      key = GUINT_TO_POINTER (1u << 24 | r[i] << 16 | g[i] << 8 | b[i]);
      g_hash_table_insert (
          counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort_with_data (keys, by_count_desc, counts);
  for (guint i = 0; i < EXACT_COLORS; i++)
    {
      guint c = i < keys->len ? GPOINTER_TO_UINT (keys->pdata[i]) : 0;

      colors[i] = (GifColorType){ c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff };
    }
}

/* The palette, from up to SAMPLE_FRAMES of the steps stacked into one picture. */
static gboolean
make_palette (Quantiser *q, HsExportJob *job, int first, int last, GError **error)
{
  int n = MIN (last - first + 1, SAMPLE_FRAMES), size = 256, rows = q->height * n;
  gsize count = (gsize)q->width * rows;
  g_autofree GifByteType *r = g_malloc (count), *g = g_malloc (count), *b = g_malloc (count);
  g_autofree GifByteType *out = g_malloc (count);
  GifColorType colors[256];

  for (int i = 0; i < n; i++)
    {
      int k = first + (int)((gint64)(last - first) * i / MAX (n - 1, 1));
      cairo_surface_t *frame = draw_frame (job, hs_export_job_scene (job, k, NULL), q);

      for (int y = 0; y < q->height; y++)
        for (int x = 0; x < q->width; x++)
          {
            gsize at = ((gsize)i * q->height + y) * q->width + x;
            guint32 p = pixel (frame, x, y);

            r[at] = p >> 16, g[at] = p >> 8, b[at] = p;
          }
      cairo_surface_destroy (frame);
    }
  size = 256 - EXACT_COLORS;
  if (GifQuantizeBuffer (q->width, rows, &size, r, g, b, out, colors + EXACT_COLORS) != GIF_OK)
    {
      g_set_error_literal (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_DRAW,
                           "the colours could not be reduced to a palette");
      return FALSE;
    }
  most_frequent_colors (r, g, b, count, colors);
  /* a GIF palette has a power-of-two size */
  for (int i = EXACT_COLORS + size; i < 256; i++)
    colors[i] = colors[0];
  q->palette = GifMakeMapObject (256, colors);
  return TRUE;
}

static GifByteType
nearest (Quantiser *q, guint32 p)
{
  guint key = (p >> 9 & 0x7c00) | (p >> 6 & 0x3e0) | (p >> 3 & 0x1f);
  int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff, best = 0, best_d = G_MAXINT;

  if (q->cache[key] != 0)
    return q->cache[key] - 1;
  for (int i = 0; i < 256; i++)
    {
      const GifColorType *c = &q->palette->Colors[i];
      int d = (c->Red - r) * (c->Red - r) + (c->Green - g) * (c->Green - g)
              + (c->Blue - b) * (c->Blue - b);

      if (d < best_d)
        best = i, best_d = d;
    }
  q->cache[key] = best + 1;
  return best;
}

static gboolean
put_frame (GifFileType *gif, Quantiser *q, cairo_surface_t *frame, int delay)
{
  GraphicsControlBlock gcb = { DISPOSE_DO_NOT, false, delay, NO_TRANSPARENT_COLOR };
  GifByteType ext[4];
  g_autofree GifByteType *row = g_malloc (q->width);
  size_t len = EGifGCBToExtension (&gcb, ext);

  if (EGifPutExtension (gif, GRAPHICS_EXT_FUNC_CODE, len, ext) != GIF_OK
      || EGifPutImageDesc (gif, 0, 0, q->width, q->height, false, NULL) != GIF_OK)
    return FALSE;
  for (int y = 0; y < q->height; y++)
    {
      for (int x = 0; x < q->width; x++)
        row[x] = nearest (q, pixel (frame, x, y));
      if (EGifPutLine (gif, row, q->width) != GIF_OK)
        return FALSE;
    }
  return TRUE;
}

/* The Netscape extension that makes viewers loop the animation forever. */
static gboolean
put_loop (GifFileType *gif)
{
  static const GifByteType loop[] = { 1, 0, 0 };

  return EGifPutExtensionLeader (gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK
         && EGifPutExtensionBlock (gif, 11, "NETSCAPE2.0") == GIF_OK
         && EGifPutExtensionBlock (gif, 3, loop) == GIF_OK
         && EGifPutExtensionTrailer (gif) == GIF_OK;
}

static gboolean
put_frames (GifFileType *gif, Quantiser *q, HsExportJob *job, int first, int last)
{
  guint tweens = hs_export_job_settings (job)->tween_frames;
  gboolean ok = TRUE;

  for (int k = first; ok && k <= last; k++)
    {
      const HsScene *scene = hs_export_job_scene (job, k, NULL);
      cairo_surface_t *frame = draw_frame (job, scene, q);

      ok = put_frame (gif, q, frame, k == last ? LAST_DELAY : STEP_DELAY);
      cairo_surface_destroy (frame);
      for (guint i = 1; ok && k < last && i <= tweens; i++)
        {
          g_autoptr (HsScene) between = hs_scene_tween (
              scene, hs_export_job_scene (job, k + 1, NULL), (double)i / (tweens + 1));

          frame = draw_frame (job, between, q);
          ok = put_frame (gif, q, frame, TWEEN_DELAY);
          cairo_surface_destroy (frame);
        }
    }
  return ok;
}

gboolean
hs_export_write_gif (HsExportJob *job, int first, int last, GError **error)
{
  g_autofree Quantiser *q = g_new0 (Quantiser, 1);
  double width = 0, height = 0;
  GifFileType *gif;
  int code = 0;
  gboolean ok;

  for (int k = first; k <= last; k++)
    {
      const HsScene *scene = hs_export_job_scene (job, k, error);

      if (scene == NULL)
        return FALSE;
      width = MAX (width, scene->width);
      height = MAX (height, scene->height);
    }
  q->scale = hs_export_fit_scale (job, width, height, hs_export_job_settings (job)->scale,
                                  GIF_MAX_PIXELS);
  q->width = (int)ceil (width * q->scale);
  q->height = (int)ceil (height * q->scale);
  if (!make_palette (q, job, first, last, error))
    return FALSE;
  gif = EGifOpen (job, gif_write, &code);
  ok = gif != NULL;
  if (ok)
    {
      EGifSetGifVersion (gif, true);
      ok = EGifPutScreenDesc (gif, q->width, q->height, 8, 0, q->palette) == GIF_OK
           && put_loop (gif) && put_frames (gif, q, job, first, last);
      if (EGifCloseFile (gif, &code) != GIF_OK)
        ok = FALSE;
    }
  GifFreeMapObject (q->palette);
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, "%s", GifErrorString (code));
  return ok;
}
