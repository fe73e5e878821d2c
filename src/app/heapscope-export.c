/* heapscope-export.c — turns an export request into files, off the main thread.
 *
 * Invariant: the worker reads only the request (its own trace reference and a copy
 * of the view options), so the window may re-run or close while an export runs.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-export.h"
#include "hs-export.h"

void
heapscope_export_request_free (HeapscopeExportRequest *request)
{
  g_clear_pointer (&request->box, heapscope_trace_box_unref);
  g_clear_pointer (&request->options, heapscope_view_options_free);
  g_free (request->theme);
  g_free (request->path);
  g_free (request);
}

const char *
heapscope_export_format_extension (HeapscopeExportFormat format)
{
  switch (format)
    {
      case HEAPSCOPE_EXPORT_PNG:
        return ".png";
      case HEAPSCOPE_EXPORT_SVG:
        return ".svg";
      case HEAPSCOPE_EXPORT_PDF:
      case HEAPSCOPE_EXPORT_PDF_PAGES:
        return ".pdf";
      case HEAPSCOPE_EXPORT_DOT:
        return ".dot";
      default:
        g_assert_not_reached ();
    }
}

/* "diagram.png", step 3 of many -> "diagram-004.png" */
static char *
numbered_path (const char *path, int k, int n)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  int width = n >= 1000 ? (int)(n >= 10000 ? 5 : 4) : 3;

  if (dot == NULL || (slash && dot < slash))
    dot = path + strlen (path);
  return g_strdup_printf ("%.*s-%0*d%s", (int)(dot - path), path, width, k + 1, dot);
}

static char *
source_line (HsTrace *trace, int line)
{
  g_auto (GStrv) lines = g_strsplit (hs_trace_get_source (trace), "\n", -1);

  if (line < 1 || line > (int)g_strv_length (lines))
    return g_strdup ("");
  return g_strdup (lines[line - 1]);
}

static gboolean
export_one (const HeapscopeExportRequest *req, HsTrace *trace, int k, const char *path,
            GError **error)
{
  g_autoptr (HsSnapshot) snap = hs_trace_view (trace, k, req->options->view_flags);
  const HsTheme *theme = hs_theme_lookup (req->theme);
  g_autoptr (HsScene) scene = NULL;

  if (theme == NULL)
    theme = hs_theme_get (HS_THEME_LIGHT);
  if (req->format == HEAPSCOPE_EXPORT_DOT)
    {
      HsDiagramOptions opts;

      hs_diagram_options_init (&opts);
      opts.cell_text = TRUE;
      return hs_export_dot (snap, &opts, path, error);
    }
  scene = heapscope_layout_snapshot (snap, req->options);
  if (scene == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Step %d could not be laid out"),
                   k + 1);
      return FALSE;
    }
  switch (req->format)
    {
      case HEAPSCOPE_EXPORT_PNG:
        return hs_export_png (scene, theme, req->scale > 0 ? req->scale : 1.0, path, error);
      case HEAPSCOPE_EXPORT_SVG:
        return hs_export_svg (scene, theme, path, error);
      default:
        return hs_export_pdf (scene, theme, path, error);
    }
}

static gboolean
export_pages (const HeapscopeExportRequest *req, HsTrace *trace, int first, int last,
              GError **error)
{
  g_autoptr (GPtrArray) scenes = g_ptr_array_new_with_free_func ((GDestroyNotify)hs_scene_free);
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  const HsTheme *theme = hs_theme_lookup (req->theme);

  for (int k = first; k <= last; k++)
    {
      g_autoptr (HsSnapshot) snap = hs_trace_view (trace, k, req->options->view_flags);
      int line = hs_trace_step_line (trace, k);
      g_autofree char *text = source_line (trace, line);
      HsScene *scene = heapscope_layout_snapshot (snap, req->options);

      if (scene == NULL)
        continue;
      g_ptr_array_add (scenes, scene);
      g_ptr_array_add (titles, hs_export_step_title (k, line, text));
    }
  return hs_export_pdf_pages ((const HsScene *const *)scenes->pdata,
                              (const char *const *)titles->pdata, scenes->len,
                              theme ? theme : hs_theme_get (HS_THEME_LIGHT), req->path, error);
}

static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  HeapscopeExportRequest *req = task_data;
  HsTrace *trace = heapscope_trace_box_get (req->box);
  g_autoptr (GStrvBuilder) written = g_strv_builder_new ();
  GError *error = NULL;
  int n = hs_trace_get_n_steps (trace);
  int first = req->all_steps ? 0 : CLAMP (req->step, 0, n - 1);
  int last = req->all_steps ? n - 1 : first;

  if (n == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _ ("There is nothing to export: the program has no steps"));
      return;
    }
  if (last - first + 1 > HEAPSCOPE_EXPORT_MAX_STEPS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _ ("This run has %d steps, more than the %d an export of all "
                                  "steps can hold; lower the step limit or export one step"),
                               n, HEAPSCOPE_EXPORT_MAX_STEPS);
      return;
    }
  if (req->format == HEAPSCOPE_EXPORT_PDF_PAGES)
    {
      if (export_pages (req, trace, first, last, &error))
        {
          g_strv_builder_add (written, req->path);
          g_task_return_pointer (task, g_strv_builder_end (written), (GDestroyNotify)g_strfreev);
        }
      else
        g_task_return_error (task, error);
      return;
    }
  for (int k = first; k <= last; k++)
    {
      g_autofree char *path
          = req->all_steps ? numbered_path (req->path, k, n) : g_strdup (req->path);

      if (g_cancellable_set_error_if_cancelled (cancellable, &error)
          || !export_one (req, trace, k, path, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      g_strv_builder_add (written, path);
    }
  g_task_return_pointer (task, g_strv_builder_end (written), (GDestroyNotify)g_strfreev);
}

void
heapscope_export_async (HeapscopeExportRequest *request, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (request != NULL && request->box != NULL && request->path != NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, heapscope_export_async);
  g_task_set_task_data (task, request, (GDestroyNotify)heapscope_export_request_free);
  g_task_run_in_thread (task, export_thread);
}

char **
heapscope_export_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
