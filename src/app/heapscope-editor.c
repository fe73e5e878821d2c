/* heapscope-editor.c — the program editor.
 *
 * Invariant: the "executed" (or "raised"), "next" and "error" tags cover exactly the lines
 * last passed to set_step_lines / set_error; nothing else in the buffer carries them, so
 * editing never leaves stale highlights behind after the next call.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-editor.h"

#define MARK_EXECUTED "heapscope-executed"
#define MARK_RAISED "heapscope-raised"
#define MARK_NEXT "heapscope-next"

struct _HeapscopeEditor
{
  GtkSourceView parent_instance;
  GtkCssProvider *font_css;
  char *error_message;
  GHashTable *warnings; /* line -> GString: the messages of the lines tagged "warning" */
  int executed_line;
  int next_line;
};

G_DEFINE_FINAL_TYPE (HeapscopeEditor, heapscope_editor, GTK_SOURCE_TYPE_VIEW)

static GtkTextBuffer *
text_buffer (HeapscopeEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static void
remove_tag_everywhere (HeapscopeEditor *self, const char *tag)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (text_buffer (self), &start, &end);
  gtk_text_buffer_remove_tag_by_name (text_buffer (self), tag, &start, &end);
}

static gboolean
line_bounds (HeapscopeEditor *self, int line, GtkTextIter *start, GtkTextIter *end)
{
  GtkTextBuffer *buf = text_buffer (self);

  if (line < 1 || line > gtk_text_buffer_get_line_count (buf))
    return FALSE;
  gtk_text_buffer_get_iter_at_line (buf, start, line - 1);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  return TRUE;
}

static void
mark_line_tag (HeapscopeEditor *self, int line, const char *tag)
{
  GtkTextIter start, end;

  if (!line_bounds (self, line, &start, &end))
    return;
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag_by_name (text_buffer (self), tag, &start, &end);
}

static void
mark_line (HeapscopeEditor *self, int line, const char *tag, const char *category)
{
  GtkTextIter start, end;
  GtkSourceBuffer *buf = GTK_SOURCE_BUFFER (text_buffer (self));

  if (!line_bounds (self, line, &start, &end))
    return;
  /* paragraph-background needs the newline inside the range to paint the whole row */
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag_by_name (text_buffer (self), tag, &start, &end);
  gtk_source_buffer_create_source_mark (buf, NULL, category, &start);
}

void
heapscope_editor_set_step_lines (HeapscopeEditor *self, int executed, int next, gboolean raised)
{
  GtkTextIter start, end;
  GtkSourceBuffer *buf;

  g_return_if_fail (HEAPSCOPE_IS_EDITOR (self));
  buf = GTK_SOURCE_BUFFER (text_buffer (self));
  self->executed_line = executed;
  self->next_line = next;
  remove_tag_everywhere (self, "executed");
  remove_tag_everywhere (self, "raised");
  remove_tag_everywhere (self, "next");
  gtk_text_buffer_get_bounds (text_buffer (self), &start, &end);
  gtk_source_buffer_remove_source_marks (buf, &start, &end, MARK_EXECUTED);
  gtk_source_buffer_remove_source_marks (buf, &start, &end, MARK_RAISED);
  gtk_source_buffer_remove_source_marks (buf, &start, &end, MARK_NEXT);

  if (next > 0 && next != executed)
    mark_line (self, next, "next", MARK_NEXT);
  if (executed > 0)
    mark_line (self, executed, raised ? "raised" : "executed",
               raised ? MARK_RAISED : MARK_EXECUTED);
  if (line_bounds (self, next > 0 ? next : executed, &start, &end))
    gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &start, 0.1, FALSE, 0, 0);
}

void
heapscope_editor_set_error (HeapscopeEditor *self, int line, int col, int end_col,
                            const char *message)
{
  GtkTextIter start, end, line_end;

  g_return_if_fail (HEAPSCOPE_IS_EDITOR (self));
  heapscope_editor_clear_error (self);
  if (!line_bounds (self, line, &start, &line_end))
    return;
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  end = line_end;
  if (col > 1 && col - 1 < gtk_text_iter_get_chars_in_line (&start))
    gtk_text_iter_set_line_offset (&start, col - 1);
  if (end_col > col && end_col - 1 <= gtk_text_iter_get_chars_in_line (&line_end))
    gtk_text_iter_set_line_offset (&end, end_col - 1);
  else if (col > 0 && end_col <= col)
    {
      /* no end given: underline the one character CPython's caret points at */
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_char (&end);
    }
  if (gtk_text_iter_equal (&start, &end))
    {
      /* an error at the end of a line still needs something to underline */
      gtk_text_iter_set_line_offset (&start, 0);
      end = line_end;
    }
  gtk_text_buffer_apply_tag_by_name (text_buffer (self), "error", &start, &end);
  /* a one-character underline is easy to miss: tint the whole line too */
  mark_line_tag (self, line, "error-line");
}

void
heapscope_editor_clear_error (HeapscopeEditor *self)
{
  g_return_if_fail (HEAPSCOPE_IS_EDITOR (self));
  remove_tag_everywhere (self, "error");
  remove_tag_everywhere (self, "error-line");
  g_clear_pointer (&self->error_message, g_free);
}

void
heapscope_editor_add_warning (HeapscopeEditor *self, int line, const char *message)
{
  GtkTextIter start, end;
  GString *messages;

  g_return_if_fail (HEAPSCOPE_IS_EDITOR (self));
  if (!line_bounds (self, line, &start, &end))
    return;
  while (!gtk_text_iter_equal (&start, &end) && g_unichar_isspace (gtk_text_iter_get_char (&start)))
    gtk_text_iter_forward_char (&start);
  gtk_text_buffer_apply_tag_by_name (text_buffer (self), "warning", &start, &end);
  messages = g_hash_table_lookup (self->warnings, GINT_TO_POINTER (line));
  if (messages == NULL)
    g_hash_table_insert (self->warnings, GINT_TO_POINTER (line), g_string_new (message));
  else if (strstr (messages->str, message) == NULL)
    g_string_append_printf (messages, "\n%s", message);
}

void
heapscope_editor_clear_warnings (HeapscopeEditor *self)
{
  g_return_if_fail (HEAPSCOPE_IS_EDITOR (self));
  remove_tag_everywhere (self, "warning");
  g_hash_table_remove_all (self->warnings);
}

/* The error's message over the error, a line's warnings over that line. */
static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  HeapscopeEditor *self = HEAPSCOPE_EDITOR (widget);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (text_buffer (self));
  GtkTextIter iter;
  GString *warnings;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx,
                                         &by);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by);
  if (self->error_message != NULL
      && gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "error")))
    {
      gtk_tooltip_set_text (tooltip, self->error_message);
      return TRUE;
    }
  warnings
      = g_hash_table_lookup (self->warnings, GINT_TO_POINTER (gtk_text_iter_get_line (&iter) + 1));
  if (warnings == NULL
      || !gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (table, "warning")))
    return FALSE;
  gtk_tooltip_set_text (tooltip, warnings->str);
  return TRUE;
}

void
heapscope_editor_set_font_size (HeapscopeEditor *self, int points)
{
  g_autofree char *css = NULL;

  g_return_if_fail (HEAPSCOPE_IS_EDITOR (self));
  css = g_strdup_printf ("textview { font-family: monospace; font-size: %dpt; }", points);
  gtk_css_provider_load_from_data (self->font_css, css, -1);
}

GtkSourceBuffer *
heapscope_editor_get_buffer (HeapscopeEditor *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_EDITOR (self), NULL);
  return GTK_SOURCE_BUFFER (text_buffer (self));
}

char *
heapscope_editor_dup_text (HeapscopeEditor *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (HEAPSCOPE_IS_EDITOR (self), NULL);
  gtk_text_buffer_get_bounds (text_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (text_buffer (self), &start, &end, FALSE);
}

void
heapscope_editor_set_text (HeapscopeEditor *self, const char *text)
{
  GtkSourceBuffer *buf;
  GtkTextIter start;

  g_return_if_fail (HEAPSCOPE_IS_EDITOR (self));
  buf = GTK_SOURCE_BUFFER (text_buffer (self));
  /* loading a file is not an edit the user should undo */
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (buf));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buf), text, -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (buf));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buf), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buf), &start);
  self->executed_line = self->next_line = 0;
}

char *
heapscope_editor_dup_lines (HeapscopeEditor *self, int first, int last)
{
  GtkTextBuffer *buf;
  GtkTextIter start, end;
  int n;

  g_return_val_if_fail (HEAPSCOPE_IS_EDITOR (self), NULL);
  buf = text_buffer (self);
  n = gtk_text_buffer_get_line_count (buf);
  first = CLAMP (first, 1, n);
  last = CLAMP (last, first, n);
  gtk_text_buffer_get_iter_at_line (buf, &start, first - 1);
  gtk_text_buffer_get_iter_at_line (buf, &end, last - 1);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_buffer_get_text (buf, &start, &end, FALSE);
}

static void
update_scheme (HeapscopeEditor *self)
{
  GtkSourceStyleSchemeManager *sm = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme
      = gtk_source_style_scheme_manager_get_scheme (sm, dark ? "Adwaita-dark" : "Adwaita");
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (text_buffer (self));

  if (scheme)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (text_buffer (self)), scheme);
  g_object_set (gtk_text_tag_table_lookup (table, "executed"), "paragraph-background",
                dark ? "#1c5a32" : "#c8f0d2", NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "next"), "paragraph-background",
                dark ? "#5a4b1c" : "#fff3c4", NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "error-line"), "paragraph-background",
                dark ? "#5c2328" : "#fbdde0", NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "raised"), "paragraph-background",
                dark ? "#5c2328" : "#fbdde0", NULL);
}

static void
on_dark_changed (AdwStyleManager *sm, GParamSpec *pspec, HeapscopeEditor *self)
{
  update_scheme (self);
}

static void
setup_marks (HeapscopeEditor *self)
{
  g_autoptr (GtkSourceMarkAttributes) executed = gtk_source_mark_attributes_new ();
  g_autoptr (GtkSourceMarkAttributes) raised = gtk_source_mark_attributes_new ();
  g_autoptr (GtkSourceMarkAttributes) next = gtk_source_mark_attributes_new ();

  gtk_source_mark_attributes_set_icon_name (executed, "object-select-symbolic");
  gtk_source_mark_attributes_set_icon_name (raised, "dialog-error-symbolic");
  gtk_source_mark_attributes_set_icon_name (next, "go-next-symbolic");
  gtk_source_view_set_mark_attributes (GTK_SOURCE_VIEW (self), MARK_EXECUTED, executed, 20);
  gtk_source_view_set_mark_attributes (GTK_SOURCE_VIEW (self), MARK_RAISED, raised, 20);
  gtk_source_view_set_mark_attributes (GTK_SOURCE_VIEW (self), MARK_NEXT, next, 10);
  gtk_source_view_set_show_line_marks (GTK_SOURCE_VIEW (self), TRUE);
}

static void
heapscope_editor_dispose (GObject *object)
{
  HeapscopeEditor *self = HEAPSCOPE_EDITOR (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed, self);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->warnings, g_hash_table_unref);
  g_clear_object (&self->font_css);
  G_OBJECT_CLASS (heapscope_editor_parent_class)->dispose (object);
}

static void heapscope_editor_constructed (GObject *object);

/* Ctrl+Space is play/pause here; the editor offers no completion to open with it. */
static void
on_show_completion (GtkSourceView *view, gpointer user_data)
{
  g_signal_stop_emission_by_name (view, "show-completion");
}

static void
heapscope_editor_class_init (HeapscopeEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heapscope_editor_dispose;
  G_OBJECT_CLASS (klass)->constructed = heapscope_editor_constructed;
}

static void
heapscope_editor_constructed (GObject *object)
{
  HeapscopeEditor *self = HEAPSCOPE_EDITOR (object);
  GtkSourceLanguageManager *lm = gtk_source_language_manager_get_default ();
  g_autoptr (GtkSourceBuffer) buf = NULL;
  GtkSourceLanguage *python = gtk_source_language_manager_get_language (lm, "python3");

  /* without the language specs installed the editor still works, uncoloured */
  /* GtkSourceView sets up its own buffer while being constructed; replacing it before
   * then (in init) confuses its snippet handling */
  G_OBJECT_CLASS (heapscope_editor_parent_class)->constructed (object);
  buf = python ? gtk_source_buffer_new_with_language (python) : gtk_source_buffer_new (NULL);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), GTK_TEXT_BUFFER (buf));
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buf), "executed", NULL);
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buf), "raised", NULL);
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buf), "next", NULL);
  /* created after the step tags, so it wins where they overlap */
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buf), "error-line", NULL);
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buf), "error", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &(GdkRGBA){ 0.88, 0.11, 0.14, 1 }, NULL);
  gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (buf), "warning", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &(GdkRGBA){ 0.90, 0.65, 0.04, 1 }, NULL);

  gtk_source_view_set_show_line_numbers (GTK_SOURCE_VIEW (self), TRUE);
  gtk_source_view_set_auto_indent (GTK_SOURCE_VIEW (self), TRUE);
  gtk_source_view_set_tab_width (GTK_SOURCE_VIEW (self), 4);
  gtk_source_view_set_indent_width (GTK_SOURCE_VIEW (self), 4);
  gtk_source_view_set_insert_spaces_instead_of_tabs (GTK_SOURCE_VIEW (self), TRUE);
  gtk_source_view_set_highlight_current_line (GTK_SOURCE_VIEW (self), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (self), TRUE);
  /* comments in the examples run past the pane: wrap rather than hide them */
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "heapscope-editor");
  setup_marks (self);

  self->font_css = gtk_css_provider_new ();
  /* per widget, so two windows can use different sizes (presentation) */
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  heapscope_editor_set_font_size (self, 13);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect (self, "show-completion", G_CALLBACK (on_show_completion), NULL);
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed),
                    self);
  update_scheme (self);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
heapscope_editor_init (HeapscopeEditor *self)
{
  self->warnings = g_hash_table_new_full (NULL, NULL, NULL, free_string);
}

GtkWidget *
heapscope_editor_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_EDITOR, NULL);
}
