/* hs-libexec.h — where Heapscope's helper programs are: heapscope-runner (the app's) and
 * heapscope-cli-render (heapscope-cli's), installed in libexecdir. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The path of helper program `name` for the running binary: beside it as installed
 * (bindir/../libexecdir), or as built (`built_dir`, relative to the binary's folder),
 * else in the configured libexecdir. */
char *hs_libexec_path (const char *name, const char *built_dir);

G_END_DECLS
