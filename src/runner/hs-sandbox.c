/* hs-sandbox.c — see hs-sandbox.h. */
#define _GNU_SOURCE /* close_range */
#include "config.h"

#include "hs-sandbox.h"

#include <errno.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef HAVE_SECCOMP
#include <seccomp.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static gboolean
fail (GError **error, const char *what)
{
  int saved = errno;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", what,
               g_strerror (saved));
  return FALSE;
}

gboolean
hs_sandbox_limit_memory (guint64 mib, GError **error)
{
#ifndef UNDER_ASAN
  struct rlimit limit;

  if (mib == 0)
    return TRUE;
  limit.rlim_cur = limit.rlim_max = (rlim_t)mib * 1024 * 1024;
  if (setrlimit (RLIMIT_AS, &limit) != 0)
    return fail (error, "setrlimit (RLIMIT_AS)");
#endif
  return TRUE;
}

#if defined(HAVE_SECCOMP) && !defined(UNDER_ASAN)
/* Not forbidden: read/write on the descriptors already open, memory, time, exiting,
 * raising a signal at itself (abort). LeakSanitizer needs ptrace and clone, hence
 * nothing of this under ASan. */
static const int forbidden[] = {
  SCMP_SYS (open),     SCMP_SYS (openat),     SCMP_SYS (openat2),
  SCMP_SYS (creat),    SCMP_SYS (mkdir),      SCMP_SYS (mkdirat),
  SCMP_SYS (unlink),   SCMP_SYS (unlinkat),   SCMP_SYS (rename),
  SCMP_SYS (renameat), SCMP_SYS (renameat2),  SCMP_SYS (link),
  SCMP_SYS (linkat),   SCMP_SYS (symlink),    SCMP_SYS (symlinkat),
  SCMP_SYS (chmod),    SCMP_SYS (fchmodat),   SCMP_SYS (truncate),
  SCMP_SYS (socket),   SCMP_SYS (socketpair), SCMP_SYS (connect),
  SCMP_SYS (bind),     SCMP_SYS (listen),     SCMP_SYS (execve),
  SCMP_SYS (execveat), SCMP_SYS (fork),       SCMP_SYS (vfork),
  SCMP_SYS (ptrace),   SCMP_SYS (kill),       SCMP_SYS (process_vm_writev),
};

static gboolean
filter_syscalls (GError **error)
{
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ALLOW);
  int rc = ctx ? 0 : -ENOMEM;

  for (guint i = 0; rc == 0 && i < G_N_ELEMENTS (forbidden); i++)
    if (forbidden[i] >= 0) /* a call this kernel's headers do not know */
      rc = seccomp_rule_add (ctx, SCMP_ACT_ERRNO (EPERM), forbidden[i], 0);
  if (rc == 0)
    rc = seccomp_load (ctx);
  seccomp_release (ctx);
  if (rc != 0)
    {
      errno = -rc;
      return fail (error, "seccomp");
    }
  return TRUE;
}
#endif

gboolean
hs_sandbox_confine (GError **error)
{
  if (prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    return fail (error, "prctl (PR_SET_NO_NEW_PRIVS)");
  if (chdir ("/") != 0)
    return fail (error, "chdir");
  /* GSubprocess passes only 0-2, but the runner may be started by other means */
  if (close_range (3, ~0U, 0) != 0)
    for (int fd = (int)sysconf (_SC_OPEN_MAX) - 1; fd > 2; fd--)
      close (fd);
#if defined(HAVE_SECCOMP) && !defined(UNDER_ASAN)
  {
    g_autoptr (GError) filter_error = NULL;

    /* a kernel or a container without seccomp filters still runs programs: the filter
     * is a second wall, the interpreter itself opens nothing */
    if (!filter_syscalls (&filter_error))
      g_printerr ("heapscope-runner: no system call filter: %s\n", filter_error->message);
  }
#endif
  return TRUE;
}
