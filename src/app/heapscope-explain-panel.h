/* heapscope-explain-panel.h — "What happened": the memory events of the current step
 * in words (from hs_trace_explain_step). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_EXPLAIN_PANEL (heapscope_explain_panel_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeExplainPanel, heapscope_explain_panel, HEAPSCOPE, EXPLAIN_PANEL,
                      GtkWidget)

GtkWidget *heapscope_explain_panel_new (void);
/* `sentences` is NULL-terminated (may be NULL or empty: "Nothing changed in memory"). */
void heapscope_explain_panel_set (HeapscopeExplainPanel *self, const char *title,
                                  const char *const *sentences);
/* The sentences shown, one per line, for tests. */
char *heapscope_explain_panel_dup_text (HeapscopeExplainPanel *self);

G_END_DECLS
