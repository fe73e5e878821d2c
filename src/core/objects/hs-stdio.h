/* hs-stdio.h — sys.stdin, sys.stdout, sys.stderr (see hs-stdio.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_stdio_type;
extern HsType hs_unsupported_operation_type; /* io.UnsupportedOperation */

/* A stream object: fd 0 is stdin, 1 stdout, 2 stderr. */
HsObject *hs_stdio_new (HsVM *vm, int fd);
/* sys.stdin.readline(limit): the next line with its '\n', at most `limit` characters of it
 * (limit < 0: all), "" at the end of input. input() reads through it too. */
HsObject *hs_stdin_readline (HsVM *vm, gssize limit);
/* Whether obj is the stream for fd (sys.stdout is fd 1). */
gboolean hs_stdio_is (HsObject *obj, int fd);
/* What print() without file= writes to (fd 1) when the program put another object in
 * sys.stdout (borrowed; None when it put None there), else NULL: the program's stdout. */
HsObject *hs_stdio_redirected (HsVM *vm, int fd);
void hs_stdio_runtime_init (void);

G_END_DECLS
