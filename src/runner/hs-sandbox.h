/* hs-sandbox.h — the limits a process that runs a learner's program puts on itself: the
 * runner (heapscope-runner, which the app starts for every run) and heapscope-cli. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The address-space limit when none is asked for: a program that allocates without end
 * fails there (MemoryError, or the runner stops) instead of taking the machine's memory. */
#define HS_SANDBOX_DEFAULT_MEMORY_MIB 2048

/* Limits this process's address space (RLIMIT_AS) to `mib` MiB; 0: no limit. Under
 * AddressSanitizer, which reserves terabytes of address space for its shadow, this does
 * nothing. */
gboolean hs_sandbox_limit_memory (guint64 mib, GError **error);

/* Takes away what running a program does not need, for good: new privileges
 * (PR_SET_NO_NEW_PRIVS), the working directory (it becomes /), every file descriptor
 * but 0-2, and (where built with libseccomp) the system calls that open files or
 * sockets, start programs or signal other processes, which then fail with EPERM (a
 * kernel without seccomp filters only gets a warning). Call it once everything the
 * process needs is read. */
gboolean hs_sandbox_confine (GError **error);

G_END_DECLS
