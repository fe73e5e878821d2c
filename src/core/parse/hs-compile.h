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

/* compile()'s modes. */
typedef enum
{
  HS_COMPILE_EXEC,   /* statements; the code returns None */
  HS_COMPILE_EVAL,   /* one expression (hs_parse_eval's module); the code returns its value */
  HS_COMPILE_SINGLE, /* one interactive statement: an expression's value is printed */
} HsCompileMode;

/* Code for exec(), eval() and compile(): it runs with a namespace (HsFrame.ns) where its
 * names are stored and first looked up, as CPython's module code does (Heapscope's own
 * module code stores straight into the globals). The code is named "<module>" but is not
 * the program's module (is_module is FALSE). */
/* A module compiled a top-level statement at a time, as the parser reads them
 * (hs_parse_module_each), so that only one statement's tree is alive: the code is the one
 * hs_compile_module makes of the whole tree. */
typedef struct _HsModuleCompiler HsModuleCompiler;

HsModuleCompiler *hs_module_compiler_new (HsVM *vm, const char *source, gsize len,
                                          const char *filename);
/* Compiles the next statement (an HsStmtFunc: `compiler` is the HsModuleCompiler); the
 * statement's tree may be freed after it. */
void hs_module_compiler_add (HsStmt *stmt, gpointer compiler);
/* The module's code, or NULL with *error; `parsed` FALSE (the parser failed) drops it all,
 * warnings included. Frees the compiler. */
HsCode *hs_module_compiler_finish (HsModuleCompiler *mc, gboolean parsed, HsSyntaxError **error);

HsCode *hs_compile_namespace (HsVM *vm, HsModule *mod, const char *source, gsize len,
                              const char *filename, HsCompileMode mode, HsSyntaxError **error);

G_END_DECLS
