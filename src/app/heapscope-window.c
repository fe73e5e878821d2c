/* heapscope-window.c — the main window: steps, running, presentation and export.
 * Its commands are in heapscope-window-actions.c, its files in heapscope-window-files.c.
 *
 * Invariants:
 * - `step` is the step every part of the window shows: the step bar, the editor's
 *   markers, the code strip and the console at once; the diagram and explanation once the
 *   session has prepared that step (`settled` says whether they have).
 * - While a run records, the application is held (one hold per run, released in its
 *   callback), so closing the window cancels the worker and the process waits for it
 *   to return before it exits.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "heapscope-examples.h"
#include "heapscope-window-private.h"

enum
{
  EXPORT_FINISHED,
  SAVE_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HeapscopeWindow, heapscope_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- small helpers ---- */

/* NULL too while the window is being disposed (its children may still signal). */
static HsTrace *
trace (HeapscopeWindow *self)
{
  return self->session ? heapscope_session_get_trace (self->session) : NULL;
}

/* The steps the user can see: a preview's last step is where the preview stopped,
 * not the program, so it stays hidden until the whole run is in. */
int
_heapscope_window_n_steps (HeapscopeWindow *self)
{
  int n = trace (self) ? hs_trace_get_n_steps (trace (self)) : 0;

  return n > 0 && heapscope_session_get_partial (self->session)
                 && !heapscope_session_get_at_input (self->session)
             ? MAX (n - 1, 1)
             : n;
}

void
_heapscope_window_set_action_enabled (HeapscopeWindow *self, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_heapscope_window_set_action_state (HeapscopeWindow *self, const char *name, gboolean state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (state));
}

void
_heapscope_window_update_step_actions (HeapscopeWindow *self)
{
  int n = _heapscope_window_n_steps (self);

  _heapscope_window_set_action_enabled (self, "step-first", self->step > 0);
  _heapscope_window_set_action_enabled (self, "step-back", self->step > 0);
  _heapscope_window_set_action_enabled (self, "step-forward", self->step < n - 1);
  _heapscope_window_set_action_enabled (self, "step-last", self->step < n - 1);
  _heapscope_window_set_action_enabled (self, "play", n > 1);
  _heapscope_window_set_action_enabled (self, "export", n > 0);
  _heapscope_window_set_action_enabled (self, "copy-diagram", n > 0);
  _heapscope_window_set_action_enabled (self, "print", n > 0);
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
      || adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
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

char *
_heapscope_window_display_name (HeapscopeWindow *self)
{
  if (self->file)
    return g_file_get_basename (self->file);
  if (self->example_name)
    return g_strdup (self->example_name);
  return g_strdup (_ ("Untitled.py"));
}

void
_heapscope_window_update_title (HeapscopeWindow *self)
{
  GtkTextBuffer *buf = GTK_TEXT_BUFFER (heapscope_editor_get_buffer (self->editor));
  g_autofree char *name = _heapscope_window_display_name (self);
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
void
_heapscope_window_show_error_dialog (HeapscopeWindow *self, const char *heading, const char *body)
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
  int line = trace (self) && _heapscope_window_n_steps (self) > 0
                 ? hs_trace_step_line (trace (self), self->step)
                 : 0;

  if (!self->presenting || line <= 0)
    {
      gtk_label_set_markup (self->code_strip, "");
      return;
    }
  /* three lines whatever the line (none above the first): the diagram below keeps its
   * height, so its zoom does not change at the program's first line */
  for (int l = line - 1; l <= line + 1; l++)
    {
      g_autofree char *text = l > 0 ? heapscope_editor_dup_lines (self->editor, l, l) : NULL;
      g_autofree char *escaped = text ? g_markup_escape_text (text, -1) : NULL;

      if (l > line - 1)
        g_string_append_c (markup, '\n');
      if (l < 1)
        continue;
      if (l == line)
        g_string_append_printf (markup, "<b>%3d ▶ %s</b>", l, escaped);
      else
        /* an invisible marker, so the columns line up whatever font draws the arrow */
        g_string_append_printf (
            markup, "<span alpha=\"55%%\">%3d <span alpha=\"1\">▶</span> %s</span>", l, escaped);
    }
  gtk_label_set_markup (self->code_strip, markup->str);
}

/* ---- the What happened panel while presenting ---- */

/* Presenting (large text, a fixed screen), the panel is as tall as its sentences, up to
 * 60% of the column: no sentence is cut off at its bottom edge; past that it scrolls.
 * Between steps it only grows: the diagram above it keeps its height, so its zoom (and its
 * text's size) does not change back and forth from step to step. */
static gboolean
fit_explain (gpointer data)
{
  HeapscopeWindow *self = data;
  GtkWidget *panel = GTK_WIDGET (self->explain);
  int height = gtk_widget_get_height (GTK_WIDGET (self->right_paned));
  int width = gtk_widget_get_width (panel);
  int natural = 0, position;

  self->explain_fit_id = 0;
  if (!self->presenting || height <= 0 || width <= 0)
    return G_SOURCE_REMOVE;
  gtk_widget_measure (panel, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  position = height - MIN (natural, height * 3 / 5);
  if (!self->explain_refit)
    position = MIN (position, gtk_paned_get_position (self->right_paned));
  self->explain_refit = FALSE;
  gtk_paned_set_position (self->right_paned, position);
  return G_SOURCE_REMOVE;
}

static void
queue_fit_explain (HeapscopeWindow *self)
{
  /* before the next layout and frame: at the default idle priority a step's animation
   * starved it, and the panel grew only after the tween (a second later under load) */
  if (self->presenting && self->explain_fit_id == 0)
    self->explain_fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_explain, self, NULL);
}

/* the column's allocation changed (full screen, a resize): fitted afresh */
static void
on_right_paned_resized (GtkPaned *paned, GParamSpec *pspec, HeapscopeWindow *self)
{
  self->explain_refit = TRUE;
  queue_fit_explain (self);
}

/* ---- steps ---- */

static gboolean
step_is_exception (HeapscopeWindow *self, int k)
{
  const char *event = hs_trace_step_event (trace (self), k);

  return event && (g_str_equal (event, "exception") || g_str_equal (event, "uncaught_exception"));
}

/* Whether the line step k has just run raised: the step is the exception, or the frame
 * the exception leaves (which returns nothing). */
static gboolean
line_raised (HeapscopeWindow *self, int k)
{
  return step_is_exception (self, k) || hs_trace_step_raised (trace (self), k) != NULL;
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

/* The console and the error underline of the step shown: its output and its error (or the
 * run's end at the last step). */
static void
show_step_text (HeapscopeWindow *self, const char *console_text, GArray *stderr_ranges,
                const char *exception_msg)
{
  HsTrace *t = trace (self);
  int k = self->step;
  gboolean last = k == _heapscope_window_n_steps (self) - 1;
  const char *error = exception_msg;
  g_autofree char *stop_note = NULL;

  if (heapscope_session_get_partial (self->session))
    last = FALSE;
  else if (last && heapscope_session_get_stopped (self->session))
    error = stop_note = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "You stopped the program after %d step.",
                     "You stopped the program after %d steps.", _heapscope_window_n_steps (self)),
        _heapscope_window_n_steps (self));
  else if (last && hs_trace_get_end (t) != HS_TRACE_END_OK && hs_trace_get_error_text (t))
    error = hs_trace_get_error_text (t);
  /* paused at an input(): its last step shows the prompt printed since */
  if (heapscope_session_get_at_input (self->session) && k == _heapscope_window_n_steps (self) - 1)
    {
      g_autoptr (GArray) ranges = NULL;
      g_autofree char *text = hs_trace_console_text (t, -1, &ranges);

      heapscope_console_set (self->console, text, ranges, error);
    }
  else
    heapscope_console_set (self->console, console_text, stderr_ranges, error);
  /* a limit of Heapscope's is not a mistake in the program: no underline for it */
  if (step_is_exception (self, k) && exception_msg
      && !(last
           && (hs_trace_get_end (t) == HS_TRACE_END_STEP_LIMIT
               || hs_trace_get_end (t) == HS_TRACE_END_TOO_LARGE)))
    heapscope_editor_set_error (self->editor, hs_trace_step_line (t, k), 0, 0, exception_msg);
  else
    heapscope_editor_clear_error (self->editor);
}

static char *
explain_title (int k)
{
  /* Translators: heading of the panel that explains the memory events of a step */
  return g_strdup_printf (_ ("What happened at step %d"), k + 1);
}

static void
apply_step_info (HeapscopeWindow *self, const HeapscopeStepInfo *info, gboolean animate)
{
  g_autofree char *title = explain_title (self->step);

  heapscope_diagram_view_set_scene (self->diagram, info->scene, animate);
  if (info->scene)
    profile_first_diagram (self);
  show_step_text (self, info->console_text, info->stderr_ranges, info->exception_msg);
  heapscope_explain_panel_set (self->explain, title, (const char *const *)info->explanation);
  queue_fit_explain (self);
  self->settled = TRUE;
}

/* The step shown while the session prepares its diagram and explanation (those of a step
 * with 200,000 objects take seconds): its output and error at once, from the trace, and
 * the panel saying what it waits for. */
static void
show_step_text_first (HeapscopeWindow *self)
{
  HsTrace *t = trace (self);
  g_autoptr (GArray) ranges = NULL;
  g_autofree char *text = hs_trace_console_text (t, self->step, &ranges);
  g_autofree char *title = explain_title (self->step);
  const char *waiting[] = { _ ("Drawing this step…"), NULL };

  show_step_text (self, text, ranges, hs_trace_step_exception (t, self->step));
  heapscope_explain_panel_set (self->explain, title, waiting);
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

void
_heapscope_window_show_step (HeapscopeWindow *self, int k, gboolean animate)
{
  HsTrace *t = trace (self);
  const HeapscopeStepInfo *info;
  int n = _heapscope_window_n_steps (self);

  if (t == NULL || n == 0)
    return;
  k = CLAMP (k, 0, n - 1);
  self->step = k;
  self->settled = FALSE;
  heapscope_step_controls_set_step (self->step_controls, k);
  /* step k's memory is the state before its line runs (Python Tutor's convention):
   * the line just executed is the previous step's */
  heapscope_editor_set_step_lines (self->editor, k > 0 ? hs_trace_step_line (t, k - 1) : 0,
                                   hs_trace_step_line (t, k), line_raised (self, k));
  update_code_strip (self);
  _heapscope_window_update_step_actions (self);
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
  else
    show_step_text_first (self);
}

static void
on_controls_step (HeapscopeStepControls *controls, GParamSpec *pspec, HeapscopeWindow *self)
{
  int k = heapscope_step_controls_get_step (controls);

  if (k != self->step)
    _heapscope_window_show_step (self, k, TRUE);
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
  g_autofree char *warnings = hs_trace_format_warnings (t);

  heapscope_editor_clear_warnings (self->editor);
  for (guint i = 0; i < hs_trace_get_n_warnings (t); i++)
    {
      int warning_line;
      const char *warning = hs_trace_get_warning (t, i, &warning_line);
      g_autofree char *tip = g_strdup_printf ("SyntaxWarning: %s", warning);

      heapscope_editor_add_warning (self->editor, warning_line, tip);
    }
  heapscope_console_set_warnings (self->console, warnings);
  if (end == HS_TRACE_END_SYNTAX_ERROR || n == 0)
    {
      g_autofree char *note = NULL;
      g_autofree char *refusal = NULL;
      /* valid Python that Heapscope does not run yet: said so, in the UI's language */
      const char *construct = hs_trace_get_refused_construct (t);

      if (hs_trace_get_syntax_error (t, &line, &col, &end_col, &message))
        {
          if (construct != NULL)
            {
              /* TRANSLATORS: %s is a construct of Python, e.g. "'match' statements" */
              refusal = g_strdup_printf (_ ("Not supported by Heapscope yet: %s"), _ (construct));
              message = refusal;
            }
          heapscope_editor_set_error (self->editor, line, col, end_col, message);
          note = construct != NULL ? g_strdup_printf (_ ("Line %d: %s"), line, message)
                 : line > 0 ? g_strdup_printf (_ ("Syntax error on line %d:\n%s"), line, message)
                            : g_strdup (message);
        }
      heapscope_editor_set_step_lines (self->editor, 0, 0, FALSE);
      heapscope_console_set (self->console, "", NULL, hs_trace_get_error_text (t));
      {
        const char *nothing[]
            = { construct != NULL ? _ ("Nothing ran: the program uses Python that Heapscope "
                                       "does not run yet, so no object was created.")
                : end == HS_TRACE_END_SYNTAX_ERROR
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
      else if (note == NULL && end == HS_TRACE_END_INTERRUPTED)
        note = g_strdup (hs_trace_get_error_text (t));
      show_status (self, note ? note : _ ("Nothing ran."));
      self->step = 0;
      self->settled = TRUE;
      _heapscope_window_update_step_actions (self);
      return;
    }
  show_status (self, NULL);
  heapscope_editor_clear_error (self->editor);
  n = _heapscope_window_n_steps (self);
  heapscope_step_controls_set_n_steps (self->step_controls, n);
  /* the whole run replacing its preview: stay where the user stepped meanwhile */
  if (self->showing_partial)
    self->keep_step = self->step;
  _heapscope_window_show_step (self, self->have_run ? MIN (self->keep_step, n - 1) : 0,
                               self->have_run);
  self->have_run = TRUE;
  self->showing_partial = heapscope_session_get_partial (self->session);
  _heapscope_window_update_banner (self);

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
}

/* ---- the banner ---- */

static void
show_banner (HeapscopeWindow *self, const char *text, const char *button, const char *action,
             gboolean error)
{
  g_autofree char *shown = g_strchomp (g_strdup (text));

  gtk_label_set_text (self->banner_label, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button != NULL);
  if (button != NULL)
    {
      gtk_button_set_label (self->banner_button, button);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), action);
    }
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->banner_box), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->banner_box), "error");
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* The banner says what holds for every step of the run shown (or for the text, before
 * any run): unlike a toast it stays until that changes. */
void
_heapscope_window_update_banner (HeapscopeWindow *self)
{
  HsTrace *t = trace (self);
  gboolean further = FALSE;

  if (self->restored_unrun)
    show_banner (
        self,
        _ ("Restored unsaved text after Heapscope stopped unexpectedly; press Run to run it."),
        _ ("_Run"), "win.run", FALSE);
  else if (t != NULL && !heapscope_session_get_partial (self->session)
           && hs_trace_get_end (t) == HS_TRACE_END_INTERRUPTED)
    show_banner (self, hs_trace_get_error_text (t), NULL, NULL, TRUE);
  else if (t != NULL && !heapscope_session_get_partial (self->session)
           && hs_trace_get_end (t) == HS_TRACE_END_STEP_LIMIT)
    {
      int limit = g_settings_get_int (self->settings, "step-limit");
      g_autofree char *text = g_strdup_printf (
          _ ("Heapscope stopped this run after %'d steps (the step limit): the program may never "
             "end. Every step shown is before that point."),
          _heapscope_window_n_steps (self));

      show_banner (self, text, limit < MAX_STEP_LIMIT ? _ ("Record _Further") : NULL,
                   "win.record-further", FALSE);
      further = limit < MAX_STEP_LIMIT;
    }
  else if (t != NULL && !heapscope_session_get_partial (self->session)
           && hs_trace_get_end (t) == HS_TRACE_END_TOO_LARGE)
    {
      g_autofree char *text = g_strdup_printf (
          _ ("Heapscope stopped recording this run after %'d steps: what it recorded grew too "
             "large to show. Every step shown is before that point."),
          _heapscope_window_n_steps (self));

      show_banner (self, text, NULL, NULL, FALSE);
    }
  else
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  _heapscope_window_set_action_enabled (self, "record-further", further);
}

static gboolean
update_recording_note (gpointer data)
{
  HeapscopeWindow *self = data;
  int recorded = heapscope_session_get_recorded_steps (self->session);
  g_autofree char *count = g_strdup_printf ("%'d", recorded);
  g_autofree char *text = NULL;

  if (heapscope_console_get_asking (self->console))
    text = g_strdup (_ ("The program waits for input: type it under Output and press Enter."));
  else if (heapscope_session_get_partial (self->session))
    /* Translators: %s is a number of steps such as 123,456 */
    text = g_strdup_printf (_ ("Recording the run… %s steps so far. The first %d are ready."),
                            count, _heapscope_window_n_steps (self));
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

/* The program asks for input it was not given: its steps so far, at the last one (the
 * line asking), and an entry under the Output, visible in presentation mode too. */
static void
on_input_wanted (HeapscopeSession *session, HeapscopeWindow *self)
{
  on_trace_ready (self);
  _heapscope_window_show_step (self, _heapscope_window_n_steps (self) - 1, FALSE);
  heapscope_console_ask (self->console, TRUE);
  _heapscope_window_update_panes (self);
  update_recording_note (self);
}

static void
on_console_answer (HeapscopeConsole *console, const char *answer, HeapscopeWindow *self)
{
  if (!heapscope_session_answer (self->session, answer))
    return;
  g_ptr_array_add (self->answers, g_strdup (answer));
  heapscope_console_ask (self->console, FALSE);
  _heapscope_window_update_panes (self);
  update_recording_note (self);
}

void
_heapscope_window_forget_answers (HeapscopeWindow *self)
{
  g_ptr_array_set_size (self->answers, 0);
}

/* Run becomes Stop while a run records, with a note over the diagram that counts the
 * steps recorded and says when the first ones can be explored before the rest. */
static void
on_running_changed (HeapscopeSession *session, GParamSpec *pspec, HeapscopeWindow *self)
{
  gboolean running = heapscope_session_get_running (session);
  AdwButtonContent *content = ADW_BUTTON_CONTENT (gtk_button_get_child (self->run_button));

  _heapscope_window_set_action_enabled (self, "stop", running);
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
      /* stopped, or ended some other way, while it waited for input */
      heapscope_console_ask (self->console, FALSE);
      _heapscope_window_update_panes (self);
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
  /* whatever the run does, the text it ran is on disk */
  _heapscope_window_autosave_now (self);
  if (self->restored_unrun)
    {
      self->restored_unrun = FALSE;
      _heapscope_window_update_banner (self);
    }
  text = heapscope_editor_dup_text (self->editor);
  name = _heapscope_window_display_name (self);
  hs_trace_options_init (&options);
  options.max_steps = g_settings_get_int (self->settings, "step-limit");
  options.heap_primitives = g_settings_get_boolean (self->settings, "heap-primitives");
  heapscope_session_set_memory_limit (self->session,
                                      (guint64)g_settings_get_int (self->settings, "memory-limit"));
  self->keep_step = self->step;
  self->showing_partial = FALSE;
  app = gtk_window_get_application (GTK_WINDOW (self));
  c = g_new0 (RunClosure, 1);
  g_weak_ref_init (&c->window, self);
  c->app = app ? G_APPLICATION (g_object_ref (app)) : NULL;
  if (c->app)
    g_application_hold (c->app);
  heapscope_console_ask (self->console, FALSE);
  _heapscope_window_update_panes (self);
  heapscope_session_run_async (self->session, text, name, &options,
                               (const char *const *)self->answers->pdata, NULL, run_done, c);
}

/* The user's Stop: keeps what was recorded so far. */
void
heapscope_window_stop (HeapscopeWindow *self)
{
  g_return_if_fail (HEAPSCOPE_IS_WINDOW (self));
  heapscope_session_stop (self->session);
}

/* ---- presentation ---- */

/* Presenting hides the editor (the code strip shows its lines) and, unless asked to show
 * it or the program waits for input, the Output. */
void
_heapscope_window_update_panes (HeapscopeWindow *self)
{
  gboolean output = !self->presenting || self->presenting_output
                    || heapscope_console_get_asking (self->console);

  gtk_widget_set_visible (gtk_paned_get_start_child (self->main_paned), output);
  gtk_widget_set_visible (self->editor_scroller, !self->presenting);
}

/* While presenting, the screen does not blank (a lecturer talks between steps). */
static void
inhibit_idle (HeapscopeWindow *self, gboolean inhibit)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return;
  if (inhibit && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (
        app, GTK_WINDOW (self), GTK_APPLICATION_INHIBIT_IDLE, _ ("Presenting a program"));
  else if (!inhibit && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

void
_heapscope_window_set_presenting (HeapscopeWindow *self, gboolean presenting)
{
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  self->presenting_diagram_keys = FALSE;
  inhibit_idle (self, presenting);
  _heapscope_window_set_action_state (self, "presentation", presenting);
  _heapscope_window_update_panes (self);
  gtk_widget_set_visible (GTK_WIDGET (self->code_strip), presenting);
  gtk_revealer_set_reveal_child (self->header_revealer, !presenting);
  if (presenting)
    {
      self->explain_position = gtk_paned_get_position (self->right_paned);
      self->explain_refit = TRUE;
      queue_fit_explain (self);
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
      heapscope_diagram_view_set_max_fit_zoom (self->diagram, 2.5);
      if (!heapscope_console_get_asking (self->console))
        gtk_widget_grab_focus (GTK_WIDGET (self->diagram));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_paned_set_position (self->right_paned, self->explain_position);
      gtk_window_unfullscreen (GTK_WINDOW (self));
      heapscope_diagram_view_set_max_fit_zoom (self->diagram, 1.25);
    }
  heapscope_console_set_font_size (self->console, presenting ? 18 : 11);
  heapscope_diagram_view_zoom_fit (self->diagram);
  update_theme (self);
  update_code_strip (self);
}

/* ---- moving between panes ---- */

/* F6 moves the keyboard to the next pane (Shift+F6 the previous one), as in GNOME's
 * editors: Tab cannot leave the editor, which takes it as text. Panes that are hidden or
 * hold nothing focusable are skipped. */
void
_heapscope_window_cycle_panes (HeapscopeWindow *self, int delta)
{
  GtkWidget *panes[] = { self->editor_scroller, GTK_WIDGET (self->diagram),
                         GTK_WIDGET (self->explain), GTK_WIDGET (self->console) };
  const int n = G_N_ELEMENTS (panes);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int current = -1;

  for (int i = 0; i < n && focus != NULL; i++)
    if (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i]))
      current = i;
  for (int k = 1; k <= n; k++)
    {
      int i = ((current < 0 ? (delta > 0 ? -1 : 0) : current) + k * delta + n * n) % n;

      if (i == current || !gtk_widget_is_drawable (panes[i]))
        continue;
      if (gtk_widget_child_focus (panes[i], GTK_DIR_TAB_FORWARD))
        {
          self->presenting_diagram_keys = panes[i] == GTK_WIDGET (self->diagram);
          gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
          return;
        }
    }
}

/* F6 and Shift+F6 run win.next-pane/win.previous-pane before the focused widget sees
 * them: the application's accelerators come after the widgets' own bindings, and GtkPaned
 * binds F6 to cycle within itself only. */
static void
add_pane_shortcuts (HeapscopeWindow *self)
{
  static const char *const actions[] = { "win.next-pane", "win.previous-pane" };
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (actions) && app != NULL; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        gtk_shortcut_controller_add_shortcut (
            GTK_SHORTCUT_CONTROLLER (shortcuts),
            gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accels[j]),
                              gtk_named_action_new (actions[i])));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* While presenting with the keyboard in the diagram, its own keys go to it. */
static gboolean
is_diagram_key (guint keyval)
{
  switch (keyval)
    {
      case GDK_KEY_Left:
      case GDK_KEY_Right:
      case GDK_KEY_Up:
      case GDK_KEY_Down:
      case GDK_KEY_KP_Left:
      case GDK_KEY_KP_Right:
      case GDK_KEY_KP_Up:
      case GDK_KEY_KP_Down:
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_Menu:
        return TRUE;
      default:
        return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, HeapscopeWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* typing an answer for input() is not stepping */
  if (!self->presenting || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
      || (focus != NULL && GTK_IS_EDITABLE (focus)))
    return FALSE;
  if (focus != GTK_WIDGET (self->diagram))
    self->presenting_diagram_keys = FALSE;
  if (self->presenting_diagram_keys && is_diagram_key (keyval))
    return FALSE;
  switch (keyval)
    {
      case GDK_KEY_Tab:
        /* into the diagram, whose keys then move between its boxes */
        self->presenting_diagram_keys = TRUE;
        gtk_widget_grab_focus (GTK_WIDGET (self->diagram));
        gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
        return TRUE;
      case GDK_KEY_Page_Down:
      case GDK_KEY_space:
      case GDK_KEY_Right:
      case GDK_KEY_Down:
      case GDK_KEY_Return:
        _heapscope_window_show_step (self, self->step + 1, TRUE);
        return TRUE;
      case GDK_KEY_Page_Up:
      case GDK_KEY_Left:
      case GDK_KEY_Up:
      case GDK_KEY_BackSpace:
        _heapscope_window_show_step (self, self->step - 1, TRUE);
        return TRUE;
      case GDK_KEY_Home:
        _heapscope_window_show_step (self, 0, TRUE);
        return TRUE;
      case GDK_KEY_End:
        _heapscope_window_show_step (self, _heapscope_window_n_steps (self) - 1, TRUE);
        return TRUE;
      case GDK_KEY_Escape:
        if (self->presenting_diagram_keys)
          self->presenting_diagram_keys = FALSE; /* out of the diagram first */
        else
          _heapscope_window_set_presenting (self, FALSE);
        return TRUE;
      default:
        return FALSE;
    }
}

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
  _heapscope_window_show_step (self, self->step, TRUE);
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

static void
on_shorten_object (HeapscopeDiagramView *view, guint64 id, HeapscopeWindow *self)
{
  g_hash_table_remove (heapscope_session_get_view_options (self->session)->expanded_ids, &id);
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
  /* exports look like the window: badges only when it shows them */
  req->options->show_refcounts = g_settings_get_boolean (self->settings, "show-refcounts");
  req->format = hs_export_format_lookup ("png");
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
      _heapscope_window_show_error_dialog (self, _ ("Could Not Export"), error->message);
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
  if (heapscope_export_get_note (result) != NULL)
    {
      /* a PNG drawn smaller than asked: say so where the export is confirmed */
      char *with_note = g_strdup_printf ("%s: %s", text, heapscope_export_get_note (result));

      g_free (text);
      text = with_note;
    }
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
  if (key == NULL || g_str_equal (key, "show-internals"))
    {
      heapscope_session_get_view_options (self->session)->view_flags
          = g_settings_get_boolean (settings, "show-internals") ? HS_VIEW_SHOW_INTERNALS : 0;
      view_options_changed (self);
    }
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

const char *
heapscope_window_get_banner (HeapscopeWindow *self)
{
  g_return_val_if_fail (HEAPSCOPE_IS_WINDOW (self), NULL);
  return gtk_revealer_get_reveal_child (self->banner_revealer)
             ? gtk_label_get_text (self->banner_label)
             : NULL;
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

static gboolean
heapscope_window_close_request (GtkWindow *window)
{
  HeapscopeWindow *self = HEAPSCOPE_WINDOW (window);

  if (_heapscope_window_ask_to_save (self))
    return TRUE;
  _heapscope_window_autosave_on_close (self);
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

void
_heapscope_window_emit_save_finished (HeapscopeWindow *self, const char *error)
{
  g_signal_emit (self, signals[SAVE_FINISHED], 0, error);
}

static void
heapscope_window_dispose (GObject *object)
{
  HeapscopeWindow *self = HEAPSCOPE_WINDOW (object);

  g_clear_handle_id (&self->play_id, g_source_remove);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->live_id, g_source_remove);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->explain_fit_id, g_source_remove);
  inhibit_idle (self, FALSE);
  _heapscope_window_release_slot (self);
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
  if (self->console)
    g_signal_handlers_disconnect_by_data (self->console, self);
  if (self->right_paned)
    g_signal_handlers_disconnect_by_data (self->right_paned, self);
  if (self->editor)
    g_signal_handlers_disconnect_by_data (heapscope_editor_get_buffer (self->editor), self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_clear_pointer (&self->example_name, g_free);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, run_button);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recording_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recording_spinner);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recording_label);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, banner_box);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, left_paned);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, right_paned);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, console);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, code_strip);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, diagram);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, explain);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, step_controls);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, HeapscopeWindow, examples_submenu);
}

static void
connect_signals (HeapscopeWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (self->session, "step-ready", G_CALLBACK (on_step_ready), self);
  g_object_bind_property (self->session, "running", self->spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->session, "running", self->recording_spinner, "spinning",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self->session, "notify::running", G_CALLBACK (on_running_changed), self);
  g_signal_connect (self->session, "preview-ready", G_CALLBACK (on_preview_ready), self);
  g_signal_connect (self->session, "input-wanted", G_CALLBACK (on_input_wanted), self);
  g_signal_connect (self->console, "answer", G_CALLBACK (on_console_answer), self);
  g_signal_connect (self->right_paned, "notify::max-position", G_CALLBACK (on_right_paned_resized),
                    self);
  g_signal_connect (self->step_controls, "notify::step", G_CALLBACK (on_controls_step), self);
  g_signal_connect (self->diagram, "toggle-collapsed", G_CALLBACK (on_toggle_collapsed), self);
  g_signal_connect (self->diagram, "toggle-collapsed-type", G_CALLBACK (on_toggle_collapsed_type),
                    self);
  g_signal_connect (self->diagram, "restore-all", G_CALLBACK (on_restore_all), self);
  g_signal_connect (self->diagram, "expand-object", G_CALLBACK (on_expand_object), self);
  g_signal_connect (self->diagram, "shorten-object", G_CALLBACK (on_shorten_object), self);
  heapscope_diagram_view_set_collapsed_func (self->diagram, is_collapsed, self);
  g_signal_connect (self->settings, "changed", G_CALLBACK (on_setting_changed), self);
  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed),
                    self);
  /* the system's high-contrast setting switches the diagram too */
  g_signal_connect (adw_style_manager_get_default (), "notify::high-contrast",
                    G_CALLBACK (on_dark_changed), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  add_pane_shortcuts (self);
}

static void
heapscope_window_init (HeapscopeWindow *self)
{
  g_autoptr (GMenuModel) examples = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (HEAPSCOPE_APP_ID);
  self->session = heapscope_session_new ();
  self->recent = gtk_recent_manager_get_default ();
  self->answers = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  examples = heapscope_examples_menu ("win.open-example");
  gtk_menu_button_set_menu_model (self->examples_button, examples);
  /* the main menu lists them too, so Ctrl+F10 reaches them from any pane */
  g_menu_append_section (self->examples_submenu, NULL, examples);
  g_settings_bind (self->settings, "play-speed",
                   heapscope_step_controls_get_speed_adjustment (self->step_controls), "value",
                   G_SETTINGS_BIND_DEFAULT);

  _heapscope_window_actions_init (self);
  _heapscope_window_share_init (self);
  connect_signals (self);
  _heapscope_window_files_init (self);
  on_setting_changed (self->settings, NULL, self);
  _heapscope_window_update_title (self);
}

HeapscopeWindow *
heapscope_window_new (HeapscopeApplication *app)
{
  return g_object_new (HEAPSCOPE_TYPE_WINDOW, "application", app, NULL);
}
