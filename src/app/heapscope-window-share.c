/* heapscope-window-share.c — the diagram leaving the window: copied to the clipboard (PNG
 * and SVG, so that slides and drawing programs each take their format), printed (fit to the
 * page), and a .py file dropped on the window opened in it.
 *
 * Invariant: what is copied or printed is the current step laid out with the window's view
 * options, through the export path (heapscope-export.c), so it looks like an export.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-window-private.h"

#define PRINT_MAX_ZOOM 1.5 /* a small diagram is enlarged at most this much on paper */

/* ---- clipboard ---- */

static GdkContentProvider *
provider_for (HeapscopeWindow *self, const char *format, const char *mime, GError **error)
{
  g_autoptr (HeapscopeExportRequest) req = heapscope_window_new_export_request (self);
  g_autoptr (GBytes) bytes = NULL;

  req->format = hs_export_format_lookup (format);
  bytes = heapscope_export_to_bytes (req, error);
  return bytes ? gdk_content_provider_new_for_bytes (mime, bytes) : NULL;
}

gboolean
heapscope_window_copy_diagram (HeapscopeWindow *self, GError **error)
{
  GdkContentProvider *providers[2];
  g_autoptr (GdkContentProvider) both = NULL;

  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), FALSE);
  if (_heapscope_window_n_steps (self) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Run the program first"));
      return FALSE;
    }
  providers[0] = provider_for (self, "png", "image/png", error);
  providers[1] = providers[0] ? provider_for (self, "svg", "image/svg+xml", error) : NULL;
  if (providers[1] == NULL)
    {
      g_clear_object (&providers[0]);
      return FALSE;
    }
  both = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), both);
  return TRUE;
}

static void
copy_diagram_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (heapscope_window_copy_diagram (self, &error))
    heapscope_window_add_toast (self, _ ("Diagram copied"));
  else
    heapscope_window_add_toast (self, error->message);
}

/* ---- printing ---- */

typedef struct
{
  HsScene *scene;
  gboolean show_badges;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->scene, hs_scene_free);
  g_free (job);
}

/* The diagram scaled to fit the printable area, in the light theme (paper is white). */
static void
draw_page (GtkPrintOperation *op, GtkPrintContext *context, int page, PrintJob *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double zoom = MIN (PRINT_MAX_ZOOM, MIN (width / job->scene->width, height / job->scene->height));
  HsPaintOptions paint;

  hs_paint_options_init (&paint);
  paint.show_badges = job->show_badges;
  cairo_save (cr);
  cairo_translate (cr, (width - job->scene->width * zoom) / 2, 0);
  cairo_scale (cr, zoom, zoom);
  hs_painter_draw (cr, job->scene, hs_theme_get (HS_THEME_LIGHT), &paint);
  cairo_restore (cr);
}

gboolean
heapscope_window_print (HeapscopeWindow *self, const char *pdf_path, GError **error)
{
  g_autoptr (HeapscopeExportRequest) req = NULL;
  g_autoptr (GtkPrintOperation) op = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), FALSE);
  req = heapscope_window_new_export_request (self);
  if (req == NULL || _heapscope_window_n_steps (self) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Run the program first"));
      return FALSE;
    }
  job = g_new0 (PrintJob, 1);
  job->scene = heapscope_layout_step (heapscope_trace_box_get (req->box), req->step, req->options);
  job->show_badges = req->options->show_refcounts;
  if (job->scene == NULL)
    {
      print_job_free (job);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Step %d could not be laid out"),
                   req->step + 1);
      return FALSE;
    }
  op = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (op, 1);
  gtk_print_operation_set_job_name (op, _ ("Heapscope diagram"));
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page), job);
  g_object_set_data_full (G_OBJECT (op), "heapscope-print-job", job,
                          (GDestroyNotify)print_job_free);
  if (pdf_path != NULL)
    gtk_print_operation_set_export_filename (op, pdf_path);
  result = gtk_print_operation_run (
      op, pdf_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
      GTK_WINDOW (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  g_autoptr (GError) error = NULL;

  if (!heapscope_window_print (self, NULL, &error))
    heapscope_window_add_toast (self, error->message);
}

/* ---- a file dropped on the window ---- */

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, HeapscopeWindow *self)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  if (name == NULL || !g_str_has_suffix (name, ".py"))
    {
      heapscope_window_add_toast (self, _ ("Only Python files (.py) can be opened"));
      return FALSE;
    }
  _heapscope_window_open_here_or_new (self, file);
  return TRUE;
}

static const GActionEntry share_actions[] = {
  { "copy-diagram", copy_diagram_activated },
  { "print", print_activated },
};

void
_heapscope_window_share_init (HeapscopeWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_action_map_add_action_entries (G_ACTION_MAP (self), share_actions, G_N_ELEMENTS (share_actions),
                                   self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
