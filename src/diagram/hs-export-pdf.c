/* hs-export-pdf.c — one step as a PDF page, or a range of steps as pages of one PDF.
 *
 * Invariant: every page of a multi-page PDF has one size and one drawing scale (so a
 * box does not jump or shrink from page to page when slides are flipped): the page fits
 * the largest step and the widest title, or is a fixed paper or slide size the drawing
 * is scaled to fit.
 */
#include <cairo-pdf.h>

#include "hs-export-private.h"
#include "hs-text.h"

#define TITLE_BAND 40.0 /* above the diagram, for the step's title */
#define MARGIN 24.0     /* around the drawing on fixed-size pages */
#define MAX_ZOOM 2.0    /* a small diagram is enlarged at most this much to fill a page */

static const struct
{
  double width, height; /* points */
} fixed_pages[HS_N_PAGE_SIZES] = {
  [HS_PAGE_A4] = { 595.276, 841.89 },
  [HS_PAGE_A4_LANDSCAPE] = { 841.89, 595.276 },
  [HS_PAGE_16_9] = { 960, 540 },
};

gboolean
hs_export_write_pdf (HsExportJob *job, int first, int last, GError **error)
{
  return hs_export_write_vector (job, first, cairo_pdf_surface_create_for_stream, error);
}

typedef struct
{
  double width, height; /* the page */
  double zoom;          /* of the title and the drawing */
  double x, y;          /* top left of the title band */
} PageLayout;

/* One layout for every page: the content is the largest step below the widest title. */
static void
plan_pages (HsExportJob *job, int first, int last, PageLayout *p)
{
  const HsExportSettings *s = hs_export_job_settings (job);
  double content_w = 0, content_h = 0;

  for (int k = first; k <= last; k++)
    {
      const HsScene *scene = hs_export_job_scene (job, k, NULL);
      g_autofree char *title = hs_export_step_title (s->trace, k);
      int title_w;

      hs_text_size (HS_FONT_TITLE, title, &title_w, NULL);
      content_w = MAX (content_w, MAX (scene->width, title_w + 2 * MARGIN));
      content_h = MAX (content_h, scene->height + TITLE_BAND);
    }
  if (s->page_size == HS_PAGE_FIT)
    {
      *p = (PageLayout){ content_w, content_h, 1.0, 0, 0 };
      return;
    }
  p->width = fixed_pages[s->page_size].width;
  p->height = fixed_pages[s->page_size].height;
  p->zoom = MIN (MAX_ZOOM,
                 MIN ((p->width - 2 * MARGIN) / content_w, (p->height - 2 * MARGIN) / content_h));
  /* centred across, from the top down: diagrams grow downwards as a run goes on */
  p->x = (p->width - content_w * p->zoom) / 2;
  p->y = MARGIN;
}

static void
draw_page (cairo_t *cr, HsExportJob *job, const HsScene *scene, const char *title,
           const PageLayout *p)
{
  const HsTheme *theme = hs_export_job_settings (job)->theme;
  HsPaintOptions paint;

  hs_export_paint_options (job, &paint);
  paint.paint_background = FALSE;
  cairo_set_source_rgb (cr, theme->background.r, theme->background.g, theme->background.b);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, p->x, p->y);
  cairo_scale (cr, p->zoom, p->zoom);
  cairo_set_source_rgb (cr, theme->text.r, theme->text.g, theme->text.b);
  cairo_move_to (cr, MARGIN, 12);
  pango_cairo_show_layout (cr, hs_text_layout (HS_FONT_TITLE, title));
  cairo_translate (cr, 0, TITLE_BAND);
  hs_painter_draw (cr, scene, theme, &paint);
  cairo_restore (cr);
  cairo_show_page (cr);
}

gboolean
hs_export_write_pdf_pages (HsExportJob *job, int first, int last, GError **error)
{
  cairo_surface_t *surface;
  PageLayout page;
  cairo_t *cr;

  /* lay every step out first: the page size depends on all of them */
  for (int k = first; k <= last; k++)
    if (hs_export_job_scene (job, k, error) == NULL)
      return FALSE;
  plan_pages (job, first, last, &page);
  surface
      = cairo_pdf_surface_create_for_stream (hs_export_cairo_write, job, page.width, page.height);
  cr = cairo_create (surface);
  for (int k = first; k <= last && cairo_status (cr) == CAIRO_STATUS_SUCCESS; k++)
    {
      g_autofree char *title = hs_export_step_title (hs_export_job_settings (job)->trace, k);

      draw_page (cr, job, hs_export_job_scene (job, k, NULL), title, &page);
    }
  return hs_export_finish_surface (surface, cr, error);
}
