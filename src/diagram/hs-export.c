/* hs-export.c — the format table, export jobs and their files.
 *
 * Invariant: a file is written under a temporary name in its target's folder and renamed
 * only when every file of the export is complete; on any failure every temporary file is
 * removed, so an export leaves all of its files or none. Scenes are laid out once per
 * job and step, so a multi-page format can size its pages before drawing them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "hs-export-private.h"

static const HsExportFormat formats[] = {
  { "png", ".png", N_ ("PNG Image"), FALSE, TRUE, hs_export_write_png },
  { "svg", ".svg", N_ ("SVG Image"), FALSE, FALSE, hs_export_write_svg },
  { "pdf", ".pdf", N_ ("PDF Document"), FALSE, FALSE, hs_export_write_pdf },
  { "pdf-pages", ".pdf", N_ ("Multi-Page PDF"), TRUE, FALSE, hs_export_write_pdf_pages },
  { "gif", ".gif", N_ ("Animated GIF"), TRUE, TRUE, hs_export_write_gif },
  { "dot", ".dot", N_ ("Graphviz DOT"), FALSE, FALSE, hs_export_write_dot },
};

static const char *const page_size_names[HS_N_PAGE_SIZES] = { "fit", "a4", "a4-landscape", "16:9" };

const HsExportFormat *
hs_export_formats (guint *n_formats)
{
  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

const HsExportFormat *
hs_export_format_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      return &formats[i];
  return NULL;
}

const HsExportFormat *
hs_export_format_for_path (const char *path, gboolean range)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  const HsExportFormat *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension)
        && (found == NULL || formats[i].multi_page == range))
      found = &formats[i];
  return found;
}

char *
hs_export_extensions_list (void)
{
  g_autoptr (GString) list = g_string_new (NULL);
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (!g_ptr_array_find_with_equal_func (seen, formats[i].extension, g_str_equal, NULL))
      g_ptr_array_add (seen, (gpointer)formats[i].extension);
  for (guint i = 0; i < seen->len; i++)
    g_string_append_printf (list, "%s%s",
                            i == 0               ? ""
                            : i + 1 == seen->len ? _ (" or ")
                                                 : ", ",
                            (char *)seen->pdata[i]);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

const char *
hs_page_size_name (HsPageSize size)
{
  g_return_val_if_fail (size < HS_N_PAGE_SIZES, NULL);
  return page_size_names[size];
}

gboolean
hs_page_size_lookup (const char *name, HsPageSize *size)
{
  for (guint i = 0; i < HS_N_PAGE_SIZES; i++)
    if (g_strcmp0 (name, page_size_names[i]) == 0)
      {
        *size = i;
        return TRUE;
      }
  return FALSE;
}

void
hs_export_settings_init (HsExportSettings *s)
{
  *s = (HsExportSettings){ 0 };
  s->theme = hs_theme_get (HS_THEME_LIGHT);
  s->scale = 1.0;
  s->page_size = HS_PAGE_FIT;
  s->show_badges = TRUE;
  s->tween_frames = 4;
}

char *
hs_export_numbered_path (const char *path, int step, int n_steps)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  int width = 3;

  for (int n = n_steps; n >= 1000; n /= 10)
    width++;
  if (dot == NULL || (slash && dot < slash))
    dot = path + strlen (path);
  return g_strdup_printf ("%.*s-%0*d%s", (int)(dot - path), path, width, step + 1, dot);
}

char *
hs_export_step_title (HsTrace *trace, int step)
{
  g_auto (GStrv) lines = NULL;
  int line;

  /* Step k shows the memory after step k-1's line ran (the editor marks it "executed") */
  if (step <= 0)
    return g_strdup (_ ("Step 1 — start"));
  line = hs_trace_step_line (trace, step - 1);
  lines = g_strsplit (hs_trace_get_source (trace), "\n", -1);
  return g_strdup_printf (_ ("Step %d — line %d: %s"), step + 1, line,
                          g_strstrip (line >= 1 && line <= (int)g_strv_length (lines)
                                          ? lines[line - 1]
                                          : (char[]){ 0 }));
}

/* ---- jobs --------------------------------------------------------------------------- */

struct _HsExportJob
{
  HsExportSettings settings;
  GHashTable *scenes; /* step -> HsScene* */
  FILE *file;         /* the temporary file being written */
  int write_errno;    /* the first write error, or 0 */
};

const HsExportSettings *
hs_export_job_settings (HsExportJob *job)
{
  return &job->settings;
}

const HsScene *
hs_export_job_scene (HsExportJob *job, int step, GError **error)
{
  const HsExportSettings *s = &job->settings;
  HsScene *scene = g_hash_table_lookup (job->scenes, GINT_TO_POINTER (step));

  if (scene != NULL)
    return scene;
  if (s->layout != NULL)
    scene = s->layout (s->trace, step, s->layout_data, error);
  else
    {
      g_autoptr (HsSnapshot) snap = hs_trace_view (s->trace, step, s->view);

      scene = hs_diagram_render (snap, s->diagram, error);
    }
  if (scene == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_LAYOUT,
                     _ ("Step %d could not be laid out"), step + 1);
      return NULL;
    }
  g_hash_table_insert (job->scenes, GINT_TO_POINTER (step), scene);
  return scene;
}

gboolean
hs_export_job_write (HsExportJob *job, const void *data, gsize len)
{
  if (job->write_errno != 0)
    return FALSE;
  if (len > 0 && fwrite (data, 1, len, job->file) != len)
    {
      job->write_errno = errno ? errno : EIO;
      return FALSE;
    }
  return TRUE;
}

FILE *
hs_export_job_file (HsExportJob *job)
{
  return job->file;
}

cairo_status_t
hs_export_cairo_write (void *job, const unsigned char *data, unsigned int length)
{
  return hs_export_job_write (job, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
hs_export_check_cairo (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error_literal (error, HS_DIAGRAM_ERROR,
                       status == CAIRO_STATUS_WRITE_ERROR ? HS_DIAGRAM_ERROR_IO
                                                          : HS_DIAGRAM_ERROR_DRAW,
                       cairo_status_to_string (status));
  return FALSE;
}

void
hs_export_paint_options (HsExportJob *job, HsPaintOptions *paint)
{
  hs_paint_options_init (paint);
  paint->show_badges = job->settings.show_badges;
}

gboolean
hs_export_finish_surface (cairo_surface_t *surface, cairo_t *cr, GError **error)
{
  gboolean ok = hs_export_check_cairo (cairo_status (cr), error);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && hs_export_check_cairo (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
hs_export_write_vector (HsExportJob *job, int step, HsVectorSurfaceFunc create, GError **error)
{
  const HsScene *scene = hs_export_job_scene (job, step, error);
  cairo_surface_t *surface;
  HsPaintOptions paint;
  cairo_t *cr;

  if (scene == NULL)
    return FALSE;
  surface = create (hs_export_cairo_write, job, scene->width, scene->height);
  cr = cairo_create (surface);
  hs_export_paint_options (job, &paint);
  hs_painter_draw (cr, scene, job->settings.theme, &paint);
  return hs_export_finish_surface (surface, cr, error);
}

void
hs_export_job_note (HsExportJob *job, char *text)
{
  if (job->settings.notes != NULL)
    g_ptr_array_add (job->settings.notes, text);
  else
    g_free (text);
}

/* cairo's image surfaces end at 32,767 pixels a side */
#define IMAGE_MAX_SIDE 32766.0 /* ceil() stays within 32,767 */

double
hs_export_fit_scale (HsExportJob *job, double width, double height, double scale, double max_pixels)
{
  double w = MAX (width, 1), h = MAX (height, 1);
  double fit = MIN (MIN (IMAGE_MAX_SIDE / w, IMAGE_MAX_SIDE / h), sqrt (max_pixels / (w * h)));

  if (fit >= scale)
    return scale;
  hs_export_job_note (
      job,
      g_strdup_printf (_ ("Drawn at %d%% of the size asked for (%d × %d pixels), the most an "
                          "image can hold; SVG and PDF keep every detail"),
                       (int)floor (100 * fit / scale), (int)ceil (w * fit), (int)ceil (h * fit)));
  return fit;
}

cairo_surface_t *
hs_export_draw_image (HsExportJob *job, const HsScene *scene, double scale)
{
  HsPaintOptions paint;
  cairo_surface_t *surface = cairo_image_surface_create (
      CAIRO_FORMAT_ARGB32, (int)ceil (scene->width * scale), (int)ceil (scene->height * scale));
  cairo_t *cr = cairo_create (surface);

  hs_export_paint_options (job, &paint);
  cairo_scale (cr, scale, scale);
  hs_painter_draw (cr, scene, job->settings.theme, &paint);
  cairo_destroy (cr);
  return surface;
}

gboolean
hs_export_write_dot (HsExportJob *job, int first, int last, GError **error)
{
  g_autoptr (HsSnapshot) snap = hs_trace_view (job->settings.trace, first, job->settings.view);
  g_autoptr (HsDiagram) diagram = NULL;
  HsDiagramOptions opts;

  if (job->settings.diagram)
    opts = *job->settings.diagram;
  else
    hs_diagram_options_init (&opts);
  opts.cell_text = TRUE;
  diagram = hs_diagram_new (snap, &opts);
  return hs_diagram_write_dot (diagram, job->file, error);
}

/* ---- files, written beside their target and renamed once all are complete ---------- */

typedef struct
{
  char *target;
  char *temp;
} PendingFile;

static void
pending_file_clear (PendingFile *f)
{
  if (f->temp != NULL)
    g_unlink (f->temp);
  g_free (f->temp);
  g_free (f->target);
}

static void
set_io_error (GError **error, const char *target, int code)
{
  g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, _ ("Could not write %s: %s"), target,
               g_strerror (code));
}

/* Opens a new temporary file beside `target` as job->file. */
static gboolean
open_temp (HsExportJob *job, PendingFile *f, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (f->target);
  g_autofree char *base = g_path_get_basename (f->target);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      set_io_error (error, f->target, errno);
      g_free (temp);
      return FALSE;
    }
  f->temp = temp;
  job->file = fdopen (fd, "wb");
  job->write_errno = 0;
  if (job->file == NULL)
    {
      set_io_error (error, f->target, errno);
      close (fd);
      return FALSE;
    }
  return TRUE;
}

/* Closes job->file, reporting the first write error, or the one flushing met. */
static gboolean
close_temp (HsExportJob *job, PendingFile *f, gboolean ok, GError **error)
{
  int code = 0;

  if (fflush (job->file) != 0 || ferror (job->file))
    code = errno;
  if (fclose (job->file) != 0 && code == 0)
    code = errno;
  job->file = NULL;
  if (job->write_errno != 0)
    code = job->write_errno;
  if (code != 0)
    {
      g_clear_error (error);
      set_io_error (error, f->target, code);
      return FALSE;
    }
  if (!ok && error != NULL && *error != NULL)
    g_prefix_error (error, _ ("Could not write %s: "), f->target);
  return ok;
}

static gboolean
write_file (HsExportJob *job, PendingFile *f, int first, int last, GError **error)
{
  gboolean ok;

  if (!open_temp (job, f, error))
    return FALSE;
  ok = job->settings.format->write (job, first, last, error);
  return close_temp (job, f, ok, error);
}

static gboolean
rename_all (GArray *files, GError **error)
{
  for (guint i = 0; i < files->len; i++)
    {
      PendingFile *f = &g_array_index (files, PendingFile, i);

      if (g_rename (f->temp, f->target) != 0)
        {
          set_io_error (error, f->target, errno);
          /* the renamed ones are complete files; the rest go */
          return FALSE;
        }
      g_clear_pointer (&f->temp, g_free);
    }
  return TRUE;
}

static void
job_init (HsExportJob *job, const HsExportSettings *settings)
{
  *job = (HsExportJob){ *settings };
  if (job->settings.theme == NULL)
    job->settings.theme = hs_theme_get (HS_THEME_LIGHT);
  job->scenes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)hs_scene_free);
}

GBytes *
hs_export_to_bytes (const HsExportSettings *settings, GError **error)
{
  HsExportJob job;
  char *data = NULL;
  size_t size = 0;
  gboolean ok;

  g_return_val_if_fail (settings->format != NULL && settings->trace != NULL, NULL);
  job_init (&job, settings);
  job.file = open_memstream (&data, &size);
  ok = job.file != NULL && settings->format->write (&job, settings->first, settings->first, error);
  if (job.file != NULL && fclose (job.file) != 0)
    ok = FALSE;
  g_hash_table_unref (job.scenes);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO, g_strerror (ENOMEM));
      free (data);
      return NULL;
    }
  return g_bytes_new_with_free_func (data, size, free, data);
}

char **
hs_export_steps (const HsExportSettings *settings, const char *path, GError **error)
{
  HsExportJob job;
  g_autoptr (GArray) files = g_array_new (FALSE, TRUE, sizeof (PendingFile));
  g_autoptr (GStrvBuilder) written = g_strv_builder_new ();
  const HsExportFormat *format = settings->format;
  int n = hs_trace_get_n_steps (settings->trace);
  gboolean ok = TRUE;

  g_return_val_if_fail (format != NULL && settings->trace != NULL && path != NULL, NULL);
  g_return_val_if_fail (settings->scale > 0 && settings->scale <= 16, NULL);
  if (n == 0 || settings->first < 0 || settings->last >= n || settings->first > settings->last)
    {
      g_set_error (error, HS_DIAGRAM_ERROR, HS_DIAGRAM_ERROR_IO,
                   _ ("Steps %d to %d do not exist: the run has %d steps"), settings->first + 1,
                   settings->last + 1, n);
      return NULL;
    }
  job_init (&job, settings);
  g_array_set_clear_func (files, (GDestroyNotify)pending_file_clear);
  if (format->multi_page || settings->first == settings->last)
    {
      PendingFile f = { g_strdup (path), NULL };

      g_array_append_val (files, f);
      ok = write_file (&job, &g_array_index (files, PendingFile, 0), settings->first,
                       settings->last, error);
    }
  else
    for (int k = settings->first; ok && k <= settings->last; k++)
      {
        PendingFile f = { hs_export_numbered_path (path, k, n), NULL };

        g_array_append_val (files, f);
        ok = write_file (&job, &g_array_index (files, PendingFile, files->len - 1), k, k, error);
        /* each file's scene is needed once */
        g_hash_table_remove_all (job.scenes);
      }
  g_hash_table_unref (job.scenes);
  if (!ok || !rename_all (files, error))
    return NULL;
  for (guint i = 0; i < files->len; i++)
    g_strv_builder_add (written, g_array_index (files, PendingFile, i).target);
  return g_strv_builder_end (written);
}
