/* hs-compile-warn.c — the SyntaxWarnings of CPython 3.11's compiler (check_compare,
 * check_caller, check_subscripter, check_index and the parenthesised assert), for code
 * that can only fail or works by accident: `x is 1000`, `[1, 2] [0]` missing a comma,
 * `assert (x, "message")`. Each warning names what CPython's infer_type() sees at compile
 * time: a constant after folding, or the kind of a display.
 *
 * Invariant: a check never changes what is compiled and never fails the compile.
 */
#include "config.h"

#include "hs-bytes.h"
#include "hs-compile-private.h"
#include "hs-complex.h"
#include "hs-int.h"
#include "hs-set.h"

/* The type CPython's infer_type() gives `e`, or NULL; `constant` is set to the folded
 * value when there is one (a new reference), else NULL. */
static const char *
infer_type (Compiler *c, HsExpr *e, HsObject **constant)
{
  *constant = hs_compile_folded_value (c, e);
  if (*constant != NULL)
    return HS_TYPE (*constant)->name;
  switch (e->kind)
    {
      case HS_EXPR_TUPLE:
        return "tuple";
      case HS_EXPR_LIST:
      case HS_EXPR_LISTCOMP:
        return "list";
      case HS_EXPR_DICT:
      case HS_EXPR_DICTCOMP:
        return "dict";
      case HS_EXPR_SET:
      case HS_EXPR_SETCOMP:
        return "set";
      case HS_EXPR_GENEXP:
        return "generator";
      case HS_EXPR_LAMBDA:
        return "function";
      case HS_EXPR_JOINEDSTR:
      case HS_EXPR_FORMATTED:
        return "str";
      default:
        return NULL;
    }
}

static void warn (Compiler *c, HsExpr *at, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
warn (Compiler *c, HsExpr *at, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  hs_compile_warn (c, at->pos.lineno, message);
}

/* A folded constant other than the named singletons None, True, False and `...`. */
static gboolean
is_literal (Compiler *c, HsExpr *e)
{
  HsObject *v = hs_compile_folded_value (c, e);
  gboolean literal = v != NULL && v != hs_None && v != hs_True && v != hs_False && v != hs_Ellipsis;

  hs_xdecref (c->vm, v);
  return literal;
}

/* `is` with a literal: once for the first such operator of a chain. */
void
hs_compile_check_compare (Compiler *c, HsExpr *e)
{
  HsExprList *comps = &e->u.compare.comparators;
  gboolean left = is_literal (c, e->u.compare.left);

  for (int i = 0; i < comps->len; i++)
    {
      HsAstCmpOp op = e->u.compare.ops[i];
      gboolean right = is_literal (c, comps->items[i]);

      if ((op == HS_CMPOP_IS || op == HS_CMPOP_IS_NOT) && (left || right))
        {
          warn (c, e, "%s",
                op == HS_CMPOP_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                  : "\"is not\" with a literal. Did you mean \"!=\"?");
          return;
        }
      left = right;
    }
}

/* `[1, 2] (3)`: a display or a constant called. */
void
hs_compile_check_caller (Compiler *c, HsExpr *e)
{
  HsExpr *func = e->u.call.func;
  HsObject *constant;
  const char *type = infer_type (c, func, &constant);

  if (type != NULL && func->kind != HS_EXPR_LAMBDA)
    warn (c, e, "'%s' object is not callable; perhaps you missed a comma?", type);
  hs_xdecref (c->vm, constant);
}

/* `5 [0]`, `["a"] ["b"]`: what cannot be subscripted at all, then an index of a type the
 * sequence never accepts. */
void
hs_compile_check_subscript (Compiler *c, HsExpr *e)
{
  HsObject *constant, *index_constant;
  const char *type = infer_type (c, e->u.subscript.value, &constant);
  const char *index_type = NULL;
  gboolean unsubscriptable, sequence;

  if (constant != NULL)
    {
      unsubscriptable = constant == hs_None || constant == hs_Ellipsis || hs_int_check (constant)
                        || HS_ISINSTANCE (constant, &hs_float_type) || hs_complex_check (constant)
                        || hs_anyset_check (constant);
      sequence = HS_ISINSTANCE (constant, &hs_str_type) || HS_ISINSTANCE (constant, &hs_bytes_type)
                 || HS_ISINSTANCE (constant, &hs_tuple_type);
    }
  else
    {
      HsExprKind k = e->u.subscript.value->kind;

      unsubscriptable
          = k == HS_EXPR_SET || k == HS_EXPR_SETCOMP || k == HS_EXPR_GENEXP || k == HS_EXPR_LAMBDA;
      sequence = k == HS_EXPR_TUPLE || k == HS_EXPR_LIST || k == HS_EXPR_LISTCOMP
                 || k == HS_EXPR_JOINEDSTR || k == HS_EXPR_FORMATTED;
    }
  if (unsubscriptable)
    warn (c, e, "'%s' object is not subscriptable; perhaps you missed a comma?", type);
  else if (sequence)
    {
      index_type = infer_type (c, e->u.subscript.slice, &index_constant);
      if (index_type != NULL && !(index_constant != NULL && hs_int_check (index_constant)))
        warn (c, e, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
              type, index_type);
      hs_xdecref (c->vm, index_constant);
    }
  hs_xdecref (c->vm, constant);
}

/* `assert (test, "message")` tests a non-empty tuple: always true. */
void
hs_compile_check_assert (Compiler *c, HsStmt *s)
{
  HsExpr *test = s->u.assert_.test;

  if (test->kind == HS_EXPR_TUPLE && test->u.seq.elts.len > 0)
    hs_compile_warn (c, s->pos.lineno, "assertion is always true, perhaps remove parentheses?");
}
