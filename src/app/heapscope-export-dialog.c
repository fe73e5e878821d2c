/* heapscope-export-dialog.c — the export choices; the work is heapscope-export.c's.
 *
 * Invariants: the dialog only describes a request; the window runs it, so closing the
 * dialog (which AdwMessageDialog does after any response) never cancels an export. The
 * format rows are hs_export_formats's table, in its order. The choices are kept in
 * GSettings when an export starts, and a row the format does not use is insensitive but
 * shows what the export will use (a multi-page format always takes all steps).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-export-dialog.h"

struct _HeapscopeExportDialog
{
  AdwMessageDialog parent_instance;
  AdwComboRow *steps_row;
  AdwActionRow *range_row;
  GtkSpinButton *range_from;
  GtkSpinButton *range_to;
  AdwComboRow *format_row;
  AdwActionRow *scale_row;
  GtkSpinButton *scale;
  AdwComboRow *page_row;
  AdwComboRow *theme_row;
  GSettings *settings;
  guint user_steps;        /* the user's steps row choice (STEPS_*), restored when a format
                            * that can take one step returns */
  gboolean forcing_steps;  /* the steps row is being set by the format, not the user */
  HeapscopeWindow *window; /* weak: the dialog is transient for it */
};

G_DEFINE_FINAL_TYPE (HeapscopeExportDialog, heapscope_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *const themes[] = { "light", "dark", "high-contrast" };

enum
{
  STEPS_CURRENT,
  STEPS_ALL,
  STEPS_RANGE,
};

static const HsExportFormat *
selected_format (HeapscopeExportDialog *self)
{
  guint n, i = adw_combo_row_get_selected (self->format_row);
  const HsExportFormat *formats = hs_export_formats (&n);

  return &formats[MIN (i, n - 1)];
}

void
heapscope_export_dialog_set_format (HeapscopeExportDialog *self, const char *id)
{
  guint n;
  const HsExportFormat *formats = hs_export_formats (&n);

  g_return_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (formats[i].id, id) == 0)
      adw_combo_row_set_selected (self->format_row, i);
}

void
heapscope_export_dialog_set_all_steps (HeapscopeExportDialog *self, gboolean all_steps)
{
  g_return_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->steps_row, all_steps ? STEPS_ALL : STEPS_CURRENT);
}

void
heapscope_export_dialog_set_range (HeapscopeExportDialog *self, int first, int last)
{
  g_return_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->steps_row, STEPS_RANGE);
  gtk_spin_button_set_value (self->range_from, first + 1);
  gtk_spin_button_set_value (self->range_to, last + 1);
}

void
heapscope_export_dialog_set_page_size (HeapscopeExportDialog *self, HsPageSize size)
{
  g_return_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->page_row, size);
}

void
heapscope_export_dialog_set_scale (HeapscopeExportDialog *self, double scale)
{
  g_return_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self));
  gtk_spin_button_set_value (self->scale, scale);
}

void
heapscope_export_dialog_set_theme (HeapscopeExportDialog *self, const char *theme)
{
  g_return_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    if (g_strcmp0 (theme, themes[i]) == 0)
      adw_combo_row_set_selected (self->theme_row, i);
}

HeapscopeExportRequest *
heapscope_export_dialog_build_request (HeapscopeExportDialog *self, const char *path)
{
  HeapscopeExportRequest *req;
  guint theme;

  g_return_val_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self), NULL);
  if (self->window == NULL)
    return NULL;
  req = heapscope_window_new_export_request (self->window);
  if (req == NULL)
    return NULL;
  req->format = selected_format (self);
  req->all_steps = adw_combo_row_get_selected (self->steps_row) == STEPS_ALL;
  req->range = adw_combo_row_get_selected (self->steps_row) == STEPS_RANGE;
  req->first = gtk_spin_button_get_value_as_int (self->range_from) - 1;
  req->last = MAX (req->first, gtk_spin_button_get_value_as_int (self->range_to) - 1);
  req->scale = gtk_spin_button_get_value (self->scale);
  req->page_size = MIN (adw_combo_row_get_selected (self->page_row), HS_N_PAGE_SIZES - 1);
  theme = adw_combo_row_get_selected (self->theme_row);
  g_free (req->theme);
  req->theme = g_strdup (themes[MIN (theme, G_N_ELEMENTS (themes) - 1)]);
  req->path = g_strdup (path);
  return req;
}

/* Kept for the next export, in this window or another. */
static void
remember_choices (HeapscopeExportDialog *self, const HeapscopeExportRequest *req)
{
  g_settings_set_string (self->settings, "export-format", req->format->id);
  g_settings_set_boolean (self->settings, "export-all-steps", self->user_steps == STEPS_ALL);
  g_settings_set_double (self->settings, "export-scale", req->scale);
  g_settings_set_string (self->settings, "export-theme", req->theme);
  g_settings_set_string (self->settings, "export-page-size", hs_page_size_name (req->page_size));
}

void
heapscope_export_dialog_export_to (HeapscopeExportDialog *self, GFile *file)
{
  g_autofree char *path = NULL;
  HeapscopeExportRequest *req;

  g_return_if_fail (HEAPSCOPE_IS_EXPORT_DIALOG (self));
  path = g_file_get_path (file);
  req = heapscope_export_dialog_build_request (self, path);
  if (req != NULL)
    remember_choices (self, req);
  if (req && path)
    heapscope_window_start_export (self->window, req);
  else if (req)
    heapscope_export_request_free (req);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
suggested_name (HeapscopeExportRequest *req)
{
  HsTrace *trace = heapscope_trace_box_get (req->box);
  const char *ext = req->format->extension;

  if (req->range)
    return g_strdup_printf ("%s-%d-%d%s", _ ("diagram-steps"), req->first + 1, req->last + 1, ext);
  if (req->all_steps || req->format->multi_page)
    return g_strdup_printf ("%s%s", _ ("diagram"), ext);
  return g_strdup_printf ("%s-%d%s", _ ("diagram-step"),
                          MIN (req->step + 1, hs_trace_get_n_steps (trace)), ext);
}

typedef struct
{
  HeapscopeWindow *window;
  HeapscopeExportRequest *req;
} Pending;

static void
chooser_response (GtkNativeDialog *chooser, int response, Pending *pending)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      pending->req->path = g_file_get_path (file);
      heapscope_window_start_export (pending->window, g_steal_pointer (&pending->req));
    }
  g_clear_pointer (&pending->req, heapscope_export_request_free);
  g_object_unref (pending->window);
  g_free (pending);
  g_object_unref (chooser);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  HeapscopeExportDialog *self = HEAPSCOPE_EXPORT_DIALOG (dialog);
  HeapscopeExportRequest *req;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  Pending *pending;

  if (!g_str_equal (response, "export") || self->window == NULL)
    return;
  req = heapscope_export_dialog_build_request (self, NULL);
  if (req == NULL)
    return;
  remember_choices (self, req);
  /* the message dialog closes after this signal: the chooser belongs to the window */
  chooser
      = gtk_file_chooser_native_new (_ ("Export Diagram"), GTK_WINDOW (self->window),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  name = suggested_name (req);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  pending = g_new0 (Pending, 1);
  pending->window = g_object_ref (self->window);
  pending->req = req;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_steps_changed (AdwComboRow *row, GParamSpec *pspec, HeapscopeExportDialog *self)
{
  const HsExportFormat *format = selected_format (self);
  guint steps = adw_combo_row_get_selected (row);

  if (!self->forcing_steps)
    self->user_steps = steps;
  gtk_widget_set_visible (GTK_WIDGET (self->range_row), steps == STEPS_RANGE);
  /* a multi-page format takes several steps: "current" reads "all" */
  if (format->multi_page && steps == STEPS_CURRENT)
    {
      self->forcing_steps = TRUE;
      adw_combo_row_set_selected (row, STEPS_ALL);
      self->forcing_steps = FALSE;
    }
}

/* Rows the format does not use are insensitive, showing what the export will use. */
static void
on_format_changed (AdwComboRow *row, GParamSpec *pspec, HeapscopeExportDialog *self)
{
  const HsExportFormat *format = selected_format (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format->scaled);
  adw_action_row_set_subtitle (self->scale_row, format->scaled
                                                    ? _ ("2 gives crisp slides")
                                                    : _ ("Not used: this format is vector"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_row), g_str_equal (format->id, "pdf-pages"));
  adw_action_row_set_subtitle (
      ADW_ACTION_ROW (self->page_row),
      g_str_equal (format->id, "pdf-pages") ? "" : _ ("Not used: only a multi-page PDF has pages"));
  self->forcing_steps = TRUE;
  adw_combo_row_set_selected (
      self->steps_row,
      format->multi_page && self->user_steps == STEPS_CURRENT ? STEPS_ALL : self->user_steps);
  self->forcing_steps = FALSE;
}

static void
heapscope_export_dialog_dispose (GObject *object)
{
  HeapscopeExportDialog *self = HEAPSCOPE_EXPORT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (heapscope_export_dialog_parent_class)->dispose (object);
}

static void
heapscope_export_dialog_class_init (HeapscopeExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = heapscope_export_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/heapscope/Heapscope/heapscope-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, steps_row);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, range_from);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, range_to);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, scale);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeExportDialog, theme_row);
}

static void
fill_formats (HeapscopeExportDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint n;
  const HsExportFormat *formats = hs_export_formats (&n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, _ (formats[i].label));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (labels));
}

static void
restore_choices (HeapscopeExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "export-format");
  g_autofree char *page = g_settings_get_string (self->settings, "export-page-size");
  HsPageSize size = HS_PAGE_FIT;

  self->user_steps
      = g_settings_get_boolean (self->settings, "export-all-steps") ? STEPS_ALL : STEPS_CURRENT;
  adw_combo_row_set_selected (self->steps_row, self->user_steps);
  heapscope_export_dialog_set_format (self, format);
  gtk_spin_button_set_value (self->scale, g_settings_get_double (self->settings, "export-scale"));
  hs_page_size_lookup (page, &size);
  adw_combo_row_set_selected (self->page_row, size);
}

static void
heapscope_export_dialog_init (HeapscopeExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (HEAPSCOPE_APP_ID);
  fill_formats (self);
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
  g_signal_connect (self->steps_row, "notify::selected", G_CALLBACK (on_steps_changed), self);
  g_signal_connect (self->format_row, "notify::selected", G_CALLBACK (on_format_changed), self);
  restore_choices (self);
  on_format_changed (self->format_row, NULL, self);
}

HeapscopeExportDialog *
heapscope_export_dialog_new (HeapscopeWindow *window)
{
  HeapscopeExportDialog *self;
  HeapscopeExportRequest *req;
  g_autofree char *theme = NULL;

  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (window), NULL);
  self = g_object_new (HEAPSCOPE_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  /* the theme chosen last time, or the one the window shows */
  theme = g_settings_get_string (self->settings, "export-theme");
  req = heapscope_window_new_export_request (window);
  if (req != NULL)
    {
      /* a range within the run, from the step shown to the end by default */
      int n = hs_trace_get_n_steps (heapscope_trace_box_get (req->box));

      gtk_spin_button_set_range (self->range_from, 1, MAX (n, 1));
      gtk_spin_button_set_range (self->range_to, 1, MAX (n, 1));
      gtk_spin_button_set_value (self->range_from, req->step + 1);
      gtk_spin_button_set_value (self->range_to, n);
    }
  if (theme[0] == '\0' && req != NULL)
    heapscope_export_dialog_set_theme (self, req->theme);
  else
    heapscope_export_dialog_set_theme (self, theme);
  g_clear_pointer (&req, heapscope_export_request_free);
  return self;
}
