/* heapscope-editor.h — the program editor: a Python GtkSourceView with step markers
 * (the line just executed, the line to run next) and an underlined syntax error. */
#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define HEAPSCOPE_TYPE_EDITOR (heapscope_editor_get_type ())
G_DECLARE_FINAL_TYPE (HeapscopeEditor, heapscope_editor, HEAPSCOPE, EDITOR, GtkSourceView)

GtkWidget *heapscope_editor_new (void);
GtkSourceBuffer *heapscope_editor_get_buffer (HeapscopeEditor *self);
char *heapscope_editor_dup_text (HeapscopeEditor *self);
void heapscope_editor_set_text (HeapscopeEditor *self, const char *text);
/* 1-based lines; 0 hides a marker. Scrolls the next line into view. */
/* Marks the line just run (✓, or an error sign when it raised) and the next line. */
void heapscope_editor_set_step_lines (HeapscopeEditor *self, int executed, int next,
                                      gboolean raised);
/* Underlines line `line` from `col` to `end_col` (1-based, end exclusive; 0 = to the end
 * of the line) and shows `message` as its tooltip. */
void heapscope_editor_set_error (HeapscopeEditor *self, int line, int col, int end_col,
                                 const char *message);
void heapscope_editor_clear_error (HeapscopeEditor *self);
/* Underlines line `line` as a warning, `message` its tooltip (a line's messages add up). */
void heapscope_editor_add_warning (HeapscopeEditor *self, int line, const char *message);
void heapscope_editor_clear_warnings (HeapscopeEditor *self);
void heapscope_editor_set_font_size (HeapscopeEditor *self, int points);
/* Text of lines [first, last] (1-based, clamped), for the presentation strip. */
char *heapscope_editor_dup_lines (HeapscopeEditor *self, int first, int last);

G_END_DECLS
