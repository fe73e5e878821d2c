/* app-test.h — what the GUI tests share: the application under test, bounded waits, a
 * window to drive through its actions, and the private home they run in.
 *
 * Every wait is bounded: a test that hangs fails with the condition it waited for.
 */
#pragma once

#include <adwaita.h>

#include "heapscope-application.h"
#include "heapscope-window.h"

static HeapscopeApplication *app;

#define wait_until(cond) wait_until_impl ((gboolean (*) (gpointer)) (cond), win, #cond)

static inline void
wait_until_impl (gboolean (*cond) (gpointer), gpointer data, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static inline gboolean
flag_is_set (gpointer flag)
{
  return *(gboolean *)flag;
}

/* Waits until a callback sets *done (an export, a save, a clipboard read finished). */
static inline void
wait_until_done (gboolean *done, const char *what)
{
  wait_until_impl (flag_is_set, done, what);
}

static inline gboolean
settled (HeapscopeWindow *win)
{
  return heapscope_window_is_settled (win);
}

static inline HeapscopeWindow *
new_window (void)
{
  HeapscopeWindow *win = heapscope_window_new (app);

  gtk_window_present (GTK_WINDOW (win));
  return win;
}

static inline void
activate (HeapscopeWindow *win, const char *action)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), action));
  g_action_group_activate_action (G_ACTION_GROUP (win), action, NULL);
  wait_until (settled);
}

static inline const char *
step_label (HeapscopeWindow *win)
{
  return heapscope_step_controls_get_label (heapscope_window_get_step_controls (win));
}

static inline guint
scene_nodes (HeapscopeWindow *win)
{
  const HsScene *scene = heapscope_diagram_view_get_scene (heapscope_window_get_diagram (win));

  g_assert_nonnull (scene);
  return scene->nodes->len;
}

static inline char *
console_text (HeapscopeWindow *win)
{
  return heapscope_console_dup_text (heapscope_window_get_console (win));
}

static inline void
run_source (HeapscopeWindow *win, const char *source)
{
  heapscope_editor_set_text (heapscope_window_get_editor (win), source);
  heapscope_window_run (win);
  /* run_async marks the session running at once; wait for the trace and the step */
  wait_until (settled);
}

static inline void
close_window (HeapscopeWindow *win)
{
  gtk_window_destroy (GTK_WINDOW (win));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The visible AdwMessageDialogs over `win`; closes them. */
static inline guint
close_error_dialogs (HeapscopeWindow *win)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (win)
          && gtk_widget_get_visible (GTK_WIDGET (w)))
        g_ptr_array_add (found, w);
    }
  for (guint i = 0; i < found->len; i++)
    gtk_window_destroy (g_ptr_array_index (found, i));
  return found->len;
}

/* Private home dirs (autosave, recent files), but the system's data dirs stay visible
 * (GtkSourceView's language specs and the icon theme live there); then the test framework
 * and the application, registered. */
static inline void
app_test_init (int *argc, char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("heapscope-test-app-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (argc, argv, NULL);
  adw_init ();
  app = heapscope_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
}
