/* heapscope-window.c — the main window and its commands.
 *
 * Invariants:
 * - `step` is the step every part of the window shows: the step bar, the editor's
 *   markers and the code strip at once; the diagram, console and explanation once the
 *   session has prepared that step (`settled` says whether they have).
 * - Every command is an action in this window's action map (accelerators live in
 *   heapscope-application.c), so buttons, menus, keys and tests share one path.
 * - The buffer is written to the window's own autosave slot at most AUTOSAVE_SECONDS
 *   after an edit and when the window closes, so a crash loses only seconds of typing.
 * - While a run records, the application is held (one hold per run, released in its
 *   callback), so closing the window cancels the worker and the process waits for it
 *   to return before it exits.
 * - A failed save changes nothing: the buffer, its modified flag and `file` stay.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heapscope-examples.h"
#include "heapscope-export-dialog.h"
#include "heapscope-window.h"

#define LIVE_DELAY_MS 600
#define AUTOSAVE_SECONDS 3
#define PROGRESS_INTERVAL_MS 250
#define DEFAULT_EXAMPLE "aliasing.py"

struct _HeapscopeWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkRevealer *header_revealer;
  GtkMenuButton *examples_button;
  GtkSpinner *spinner;
  GtkButton *run_button;
  GtkRevealer *recording_revealer;
  GtkSpinner *recording_spinner;
  GtkLabel *recording_label;
  AdwWindowTitle *window_title;
  GtkPaned *main_paned;
  GtkPaned *left_paned;
  GtkPaned *right_paned;
  HeapscopeEditor *editor;
  HeapscopeConsole *console;
  GtkLabel *code_strip;
  HeapscopeDiagramView *diagram;
  GtkLabel *status_label;
  HeapscopeExplainPanel *explain;
  HeapscopeStepControls *step_controls;
  GMenu *recent_submenu;

  GSettings *settings;
  HeapscopeSession *session;
  GtkRecentManager *recent;
  GFile *file;
  char *example_name;

  int step;
  gboolean settled;
  gboolean have_run;
  int keep_step;
  gboolean presenting;
  gboolean close_confirmed;
  gboolean close_after_save;
  gboolean loading;
  gboolean showing_partial;
  AdwToast *end_toast; /* weak: "… Show" pointing at the last step */

  guint play_id;
  guint live_id;
  guint progress_id; /* refreshes the recording note's step count */
  guint autosave_id;
  guint autosave_slot; /* 0 until the window first autosaves or restores */
};

enum
{
  EXPORT_FINISHED,
  SAVE_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HeapscopeWindow, heapscope_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_step (HeapscopeWindow *self, int k, gboolean animate);
static void save_file (HeapscopeWindow *self);
static void save_as (HeapscopeWindow *self);
static void save_to_file (HeapscopeWindow *self, GFile *file);

/* ---- small helpers ---- */

/* NULL too while the window is being disposed (its children may still signal). */
static HsTrace *
trace (HeapscopeWindow *self)
{
  return self->session ? heapscope_session_get_trace (self->session) : NULL;
}

/* The steps the user can see: a preview's last step is where the preview stopped,
 * not the program, so it stays hidden until the whole run is in. */
static int
n_steps (HeapscopeWindow *self)
{
  int n = trace (self) ? hs_trace_get_n_steps (trace (self)) : 0;

  return n > 0 && heapscope_session_get_partial (self->session) ? MAX (n - 1, 1) : n;
}

static void
set_action_enabled (HeapscopeWindow *self, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_action_state (HeapscopeWindow *self, const char *name, gboolean state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (state));
}

static void
update_step_actions (HeapscopeWindow *self)
{
  int n = n_steps (self);

  set_action_enabled (self, "step-first", self->step > 0);
  set_action_enabled (self, "step-back", self->step > 0);
  set_action_enabled (self, "step-forward", self->step < n - 1);
  set_action_enabled (self, "step-last", self->step < n - 1);
  set_action_enabled (self, "play", n > 1);
  set_action_enabled (self, "export", n > 0);
}

void
heapscope_window_add_toast (HeapscopeWindow *self, const char *text)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
add_toast_with_action (HeapscopeWindow *self, const char *text, const char *button,
                       const char *action)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, button);
  adw_toast_set_action_name (toast, action);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  if (g_str_equal (action, "win.step-last"))
    g_set_weak_pointer (&self->end_toast, toast);
}

static const char *
diagram_theme (HeapscopeWindow *self)
{
  g_autofree char *theme = g_settings_get_string (self->settings, "theme");

  if (g_str_equal (theme, "high-contrast")
      || (self->presenting
          && g_settings_get_boolean (self->settings, "presentation-high-contrast")))
    return "high-contrast";
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "dark" : "light";
}

static void
update_theme (HeapscopeWindow *self)
{
  heapscope_diagram_view_set_theme (self->diagram, diagram_theme (self));
}

static char *
display_name (HeapscopeWindow *self)
{
  if (self->file)
    return g_file_get_basename (self->file);
  if (self->example_name)
    return g_strdup (self->example_name);
  return g_strdup (_ ("Untitled.py"));
}

static void
update_title (HeapscopeWindow *self)
{
  GtkTextBuffer *buf = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor));
  g_autofree char *name = display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  title = gtk_text_buffer_get_modified (buf) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  if (self->file)
    {
      g_autoptr (GFile) parent = g_file_get_parent (self->file);
      subtitle = parent ? g_file_get_parse_name (parent) : NULL;
    }
  else if (self->example_name)
    subtitle = g_strdup (_ ("Example"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), name);
}

/* An error the user must see and acknowledge (a toast can go unnoticed). */
static void
show_error_dialog (HeapscopeWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_status (HeapscopeWindow *self, const char *text)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* ---- presentation code strip ---- */

static void
update_code_strip (HeapscopeWindow *self)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  int line = trace (self) && n_steps (self) > 0 ? hs_trace_step_line (trace (self), self->step) : 0;
  int first = MAX (line - 1, 1);

  if (!self->presenting || line <= 0)
    {
      gtk_label_set_markup (self->code_strip, "");
      return;
    }
  for (int l = first; l <= line + 1; l++)
    {
      g_autofree char *text = heapscope_editor_dup_lines (self->editor, l, l);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      if (l > first)
        g_string_append_c (markup, '\n');
      if (l == line)
        g_string_append_printf (markup, "<b>%3d ▶ %s</b>", l, escaped);
      else
        /* an invisible marker, so the columns line up whatever font draws the arrow */
        g_string_append_printf (
            markup, "<span alpha=\"55%%\">%3d <span alpha=\"1\">▶</span> %s</span>", l, escaped);
    }
  gtk_label_set_markup (self->code_strip, markup->str);
}

/* ---- steps ---- */

static gboolean
step_is_exception (HeapscopeWindow *self, int k)
{
  const char *event = hs_trace_step_event (trace (self), k);

  return event && (g_str_equal (event, "exception") || g_str_equal (event, "uncaught_exception"));
}

/* HEAPSCOPE_PROFILE=1: report when the first diagram reached the screen. */
static void
on_first_paint (GdkFrameClock *clock, HeapscopeWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (app)
    g_printerr ("heapscope-profile: first diagram painted %.1f ms after launch\n",
                (g_get_monotonic_time ()
                 - heapscope_application_get_start_time (HEAPSCOPE_APPLICATION (app)))
                    / 1000.0);
}

static void
profile_first_diagram (HeapscopeWindow *self)
{
  static gboolean reported;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->diagram));

  if (reported || clock == NULL || !g_getenv ("HEAPSCOPE_PROFILE"))
    return;
  reported = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), self);
}

static void
apply_step_info (HeapscopeWindow *self, const HeapscopeStepInfo *info, gboolean animate)
{
  HsTrace *t = trace (self);
  int k = self->step;
  gboolean last = k == n_steps (self) - 1;
  const char *error = info->exception_msg;
  g_autofree char *title = NULL;

  g_autofree char *stop_note = NULL;

  if (heapscope_session_get_partial (self->session))
    last = FALSE;
  else if (last && heapscope_session_get_stopped (self->session))
    error = stop_note
        = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "You stopped the program after %d step.",
                                        "You stopped the program after %d steps.", n_steps (self)),
                           n_steps (self));
  else if (last && hs_trace_get_end (t) != HS_TRACE_END_OK && hs_trace_get_error_text (t))
    error = hs_trace_get_error_text (t);
  heapscope_diagram_view_set_scene (self->diagram, info->scene, animate);
  if (info->scene)
    profile_first_diagram (self);
  heapscope_console_set (self->console, info->stdout_text, error);
  /* Translators: heading of the panel that explains the memory events of a step */
  title = g_strdup_printf (_ ("What happened at step %d"), k + 1);
  heapscope_explain_panel_set (self->explain, title, (const char *const *)info->explanation);
  /* the step limit is not a mistake in the program: no underline for it */
  if (step_is_exception (self, k) && info->exception_msg
      && !(last && hs_trace_get_end (t) == HS_TRACE_END_STEP_LIMIT))
    heapscope_editor_set_error (self->editor, hs_trace_step_line (t, k), 0, 0, info->exception_msg);
  else
    heapscope_editor_clear_error (self->editor);
  self->settled = TRUE;
}

static void
on_step_ready (HeapscopeSession *session, int k, HeapscopeWindow *self)
{
  const HeapscopeStepInfo *info;

  if (k != self->step || self->settled)
    return;
  info = heapscope_session_get_step (self->session, k);
  if (info)
    apply_step_info (self, info, TRUE);
}

static void
show_step (HeapscopeWindow *self, int k, gboolean animate)
{
  HsTrace *t = trace (self);
  const HeapscopeStepInfo *info;
  int n = n_steps (self);

  if (t == NULL || n == 0)
    return;
  k = CLAMP (k, 0, n - 1);
  self->step = k;
  self->settled = FALSE;
  heapscope_step_controls_set_step (self->step_controls, k);
  /* step k's memory is the state before its line runs (Python Tutor's convention):
   * the line just executed is the previous step's */
  heapscope_editor_set_step_lines (self->editor, k > 0 ? hs_trace_step_line (t, k - 1) : 0,
                                   hs_trace_step_line (t, k));
  update_code_strip (self);
  update_step_actions (self);
  /* at the last step, a "Show" that would go there has nothing left to do */
  if (k == n - 1 && self->end_toast)
    {
      adw_toast_dismiss (self->end_toast);
      g_clear_weak_pointer (&self->end_toast);
    }
  /* The first diagram is laid out at once (step 0 holds next to nothing): waiting for the
   * layout thread would let the new window's slow first frame go by without it. */
  if (k == 0 && heapscope_diagram_view_get_scene (self->diagram) == NULL)
    info = heapscope_session_get_step_sync (self->session, k);
  else
    info = heapscope_session_get_step (self->session, k);
  if (info)
    apply_step_info (self, info, animate);
}

static void
on_controls_step (HeapscopeStepControls *controls, GParamSpec *pspec, HeapscopeWindow *self)
{
  int k = heapscope_step_controls_get_step (controls);

  if (k != self->step)
    show_step (self, k, TRUE);
}

/* ---- running ---- */

static void
on_trace_ready (HeapscopeWindow *self)
{
  HsTrace *t = trace (self);
  int n = hs_trace_get_n_steps (t);
  HsTraceEnd end = hs_trace_get_end (t);
  int line = 0, col = 0, end_col = 0;
  const char *message = NULL;

  if (end == HS_TRACE_END_SYNTAX_ERROR || n == 0)
    {
      g_autofree char *note = NULL;

      if (hs_trace_get_syntax_error (t, &line, &col, &end_col, &message))
        {
          heapscope_editor_set_error (self->editor, line, col, end_col, message);
          note = g_strdup_printf (_ ("Syntax error on line %d:\n%s"), line, message);
        }
      heapscope_editor_set_step_lines (self->editor, 0, 0);
      heapscope_console_set (self->console, "", hs_trace_get_error_text (t));
      {
        const char *nothing[] = { end == HS_TRACE_END_SYNTAX_ERROR
                                      ? _ ("Nothing ran: Python could not read the program, so "
                                           "no object was created.")
                                      : _ ("Nothing ran."),
                                  NULL };
        heapscope_explain_panel_set (self->explain, NULL, nothing);
      }
      heapscope_step_controls_set_n_steps (self->step_controls, 0);
      heapscope_diagram_view_set_scene (self->diagram, NULL, FALSE);
      if (note == NULL && heapscope_session_get_stopped (self->session))
        note = g_strdup (_ ("You stopped the program before its first step."));
      show_status (self, note ? note : _ ("Nothing ran."));
      self->step = 0;
      self->settled = TRUE;
      update_step_actions (self);
      return;
    }
  show_status (self, NULL);
  heapscope_editor_clear_error (self->editor);
  n = n_steps (self);
  heapscope_step_controls_set_n_steps (self->step_controls, n);
  /* the whole run replacing its preview: stay where the user stepped meanwhile */
  if (self->showing_partial)
    self->keep_step = self->step;
  show_step (self, self->have_run ? MIN (self->keep_step, n - 1) : 0, self->have_run);
  self->have_run = TRUE;
  self->showing_partial = heapscope_session_get_partial (self->session);

  if (self->showing_partial)
    return;
  if (heapscope_session_get_stopped (self->session))
    {
      g_autofree char *text
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped: showing the first step",
                                          "Stopped: showing the %d steps recorded", n),
                             n);
      add_toast_with_action (self, text, _ ("Show Last"), "win.step-last");
    }
  else if (end == HS_TRACE_END_EXCEPTION)
    add_toast_with_action (self, _ ("The program stopped with an exception"), _ ("Show"),
                           "win.step-last");
  else if (end == HS_TRACE_END_STEP_LIMIT)
    {
      g_autofree char *text
          = g_strdup_printf (_ ("Stopped after %d steps: the program may never end"), n);
      add_toast_with_action (self, text, _ ("Show"), "win.step-last");
    }
}

static gboolean
update_recording_note (gpointer data)
{
  HeapscopeWindow *self = data;
  int recorded = heapscope_session_get_recorded_steps (self->session);
  g_autofree char *count = g_strdup_printf ("%'d", recorded);
  g_autofree char *text = NULL;

  if (heapscope_session_get_partial (self->session))
    /* Translators: %s is a number of steps such as 123,456 */
    text = g_strdup_printf (_ ("Recording the run… %s steps so far. The first %d are ready."),
                            count, n_steps (self));
  else if (recorded > 0)
    text = g_strdup_printf (_ ("Recording the run… %s steps so far."), count);
  if (text != NULL)
    gtk_label_set_text (self->recording_label, text);
  return G_SOURCE_CONTINUE;
}

/* The first steps of a long run, while the rest records. */
static void
on_preview_ready (HeapscopeSession *session, HeapscopeWindow *self)
{
  on_trace_ready (self);
  update_recording_note (self);
}

/* Run becomes Stop while a run records, with a note over the diagram that counts the
 * steps recorded and says when the first ones can be explored before the rest. */
static void
on_running_changed (HeapscopeSession *session, GParamSpec *pspec, HeapscopeWindow *self)
{
  gboolean running = heapscope_session_get_running (session);
  AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_button_get_child (self->run_button));

  set_action_enabled (self, "stop", running);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->run_button),
                                  running ? "win.stop" : "win.run");
  adw_button_content_set_label (content, running ? _ ("_Stop") : _ ("_Run"));
  adw_button_content_set_icon_name (content, running ? "media-playback-stop-symbolic"
                                                     : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_button),
                               running ? _ ("Stop the Program (Ctrl+.)")
                                       : _ ("Run the Program (Ctrl+Return)"));
  if (running)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->run_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->run_button), "destructive-action");
      gtk_label_set_text (self->recording_label, _ ("Recording the run…"));
      if (self->progress_id == 0)
        self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, update_recording_note, self);
    }
  else
    {
      g_clear_handle_id (&self->progress_id, g_source_remove);
      gtk_widget_remove_css_class (GTK_WIDGET (self->run_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->run_button), "suggested-action");
    }
  gtk_revealer_set_reveal_child (self->recording_revealer, running);
}

/* Weak: a window closed during a run must be disposed at once, which cancels the run. */
typedef struct
{
  GWeakRef window;
  GApplication *app; /* held until the run's worker has returned */
} RunClosure;

static void
run_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RunClosure *c = user_data;
  g_autoptr (HeapscopeWindow) self = g_weak_ref_get (&c->window);
  g_autoptr (GApplication) app = c->app;
  g_autoptr (GError) error = NULL;

  g_weak_ref_clear (&c->window);
  g_free (c);
  if (app)
    g_application_release (app);
  if (self == NULL || self->session == NULL)
    {
      /* the window went away: only free what the worker made */
      g_autoptr (GError) ignored = NULL;
      heapscope_session_run_finish (HEAPSCOPE_SESSION (source), result, &ignored);
      return;
    }
  if (!heapscope_session_run_finish (HEAPSCOPE_SESSION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        heapscope_window_add_toast (self, error->message);
      return;
    }
  on_trace_ready (self);
}

void
heapscope_window_run (HeapscopeWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  HsTraceOptions options = { 0 }; /* fields hs_trace_options_init may not know yet */
  GtkApplication *app;
  RunClosure *c;

  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  g_clear_handle_id (&self->live_id, g_source_remove);
  text = heapscope_editor_dup_text (self->editor);
  name = display_name (self);
  hs_trace_options_init (&options);
  options.max_steps = g_settings_get_int (self->settings, "step-limit");
  options.heap_primitives = g_settings_get_boolean (self->settings, "heap-primitives");
  self->keep_step = self->step;
  self->showing_partial = FALSE;
  app = gtk_window_get_application (GTK_WINDOW (self));
  c = g_new0 (RunClosure, 1);
  g_weak_ref_init (&c->window, self);
  c->app = app ? G_APPLICATION (g_object_ref (app)) : NULL;
  if (c->app)
    g_application_hold (c->app);
  heapscope_session_run_async (self->session, text, name, &options, NULL, run_done, c);
}

/* The user's Stop: keeps what was recorded so far. */
void
heapscope_window_stop (HeapscopeWindow *self)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  heapscope_session_stop (self->session);
}

/* ---- play ---- */

static void
stop_playing (HeapscopeWindow *self)
{
  g_clear_handle_id (&self->play_id, g_source_remove);
  set_action_state (self, "play", FALSE);
  heapscope_step_controls_set_playing (self->step_controls, FALSE);
}

static gboolean
play_tick (gpointer data)
{
  HeapscopeWindow *self = data;

  if (self->step >= n_steps (self) - 1)
    {
      self->play_id = 0;
      stop_playing (self);
      return G_SOURCE_REMOVE;
    }
  show_step (self, self->step + 1, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
start_playing (HeapscopeWindow *self)
{
  double speed = g_settings_get_double (self->settings, "play-speed");

  g_clear_handle_id (&self->play_id, g_source_remove);
  if (self->step >= n_steps (self) - 1)
    show_step (self, 0, TRUE);
  self->play_id = g_timeout_add ((guint)(1000 / MAX (speed, 0.1)), play_tick, self);
  set_action_state (self, "play", TRUE);
  heapscope_step_controls_set_playing (self->step_controls, TRUE);
}

static void
on_play_speed_changed (GSettings *settings, const char *key, HeapscopeWindow *self)
{
  if (self->play_id)
    start_playing (self);
}

/* ---- files ---- */

/* Each window autosaves to its own slot: <data dir>/heapscope/autosave/N.py holds the
 * buffer and N.uri the file it belongs to (absent for an unsaved buffer). Slots in use by
 * a window of this process are in `slots_taken`; a slot with files on disk is not free
 * either, so that a window opened on a file never overwrites a buffer waiting to be
 * restored. */
static GHashTable *slots_taken;

static char *
slot_path (guint slot, const char *ext)
{
  g_autofree char *name = g_strdup_printf ("%u.%s", slot, ext);

  return g_build_filename (g_get_user_data_dir (), "heapscope", "autosave", name, NULL);
}

static void
take_slot (HeapscopeWindow *self, guint slot)
{
  if (slots_taken == NULL)
    slots_taken = g_hash_table_new (NULL, NULL);
  g_hash_table_add (slots_taken, GUINT_TO_POINTER (slot));
  self->autosave_slot = slot;
}

static guint
window_slot (HeapscopeWindow *self)
{
  guint slot = 1;

  if (self->autosave_slot != 0)
    return self->autosave_slot;
  for (;; slot++)
    {
      g_autofree char *path = slot_path (slot, "py");

      if ((slots_taken == NULL || !g_hash_table_contains (slots_taken, GUINT_TO_POINTER (slot)))
          && !g_file_test (path, G_FILE_TEST_EXISTS))
        break;
    }
  take_slot (self, slot);
  return slot;
}

static void
release_slot (HeapscopeWindow *self)
{
  if (self->autosave_slot != 0 && slots_taken != NULL)
    g_hash_table_remove (slots_taken, GUINT_TO_POINTER (self->autosave_slot));
  self->autosave_slot = 0;
}

/* A window closed on purpose while others stay open leaves nothing to restore. */
static void
forget_autosave (HeapscopeWindow *self)
{
  g_autofree char *text_path = slot_path (window_slot (self), "py");
  g_autofree char *uri_path = slot_path (window_slot (self), "uri");

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_unlink (text_path);
  g_unlink (uri_path);
}

static void
autosave_now (HeapscopeWindow *self)
{
  g_autofree char *path = slot_path (window_slot (self), "py");
  g_autofree char *uri_path = slot_path (window_slot (self), "uri");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = heapscope_editor_dup_text (self->editor);
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : NULL;
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error)
      || (uri != NULL
          && !g_file_set_contents_full (uri_path, uri, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                        &error)))
    {
      g_debug ("autosave failed: %s", error ? error->message : g_strerror (errno));
      return;
    }
  if (uri == NULL)
    g_unlink (uri_path);
}

static gboolean
autosave_timeout (gpointer data)
{
  HeapscopeWindow *self = data;

  self->autosave_id = 0;
  autosave_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
live_timeout (gpointer data)
{
  HeapscopeWindow *self = data;

  self->live_id = 0;
  heapscope_window_run (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer, HeapscopeWindow *self)
{
  if (self->loading)
    return;
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_timeout, self);
  if (g_settings_get_boolean (self->settings, "live-run"))
    {
      /* debounce: run once typing pauses */
      g_clear_handle_id (&self->live_id, g_source_remove);
      self->live_id = g_timeout_add (LIVE_DELAY_MS, live_timeout, self);
    }
}

static void
on_modified_changed (GtkTextBuffer *buffer, HeapscopeWindow *self)
{
  update_title (self);
}

static void
set_text (HeapscopeWindow *self, const char *text, gboolean modified)
{
  GtkTextBuffer *buf = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor));

  self->loading = TRUE;
  heapscope_editor_set_text (self->editor, text);
  heapscope_editor_clear_error (self->editor);
  gtk_text_buffer_set_modified (buf, modified);
  self->loading = FALSE;
  self->have_run = FALSE;
  self->step = 0;
  stop_playing (self);
  update_title (self);
}

static void
add_recent (HeapscopeWindow *self, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (self->recent, uri);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HeapscopeWindow) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_load_contents_finish (file, result, &contents, &len, NULL, &error))
    {
      g_autofree char *msg = g_strdup_printf (_ ("Could not open “%s”: %s"),
                                              g_file_peek_path (file), error->message);
      heapscope_window_add_toast (self, msg);
      return;
    }
  if (!g_utf8_validate (contents, len, NULL))
    {
      heapscope_window_add_toast (self, _ ("The file is not UTF-8 text"));
      return;
    }
  g_set_object (&self->file, file);
  g_clear_pointer (&self->example_name, g_free);
  set_text (self, contents, FALSE);
  add_recent (self, file);
  autosave_now (self);
  heapscope_window_run (self);
}

void
heapscope_window_open_file (HeapscopeWindow *self, GFile *file)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_file_load_contents_async (file, NULL, load_done, g_object_ref (self));
}

gboolean
heapscope_window_load_example (HeapscopeWindow *self, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), FALSE);
  text = heapscope_examples_load (name, &error);
  if (text == NULL)
    {
      heapscope_window_add_toast (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->file);
  g_free (self->example_name);
  self->example_name = g_strdup (name);
  set_text (self, text, FALSE);
  heapscope_window_run (self);
  return TRUE;
}

static gboolean
load_first_example (HeapscopeWindow *self)
{
  g_auto (GStrv) names = heapscope_examples_list ();

  if (g_strv_contains ((const char *const *)names, DEFAULT_EXAMPLE))
    return heapscope_window_load_example (self, DEFAULT_EXAMPLE);
  return names[0] && heapscope_window_load_example (self, names[0]);
}

/* The text autosaved in `slot`, or NULL when there is none worth restoring. */
static char *
read_slot (guint slot)
{
  g_autofree char *path = slot_path (slot, "py");
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, NULL) || !g_utf8_validate (text, -1, NULL))
    return NULL;
  for (p = text; g_ascii_isspace (*p); p++)
    ;
  return *p != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
restore_slot (HeapscopeWindow *self, guint slot, const char *text)
{
  g_autofree char *uri_path = slot_path (slot, "uri");
  g_autofree char *uri = NULL;
  gboolean modified = TRUE;

  take_slot (self, slot);
  g_clear_object (&self->file);
  if (g_file_get_contents (uri_path, &uri, NULL, NULL) && *uri)
    {
      g_autofree char *on_disk = NULL;

      self->file = g_file_new_for_uri (uri);
      /* unmodified when the autosave is what the file holds */
      if (g_file_load_contents (self->file, NULL, &on_disk, NULL, NULL, NULL))
        modified = g_strcmp0 (on_disk, text) != 0;
    }
  set_text (self, text, modified);
  heapscope_window_run (self);
}

static int
compare_slots (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* The slots with a buffer on disk that no window of this process holds, in order. */
static GArray *
slots_to_restore (void)
{
  g_autofree char *any = slot_path (1, "py");
  g_autofree char *dir_path = g_path_get_dirname (any);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      guint slot;
      char *end;

      slot = (guint)g_ascii_strtoull (name, &end, 10);
      if (slot > 0 && g_str_equal (end, ".py")
          && (slots_taken == NULL || !g_hash_table_contains (slots_taken, GUINT_TO_POINTER (slot))))
        g_array_append_val (slots, slot);
    }
  g_array_sort (slots, compare_slots);
  return slots;
}

HeapscopeWindow *
heapscope_window_restore_session (HeapscopeApplication *app)
{
  g_autoptr (GArray) slots = slots_to_restore ();
  HeapscopeWindow *win = NULL;

  for (guint i = 0; i < slots->len; i++)
    {
      guint slot = g_array_index (slots, guint, i);
      g_autofree char *text = read_slot (slot);

      if (text == NULL)
        continue;
      win = heapscope_window_new (app);
      restore_slot (win, slot, text);
      gtk_window_present (GTK_WINDOW (win));
    }
  if (win == NULL)
    {
      win = heapscope_window_new (app);
      load_first_example (win);
      gtk_window_present (GTK_WINDOW (win));
    }
  return win;
}

static GtkFileFilter *
python_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Python Programs"));
  gtk_file_filter_add_pattern (filter, "*.py");
  gtk_file_filter_add_mime_type (filter, "text/x-python");
  gtk_file_filter_add_mime_type (filter, "text/x-python3");
  return filter;
}

static gboolean
buffer_modified (HeapscopeWindow *self)
{
  return gtk_text_buffer_get_modified (
      GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor)));
}

/* Opens `file` here, or in a new window when this one holds unsaved changes. */
static void
open_here_or_new (HeapscopeWindow *self, GFile *file)
{
  if (buffer_modified (self))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      HeapscopeWindow *win = heapscope_window_new (HEAPSCOPE_APPLICATION (app));

      heapscope_window_open_file (win, file);
      gtk_window_present (GTK_WINDOW (win));
      return;
    }
  heapscope_window_open_file (self, file);
}

static void
open_response (GtkNativeDialog *dialog, int response, HeapscopeWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_here_or_new (self, file);
    }
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  GtkFileChooserNative *dialog
      = gtk_file_chooser_native_new (_ ("Open Program"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), python_filter ());
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_here_or_new (self, file);
}

static void
open_example_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  if (buffer_modified (self))
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
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HeapscopeWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  GFile *file = G_FILE (source);

  gboolean ok = g_file_replace_contents_finish (file, result, NULL, &error);

  if (self->session == NULL)
    return; /* the window closed meanwhile; its autosave holds the text */
  if (!ok)
    {
      g_autofree char *where = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf (
          _ ("“%s” could not be written: %s\n\nYour program is still here, unsaved. Save it "
             "somewhere else with Save As."),
          where, error->message);

      show_error_dialog (self, _ ("Could Not Save"), body);
      self->close_after_save = FALSE;
      g_signal_emit (self, signals[SAVE_FINISHED], 0, error->message);
      return;
    }
  /* only a file that was written becomes the window's file */
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      g_clear_pointer (&self->example_name, g_free);
    }
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor)),
                                FALSE);
  add_recent (self, file);
  autosave_now (self);
  update_title (self);
  g_signal_emit (self, signals[SAVE_FINISHED], 0, NULL);
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_to_file (HeapscopeWindow *self, GFile *file)
{
  g_autofree char *text = heapscope_editor_dup_text (self->editor);
  g_autoptr (GBytes) bytes = NULL;
  gsize len = strlen (text);

  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                       save_done, g_object_ref (self));
}

void
heapscope_window_save_to (HeapscopeWindow *self, GFile *file)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  save_to_file (self, file);
}

static void
save_file (HeapscopeWindow *self)
{
  if (self->file == NULL)
    {
      save_as (self);
      return;
    }
  save_to_file (self, self->file);
}

static void
save_as_response (GtkNativeDialog *dialog, int response, HeapscopeWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save_to_file (self, file);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
}

static void
save_as (HeapscopeWindow *self)
{
  GtkFileChooserNative *dialog
      = gtk_file_chooser_native_new (_ ("Save Program"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  g_autofree char *name = display_name (self);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), python_filter ());
  if (self->file)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  save_file (user_data);
}

static void
save_as_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  save_as (user_data);
}

static void
new_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  HeapscopeWindow *win = heapscope_window_new (HEAPSCOPE_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (win));
}

static void
rebuild_recent_menu (HeapscopeWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  guint added = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l && added < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr (GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".py") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_submenu, item);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

/* ---- closing ---- */

static void
close_response (AdwMessageDialog *dialog, const char *response, HeapscopeWindow *self)
{
  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save_file (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      /* the user chose to lose these edits: do not bring them back next time */
      forget_autosave (self);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
heapscope_window_close_request (GtkWindow *window)
{
  HeapscopeWindow *self = HEAPSCOPE_WINDOW (window);
  GtkApplication *app;
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  if (!self->close_confirmed && buffer_modified (self))
    {
      name = display_name (self);
      dialog = adw_message_dialog_new (window, _ ("Save Changes?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _ ("“%s” has unsaved changes. Changes which are not saved "
                                         "will be permanently lost."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                        "discard", _ ("_Discard"), "save", _ ("_Save"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  /* the last window's buffer comes back at the next start; with others still open, a
   * window closed on purpose (its changes saved or discarded) leaves nothing behind */
  app = gtk_window_get_application (window);
  if (app != NULL && g_list_length (gtk_application_get_windows (app)) > 1)
    forget_autosave (self);
  else if (!self->close_confirmed)
    autosave_now (self);
  if (!gtk_window_is_maximized (window) && !gtk_window_is_fullscreen (window))
    {
      int w, h;
      gtk_window_get_default_size (window, &w, &h);
      g_settings_set_int (self->settings, "window-width", w);
      g_settings_set_int (self->settings, "window-height", h);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (heapscope_window_parent_class)->close_request (window);
}

/* ---- presentation ---- */

static void
set_presenting (HeapscopeWindow *self, gboolean presenting)
{
  GtkWidget *left = gtk_paned_get_start_child (self->main_paned);

  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  set_action_state (self, "presentation", presenting);
  gtk_widget_set_visible (left, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->code_strip), presenting);
  gtk_revealer_set_reveal_child (self->header_revealer, !presenting);
  if (presenting)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
      heapscope_diagram_view_set_max_fit_zoom (self->diagram, 2.5);
      gtk_widget_grab_focus (GTK_WIDGET (self->diagram));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
      heapscope_diagram_view_set_max_fit_zoom (self->diagram, 1.25);
    }
  heapscope_console_set_font_size (self->console, presenting ? 18 : 11);
  heapscope_diagram_view_zoom_fit (self->diagram);
  update_theme (self);
  update_code_strip (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, HeapscopeWindow *self)
{
  if (!self->presenting || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  switch (keyval)
    {
      case GDK_KEY_Page_Down:
      case GDK_KEY_space:
      case GDK_KEY_Right:
      case GDK_KEY_Down:
      case GDK_KEY_Return:
        show_step (self, self->step + 1, TRUE);
        return TRUE;
      case GDK_KEY_Page_Up:
      case GDK_KEY_Left:
      case GDK_KEY_Up:
      case GDK_KEY_BackSpace:
        show_step (self, self->step - 1, TRUE);
        return TRUE;
      case GDK_KEY_Home:
        show_step (self, 0, TRUE);
        return TRUE;
      case GDK_KEY_End:
        show_step (self, n_steps (self) - 1, TRUE);
        return TRUE;
      case GDK_KEY_Escape:
        set_presenting (self, FALSE);
        return TRUE;
      default:
        return FALSE;
    }
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
  show_step (self, self->step + 1, TRUE);
}

static void
step_back_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  show_step (self, self->step - 1, TRUE);
}

static void
step_first_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  show_step (user_data, 0, TRUE);
}

static void
step_last_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  show_step (self, n_steps (self) - 1, TRUE);
}

static void
go_to_step_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  show_step (user_data, g_variant_get_int32 (param), TRUE);
}

static void
play_change_state (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  HeapscopeWindow *self = user_data;

  if (g_variant_get_boolean (state))
    start_playing (self);
  else
    stop_playing (self);
}

static void
presentation_change_state (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  set_presenting (user_data, g_variant_get_boolean (state));
}

static void
export_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  HeapscopeExportDialog *dialog;

  if (n_steps (self) == 0)
    {
      heapscope_window_add_toast (self, _ ("Run the program first"));
      return;
    }
  dialog = heapscope_export_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
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
  { "export", export_activated },
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
};

/* ---- view options from the diagram's context menu ---- */

static gboolean
is_collapsed (guint64 id, const char *type_name, gpointer user_data)
{
  HeapscopeWindow *self = user_data;
  HeapscopeViewOptions *o = heapscope_session_get_view_options (self->session);

  return type_name ? g_hash_table_contains (o->collapsed_types, type_name)
                   : g_hash_table_contains (o->collapsed_ids, &id);
}

static void
view_options_changed (HeapscopeWindow *self)
{
  heapscope_session_options_changed (self->session);
  show_step (self, self->step, TRUE);
}

static void
toggle_id (GHashTable *set, guint64 id)
{
  if (!g_hash_table_remove (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static void
on_toggle_collapsed (HeapscopeDiagramView *view, guint64 id, HeapscopeWindow *self)
{
  toggle_id (heapscope_session_get_view_options (self->session)->collapsed_ids, id);
  view_options_changed (self);
}

static void
on_toggle_collapsed_type (HeapscopeDiagramView *view, const char *type, HeapscopeWindow *self)
{
  GHashTable *types = heapscope_session_get_view_options (self->session)->collapsed_types;

  if (!g_hash_table_remove (types, type))
    g_hash_table_add (types, g_strdup (type));
  view_options_changed (self);
}

static void
on_restore_all (HeapscopeDiagramView *view, HeapscopeWindow *self)
{
  HeapscopeViewOptions *o = heapscope_session_get_view_options (self->session);

  g_hash_table_remove_all (o->collapsed_ids);
  g_hash_table_remove_all (o->collapsed_types);
  g_hash_table_remove_all (o->expanded_ids);
  view_options_changed (self);
}

static void
on_expand_object (HeapscopeDiagramView *view, guint64 id, HeapscopeWindow *self)
{
  HeapscopeViewOptions *o = heapscope_session_get_view_options (self->session);

  g_hash_table_add (o->expanded_ids, g_memdup2 (&id, sizeof id));
  view_options_changed (self);
}

/* ---- export ---- */

HeapscopeExportRequest *
heapscope_window_new_export_request (HeapscopeWindow *self)
{
  HeapscopeExportRequest *req;
  HeapscopeTraceBox *box;

  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), NULL);
  box = heapscope_session_ref_trace_box (self->session);
  if (box == NULL)
    return NULL;
  req = g_new0 (HeapscopeExportRequest, 1);
  req->box = box;
  req->options = heapscope_view_options_copy (heapscope_session_get_view_options (self->session));
  req->step = self->step;
  req->scale = 2.0;
  req->theme = g_strdup (diagram_theme (self));
  req->format = HEAPSCOPE_EXPORT_PNG;
  return req;
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (HeapscopeWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) paths = heapscope_export_finish (result, &error);
  g_autofree char *text = NULL;

  if (self->session == NULL) /* the window closed meanwhile */
    return;
  if (paths == NULL)
    {
      show_error_dialog (self, _ ("Could Not Export"), error->message);
      g_signal_emit (self, signals[EXPORT_FINISHED], 0, NULL, error->message);
      return;
    }
  if (g_strv_length (paths) == 1)
    {
      g_autofree char *base = g_path_get_basename (paths[0]);
      text = g_strdup_printf (_ ("Exported “%s”"), base);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u file", "Exported %u files",
                                         g_strv_length (paths)),
                            g_strv_length (paths));
  heapscope_window_add_toast (self, text);
  g_signal_emit (self, signals[EXPORT_FINISHED], 0, paths, error ? error->message : NULL);
}

void
heapscope_window_start_export (HeapscopeWindow *self, HeapscopeExportRequest *request)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  g_return_if_fail (request != NULL);
  heapscope_export_async (request, NULL, export_done, g_object_ref (self));
}

/* ---- settings ---- */

static void
on_setting_changed (GSettings *settings, const char *key, HeapscopeWindow *self)
{
  if (key == NULL || g_str_equal (key, "editor-font-size"))
    heapscope_editor_set_font_size (self->editor,
                                    g_settings_get_int (settings, "editor-font-size"));
  if (key == NULL || g_str_equal (key, "show-refcounts"))
    heapscope_diagram_view_set_show_refcounts (self->diagram,
                                               g_settings_get_boolean (settings, "show-refcounts"));
  if (key == NULL || g_str_equal (key, "animation-speed"))
    heapscope_diagram_view_set_duration (
        self->diagram,
        (guint)(300 / MAX (g_settings_get_double (settings, "animation-speed"), 0.1)));
  if (key == NULL || g_str_equal (key, "theme") || g_str_equal (key, "presentation-high-contrast"))
    update_theme (self);
  if (key && self->have_run
      && (g_str_equal (key, "heap-primitives") || g_str_equal (key, "step-limit")))
    heapscope_window_run (self);
}

static void
on_dark_changed (AdwStyleManager *sm, GParamSpec *pspec, HeapscopeWindow *self)
{
  update_theme (self);
}

/* ---- accessors ---- */

int
heapscope_window_get_step (HeapscopeWindow *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), 0);
  return self->step;
}

gboolean
heapscope_window_is_settled (HeapscopeWindow *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), FALSE);
  return self->settled && !heapscope_session_get_running (self->session);
}

gboolean
heapscope_window_get_presenting (HeapscopeWindow *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), FALSE);
  return self->presenting;
}

const char *
heapscope_window_get_recording_note (HeapscopeWindow *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), NULL);
  return gtk_label_get_text (self->recording_label);
}

HeapscopeSession *
heapscope_window_get_session (HeapscopeWindow *self)
{
  return self->session;
}

HeapscopeEditor *
heapscope_window_get_editor (HeapscopeWindow *self)
{
  return self->editor;
}

HeapscopeDiagramView *
heapscope_window_get_diagram (HeapscopeWindow *self)
{
  return self->diagram;
}

HeapscopeConsole *
heapscope_window_get_console (HeapscopeWindow *self)
{
  return self->console;
}

HeapscopeExplainPanel *
heapscope_window_get_explain (HeapscopeWindow *self)
{
  return self->explain;
}

HeapscopeStepControls *
heapscope_window_get_step_controls (HeapscopeWindow *self)
{
  return self->step_controls;
}

/* ---- GObject ---- */

static void
heapscope_window_dispose (GObject *object)
{
  HeapscopeWindow *self = HEAPSCOPE_WINDOW (object);

  g_clear_handle_id (&self->play_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->live_id, g_source_remove);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  release_slot (self);
  g_clear_weak_pointer (&self->end_toast);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->recent)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  if (self->session)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      heapscope_session_cancel (self->session);
    }
  if (self->settings)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  /* the template's children may signal while they are torn down below */
  if (self->step_controls)
    g_signal_handlers_disconnect_by_data (self->step_controls, self);
  if (self->diagram)
    g_signal_handlers_disconnect_by_data (self->diagram, self);
  if (self->editor)
    g_signal_handlers_disconnect_by_data (heapscope_editor_get_buffer (self->editor), self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_pointer (&self->example_name, g_free);
  self->recent = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEAPSCOPE_TYPE_WINDOW);
  G_OBJECT_CLASS (heapscope_window_parent_class)->dispose (object);
}

static void
heapscope_window_class_init (HeapscopeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heapscope_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = heapscope_window_close_request;

  signals[EXPORT_FINISHED]
      = g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRING);
  /* a save ended: NULL, or the error message (a dialog shows it too) */
  signals[SAVE_FINISHED]
      = g_signal_new ("save-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (HEAPSCOPE_TYPE_EDITOR);
  g_type_ensure (HEAPSCOPE_TYPE_CONSOLE);
  g_type_ensure (HEAPSCOPE_TYPE_DIAGRAM_VIEW);
  g_type_ensure (HEAPSCOPE_TYPE_EXPLAIN_PANEL);
  g_type_ensure (HEAPSCOPE_TYPE_STEP_CONTROLS);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/heapscope/Heapscope/heapscope-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, examples_button);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, run_button);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recording_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recording_spinner);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recording_label);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, left_paned);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, right_paned);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, console);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, code_strip);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, diagram);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, explain);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, step_controls);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recent_submenu);
}

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
  set_action_state (self, "live-run", g_settings_get_boolean (settings, "live-run"));
}

static void
setup_actions (HeapscopeWindow *self)
{
  g_autoptr (GSimpleAction) live = g_simple_action_new_stateful (
      "live-run", NULL,
      g_variant_new_boolean (g_settings_get_boolean (self->settings, "live-run")));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  g_signal_connect (live, "change-state", G_CALLBACK (live_run_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (live));
  g_signal_connect (self->settings, "changed::live-run", G_CALLBACK (on_live_run_changed), self);
  update_step_actions (self);
  set_action_enabled (self, "stop", FALSE);
}

static void
connect_signals (HeapscopeWindow *self)
{
  GtkTextBuffer *buf = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor));
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (buf, "changed", G_CALLBACK (on_buffer_changed), self);
  g_signal_connect (buf, "modified-changed", G_CALLBACK (on_modified_changed), self);
  g_signal_connect (self->session, "step-ready", G_CALLBACK (on_step_ready), self);
  g_object_bind_property (self->session, "running", self->spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->session, "running", self->recording_spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self->session, "notify::running", G_CALLBACK (on_running_changed), self);
  g_signal_connect (self->session, "preview-ready", G_CALLBACK (on_preview_ready), self);
  g_signal_connect (self->step_controls, "notify::step", G_CALLBACK (on_controls_step), self);
  g_signal_connect (self->diagram, "toggle-collapsed", G_CALLBACK (on_toggle_collapsed), self);
  g_signal_connect (self->diagram, "toggle-collapsed-type", G_CALLBACK (on_toggle_collapsed_type),
                    self);
  g_signal_connect (self->diagram, "restore-all", G_CALLBACK (on_restore_all), self);
  g_signal_connect (self->diagram, "expand-object", G_CALLBACK (on_expand_object), self);
  heapscope_diagram_view_set_collapsed_func (self->diagram, is_collapsed, self);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_setting_changed), self);
  g_signal_connect (self->settings, "changed::play-speed", G_CALLBACK (on_play_speed_changed),
                    self);
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed),
                    self);
  g_signal_connect_swapped (self->recent, "changed", G_CALLBACK (rebuild_recent_menu), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
heapscope_window_init (HeapscopeWindow *self)
{
  g_autoptr (GMenuModel) examples = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (HEAPSCOPE_APP_ID);
  self->session = heapscope_session_new ();
  self->recent = gtk_recent_manager_get_default ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  examples = heapscope_examples_menu ("win.open-example");
  gtk_menu_button_set_menu_model (self->examples_button, examples);
  g_settings_bind (self->settings, "play-speed",
                   heapscope_step_controls_get_speed_adjustment (self->step_controls), "value",
                   G_SETTINGS_BIND_DEFAULT);

  setup_actions (self);
  connect_signals (self);
  on_setting_changed (self->settings, NULL, self);
  rebuild_recent_menu (self);
  update_title (self);
}

HeapscopeWindow *
heapscope_window_new (HeapscopeApplication *app)
{
  return g_object_new (HEAPSCOPE_TYPE_WINDOW, "application", app, NULL);
}
