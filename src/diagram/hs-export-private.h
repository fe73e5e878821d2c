/* hs-export-private.h — what the format writers (hs-export-*.c) get from an export job.
 *
 * A writer draws the job's scenes and sends the bytes through hs_export_job_write; the
 * job owns the (temporary) file, so no writer opens, names or removes a file.
 */
#pragma once

#include <cairo.h>

#include "hs-export.h"

/* The job's settings, with every default filled in. */
const HsExportSettings *hs_export_job_settings (HsExportJob *job);
/* Step k's scene, owned by the job; NULL with `error` set when it cannot be laid out. */
const HsScene *hs_export_job_scene (HsExportJob *job, int step, GError **error);
/* Appends bytes to the file; FALSE after a write error (the job reports it). */
gboolean hs_export_job_write (HsExportJob *job, const void *data, gsize len);
/* The stdio stream of the file, for writers that print (DOT). */
FILE *hs_export_job_file (HsExportJob *job);
/* A cairo_write_func_t writing to the job given as closure. */
cairo_status_t hs_export_cairo_write (void *job, const unsigned char *data, unsigned int length);
/* Sets `error` from a cairo status (TRUE when it is a success). */
gboolean hs_export_check_cairo (cairo_status_t status, GError **error);
/* Paint options of the job (badges or not). */
void hs_export_paint_options (HsExportJob *job, HsPaintOptions *paint);
/* Destroys `cr` and finishes and destroys `surface`, reporting the first cairo error. */
gboolean hs_export_finish_surface (cairo_surface_t *surface, cairo_t *cr, GError **error);
/* Step k drawn on one page of a vector surface (PDF, SVG) made by `create`. */
typedef cairo_surface_t *(*HsVectorSurfaceFunc) (cairo_write_func_t write, void *closure,
                                                 double width, double height);
gboolean hs_export_write_vector (HsExportJob *job, int step, HsVectorSurfaceFunc create,
                                 GError **error);
/* Appends a sentence for the user to settings->notes (takes `text`). */
void hs_export_job_note (HsExportJob *job, char *text);
/* What an image export can hold: 100 megapixels (400 MB) is what the CLI's default 2 GiB
 * address space can draw and compress beside the trace. */
#define HS_EXPORT_IMAGE_MAX_PIXELS 1e8
/* `scale`, or less when a picture of width x height units at `scale` would pass what an
 * image surface holds (cairo's 32,767 pixels a side) or `max_pixels`: then the job notes
 * it. */
double hs_export_fit_scale (HsExportJob *job, double width, double height, double scale,
                            double max_pixels);
/* The scene drawn at `scale` on a new image surface, with the theme's background. */
cairo_surface_t *hs_export_draw_image (HsExportJob *job, const HsScene *scene, double scale);

/* The writers of the format table. */
gboolean hs_export_write_png (HsExportJob *job, int first, int last, GError **error);
gboolean hs_export_write_svg (HsExportJob *job, int first, int last, GError **error);
gboolean hs_export_write_pdf (HsExportJob *job, int first, int last, GError **error);
gboolean hs_export_write_pdf_pages (HsExportJob *job, int first, int last, GError **error);
gboolean hs_export_write_gif (HsExportJob *job, int first, int last, GError **error);
gboolean hs_export_write_dot (HsExportJob *job, int first, int last, GError **error);
