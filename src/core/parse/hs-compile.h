/* hs-compile.h — the compiler: AST → code objects.
 *
 * Invariant: the compiler either returns a complete, assembled code object tree or
 * NULL with one HsSyntaxError describing the first problem (a SyntaxError such as
 * "'return' outside function", or a NotImplementedError naming a construct outside
 * Heapscope's subset and its line). It never runs Python code.
 */
#pragma once

#include "hs-ast.h"
#include "hs-code.h"

G_BEGIN_DECLS

HsCode *hs_compile_module (HsVM *vm, HsModule *mod, const char *source, gsize len,
                           const char *filename, HsSyntaxError **error);

G_END_DECLS
