/* hs-symtable.h — scope analysis for the compiler (CPython's symtable.c, simplified).
 *
 * Invariant: after hs_symtable_add of a module-level statement, every function, lambda,
 * comprehension and class in it has one HsScope (found by its AST node) in which each name it
 * mentions is resolved to exactly one HsSymScope: a fast local, a cell (a local captured by an
 * inner function), a free variable (a cell of an enclosing function), an explicit or implicit
 * global, or (class bodies) a name of the class namespace. Class scopes are invisible to
 * the functions nested in them, except for the implicit `__class__` cell that zero-argument
 * super() reads. Every name is recorded mangled (hs_mangle) by the class it is written in,
 * as the compiler emits it. The module is added a statement at a time, so that a large
 * module's scopes are never all alive: only the module's own scope lasts.
 */
#pragma once

#include "hs-ast.h"

G_BEGIN_DECLS

typedef enum
{
  HS_SCOPE_MODULE,
  HS_SCOPE_FUNCTION, /* def, lambda, comprehension, generator expression */
  HS_SCOPE_CLASS,
} HsScopeKind;

typedef enum
{
  HS_SYM_GLOBAL_IMPLICIT,
  HS_SYM_GLOBAL_EXPLICIT,
  HS_SYM_LOCAL,
  HS_SYM_CELL,
  HS_SYM_FREE,
} HsSymScope;

enum
{
  HS_DEF_LOCAL = 1 << 0,
  HS_DEF_PARAM = 1 << 1,
  HS_DEF_GLOBAL = 1 << 2,
  HS_DEF_NONLOCAL = 1 << 3,
  HS_USE = 1 << 4,
  HS_DEF_COMP_ITER = 1 << 5, /* a comprehension's iteration variable (PEP 572's errors) */
};

typedef struct _HsScope HsScope;
struct _HsScope
{
  HsScopeKind kind;
  HsScope *parent;
  gconstpointer node;   /* HsStmt * or HsExpr *, NULL for the module */
  GHashTable *flags;    /* name -> HS_DEF_* | HS_USE */
  GHashTable *resolved; /* name -> HsSymScope + 1 */
  GPtrArray *names;     /* every name, first-seen order */
  GPtrArray *params;    /* parameter names in slot order */
  GPtrArray *frees;     /* free names in closure order */
  GPtrArray *children;
  gboolean is_generator;
  gboolean class_cell; /* class scope: a method uses super() or __class__ */
  HsPos nonlocal_pos;  /* the last `nonlocal` statement (for its error) */
};

typedef struct _HsSymtable HsSymtable;

/* Always returns a table; hs_symtable_error tells whether a SyntaxError was found. The
 * walk starts at `depth` and stops with a RecursionError past `max_depth` (see
 * hs_symtable_depth_limits). */
HsSymtable *hs_symtable_new (int depth, int max_depth);
/* Records and resolves the names of a module-level statement and of the scopes in it. */
void hs_symtable_add (HsSymtable *st, HsStmt *s);
/* Frees the scopes of the statements added so far (their trees are about to go): the
 * module's own scope stays. */
void hs_symtable_forget (HsSymtable *st);
const char *hs_symtable_error (HsSymtable *st, HsPos *pos); /* message or NULL */
void hs_symtable_free (HsSymtable *st);
HsScope *hs_symtable_module (HsSymtable *st);
/* CPython 3.11's symtable counts 3 levels a Python frame: it starts at 3 x the frames
 * running (0 for a program, more for compile()/exec() in a function) and raises
 * RecursionError past 3 x the recursion limit (3,000 by default). */
#define HS_SYMTABLE_FRAME_SCALE 3
gboolean hs_symtable_too_deep (HsSymtable *st);
HsScope *hs_symtable_lookup (HsSymtable *st, gconstpointer node);
HsSymScope hs_scope_resolve (HsScope *scope, const char *name);
/* CPython's _Py_Mangle: inside class `private_name` (and what is nested in it) a private
 * identifier `__spam` (not ending in `__`, not dotted) is `_Class__spam`, the class name's
 * leading underscores stripped (a name of underscores only mangles nothing). The mangled
 * name (free it), or NULL when `name` stays as it is. */
char *hs_mangle (const char *private_name, const char *name);

G_END_DECLS
