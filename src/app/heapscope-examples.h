/* heapscope-examples.h — the bundled example programs (data/examples, in GResource). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HEAPSCOPE_EXAMPLES_PATH "/io/github/heapscope/Heapscope/examples/"

/* File names ("aliasing.py", ...), sorted; free with g_strfreev. */
char **heapscope_examples_list (void);
/* "aliasing.py" -> "Aliasing"; "mutable_default.py" -> "Mutable default". */
char *heapscope_examples_title (const char *name);
/* The program text, or NULL with `error` set. */
char *heapscope_examples_load (const char *name, GError **error);
/* A menu of every example, each activating `action` with the name as its target. */
GMenuModel *heapscope_examples_menu (const char *action);

G_END_DECLS
