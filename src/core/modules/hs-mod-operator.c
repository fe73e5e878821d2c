/* hs-mod-operator.c — the `operator` module: the operators as functions, and
 * itemgetter, attrgetter and methodcaller.
 *
 * Invariant: each function does exactly what its operator does in the VM (the same
 * protocol function: hs_number_binop for `+`, hs_object_richcompare for `<`, ...), so
 * results and errors are the operator's; the argument messages are Argument Clinic's, as
 * CPython's _operator module gives them. The three getter types own what they were made
 * with (visited by refs, so the diagram draws it).
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"

static HsObject *
binary (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
        HsObject *(*fn) (HsVM *, HsBinOp, HsObject *, HsObject *), HsBinOp op)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  return fn (vm, op, a, b);
}

#define BINARY(fname, op)                                                                          \
  static HsObject *op_##fname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)          \
  {                                                                                                \
    return binary (vm, #fname, args, nargs, kwnames, hs_number_binop, op);                         \
  }                                                                                                \
  static HsObject *op_i##fname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)         \
  {                                                                                                \
    return binary (vm, "i" #fname, args, nargs, kwnames, hs_number_inplace, op);                   \
  }
BINARY (add, HS_BIN_ADD)
BINARY (sub, HS_BIN_SUB)
BINARY (mul, HS_BIN_MUL)
BINARY (truediv, HS_BIN_TRUEDIV)
BINARY (floordiv, HS_BIN_FLOORDIV)
BINARY (mod, HS_BIN_MOD)
BINARY (pow, HS_BIN_POW)
BINARY (lshift, HS_BIN_LSHIFT)
BINARY (rshift, HS_BIN_RSHIFT)
BINARY (and_, HS_BIN_AND)
BINARY (or_, HS_BIN_OR)
BINARY (xor, HS_BIN_XOR)
BINARY (matmul, HS_BIN_MATMUL)
#undef BINARY

static HsObject *
compare (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
         HsCompareOp op)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  return hs_object_richcompare (vm, a, b, op);
}

#define COMPARE(fname, op)                                                                         \
  static HsObject *op_##fname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)          \
  {                                                                                                \
    return compare (vm, #fname, args, nargs, kwnames, op);                                         \
  }
COMPARE (lt, HS_CMP_LT)
COMPARE (le, HS_CMP_LE)
COMPARE (eq, HS_CMP_EQ)
COMPARE (ne, HS_CMP_NE)
COMPARE (gt, HS_CMP_GT)
COMPARE (ge, HS_CMP_GE)
#undef COMPARE

static HsObject *
unary (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames, HsUnaryOp op)
{
  HsObject *a = NULL;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!a", &a))
    return NULL;
  return hs_number_unaryop (vm, op, a);
}

static HsObject *
op_neg (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return unary (vm, "neg", args, nargs, kwnames, HS_UNARY_NEG);
}

static HsObject *
op_pos (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return unary (vm, "pos", args, nargs, kwnames, HS_UNARY_POS);
}

static HsObject *
op_invert (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return unary (vm, "invert", args, nargs, kwnames, HS_UNARY_INVERT);
}

static HsObject *
op_abs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL;
  if (!hs_parse_args (vm, "abs", args, nargs, kwnames, "!a", &a))
    return NULL;
  return hs_number_abs (vm, a);
}

static HsObject *
op_truth_or_not (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
                 gboolean negate)
{
  HsObject *a = NULL;
  int t;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!a", &a))
    return NULL;
  if ((t = hs_object_truth (vm, a)) < 0)
    return NULL;
  return hs_bool_from (negate ? !t : t);
}

static HsObject *
op_truth (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return op_truth_or_not (vm, "truth", args, nargs, kwnames, FALSE);
}

static HsObject *
op_not (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return op_truth_or_not (vm, "not_", args, nargs, kwnames, TRUE);
}

static HsObject *
op_index (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL;
  if (!hs_parse_args (vm, "index", args, nargs, kwnames, "!a", &a))
    return NULL;
  return hs_number_index (vm, a);
}

static HsObject *
op_is (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, "is_", args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  return hs_bool_from (a == b);
}

static HsObject *
op_is_not (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, "is_not", args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  return hs_bool_from (a != b);
}

static HsObject *
op_contains (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL;
  int r;
  if (!hs_parse_args (vm, "contains", args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  r = hs_object_contains (vm, a, b);
  return r < 0 ? NULL : hs_bool_from (r);
}

/* countOf (count) and indexOf (index of the first): items `is` or == b */
static HsObject *
search (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames, gboolean count)
{
  HsObject *a = NULL, *b = NULL, *it, *item;
  gint64 n = 0, i = 0;
  int eq = 0;

  if (!hs_parse_args (vm, name, args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  if ((it = hs_object_iter (vm, a)) == NULL)
    return NULL;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      eq = hs_object_equal (vm, item, b);
      hs_decref (vm, item);
      if (eq < 0 || (eq > 0 && !count))
        break;
      n += eq;
      i++;
    }
  hs_decref (vm, it);
  if (eq < 0 || hs_err_occurred (vm))
    return NULL;
  if (count)
    return hs_int_from_i64 (vm, n);
  if (eq > 0)
    return hs_int_from_i64 (vm, i);
  hs_err_set_string (vm, &hs_exc_ValueError, "sequence.index(x): x not in sequence");
  return NULL;
}

static HsObject *
op_countOf (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return search (vm, "countOf", args, nargs, kwnames, TRUE);
}

static HsObject *
op_indexOf (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return search (vm, "indexOf", args, nargs, kwnames, FALSE);
}

static HsObject *
op_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, "getitem", args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  return hs_object_getitem (vm, a, b);
}

static HsObject *
op_setitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL, *c = NULL;
  if (!hs_parse_args (vm, "setitem", args, nargs, kwnames, "a b c /", &a, &b, &c))
    return NULL;
  return hs_object_setitem (vm, a, b, c) < 0 ? NULL : hs_None;
}

static HsObject *
op_delitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, "delitem", args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  return hs_object_delitem (vm, a, b) < 0 ? NULL : hs_None;
}

/* a + b for sequences only (CPython's PySequence_Concat). */
static HsObject *
op_concat (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, "concat", args, nargs, kwnames, "a b /", &a, &b))
    return NULL;
  if (hs_int_check (a) || HS_IS (a, &hs_float_type) || a == hs_None || HS_IS (a, &hs_dict_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object can't be concatenated", hs_type_name (a));
      return NULL;
    }
  return hs_number_binop (vm, HS_BIN_ADD, a, b);
}

static HsObject *
op_length_hint (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *d = NULL;
  gssize dflt = 0, n;
  if (!hs_parse_args (vm, "length_hint", args, nargs, kwnames, "obj|default /", &a, &d))
    return NULL;
  if (d != NULL && (dflt = hs_int_as_ssize_index (vm, d)) == -1 && hs_err_occurred (vm))
    return NULL;
  n = hs_object_length_hint (vm, a, dflt);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

static HsObject *
op_call (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs < 1)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "call() missing 1 required positional argument: 'obj'");
      return NULL;
    }
  return hs_object_call (vm, args[0], args + 1, nargs - 1, kwnames);
}

/* ---- itemgetter, attrgetter, methodcaller ---------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *items;  /* tuple: the keys, attribute names, or the method name */
  HsObject *args;   /* methodcaller: its positional arguments (tuple) */
  HsObject *kwargs; /* methodcaller: keyword names (tuple), values in args after the others */
  gsize npos;
} HsGetter;

static void
getter_dealloc (HsVM *vm, HsObject *self)
{
  HsGetter *g = (HsGetter *)self;
  HS_CLEAR (vm, g->items);
  HS_CLEAR (vm, g->args);
  HS_CLEAR (vm, g->kwargs);
}

static void
getter_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  HsGetter *g = (HsGetter *)self;
  if (g->items != NULL)
    hs_visit (visit, g->items, data);
  if (g->args != NULL)
    hs_visit (visit, g->args, data);
}

static HsObject *
getter_new (HsVM *vm, HsType *type, HsObject **args, gsize nargs)
{
  HsGetter *g = (HsGetter *)hs_object_alloc (vm, type, sizeof (HsGetter));
  if (g == NULL)
    return NULL;
  if ((g->items = hs_tuple_from_array (vm, args, nargs)) == NULL)
    {
      hs_decref (vm, &g->header);
      return NULL;
    }
  hs_gc_track (vm, &g->header);
  return &g->header;
}

/* The getter's result: f(obj, item) for one item, else the tuple of them. */
static HsObject *
collect (HsVM *vm, HsObject *self, HsObject *obj, HsObject *(*get) (HsVM *, HsObject *, HsObject *))
{
  HsObject *items = ((HsGetter *)self)->items, *r;
  gsize n = hs_tuple_len (items);
  if (n == 1)
    return get (vm, obj, hs_tuple_get_borrow (items, 0));
  if ((r = hs_tuple_new (vm, n)) == NULL)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *v = get (vm, obj, hs_tuple_get_borrow (items, i));
      if (v == NULL)
        {
          hs_decref (vm, r);
          return NULL;
        }
      hs_tuple_set_take (r, i, v);
    }
  return r;
}

/* "operator.itemgetter(1, 'a')" */
static HsObject *
getter_repr (HsVM *vm, HsObject *self)
{
  HsGetter *g = (HsGetter *)self;
  GString *out = g_string_new ("operator.");
  gsize n = hs_tuple_len (g->items);

  g_string_append_printf (out, "%s(", self->type->name);
  for (gsize i = 0; i < n + (g->args ? hs_tuple_len (g->args) : 0); i++)
    {
      gboolean kw = g->args != NULL && i >= n + g->npos;
      HsObject *v
          = i < n ? hs_tuple_get_borrow (g->items, i) : hs_tuple_get_borrow (g->args, i - n);
      HsObject *r = hs_object_repr (vm, v);
      if (r == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (i > 0)
        g_string_append (out, ", ");
      if (kw)
        g_string_append_printf (
            out, "%s=", hs_str_utf8 (hs_tuple_get_borrow (g->kwargs, i - n - g->npos)));
      g_string_append (out, hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

#define GETTER_TYPE(var, tname, call_fn, construct_fn)                                             \
  static HsType var = {                                                                            \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = tname,                                                                                 \
    .module = "operator",                                                                          \
    .tp_name = "operator." tname,                                                                  \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC,                                                                      \
    .basicsize = sizeof (HsGetter),                                                                \
    .dealloc = getter_dealloc,                                                                     \
    .refs = getter_refs,                                                                           \
    .clear = getter_dealloc,                                                                       \
    .repr = getter_repr,                                                                           \
    .call = call_fn,                                                                               \
    .construct = construct_fn,                                                                     \
  }

static HsObject *
itemgetter_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  if (!hs_parse_args (vm, "itemgetter", args, nargs, kwnames, "obj /", &obj))
    return NULL;
  return collect (vm, self, obj, hs_object_getitem);
}

static HsObject *
itemgetter_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "itemgetter", kwnames))
    return NULL;
  if (nargs == 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "itemgetter expected 1 argument, got 0");
      return NULL;
    }
  return getter_new (vm, type, args, nargs);
}

GETTER_TYPE (itemgetter_type, "itemgetter", itemgetter_call, itemgetter_construct);

/* obj.a.b for "a.b" */
static HsObject *
dotted_getattr (HsVM *vm, HsObject *obj, HsObject *name)
{
  g_auto (GStrv) parts = g_strsplit (hs_str_utf8 (name), ".", -1);
  HsObject *cur = hs_incref (obj);
  for (gsize i = 0; cur != NULL && parts[i] != NULL; i++)
    {
      HsObject *next = hs_object_getattr_cstr (vm, cur, parts[i]);
      hs_decref (vm, cur);
      cur = next;
    }
  return cur;
}

static HsObject *
attrgetter_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  if (!hs_parse_args (vm, "attrgetter", args, nargs, kwnames, "obj /", &obj))
    return NULL;
  return collect (vm, self, obj, dotted_getattr);
}

static HsObject *
attrgetter_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_no_kwargs (vm, "attrgetter", kwnames))
    return NULL;
  if (nargs == 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "attrgetter expected 1 argument, got 0");
      return NULL;
    }
  for (gsize i = 0; i < nargs; i++)
    if (!hs_str_check (args[i]))
      {
        hs_err_set_string (vm, &hs_exc_TypeError, "attribute name must be a string");
        return NULL;
      }
  return getter_new (vm, type, args, nargs);
}

GETTER_TYPE (attrgetter_type, "attrgetter", attrgetter_call, attrgetter_construct);

static HsObject *
methodcaller_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsGetter *g = (HsGetter *)self;
  HsObject *obj = NULL, *m, *r;
  if (!hs_parse_args (vm, "methodcaller", args, nargs, kwnames, "obj /", &obj))
    return NULL;
  if ((m = hs_object_getattr (vm, obj, hs_tuple_get_borrow (g->items, 0))) == NULL)
    return NULL;
  r = hs_object_call (vm, m, hs_tuple_items (g->args), g->npos,
                      hs_tuple_len (g->kwargs) > 0 ? g->kwargs : NULL);
  hs_decref (vm, m);
  return r;
}

static HsObject *
methodcaller_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  HsObject *self;
  HsGetter *g;

  if (nargs == 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "methodcaller needs at least one argument, the method name");
      return NULL;
    }
  if (!hs_str_check (args[0]))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "method name must be a string");
      return NULL;
    }
  if ((self = getter_new (vm, type, args, 1)) == NULL)
    return NULL;
  g = (HsGetter *)self;
  g->npos = nargs - 1;
  g->args = hs_tuple_from_array (vm, args + 1, nargs - 1 + nkw);
  g->kwargs = nkw > 0 ? hs_incref (kwnames) : hs_incref (hs_tuple_empty ());
  if (g->args == NULL)
    HS_CLEAR (vm, self);
  return self;
}

GETTER_TYPE (methodcaller_type, "methodcaller", methodcaller_call, methodcaller_construct);

static const HsMethodDef operator_functions[] = {
  { "add", op_add },
  { "sub", op_sub },
  { "mul", op_mul },
  { "truediv", op_truediv },
  { "floordiv", op_floordiv },
  { "mod", op_mod },
  { "pow", op_pow },
  { "lshift", op_lshift },
  { "rshift", op_rshift },
  { "and_", op_and_ },
  { "or_", op_or_ },
  { "xor", op_xor },
  { "matmul", op_matmul },
  { "iadd", op_iadd },
  { "isub", op_isub },
  { "imul", op_imul },
  { "itruediv", op_itruediv },
  { "ifloordiv", op_ifloordiv },
  { "imod", op_imod },
  { "ipow", op_ipow },
  { "ilshift", op_ilshift },
  { "irshift", op_irshift },
  { "iand", op_iand_ },
  { "ior", op_ior_ },
  { "ixor", op_ixor },
  { "imatmul", op_imatmul },
  { "lt", op_lt },
  { "le", op_le },
  { "eq", op_eq },
  { "ne", op_ne },
  { "gt", op_gt },
  { "ge", op_ge },
  { "neg", op_neg },
  { "pos", op_pos },
  { "invert", op_invert },
  { "inv", op_invert },
  { "abs", op_abs },
  { "truth", op_truth },
  { "not_", op_not },
  { "index", op_index },
  { "is_", op_is },
  { "is_not", op_is_not },
  { "contains", op_contains },
  { "countOf", op_countOf },
  { "indexOf", op_indexOf },
  { "getitem", op_getitem },
  { "setitem", op_setitem },
  { "delitem", op_delitem },
  { "concat", op_concat },
  { "iconcat", op_concat },
  { "length_hint", op_length_hint },
  { "call", op_call },
  { NULL, NULL },
};

void
hs_mod_operator_runtime_init (void)
{
  hs_type_ready (&itemgetter_type);
  hs_type_ready (&attrgetter_type);
  hs_type_ready (&methodcaller_type);
}

int
hs_mod_operator_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_functions (vm, dict, operator_functions) < 0)
    return -1;
  if (hs_module_add_take (vm, dict, "itemgetter", hs_incref ((HsObject *)&itemgetter_type)) < 0
      || hs_module_add_take (vm, dict, "attrgetter", hs_incref ((HsObject *)&attrgetter_type)) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "methodcaller", hs_incref ((HsObject *)&methodcaller_type));
}
