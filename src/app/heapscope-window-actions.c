/* heapscope-window-actions.c — the window's commands as GActions ("win.*"), and playing.
 *
 * Every command is an action in this window's action map (accelerators live in
 * heapscope-application.c), so buttons, menus, keys and tests share one path.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-export-dialog.h"
#include "heapscope-window-private.h"

/* ---- play ---- */

void
_heapscope_window_stop_playing (HeapscopeWindow *self)
{
  g_clear_handle_id (&self->play_id, g_source_remove);
  _heapscope_window_set_action_state (self, "play", FALSE);
  heapscope_step_controls_set_playing (self->step_controls, FALSE);
}

static gboolean
play_tick (gpointer data)
{
  HeapscopeWindow *self = data;

  if (self->step >= _heapscope_window_n_steps (self) - 1)
    {
      self->play_id = 0;
      _heapscope_window_stop_playing (self);
      return G_SOURCE_REMOVE;
    }
  _heapscope_window_show_step (self, self->step + 1, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
start_playing (HeapscopeWindow *self)
{
  double speed = g_settings_get_double (self->settings, "play-speed");

  g_clear_handle_id (&self->play_id, g_source_remove);
  if (self->step >= _heapscope_window_n_steps (self) - 1)
    _heapscope_window_show_step (self, 0, TRUE);
  self->play_id = g_timeout_add ((guint)(1000 / MAX (speed, 0.1)), play_tick, self);
  _heapscope_window_set_action_state (self, "play", TRUE);
  heapscope_step_controls_set_playing (self->step_controls, TRUE);
}

static void
on_play_speed_changed (GSettings *settings, const char *key, HeapscopeWindow *self)
{
  if (self->play_id)
    start_playing (self);
}

/* ---- actions ---- */

static void
run_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  heapscope_window_run (user_data);
}

static void
stop_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  heapscope_window_stop (user_data);
}

static void
step_forward_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  _heapscope_window_show_step (self, self->step + 1, TRUE);
}

static void
step_back_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  _heapscope_window_show_step (self, self->step - 1, TRUE);
}

static void
step_first_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _heapscope_window_show_step (user_data, 0, TRUE);
}

static void
step_last_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  _heapscope_window_show_step (self, _heapscope_window_n_steps (self) - 1, TRUE);
}

static void
go_to_step_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _heapscope_window_show_step (user_data, g_variant_get_int32 (param), TRUE);
}

static void
play_change_state (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  HeapscopeWindow *self = user_data;

  if (g_variant_get_boolean (state))
    start_playing (self);
  else
    _heapscope_window_stop_playing (self);
}

static void
presentation_change_state (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  _heapscope_window_set_presenting (user_data, g_variant_get_boolean (state));
}

static void
presentation_output_change_state (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  HeapscopeWindow *self = user_data;

  self->presenting_output = g_variant_get_boolean (state);
  g_simple_action_set_state (action, state);
  _heapscope_window_update_panes (self);
}

/* The answers given to input() are replayed at every run of the text: forgetting them
 * runs it again, so the program asks anew. */
static void
forget_input_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;

  _heapscope_window_forget_answers (self);
  if (self->have_run)
    heapscope_window_run (self);
}

/* F10, GNOME's key for it, steps here (as in debuggers): the main menu has its own. */
static void
show_menu_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  gtk_menu_button_popup (HEAPSCOPE_WINDOW (user_data)->menu_button);
}

static void
export_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  HeapscopeExportDialog *dialog;

  if (_heapscope_window_n_steps (self) == 0)
    {
      heapscope_window_add_toast (self, _ ("Run the program first"));
      return;
    }
  dialog = heapscope_export_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The banner's answer to the step limit: twice the steps, recorded again. */
static void
record_further_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  int limit = g_settings_get_int (self->settings, "step-limit");

  /* the setting's change runs the program again */
  g_settings_set_int (self->settings, "step-limit", MIN ((gint64)limit * 2, MAX_STEP_LIMIT));
}

static void
zoom_in_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  heapscope_diagram_view_zoom_in (HEAPSCOPE_WINDOW (user_data)->diagram);
}

static void
zoom_out_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  heapscope_diagram_view_zoom_out (HEAPSCOPE_WINDOW (user_data)->diagram);
}

static void
zoom_fit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  heapscope_diagram_view_zoom_fit (HEAPSCOPE_WINDOW (user_data)->diagram);
}

static void
zoom_reset_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  heapscope_diagram_view_set_zoom (HEAPSCOPE_WINDOW (user_data)->diagram, 1.0);
}

static void
open_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _heapscope_window_choose_file_to_open (user_data);
}

static void
open_recent_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  _heapscope_window_open_here_or_new (self, file);
}

static void
open_example_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  if (_heapscope_window_buffer_modified (self))
    {
      /* never drop unsaved work for an example: it gets its own window */
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      HeapscopeWindow *win = heapscope_window_new (HEAPSCOPE_APPLICATION (app));

      heapscope_window_load_example (win, name);
      gtk_window_present (GTK_WINDOW (win));
      return;
    }
  heapscope_window_load_example (self, name);
}

static void
save_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _heapscope_window_save (user_data);
}

/* F6, Shift+F6: editor, diagram, What happened, Output, and round again. */
static void
focus_pane_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _heapscope_window_cycle_panes (
      user_data, g_str_equal (g_action_get_name (G_ACTION (action)), "next-pane") ? 1 : -1);
}

static void
save_as_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _heapscope_window_save_as (user_data);
}

static void
new_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  HeapscopeWindow *win = heapscope_window_new (HEAPSCOPE_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (win));
}

static const GActionEntry win_actions[] = {
  { "run", run_activated },
  { "stop", stop_activated },
  { "step-forward", step_forward_activated },
  { "step-back", step_back_activated },
  { "step-first", step_first_activated },
  { "step-last", step_last_activated },
  { "go-to-step", go_to_step_activated, "i" },
  { "play", NULL, NULL, "false", play_change_state },
  { "presentation", NULL, NULL, "false", presentation_change_state },
  { "presentation-output", NULL, NULL, "false", presentation_output_change_state },
  { "forget-input", forget_input_activated },
  { "show-menu", show_menu_activated },
  { "export", export_activated },
  { "record-further", record_further_activated },
  { "zoom-in", zoom_in_activated },
  { "zoom-out", zoom_out_activated },
  { "zoom-fit", zoom_fit_activated },
  { "zoom-reset", zoom_reset_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "open-example", open_example_activated, "s" },
  { "save", save_activated },
  { "save-as", save_as_activated },
  { "new", new_activated },
  { "next-pane", focus_pane_activated },
  { "previous-pane", focus_pane_activated },
};

/* "live-run" mirrors the setting. Not g_settings_create_action: that action listens to
 * the process-wide GSettings and could outlive a closed window's action group. */
static void
live_run_change_state (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  HeapscopeWindow *self = user_data;

  g_settings_set_boolean (self->settings, "live-run", g_variant_get_boolean (state));
}

static void
on_live_run_changed (GSettings *settings, const char *key, HeapscopeWindow *self)
{
  _heapscope_window_set_action_state (self, "live-run",
                                      g_settings_get_boolean (settings, "live-run"));
}

void
_heapscope_window_actions_init (HeapscopeWindow *self)
{
  g_autoptr (GSimpleAction) live = g_simple_action_new_stateful (
      "live-run", NULL,
      g_variant_new_boolean (g_settings_get_boolean (self->settings, "live-run")));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  g_signal_connect (live, "change-state", G_CALLBACK (live_run_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (live));
  g_signal_connect (self->settings, "changed::live-run", G_CALLBACK (on_live_run_changed), self);
  g_signal_connect (self->settings, "changed::play-speed", G_CALLBACK (on_play_speed_changed),
                    self);
  _heapscope_window_update_step_actions (self);
  _heapscope_window_set_action_enabled (self, "stop", FALSE);
  _heapscope_window_set_action_enabled (self, "record-further", FALSE);
}
