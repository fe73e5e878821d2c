/* heapscope-console.h — the program's output up to the current step, errors apart. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_CONSOLE (heapscope_console_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeConsole, heapscope_console, HEAPSCOPE, CONSOLE, GtkWidget)

GtkWidget *heapscope_console_new (void);
/* Shows `output` (the output so far, hs_trace_console_text) with the parts that
 * `stderr_ranges` (guint32 start, end byte offset pairs, or NULL) mark in the error style,
 * then `error` (traceback or note, may be NULL) in the error style. Scrolls to the end. */
void heapscope_console_set (HeapscopeConsole *self, const char *output, GArray *stderr_ranges,
                            const char *error);
/* Shows `warnings` (the compiler's, as CPython prints them; NULL for none) above the
 * output, in the warning style, until changed. */
void heapscope_console_set_warnings (HeapscopeConsole *self, const char *warnings);
/* The whole text shown, for tests and copying. */
char *heapscope_console_dup_text (HeapscopeConsole *self);
void heapscope_console_set_font_size (HeapscopeConsole *self, int points);
/* Shows (and focuses) or hides the entry for the program's input(), below the output
 * that ends with its prompt; Enter emits "answer" with the text typed. */
void heapscope_console_ask (HeapscopeConsole *self, gboolean asking);
gboolean heapscope_console_get_asking (HeapscopeConsole *self);
/* The entry, for tests. */
GtkWidget *heapscope_console_get_entry (HeapscopeConsole *self);

G_END_DECLS
