/* hs-source.h — turning a file's bytes into program text, as CPython's tokenizer does.
 *
 * Invariant: what comes out is valid UTF-8 without NUL bytes, without a byte-order mark,
 * and with every line ending ("\r\n", lone "\r") turned into "\n"; anything else is
 * refused with CPython's own SyntaxError.
 */
#pragma once

#include "hs-ast.h"

G_BEGIN_DECLS

/* Returns the prepared text (newly allocated, NUL-terminated; *out_len its length), or
 * NULL with *error set: "source code cannot contain null bytes" (with the line), or
 * "Non-UTF-8 code starting with '\xff' in file F on line N, but no encoding declared; ..."
 * (lineno 0: CPython prints that one without a location). */
char *hs_source_prepare (const char *bytes, gsize len, const char *filename, gsize *out_len,
                         HsSyntaxError **error);

G_END_DECLS
