/* hs-genericalias.c — generic aliases, unions and the typing module's forms.
 *
 * Invariant: an alias owns its origin (a class, or NULL for a typing form that stands
 * for none, such as Any or Union) and its arguments (a tuple, NULL when not subscripted);
 * it is immutable, so equal aliases compare equal and hash alike, and its repr is
 * CPython's: `list[int]`, `int | None`, `typing.Dict[str, int]`, `typing.Optional[int]`
 * (a Union of one type and None). These are markers: Heapscope checks no types with them.
 */
#include "config.h"

#include "hs-genericalias.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class-private.h"
#include "hs-class.h"
#include "hs-chainmap.h"
#include "hs-cpython-names.h"
#include "hs-deque.h"
#include "hs-dict.h"
#include "hs-dictkinds.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-slot-wrapper.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject *origin; /* class or NULL */
  HsObject *args;   /* tuple or NULL */
  HsAliasKind kind;
  const char *form; /* typing: the form's name */
  int nparams;      /* typing, not subscripted: arguments its subscript takes (-1: any) */
  gboolean inst;    /* typing, for a class: calling it makes an instance (Deque, not List) */
} HsGenericAlias;

#define ALIAS(o) ((HsGenericAlias *)(o))

static HsType alias_type;
static HsType union_type;
/* typing's classes of forms, as CPython 3.11 names them */
static HsType form_type;           /* _GenericAlias: List[int], Final[int], Stack[int] */
static HsType special_type;        /* _SpecialGenericAlias: List, Iterable */
static HsType callable_type;       /* _CallableType: Callable */
static HsType tuple_type;          /* _TupleType: Tuple */
static HsType callable_alias_type; /* _CallableGenericAlias: Callable[[int], str] */
static HsType union_generic_type;  /* _UnionGenericAlias: Union[int, str], Optional[int] */
static HsType literal_type;        /* _LiteralGenericAlias: Literal[1] */
static HsType special_form_type;   /* _SpecialForm: Union, Optional, Any, Final */

static void
alias_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ALIAS (self)->origin);
  HS_CLEAR (vm, ALIAS (self)->args);
}

static void
alias_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (ALIAS (self)->origin != NULL)
    hs_visit_named (visit, ALIAS (self)->origin, HS_REF_ATTR, "__origin__", data);
  if (ALIAS (self)->args != NULL)
    hs_visit_named (visit, ALIAS (self)->args, HS_REF_ATTR, "__args__", data);
}

static gboolean
is_alias (HsObject *o)
{
  return HS_TYPE (o)->dealloc == alias_dealloc;
}

static gboolean
is_form (const HsGenericAlias *a, const char *name)
{
  return a->form != NULL && strcmp (a->form, name) == 0;
}

/* The class of a typing form, by what it stands for and whether it is subscripted. */
static HsType *
typing_type (const char *form, HsObject *origin, HsObject *args)
{
  gboolean callable = form != NULL && strcmp (form, "Callable") == 0;
  if (form == NULL)
    return &form_type;
  if (origin != NULL && args == NULL)
    return callable ? &callable_type : strcmp (form, "Tuple") == 0 ? &tuple_type : &special_type;
  if (origin != NULL)
    return callable ? &callable_alias_type : &form_type;
  if (args == NULL)
    return &special_form_type;
  if (strcmp (form, "Union") == 0)
    return &union_generic_type;
  return strcmp (form, "Literal") == 0 ? &literal_type : &form_type;
}

static HsObject *
alias_new (HsVM *vm, HsAliasKind kind, const char *form, HsObject *origin, HsObject *args)
{
  HsType *type = kind == HS_ALIAS_GENERIC ? &alias_type
                 : kind == HS_ALIAS_UNION ? &union_type
                                          : typing_type (form, origin, args);
  HsGenericAlias *a = (HsGenericAlias *)hs_object_alloc (vm, type, sizeof (HsGenericAlias));
  if (a == NULL)
    return NULL;
  a->kind = kind;
  a->form = form;
  a->inst = TRUE;
  a->origin = origin != NULL ? hs_incref (origin) : NULL;
  a->args = args != NULL ? hs_incref (args) : NULL;
  if (vm != NULL)
    hs_gc_track (vm, &a->header);
  return &a->header;
}

/* typing's _type_repr: a class by its qualified name (builtins without their module),
 * None as None (NoneType too in a types.UnionType, `none_word`), ... as ..., a list of
 * them in brackets, anything else by repr. */
static gboolean
append_type_repr (HsVM *vm, GString *out, HsObject *o, gboolean none_word)
{
  HsObject *r;
  if (o == hs_None || (none_word && o == (HsObject *)&hs_none_type))
    {
      g_string_append (out, "None");
      return TRUE;
    }
  if (o == hs_Ellipsis)
    {
      g_string_append (out, "...");
      return TRUE;
    }
  if (hs_list_check (o))
    {
      g_string_append_c (out, '[');
      for (gsize i = 0; i < hs_list_len (o); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          if (!append_type_repr (vm, out, hs_list_get_borrow (o, i), none_word))
            return FALSE;
        }
      g_string_append_c (out, ']');
      return TRUE;
    }
  if (HS_ISINSTANCE (o, &hs_type_type))
    {
      HsObject *mod = hs_object_getattr_cstr (vm, o, "__module__");
      HsObject *name = mod != NULL ? hs_object_getattr_cstr (vm, o, "__qualname__") : NULL;
      if (name != NULL && hs_str_check (mod) && hs_str_check (name))
        {
          if (!hs_str_equal_cstr (mod, "builtins"))
            g_string_append_printf (out, "%s.", hs_str_utf8 (mod));
          g_string_append (out, hs_str_utf8 (name));
        }
      hs_xdecref (vm, mod);
      hs_xdecref (vm, name);
      return name != NULL;
    }
  if ((r = hs_object_repr (vm, o)) == NULL)
    return FALSE;
  g_string_append (out, hs_str_utf8 (r));
  hs_decref (vm, r);
  return TRUE;
}

/* The first n of args, joined by sep (`()` when args is empty). */
static gboolean
append_args_n (HsVM *vm, GString *out, HsObject *args, gsize n, const char *sep, gboolean none_word)
{
  if (hs_tuple_len (args) == 0)
    g_string_append (out, "()");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, sep);
      if (!append_type_repr (vm, out, hs_tuple_get_borrow (args, i), none_word))
        return FALSE;
    }
  return TRUE;
}

static gboolean
append_args (HsVM *vm, GString *out, HsObject *args, const char *sep)
{
  return append_args_n (vm, out, args, hs_tuple_len (args), sep, FALSE);
}

/* Callable[[int], str] (its __args__ are (int, str)), Callable[[], str], Callable[..., str] */
static gboolean
append_callable (HsVM *vm, GString *out, HsObject *args)
{
  gsize n = hs_tuple_len (args);
  if (n == 2 && hs_tuple_get_borrow (args, 0) == hs_Ellipsis)
    return append_args (vm, out, args, ", ");
  g_string_append_c (out, '[');
  if (n > 1 && !append_args_n (vm, out, args, n - 1, ", ", FALSE))
    return FALSE;
  g_string_append (out, "], ");
  return append_type_repr (vm, out, hs_tuple_get_borrow (args, n - 1), FALSE);
}

/* A Union of two, one of them None: the index of the other, else -1 */
static int
optional_of (HsGenericAlias *a)
{
  if (!is_form (a, "Union") || a->args == NULL || hs_tuple_len (a->args) != 2)
    return -1;
  if (hs_tuple_get_borrow (a->args, 0) == (HsObject *)&hs_none_type)
    return 1;
  return hs_tuple_get_borrow (a->args, 1) == (HsObject *)&hs_none_type ? 0 : -1;
}

static HsObject *
alias_repr (HsVM *vm, HsObject *self)
{
  HsGenericAlias *a = ALIAS (self);
  GString *out = g_string_new (NULL);
  gboolean ok = TRUE;

  switch (a->kind)
    {
      case HS_ALIAS_GENERIC:
        ok = append_type_repr (vm, out, a->origin, FALSE);
        g_string_append_c (out, '[');
        ok = ok && append_args (vm, out, a->args, ", ");
        g_string_append_c (out, ']');
        break;
      case HS_ALIAS_UNION:
        ok = append_args_n (vm, out, a->args, hs_tuple_len (a->args), " | ", TRUE);
        break;
      case HS_ALIAS_TYPING:
        if (a->form == NULL) /* a generic class's: typing.Generic[~T], __main__.Stack[int] */
          {
            ok = append_type_repr (vm, out, a->origin, FALSE);
            g_string_append_c (out, '[');
            ok = ok && append_args (vm, out, a->args, ", ");
            g_string_append_c (out, ']');
            break;
          }
        g_string_append_printf (out, "typing.%s", optional_of (a) >= 0 ? "Optional" : a->form);
        if (a->args == NULL)
          break;
        g_string_append_c (out, '[');
        if (optional_of (a) >= 0)
          ok = append_type_repr (vm, out, hs_tuple_get_borrow (a->args, optional_of (a)), FALSE);
        else if (is_form (a, "Callable") && hs_tuple_len (a->args) > 0)
          ok = append_callable (vm, out, a->args);
        else
          ok = append_args (vm, out, a->args, ", ");
        g_string_append_c (out, ']');
        break;
    }
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return hs_str_from_gstring (vm, out);
}

/* int | str and typing.Union[int, str]: equal to another union of the same members in
 * any order, as CPython compares their sets of arguments */
static gboolean
is_union (const HsGenericAlias *a)
{
  return a->kind == HS_ALIAS_UNION || (is_form (a, "Union") && a->args != NULL);
}

/* every member of x is one of y's: 1, 0, -1 */
static int
members_in (HsVM *vm, HsObject *x, HsObject *y)
{
  for (gsize i = 0; i < hs_tuple_len (x); i++)
    {
      int in = hs_object_contains (vm, y, hs_tuple_get_borrow (x, i));
      if (in <= 0)
        return in;
    }
  return 1;
}

static HsObject *
alias_richcompare (HsVM *vm, HsObject *x, HsObject *y, HsCompareOp op)
{
  HsGenericAlias *a = ALIAS (x), *b;
  int eq;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !is_alias (y))
    return hs_incref (hs_NotImplemented);
  b = ALIAS (y);
  if (is_union (a) || is_union (b))
    {
      eq = is_union (a) && is_union (b) ? members_in (vm, a->args, b->args) : 0;
      if (eq > 0)
        eq = members_in (vm, b->args, a->args);
      if (eq < 0)
        return NULL;
      return hs_bool_from ((op == HS_CMP_EQ) == (eq != 0));
    }
  eq = a->kind == b->kind && a->origin == b->origin && g_strcmp0 (a->form, b->form) == 0
       && (a->args == NULL) == (b->args == NULL);
  if (eq && a->args != NULL && (eq = hs_object_equal (vm, a->args, b->args)) < 0)
    return NULL;
  return hs_bool_from ((op == HS_CMP_EQ) == (eq != 0));
}

static int
alias_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  HsGenericAlias *a = ALIAS (self);
  gint64 h;
  if (is_union (a)) /* as its members' frozenset: the same in any order */
    {
      gint64 acc = 0x55d1;
      for (gsize i = 0; i < hs_tuple_len (a->args); i++)
        {
          if (hs_object_hash (vm, hs_tuple_get_borrow (a->args, i), &h) < 0)
            return -1;
          acc ^= h * 0x9e3779b1;
        }
      *out = acc != -1 ? acc : -2;
      return 0;
    }
  h = a->origin != NULL ? (gint64)hs_object_id (a->origin) : g_str_hash (a->form);
  if (a->args != NULL && hs_object_hash (vm, a->args, &h) < 0)
    return -1;
  *out = h ^ (a->kind * 1000003);
  return 0;
}

/* list[int]() makes a list, Stack[int]() a Stack that remembers the alias in
 * __orig_class__ (where it takes attributes); a typing form cannot be called */
static HsObject *
alias_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsGenericAlias *a = ALIAS (self);
  if (a->kind == HS_ALIAS_GENERIC)
    return hs_object_call (vm, a->origin, args, nargs, kwnames);
  if (a->kind == HS_ALIAS_TYPING && a->origin != NULL && a->inst)
    {
      HsObject *r = hs_object_call (vm, a->origin, args, nargs, kwnames);
      if (r != NULL && hs_object_setattr (vm, r, hs_str_intern_cstr ("__orig_class__"), self) < 0)
        hs_err_clear (vm);
      return r;
    }
  if (a->kind == HS_ALIAS_TYPING && a->origin != NULL)
    hs_err_format (vm, &hs_exc_TypeError, "Type %s cannot be instantiated; use %s() instead",
                   a->form, ((HsType *)a->origin)->name);
  else
    {
      HsObject *r = alias_repr (vm, self);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "Cannot instantiate %s", hs_str_utf8 (r));
      hs_xdecref (vm, r);
    }
  return NULL;
}

static HsObject *
args_of (HsVM *vm, HsObject *key)
{
  return HS_IS (key, &hs_tuple_type) ? hs_incref (key) : hs_tuple_pack (vm, 1, key);
}

/* None in a Union is NoneType; nested Unions are flattened, duplicates dropped */
static int
union_add (HsVM *vm, HsObject *list, HsObject *t)
{
  int in;
  if (is_alias (t)
      && ((ALIAS (t)->kind == HS_ALIAS_UNION)
          || (ALIAS (t)->form != NULL && strcmp (ALIAS (t)->form, "Union") == 0))
      && ALIAS (t)->args != NULL)
    {
      for (gsize i = 0; i < hs_tuple_len (ALIAS (t)->args); i++)
        if (union_add (vm, list, hs_tuple_get_borrow (ALIAS (t)->args, i)) < 0)
          return -1;
      return 0;
    }
  if (t == hs_None)
    t = (HsObject *)&hs_none_type;
  if ((in = hs_object_contains (vm, list, t)) != 0)
    return in < 0 ? -1 : 0;
  return hs_list_append (vm, list, t);
}

static HsObject *
union_of (HsVM *vm, HsAliasKind kind, HsObject *members)
{
  HsObject *list = hs_list_new (vm, 0), *args, *r;
  for (gsize i = 0; list != NULL && i < hs_tuple_len (members); i++)
    if (union_add (vm, list, hs_tuple_get_borrow (members, i)) < 0)
      HS_CLEAR (vm, list);
  if (list == NULL)
    return NULL;
  if (hs_list_len (list) == 1)
    {
      r = hs_incref (hs_list_get_borrow (list, 0));
      hs_decref (vm, list);
      return r;
    }
  args = hs_list_as_tuple (vm, list);
  hs_decref (vm, list);
  if (args == NULL)
    return NULL;
  r = alias_new (vm, kind, kind == HS_ALIAS_TYPING ? "Union" : NULL, NULL, args);
  hs_decref (vm, args);
  return r;
}

/* ---- typing.ForwardRef: a class named by a string (List['Node']) ---------------------- */

typedef struct
{
  HsObject header;
  HsObject *arg; /* str */
} HsForwardRef;

#define FORWARD(o) ((HsForwardRef *)(o))

static void
forward_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, FORWARD (self)->arg);
}

static void
forward_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit_named (visit, FORWARD (self)->arg, HS_REF_ATTR, "__forward_arg__", data);
}

static HsObject *
forward_new (HsVM *vm, HsObject *arg)
{
  HsForwardRef *f
      = (HsForwardRef *)hs_object_alloc (vm, &hs_forwardref_type, sizeof (HsForwardRef));
  if (f == NULL)
    return NULL;
  f->arg = hs_incref (arg);
  return &f->header;
}

static HsObject *
forward_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *arg = NULL, *module = NULL, *is_class = NULL;
  if (!hs_parse_args (vm, "ForwardRef", args, nargs, kwnames, "arg|is_argument module $ is_class",
                      &arg, &module, &module, &is_class))
    return NULL;
  if (!hs_str_check (arg))
    {
      HsObject *r = hs_object_repr (vm, arg);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "Forward reference must be a string -- got %s",
                       hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  return forward_new (vm, arg);
}

static HsObject *
forward_repr (HsVM *vm, HsObject *self)
{
  HsObject *r = hs_object_repr (vm, FORWARD (self)->arg), *out;
  if (r == NULL)
    return NULL;
  out = hs_str_from_format (vm, "ForwardRef(%s)", hs_str_utf8 (r));
  hs_decref (vm, r);
  return out;
}

static HsObject *
forward_richcompare (HsVM *vm, HsObject *x, HsObject *y, HsCompareOp op)
{
  int eq;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !HS_IS (y, &hs_forwardref_type))
    return hs_incref (hs_NotImplemented);
  if ((eq = hs_object_equal (vm, FORWARD (x)->arg, FORWARD (y)->arg)) < 0)
    return NULL;
  return hs_bool_from ((op == HS_CMP_EQ) == (eq != 0));
}

static int
forward_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  return hs_object_hash (vm, FORWARD (self)->arg, out);
}

static HsObject *
forward_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "__forward_arg__"))
    return hs_incref (FORWARD (self)->arg);
  return hs_object_generic_getattr (vm, self, name);
}

HsType hs_forwardref_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "ForwardRef",
  .module = "typing",
  .base = &hs_object_type,
  .basicsize = sizeof (HsForwardRef),
  .dealloc = forward_dealloc,
  .refs = forward_refs,
  .repr = forward_repr,
  .hash = forward_hash,
  .richcompare = forward_richcompare,
  .getattr = forward_getattr,
  .construct = forward_construct,
};

/* A typing.TypeVar (written in hs-mod-typing.c), which typing substitutes. */
static gboolean
is_typevar (HsObject *o)
{
  return strcmp (HS_TYPE (o)->name, "TypeVar") == 0
         && g_strcmp0 (HS_TYPE (o)->module, "typing") == 0;
}

static HsObject *collect_parameters (HsVM *vm, HsObject *args);

/* Appends to `list` each of `params` (a tuple) it lacks. */
static int
add_parameters (HsVM *vm, HsObject *list, HsObject *params)
{
  for (gsize i = 0; i < hs_tuple_len (params); i++)
    {
      HsObject *p = hs_tuple_get_borrow (params, i);
      gboolean seen = FALSE;
      for (gsize j = 0; j < hs_list_len (list) && !seen; j++)
        seen = hs_list_get_borrow (list, j) == p;
      if (!seen && hs_list_append (vm, list, p) < 0)
        return -1;
    }
  return 0;
}

/* typing's _collect_parameters: the type variables in `args` (a tuple), each once, in
 * order; classes are skipped, an alias gives its own __parameters__. */
static HsObject *
collect_parameters (HsVM *vm, HsObject *args)
{
  HsObject *list = hs_list_new (vm, 0), *r;
  for (gsize i = 0; list != NULL && i < hs_tuple_len (args); i++)
    {
      HsObject *t = hs_tuple_get_borrow (args, i), *own;
      int rc = 0;
      if (hs_type_check (t))
        continue;
      if (is_typevar (t))
        {
          HsObject *one = hs_tuple_pack (vm, 1, t);
          rc = one != NULL ? add_parameters (vm, list, one) : -1;
          hs_xdecref (vm, one);
        }
      else if (is_alias (t) && ALIAS (t)->args != NULL)
        {
          own = collect_parameters (vm, ALIAS (t)->args);
          rc = own != NULL ? add_parameters (vm, list, own) : -1;
          hs_xdecref (vm, own);
        }
      if (rc < 0)
        HS_CLEAR (vm, list);
    }
  if (list == NULL)
    return NULL;
  r = hs_list_as_tuple (vm, list);
  hs_decref (vm, list);
  return r;
}

/* TypeError(fmt % repr(self)) */
static HsObject *
error_with_repr (HsVM *vm, HsObject *self, const char *fmt)
{
  HsObject *r = alias_repr (vm, self);
  if (r != NULL)
    hs_err_format (vm, &hs_exc_TypeError, fmt, hs_str_utf8 (r));
  hs_xdecref (vm, r);
  return NULL;
}

/* "Too many arguments for typing.List; actual 2, expected 1" */
static HsObject *
count_error (HsVM *vm, HsObject *self, gsize actual, gsize expected)
{
  HsObject *r = alias_repr (vm, self);
  if (r != NULL)
    hs_err_format (vm, &hs_exc_TypeError,
                   "Too %s arguments for %s; actual %" G_GSIZE_FORMAT ", expected %" G_GSIZE_FORMAT,
                   actual > expected ? "many" : "few", hs_str_utf8 (r), actual, expected);
  hs_xdecref (vm, r);
  return NULL;
}

/* An alias like a, with other arguments */
static HsObject *
alias_with_args (HsVM *vm, HsGenericAlias *a, HsObject *args)
{
  HsObject *r;
  if (a->kind == HS_ALIAS_UNION || is_form (a, "Union"))
    return union_of (vm, a->kind, args);
  r = alias_new (vm, a->kind, a->form, a->origin, args);
  if (r != NULL)
    ALIAS (r)->inst = a->inst;
  return r;
}

/* o with every TypeVar of params replaced by its value in values (a new reference) */
static HsObject *
substitute (HsVM *vm, HsObject *o, HsObject *params, HsObject *values)
{
  HsObject *args, *r;
  if (is_typevar (o))
    {
      for (gsize i = 0; i < hs_tuple_len (params); i++)
        if (hs_tuple_get_borrow (params, i) == o)
          return hs_incref (hs_tuple_get_borrow (values, i));
      return hs_incref (o);
    }
  if (!is_alias (o) || ALIAS (o)->args == NULL)
    return hs_incref (o);
  if ((args = hs_tuple_new (vm, hs_tuple_len (ALIAS (o)->args))) == NULL)
    return NULL;
  for (gsize i = 0; i < hs_tuple_len (args); i++)
    {
      HsObject *v = substitute (vm, hs_tuple_get_borrow (ALIAS (o)->args, i), params, values);
      if (v == NULL)
        {
          hs_decref (vm, args);
          return NULL;
        }
      hs_tuple_set_take (args, i, v);
    }
  r = alias_with_args (vm, ALIAS (o), args);
  hs_decref (vm, args);
  return r;
}

/* typing's _type_convert: None stands for NoneType, a str for a ForwardRef (new reference) */
static HsObject *
type_convert (HsVM *vm, HsObject *o)
{
  if (o == hs_None)
    return hs_incref ((HsObject *)&hs_none_type);
  return hs_str_check (o) ? forward_new (vm, o) : hs_incref (o);
}

/* a tuple of the items, each converted; steals nothing */
static HsObject *
converted_tuple (HsVM *vm, HsObject *const *items, gsize n, HsObject *last)
{
  HsObject *r = hs_tuple_new (vm, n + (last != NULL));
  for (gsize i = 0; r != NULL && i < n + (last != NULL); i++)
    {
      HsObject *v = type_convert (vm, i < n ? items[i] : last);
      if (v == NULL)
        {
          for (gsize j = i; j < n + (last != NULL); j++)
            hs_tuple_set_take (r, j, hs_incref (hs_None));
          HS_CLEAR (vm, r);
          break;
        }
      hs_tuple_set_take (r, i, v);
    }
  return r;
}

/* key as a tuple of arguments, converted */
static HsObject *
converted_args (HsVM *vm, HsObject *key)
{
  HsObject *args = args_of (vm, key), *r;
  if (args == NULL)
    return NULL;
  r = converted_tuple (vm, hs_tuple_items (args), hs_tuple_len (args), NULL);
  hs_decref (vm, args);
  return r;
}

/* List[T][int], Dict[str, T][int]: the TypeVars given their values, in order */
static HsObject *
subscript_params (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *params = collect_parameters (vm, ALIAS (self)->args), *values = NULL, *r = NULL;
  if (params == NULL)
    return NULL;
  if (hs_tuple_len (params) == 0)
    error_with_repr (vm, self, "%s is not a generic class");
  else if ((values = converted_args (vm, key)) != NULL)
    {
      if (hs_tuple_len (values) != hs_tuple_len (params))
        count_error (vm, self, hs_tuple_len (values), hs_tuple_len (params));
      else
        r = substitute (vm, self, params, values);
    }
  hs_decref (vm, params);
  hs_xdecref (vm, values);
  return r;
}

/* Callable[[int, str], bool]: __args__ (int, str, bool); Callable[..., bool]: (..., bool) */
static HsObject *
callable_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *params, *result, *args, *r;
  if (!hs_tuple_check (key) || hs_tuple_len (key) != 2)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Callable must be used as Callable[[arg, ...], result].");
      return NULL;
    }
  params = hs_tuple_get_borrow (key, 0);
  result = hs_tuple_get_borrow (key, 1);
  if (hs_list_check (params))
    args = converted_tuple (vm, hs_list_items (params), hs_list_len (params), result);
  else if (hs_tuple_check (params))
    args = converted_tuple (vm, hs_tuple_items (params), hs_tuple_len (params), result);
  else if (params == hs_Ellipsis)
    {
      HsObject *last = type_convert (vm, result);
      args = last != NULL ? hs_tuple_pack (vm, 2, hs_Ellipsis, last) : NULL;
      hs_xdecref (vm, last);
    }
  else
    args = converted_tuple (vm, &params, 1, result);
  if (args == NULL)
    return NULL;
  r = alias_with_args (vm, ALIAS (self), args);
  hs_decref (vm, args);
  return r;
}

/* typing.List[int], typing.Optional[int], typing.Union[a, b], typing.Literal[1] */
static HsObject *
form_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsGenericAlias *a = ALIAS (self);
  HsObject *args, *r;
  if (a->args != NULL)
    return subscript_params (vm, self, key);
  if (is_form (a, "Callable"))
    return callable_getitem (vm, self, key);
  /* Literal's and Annotated's arguments are values, not types */
  if ((args = is_form (a, "Literal") || is_form (a, "Annotated") ? args_of (vm, key)
                                                                 : converted_args (vm, key))
      == NULL)
    return NULL;
  if (is_form (a, "Optional") && hs_tuple_check (key))
    {
      HsObject *r = hs_object_repr (vm, key);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "typing.Optional requires a single type. Got %.100s.",
                       hs_str_utf8 (r));
      hs_xdecref (vm, r);
      hs_decref (vm, args);
      return NULL;
    }
  if (is_form (a, "Union") && hs_tuple_len (args) == 0)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Cannot take a Union of no types.");
      hs_decref (vm, args);
      return NULL;
    }
  if (is_form (a, "Union") || is_form (a, "Optional"))
    {
      if (is_form (a, "Optional"))
        {
          HsObject *pair = hs_tuple_pack (vm, 2, hs_tuple_get_borrow (args, 0), hs_None);
          hs_decref (vm, args);
          if ((args = pair) == NULL)
            return NULL;
        }
      r = union_of (vm, HS_ALIAS_TYPING, args);
    }
  else if (a->origin != NULL && a->nparams == 0)
    r = error_with_repr (vm, self, "%s is not a generic class");
  else if (a->origin != NULL && a->nparams > 0 && hs_tuple_len (args) != (gsize)a->nparams)
    r = count_error (vm, self, hs_tuple_len (args), a->nparams);
  else
    r = alias_with_args (vm, a, args);
  hs_decref (vm, args);
  return r;
}

static HsObject *
alias_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsGenericAlias *a = ALIAS (self);
  if (hs_str_equal_cstr (name, "__origin__") && a->origin != NULL)
    return hs_incref (a->origin);
  if (hs_str_equal_cstr (name, "__args__") && a->args != NULL)
    return hs_incref (a->args);
  if (hs_str_equal_cstr (name, "__parameters__") && a->args != NULL)
    return collect_parameters (vm, a->args);
  /* a typing form for a class: its name (List[int].__name__ is 'List') */
  if (a->kind == HS_ALIAS_TYPING && a->form != NULL && a->origin != NULL
      && (hs_str_equal_cstr (name, "__name__") || hs_str_equal_cstr (name, "__qualname__")
          || hs_str_equal_cstr (name, "_name")))
    return hs_str_from_cstr (vm, a->form);
  if (a->kind == HS_ALIAS_TYPING && hs_str_equal_cstr (name, "__module__"))
    return hs_str_from_cstr (vm, "typing");
  HsObject *r = hs_object_generic_getattr (vm, self, name);
  if (r != NULL || a->kind != HS_ALIAS_TYPING || !hs_err_matches (vm, &hs_exc_AttributeError))
    return r;
  /* typing's __getattr__: another name from the class it stands for (List.append), a
   * dunder refused by its name alone */
  hs_err_clear (vm);
  const char *n = hs_str_utf8 (name);
  gsize len = strlen (n);
  if (a->origin != NULL && !(len > 4 && g_str_has_prefix (n, "__") && g_str_has_suffix (n, "__")))
    return hs_object_getattr (vm, a->origin, name);
  hs_err_set_value (vm, &hs_exc_AttributeError, name);
  return NULL;
}

/* int | None (types.UnionType); a typing form on either side makes a typing.Union
 * (List[int] | None is typing.Optional[typing.List[int]]) */
static HsObject *
alias_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r;
  if (op == HS_BIN_OR
      && ((is_alias (a) && ALIAS (a)->kind == HS_ALIAS_TYPING)
          || (is_alias (b) && ALIAS (b)->kind == HS_ALIAS_TYPING)))
    {
      HsObject *pair = hs_tuple_pack (vm, 2, a, b);
      r = pair != NULL ? union_of (vm, HS_ALIAS_TYPING, pair) : NULL;
      hs_xdecref (vm, pair);
      return r;
    }
  if (op != HS_BIN_OR || (r = hs_alias_union (vm, a, b)) == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  return r;
}

/* ---- isinstance() and issubclass() ------------------------------------------------- */

/* issubclass(cls, self), as CPython 3.11's aliases answer it: a typing form for a class
 * by that class (issubclass(list, Iterable) asks collections.abc.Iterable), a Union by
 * its members; a subscripted alias, a list[int] and a bare form (Any, Union) refuse. */
static HsObject *
alias_subclass_check (HsVM *vm, HsObject *self, HsObject *cls, const char *fn)
{
  HsGenericAlias *a = ALIAS (self);
  HsObject *pair[2] = { cls, NULL };
  if (a->kind == HS_ALIAS_GENERIC)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() argument 2 cannot be a parameterized generic",
                     fn);
      return NULL;
    }
  if (a->kind == HS_ALIAS_UNION || (is_form (a, "Union") && a->args != NULL))
    {
      pair[1] = a->args;
      return hs_builtin_issubclass (vm, pair, 2, NULL);
    }
  if (a->origin == NULL && a->args == NULL)
    {
      HsObject *r = alias_repr (vm, self);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "%s cannot be used with %s()", hs_str_utf8 (r), fn);
      hs_xdecref (vm, r);
      return NULL;
    }
  if (a->args != NULL || (is_alias (cls) && ALIAS (cls)->args != NULL))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Subscripted generics cannot be used with class and instance checks");
      return NULL;
    }
  /* a typing form for a class given as cls stands for its class (issubclass(List, Iterable)) */
  pair[0] = is_alias (cls) && ALIAS (cls)->origin != NULL ? ALIAS (cls)->origin : cls;
  pair[1] = a->origin;
  return hs_builtin_issubclass (vm, pair, 2, NULL);
}

static HsObject *
alias_instancecheck (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *inst;
  if (!hs_parse_args (vm, "__instancecheck__", args + 1, nargs - 1, kwnames, "obj /", &inst))
    return NULL;
  return alias_subclass_check (vm, args[0], (HsObject *)HS_TYPE (inst), "isinstance");
}

static HsObject *
alias_subclasscheck (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls;
  if (!hs_parse_args (vm, "__subclasscheck__", args + 1, nargs - 1, kwnames, "cls /", &cls))
    return NULL;
  return alias_subclass_check (vm, args[0], cls, "issubclass");
}

HsObject *
hs_alias_union_members (HsObject *o)
{
  return HS_IS (o, &union_type) ? ALIAS (o)->args : NULL;
}

static gboolean
is_generic_subclass (HsObject *o)
{
  return hs_type_check (o) && hs_type_is_subtype ((HsType *)o, &hs_generic_type);
}

/* PEP 560, as CPython 3.11's aliases answer it: list[int] as a base is list; a typing
 * form for a class (List[int], List) is that class unless already a base, then Generic
 * unless a later base is generic; Generic[T] is Generic unless Protocol or a later alias
 * brings it; a generic class's alias (Stack[int], Protocol[T]) is the class. */
static HsObject *
alias_mro_entries (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *bases;
  if (!hs_parse_args (vm, "__mro_entries__", args + 1, nargs - 1, kwnames, "bases /", &bases))
    return NULL;
  HsGenericAlias *a = ALIAS (args[0]);
  HsObject **items = hs_tuple_check (bases) ? hs_tuple_items (bases) : NULL;
  gsize n = items != NULL ? hs_tuple_len (bases) : 0, at = 0;
  while (at < n && items[at] != args[0])
    at++;
  if (a->kind == HS_ALIAS_GENERIC || (a->form == NULL && a->origin != (HsObject *)&hs_generic_type))
    return hs_tuple_pack (vm, 1, a->origin);
  if (a->origin == NULL)
    {
      HsObject *r = alias_repr (vm, args[0]);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "Cannot subclass %s", hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  gboolean later_generic = FALSE, has_origin = FALSE;
  for (gsize i = 0; i < n; i++)
    {
      has_origin |= items[i] == a->origin;
      if (i > at && (is_alias (items[i]) || (a->form != NULL && is_generic_subclass (items[i]))))
        later_generic = TRUE;
    }
  if (a->form == NULL) /* Generic[T] */
    {
      for (gsize i = 0; i < n; i++)
        later_generic |= items[i] == (HsObject *)&hs_protocol_type;
      return later_generic ? hs_incref (hs_tuple_empty ())
                           : hs_tuple_pack (vm, 1, (HsObject *)&hs_generic_type);
    }
  HsObject *entries[2];
  gsize k = 0;
  if (!has_origin)
    entries[k++] = a->origin;
  if (!later_generic)
    entries[k++] = (HsObject *)&hs_generic_type;
  return hs_tuple_from_array (vm, entries, k);
}

static const HsMethodDef alias_methods[] = {
  { "__mro_entries__", alias_mro_entries },
  { "__instancecheck__", alias_instancecheck },
  { "__subclasscheck__", alias_subclasscheck },
  { NULL, NULL },
};

#define ALIAS_TYPE(tname, tmodule, getitem_fn)                                                     \
  {                                                                                                \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL }, .name = tname,  \
    .module = tmodule, .base = &hs_object_type, .type_flags = HS_TYPE_GC,                          \
    .basicsize = sizeof (HsGenericAlias), .dealloc = alias_dealloc, .refs = alias_refs,            \
    .clear = alias_dealloc, .repr = alias_repr, .hash = alias_hash,                                \
    .richcompare = alias_richcompare, .binop = alias_binop, .getitem = getitem_fn,                 \
    .call = alias_call, .getattr = alias_getattr, .methods = alias_methods,                        \
  }

static HsType alias_type = ALIAS_TYPE ("GenericAlias", "types", NULL);
static HsType union_type = ALIAS_TYPE ("UnionType", "types", NULL);
static HsType form_type = ALIAS_TYPE ("_GenericAlias", "typing", form_getitem);
static HsType special_type = ALIAS_TYPE ("_SpecialGenericAlias", "typing", form_getitem);
static HsType callable_type = ALIAS_TYPE ("_CallableType", "typing", form_getitem);
static HsType tuple_type = ALIAS_TYPE ("_TupleType", "typing", form_getitem);
static HsType callable_alias_type = ALIAS_TYPE ("_CallableGenericAlias", "typing", form_getitem);
static HsType union_generic_type = ALIAS_TYPE ("_UnionGenericAlias", "typing", form_getitem);
static HsType literal_type = ALIAS_TYPE ("_LiteralGenericAlias", "typing", form_getitem);
static HsType special_form_type = ALIAS_TYPE ("_SpecialForm", "typing", form_getitem);

/* ---- typing.Generic and typing.Protocol ------------------------------------------------ */

/* Generic[T], Stack[int]: an alias for the class (typing's _generic_class_getitem, which
 * also checks the parameters; not here) */
static HsObject *
generic_class_getitem (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a, *r;
  if (!hs_slot_wrapper_nargs (vm, nargs, 1))
    return NULL;
  if ((a = args_of (vm, args[1])) == NULL)
    return NULL;
  r = alias_new (vm, HS_ALIAS_TYPING, NULL, args[0], a);
  hs_decref (vm, a);
  return r;
}

static int
set_class_attr (HsVM *vm, HsObject *cls, const char *name, HsObject *value)
{
  int rc = value != NULL ? hs_object_setattr (vm, cls, hs_str_intern_cstr (name), value) : -1;
  hs_xdecref (vm, value);
  return rc;
}

static gboolean
tuple_has (HsObject *tuple, HsObject *o)
{
  for (gsize i = 0; tuple != NULL && i < hs_tuple_len (tuple); i++)
    if (hs_tuple_get_borrow (tuple, i) == o)
      return TRUE;
  return FALSE;
}

/* "Some type variables (~K) are not listed in Generic[~T]" */
static void
unlisted_error (HsVM *vm, HsObject *tvars, HsObject *gvars)
{
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autoptr (GString) listed = g_string_new (NULL);
  for (gsize i = 0; i < hs_tuple_len (tvars) + hs_tuple_len (gvars); i++)
    {
      gboolean gv = i >= hs_tuple_len (tvars);
      HsObject *t = gv ? hs_tuple_get_borrow (gvars, i - hs_tuple_len (tvars))
                       : hs_tuple_get_borrow (tvars, i);
      GString *out = gv ? listed : missing;
      HsObject *r;
      if (!gv && tuple_has (gvars, t))
        continue;
      if ((r = hs_object_str (vm, t)) == NULL)
        return;
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", hs_str_utf8 (r));
      hs_decref (vm, r);
    }
  hs_err_format (vm, &hs_exc_TypeError, "Some type variables (%s) are not listed in Generic[%s]",
                 missing->str, listed->str);
}

/* Generic.__init_subclass__ of CPython 3.11's typing.py: the class's __parameters__, the type
 * variables of its written bases (those of its Generic[...] base, which must list them all). */
static HsObject *
generic_init_subclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *cls = (HsType *)args[0];
  HsObject *orig, *gvars = NULL, *tvars;
  if (!hs_parse_args (vm, "__init_subclass__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  orig = hs_dict_get_item_cstr_borrow (vm, cls->dict, "__orig_bases__");
  if (orig != NULL ? tuple_has (orig, (HsObject *)&hs_generic_type)
                   : ((cls->type_flags & HS_TYPE_HEAP)
                      && tuple_has (HS_CLASS (cls)->bases, (HsObject *)&hs_generic_type)
                      && strcmp (cls->name, "Protocol") != 0))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Cannot inherit from plain Generic");
      return NULL;
    }
  if (orig == NULL || !hs_tuple_check (orig))
    return set_class_attr (vm, args[0], "__parameters__", hs_incref (hs_tuple_empty ())) < 0
               ? NULL
               : hs_incref (hs_None);
  if ((tvars = collect_parameters (vm, orig)) == NULL)
    return NULL;
  for (gsize i = 0; i < hs_tuple_len (orig); i++)
    {
      HsObject *b = hs_tuple_get_borrow (orig, i);
      if (!is_alias (b) || ALIAS (b)->origin != (HsObject *)&hs_generic_type)
        continue;
      if (gvars != NULL)
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "Cannot inherit from Generic[...] multiple times.");
          goto fail;
        }
      gvars = ALIAS (b)->args;
    }
  if (gvars != NULL)
    {
      for (gsize i = 0; i < hs_tuple_len (tvars); i++)
        if (!tuple_has (gvars, hs_tuple_get_borrow (tvars, i)))
          {
            unlisted_error (vm, tvars, gvars);
            goto fail;
          }
      hs_decref (vm, tvars);
      if ((tvars = collect_parameters (vm, gvars)) == NULL)
        return NULL;
    }
  return set_class_attr (vm, args[0], "__parameters__", tvars) < 0 ? NULL : hs_incref (hs_None);
fail:
  hs_decref (vm, tvars);
  return NULL;
}

static const HsMethodDef generic_methods[] = {
  { "__class_getitem__", generic_class_getitem, HS_METH_CLASS },
  { "__init_subclass__", generic_init_subclass, HS_METH_CLASS },
  { NULL, NULL },
};

/* A base a protocol may have: object, Generic, another protocol, or one of the abstract
 * classes CPython 3.11's typing allows (_PROTO_ALLOWLIST). */
static gboolean
protocol_base_allowed (HsVM *vm, HsObject *base)
{
  static const char *const allowed[] = { "collections.abc.Callable",
                                         "collections.abc.Awaitable",
                                         "collections.abc.Iterable",
                                         "collections.abc.Iterator",
                                         "collections.abc.AsyncIterable",
                                         "collections.abc.Hashable",
                                         "collections.abc.Sized",
                                         "collections.abc.Container",
                                         "collections.abc.Collection",
                                         "collections.abc.Reversible",
                                         "collections.abc.Buffer",
                                         "contextlib.AbstractContextManager",
                                         "contextlib.AbstractAsyncContextManager" };
  HsType *t = hs_type_check (base) ? (HsType *)base : NULL;
  HsObject *flag;
  if (t == NULL)
    return FALSE;
  if (t == &hs_object_type || t == &hs_generic_type || t == &hs_protocol_type)
    return TRUE;
  if ((t->type_flags & HS_TYPE_HEAP) && hs_type_is_subtype (t, &hs_generic_type)
      && (flag = hs_type_lookup_borrow (t, hs_str_intern_cstr ("_is_protocol"))) != NULL
      && flag == hs_True)
    return TRUE;
  g_autofree char *full = g_strdup_printf ("%s.%s", t->module != NULL ? t->module : "", t->name);
  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (strcmp (full, allowed[i]) == 0)
      return TRUE;
  (void)vm;
  return FALSE;
}

/* typing's _no_init_or_replace_init, the __init__ CPython 3.11 gives a protocol whose
 * __init__ is object's (made by hs_alias_runtime_init). */
static HsObject *no_init_fn;

/* _no_init_or_replace_init(self, *args, **kwargs): a protocol cannot be instantiated; a class
 * deriving from one takes the first other __init__ of its MRO as its own and runs it. */
static HsObject *
no_init_or_replace_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *cls = (HsType *)args[0]->type;
  HsObject *flag = hs_type_lookup_borrow (cls, hs_str_intern_cstr ("_is_protocol")), *init = NULL;
  const HsType *m;
  int protocol = flag != NULL ? hs_object_truth (vm, flag) : 0;
  if (protocol < 0)
    return NULL;
  if (protocol)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Protocols cannot be instantiated");
      return NULL;
    }
  if (hs_type_lookup_borrow (cls, hs_dunder[N_INIT]) != no_init_fn)
    return hs_incref (hs_None);
  for (gsize i = 0; init == NULL && (m = hs_type_mro_at (cls, i)) != NULL; i++)
    if (m->dict != NULL
        && (init = hs_dict_get_item_borrow (vm, m->dict, hs_dunder[N_INIT])) == no_init_fn)
      init = NULL;
  if (init == NULL)
    init = hs_type_lookup_borrow (&hs_object_type, hs_dunder[N_INIT]);
  hs_incref (init);
  if (set_class_attr (vm, (HsObject *)cls, "__init__", hs_incref (init)) < 0)
    {
      hs_decref (vm, init);
      return NULL;
    }
  HsObject *r = hs_class_call_method (vm, init, args[0], args + 1, nargs - 1, kwnames);
  hs_decref (vm, init);
  return r;
}

static const HsMethodDef no_init_def = { "_no_init_or_replace_init", no_init_or_replace_init, 0 };

/* Protocol.__init_subclass__: Generic's, then whether the class is a protocol (_is_protocol:
 * Protocol among its bases) and, for a protocol, CPython's check of its bases. */
static HsObject *
protocol_init_subclass (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsType *cls = (HsType *)args[0];
  HsObject *r = generic_init_subclass (vm, args, nargs, kwnames), *own;
  HsObject *bases = (cls->type_flags & HS_TYPE_HEAP) ? HS_CLASS (cls)->bases : NULL;
  if (r == NULL)
    return NULL;
  hs_decref (vm, r);
  own = hs_dict_get_item_cstr_borrow (vm, cls->dict, "_is_protocol");
  if ((own == NULL || hs_object_truth (vm, own) == 0)
      && set_class_attr (
             vm, args[0], "_is_protocol",
             hs_incref (hs_bool_from (tuple_has (bases, (HsObject *)&hs_protocol_type))))
             < 0)
    return NULL;
  own = hs_dict_get_item_cstr_borrow (vm, cls->dict, "_is_protocol");
  for (gsize i = 0; own == hs_True && bases != NULL && i < hs_tuple_len (bases); i++)
    if (!protocol_base_allowed (vm, hs_tuple_get_borrow (bases, i)))
      {
        HsObject *rb = hs_object_repr (vm, hs_tuple_get_borrow (bases, i));
        if (rb != NULL)
          hs_err_format (vm, &hs_exc_TypeError,
                         "Protocols can only inherit from other protocols, got %s",
                         hs_str_utf8 (rb));
        hs_xdecref (vm, rb);
        return NULL;
      }
  /* a protocol whose __init__ is Protocol's (object's) cannot be instantiated */
  if (own == hs_True
      && hs_type_lookup_borrow (cls, hs_dunder[N_INIT])
             == hs_type_lookup_borrow (&hs_protocol_type, hs_dunder[N_INIT])
      && set_class_attr (vm, args[0], "__init__", hs_incref (no_init_fn)) < 0)
    return NULL;
  return hs_incref (hs_None);
}

gboolean
hs_protocol_is_protocol (HsVM *vm, HsObject *cls)
{
  HsObject *own;
  if (!hs_type_check (cls) || !(((HsType *)cls)->type_flags & HS_TYPE_HEAP)
      || !hs_type_is_subtype ((HsType *)cls, &hs_protocol_type))
    return FALSE;
  own = hs_dict_get_item_cstr_borrow (vm, ((HsType *)cls)->dict, "_is_protocol");
  return own == hs_True;
}

/* The members a protocol asks for (CPython's _get_protocol_attrs): the names its classes
 * but Protocol, Generic and object define or annotate, less typing's own */
static HsObject *
protocol_attrs (HsVM *vm, HsObject *cls)
{
  static const char *const skipped[] = { "__abstractmethods__",
                                         "__annotations__",
                                         "__weakref__",
                                         "_is_protocol",
                                         "_is_runtime_protocol",
                                         "__dict__",
                                         "__args__",
                                         "__slots__",
                                         "__next_in_mro__",
                                         "__parameters__",
                                         "__origin__",
                                         "__orig_bases__",
                                         "__extra__",
                                         "__tree_hash__",
                                         "__doc__",
                                         "__subclasshook__",
                                         "__init__",
                                         "__new__",
                                         "__module__",
                                         "_MutableMapping__marker",
                                         "_gorg",
                                         "__qualname__",
                                         NULL };
  HsObject *attrs = hs_set_new (vm),
           *mro = hs_object_getattr (vm, cls, hs_str_intern_cstr ("__mro__"));
  for (gsize i = 0; attrs != NULL && mro != NULL && i + 1 < hs_tuple_len (mro); i++)
    {
      HsType *base = (HsType *)hs_tuple_get_borrow (mro, i);
      HsObject *ann = hs_dict_get_item_cstr_borrow (vm, base->dict, "__annotations__");
      HsObject *dicts[2] = { base->dict, ann != NULL && hs_dict_check (ann) ? ann : NULL }, *k, *v;
      if (!(base->type_flags & HS_TYPE_HEAP))
        continue;
      for (int d = 0; d < 2 && attrs != NULL; d++)
        for (gsize pos = 0;
             attrs != NULL && dicts[d] != NULL && hs_dict_next (dicts[d], &pos, &k, &v);)
          {
            gboolean skip = !hs_str_check (k) || g_str_has_prefix (hs_str_utf8 (k), "_abc_");
            for (int j = 0; !skip && skipped[j] != NULL; j++)
              skip = strcmp (hs_str_utf8 (k), skipped[j]) == 0;
            if (!skip && hs_set_add (vm, attrs, k) < 0)
              HS_CLEAR (vm, attrs);
          }
    }
  if (mro == NULL)
    HS_CLEAR (vm, attrs);
  hs_xdecref (vm, mro);
  return attrs;
}

/* getattr(o, name, None), borrowed from a new reference in *hold */
static HsObject *
getattr_or_none (HsVM *vm, HsObject *o, HsObject *name, HsObject **hold)
{
  *hold = hs_object_getattr (vm, o, name);
  if (*hold == NULL && hs_err_matches (vm, &hs_exc_AttributeError))
    hs_err_clear (vm);
  return *hold != NULL ? *hold : hs_None;
}

/* Whether arg (an instance, or a class for issubclass) has the member: 1, 0, or -1 */
static int
has_member (HsVM *vm, HsObject *cls, HsObject *arg, HsObject *name, gboolean instance)
{
  HsObject *hold, *theirs, *ours;
  int r;
  if (!instance)
    {
      HsObject *v = hs_type_lookup_borrow ((HsType *)arg, name);
      return v != NULL && v != hs_None;
    }
  theirs = getattr_or_none (vm, arg, name, &hold);
  if (hold == NULL)
    return hs_err_occurred (vm) ? -1 : 0;
  r = theirs != hs_None;
  hs_decref (vm, hold);
  if (r)
    return 1;
  ours = getattr_or_none (vm, cls, name, &hold);
  r = !hs_object_is_callable (ours); /* a method set to None blocks it */
  hs_xdecref (vm, hold);
  return hs_err_occurred (vm) ? -1 : r;
}

HsObject *
hs_protocol_check (HsVM *vm, HsObject *cls, const char *hook, HsObject *arg)
{
  gboolean instance = strcmp (hook, "__instancecheck__") == 0;
  HsObject *runtime, *attrs, *k, *hold;
  gsize pos = 0;
  int yes;
  if (!hs_protocol_is_protocol (vm, cls))
    return hs_NotImplemented;
  runtime = hs_type_lookup_borrow ((HsType *)cls, hs_str_intern_cstr ("_is_runtime_protocol"));
  if (runtime != hs_True)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Instance and class checks can only be used with @runtime_checkable "
                         "protocols");
      return NULL;
    }
  if (!instance && !hs_type_check (arg))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "issubclass() arg 1 must be a class");
      return NULL;
    }
  yes = instance ? hs_class_isinstance_by_class (vm, arg, (HsType *)cls)
                 : hs_type_is_subtype ((HsType *)arg, (HsType *)cls);
  if (yes != 0 || (attrs = protocol_attrs (vm, cls)) == NULL)
    return yes < 0 || yes == 0 ? NULL : hs_incref (hs_True);
  for (yes = 1; yes == 1 && hs_set_next (attrs, &pos, &k);)
    {
      if (!instance && !hs_object_is_callable (getattr_or_none (vm, cls, k, &hold)))
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "Protocols with non-method members don't support issubclass()");
          yes = -1;
        }
      else
        yes = hs_err_occurred (vm) ? -1 : has_member (vm, cls, arg, k, instance);
      if (!instance)
        hs_xdecref (vm, hold);
    }
  hs_decref (vm, attrs);
  return yes < 0 ? NULL : hs_incref (hs_bool_from (yes));
}

static const HsMethodDef protocol_methods[] = {
  { "__init_subclass__", protocol_init_subclass, HS_METH_CLASS },
  { NULL, NULL },
};

/* Generic() and Protocol() make plain objects, as CPython 3.11's do */
static HsObject *
generic_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 0 || (kwnames != NULL && hs_tuple_len (kwnames) > 0))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() takes no arguments", type->name);
      return NULL;
    }
  return hs_object_alloc (vm, type, sizeof (HsObject));
}

/* Instances hold nothing but their header, so classes derive from them as from object. */
HsType hs_generic_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Generic",
  .module = "typing",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsObject),
  .construct = generic_construct,
  .methods = generic_methods,
};

HsType hs_protocol_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Protocol",
  .module = "typing",
  .base = &hs_generic_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsObject),
  .construct = generic_construct,
  .methods = protocol_methods,
};

/* ---- entry points ----------------------------------------------------------------------- */

static HsType *const generic_classes[]
    = { &hs_list_type,        &hs_dict_type,    &hs_tuple_type,    &hs_set_type,
        &hs_frozenset_type,   &hs_type_type,    &hs_deque_type,    &hs_defaultdict_type,
        &hs_ordereddict_type, &hs_counter_type, &hs_chainmap_type, &hs_enumerate_type };

static gboolean
is_generic_class (HsObject *cls)
{
  for (gsize i = 0; i < G_N_ELEMENTS (generic_classes); i++)
    if (cls == (HsObject *)generic_classes[i])
      return TRUE;
  return FALSE;
}

HsObject *
hs_alias_class_getitem (HsVM *vm, HsObject *cls, HsObject *key)
{
  HsObject *args, *r;
  if (!is_generic_class (cls))
    return NULL;
  if ((args = args_of (vm, key)) == NULL)
    return NULL;
  r = alias_new (vm, HS_ALIAS_GENERIC, NULL, cls, args);
  hs_decref (vm, args);
  return r;
}

static gboolean
unionable (HsObject *o)
{
  return o == hs_None || HS_ISINSTANCE (o, &hs_type_type)
         || (is_alias (o) && ALIAS (o)->kind != HS_ALIAS_TYPING);
}

HsObject *
hs_alias_union (HsVM *vm, HsObject *a, HsObject *b)
{
  HsObject *pair, *r;
  if (!unionable (a) || !unionable (b))
    return NULL;
  if ((pair = hs_tuple_pack (vm, 2, a, b)) == NULL)
    return NULL;
  r = union_of (vm, HS_ALIAS_UNION, pair);
  hs_decref (vm, pair);
  return r;
}

HsObject *
hs_alias_typing_form (HsVM *vm, const char *name, HsObject *origin, int nparams, gboolean inst)
{
  HsObject *r = alias_new (vm, HS_ALIAS_TYPING, name, origin, NULL);
  if (r != NULL)
    {
      ALIAS (r)->nparams = nparams;
      ALIAS (r)->inst = inst;
    }
  return r;
}

/* list.__class_getitem__(int), a classmethod as CPython's: cls[key] for cls or a class
 * derived from it (class L(list): L[int] is GenericAlias(L, (int,))). */
static HsObject *
class_getitem_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a, *r;
  if (!hs_slot_wrapper_nargs (vm, nargs, 1))
    return NULL;
  if ((a = args_of (vm, args[1])) == NULL)
    return NULL;
  r = alias_new (vm, HS_ALIAS_GENERIC, NULL, args[0], a);
  hs_decref (vm, a);
  return r;
}

static const HsMethodDef class_getitem_def
    = { "__class_getitem__", class_getitem_method, HS_METH_CLASS };

HsObject *
hs_alias_class_getitem_method (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return class_getitem_method (vm, args, nargs, kwnames);
}

void
hs_alias_runtime_init (void)
{
  HsObject *name = hs_str_intern_cstr ("__class_getitem__");
  hs_type_ready (&alias_type);
  hs_type_ready (&union_type);
  hs_type_ready (&form_type);
  hs_type_ready (&special_type);
  hs_type_ready (&callable_type);
  hs_type_ready (&tuple_type);
  hs_type_ready (&callable_alias_type);
  hs_type_ready (&union_generic_type);
  hs_type_ready (&literal_type);
  hs_type_ready (&special_form_type);
  hs_type_ready (&hs_forwardref_type);
  hs_type_ready (&hs_generic_type);
  hs_type_ready (&hs_protocol_type);
  no_init_fn = hs_method_descr_new (&no_init_def, &hs_protocol_type);
  for (gsize i = 0; i < G_N_ELEMENTS (generic_classes); i++)
    if (!hs_cpython_dict_lacks (generic_classes[i], "__class_getitem__")
        && hs_cpython_dict_names (generic_classes[i]) != NULL)
      hs_dict_set_item (NULL, generic_classes[i]->dict, name,
                        hs_method_descr_new (&class_getitem_def, generic_classes[i]));
}
