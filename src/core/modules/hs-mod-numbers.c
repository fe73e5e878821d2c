/* hs-mod-numbers.c — the `numbers` module: the numeric tower's ABCs (PEP 3141).
 *
 * Invariant: Number, Complex, Real, Rational and Integral are classes ABCMeta makes
 * (hs-mod-abc.c) for each VM's module, with the bases, abstract methods, abstract properties
 * and mixin methods of CPython 3.11's numbers.py, so a learner's `class Money(Real)` is
 * refused with CPython's TypeError while a method stays abstract; the built-ins are
 * registered as CPython registers them (complex, float, int, and Fraction as a Rational).
 * The methods are built-in functions: an abstract one raises NotImplementedError, as
 * CPython's bodies do; a mixin goes through the object's own operators (`self + -other`).
 */
#include "config.h"

#include <string.h>

#include "hs-abc.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define MODULE "numbers"

/* ---- the methods ---------------------------------------------------------------------- */

#define ARGS0(fname)                                                                               \
  HsObject *self = NULL;                                                                           \
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self", &self))                            \
  return NULL
#define ARGS1(fname)                                                                               \
  HsObject *self = NULL, *other = NULL;                                                            \
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self other", &self, &other))              \
  return NULL

/* an abstract method's body: `raise NotImplementedError` */
static HsObject *
abstract_body (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  hs_err_set_value (vm, &hs_exc_NotImplementedError, NULL);
  return NULL;
}

/* Complex.__bool__: self != 0 */
static HsObject *
complex_bool (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("__bool__");
  return hs_object_richcompare (vm, self, hs_int_from_i64 (vm, 0), HS_CMP_NE);
}

/* a op b, where a or b may be NULL after a failure (then NULL); takes both */
static HsObject *
binop_take (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r = a != NULL && b != NULL ? hs_number_binop (vm, op, a, b) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return r;
}

/* Complex.__sub__: self + -other */
static HsObject *
complex_sub (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("__sub__");
  return binop_take (vm, HS_BIN_ADD, hs_incref (self), hs_number_unaryop (vm, HS_UNARY_NEG, other));
}

/* Complex.__rsub__: -self + other */
static HsObject *
complex_rsub (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS1 ("__rsub__");
  return binop_take (vm, HS_BIN_ADD, hs_number_unaryop (vm, HS_UNARY_NEG, self), hs_incref (other));
}

/* (a // b, a % b) */
static HsObject *
divmod_of (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *items[2], *t = NULL;
  if ((items[0] = hs_number_binop (vm, HS_BIN_FLOORDIV, a, b)) == NULL)
    return NULL;
  if ((items[1] = hs_number_binop (vm, HS_BIN_MOD, a, b)) != NULL)
    t = hs_tuple_from_array (vm, items, 2);
  hs_decref (vm, items[0]);
  hs_xdecref (vm, items[1]);
  return t;
}

/* __divmod__ and __rdivmod__ */
static HsObject *
real_divmod_either (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
                    gboolean reflected)
{
  ARGS1 (fname);
  return reflected ? divmod_of (vm, other, self) : divmod_of (vm, self, other);
}

HS_CFUNCTION_VARIANT (real_divmod, real_divmod_either, "__divmod__", FALSE)
HS_CFUNCTION_VARIANT (real_rdivmod, real_divmod_either, "__rdivmod__", TRUE)

/* a call of the built-in type `type` with one argument, taking it */
static HsObject *
convert_take (HsVM *vm, HsType *type, HsObject *o)
{
  HsObject *r = o != NULL ? hs_object_call (vm, (HsObject *)type, &o, 1, NULL) : NULL;
  hs_xdecref (vm, o);
  return r;
}

/* Real.__complex__: complex(float(self)) */
static HsObject *
real_complex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("__complex__");
  return convert_take (vm, &hs_complex_type, convert_take (vm, &hs_float_type, hs_incref (self)));
}

/* Real.real, Real.conjugate(), Integral.numerator: +self */
static HsObject *
plus_self (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("conjugate");
  return hs_number_unaryop (vm, HS_UNARY_POS, self);
}

/* Real.imag: 0 */
static HsObject *
zero (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("imag");
  return hs_int_from_i64 (vm, 0);
}

/* Integral.denominator: 1 */
static HsObject *
one (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("denominator");
  return hs_int_from_i64 (vm, 1);
}

/* Rational.__float__: int(self.numerator) / int(self.denominator) */
static HsObject *
rational_float (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("__float__");
  HsObject *n = convert_take (vm, &hs_int_type, hs_object_getattr_cstr (vm, self, "numerator"));
  HsObject *d = n != NULL ? convert_take (vm, &hs_int_type,
                                          hs_object_getattr_cstr (vm, self, "denominator"))
                          : NULL;
  return binop_take (vm, HS_BIN_TRUEDIV, n, d);
}

/* Integral.__index__: int(self) */
static HsObject *
integral_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("__index__");
  return convert_take (vm, &hs_int_type, hs_incref (self));
}

/* Integral.__float__: float(int(self)) */
static HsObject *
integral_float (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  ARGS0 ("__float__");
  return convert_take (vm, &hs_float_type, convert_take (vm, &hs_int_type, hs_incref (self)));
}

/* ---- the classes ---------------------------------------------------------------------- */

#define M(n, f)                                                                                    \
  {                                                                                                \
    n, f                                                                                           \
  }
#define END                                                                                        \
  {                                                                                                \
    NULL, NULL                                                                                     \
  }
#define ABSTRACT(n) M (n, abstract_body)

/* In numbers.py's order; a name in `properties` is a property whose getter is the method */
static const HsMethodDef number_m[] = { END };
static const HsMethodDef complex_m[] = {
  ABSTRACT ("__complex__"),   M ("__bool__", complex_bool),
  ABSTRACT ("real"),          ABSTRACT ("imag"),
  ABSTRACT ("__add__"),       ABSTRACT ("__radd__"),
  ABSTRACT ("__neg__"),       ABSTRACT ("__pos__"),
  M ("__sub__", complex_sub), M ("__rsub__", complex_rsub),
  ABSTRACT ("__mul__"),       ABSTRACT ("__rmul__"),
  ABSTRACT ("__truediv__"),   ABSTRACT ("__rtruediv__"),
  ABSTRACT ("__pow__"),       ABSTRACT ("__rpow__"),
  ABSTRACT ("__abs__"),       ABSTRACT ("conjugate"),
  ABSTRACT ("__eq__"),        END,
};
static const HsMethodDef real_m[] = {
  ABSTRACT ("__float__"),
  ABSTRACT ("__trunc__"),
  ABSTRACT ("__floor__"),
  ABSTRACT ("__ceil__"),
  ABSTRACT ("__round__"),
  M ("__divmod__", real_divmod),
  M ("__rdivmod__", real_rdivmod),
  ABSTRACT ("__floordiv__"),
  ABSTRACT ("__rfloordiv__"),
  ABSTRACT ("__mod__"),
  ABSTRACT ("__rmod__"),
  ABSTRACT ("__lt__"),
  ABSTRACT ("__le__"),
  M ("__complex__", real_complex),
  M ("real", plus_self),
  M ("imag", zero),
  M ("conjugate", plus_self),
  END,
};
static const HsMethodDef rational_m[] = {
  ABSTRACT ("numerator"),
  ABSTRACT ("denominator"),
  M ("__float__", rational_float),
  END,
};
static const HsMethodDef integral_m[] = {
  ABSTRACT ("__int__"),
  M ("__index__", integral_index),
  ABSTRACT ("__pow__"),
  ABSTRACT ("__lshift__"),
  ABSTRACT ("__rlshift__"),
  ABSTRACT ("__rshift__"),
  ABSTRACT ("__rrshift__"),
  ABSTRACT ("__and__"),
  ABSTRACT ("__rand__"),
  ABSTRACT ("__xor__"),
  ABSTRACT ("__rxor__"),
  ABSTRACT ("__or__"),
  ABSTRACT ("__ror__"),
  ABSTRACT ("__invert__"),
  M ("__float__", integral_float),
  M ("numerator", plus_self),
  M ("denominator", one),
  END,
};

static const struct
{
  const char *name, *bases, *properties;
  const HsMethodDef *methods;
} defs[] = {
  { "Number", "", "", number_m },
  { "Complex", "Number", " real imag ", complex_m },
  { "Real", "Complex", " real imag ", real_m },
  { "Rational", "Real", " numerator denominator ", rational_m },
  { "Integral", "Rational", " numerator denominator ", integral_m },
};

/* the method descriptors of each class, made once per process (abstract ones flagged) */
static HsObject **descrs[G_N_ELEMENTS (defs)];

/* numbers.py's abstract methods are those whose body is `raise NotImplementedError` */
static gboolean
is_abstract_body (const HsMethodDef *def, gconstpointer data)
{
  return def->fn == abstract_body;
}

void
hs_mod_numbers_runtime_init (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (defs); i++)
    descrs[i] = hs_abc_method_descrs_new (defs[i].methods, is_abstract_body, NULL);
}

static gboolean
is_property (gsize i, const char *name)
{
  g_autofree char *word = g_strdup_printf (" %s ", name);
  return strstr (defs[i].properties, word) != NULL;
}

/* numbers.py's namespace of class i: __module__, __slots__ = (), its methods and
 * properties, and __hash__ None (Number's own; Complex's, which defines __eq__) */
static HsObject *
class_namespace (HsVM *vm, gsize i)
{
  HsObject *ns = hs_abc_namespace_new (vm, MODULE, hs_tuple_new (vm, 0));
  gboolean ok = ns != NULL;
  if (ok && i == 0)
    ok = hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__hash__"), hs_None) == 0;
  for (gsize k = 0; ok && defs[i].methods[k].name != NULL; k++)
    {
      const char *name = defs[i].methods[k].name;
      HsObject *v = descrs[i][k];
      if (is_property (i, name))
        v = hs_object_call (vm, (HsObject *)&hs_property_type, &v, 1, NULL);
      else
        hs_incref (v);
      ok = v != NULL && hs_abc_namespace_set_method (vm, ns, name, v) == 0;
      hs_xdecref (vm, v);
    }
  if (!ok)
    HS_CLEAR (vm, ns);
  return ns;
}

/* numbers.py's registrations, and fractions.Fraction, which CPython derives from Rational */
static int
register_builtins (HsVM *vm, HsObject *dict)
{
  static const char *const abcs[] = { "Complex", "Real", "Integral", "Rational" };
  HsObject *types[] = { (HsObject *)&hs_complex_type, (HsObject *)&hs_float_type,
                        (HsObject *)&hs_int_type, hs_mod_fractions_type () };
  for (gsize i = 0; i < G_N_ELEMENTS (abcs); i++)
    if (hs_abc_register (vm, hs_dict_get_item_cstr_borrow (vm, dict, abcs[i]), types[i]) < 0)
      return -1;
  return 0;
}

int
hs_mod_numbers_init (HsVM *vm, HsObject *dict)
{
  HsObject *all = hs_list_new (vm, 0);
  for (gsize i = 0; all != NULL && i < G_N_ELEMENTS (defs); i++)
    if (hs_list_append (vm, all, hs_str_intern_cstr (defs[i].name)) < 0)
      HS_CLEAR (vm, all);
  int rc = hs_module_add_take (vm, dict, "__all__", all);
  for (gsize i = 0; rc == 0 && i < G_N_ELEMENTS (defs); i++)
    rc = hs_module_add_take (
        vm, dict, defs[i].name,
        hs_abc_class_new (vm, MODULE, dict, defs[i].name, defs[i].bases, class_namespace (vm, i)));
  return rc < 0 ? -1 : register_builtins (vm, dict);
}
