/* heapscope-window.h — the main window: editor, diagram, console, "What happened",
 * step controls; every command a GAction ("win.*"). */
#pragma once

#include <adwaita.h>

#include "heapscope-application.h"
#include "heapscope-console.h"
#include "heapscope-diagram-view.h"
#include "heapscope-editor.h"
#include "heapscope-explain-panel.h"
#include "heapscope-export.h"
#include "heapscope-session.h"
#include "heapscope-step-controls.h"

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_WINDOW (heapscope_window_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeWindow, heapscope_window, HEAPSCOPE, WINDOW, AdwApplicationWindow)

HeapscopeWindow *heapscope_window_new (HeapscopeApplication *app);

/* Loads the file and runs it, showing its first step. */
void heapscope_window_open_file (HeapscopeWindow *self, GFile *file);
/* Loads a bundled example ("aliasing.py") and runs it. */
gboolean heapscope_window_load_example (HeapscopeWindow *self, const char *name);
/* Opens and presents a window for each buffer autosaved by an earlier run (each window
 * autosaves on its own), or one with the first bundled example when there is none; each
 * runs its program. Returns the last window opened. */
HeapscopeWindow *heapscope_window_restore_session (HeapscopeApplication *app);
void heapscope_window_run (HeapscopeWindow *self);
/* Stops the run under way, keeping the steps it recorded (win.stop). */
void heapscope_window_stop (HeapscopeWindow *self);
/* Writes the buffer to `file`; on success it becomes the window's file. A failure
 * shows a dialog and changes nothing. "save-finished" (string error or NULL) follows. */
void heapscope_window_save_to (HeapscopeWindow *self, GFile *file);

/* The step shown (0-based), and whether its diagram, output and explanation are in
 * place (FALSE while its layout is still being prepared). */
int heapscope_window_get_step (HeapscopeWindow *self);
gboolean heapscope_window_is_settled (HeapscopeWindow *self);
gboolean heapscope_window_get_presenting (HeapscopeWindow *self);
/* The note shown over the diagram while a run records. */
const char *heapscope_window_get_recording_note (HeapscopeWindow *self);
/* The banner across the window (step limit, restored text, a stopped interpreter), or
 * NULL when none is shown. */
const char *heapscope_window_get_banner (HeapscopeWindow *self);

HeapscopeSession *heapscope_window_get_session (HeapscopeWindow *self);
HeapscopeEditor *heapscope_window_get_editor (HeapscopeWindow *self);
HeapscopeDiagramView *heapscope_window_get_diagram (HeapscopeWindow *self);
HeapscopeConsole *heapscope_window_get_console (HeapscopeWindow *self);
HeapscopeExplainPanel *heapscope_window_get_explain (HeapscopeWindow *self);
HeapscopeStepControls *heapscope_window_get_step_controls (HeapscopeWindow *self);

/* A request for the current trace and step with the window's view options, or NULL
 * when nothing has run. */
HeapscopeExportRequest *heapscope_window_new_export_request (HeapscopeWindow *self);
/* Runs the export in a worker and shows a toast when done (takes `request`).
 * "export-finished" (GStrv paths or NULL, string error or NULL) is emitted then. */
void heapscope_window_start_export (HeapscopeWindow *self, HeapscopeExportRequest *request);
void heapscope_window_add_toast (HeapscopeWindow *self, const char *text);

/* The current step on the clipboard as PNG and SVG (win.copy-diagram). */
gboolean heapscope_window_copy_diagram (HeapscopeWindow *self, GError **error);
/* Prints the current step fit to the page (win.print): with the print dialog, or with
 * none into the PDF file `pdf_path` when it is not NULL. */
gboolean heapscope_window_print (HeapscopeWindow *self, const char *pdf_path, GError **error);

G_END_DECLS
