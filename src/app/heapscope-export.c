/* heapscope-export.c — runs an export request off the main thread.
 *
 * Invariant: the worker reads only the request (its own trace reference and a copy
 * of the view options), so the window may re-run or close while an export runs. The
 * files are hs_export_steps's, the function heapscope-cli render also calls; the window
 * adds only its view options (collapsed and expanded objects) through the layout hook.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-export.h"

void
heapscope_export_request_free (HeapscopeExportRequest *request)
{
  g_clear_pointer (&request->box, heapscope_trace_box_unref);
  g_clear_pointer (&request->options, heapscope_view_options_free);
  g_free (request->theme);
  g_free (request->path);
  g_clear_pointer (&request->notes, g_ptr_array_unref);
  g_free (request);
}

static HsScene *
layout_step (HsTrace *trace, int k, gpointer user_data, GError **error)
{
  const HeapscopeExportRequest *req = user_data;

  return heapscope_layout_step (trace, k, req->options);
}

/* The settings of a request for steps first..last of its trace. */
static void
settings_from_request (const HeapscopeExportRequest *req, int first, int last,
                       HsExportSettings *settings)
{
  hs_export_settings_init (settings);
  settings->format = req->format;
  settings->trace = heapscope_trace_box_get (req->box);
  settings->first = first;
  settings->last = last;
  settings->theme = hs_theme_lookup (req->theme);
  settings->scale = req->scale > 0 ? req->scale : 1.0;
  settings->page_size = req->page_size;
  settings->show_badges = req->options->show_refcounts;
  settings->layout = layout_step;
  settings->layout_data = (gpointer)req;
  settings->notes = req->notes;
}

GBytes *
heapscope_export_to_bytes (const HeapscopeExportRequest *request, GError **error)
{
  HsExportSettings settings;
  int n;

  g_return_val_if_fail (request != NULL && request->box != NULL && request->format != NULL, NULL);
  n = hs_trace_get_n_steps (heapscope_trace_box_get (request->box));
  g_return_val_if_fail (n > 0, NULL);
  settings_from_request (request, CLAMP (request->step, 0, n - 1), CLAMP (request->step, 0, n - 1),
                         &settings);
  return hs_export_to_bytes (&settings, error);
}

static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  HeapscopeExportRequest *req = task_data;
  HsTrace *trace = heapscope_trace_box_get (req->box);
  HsExportSettings settings;
  GError *error = NULL;
  char **written;
  int n = hs_trace_get_n_steps (trace);
  int first = 0, last = n - 1;

  if (n == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _ ("There is nothing to export: the program has no steps"));
      return;
    }
  if (req->range)
    first = CLAMP (req->first, 0, n - 1), last = CLAMP (req->last, first, n - 1);
  else if (!req->all_steps && !req->format->multi_page)
    first = last = CLAMP (req->step, 0, n - 1);
  if (last - first + 1 > HEAPSCOPE_EXPORT_MAX_STEPS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _ ("This export has %d steps, more than the %d an export can "
                                  "hold; choose a range of steps or lower the step limit"),
                               last - first + 1, HEAPSCOPE_EXPORT_MAX_STEPS);
      return;
    }
  settings_from_request (req, first, last, &settings);
  written = hs_export_steps (&settings, req->path, &error);
  if (written != NULL)
    g_task_return_pointer (task, written, (GDestroyNotify)g_strfreev);
  else
    g_task_return_error (task, error);
}

void
heapscope_export_async (HeapscopeExportRequest *request, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (request != NULL && request->box != NULL && request->path != NULL);
  g_return_if_fail (request->format != NULL);
  if (request->notes == NULL)
    request->notes = g_ptr_array_new_with_free_func (g_free);
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

const char *
heapscope_export_get_note (GAsyncResult *result)
{
  HeapscopeExportRequest *req;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  req = g_task_get_task_data (G_TASK (result));
  return req->notes != NULL && req->notes->len > 0 ? req->notes->pdata[0] : NULL;
}
