/* hs-vm.h — the runtime's public face for hosts (the CLI, the trace engine, tests).
 *
 * One HsVM is one independent interpreter: no global mutable state is shared between
 * VMs except process-wide immortal objects (hs_runtime_init). A VM runs on one thread;
 * hs_vm_cancel may be called from any thread and is honoured between steps.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 max_line_steps;    /* 0: no limit; CLI `run` default 100,000,000 */
  int recursion_limit;      /* default 1000, like CPython */
  gsize heap_limit_bytes;   /* default 512 MiB: beyond it MemoryError */
  gsize output_limit_bytes; /* default 10 MiB of stdout: beyond it the run stops */
} HsVMConfig;

void hs_vm_config_init (HsVMConfig *config); /* fills the defaults */

typedef enum
{
  HS_RUN_OK,           /* the program ended normally */
  HS_RUN_EXCEPTION,    /* uncaught exception (incl. SyntaxError): see hs_vm_format_error */
  HS_RUN_STEP_LIMIT,   /* stopped at the step limit */
  HS_RUN_CANCELLED,    /* hs_vm_cancel was called */
  HS_RUN_OUTPUT_LIMIT, /* stopped: the program printed more than the output cap */
} HsRunResult;

typedef void (*HsOutputFn) (const char *text, gsize len, gpointer user_data);
/* One line of standard input, as sys.stdin.readline() returns it: newly allocated, with
 * its trailing '\n' when it has one (only the last line of the input may lack it), its
 * byte length in *len; NULL at the end of input (input() then raises EOFError). input()
 * and sys.stdin read through it. */
typedef char *(*HsInputFn) (gsize *len, gpointer user_data);

HsVM *hs_vm_new (const HsVMConfig *config); /* NULL config: defaults */
void hs_vm_free (HsVM *vm);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsVM, hs_vm_free)

void hs_vm_set_output (HsVM *vm, HsOutputFn fn, gpointer user_data);
/* Where the run writes what CPython writes on stderr while a program runs (the report
 * of an exception a __del__ raised: "Exception ignored in: ..."); without one, dropped. */
void hs_vm_set_error_output (HsVM *vm, HsOutputFn fn, gpointer user_data);
/* Where input() reads; without one, input() is at the end of input (EOFError), as
 * CPython with its stdin closed. */
void hs_vm_set_input (HsVM *vm, HsInputFn fn, gpointer user_data);
/* sys.argv: the program's path as the user named it, then its arguments (`python3 prog.py
 * a b`); without it, sys.argv is [the filename hs_vm_run_source was given]. Copied. */
void hs_vm_set_argv (HsVM *vm, int argc, const char *const *argv);

/* Compiles and runs a whole program as module __main__. `filename` is what tracebacks
 * print (the CLI passes the absolute path, as CPython does). */
HsRunResult hs_vm_run_source (HsVM *vm, const char *source, gsize len, const char *filename);
/* The same with the source handed over (g_malloc'd): it is freed as soon as the text to
 * run is made from it, so that a large source is not kept twice while the program runs. */
HsRunResult hs_vm_run_source_take (HsVM *vm, char *source, gsize len, const char *filename);
/* The same with the source lent: the caller keeps it, unchanged and followed by a NUL byte,
 * until the VM runs again or is freed (the trace recorder keeps the program's text as long
 * as its trace). Valid UTF-8 without a byte-order mark or a carriage return (what a program
 * usually is) then runs from where it is, not from a prepared copy: a 50 MB program is held
 * once. Other text is prepared as hs_vm_run_source prepares it. */
HsRunResult hs_vm_run_source_lent (HsVM *vm, const char *source, gsize len, const char *filename);

/* The text CPython prints on stderr for the uncaught exception of the last run
 * ("Traceback (most recent call last):\n  File ...\nTypeError: ...\n"), or for a limit
 * ("... StepLimitError"-style line). Newly allocated. */
char *hs_vm_format_error (HsVM *vm);

/* A SyntaxWarning the compiler gave for the program, such as `x is 1000`'s
 * "\"is\" with a literal. Did you mean \"==\"?" (also written on the run's stderr). */
typedef struct
{
  int lineno;
  char *message;
} HsVMWarning;

/* Appends a SyntaxWarning as CPython's warnings module prints it on stderr:
 * "FILE:LINE: SyntaxWarning: MESSAGE" and, when `line` (the source line) is given, the line
 * stripped and indented. */
void hs_format_syntax_warning (GString *out, const char *filename, int lineno, const char *message,
                               const char *line);

/* The last hs_vm_run_source's compile-time warnings, in source order (n_warnings set). */
const HsVMWarning *hs_vm_get_warnings (HsVM *vm, guint *n_warnings);

/* The exit status CPython would give the last run: 0 when it ended normally, the code of
 * an uncaught SystemExit (exit(), sys.exit(): None is 0, a message is 1), else 1. A
 * SystemExit prints no traceback: hs_vm_format_error gives only its message, if any. */
int hs_vm_exit_status (HsVM *vm, HsRunResult result);

/* CPython's shutdown after the program, as far as the program can see it: every
 * generator still suspended is closed, in the order they were made, so its finally blocks
 * run. For `run` (a trace ends with the program, as Python Tutor's). Nothing after a
 * stopped run. */
void hs_vm_finalize (HsVM *vm, HsRunResult result);

/* Thread-safe: asks the running VM to stop at the next step boundary. */
void hs_vm_cancel (HsVM *vm);

G_END_DECLS
