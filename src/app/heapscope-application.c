/* heapscope-application.c — the AdwApplication: app-wide actions, accelerators, theme.
 *
 * Invariant: the colour scheme of AdwStyleManager always follows the "theme" setting;
 * windows read the diagram palette from heapscope_application_get_dark().
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-diagram.h"

#include "heapscope-application.h"
#include "heapscope-preferences-window.h"
#include "heapscope-window.h"

struct _HeapscopeApplication
{
  AdwApplication parent_instance;
  GSettings *settings;
  gint64 start_time;
  GThread *warm_up; /* loads Graphviz and the fonts while GTK starts up */
};

G_DEFINE_FINAL_TYPE (HeapscopeApplication, heapscope_application, ADW_TYPE_APPLICATION)

typedef struct
{
  const char *action;
  const char *accels[4];
} Accel;

/* Every command is an action; this table is the one place that binds their keys. */
static const Accel accels[] = {
  { "app.quit", { "<Primary>q", NULL } },
  { "app.preferences", { "<Primary>comma", NULL } },
  { "win.run", { "<Primary>Return", "<Primary>KP_Enter", NULL } },
  { "win.stop", { "<Primary>period", NULL } },
  { "win.record-further", { "<Primary><Shift>Return", NULL } },
  { "win.step-forward", { "F10", "<Alt>Right", NULL } },
  { "win.step-back", { "<Shift>F10", "<Alt>Left", NULL } },
  { "win.step-first", { "<Alt>Home", NULL } },
  { "win.step-last", { "<Alt>End", NULL } },
  { "win.play", { "<Primary>space", NULL } },
  { "win.presentation", { "F5", NULL } },
  { "win.presentation-output", { "<Primary><Shift>o", NULL } },
  { "win.forget-input", { "<Primary><Shift>BackSpace", NULL } },
  { "win.show-menu", { "<Primary>F10", NULL } },
  { "win.next-pane", { "F6", NULL } },
  { "win.previous-pane", { "<Shift>F6", NULL } },
  { "win.export", { "<Primary>e", NULL } },
  { "win.copy-diagram", { "<Primary><Shift>c", NULL } },
  { "win.print", { "<Primary>p", NULL } },
  { "win.zoom-in", { "<Primary>plus", "<Primary>equal", "<Primary>KP_Add", NULL } },
  { "win.zoom-out", { "<Primary>minus", "<Primary>KP_Subtract", NULL } },
  { "win.zoom-fit", { "<Primary>0", "<Primary>KP_0", NULL } },
  { "win.zoom-reset", { "<Primary>1", NULL } },
  { "win.open", { "<Primary>o", NULL } },
  { "win.save", { "<Primary>s", NULL } },
  { "win.save-as", { "<Primary><Shift>s", NULL } },
  { "win.new", { "<Primary>n", NULL } },
  { "win.live-run", { "<Primary>l", NULL } },
  { "window.close", { "<Primary>w", NULL } },
};

static void
apply_theme (HeapscopeApplication *self)
{
  g_autofree char *theme = g_settings_get_string (self->settings, "theme");
  AdwStyleManager *sm = adw_style_manager_get_default ();
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (theme, "light") || g_str_equal (theme, "high-contrast"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (theme, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (sm, scheme);
}

static void
on_theme_changed (GSettings *settings, const char *key, HeapscopeApplication *self)
{
  apply_theme (self);
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing (not destroying) lets each window ask about unsaved changes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HeapscopePreferencesWindow *prefs = heapscope_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _ ("The Heapscope authors"), NULL };
  GtkWidget *about = g_object_new (
      ADW_TYPE_ABOUT_WINDOW, "transient-for", gtk_application_get_active_window (app),
      "application-name", _ ("Heapscope"), "application-icon", HEAPSCOPE_APP_ID, "version",
      PACKAGE_VERSION, "comments", _ ("See Python's memory model step by step"), "license-type",
      GTK_LICENSE_GPL_3_0, "developers", developers, "website", HEAPSCOPE_WEBSITE, "issue-url",
      HEAPSCOPE_WEBSITE "/issues",
      /* Translators: your names, one per line ("Name <email>" or "Name https://…") */
      "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

/* --version is answered here, in the process started, without a window. */
static int
heapscope_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("heapscope %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static gpointer
warm_up_diagrams (gpointer data)
{
  hs_diagram_warm_up ();
  return NULL;
}

static void
heapscope_application_startup (GApplication *app)
{
  HeapscopeApplication *self = HEAPSCOPE_APPLICATION (app);

  /* The first diagram would otherwise wait for them after the window is up. */
  self->warm_up = g_thread_new ("heapscope-warm-up", warm_up_diagrams, NULL);
  G_APPLICATION_CLASS (heapscope_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->settings = g_settings_new (HEAPSCOPE_APP_ID);
  g_signal_connect (self->settings, "changed::theme", G_CALLBACK (on_theme_changed), self);
  apply_theme (self);
}

static HeapscopeWindow *
new_window (HeapscopeApplication *self)
{
  return heapscope_window_new (self);
}

static void
heapscope_application_activate (GApplication *app)
{
  HeapscopeApplication *self = HEAPSCOPE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    heapscope_window_restore_session (self);
  else
    gtk_window_present (window);
}

static void
heapscope_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  HeapscopeApplication *self = HEAPSCOPE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      HeapscopeWindow *win = new_window (self);
      heapscope_window_open_file (win, files[i]);
      gtk_window_present (GTK_WINDOW (win));
    }
}

static void
heapscope_application_dispose (GObject *object)
{
  HeapscopeApplication *self = HEAPSCOPE_APPLICATION (object);

  g_clear_object (&self->settings);
  if (self->warm_up != NULL)
    g_thread_join (g_steal_pointer (&self->warm_up));
  G_OBJECT_CLASS (heapscope_application_parent_class)->dispose (object);
}

static void
heapscope_application_class_init (HeapscopeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = heapscope_application_dispose;
  app_class->startup = heapscope_application_startup;
  app_class->activate = heapscope_application_activate;
  app_class->open = heapscope_application_open;
  app_class->handle_local_options = heapscope_application_handle_local_options;
}

static void
heapscope_application_init (HeapscopeApplication *self)
{
  const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print the version and exit"), NULL },
    { NULL },
  };

  self->start_time = g_get_monotonic_time ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _ ("[FILE.py…]"));
  g_application_set_option_context_summary (
      G_APPLICATION (self), _ ("Opens each Python FILE in a window of its own and runs it; with "
                               "no FILE, the windows of last time come back."));
}

gint64
heapscope_application_get_start_time (HeapscopeApplication *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_APPLICATION (self), 0);
  return self->start_time;
}

HeapscopeApplication *
heapscope_application_new (void)
{
  return g_object_new (HEAPSCOPE_TYPE_APPLICATION, "application-id", HEAPSCOPE_APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path",
                       "/io/github/heapscope/Heapscope", NULL);
}

GSettings *
heapscope_application_get_settings (HeapscopeApplication *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_APPLICATION (self), NULL);
  return self->settings;
}

gboolean
heapscope_application_get_dark (HeapscopeApplication *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_APPLICATION (self), FALSE);
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}
