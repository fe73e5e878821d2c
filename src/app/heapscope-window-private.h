/* heapscope-window-private.h — what the window's rooms share: heapscope-window.c (the
 * widget: steps, running, presentation, export), heapscope-window-actions.c (the
 * GActions and playing), heapscope-window-files.c (open, save, autosave, restore) and
 * heapscope-window-share.c (clipboard, printing, files dropped on the window). */
#pragma once

#include "heapscope-window.h"

G_BEGIN_DECLS

#define LIVE_DELAY_MS 600
#define AUTOSAVE_SECONDS 3
#define PROGRESS_INTERVAL_MS 250
#define DEFAULT_EXAMPLE "aliasing.py"
#define MAX_STEP_LIMIT 10000000 /* the schema's maximum for step-limit */

struct _HeapscopeWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkRevealer *header_revealer;
  GtkMenuButton *examples_button;
  GtkMenuButton *menu_button;
  GtkSpinner *spinner;
  GtkButton *run_button;
  GtkRevealer *recording_revealer;
  GtkSpinner *recording_spinner;
  GtkLabel *recording_label;
  GtkRevealer *banner_revealer;
  GtkBox *banner_box;
  GtkLabel *banner_label;
  GtkButton *banner_button;
  AdwWindowTitle *window_title;
  GtkPaned *main_paned;
  GtkPaned *left_paned;
  GtkPaned *right_paned;
  GtkWidget *editor_scroller;
  HeapscopeEditor *editor;
  HeapscopeConsole *console;
  GtkLabel *code_strip;
  HeapscopeDiagramView *diagram;
  GtkLabel *status_label;
  HeapscopeExplainPanel *explain;
  HeapscopeStepControls *step_controls;
  GMenu *recent_submenu;
  GMenu *examples_submenu;

  GSettings *settings;
  HeapscopeSession *session;
  GtkRecentManager *recent;
  GFile *file;
  char *example_name;
  /* the answers the program's input() calls were given, kept with the text: every run
   * of it gets them again (NULL-terminated) */
  GPtrArray *answers;

  int step;
  gboolean settled;
  gboolean have_run;
  int keep_step;
  gboolean presenting;
  gboolean presenting_output; /* the Output stays visible while presenting */
  /* while presenting, the arrows, Enter and Menu move in the diagram (entered with F6 or
   * Tab, left with Escape) rather than step */
  gboolean presenting_diagram_keys;
  guint inhibit_cookie; /* screen blanking inhibited while presenting */
  guint explain_fit_id;
  gboolean explain_refit; /* presenting: the next fit may shrink the panel (see fit_explain) */
  int explain_position;   /* the What happened panel's place before presenting */
  gboolean close_confirmed;
  gboolean close_after_save;
  gboolean loading;
  gboolean showing_partial;
  gboolean restored_unrun; /* text restored after a crash, not run until the user asks */
  AdwToast *end_toast;     /* weak: "… Show" pointing at the last step */

  guint play_id;
  guint live_id;
  guint progress_id; /* refreshes the recording note's step count */
  guint autosave_id;
  guint autosave_slot; /* 0 until the window first autosaves or restores */
};

/* heapscope-window.c */
int _heapscope_window_n_steps (HeapscopeWindow *self);
void _heapscope_window_set_action_enabled (HeapscopeWindow *self, const char *name,
                                           gboolean enabled);
void _heapscope_window_set_action_state (HeapscopeWindow *self, const char *name, gboolean state);
void _heapscope_window_update_step_actions (HeapscopeWindow *self);
void _heapscope_window_show_step (HeapscopeWindow *self, int k, gboolean animate);
char *_heapscope_window_display_name (HeapscopeWindow *self);
void _heapscope_window_update_title (HeapscopeWindow *self);
void _heapscope_window_show_error_dialog (HeapscopeWindow *self, const char *heading,
                                          const char *body);
void _heapscope_window_set_presenting (HeapscopeWindow *self, gboolean presenting);
void _heapscope_window_emit_save_finished (HeapscopeWindow *self, const char *error);
void _heapscope_window_update_banner (HeapscopeWindow *self);
void _heapscope_window_update_panes (HeapscopeWindow *self);
void _heapscope_window_forget_answers (HeapscopeWindow *self);
void _heapscope_window_cycle_panes (HeapscopeWindow *self, int delta);

/* heapscope-window-actions.c */
void _heapscope_window_actions_init (HeapscopeWindow *self);
void _heapscope_window_stop_playing (HeapscopeWindow *self);

/* heapscope-window-share.c */
void _heapscope_window_share_init (HeapscopeWindow *self);

/* heapscope-window-files.c */
void _heapscope_window_files_init (HeapscopeWindow *self);
void _heapscope_window_release_slot (HeapscopeWindow *self);
gboolean _heapscope_window_buffer_modified (HeapscopeWindow *self);
void _heapscope_window_open_here_or_new (HeapscopeWindow *self, GFile *file);
void _heapscope_window_choose_file_to_open (HeapscopeWindow *self);
void _heapscope_window_save (HeapscopeWindow *self);
void _heapscope_window_save_as (HeapscopeWindow *self);
gboolean _heapscope_window_ask_to_save (HeapscopeWindow *self);
void _heapscope_window_autosave_on_close (HeapscopeWindow *self);
void _heapscope_window_autosave_now (HeapscopeWindow *self);

G_END_DECLS
