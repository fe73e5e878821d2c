/* hs-compile-expr.c — code generation for expressions and assignment targets: names by
 * their scope, constants, operators, displays, calls, f-strings, conditional jumps, and
 * stores, deletes and augmented assignments. Statements are in hs-compile.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "hs-compile-private.h"
#include "hs-lexer.h"
#include "hs-set.h"
#include "hs-bytes.h"
#include "hs-complex.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* ---- expressions ----------------------------------------------------------------- */

typedef enum
{
  NAME_LOAD,
  NAME_STORE,
  NAME_DEL,
} NameOp;

static void
name_op (Compiler *c, const char *written, NameOp op)
{
  static const HsOpcode fast[] = { HS_OP_LOAD_FAST, HS_OP_STORE_FAST, HS_OP_DELETE_FAST };
  static const HsOpcode deref[] = { HS_OP_LOAD_DEREF, HS_OP_STORE_DEREF, HS_OP_DELETE_DEREF };
  static const HsOpcode global[] = { HS_OP_LOAD_GLOBAL, HS_OP_STORE_GLOBAL, HS_OP_DELETE_GLOBAL };
  static const HsOpcode name[] = { HS_OP_LOAD_NAME, HS_OP_STORE_NAME, HS_OP_DELETE_NAME };
  Unit *u = c->u;
  g_autofree char *mangled = hs_mangle (u->private_name, written);
  const char *id = mangled != NULL ? mangled : written;
  HsSymScope sc = hs_scope_resolve (u->scope, id);
  if (u->kind == UNIT_MODULE)
    {
      gboolean ns = c->in_namespace && sc != HS_SYM_GLOBAL_EXPLICIT;
      hs_compile_emit (c, ns ? name[op] : global[op], hs_compile_name_index (c, id));
      return;
    }
  switch (sc)
    {
      case HS_SYM_LOCAL:
        if (u->kind == UNIT_FUNCTION)
          hs_compile_emit (c, fast[op], hs_compile_local_index (u, id));
        else
          hs_compile_emit (c, name[op], hs_compile_name_index (c, id));
        break;
      case HS_SYM_CELL:
      case HS_SYM_FREE:
        if (u->kind == UNIT_CLASS && op == NAME_LOAD)
          hs_compile_emit (c, HS_OP_LOAD_CLASSDEREF,
                           hs_compile_local_index (u, id)
                               | (guint32)hs_compile_name_index (c, id) << 12);
        else
          hs_compile_emit (c, deref[op], hs_compile_local_index (u, id));
        break;
      case HS_SYM_GLOBAL_EXPLICIT:
        hs_compile_emit (c, global[op], hs_compile_name_index (c, id));
        break;
      case HS_SYM_GLOBAL_IMPLICIT:
        hs_compile_emit (c, u->kind == UNIT_CLASS ? name[op] : global[op],
                         hs_compile_name_index (c, id));
        break;
    }
}

void
hs_compile_load_name (Compiler *c, const char *id)
{
  name_op (c, id, NAME_LOAD);
}

void
hs_compile_store_name (Compiler *c, const char *id, gboolean del)
{
  name_op (c, id, del ? NAME_DEL : NAME_STORE);
}

/* A number literal's object (new reference), or NULL after a SyntaxError. */
static HsObject *
number_literal (Compiler *c, HsExpr *e)
{
  const char *text = e->u.constant.text;
  HsConstKind kind = e->u.constant.kind;
  /* an imaginary literal's text ends in its 'j' */
  HsObject *o = kind == HS_CONST_INT
                    ? hs_int_from_literal (c->vm, text, strlen (text))
                    : hs_float_from_str (c->vm, text, strlen (text) - (kind == HS_CONST_IMAG));
  if (o != NULL && kind == HS_CONST_IMAG)
    {
      HsObject *f = o;
      o = hs_complex_new (c->vm, 0.0, hs_float_value (f));
      hs_decref (c->vm, f);
    }
  if (o == NULL)
    {
      HsObject *exc = hs_err_fetch (c->vm);
      HsObject *msg = exc != NULL ? hs_object_str (c->vm, exc) : NULL;
      hs_compile_error_at (c, "SyntaxError", e->pos, "%s",
                           msg != NULL ? hs_str_utf8 (msg) : "invalid number literal");
      hs_xdecref (c->vm, msg);
      hs_xdecref (c->vm, exc);
      hs_err_clear (c->vm);
    }
  return o;
}

/* The module's constant for a literal (borrowed), or NULL after an error. */
static HsObject *
constant_object (Compiler *c, HsExpr *e)
{
  HsObject *o;

  switch (e->u.constant.kind)
    {
      case HS_CONST_NONE:
        return hs_None;
      case HS_CONST_TRUE:
        return hs_True;
      case HS_CONST_FALSE:
        return hs_False;
      case HS_CONST_ELLIPSIS:
        return hs_Ellipsis;
      case HS_CONST_STR:
        return hs_compile_str_object (c, e->u.constant.value, e->u.constant.len);
      case HS_CONST_INT:
      case HS_CONST_FLOAT:
      case HS_CONST_IMAG:
        o = number_literal (c, e);
        return o != NULL ? hs_compile_canonical_value (c, "n", o, TRUE) : NULL;
      case HS_CONST_BYTES:
        o = hs_bytes_new (c->vm, e->u.constant.value, e->u.constant.len);
        return o != NULL ? hs_compile_canonical_value (c, "b", o, TRUE) : NULL;
    }
  return NULL;
}

/* The index of a constant made for the unit (NULL: it could not be made) or -1. */
static int
index_of (Compiler *c, HsObject *o)
{
  return o != NULL ? hs_compile_const_index (c, o) : -1;
}

int
hs_compile_constant_index (Compiler *c, HsExpr *e)
{
  return index_of (c, constant_object (c, e));
}

void
hs_compile_visit_constant (Compiler *c, HsExpr *e)
{
  int idx = index_of (c, constant_object (c, e));
  if (idx >= 0)
    hs_compile_emit (c, HS_OP_LOAD_CONST, idx);
}

/* `-` before a number literal, which CPython 3.11 folds into a constant. */
static gboolean
is_negative_number (HsExpr *e)
{
  if (e->kind != HS_EXPR_UNARYOP || e->u.unaryop.op != HS_UOP_NEG
      || e->u.unaryop.operand->kind != HS_EXPR_CONSTANT)
    return FALSE;
  HsConstKind k = e->u.unaryop.operand->u.constant.kind;
  return k == HS_CONST_INT || k == HS_CONST_FLOAT || k == HS_CONST_IMAG;
}

/* The constant for is_negative_number's `-number` (borrowed), or NULL if it could not be
 * made (then it is negated at run time). Only the folded value is a constant, as in
 * CPython, whose optimizer replaces the literal by it. */
static HsObject *
negative_constant (Compiler *c, HsExpr *e)
{
  HsObject *num = number_literal (c, e->u.unaryop.operand);
  if (num == NULL)
    return NULL;
  HsObject *neg = hs_number_unaryop (c->vm, HS_UNARY_NEG, num);
  hs_decref (c->vm, num);
  if (neg == NULL)
    {
      hs_err_clear (c->vm);
      return NULL;
    }
  return hs_compile_canonical_value (c, "n", neg, TRUE);
}

/* Whether CPython 3.11 folds the tuple display into one constant: all its items (maybe
 * none) constants (is_constant_item). */
static gboolean is_constant_tuple (Compiler *c, HsExpr *e);
static HsObject *folded_constant (Compiler *c, HsExpr *e);

/* Whether a display's item is a constant to CPython 3.11's compiler: its AST optimizer has
 * folded negative numbers, operations on constants within its limits (`10**20`, `'a' * 3`)
 * and tuples of constants. */
static gboolean
is_constant_item (Compiler *c, HsExpr *item)
{
  switch (item->kind)
    {
      case HS_EXPR_CONSTANT:
        return TRUE;
      case HS_EXPR_TUPLE:
        return is_constant_tuple (c, item);
      case HS_EXPR_UNARYOP:
      case HS_EXPR_BINOP:
        return is_negative_number (item) || folded_constant (c, item) != NULL;
      default:
        return FALSE;
    }
}

static gboolean
all_constant (Compiler *c, HsExpr **items, int n)
{
  for (int i = 0; i < n; i++)
    if (!is_constant_item (c, items[i]))
      return FALSE;
  return TRUE;
}

static gboolean
all_constant_items (Compiler *c, HsExpr *e)
{
  return all_constant (c, e->u.seq.elts.items, e->u.seq.elts.len);
}

static gboolean
is_constant_tuple (Compiler *c, HsExpr *e)
{
  return e->kind == HS_EXPR_TUPLE && all_constant_items (c, e);
}

/* The module's constant for a tuple is_constant_tuple() accepts (borrowed), its items the
 * module's constants too, so every evaluation of equal displays anywhere in the module
 * yields the same object, as in CPython; NULL if it could not be made (then the tuple is
 * built at run time). */
static HsObject *constant_tuple (Compiler *c, HsExpr *e);

/* A new tuple of constant items (each the module's constant), or NULL. */
static HsObject *
constants_tuple (Compiler *c, HsExpr **items, int n)
{
  HsObject *t = hs_tuple_new (c->vm, n);
  if (t == NULL)
    {
      hs_err_clear (c->vm);
      return NULL;
    }
  for (int i = 0; i < n; i++)
    {
      HsExpr *item = items[i];
      HsObject *o = item->kind == HS_EXPR_CONSTANT ? constant_object (c, item)
                    : is_negative_number (item)    ? negative_constant (c, item)
                    : item->kind == HS_EXPR_TUPLE  ? constant_tuple (c, item)
                                                   : folded_constant (c, item);
      if (o == NULL)
        {
          hs_decref (c->vm, t);
          return NULL;
        }
      hs_tuple_set_take (t, i, hs_incref (o));
    }
  return t;
}

/* A new tuple of a display's constant items, or NULL. */
static HsObject *
items_tuple (Compiler *c, HsExpr *e)
{
  return constants_tuple (c, e->u.seq.elts.items, e->u.seq.elts.len);
}

static HsObject *
constant_tuple (Compiler *c, HsExpr *e)
{
  HsObject *t = items_tuple (c, e);
  return t != NULL ? hs_compile_canonical_value (c, "t", t, TRUE) : NULL;
}

/* Whether the program's text has the name s anywhere (a variable, an attribute, a keyword):
 * CPython's parser interns every name before the compiler runs. */
static gboolean
is_program_name (Compiler *c, const char *s)
{
  if (c->program_names == NULL)
    {
      HsTokenStream ts;
      c->program_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      hs_lexer_start (c->source, c->len, &ts);
      for (int i = 0;; i++)
        {
          HsToken *t = hs_lexer_token (&ts, i);
          if (t->kind == HS_T_ENDMARKER || t->kind == HS_T_ERROR)
            break;
          if (t->kind == HS_T_NAME)
            g_hash_table_add (c->program_names, g_strndup (t->start, t->end - t->start));
          if ((i & (HS_TOKEN_BLOCK - 1)) == 0)
            hs_lexer_discard (&ts, i);
        }
      hs_lexer_stream_clear (&ts);
    }
  return g_hash_table_contains (c->program_names, s);
}

/* Whether CPython 3.11's intern_string_constants swaps a str of the frozenset for another
 * object, equal and interned before: an identifier-like str that the runtime interned at
 * start-up or the parser as a name of the program. It then makes the frozenset once more,
 * from the tuple of its order. */
static gboolean
interning_remakes (Compiler *c, HsObject *fs)
{
  gsize pos = 0;
  HsObject *o;

  while (hs_set_next (fs, &pos, &o))
    {
      const char *s = HS_IS (o, &hs_str_type) ? hs_str_utf8 (o) : NULL;
      gsize len = s != NULL ? hs_str_byte_len (o) : 0;

      if (s != NULL && hs_str_is_intern_candidate (s, len)
          && (hs_str_interned_by_runtime (s, len) || is_program_name (c, s)))
        return TRUE;
    }
  return FALSE;
}

/* {1, 2, 3}: CPython 3.11's compiler makes a set display of more than two constants a
 * frozenset constant that the new set is updated from (starunpack_helper), which decides
 * the set's table size and so the order it iterates in. The frozenset is made twice, the
 * second time from the first one's order, as merge_consts_recursive remakes it, and a third
 * time when interning swaps one of its strs (interning_remakes: `{3.5, 1, 'x', (1, 2)}`
 * iterates as `{1, (1, 2), 3.5, 'x'}`). NULL when it cannot be made. */
static HsObject *
constant_frozenset (Compiler *c, HsExpr *e)
{
  HsObject *fs = items_tuple (c, e);
  for (int pass = 0; fs != NULL && (pass < 2 || (pass == 2 && interning_remakes (c, fs))); pass++)
    {
      HsObject *t = pass == 0 ? fs : hs_tuple_from_iterable (c->vm, fs);
      HsObject *next = t != NULL ? hs_frozenset_from_iterable (c->vm, t) : NULL;
      if (t != fs)
        hs_xdecref (c->vm, t);
      hs_decref (c->vm, fs);
      fs = next;
    }
  if (fs == NULL)
    {
      hs_err_clear (c->vm);
      return NULL;
    }
  return hs_compile_canonical_value (c, "f", fs, TRUE);
}

static HsBinOp
binop_map (HsAstBinOp op)
{
  switch (op)
    {
      case HS_OP_ADD:
        return HS_BIN_ADD;
      case HS_OP_SUB:
        return HS_BIN_SUB;
      case HS_OP_MUL:
        return HS_BIN_MUL;
      case HS_OP_DIV:
        return HS_BIN_TRUEDIV;
      case HS_OP_FLOORDIV:
        return HS_BIN_FLOORDIV;
      case HS_OP_MOD:
        return HS_BIN_MOD;
      case HS_OP_POW:
        return HS_BIN_POW;
      case HS_OP_LSHIFT:
        return HS_BIN_LSHIFT;
      case HS_OP_RSHIFT:
        return HS_BIN_RSHIFT;
      case HS_OP_BITOR:
        return HS_BIN_OR;
      case HS_OP_BITXOR:
        return HS_BIN_XOR;
      case HS_OP_BITAND:
        return HS_BIN_AND;
      case HS_OP_MATMUL:
      default:
        return HS_BIN_MATMUL;
    }
}

/* ---- constant folding, as CPython 3.11's AST optimizer (Python/ast_opt.c) ----------- */

/* Its limits: what would make a constant too large is left to run time. */
#define FOLD_MAX_INT_BITS 128
#define FOLD_MAX_COLLECTION 256
#define FOLD_MAX_STR 4096

static gboolean
is_foldable (HsExpr *e)
{
  switch (e->kind)
    {
      case HS_EXPR_CONSTANT:
        return TRUE;
      case HS_EXPR_TUPLE:
        return TRUE; /* folded when its items are: fold_value's constant_tuple */
      case HS_EXPR_UNARYOP:
        return is_foldable (e->u.unaryop.operand);
      case HS_EXPR_BINOP:
        return e->u.binop.op != HS_OP_MATMUL && is_foldable (e->u.binop.left)
               && is_foldable (e->u.binop.right);
      default:
        return FALSE;
    }
}

static gssize
fold_len (HsObject *o)
{
  if (HS_IS (o, &hs_tuple_type))
    return (gssize)hs_tuple_len (o);
  if (HS_IS (o, &hs_str_type))
    return (gssize)hs_str_char_len (o); /* NULs included */
  if (HS_IS (o, &hs_bytes_type))
    return (gssize)HS_BYTES (o)->len;
  return -1;
}

/* CPython's safe_multiply, safe_power, safe_lshift and safe_mod: FALSE when the result
 * would be too large (or is %-formatting), which is then left to run time. */
static gboolean
fold_is_safe (HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean ints = hs_int_check (a) && hs_int_check (b);
  gint64 n;

  switch (op)
    {
      case HS_BIN_MUL:
        if (ints)
          return hs_int_sign (a) == 0 || hs_int_sign (b) == 0
                 || hs_int_num_bits (a) + hs_int_num_bits (b) <= FOLD_MAX_INT_BITS;
        if (hs_int_check (b))
          {
            HsObject *t = a;
            a = b;
            b = t;
          }
        if (hs_int_check (a) && fold_len (b) > 0)
          return hs_int_as_i64 (a, &n) && n >= 0
                 && n <= (HS_IS (b, &hs_tuple_type) ? FOLD_MAX_COLLECTION : FOLD_MAX_STR)
                             / fold_len (b);
        return TRUE;
      case HS_BIN_POW:
        if (ints && hs_int_sign (a) != 0 && hs_int_sign (b) > 0)
          return hs_int_as_i64 (b, &n) && hs_int_num_bits (a) <= FOLD_MAX_INT_BITS / (guint64)n;
        return TRUE;
      case HS_BIN_LSHIFT:
        if (ints && hs_int_sign (a) != 0 && hs_int_sign (b) != 0)
          return hs_int_as_i64 (b, &n) && n >= 0 && n <= FOLD_MAX_INT_BITS
                 && hs_int_num_bits (a) <= FOLD_MAX_INT_BITS - (gsize)n;
        return TRUE;
      case HS_BIN_MOD:
        return !HS_IS (a, &hs_str_type) && !HS_IS (a, &hs_bytes_type);
      default:
        return TRUE;
    }
}

/* The value of an expression is_foldable() accepts (new reference), or NULL (no error
 * set) when CPython would not fold it. */
static HsObject *
fold_value (Compiler *c, HsExpr *e)
{
  HsObject *r = NULL;

  if (e->kind == HS_EXPR_CONSTANT)
    r = e->u.constant.kind == HS_CONST_INT || e->u.constant.kind == HS_CONST_FLOAT
            ? number_literal (c, e)
            : hs_incref (constant_object (c, e));
  else if (e->kind == HS_EXPR_TUPLE)
    r = constant_tuple (c, e) != NULL ? hs_incref (constant_tuple (c, e)) : NULL;
  else if (e->kind == HS_EXPR_UNARYOP)
    {
      HsObject *v = fold_value (c, e->u.unaryop.operand);
      if (v != NULL && e->u.unaryop.op == HS_UOP_NOT)
        {
          int truth = hs_object_truth (c->vm, v);
          r = truth < 0 ? NULL : hs_incref (hs_bool_from (!truth));
        }
      else if (v != NULL)
        r = hs_number_unaryop (c->vm,
                               e->u.unaryop.op == HS_UOP_NEG   ? HS_UNARY_NEG
                               : e->u.unaryop.op == HS_UOP_POS ? HS_UNARY_POS
                                                               : HS_UNARY_INVERT,
                               v);
      hs_xdecref (c->vm, v);
    }
  else
    {
      HsObject *a = fold_value (c, e->u.binop.left);
      HsObject *b = a != NULL ? fold_value (c, e->u.binop.right) : NULL;
      HsBinOp op = binop_map (e->u.binop.op);
      if (b != NULL && fold_is_safe (op, a, b))
        r = hs_number_binop (c->vm, op, a, b);
      hs_xdecref (c->vm, a);
      hs_xdecref (c->vm, b);
    }
  if (r == NULL && c->error == NULL)
    hs_err_clear (c->vm); /* e.g. 1 / 0: raised when it runs */
  return r;
}

/* The value CPython's optimizer folds `e` into (new reference), or NULL (no error set) when
 * it folds nothing. */
HsObject *
hs_compile_folded_value (Compiler *c, HsExpr *e)
{
  return is_foldable (e) ? fold_value (c, e) : NULL;
}

/* The module's constant CPython's optimizer folds `e` into (borrowed), or NULL (no error
 * set) when it folds nothing. */
static HsObject *
folded_constant (Compiler *c, HsExpr *e)
{
  HsObject *v = is_foldable (e) ? fold_value (c, e) : NULL;
  if (v == NULL)
    return NULL;
  if (HS_IS (v, &hs_str_type))
    {
      HsObject *s = hs_compile_str_object (c, hs_str_utf8 (v), hs_str_byte_len (v));
      hs_decref (c->vm, v);
      return s;
    }
  return hs_compile_canonical_value (c,
                                     HS_IS (v, &hs_tuple_type)   ? "t"
                                     : HS_IS (v, &hs_bytes_type) ? "b"
                                                                 : "n",
                                     v, TRUE);
}

/* The folded constant's index, or -1 when it is not folded. */
static int
folded_constant_index (Compiler *c, HsExpr *e)
{
  return index_of (c, folded_constant (c, e));
}

void
hs_compile_visit_exprs (Compiler *c, HsExprList *l)
{
  for (int i = 0; i < l->len; i++)
    hs_compile_visit_expr (c, l->items[i]);
}

static void
visit_boolop (Compiler *c, HsExpr *e)
{
  int end = hs_compile_new_label (c);
  HsExprList *v = &e->u.boolop.values;
  for (int i = 0; i < v->len - 1; i++)
    {
      hs_compile_visit_expr (c, v->items[i]);
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_emit_jump (
          c, e->u.boolop.is_and ? HS_OP_JUMP_IF_FALSE_OR_POP : HS_OP_JUMP_IF_TRUE_OR_POP, end);
    }
  hs_compile_visit_expr (c, v->items[v->len - 1]);
  hs_compile_bind_label (c, end);
}

static void
emit_compare (Compiler *c, HsAstCmpOp op)
{
  static const HsCompareOp map[]
      = { HS_CMP_EQ, HS_CMP_NE, HS_CMP_LT, HS_CMP_LE, HS_CMP_GT, HS_CMP_GE };
  switch (op)
    {
      case HS_CMPOP_IS:
      case HS_CMPOP_IS_NOT:
        hs_compile_emit (c, HS_OP_IS_OP, op == HS_CMPOP_IS_NOT);
        break;
      case HS_CMPOP_IN:
      case HS_CMPOP_NOT_IN:
        hs_compile_emit (c, HS_OP_CONTAINS_OP, op == HS_CMPOP_NOT_IN);
        break;
      default:
        hs_compile_emit (c, HS_OP_COMPARE_OP, map[op]);
        break;
    }
}

gboolean
hs_compile_has_starred (HsExprList *l)
{
  for (int i = 0; i < l->len; i++)
    if (l->items[i]->kind == HS_EXPR_STARRED)
      return TRUE;
  return FALSE;
}

/* An iterable as CPython 3.11's AST optimizer leaves it: a list display becomes a tuple
 * (a constant one when it can be), in `for`, in comprehensions and after `in`. */
void
hs_compile_fold_iterable (HsExpr *e)
{
  if (e->kind == HS_EXPR_LIST && !hs_compile_has_starred (&e->u.seq.elts))
    e->kind = HS_EXPR_TUPLE;
}

/* a < b < c: the middle operand is evaluated once and kept with DUP/ROT. */
static void
visit_compare (Compiler *c, HsExpr *e)
{
  hs_compile_check_compare (c, e);
  HsExprList *comps = &e->u.compare.comparators;
  HsCodePos whole = hs_compile_pos_plain (e->pos);
  HsAstCmpOp last = e->u.compare.ops[comps->len - 1];
  if (last == HS_CMPOP_IN || last == HS_CMPOP_NOT_IN)
    hs_compile_fold_iterable (comps->items[comps->len - 1]);
  hs_compile_visit_expr (c, e->u.compare.left);
  if (comps->len == 1)
    {
      hs_compile_visit_expr (c, comps->items[0]);
      hs_compile_set_pos (c, whole);
      emit_compare (c, e->u.compare.ops[0]);
      return;
    }
  int cleanup = hs_compile_new_label (c), end = hs_compile_new_label (c);
  for (int i = 0; i < comps->len - 1; i++)
    {
      hs_compile_visit_expr (c, comps->items[i]);
      hs_compile_set_pos (c, whole);
      hs_compile_emit (c, HS_OP_DUP_TOP, 0);
      hs_compile_emit (c, HS_OP_ROT_THREE, 0);
      emit_compare (c, e->u.compare.ops[i]);
      hs_compile_emit_jump (c, HS_OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
  hs_compile_visit_expr (c, comps->items[comps->len - 1]);
  hs_compile_set_pos (c, whole);
  emit_compare (c, e->u.compare.ops[comps->len - 1]);
  hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
  hs_compile_bind_label (c, cleanup);
  hs_compile_emit (c, HS_OP_ROT_TWO, 0);
  hs_compile_emit (c, HS_OP_POP_TOP, 0);
  hs_compile_bind_label (c, end);
}

/* Builds a list of the items, `*x` extending it (stack: ... list). */
static void
build_list_with_stars (Compiler *c, HsExprList *l, HsCodePos whole, gboolean in_call)
{
  hs_compile_set_pos (c, whole);
  hs_compile_emit (c, HS_OP_BUILD_LIST, 0);
  for (int i = 0; i < l->len; i++)
    {
      HsExpr *el = l->items[i];
      if (el->kind == HS_EXPR_STARRED)
        {
          hs_compile_visit_expr (c, el->u.starred.value);
          hs_compile_set_pos (c, whole);
          hs_compile_emit (c, HS_OP_LIST_EXTEND, 1 | (in_call ? 0x100 : 0));
        }
      else
        {
          hs_compile_visit_expr (c, el);
          hs_compile_set_pos (c, whole);
          hs_compile_emit (c, HS_OP_LIST_APPEND, 1);
        }
    }
}

/* CPython's starunpack_helper for a list or set display of more than two constants: an
 * empty one (`build`) updated (`update`) from the folded constant `idx`. */
static void
emit_from_constant (Compiler *c, HsExpr *e, HsOpcode build, int idx, HsOpcode update)
{
  hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
  hs_compile_emit (c, build, 0);
  hs_compile_emit (c, HS_OP_LOAD_CONST, (guint32)idx);
  hs_compile_emit (c, update, 1);
}

/* Displays keep at most this many items on the stack, as CPython's compiler does; it
 * decides when the items' __hash__ and __eq__ run. */
#define STACK_USE_GUIDELINE 30

/* {a, b, *c, d}: as CPython, every item is evaluated before the set is built (and any
 * item hashed) unless the display is starred or long; then the set is built before the
 * first starred item (or at once when long) and each later item added as it comes. */
static void
visit_set_display (Compiler *c, HsExpr *e)
{
  HsExprList *elts = &e->u.seq.elts;
  gboolean built = elts->len > STACK_USE_GUIDELINE;
  int folded
      = elts->len > 2 && all_constant_items (c, e) ? index_of (c, constant_frozenset (c, e)) : -1;

  if (folded >= 0)
    {
      emit_from_constant (c, e, HS_OP_BUILD_SET, folded, HS_OP_SET_UPDATE);
      return;
    }
  if (!built && !hs_compile_has_starred (elts))
    {
      hs_compile_visit_exprs (c, elts);
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_emit (c, HS_OP_BUILD_SET, elts->len);
      return;
    }
  if (built)
    {
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_emit (c, HS_OP_BUILD_SET, 0);
    }
  for (int i = 0; i < elts->len; i++)
    {
      HsExpr *el = elts->items[i];
      gboolean star = el->kind == HS_EXPR_STARRED;
      if (star && !built)
        {
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_emit (c, HS_OP_BUILD_SET, i);
          built = TRUE;
        }
      hs_compile_visit_expr (c, star ? el->u.starred.value : el);
      if (built)
        {
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_emit (c, star ? HS_OP_SET_UPDATE : HS_OP_SET_ADD, 1);
        }
    }
}

/* CPython's compiler_subdict for two or more keys that are constants (after folding): the
 * values, then the keys as one constant tuple that the compiler makes (the parse tree holds
 * only the keys' literals), then BUILD_CONST_KEY_MAP; the code holds that tuple, not each
 * key. FALSE (nothing emitted) otherwise. */
static gboolean
visit_const_key_subdict (Compiler *c, HsExpr *e, int begin, int end)
{
  HsExpr **keys = e->u.dict.keys.items + begin;
  int n = end - begin;
  HsObject *t = n > 1 && all_constant (c, keys, n) ? constants_tuple (c, keys, n) : NULL;
  if (t == NULL || (t = hs_compile_canonical_value (c, "t", t, FALSE)) == NULL)
    return FALSE;
  for (int i = begin; i < end; i++)
    hs_compile_visit_expr (c, e->u.dict.values.items[i]);
  hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_index (c, t));
  hs_compile_emit (c, HS_OP_BUILD_CONST_KEY_MAP, n);
  return TRUE;
}

/* The dict of the display's items [begin, end): all evaluated, then inserted, unless
 * there are more than the stack guideline allows; then inserted one by one. */
static void
visit_subdict (Compiler *c, HsExpr *e, int begin, int end)
{
  gboolean big = (end - begin) * 2 > STACK_USE_GUIDELINE;

  if (!big && visit_const_key_subdict (c, e, begin, end))
    return;

  if (big)
    {
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_emit (c, HS_OP_BUILD_MAP, 0);
    }
  for (int i = begin; i < end; i++)
    {
      hs_compile_visit_expr (c, e->u.dict.keys.items[i]);
      hs_compile_visit_expr (c, e->u.dict.values.items[i]);
      if (big)
        {
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_emit (c, HS_OP_MAP_ADD, 1);
        }
    }
  if (!big)
    {
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_emit (c, HS_OP_BUILD_MAP, end - begin);
    }
}

/* {k: v, **m, ...} as CPython 3.11 compiles it: runs of key: value items become dicts
 * of their own (a run ends at a `**` or after 17 items) merged into the first, which
 * reuses their hashes: so when each __hash__ and __eq__ runs matches CPython. */
static void
visit_dict_display (Compiler *c, HsExpr *e)
{
  int n = e->u.dict.keys.len, elements = 0;
  gboolean have_dict = FALSE;

  for (int i = 0; i < n; i++)
    {
      if (e->u.dict.keys.items[i] == NULL)
        {
          if (elements > 0)
            {
              visit_subdict (c, e, i - elements, i);
              if (have_dict)
                hs_compile_emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
              have_dict = TRUE;
              elements = 0;
            }
          if (!have_dict)
            {
              hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
              hs_compile_emit (c, HS_OP_BUILD_MAP, 0);
              have_dict = TRUE;
            }
          hs_compile_visit_expr (c, e->u.dict.values.items[i]);
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
        }
      else if (elements * 2 > STACK_USE_GUIDELINE)
        {
          visit_subdict (c, e, i - elements, i + 1);
          if (have_dict)
            hs_compile_emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
          have_dict = TRUE;
          elements = 0;
        }
      else
        elements++;
    }
  if (elements > 0)
    {
      visit_subdict (c, e, n - elements, n);
      if (have_dict)
        hs_compile_emit (c, HS_OP_DICT_MERGE, 1 | 0x100);
      have_dict = TRUE;
    }
  if (!have_dict)
    {
      hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      hs_compile_emit (c, HS_OP_BUILD_MAP, 0);
    }
}

/* f(*a, **k): the positional arguments as a tuple, the keywords as a dict. */
static void
visit_call_ex (Compiler *c, HsExpr *e)
{
  HsCodePos whole = hs_compile_pos_plain (e->pos);
  int nkw = e->u.call.n_keywords;
  hs_compile_visit_expr (c, e->u.call.func);
  if (e->u.call.args.len == 1 && e->u.call.args.items[0]->kind == HS_EXPR_STARRED)
    hs_compile_visit_expr (c, e->u.call.args.items[0]->u.starred.value); /* f(*a): a itself */
  else
    {
      build_list_with_stars (c, &e->u.call.args, whole, TRUE);
      hs_compile_emit (c, HS_OP_LIST_TO_TUPLE, 0);
    }
  if (nkw > 0)
    {
      hs_compile_emit (c, HS_OP_BUILD_MAP, 0);
      for (int i = 0; i < nkw; i++)
        {
          HsKeyword *k = &e->u.call.keywords[i];
          if (k->arg == NULL)
            {
              hs_compile_visit_expr (c, k->value);
              hs_compile_set_pos (c, whole);
              hs_compile_emit (c, HS_OP_DICT_MERGE, 1);
            }
          else
            {
              hs_compile_set_pos (c, whole);
              hs_compile_emit (c, HS_OP_LOAD_CONST,
                               hs_compile_const_str (c, k->arg, strlen (k->arg)));
              hs_compile_visit_expr (c, k->value);
              hs_compile_set_pos (c, whole);
              hs_compile_emit (c, HS_OP_MAP_ADD, 1 | 0x100);
            }
        }
    }
  hs_compile_set_pos (c, whole);
  hs_compile_emit (c, HS_OP_CALL_FUNCTION_EX, nkw > 0);
}

void
hs_compile_check_keywords (Compiler *c, const HsKeyword *keywords, int n)
{
  for (int i = 0; i < n; i++)
    for (int j = 0; keywords[i].arg != NULL && j < i; j++)
      if (keywords[j].arg != NULL && strcmp (keywords[i].arg, keywords[j].arg) == 0)
        {
          hs_compile_error_at (c, "SyntaxError", keywords[i].pos, "keyword argument repeated: %s",
                               keywords[i].arg);
          return;
        }
}

static void
visit_call (Compiler *c, HsExpr *e)
{
  HsExpr *func = e->u.call.func;
  HsExprList *args = &e->u.call.args;
  int nkw = e->u.call.n_keywords;
  gboolean ex = hs_compile_has_starred (args);

  hs_compile_check_caller (c, e);
  hs_compile_check_keywords (c, e->u.call.keywords, nkw);
  for (int i = 0; i < nkw; i++)
    if (e->u.call.keywords[i].arg == NULL)
      ex = TRUE;
  if (ex)
    {
      visit_call_ex (c, e);
      return;
    }
  HsCodePos whole = hs_compile_pos_plain (e->pos);
  if (func->kind == HS_EXPR_ATTRIBUTE && nkw == 0)
    {
      hs_compile_visit_expr (c, func->u.attribute.value);
      hs_compile_set_pos (c, hs_compile_pos_attr (hs_compile_pos_plain (func->pos), func));
      hs_compile_emit (c, HS_OP_LOAD_METHOD,
                       hs_compile_mangled_name_index (c, func->u.attribute.attr));
      hs_compile_visit_exprs (c, args);
      hs_compile_set_pos (c, hs_compile_pos_attr (whole, func));
      hs_compile_emit (c, HS_OP_CALL_METHOD, args->len);
      return;
    }
  hs_compile_visit_expr (c, func);
  hs_compile_visit_exprs (c, args);
  for (int i = 0; i < nkw; i++)
    hs_compile_visit_expr (c, e->u.call.keywords[i].value);
  hs_compile_set_pos (c, whole);
  if (nkw == 0)
    {
      hs_compile_emit (c, HS_OP_CALL, args->len);
      return;
    }
  hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_names_tuple (c, e->u.call.keywords, nkw));
  hs_compile_emit (c, HS_OP_CALL_KW, args->len + nkw);
}

static void
visit_comprehension_call (Compiler *c, HsExpr *e)
{
  HsCode *code = hs_compile_comprehension (c, e);
  if (code == NULL)
    return;
  hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
  hs_compile_make_closure (c, code, hs_symtable_lookup (c->st, e), 0);
  hs_compile_fold_iterable (e->u.comp.generators[0].iter);
  hs_compile_visit_expr (c, e->u.comp.generators[0].iter);
  hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
  hs_compile_emit (c, HS_OP_GET_ITER, 0);
  hs_compile_emit (c, HS_OP_CALL, 1);
}

static void
visit_slice_or_index (Compiler *c, HsExpr *s)
{
  if (s->kind != HS_EXPR_SLICE)
    {
      hs_compile_visit_expr (c, s);
      return;
    }
  HsExpr *parts[3] = { s->u.slice.lower, s->u.slice.upper, s->u.slice.step };
  int n = parts[2] != NULL ? 3 : 2;
  for (int i = 0; i < n; i++)
    {
      if (parts[i] != NULL)
        hs_compile_visit_expr (c, parts[i]);
      else
        {
          hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
          hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
        }
    }
  hs_compile_set_pos (c, hs_compile_pos_plain (s->pos));
  hs_compile_emit (c, HS_OP_BUILD_SLICE, n);
}

static void
visit_joinedstr (Compiler *c, HsExpr *e)
{
  HsExprList *parts = &e->u.seq.elts;
  int n = 0;
  for (int i = 0; i < parts->len; i++)
    {
      HsExpr *p = parts->items[i];
      if (p->kind == HS_EXPR_CONSTANT)
        {
          if (p->u.constant.len == 0)
            continue;
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_visit_constant (c, p);
        }
      else if (p->kind == HS_EXPR_FORMATTED)
        {
          hs_compile_visit_expr (c, p->u.formatted.value);
          guint32 flags = 0;
          switch (p->u.formatted.conversion)
            {
              case 's':
                flags = 1;
                break;
              case 'r':
                flags = 2;
                break;
              case 'a':
                flags = 3;
                break;
              default:
                break;
            }
          if (p->u.formatted.format_spec != NULL)
            {
              hs_compile_visit_expr (c, p->u.formatted.format_spec);
              flags |= 4;
            }
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_emit (c, HS_OP_FORMAT_VALUE, flags);
        }
      else
        hs_compile_visit_expr (c, p);
      n++;
    }
  hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
  if (n == 0)
    hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_str (c, "", 0));
  else if (n > 1 || parts->items[0]->kind != HS_EXPR_FORMATTED)
    hs_compile_emit (c, HS_OP_BUILD_STRING, n);
}

/* The AST lists | ^ & in Python's grammar order; HsBinOp in CPython's nb_ order. */

static void
visit_expr_inner (Compiler *c, HsExpr *e)
{
  switch (e->kind)
    {
      case HS_EXPR_CONSTANT:
        hs_compile_visit_constant (c, e);
        break;
      case HS_EXPR_NAME:
        if (e->u.name.ctx == HS_CTX_LOAD)
          hs_compile_load_name (c, e->u.name.id);
        break;
      case HS_EXPR_BINOP:
        {
          int idx = folded_constant_index (c, e);
          if (idx >= 0)
            {
              hs_compile_emit (c, HS_OP_LOAD_CONST, idx);
              break;
            }
        }
        hs_compile_visit_expr (c, e->u.binop.left);
        hs_compile_visit_expr (c, e->u.binop.right);
        hs_compile_set_pos (c, hs_compile_pos_expr (c, e));
        hs_compile_emit (c, HS_OP_BINARY_OP, binop_map (e->u.binop.op));
        break;
      case HS_EXPR_UNARYOP:
        {
          int idx = is_negative_number (e) ? index_of (c, negative_constant (c, e))
                                           : folded_constant_index (c, e);
          if (idx >= 0)
            {
              hs_compile_emit (c, HS_OP_LOAD_CONST, idx);
              break;
            }
        }
        hs_compile_visit_expr (c, e->u.unaryop.operand);
        hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
        if (e->u.unaryop.op == HS_UOP_NOT)
          hs_compile_emit (c, HS_OP_UNARY_NOT, 0);
        else
          hs_compile_emit (c, HS_OP_UNARY_OP,
                           e->u.unaryop.op == HS_UOP_NEG   ? HS_UNARY_NEG
                           : e->u.unaryop.op == HS_UOP_POS ? HS_UNARY_POS
                                                           : HS_UNARY_INVERT);
        break;
      case HS_EXPR_BOOLOP:
        visit_boolop (c, e);
        break;
      case HS_EXPR_COMPARE:
        visit_compare (c, e);
        break;
      case HS_EXPR_IFEXP:
        {
          int orelse = hs_compile_new_label (c), end = hs_compile_new_label (c);
          hs_compile_visit_jump_if (c, e->u.ifexp.test, orelse, FALSE);
          hs_compile_visit_expr (c, e->u.ifexp.body);
          hs_compile_emit_jump_noline (c, HS_OP_JUMP, end);
          hs_compile_bind_label (c, orelse);
          hs_compile_visit_expr (c, e->u.ifexp.orelse);
          hs_compile_bind_label (c, end);
          break;
        }
      case HS_EXPR_CALL:
        visit_call (c, e);
        break;
      case HS_EXPR_ATTRIBUTE:
        hs_compile_visit_expr (c, e->u.attribute.value);
        hs_compile_set_pos (c, hs_compile_pos_attr (hs_compile_pos_plain (e->pos), e));
        hs_compile_emit (c, HS_OP_LOAD_ATTR,
                         hs_compile_mangled_name_index (c, e->u.attribute.attr));
        break;
      case HS_EXPR_SUBSCRIPT:
        hs_compile_check_subscript (c, e);
        hs_compile_visit_expr (c, e->u.subscript.value);
        visit_slice_or_index (c, e->u.subscript.slice);
        hs_compile_set_pos (c, hs_compile_pos_expr (c, e));
        hs_compile_emit (c, HS_OP_BINARY_SUBSCR, 0);
        break;
      case HS_EXPR_LIST:
      case HS_EXPR_TUPLE:
        if (is_constant_tuple (c, e))
          {
            int idx = index_of (c, constant_tuple (c, e));
            if (idx >= 0)
              {
                hs_compile_emit (c, HS_OP_LOAD_CONST, idx);
                return;
              }
          }
        /* CPython 3.11's starunpack_helper: a list of more than two constants extends an
         * empty list from a constant tuple (so its slots are counted as CPython's), a long
         * display appends its items one by one */
        if (e->kind == HS_EXPR_LIST && e->u.seq.elts.len > 2 && all_constant_items (c, e))
          {
            int idx = index_of (c, constant_tuple (c, e));
            if (idx >= 0)
              {
                emit_from_constant (c, e, HS_OP_BUILD_LIST, idx, HS_OP_LIST_EXTEND);
                return;
              }
          }
        if (hs_compile_has_starred (&e->u.seq.elts)
            || (e->kind == HS_EXPR_LIST && e->u.seq.elts.len > STACK_USE_GUIDELINE))
          {
            build_list_with_stars (c, &e->u.seq.elts, hs_compile_pos_plain (e->pos), FALSE);
            if (e->kind == HS_EXPR_TUPLE)
              hs_compile_emit (c, HS_OP_LIST_TO_TUPLE, 0);
            return;
          }
        hs_compile_visit_exprs (c, &e->u.seq.elts);
        hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
        hs_compile_emit (c, e->kind == HS_EXPR_LIST ? HS_OP_BUILD_LIST : HS_OP_BUILD_TUPLE,
                         e->u.seq.elts.len);
        break;
      case HS_EXPR_DICT:
        visit_dict_display (c, e);
        break;
      case HS_EXPR_JOINEDSTR:
        visit_joinedstr (c, e);
        break;
      case HS_EXPR_FORMATTED:
        hs_compile_visit_expr (c, e->u.formatted.value);
        hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
        hs_compile_emit (c, HS_OP_FORMAT_VALUE, 0);
        break;
      case HS_EXPR_SLICE:
        hs_compile_unsupported (c, e->pos, N_ ("slices outside subscripts"));
        break;
      case HS_EXPR_STARRED:
        hs_compile_error_at (c, "SyntaxError", e->pos, "can't use starred expression here");
        break;
      case HS_EXPR_NAMEDEXPR:
        hs_compile_visit_expr (c, e->u.namedexpr.value);
        hs_compile_emit (c, HS_OP_DUP_TOP, 0);
        hs_compile_store_name (c, e->u.namedexpr.target->u.name.id, FALSE);
        break;
      case HS_EXPR_LAMBDA:
        {
          guint32 flags = hs_compile_visit_defaults (c, e->u.lambda.args, e->pos);
          HsCode *code = hs_compile_lambda (c, e);
          if (code == NULL)
            return;
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_make_closure (c, code, hs_symtable_lookup (c->st, e), flags);
          break;
        }
      case HS_EXPR_SET:
        visit_set_display (c, e);
        break;
      case HS_EXPR_LISTCOMP:
      case HS_EXPR_SETCOMP:
      case HS_EXPR_DICTCOMP:
      case HS_EXPR_GENEXP:
        visit_comprehension_call (c, e);
        break;
      case HS_EXPR_YIELD:
        if (e->u.yield_.value != NULL)
          hs_compile_visit_expr (c, e->u.yield_.value);
        else
          hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
        hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
        hs_compile_emit (c, HS_OP_YIELD_VALUE, 0);
        break;
      case HS_EXPR_YIELD_FROM:
        {
          int top = hs_compile_new_label (c), end = hs_compile_new_label (c);
          hs_compile_visit_expr (c, e->u.yield_.value);
          hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
          hs_compile_emit (c, HS_OP_GET_YIELD_FROM_ITER, 0);
          hs_compile_emit (c, HS_OP_LOAD_CONST, hs_compile_const_none (c));
          hs_compile_bind_label (c, top);
          hs_compile_emit_jump (c, HS_OP_SEND, end);
          hs_compile_emit (c, HS_OP_YIELD_VALUE, 0);
          /* the value sent in is SEND's next v; CPython's JUMP_BACKWARD_NO_INTERRUPT:
           * resuming gives no line event */
          hs_compile_emit_jump (c, HS_OP_JUMP, top);
          hs_compile_bind_label (c, end);
          break;
        }
    }
}

void
hs_compile_visit_expr (Compiler *c, HsExpr *e)
{
  if (c->error != NULL)
    return;
  if (hs_compile_enter_level (c))
    {
      HsCodePos old = hs_compile_set_pos (c, hs_compile_pos_plain (e->pos));
      visit_expr_inner (c, e);
      c->u->cur = old;
    }
  c->depth--;
}

/* Jumps to `label` when `test` is true (jump_if_true) or false, as CPython 3.11's
 * compiler_jump_if: `not` flips the jump, `and`/`or` jump from each operand, and a
 * comparison leaves its position current (the jump and what follows take its line). */
void
hs_compile_visit_jump_if (Compiler *c, HsExpr *test, int label, gboolean jump_if_true)
{
  if (c->error != NULL)
    return;
  if (!hs_compile_enter_level (c))
    {
      c->depth--;
      return;
    }
  switch (test->kind)
    {
      case HS_EXPR_UNARYOP:
        if (test->u.unaryop.op != HS_UOP_NOT)
          break;
        hs_compile_visit_jump_if (c, test->u.unaryop.operand, label, !jump_if_true);
        c->depth--;
        return;
      case HS_EXPR_BOOLOP:
        {
          HsExprList *v = &test->u.boolop.values;
          gboolean is_or = !test->u.boolop.is_and;
          int next = is_or != jump_if_true ? hs_compile_new_label (c) : label;
          for (int i = 0; i < v->len - 1; i++)
            hs_compile_visit_jump_if (c, v->items[i], next, is_or);
          hs_compile_visit_jump_if (c, v->items[v->len - 1], label, jump_if_true);
          if (next != label)
            hs_compile_bind_label (c, next);
          c->depth--;
          return;
        }
      case HS_EXPR_COMPARE:
        hs_compile_set_pos (c, hs_compile_pos_plain (test->pos));
        break;
      default:
        break;
    }
  hs_compile_visit_expr (c, test);
  hs_compile_emit_jump (c, jump_if_true ? HS_OP_POP_JUMP_IF_TRUE : HS_OP_POP_JUMP_IF_FALSE, label);
  c->depth--;
}

/* ---- assignment targets ---------------------------------------------------------- */

/* A name, attribute or subscript target, stored into or deleted: TRUE if t was one. */
static gboolean
visit_simple_target (Compiler *c, HsExpr *t, gboolean del)
{
  switch (t->kind)
    {
      case HS_EXPR_NAME:
        hs_compile_store_name (c, t->u.name.id, del);
        return TRUE;
      case HS_EXPR_ATTRIBUTE:
        hs_compile_visit_expr (c, t->u.attribute.value);
        hs_compile_set_pos (c, hs_compile_pos_attr (hs_compile_pos_plain (t->pos), t));
        hs_compile_emit (c, del ? HS_OP_DELETE_ATTR : HS_OP_STORE_ATTR,
                         hs_compile_mangled_name_index (c, t->u.attribute.attr));
        return TRUE;
      case HS_EXPR_SUBSCRIPT:
        hs_compile_visit_expr (c, t->u.subscript.value);
        visit_slice_or_index (c, t->u.subscript.slice);
        hs_compile_set_pos (c, hs_compile_pos_expr (c, t));
        hs_compile_emit (c, del ? HS_OP_DELETE_SUBSCR : HS_OP_STORE_SUBSCR, 0);
        return TRUE;
      default:
        return FALSE;
    }
}

void
hs_compile_visit_store (Compiler *c, HsExpr *t)
{
  if (c->error != NULL)
    return;
  HsCodePos old = hs_compile_set_pos (c, hs_compile_pos_plain (t->pos));
  if (visit_simple_target (c, t, FALSE))
    {
      c->u->cur = old;
      return;
    }
  switch (t->kind)
    {
      case HS_EXPR_TUPLE:
      case HS_EXPR_LIST:
        {
          int star = -1, n = t->u.seq.elts.len;
          for (int i = 0; i < n; i++)
            if (t->u.seq.elts.items[i]->kind == HS_EXPR_STARRED)
              {
                if (star >= 0)
                  {
                    hs_compile_error_at (c, "SyntaxError", t->pos,
                                         "multiple starred expressions in assignment");
                    break;
                  }
                star = i;
              }
          if (star < 0)
            hs_compile_emit (c, HS_OP_UNPACK_SEQUENCE, n);
          else
            hs_compile_emit (c, HS_OP_UNPACK_EX, star | ((n - star - 1) << 12));
          for (int i = 0; i < n; i++)
            {
              HsExpr *el = t->u.seq.elts.items[i];
              hs_compile_visit_store (c, el->kind == HS_EXPR_STARRED ? el->u.starred.value : el);
            }
          break;
        }
      default:
        hs_compile_error_at (c, "SyntaxError", t->pos, "cannot assign to expression");
        break;
    }
  c->u->cur = old;
}

void
hs_compile_visit_delete (Compiler *c, HsExpr *t)
{
  if (c->error != NULL)
    return;
  HsCodePos old = hs_compile_set_pos (c, hs_compile_pos_plain (t->pos));
  if (visit_simple_target (c, t, TRUE))
    {
      c->u->cur = old;
      return;
    }
  switch (t->kind)
    {
      case HS_EXPR_TUPLE:
      case HS_EXPR_LIST:
        for (int i = 0; i < t->u.seq.elts.len; i++)
          hs_compile_visit_delete (c, t->u.seq.elts.items[i]);
        break;
      default:
        hs_compile_error_at (c, "SyntaxError", t->pos, "cannot delete expression");
        break;
    }
  c->u->cur = old;
}

void
hs_compile_visit_augassign (Compiler *c, HsStmt *s)
{
  HsExpr *t = s->u.augassign.target;
  HsCodePos whole = hs_compile_pos_plain (s->pos);
  switch (t->kind)
    {
      case HS_EXPR_NAME:
        hs_compile_set_pos (c, hs_compile_pos_plain (t->pos));
        hs_compile_load_name (c, t->u.name.id);
        hs_compile_visit_expr (c, s->u.augassign.value);
        hs_compile_set_pos (c, whole);
        hs_compile_emit (c, HS_OP_INPLACE_OP, binop_map (s->u.augassign.op));
        hs_compile_set_pos (c, hs_compile_pos_plain (t->pos));
        hs_compile_store_name (c, t->u.name.id, FALSE);
        break;
      case HS_EXPR_ATTRIBUTE:
        hs_compile_visit_expr (c, t->u.attribute.value);
        hs_compile_set_pos (c, hs_compile_pos_plain (t->pos));
        hs_compile_emit (c, HS_OP_DUP_TOP, 0);
        hs_compile_emit (c, HS_OP_LOAD_ATTR,
                         hs_compile_mangled_name_index (c, t->u.attribute.attr));
        hs_compile_visit_expr (c, s->u.augassign.value);
        hs_compile_set_pos (c, whole);
        hs_compile_emit (c, HS_OP_INPLACE_OP, binop_map (s->u.augassign.op));
        hs_compile_set_pos (c, hs_compile_pos_plain (t->pos));
        hs_compile_emit (c, HS_OP_ROT_TWO, 0);
        hs_compile_emit (c, HS_OP_STORE_ATTR,
                         hs_compile_mangled_name_index (c, t->u.attribute.attr));
        break;
      case HS_EXPR_SUBSCRIPT:
        hs_compile_visit_expr (c, t->u.subscript.value);
        visit_slice_or_index (c, t->u.subscript.slice);
        hs_compile_set_pos (c, hs_compile_pos_expr (c, t));
        hs_compile_emit (c, HS_OP_DUP_TOP_TWO, 0);
        hs_compile_emit (c, HS_OP_BINARY_SUBSCR, 0);
        hs_compile_visit_expr (c, s->u.augassign.value);
        hs_compile_set_pos (c, whole);
        hs_compile_emit (c, HS_OP_INPLACE_OP, binop_map (s->u.augassign.op));
        hs_compile_set_pos (c, hs_compile_pos_expr (c, t));
        hs_compile_emit (c, HS_OP_ROT_THREE, 0);
        hs_compile_emit (c, HS_OP_STORE_SUBSCR, 0);
        break;
      default:
        hs_compile_error_at (c, "SyntaxError", t->pos,
                             "'%s' is an illegal expression for augmented assignment",
                             t->kind == HS_EXPR_TUPLE  ? "tuple"
                             : t->kind == HS_EXPR_LIST ? "list"
                                                       : "expression");
        break;
    }
}
