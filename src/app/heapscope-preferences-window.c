/* heapscope-preferences-window.c — every row is bound to its GSettings key; nothing is
 * applied here: windows listen to the settings, so changes take effect everywhere. */
#include "config.h"

#include "heapscope-preferences-window.h"

struct _HeapscopePreferencesWindow
{
  AdwPreferencesWindow parent_instance;
  GSettings *settings;
  AdwComboRow *theme_row;
  GtkSpinButton *font_size;
  GtkSwitch *heap_primitives;
  GtkSwitch *show_refcounts;
  GtkSwitch *show_internals;
  GtkSpinButton *animation_speed;
  GtkSwitch *presentation_hc;
  GtkSpinButton *step_limit;
  GtkSpinButton *memory_limit;
  GtkSwitch *live_run;
};

G_DEFINE_FINAL_TYPE (HeapscopePreferencesWindow, heapscope_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions, in the order of the .ui's string list. */
static const char *const themes[] = { "system", "light", "dark", "high-contrast" };

static gboolean
theme_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *theme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    if (g_str_equal (theme, themes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
theme_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (themes[i < G_N_ELEMENTS (themes) ? i : 0]);
}

static void
bind_settings (HeapscopePreferencesWindow *self)
{
  GSettings *s = self->settings;

  g_settings_bind_with_mapping (s, "theme", self->theme_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                theme_get_mapping, theme_set_mapping, NULL, NULL);
  g_settings_bind (s, "editor-font-size", gtk_spin_button_get_adjustment (self->font_size), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "heap-primitives", self->heap_primitives, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "show-refcounts", self->show_refcounts, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "show-internals", self->show_internals, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "animation-speed", gtk_spin_button_get_adjustment (self->animation_speed),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "presentation-high-contrast", self->presentation_hc, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "step-limit", gtk_spin_button_get_adjustment (self->step_limit), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "memory-limit", gtk_spin_button_get_adjustment (self->memory_limit), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (s, "live-run", self->live_run, "active", G_SETTINGS_BIND_DEFAULT);
}

static void
heapscope_preferences_window_dispose (GObject *object)
{
  HeapscopePreferencesWindow *self = HEAPSCOPE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (heapscope_preferences_window_parent_class)->dispose (object);
}

static void
heapscope_preferences_window_class_init (HeapscopePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = heapscope_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/heapscope/Heapscope/heapscope-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, theme_row);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, font_size);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, heap_primitives);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, show_refcounts);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, show_internals);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, animation_speed);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, presentation_hc);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, step_limit);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, memory_limit);
  gtk_widget_class_bind_template_child (widget_class, HeapscopePreferencesWindow, live_run);
}

static void
heapscope_preferences_window_init (HeapscopePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HeapscopePreferencesWindow *
heapscope_preferences_window_new (GSettings *settings)
{
  HeapscopePreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  self = g_object_new (HEAPSCOPE_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  bind_settings (self);
  return self;
}
