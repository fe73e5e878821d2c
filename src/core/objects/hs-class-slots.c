/* hs-class-slots.c — special methods of classes: the slot functions a class gets for
 * the dunders it defines (CPython's slot_* in typeobject.c), and object's own comparisons.
 *
 * Invariant: a class that defines `__eq__` gets the generic richcompare slot, which looks
 * the method up on the instance's type at call time, so subclasses and later assignments
 * to the class work; the methods themselves run in the VM (hs_vm_call_function), so their
 * frames appear in tracebacks and traces. A slot stays once installed: when the dunder is
 * gone again, the slot function does what the type would do without it.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-int.h"
#include "hs-slot-wrapper.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

static const char *const name_strs[N_COUNT] = {
  "__init__",
  "__repr__",
  "__str__",
  "__hash__",
  "__eq__",
  "__ne__",
  "__lt__",
  "__le__",
  "__gt__",
  "__ge__",
  "__bool__",
  "__len__",
  "__getitem__",
  "__setitem__",
  "__delitem__",
  "__contains__",
  "__iter__",
  "__next__",
  "__call__",
  "__getattr__",
  "__neg__",
  "__pos__",
  "__invert__",
  "__class__",
  "__dict__",
  "__doc__",
  "__index__",
  "__get__",
  "__set__",
  "__delete__",
  "__getattribute__",
  "__new__",
  "__init_subclass__",
  "__set_name__",
  "__class_getitem__",
  "__setattr__",
  "__delattr__",
  "__abstractmethods__",
};
HsObject *hs_dunder[N_COUNT];

static const char *const binop_names[HS_BIN_COUNT] = {
  "add",    "sub",    "mul", "truediv", "floordiv", "mod",    "pow",
  "lshift", "rshift", "and", "or",      "xor",      "matmul",
};
static HsObject *binop_dunder[HS_BIN_COUNT], *binop_rdunder[HS_BIN_COUNT],
    *binop_idunder[HS_BIN_COUNT];

/* ---- calling methods ---------------------------------------------------------------- */

HsObject *
hs_class_call_method (HsVM *vm, HsObject *fn, HsObject *self, HsObject **args, gsize nargs,
                      HsObject *kwnames)
{
  if (hs_method_descr_check (fn)) /* a method written in C: self passed apart */
    return hs_cfunction_call_with_self (vm, ((HsCFunctionObject *)fn)->def, self, args, nargs,
                                        kwnames);
  if (HS_IS (fn, &hs_function_type))
    {
      /* CPython's slot functions hold the method they looked up (lookup_maybe_method's new
       * reference) while it runs: listed with the calling frame */
      HsFrameHold hold = hs_frame_hold (vm, fn, NULL, 0);
      HsObject *r = hs_vm_call_function (vm, fn, self, args, nargs, kwnames);
      hs_frame_unhold (vm, hold);
      return r;
    }
  HsObject *bound = hs_descr_get (vm, fn, self, self->type);
  if (bound == NULL)
    return NULL;
  HsObject *r = hs_object_call (vm, bound, args, nargs, kwnames);
  hs_decref (vm, bound);
  return r;
}

HsObject *
hs_class_call_held (HsVM *vm, HsObject *fn, HsObject *self, HsObject **args, gsize nargs,
                    HsObject *kwnames, guint how)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  gboolean listed
      = HS_IS (fn, &hs_function_type) && vm->frame != NULL && (how & HS_CLASS_CALL_DIRECT);
  HsFrameHold copy = { NULL, 0 };
  HsObject *r;

  if (HS_IS (fn, &hs_function_type) && nkw > 0)
    copy = hs_frame_hold (vm, self, args, nargs + nkw);
  vm->listed_calls += listed;
  r = hs_class_call_method (vm, fn, self, args, nargs, kwnames);
  vm->listed_calls -= listed;
  hs_frame_unhold (vm, copy);
  return r;
}

static HsObject *slot_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs,
                            HsObject *kwnames);

gboolean
hs_class_call_is_direct (HsObject *callable)
{
  return hs_class_check (callable) || callable->type->call == slot_call
         || hs_class_is_type_call (callable);
}

guint
hs_class_take_call (HsVM *vm)
{
  guint how = vm->class_call;

  vm->class_call = 0;
  return how;
}

HsObject *
hs_class_call_dunder (HsVM *vm, HsObject *self, HsObject *name, HsObject **args, gsize nargs,
                      gboolean *found)
{
  HsObject *fn = hs_type_lookup_borrow (self->type, name);
  *found = fn != NULL && fn != hs_None;
  if (!*found)
    return NULL;
  return hs_class_call_method (vm, fn, self, args, nargs, NULL);
}

HsObject *
hs_object_index (HsVM *vm, HsObject *o)
{
  gboolean found = FALSE;
  HsObject *r;

  if (hs_int_check (o))
    return hs_incref (o);
  r = (o->type->type_flags & HS_TYPE_HEAP)
          ? hs_class_call_dunder (vm, o, hs_dunder[N_INDEX], NULL, 0, &found)
          : NULL;
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return NULL;
    }
  if (r != NULL && !hs_int_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__index__ returned non-int (type %s)",
                     hs_type_name (r));
      HS_CLEAR (vm, r);
    }
  else if (r != NULL && !HS_IS (r, &hs_int_type))
    hs_vm_warn_deprecated (vm,
                           "__index__ returned non-int (type %s).  The ability to return an "
                           "instance of a strict subclass of int is deprecated, and may be "
                           "removed in a future version of Python.",
                           hs_type_name (r));
  return r;
}

gboolean
hs_object_has_index (HsObject *o)
{
  HsObject *fn;
  if (hs_int_check (o))
    return TRUE;
  fn = (o->type->type_flags & HS_TYPE_HEAP) ? hs_type_lookup_borrow (o->type, hs_dunder[N_INDEX])
                                            : NULL;
  return fn != NULL && fn != hs_None;
}

/* ---- dunder slots -------------------------------------------------------------------- */

static HsObject *
check_str_result (HsVM *vm, HsObject *r, const char *what)
{
  if (r != NULL && !hs_str_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s returned non-string (type %s)", what,
                     hs_type_name (r));
      hs_decref (vm, r);
      return NULL;
    }
  return r;
}

static HsObject *
slot_repr (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_REPR], NULL, 0, &found);
  if (!found)
    return hs_object_default_repr (vm, self);
  return check_str_result (vm, r, "__repr__");
}

static HsObject *
slot_str (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_STR], NULL, 0, &found);
  if (!found)
    return hs_object_repr (vm, self);
  return check_str_result (vm, r, "__str__");
}

static int
slot_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_HASH], NULL, 0, &found);
  if (!found)
    return hs_object_hash_not_implemented (vm, self, out);
  if (r == NULL)
    return -1;
  if (!hs_int_check (r))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "__hash__ method should return an integer");
      hs_decref (vm, r);
      return -1;
    }
  /* CPython's slot_tp_hash: the int itself when it fits (-1 becomes -2), else its hash */
  int rc = 0;
  if (!hs_int_as_i64 (r, out))
    rc = hs_object_hash (vm, r, out);
  else if (*out == -1)
    *out = -2;
  hs_decref (vm, r);
  return rc;
}

static HsObject *
slot_richcompare (HsVM *vm, HsObject *self, HsObject *other, HsCompareOp op)
{
  static const int idx[] = { N_LT, N_LE, N_EQ, N_NE, N_GT, N_GE };
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[idx[op]], &other, 1, &found);
  if (found)
    return r;
  if (op == HS_CMP_NE)
    {
      r = hs_class_call_dunder (vm, self, hs_dunder[N_EQ], &other, 1, &found);
      if (found)
        {
          if (r == NULL || r == hs_NotImplemented)
            return r;
          int t = hs_object_truth (vm, r);
          hs_decref (vm, r);
          return t < 0 ? NULL : hs_bool_from (!t);
        }
    }
  if (op == HS_CMP_EQ && self == other)
    return hs_True;
  return hs_incref (hs_NotImplemented);
}

static gboolean
has_dunder (HsObject *o, HsObject *name)
{
  if (!(o->type->type_flags & HS_TYPE_HEAP))
    return FALSE;
  HsObject *f = hs_type_lookup_borrow (o->type, name);
  return f != NULL && f != hs_None;
}

static HsObject *
slot_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean found;
  gboolean do_other = a->type != b->type && has_dunder (b, binop_rdunder[op]);
  if (has_dunder (a, binop_dunder[op]))
    {
      if (do_other && hs_type_is_subtype (b->type, a->type))
        {
          HsObject *r = hs_class_call_dunder (vm, b, binop_rdunder[op], &a, 1, &found);
          if (r != hs_NotImplemented)
            return r;
          hs_decref (vm, r);
          do_other = FALSE;
        }
      HsObject *r = hs_class_call_dunder (vm, a, binop_dunder[op], &b, 1, &found);
      if (r != hs_NotImplemented)
        return r;
      hs_decref (vm, r);
    }
  if (do_other)
    return hs_class_call_dunder (vm, b, binop_rdunder[op], &a, 1, &found);
  return hs_incref (hs_NotImplemented);
}

static HsObject *
slot_inplace (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, a, binop_idunder[op], &b, 1, &found);
  return found ? r : hs_incref (hs_NotImplemented);
}

static HsObject *
slot_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  static const int idx[] = { N_NEG, N_POS, N_INVERT };
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[idx[op]], NULL, 0, &found);
  return found ? r : hs_incref (hs_NotImplemented);
}

static gssize slot_len (HsVM *vm, HsObject *self);

static int
slot_truth (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_BOOL], NULL, 0, &found);
  if (!found)
    {
      if (has_dunder (self, hs_dunder[N_LEN]))
        {
          gssize n = slot_len (vm, self);
          return n < 0 ? -1 : n > 0;
        }
      return 1;
    }
  if (r == NULL)
    return -1;
  if (r != hs_True && r != hs_False)
    {
      hs_err_format (vm, &hs_exc_TypeError, "__bool__ should return bool, returned %s",
                     hs_type_name (r));
      hs_decref (vm, r);
      return -1;
    }
  return r == hs_True;
}

static gssize
slot_len (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_LEN], NULL, 0, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "object of type '%s' has no len()",
                     hs_type_name (self));
      return -1;
    }
  if (r == NULL)
    return -1;
  if (!hs_int_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (r));
      hs_decref (vm, r);
      return -1;
    }
  gint64 n = 0;
  gboolean fits = hs_int_as_i64 (r, &n);
  hs_decref (vm, r);
  if (fits && n < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "__len__() should return >= 0");
      return -1;
    }
  if (!fits)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
      return -1;
    }
  return (gssize)n;
}

static HsObject *
slot_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_GETITEM], &key, 1, &found);
  if (!found)
    hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not subscriptable", hs_type_name (self));
  return r;
}

static int
slot_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  gboolean found;
  HsObject *args[2] = { key, value };
  HsObject *r = value != NULL
                    ? hs_class_call_dunder (vm, self, hs_dunder[N_SETITEM], args, 2, &found)
                    : hs_class_call_dunder (vm, self, hs_dunder[N_DELITEM], args, 1, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     value != NULL ? "'%s' object does not support item assignment"
                                   : "'%s' object does not support item deletion",
                     hs_type_name (self));
      return -1;
    }
  if (r == NULL)
    return -1;
  hs_decref (vm, r);
  return 0;
}

static int
slot_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_CONTAINS], &item, 1, &found);
  if (!found) /* fall back to iteration, as CPython does */
    return hs_object_iter_search (vm, self, item);
  if (r == NULL)
    return -1;
  int t = hs_object_truth (vm, r);
  hs_decref (vm, r);
  return t;
}

static HsObject *
slot_iter (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_ITER], NULL, 0, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not iterable", hs_type_name (self));
      return NULL;
    }
  if (r != NULL && r->type->iternext == NULL && !has_dunder (r, hs_dunder[N_NEXT]))
    {
      const HsType *t = r->type;
      while (t != NULL && t->iternext == NULL)
        t = t->base;
      if (t == NULL)
        {
          hs_err_format (vm, &hs_exc_TypeError, "iter() returned non-iterator of type '%s'",
                         hs_type_name (r));
          hs_decref (vm, r);
          return NULL;
        }
    }
  return r;
}

/* Whether self's __next__ is a library module's standing for a C type of CPython's (a class
 * of a module named _csv, as csv's reader): CPython's ends a loop with no StopIteration raised
 * for the tracer to see. */
static gboolean
stands_for_c_iterator (HsObject *self)
{
  HsObject *fn = hs_type_lookup_borrow (self->type, hs_dunder[N_NEXT]);
  return fn != NULL && HS_IS (fn, &hs_function_type)
         && (HS_FUNCTION (fn)->code->flags & HS_CODE_NO_TRACEBACK) && self->type->module != NULL
         && self->type->module[0] == '_';
}

static HsObject *
slot_iternext (HsVM *vm, HsObject *self)
{
  gboolean found;
  HsObject *r = hs_class_call_dunder (vm, self, hs_dunder[N_NEXT], NULL, 0, &found);
  if (!found)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not an iterator", hs_type_name (self));
      return NULL;
    }
  if (r == NULL && hs_err_matches (vm, &hs_exc_StopIteration))
    {
      if (vm->for_iter_frame != NULL && vm->for_iter_frame == vm->frame
          && !stands_for_c_iterator (self))
        {
          HS_CLEAR (vm, vm->for_iter_stop);
          vm->for_iter_stop = hs_err_fetch (vm);
        }
      else
        hs_err_clear (vm);
    }
  return r;
}

static HsObject *
slot_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fn = hs_type_lookup_borrow (self->type, hs_dunder[N_CALL]);
  if (fn == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not callable", hs_type_name (self));
      return NULL;
    }
  /* CPython calls it through _PyObject_MakeTpCall, with an argument tuple and keyword
   * dict, unless the caller passed its own */
  guint how = hs_class_take_call (vm);
  HsFrameHold held
      = (how & HS_CLASS_CALL_PACKED)
            ? (HsFrameHold){ NULL, 0 }
            : hs_frame_hold (vm, NULL, args, nargs + (kwnames ? hs_tuple_len (kwnames) : 0));
  HsObject *r = hs_class_call_held (vm, fn, self, args, nargs, kwnames, how);
  hs_frame_unhold (vm, held);
  return r;
}

void
hs_class_fixup_slot (HsType *t, const char *n)
{
  if (n[0] != '_' || n[1] != '_')
    return;
  if (strcmp (n, "__repr__") == 0)
    t->repr = slot_repr;
  else if (strcmp (n, "__str__") == 0)
    t->str = slot_str;
  else if (strcmp (n, "__hash__") == 0)
    t->hash = slot_hash;
  else if (strcmp (n, "__eq__") == 0 || strcmp (n, "__ne__") == 0 || strcmp (n, "__lt__") == 0
           || strcmp (n, "__le__") == 0 || strcmp (n, "__gt__") == 0 || strcmp (n, "__ge__") == 0)
    t->richcompare = slot_richcompare;
  else if (strcmp (n, "__bool__") == 0)
    t->truth = slot_truth;
  else if (strcmp (n, "__len__") == 0)
    t->len = slot_len;
  else if (strcmp (n, "__getitem__") == 0)
    t->getitem = slot_getitem;
  else if (strcmp (n, "__setitem__") == 0 || strcmp (n, "__delitem__") == 0)
    t->setitem = slot_setitem;
  else if (strcmp (n, "__contains__") == 0)
    t->contains = slot_contains;
  else if (strcmp (n, "__iter__") == 0)
    t->iter = slot_iter;
  else if (strcmp (n, "__next__") == 0)
    t->iternext = slot_iternext;
  else if (strcmp (n, "__call__") == 0)
    t->call = slot_call;
  else if (strcmp (n, "__getattribute__") == 0)
    HS_CLASS (t)->has_getattribute = TRUE;
  else if (strcmp (n, "__neg__") == 0 || strcmp (n, "__pos__") == 0
           || strcmp (n, "__invert__") == 0)
    t->unaryop = slot_unaryop;
  else
    for (int i = 0; i < HS_BIN_COUNT; i++)
      {
        const char *b = binop_names[i];
        gsize bl = strlen (b), nl = strlen (n);
        if (nl != bl + 4 && nl != bl + 5)
          continue;
        if (nl == bl + 4 && strncmp (n + 2, b, bl) == 0 && strcmp (n + 2 + bl, "__") == 0)
          t->binop = slot_binop;
        else if (nl == bl + 5 && (n[2] == 'r' || n[2] == 'i') && strncmp (n + 3, b, bl) == 0
                 && strcmp (n + 3 + bl, "__") == 0)
          {
            if (n[2] == 'r')
              t->binop = slot_binop;
            else
              t->inplace = slot_inplace;
          }
      }
}

void
hs_class_inherit_slots (HsType *t)
{
  HsObject *mro = HS_CLASS (t)->mro;
  for (gsize i = hs_tuple_len (mro) - 1; i >= 1; i--)
    {
      HsType *b = (HsType *)hs_tuple_get_borrow (mro, i);
      gsize pos = 0;
      HsObject *k, *v;
      if (!(b->type_flags & HS_TYPE_HEAP))
        continue;
      while (hs_dict_next (b->dict, &pos, &k, &v))
        if (hs_str_check (k))
          hs_class_fixup_slot (t, hs_str_utf8 (k));
    }
}

/* object.__eq__ and its kin, CPython's object_richcompare: == is identity (else
 * NotImplemented), != the inverse of what the type's own == says unless that is
 * NotImplemented, the orderings NotImplemented. */
static HsObject *
object_compare (HsVM *vm, HsObject **args, gsize nargs, HsCompareOp op)
{
  if (!hs_slot_wrapper_nargs (vm, nargs, 1))
    return NULL;
  HsObject *self = args[0], *other = args[1], *r;
  const HsType *t = self->type;
  if (op != HS_CMP_EQ && op != HS_CMP_NE)
    return hs_incref (hs_NotImplemented);
  while (t != NULL && t->richcompare == NULL)
    t = t->base;
  if (op == HS_CMP_EQ || t == NULL)
    r = self == other ? hs_bool_from (TRUE) : hs_incref (hs_NotImplemented);
  else
    r = t->richcompare (vm, self, other, HS_CMP_EQ);
  if (op == HS_CMP_EQ || r == NULL || r == hs_NotImplemented)
    return r;
  int truth = hs_object_truth (vm, r);
  hs_decref (vm, r);
  return truth < 0 ? NULL : hs_bool_from (!truth);
}

#define OBJECT_COMPARE(NAME, OP)                                                                   \
  static HsObject *object_##NAME (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)       \
  {                                                                                                \
    return object_compare (vm, args, nargs, OP);                                                   \
  }
OBJECT_COMPARE (eq, HS_CMP_EQ)
OBJECT_COMPARE (ne, HS_CMP_NE)
OBJECT_COMPARE (lt, HS_CMP_LT)
OBJECT_COMPARE (le, HS_CMP_LE)
OBJECT_COMPARE (gt, HS_CMP_GT)
OBJECT_COMPARE (ge, HS_CMP_GE)

const HsMethodDef hs_object_compare_methods[] = {
  { "__eq__", object_eq, HS_METH_SLOT },
  { "__ne__", object_ne, HS_METH_SLOT },
  { "__lt__", object_lt, HS_METH_SLOT },
  { "__le__", object_le, HS_METH_SLOT },
  { "__gt__", object_gt, HS_METH_SLOT },
  { "__ge__", object_ge, HS_METH_SLOT },
  { NULL, NULL },
};

void
hs_class_slots_init (void)
{
  for (int i = 0; i < N_COUNT; i++)
    hs_dunder[i] = hs_str_intern_cstr (name_strs[i]);
  for (int i = 0; i < HS_BIN_COUNT; i++)
    {
      g_autofree char *a = g_strdup_printf ("__%s__", binop_names[i]);
      g_autofree char *r = g_strdup_printf ("__r%s__", binop_names[i]);
      g_autofree char *in = g_strdup_printf ("__i%s__", binop_names[i]);
      binop_dunder[i] = hs_str_intern_cstr (a);
      binop_rdunder[i] = hs_str_intern_cstr (r);
      binop_idunder[i] = hs_str_intern_cstr (in);
    }
}
