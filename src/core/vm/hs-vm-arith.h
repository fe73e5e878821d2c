/* hs-vm-arith.h — the eval loop's own arithmetic on ints and floats, for hs-vm.c's
 * BINARY_OP, INPLACE_OP and COMPARE_OP (CPython 3.11's specialised forms:
 * BINARY_OP_ADD_INT, BINARY_OP_MULTIPLY_FLOAT, COMPARE_OP_INT_JUMP...).
 *
 * Invariant: each gives CPython's result, or leaves the case to the general way
 * (hs_number_binop, hs_object_richcompare) without setting an error; a result takes an
 * existing object's memory only when nothing but the value stack and the local it is
 * stored in next could see the difference, and never while a trace records.
 */
#pragma once

#include "hs-code.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-object-private.h"

G_BEGIN_DECLS

static inline gboolean
is_exact_number (HsObject *o)
{
  return HS_IS (o, &hs_int_type) || HS_IS (o, &hs_float_type);
}

static inline gboolean
both_small_ints (HsObject *a, HsObject *b)
{
  return HS_IS (a, &hs_int_type) && HS_IS (b, &hs_int_type) && hs_int_is_small (a)
         && hs_int_is_small (b);
}

/* a op b in *r for two ints in 64 bits under +, - and *, and under // and % when neither
 * is negative (C's division is Python's then, and b is not 0): the eval loop computes
 * these itself (CPython 3.11's BINARY_OP_ADD_INT and its siblings; a loop's `i % 7` and
 * `i * 2` took a call to hs_vm_binary_op_fast that cost more than the arithmetic). FALSE
 * for anything else and on overflow: hs_vm_binary_op_fast decides. */
static inline gboolean
small_int_arith (guint32 op, HsObject *a, HsObject *b, gint64 *r)
{
  gint64 x, y;

  if (!both_small_ints (a, b))
    return FALSE;
  x = hs_int_small_value (a);
  y = hs_int_small_value (b);
  switch (op)
    {
      case HS_BIN_ADD:
        return !__builtin_add_overflow (x, y, r);
      case HS_BIN_SUB:
        return !__builtin_sub_overflow (x, y, r);
      case HS_BIN_MUL:
        return !__builtin_mul_overflow (x, y, r);
      case HS_BIN_FLOORDIV:
        if (x < 0 || y <= 0)
          return FALSE;
        *r = x / y;
        return TRUE;
      case HS_BIN_MOD:
        if (x < 0 || y <= 0)
          return FALSE;
        *r = x % y;
        return TRUE;
      default:
        return FALSE;
    }
}

/* One of a float operation's operands that only the value stack holds (an intermediate,
 * as `a * dt` in `v + a * dt`), whose memory the result can take instead of a new float
 * while the operand is freed: what CPython 3.11 gets from its float free list. NULL if
 * none. */
static inline HsObject *
spare_float (HsObject *a, HsObject *b)
{
  if (HS_IS (a, &hs_float_type) && a->refcount == 1 && !(a->flags & HS_FLAG_IMMORTAL))
    return a;
  if (HS_IS (b, &hs_float_type) && b->refcount == 1 && !(b->flags & HS_FLAG_IMMORTAL))
    return b;
  return NULL;
}

/* The same for the float the STORE_FAST at `next` (the instruction after the operation)
 * releases, when only that local and the operands hold it (`total += v`, `d = v - mean`):
 * it is given the id a new float would have, so that id() tells the old value from the
 * new as CPython's would. NULL if none. */
G_ALWAYS_INLINE static inline HsObject *
spare_float_local (HsVM *vm, HsObject *a, HsObject *b, const guint32 *next, HsObject **locals)
{
  HsObject *t;

  if (HS_INSTR_OP (*next) != HS_OP_STORE_FAST)
    return NULL;
  t = locals[HS_INSTR_ARG (*next)];
  if (t == NULL || !HS_IS (t, &hs_float_type) || t->refcount != 1 + (t == a) + (t == b)
      || (t->flags & HS_FLAG_IMMORTAL))
    return NULL;
  t->id = vm->next_id++;
  return t;
}

/* Two floats under an arithmetic operator: the eval loop computes these itself, without
 * binary_op_fast's dispatch (CPython 3.11's BINARY_OP_ADD_FLOAT and its siblings). */
static inline gboolean
is_float_arith (guint32 op, HsObject *a, HsObject *b)
{
  return HS_IS (a, &hs_float_type) && HS_IS (b, &hs_float_type) && op < HS_BIN_LSHIFT;
}

/* a op b on floats (x, y their values), both held by the value stack; next is the
 * instruction after the operation (NULL: not known). Always inline: a call with its seven
 * arguments cost more than the allocation it saves. */
G_ALWAYS_INLINE static inline HsObject *
float_op_reusing (HsVM *vm, guint32 op, HsObject *a, HsObject *b, double x, double y,
                  const guint32 *next, HsObject **locals)
{
  HsObject *spare;
  double r;

  if (!hs_float_arith_exact (op, x, y, &r))
    return hs_float_arith (vm, op, x, y);
  /* never while a trace records: the recorder sees every allocation */
  if (vm->hooks != NULL || vm->track_dirty
      || ((spare = spare_float (a, b)) == NULL
          && (next == NULL || (spare = spare_float_local (vm, a, b, next, locals)) == NULL)))
    return hs_float_new (vm, r);
  ((HsFloat *)spare)->value = r;
  return hs_incref (spare);
}

#define COMPARE(op, x, y)                                                                          \
  ((op) == HS_CMP_LT   ? (x) < (y)                                                                 \
   : (op) == HS_CMP_LE ? (x) <= (y)                                                                \
   : (op) == HS_CMP_EQ ? (x) == (y)                                                                \
   : (op) == HS_CMP_NE ? (x) != (y)                                                                \
   : (op) == HS_CMP_GT ? (x) > (y)                                                                 \
                       : (x) >= (y))

/* a op b for two numbers (ints in 64 bits, floats, an int a double holds exactly with a
 * float) and two strs under +, else the general way; a new reference or NULL. */
HsObject *hs_vm_binary_op_fast (HsVM *vm, guint32 op, HsObject *a, HsObject *b);
/* a op b for two small ints, two numbers as above or two strs, else the general way. */
HsObject *hs_vm_compare_fast (HsVM *vm, guint32 op, HsObject *a, HsObject *b);

G_END_DECLS
