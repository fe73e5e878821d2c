/* hs-exceptions.h — exception instances and their tracebacks.
 *
 * Invariant: every exception instance has `args` (a tuple, possibly the empty one);
 * `traceback` lists, innermost first, one (code, instruction) entry per frame the
 * exception has left or been raised in; `cause`/`context` are exceptions or NULL.
 * Code objects outlive exceptions (both are freed with the VM), so entries borrow them.
 */
#pragma once

#include "hs-code.h"
#include "hs-error.h"

G_BEGIN_DECLS

typedef struct
{
  HsCode *code;
  int ip;
} HsTracebackEntry;

typedef struct
{
  HsObject header;
  HsObject *args; /* tuple */
  HsObject *cause;
  HsObject *context;
  gboolean suppress_context;
  HsObject *name;    /* NameError, AttributeError: the missing name (for "Did you mean") */
  HsObject *obj;     /* AttributeError: the object that lacked it */
  GArray *traceback; /* HsTracebackEntry, innermost first; NULL when empty */
  /* `__traceback__`: the traceback objects of the first tb_len entries, outermost first,
   * made when the program first asks for them (NULL before) */
  HsObject *tb_object;
  guint tb_len;
  HsObject *filename, *filename2; /* OSError: from its third and fifth arguments, or NULL */
  HsObject *dict; /* a built-in exception's own attributes (__notes__…), or NULL; a class's
                   * instances keep theirs as every instance does */
} HsException;

#define HS_EXCEPTION(o) ((HsException *)(o))

static inline gboolean
hs_exception_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_exc_BaseException);
}

static inline gboolean
hs_exception_type_check (const HsObject *o)
{
  return o->type == &hs_type_type && hs_type_is_subtype ((const HsType *)o, &hs_exc_BaseException);
}

/* The internal exception that unwinds the stack when a run is stopped (step limit,
 * output cap, cancel): a BaseException no `except` clause may catch. */
extern HsType hs_exc_StopRun;

/* New instance of `type` with the given args (borrowed tuple; NULL: no args). */
HsObject *hs_exception_new (HsVM *vm, HsType *type, HsObject *args);
void hs_exception_add_traceback (HsObject *exc, HsCode *code, int ip);
/* After an exception's args were set: what a type makes of them (OSError's file names). */
int hs_exception_args_set (HsVM *vm, HsObject *exc);
/* Raises StopIteration carrying a generator's return value (none for None), as CPython's
 * _PyGen_SetStopIterationValue. */
void hs_err_set_stop_iteration (HsVM *vm, HsObject *value);
/* A StopIteration's `value` (borrowed): its first argument, or None. */
HsObject *hs_stop_iteration_value (HsObject *exc);
/* A SystemExit's `code` (borrowed): None without arguments, its argument, or the tuple of
 * them. */
HsObject *hs_system_exit_code (HsObject *exc);
/* After a failed attribute lookup: an AttributeError being raised learns the object and
 * the name, unless it already has them (CPython's set_attribute_error_context). */
void hs_err_set_attribute_context (HsVM *vm, HsObject *obj, HsObject *name);
/* `exc.__traceback__` (new reference): the traceback object of the outermost frame the
 * exception has reached, or None. */
HsObject *hs_exception_traceback_object (HsVM *vm, HsObject *exc);
/* A traceback object's frame (code, instruction) and its tb_next (borrowed, or NULL); FALSE
 * when tb is no traceback. */
gboolean hs_traceback_entry (HsObject *tb, HsCode **code, int *ip, HsObject **next);
/* A SyntaxError's field from its args (borrowed; None when absent): 0 msg, 1 filename,
 * 2 lineno, 3 offset, 4 text, 5 end_lineno, 6 end_offset. */
HsObject *hs_syntax_error_field (HsObject *exc, int i);
/* UnicodeEncodeError and UnicodeDecodeError (hs-unicode-error.c): whether exc is one; a
 * field of its (encoding, object, start, end, reason) args by name (borrowed; None when
 * the args are not those five, NULL for another name); its str() into *out (NULL on an error;
 * FALSE when the args are not those five); the check of its constructor's arguments (FALSE with
 * CPython's TypeError); and raising one as a codec does. */
gboolean hs_unicode_error_check (HsObject *exc);
HsObject *hs_unicode_error_field (HsObject *exc, const char *name);
gboolean hs_unicode_error_str (HsVM *vm, HsObject *exc, HsObject **out);
gboolean hs_unicode_error_check_args (HsVM *vm, HsType *type, HsObject **args, gsize nargs);
void hs_err_unicode (HsVM *vm, HsType *type, const char *encoding, HsObject *object, gsize start,
                     gsize end, const char *reason);
/* "ZeroDivisionError: division by zero" (or just the type name when str() is empty). */
char *hs_exception_format_last_line (HsVM *vm, HsObject *exc);

void hs_exceptions_runtime_init (void);

G_END_DECLS
