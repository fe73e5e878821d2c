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
  ok = ok && check_status (cairo_surface_write_to_png (surface, path), path, error);
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
