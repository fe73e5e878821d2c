/* hs-slot-wrapper.c — see hs-slot-wrapper.h. One row per dunder: the name, whether a type
 * fills its slot, and the C function that calls the slot with the bound object. */
#include "config.h"

#include "hs-slot-wrapper.h"

#include <string.h>

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-cpython-names.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* The type nearest to t (t or a base below object) filling the slot at `offset`. For an
 * instance of a class the search starts at its built-in part: `list.__len__(x)` is list's
 * own length even when x's class defines __len__. */
static const HsType *
slot_owner (const HsType *t, gsize offset)
{
  if (t->type_flags & HS_TYPE_HEAP)
    t = HS_CLASS (t)->static_base;
  for (; t != NULL && t != &hs_object_type; t = t->base)
    if (*(gpointer *)((const char *)t + offset) != NULL)
      return t;
  return NULL;
}

#define SLOT_FN(self, slot) (slot_owner ((self)->type, G_STRUCT_OFFSET (HsType, slot))->slot)

gboolean
hs_slot_wrapper_nargs (HsVM *vm, gsize nargs, gsize want)
{
  if (nargs == want + 1)
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError,
                 "expected %" G_GSIZE_FORMAT " argument%s, got %" G_GSIZE_FORMAT, want,
                 want == 1 ? "" : "s", nargs - 1);
  return FALSE;
}

static HsObject *
w_next (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *r;
  if (!hs_slot_wrapper_nargs (vm, nargs, 0))
    return NULL;
  r = SLOT_FN (args[0], iternext) (vm, args[0]);
  if (r == NULL && !hs_err_occurred (vm))
    hs_err_set_value (vm, &hs_exc_StopIteration, NULL);
  return r;
}

static HsObject *
w_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_slot_wrapper_nargs (vm, nargs, 0) ? SLOT_FN (args[0], iter) (vm, args[0]) : NULL;
}

static HsObject *
w_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gssize n;
  if (!hs_slot_wrapper_nargs (vm, nargs, 0))
    return NULL;
  n = SLOT_FN (args[0], len) (vm, args[0]);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

static HsObject *
w_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_slot_wrapper_nargs (vm, nargs, 1) ? SLOT_FN (args[0], getitem) (vm, args[0], args[1])
                                              : NULL;
}

static HsObject *
w_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int r = hs_slot_wrapper_nargs (vm, nargs, 1) ? SLOT_FN (args[0], contains) (vm, args[0], args[1])
                                               : -1;
  return r < 0 ? NULL : hs_bool_from (r);
}

static HsObject *
w_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_slot_wrapper_nargs (vm, nargs, 0) ? SLOT_FN (args[0], repr) (vm, args[0]) : NULL;
}

static HsObject *
w_str (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return hs_slot_wrapper_nargs (vm, nargs, 0) ? SLOT_FN (args[0], str) (vm, args[0]) : NULL;
}

static HsObject *
w_hash (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint64 h;
  if (!hs_slot_wrapper_nargs (vm, nargs, 0) || SLOT_FN (args[0], hash) (vm, args[0], &h) < 0)
    return NULL;
  return hs_int_from_i64 (vm, h);
}

static HsObject *
w_bool (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int r = hs_slot_wrapper_nargs (vm, nargs, 0) ? SLOT_FN (args[0], truth) (vm, args[0]) : -1;
  return r < 0 ? NULL : hs_bool_from (r);
}

static HsObject *
w_setitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_slot_wrapper_nargs (vm, nargs, 2)
      || SLOT_FN (args[0], setitem) (vm, args[0], args[1], args[2]) < 0)
    return NULL;
  return hs_None;
}

static HsObject *
w_delitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_slot_wrapper_nargs (vm, nargs, 1)
      || SLOT_FN (args[0], setitem) (vm, args[0], args[1], NULL) < 0)
    return NULL;
  return hs_None;
}

#define UNARY(NAME, OP)                                                                            \
  static HsObject *w_##NAME (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)            \
  {                                                                                                \
    if (!hs_slot_wrapper_nargs (vm, nargs, 0))                                                     \
      return NULL;                                                                                 \
    return SLOT_FN (args[0], unaryop) (vm, OP, args[0]);                                           \
  }
UNARY (neg, HS_UNARY_NEG)
UNARY (pos, HS_UNARY_POS)
UNARY (invert, HS_UNARY_INVERT)

/* The comparison and arithmetic slots return NotImplemented for a pair they do not
 * handle, as the dunders do: (1).__add__('a') is NotImplemented. */
#define RICH(NAME, OP)                                                                             \
  static HsObject *w_##NAME (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)            \
  {                                                                                                \
    if (!hs_slot_wrapper_nargs (vm, nargs, 1))                                                     \
      return NULL;                                                                                 \
    if (rich_declines (args[0], args[1]))                                                          \
      return hs_incref (hs_NotImplemented);                                                        \
    return SLOT_FN (args[0], richcompare) (vm, args[0], args[1], OP);                              \
  }

/* Pairs whose comparison Heapscope's slot of self's type decides where CPython's leaves it
 * to the other operand's (1 == 1.0 is float's answer: (1).__eq__(1.0) is NotImplemented;
 * bytes == bytearray is bytearray's). */
static gboolean
rich_declines (HsObject *self, HsObject *other)
{
  if (hs_int_check (self))
    return !hs_int_check (other);
  return HS_IS (self, &hs_bytes_type) && !HS_IS (other, &hs_bytes_type);
}
RICH (eq, HS_CMP_EQ)
RICH (ne, HS_CMP_NE)
RICH (lt, HS_CMP_LT)
RICH (le, HS_CMP_LE)
RICH (gt, HS_CMP_GT)
RICH (ge, HS_CMP_GE)

/* list, tuple and str's __add__ and __mul__ are CPython's sq_concat and sq_repeat
 * wrappers, which raise where the number slots give NotImplemented: list.__add__(()) is
 * "can only concatenate list (not "tuple") to list", list.__mul__(2.0) is "'float' object
 * cannot be interpreted as an integer", an __index__ is the count. */
static HsObject *
seq_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b, HsObject *r)
{
  const char *kind = hs_list_check (a)    ? "list"
                     : hs_tuple_check (a) ? "tuple"
                     : hs_str_check (a)   ? "str"
                                          : NULL;
  if (r != hs_NotImplemented || kind == NULL || (op != HS_BIN_ADD && op != HS_BIN_MUL))
    return r;
  hs_decref (vm, r);
  if (op == HS_BIN_ADD)
    {
      hs_err_format (vm, &hs_exc_TypeError, "can only concatenate %s (not \"%s\") to %s", kind,
                     hs_type_name (b), kind);
      return NULL;
    }
  HsObject *n = hs_object_index (vm, b);
  if (n == NULL)
    return NULL;
  r = SLOT_FN (a, binop) (vm, op, a, n);
  hs_decref (vm, n);
  return r;
}

#define BINOP(NAME, OP)                                                                            \
  static HsObject *w_##NAME (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)            \
  {                                                                                                \
    if (!hs_slot_wrapper_nargs (vm, nargs, 1))                                                     \
      return NULL;                                                                                 \
    return seq_binop (vm, OP, args[0], args[1],                                                    \
                      SLOT_FN (args[0], binop) (vm, OP, args[0], args[1]));                        \
  }
/* __radd__ and the other reflected ones: the slot with the operands swapped. */
#define RBINOP(NAME, OP)                                                                           \
  static HsObject *w_r##NAME (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)           \
  {                                                                                                \
    if (!hs_slot_wrapper_nargs (vm, nargs, 1))                                                     \
      return NULL;                                                                                 \
    return SLOT_FN (args[0], binop) (vm, OP, args[1], args[0]);                                    \
  }
#define BINOPS(NAME, OP) BINOP (NAME, OP) RBINOP (NAME, OP)
BINOPS (add, HS_BIN_ADD)
BINOPS (sub, HS_BIN_SUB)
BINOPS (mul, HS_BIN_MUL)
BINOPS (truediv, HS_BIN_TRUEDIV)
BINOPS (floordiv, HS_BIN_FLOORDIV)
BINOPS (mod, HS_BIN_MOD)

/* __pow__(value, mod=None, /) and __rpow__: with a modulus, the type's ternary pow
 * (CPython's wrap_ternaryfunc and wrap_ternaryfunc_r). */
static gboolean
pow_nargs (HsVM *vm, gsize nargs)
{
  if (nargs >= 2 && nargs <= 3)
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, " expected at %s %d argument%s, got %" G_GSIZE_FORMAT,
                 nargs < 2 ? "least" : "most", nargs < 2 ? 1 : 2, nargs < 2 ? "" : "s", nargs - 1);
  return FALSE;
}

/* self ** other, or other ** self (reflected) */
static HsObject *
pow_wrapper (HsVM *vm, HsObject **args, gsize nargs, gboolean reflected)
{
  if (!pow_nargs (vm, nargs))
    return NULL;
  HsObject *v = reflected ? args[1] : args[0], *w = reflected ? args[0] : args[1];
  if (nargs == 3 && args[2] != hs_None)
    return hs_number_pow_slot (vm, args[0], v, w, args[2]);
  return SLOT_FN (args[0], binop) (vm, HS_BIN_POW, v, w);
}

static HsObject *
w_pow (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return pow_wrapper (vm, args, nargs, FALSE);
}

static HsObject *
w_rpow (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return pow_wrapper (vm, args, nargs, TRUE);
}

BINOPS (lshift, HS_BIN_LSHIFT)
BINOPS (rshift, HS_BIN_RSHIFT)
BINOPS (and, HS_BIN_AND)
BINOPS (or, HS_BIN_OR)
BINOPS (xor, HS_BIN_XOR)

/* __iadd__ and the other in-place ones: the type's in-place slot (list's, set's), which
 * returns NotImplemented for a pair it does not handle, as CPython's wrappers do. */
#define IBINOP(NAME, OP)                                                                           \
  static HsObject *w_i##NAME (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)           \
  {                                                                                                \
    if (!hs_slot_wrapper_nargs (vm, nargs, 1))                                                     \
      return NULL;                                                                                 \
    return SLOT_FN (args[0], inplace) (vm, OP, args[0], args[1]);                                  \
  }
IBINOP (add, HS_BIN_ADD)
IBINOP (sub, HS_BIN_SUB)
IBINOP (mul, HS_BIN_MUL)
IBINOP (and, HS_BIN_AND)
IBINOP (or, HS_BIN_OR)
IBINOP (xor, HS_BIN_XOR)

typedef struct
{
  gsize slot; /* offset of the slot in HsType */
  HsMethodDef def;
  /* a reflected or in-place operator: of a type hs-cpython-dicts-table.h does not know,
   * install gives it only to numbers */
  gboolean numeric;
} Row;

#define ROW(SLOT, NAME, FN)                                                                        \
  {                                                                                                \
    G_STRUCT_OFFSET (HsType, SLOT),                                                                \
    {                                                                                              \
      NAME, FN, HS_METH_SLOT                                                                       \
    }                                                                                              \
  }
#define RROW(NAME, FN)                                                                             \
  {                                                                                                \
    G_STRUCT_OFFSET (HsType, binop), { NAME, FN, HS_METH_SLOT }, TRUE                              \
  }
#define IROW(NAME, FN)                                                                             \
  {                                                                                                \
    G_STRUCT_OFFSET (HsType, inplace), { NAME, FN, HS_METH_SLOT }, TRUE                            \
  }

static const Row rows[] = {
  ROW (iternext, "__next__", w_next),
  ROW (iter, "__iter__", w_iter),
  ROW (len, "__len__", w_len),
  ROW (getitem, "__getitem__", w_getitem),
  ROW (contains, "__contains__", w_contains),
  ROW (setitem, "__setitem__", w_setitem),
  ROW (setitem, "__delitem__", w_delitem),
  ROW (unaryop, "__neg__", w_neg),
  ROW (unaryop, "__pos__", w_pos),
  ROW (unaryop, "__invert__", w_invert),
  ROW (repr, "__repr__", w_repr),
  ROW (str, "__str__", w_str),
  ROW (hash, "__hash__", w_hash),
  ROW (truth, "__bool__", w_bool),
  ROW (richcompare, "__eq__", w_eq),
  ROW (richcompare, "__ne__", w_ne),
  ROW (richcompare, "__lt__", w_lt),
  ROW (richcompare, "__le__", w_le),
  ROW (richcompare, "__gt__", w_gt),
  ROW (richcompare, "__ge__", w_ge),
  ROW (binop, "__add__", w_add),
  ROW (binop, "__sub__", w_sub),
  ROW (binop, "__mul__", w_mul),
  ROW (binop, "__truediv__", w_truediv),
  ROW (binop, "__floordiv__", w_floordiv),
  ROW (binop, "__mod__", w_mod),
  ROW (binop, "__pow__", w_pow),
  ROW (binop, "__lshift__", w_lshift),
  ROW (binop, "__rshift__", w_rshift),
  ROW (binop, "__and__", w_and),
  ROW (binop, "__or__", w_or),
  ROW (binop, "__xor__", w_xor),
  RROW ("__radd__", w_radd),
  RROW ("__rsub__", w_rsub),
  RROW ("__rmul__", w_rmul),
  RROW ("__rtruediv__", w_rtruediv),
  RROW ("__rfloordiv__", w_rfloordiv),
  RROW ("__rmod__", w_rmod),
  RROW ("__rpow__", w_rpow),
  RROW ("__rlshift__", w_rlshift),
  RROW ("__rrshift__", w_rrshift),
  RROW ("__rand__", w_rand),
  RROW ("__ror__", w_ror),
  RROW ("__rxor__", w_rxor),
  IROW ("__iadd__", w_iadd),
  IROW ("__isub__", w_isub),
  IROW ("__imul__", w_imul),
  IROW ("__iand__", w_iand),
  IROW ("__ior__", w_ior),
  IROW ("__ixor__", w_ixor),
};

/* The type nearest to t (as slot_owner) whose dunder `row` is: one that fills the slot
 * and, when hs-cpython-dicts-table.h knows it, whose CPython __dict__ has the name (list
 * fills the number slot for + and *, but has no __and__). A type the table does not know
 * has every dunder of its slot, and a reflected or in-place one only when `numeric`
 * (install's rule; lookup passes TRUE). */
static const HsType *
row_owner (const HsType *t, const Row *row, gboolean numeric)
{
  if (t->type_flags & HS_TYPE_HEAP)
    t = HS_CLASS (t)->static_base;
  for (; t != NULL && t != &hs_object_type; t = t->base)
    {
      if (*(gpointer *)((const char *)t + row->slot) == NULL)
        continue;
      if (hs_cpython_dict_names (t) != NULL)
        {
          if (!hs_cpython_dict_lacks (t, row->def.name))
            return t;
        }
      else if (numeric || !row->numeric)
        return t;
    }
  return NULL;
}

HsObject *
hs_slot_wrapper_lookup (HsVM *vm, HsObject *obj, HsObject *name)
{
  const char *n = hs_str_utf8 (name);

  if (n[0] != '_' || n[1] != '_' || (obj->type->type_flags & HS_TYPE_HEAP))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    if (strcmp (rows[i].def.name, n) == 0)
      {
        const HsType *owner = row_owner (obj->type, &rows[i], TRUE);
        if (owner == NULL)
          continue; /* the next row may be the same name on another slot */
        return hs_cfunction_new_method (vm, &rows[i].def, owner, obj);
      }
  return NULL;
}

void
hs_slot_wrapper_foreach_name (const HsType *type, void (*add) (const char *, gpointer),
                              gpointer data)
{
  g_return_if_fail (!(type->type_flags & HS_TYPE_HEAP));
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    if (row_owner (type, &rows[i], TRUE) != NULL)
      add (rows[i].def.name, data);
}

void
hs_slot_wrapper_install (HsType *type, gboolean numeric)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gpointer fn = *(gpointer *)((const char *)type + rows[i].slot);
      if (fn == NULL) /* a slot the type inherits: its base's dict has the wrapper */
        continue;
      HsObject *name = hs_str_intern_cstr (rows[i].def.name);
      if (row_owner (type, &rows[i], numeric) != type
          || hs_dict_get_item_borrow (NULL, type->dict, name) != NULL)
        continue;
      /* an unhashable type's __hash__ is None, as CPython's list.__hash__ */
      hs_dict_set_item (NULL, type->dict, name,
                        fn == (gpointer)hs_object_hash_not_implemented
                            ? hs_None
                            : hs_method_descr_new (&rows[i].def, type));
    }
}
