/* heapscope-explain-panel.c — a heading and one label per explained event.
 *
 * Invariant: `box` holds one label per sentence of the last set() call, in order, or a
 * single dim placeholder when there were none.
 *
 * Screen readers hear new sentences through `announcer`, an empty widget with the ALERT
 * role whose name is the step's sentences: GTK 4.8 has no gtk_accessible_announce (4.14),
 * and AT-SPI reports each change of an alert's name (object:property-change:accessible-
 * name) to the screen reader. (Hiding and showing it again reports nothing in 4.8.)
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-explain-panel.h"

struct _HeapscopeExplainPanel
{
  GtkWidget parent_instance;
  GtkWidget *scroller;
  GtkLabel *title;
  GtkBox *box;
  GtkWidget *announcer;
  GStrv sentences;
};

G_DEFINE_FINAL_TYPE (HeapscopeExplainPanel, heapscope_explain_panel, GTK_TYPE_WIDGET)

static void
clear_box (HeapscopeExplainPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);
}

static GtkWidget *
sentence_label (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, dim ? "dim-label" : "explain-sentence");
  return label;
}

static void
announce (HeapscopeExplainPanel *self)
{
  g_autofree char *text = g_strjoinv (" ", self->sentences);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->announcer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text, -1);
}

void
heapscope_explain_panel_set (HeapscopeExplainPanel *self, const char *title,
                             const char *const *sentences)
{
  g_return_if_fail (HEAPSCOPE_IS_EXPLAIN_PANEL (self));
  gtk_label_set_text (self->title, title ? title : _ ("What happened"));
  if (self->sentences && sentences
      && g_strv_equal ((const char *const *)self->sentences, sentences))
    return;
  g_clear_pointer (&self->sentences, g_strfreev);
  self->sentences = g_strdupv ((char **)sentences);
  clear_box (self);
  if (sentences == NULL || sentences[0] == NULL)
    {
      gtk_box_append (self->box, sentence_label (_ ("Nothing changed in memory."), TRUE));
      return;
    }
  for (guint i = 0; sentences[i]; i++)
    {
      g_autofree char *bullet = g_strdup_printf ("• %s", sentences[i]);
      gtk_box_append (self->box, sentence_label (bullet, FALSE));
    }
  announce (self);
}

char *
heapscope_explain_panel_dup_text (HeapscopeExplainPanel *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_EXPLAIN_PANEL (self), NULL);
  if (self->sentences == NULL)
    return g_strdup ("");
  return g_strjoinv ("\n", self->sentences);
}

static void
heapscope_explain_panel_dispose (GObject *object)
{
  HeapscopeExplainPanel *self = HEAPSCOPE_EXPLAIN_PANEL (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->sentences, g_strfreev);
  G_OBJECT_CLASS (heapscope_explain_panel_parent_class)->dispose (object);
}

static void
heapscope_explain_panel_class_init (HeapscopeExplainPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heapscope_explain_panel_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "heapscopeexplain");
}

static void
heapscope_explain_panel_init (HeapscopeExplainPanel *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->title = GTK_LABEL (gtk_label_new (_ ("What happened")));
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->box));
  self->announcer = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_box_append (GTK_BOX (outer), self->announcer);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 8);
  gtk_widget_set_margin_bottom (outer, 8);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  /* its natural height is its sentences' (the window sizes it to them when presenting) */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), outer);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  heapscope_explain_panel_set (self, NULL, NULL);
}

GtkWidget *
heapscope_explain_panel_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_EXPLAIN_PANEL, NULL);
}
