/* heapscope-examples.h — the bundled example programs (data/examples, in GResource). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HEAPSCOPE_EXAMPLES_PATH "/io/github/heapscope/Heapscope/examples/"

/* File names ("aliasing.py", ...), sorted; free with g_strfreev. */
char **heapscope_examples_list (void);
/* "aliasing.py" -> "Aliasing"; "mutable_default.py" -> "Mutable default". */
char *heapscope_examples_title (const char *name);
/* The program text with its comments in the user's language, or NULL with `error` set. */
char *heapscope_examples_load (const char *name, GError **error);
/* The translatable comments of a program, in order (strings; see
 * build-aux/gen-example-comments.py for how comments make messages). */
GPtrArray *heapscope_examples_comments (const char *text);
/* `text` with each such comment replaced by its translation. */
char *heapscope_examples_translate_comments (const char *text);
/* A menu of every example, each activating `action` with the name as its target. */
GMenuModel *heapscope_examples_menu (const char *action);

G_END_DECLS
