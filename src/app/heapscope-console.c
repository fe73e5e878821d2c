/* heapscope-console.c — a read-only text view showing the program's output, and an entry
 * for the program's input() while a run waits for an answer.
 *
 * Invariant: the buffer holds exactly the warnings last given to
 * heapscope_console_set_warnings (tagged "warning"), then the last (output, stderr ranges,
 * error) given to heapscope_console_set, the stderr parts and the error tagged "error"; it
 * never accumulates.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "heapscope-console.h"

enum
{
  ANSWER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _HeapscopeConsole
{
  GtkWidget parent_instance;
  GtkWidget *box;
  GtkWidget *scroller;
  GtkWidget *entry;
  GtkTextView *view;
  GtkCssProvider *css;
  char *warnings;
  char *output;
  GArray *stderr_ranges; /* guint32 pairs, or NULL */
  char *error;
};

G_DEFINE_FINAL_TYPE (HeapscopeConsole, heapscope_console, GTK_TYPE_WIDGET)

static gboolean
scroll_to_end (gpointer data)
{
  HeapscopeConsole *self = data;
  GtkTextBuffer *buf = gtk_text_view_get_buffer (self->view);
  GtkTextMark *mark = gtk_text_buffer_get_insert (buf);

  gtk_text_view_scroll_to_mark (self->view, mark, 0, FALSE, 0, 1);
  return G_SOURCE_REMOVE;
}

static gboolean
same_ranges (GArray *a, GArray *b)
{
  guint na = a ? a->len : 0, nb = b ? b->len : 0;

  return na == nb && (na == 0 || memcmp (a->data, b->data, na * sizeof (guint32)) == 0);
}

void
heapscope_console_set (HeapscopeConsole *self, const char *output, GArray *stderr_ranges,
                       const char *error)
{
  GtkTextBuffer *buf;
  GtkTextIter end;
  int first;

  g_return_if_fail (HEAPSCOPE_IS_CONSOLE (self));
  output = output ? output : "";
  /* stepping re-sets the same text often; skip the relayout when nothing changed */
  if (g_strcmp0 (self->output, output) == 0 && g_strcmp0 (self->error, error) == 0
      && same_ranges (self->stderr_ranges, stderr_ranges))
    return;
  if (stderr_ranges != NULL)
    g_array_ref (stderr_ranges);
  g_clear_pointer (&self->stderr_ranges, g_array_unref);
  self->stderr_ranges = stderr_ranges;
  g_free (self->output);
  g_free (self->error);
  self->output = g_strdup (output);
  self->error = g_strdup (error);

  buf = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_set_text (buf, "", 0);
  gtk_text_buffer_get_end_iter (buf, &end);
  /* CPython prints the compiler's warnings before the program runs */
  if (self->warnings != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buf, &end, self->warnings, -1, "warning", NULL);
  first = gtk_text_iter_get_offset (&end);
  gtk_text_buffer_insert (buf, &end, output, -1);
  for (guint i = 0; stderr_ranges != NULL && i + 1 < stderr_ranges->len; i += 2)
    {
      guint32 from = g_array_index (stderr_ranges, guint32, i);
      guint32 to = g_array_index (stderr_ranges, guint32, i + 1);
      GtkTextIter a, b;

      /* byte offsets into `output`, which the buffer holds from character `first` */
      gtk_text_buffer_get_iter_at_offset (
          buf, &a, first + (int)g_utf8_pointer_to_offset (output, output + from));
      gtk_text_buffer_get_iter_at_offset (
          buf, &b, first + (int)g_utf8_pointer_to_offset (output, output + to));
      gtk_text_buffer_apply_tag_by_name (buf, "error", &a, &b);
    }
  if (error && *error)
    {
      gtk_text_buffer_get_end_iter (buf, &end);
      if (*output && !g_str_has_suffix (output, "\n"))
        gtk_text_buffer_insert (buf, &end, "\n", 1);
      gtk_text_buffer_insert_with_tags_by_name (buf, &end, error, -1, "error", NULL);
    }
  gtk_text_buffer_get_end_iter (buf, &end);
  gtk_text_buffer_place_cursor (buf, &end);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_end, g_object_ref (self), g_object_unref);
}

void
heapscope_console_set_warnings (HeapscopeConsole *self, const char *warnings)
{
  g_autofree char *output = NULL;
  g_autofree char *error = NULL;
  g_autoptr (GArray) ranges = NULL;

  g_return_if_fail (HEAPSCOPE_IS_CONSOLE (self));
  if (g_strcmp0 (self->warnings, warnings) == 0)
    return;
  g_free (self->warnings);
  self->warnings = warnings != NULL && *warnings ? g_strdup (warnings) : NULL;
  /* show them now, around the same output and error */
  output = g_steal_pointer (&self->output);
  error = g_steal_pointer (&self->error);
  ranges = g_steal_pointer (&self->stderr_ranges);
  heapscope_console_set (self, output, ranges, error);
}

char *
heapscope_console_dup_text (HeapscopeConsole *self)
{
  GtkTextBuffer *buf;
  GtkTextIter start, end;

  g_return_val_if_fail (HEAPSCOPE_IS_CONSOLE (self), NULL);
  buf = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buf, &start, &end);
  return gtk_text_buffer_get_text (buf, &start, &end, FALSE);
}

void
heapscope_console_set_font_size (HeapscopeConsole *self, int points)
{
  g_autofree char *css = g_strdup_printf ("textview, entry { font-size: %dpt; }", points);

  g_return_if_fail (HEAPSCOPE_IS_CONSOLE (self));
  gtk_css_provider_load_from_data (self->css, css, -1);
}

void
heapscope_console_ask (HeapscopeConsole *self, gboolean asking)
{
  g_return_if_fail (HEAPSCOPE_IS_CONSOLE (self));
  if (asking == gtk_widget_get_visible (self->entry))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_set_visible (self->entry, asking);
  if (asking)
    gtk_widget_grab_focus (self->entry);
}

gboolean
heapscope_console_get_asking (HeapscopeConsole *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_CONSOLE (self), FALSE);
  return gtk_widget_get_visible (self->entry);
}

GtkWidget *
heapscope_console_get_entry (HeapscopeConsole *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_CONSOLE (self), NULL);
  return self->entry;
}

static void
on_entry_activate (GtkEntry *entry, HeapscopeConsole *self)
{
  g_autofree char *answer = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_signal_emit (self, signals[ANSWER], 0, answer);
}

static void
heapscope_console_dispose (GObject *object)
{
  HeapscopeConsole *self = HEAPSCOPE_CONSOLE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->css);
  g_clear_pointer (&self->warnings, g_free);
  g_clear_pointer (&self->stderr_ranges, g_array_unref);
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (heapscope_console_parent_class)->dispose (object);
}

static void
heapscope_console_class_init (HeapscopeConsoleClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heapscope_console_dispose;
  /* the user pressed Enter in the input entry: the answer (without a newline) */
  signals[ANSWER] = g_signal_new ("answer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "heapscopeconsole");
}

static void
heapscope_console_init (HeapscopeConsole *self)
{
  GtkTextBuffer *buf;

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, FALSE);
  gtk_text_view_set_monospace (self->view, TRUE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, 8);
  gtk_text_view_set_top_margin (self->view, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "heapscope-console");
  buf = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_create_tag (buf, "error", "foreground", "#e01b24", "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buf, "warning", "foreground", "#c64600", NULL);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->view)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));

  self->entry = gtk_entry_new ();
  gtk_widget_set_visible (self->entry, FALSE);
  gtk_widget_set_margin_start (self->entry, 6);
  gtk_widget_set_margin_end (self->entry, 6);
  gtk_widget_set_margin_bottom (self->entry, 6);
  gtk_widget_add_css_class (self->entry, "monospace");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                  _ ("The program waits for input: type it, then press Enter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Input for the program"), -1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->entry),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_entry_activate), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), self->scroller);
  gtk_box_append (GTK_BOX (self->box), self->entry);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
heapscope_console_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_CONSOLE, NULL);
}
