/* hs-error.h — raising and inspecting the VM's current exception.
 *
 * Invariant: a function that fails sets exactly one current exception on the VM and
 * returns NULL (pointers) or -1 (ints); its caller either handles it (hs_err_clear) or
 * passes the failure up. The built-in exception classes are static types forming
 * CPython's hierarchy; their messages follow CPython 3.11 word for word.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

#define HS_FOREACH_BUILTIN_EXCEPTION(X)                                                            \
  X (BaseException, object)                                                                        \
  X (Exception, BaseException)                                                                     \
  X (BaseExceptionGroup, Exception) /* see hs-exception-group.c */                                 \
  X (ExceptionGroup, BaseExceptionGroup)                                                           \
  X (SystemExit, BaseException)                                                                    \
  X (KeyboardInterrupt, BaseException)                                                             \
  X (GeneratorExit, BaseException)                                                                 \
  X (StopIteration, Exception)                                                                     \
  X (ArithmeticError, Exception)                                                                   \
  X (ZeroDivisionError, ArithmeticError)                                                           \
  X (OverflowError, ArithmeticError)                                                               \
  X (AssertionError, Exception)                                                                    \
  X (AttributeError, Exception)                                                                    \
  X (ImportError, Exception)                                                                       \
  X (ModuleNotFoundError, ImportError)                                                             \
  X (LookupError, Exception)                                                                       \
  X (IndexError, LookupError)                                                                      \
  X (KeyError, LookupError)                                                                        \
  X (MemoryError, Exception)                                                                       \
  X (NameError, Exception)                                                                         \
  X (UnboundLocalError, NameError)                                                                 \
  X (RuntimeError, Exception)                                                                      \
  X (NotImplementedError, RuntimeError)                                                            \
  X (RecursionError, RuntimeError)                                                                 \
  X (SyntaxError, Exception)                                                                       \
  X (IndentationError, SyntaxError)                                                                \
  X (TabError, IndentationError)                                                                   \
  X (TypeError, Exception)                                                                         \
  X (ValueError, Exception)                                                                        \
  X (UnicodeError, ValueError)                                                                     \
  X (UnicodeEncodeError, UnicodeError)                                                             \
  X (UnicodeDecodeError, UnicodeError)                                                             \
  X (OSError, Exception)                                                                           \
  X (BlockingIOError, OSError)                                                                     \
  X (ChildProcessError, OSError)                                                                   \
  X (ConnectionError, OSError)                                                                     \
  X (BrokenPipeError, ConnectionError)                                                             \
  X (ConnectionAbortedError, ConnectionError)                                                      \
  X (ConnectionRefusedError, ConnectionError)                                                      \
  X (ConnectionResetError, ConnectionError)                                                        \
  X (FileExistsError, OSError)                                                                     \
  X (FileNotFoundError, OSError)                                                                   \
  X (InterruptedError, OSError)                                                                    \
  X (IsADirectoryError, OSError)                                                                   \
  X (NotADirectoryError, OSError)                                                                  \
  X (PermissionError, OSError)                                                                     \
  X (ProcessLookupError, OSError)                                                                  \
  X (TimeoutError, OSError)                                                                        \
  X (EOFError, Exception)                                                                          \
  X (BufferError, Exception)                                                                       \
  X (FloatingPointError, ArithmeticError)                                                          \
  X (ReferenceError, Exception)                                                                    \
  X (SystemError, Exception)                                                                       \
  X (StopAsyncIteration, Exception)                                                                \
  X (Warning, Exception)                                                                           \
  X (UserWarning, Warning)                                                                         \
  X (DeprecationWarning, Warning)                                                                  \
  X (PendingDeprecationWarning, Warning)                                                           \
  X (SyntaxWarning, Warning)                                                                       \
  X (RuntimeWarning, Warning)                                                                      \
  X (FutureWarning, Warning)                                                                       \
  X (ImportWarning, Warning)                                                                       \
  X (UnicodeWarning, Warning)                                                                      \
  X (BytesWarning, Warning)                                                                        \
  X (ResourceWarning, Warning)                                                                     \
  X (EncodingWarning, Warning)

#define HS_DECLARE_EXC(name, base) extern HsType hs_exc_##name;
HS_FOREACH_BUILTIN_EXCEPTION (HS_DECLARE_EXC)
#undef HS_DECLARE_EXC

/* Raise: the exception becomes the VM's current one (replacing none: it is a bug to
 * raise while one is set, except through hs_err_set_object which chains context). */
void hs_err_format (HsVM *vm, HsType *exc_type, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
void hs_err_set_string (HsVM *vm, HsType *exc_type, const char *msg);
void hs_err_set_object (HsVM *vm, HsObject *exc); /* borrows; exc is an exception instance */
void hs_err_set_key (HsVM *vm, HsObject *key);    /* KeyError(key) */
/* Raises type(arg), or type() when arg is NULL. */
void hs_err_set_value (HsVM *vm, HsType *type, HsObject *arg);
void hs_err_no_memory (HsVM *vm); /* MemoryError without allocating */

gboolean hs_err_occurred (HsVM *vm);
gboolean hs_err_matches (HsVM *vm, const HsType *exc_type); /* current is an instance of */
HsObject *hs_err_fetch (HsVM *vm); /* takes the current exception (new ref), clears it */
void hs_err_clear (HsVM *vm);

/* "TypeError: can only concatenate str (not \"int\") to str"-style helpers. */
HsObject *hs_err_unsupported_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);

G_END_DECLS
