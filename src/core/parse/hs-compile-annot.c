/* hs-compile-annot.c — annotations: `__annotations__` of modules and classes, and
 * `from __future__ import ...` (PEP 563's string annotations).
 *
 * Invariant: as CPython 3.11's compiler, a module or class body that has an annotated
 * assignment anywhere in its statements (not in nested defs or classes) starts by making
 * its `__annotations__` dict; `x: T = v` stores v first, then T (evaluated, or under
 * `from __future__ import annotations` the string ast.unparse gives) under 'x'. In a
 * function, and for targets that are not plain names, only what CPython evaluates is
 * evaluated. Future imports are read before compiling: only at the top of the module
 * (after the docstring), only the features CPython knows.
 */
#include "config.h"

#include <string.h>

#include "hs-compile-private.h"

/* ---- finding annotations ------------------------------------------------------------- */

static gboolean find_ann_in (HsStmtList *body);

static gboolean
find_ann (HsStmt *s)
{
  switch (s->kind)
    {
      case HS_STMT_ANNASSIGN:
        return TRUE;
      case HS_STMT_FOR:
        return find_ann_in (&s->u.for_.body) || find_ann_in (&s->u.for_.orelse);
      case HS_STMT_WHILE:
        return find_ann_in (&s->u.while_.body) || find_ann_in (&s->u.while_.orelse);
      case HS_STMT_IF:
        return find_ann_in (&s->u.if_.body) || find_ann_in (&s->u.if_.orelse);
      case HS_STMT_WITH:
        return find_ann_in (&s->u.with_.body);
      case HS_STMT_MATCH:
        for (int i = 0; i < s->u.match.n_cases; i++)
          if (find_ann_in (&s->u.match.cases[i].body))
            return TRUE;
        return FALSE;
      case HS_STMT_TRY:
        for (int i = 0; i < s->u.try_.n_handlers; i++)
          if (find_ann_in (&s->u.try_.handlers[i].body))
            return TRUE;
        return find_ann_in (&s->u.try_.body) || find_ann_in (&s->u.try_.orelse)
               || find_ann_in (&s->u.try_.finalbody);
      default:
        return FALSE;
    }
}

static gboolean
find_ann_in (HsStmtList *body)
{
  for (int i = 0; i < body->len; i++)
    if (find_ann (body->items[i]))
      return TRUE;
  return FALSE;
}

gboolean
hs_compile_has_annotations (HsStmt *s)
{
  return find_ann (s);
}

void
hs_compile_setup_annotations (Compiler *c, HsStmtList *body)
{
  if (!find_ann_in (body))
    return;
  hs_compile_emit (c, HS_OP_BUILD_MAP, 0);
  hs_compile_store_name (c, "__annotations__", FALSE);
}

/* ---- ast.unparse of an annotation -------------------------------------------------- */

/* CPython's precedence levels, as far as annotations use them */
enum
{
  PR_TUPLE = 0,
  PR_BOR = 9,
  PR_ATOM = 20,
};

static void unparse (Compiler *c, GString *out, HsExpr *e, int level);

static void
unparse_seq (Compiler *c, GString *out, HsExprList *l)
{
  for (int i = 0; i < l->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      unparse (c, out, l->items[i], PR_TUPLE + 1);
    }
}

static void
unparse_inner (Compiler *c, GString *out, HsExpr *e, int level)
{
  switch (e->kind)
    {
      case HS_EXPR_NAME:
        g_string_append (out, e->u.name.id);
        return;
      case HS_EXPR_CONSTANT:
        if (e->u.constant.kind == HS_CONST_ELLIPSIS)
          g_string_append (out, "...");
        else
          hs_ast_repr_constant (out, e);
        return;
      case HS_EXPR_ATTRIBUTE:
        unparse (c, out, e->u.attribute.value, PR_ATOM);
        g_string_append_printf (out, ".%s", e->u.attribute.attr);
        return;
      case HS_EXPR_SUBSCRIPT:
        unparse (c, out, e->u.subscript.value, PR_ATOM);
        g_string_append_c (out, '[');
        if (e->u.subscript.slice->kind == HS_EXPR_TUPLE && e->u.subscript.slice->u.seq.elts.len > 0)
          unparse_seq (c, out, &e->u.subscript.slice->u.seq.elts);
        else
          unparse (c, out, e->u.subscript.slice, PR_TUPLE);
        g_string_append_c (out, ']');
        return;
      case HS_EXPR_LIST:
        g_string_append_c (out, '[');
        unparse_seq (c, out, &e->u.seq.elts);
        g_string_append_c (out, ']');
        return;
      case HS_EXPR_TUPLE:
        if (level > PR_TUPLE || e->u.seq.elts.len == 0)
          g_string_append_c (out, '(');
        unparse_seq (c, out, &e->u.seq.elts);
        if (e->u.seq.elts.len == 1)
          g_string_append_c (out, ',');
        if (level > PR_TUPLE || e->u.seq.elts.len == 0)
          g_string_append_c (out, ')');
        return;
      case HS_EXPR_BINOP:
        if (e->u.binop.op == HS_OP_BITOR)
          {
            if (level > PR_BOR)
              g_string_append_c (out, '(');
            unparse (c, out, e->u.binop.left, PR_BOR);
            g_string_append (out, " | ");
            unparse (c, out, e->u.binop.right, PR_BOR + 1);
            if (level > PR_BOR)
              g_string_append_c (out, ')');
            return;
          }
        break;
      default:
        break;
    }
  /* anything else an annotation rarely is: its source text */
  {
    gsize from = g_array_index (c->line_starts, gsize, e->pos.lineno - 1) + e->pos.col_offset;
    gsize to = g_array_index (c->line_starts, gsize, e->pos.end_lineno - 1) + e->pos.end_col_offset;
    g_string_append_len (out, c->source + from, (gssize)(to - from));
  }
}

static void
unparse (Compiler *c, GString *out, HsExpr *e, int level)
{
  if (hs_compile_enter_level (c))
    unparse_inner (c, out, e, level);
  c->depth--;
}

/* The annotation's value on the stack: the expression, or its unparsed string. */
static void
visit_annotation (Compiler *c, HsExpr *ann)
{
  if (c->future_annotations)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      unparse (c, out, ann, PR_TUPLE);
      hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_str (c, out->str, out->len));
    }
  else
    hs_compile_visit_expr (c, ann);
}

/* A def's annotations as CPython 3.11's compiler pushes them for MAKE_FUNCTION: name, value
 * pairs in one tuple (the positional parameters first, then the positional-only ones,
 * *args, the keyword-only ones, **kwargs and 'return'); FALSE when there are none. */
static void
visit_arg_annotation (Compiler *c, const HsArg *arg, int *n)
{
  if (arg == NULL || arg->annotation == NULL)
    return;
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_mangled (c, arg->name));
  visit_annotation (c, arg->annotation);
  *n += 2;
}

gboolean
hs_compile_visit_annotations (Compiler *c, HsArguments *a, HsExpr *returns, HsPos pos)
{
  HsArg ret = { (char *)"return", returns, pos };
  int n = 0;

  for (int i = 0; i < a->n_args; i++)
    visit_arg_annotation (c, &a->args[i], &n);
  for (int i = 0; i < a->n_posonly; i++)
    visit_arg_annotation (c, &a->posonlyargs[i], &n);
  visit_arg_annotation (c, a->vararg, &n);
  for (int i = 0; i < a->n_kwonly; i++)
    visit_arg_annotation (c, &a->kwonlyargs[i], &n);
  visit_arg_annotation (c, a->kwarg, &n);
  visit_arg_annotation (c, &ret, &n);
  if (n == 0)
    return FALSE;
  hs_compile_set_pos (c, hs_compile_pos_plain (pos));
  hs_compile_emit (c, HS_OP_BUILD_TUPLE, n);
  return TRUE;
}

void
hs_compile_visit_annassign (Compiler *c, HsStmt *s)
{
  HsExpr *target = s->u.annassign.target, *ann = s->u.annassign.annotation;
  gboolean evaluates = c->u->kind != UNIT_FUNCTION;

  if (s->u.annassign.value != NULL)
    {
      hs_compile_visit_expr (c, s->u.annassign.value);
      hs_compile_visit_store (c, target);
    }
  if (target->kind == HS_EXPR_NAME && s->u.annassign.simple && evaluates)
    {
      visit_annotation (c, ann);
      hs_compile_load_name (c, "__annotations__");
      hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_mangled (c, target->u.name.id));
      hs_compile_emit (c, HS_OP_STORE_SUBSCR, 0);
      return;
    }
  if (s->u.annassign.value == NULL && target->kind != HS_EXPR_NAME)
    {
      /* `obj.attr: T` and `obj[k]: T` without a value still evaluate obj (and k) */
      hs_compile_visit_expr (c, target->kind == HS_EXPR_ATTRIBUTE ? target->u.attribute.value
                                                                  : target->u.subscript.value);
      hs_compile_emit (c, HS_OP_POP_TOP, 0);
      if (target->kind == HS_EXPR_SUBSCRIPT)
        {
          hs_compile_visit_expr (c, target->u.subscript.slice);
          hs_compile_emit (c, HS_OP_POP_TOP, 0);
        }
    }
  if (evaluates && !c->future_annotations
      && !(target->kind == HS_EXPR_NAME && s->u.annassign.simple))
    {
      hs_compile_visit_expr (c, ann);
      hs_compile_emit (c, HS_OP_POP_TOP, 0);
    }
  /* a bare `x: int` in a function compiles to nothing: no line event, as CPython */
}

/* ---- from __future__ import ------------------------------------------------------------ */

static const char *const features[] = {
  "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
  "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations",
};

gboolean
hs_compile_is_future (HsStmt *s)
{
  return s->kind == HS_STMT_IMPORTFROM && s->u.import.level == 0 && s->u.import.module != NULL
         && strcmp (s->u.import.module, "__future__") == 0;
}

/* The features of a future import at the top of the module (CPython's future.c):
 * SyntaxError for an unknown one. */
void
hs_compile_read_future (Compiler *c, HsStmt *s)
{
  /* future.c gives the statement's start, not its range */
  HsPos at = { s->pos.lineno, s->pos.col_offset, s->pos.lineno, s->pos.col_offset };
  for (int k = 0; k < s->u.import.n_names; k++)
    {
      const char *name = s->u.import.names[k].name;
      gboolean known = FALSE;
      for (gsize f = 0; f < G_N_ELEMENTS (features); f++)
        known = known || strcmp (features[f], name) == 0;
      if (strcmp (name, "braces") == 0)
        hs_compile_error_at (c, "SyntaxError", at, "not a chance");
      else if (!known)
        hs_compile_error_at (c, "SyntaxError", at, "future feature %s is not defined", name);
      else if (strcmp (name, "annotations") == 0)
        c->future_annotations = TRUE;
    }
}
