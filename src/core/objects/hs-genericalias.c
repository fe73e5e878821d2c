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
#include "hs-chainmap.h"
#include "hs-cpython-names.h"
#include "hs-deque.h"
#include "hs-dict.h"
#include "hs-dictkinds.h"
#include "hs-error.h"
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
} HsGenericAlias;

#define ALIAS(o) ((HsGenericAlias *)(o))

static HsType alias_type;
static HsType union_type;
static HsType form_type;

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
  return HS_IS (o, &alias_type) || HS_IS (o, &union_type) || HS_IS (o, &form_type);
}

static HsObject *
alias_new (HsVM *vm, HsAliasKind kind, const char *form, HsObject *origin, HsObject *args)
{
  static HsType *const types[] = { &alias_type, &union_type, &form_type };
  HsGenericAlias *a = (HsGenericAlias *)hs_object_alloc (vm, types[kind], sizeof (HsGenericAlias));
  if (a == NULL)
    return NULL;
  a->kind = kind;
  a->form = form;
  a->origin = origin != NULL ? hs_incref (origin) : NULL;
  a->args = args != NULL ? hs_incref (args) : NULL;
  if (vm != NULL)
    hs_gc_track (vm, &a->header);
  return &a->header;
}

/* typing's _type_repr: a class by its qualified name (builtins without their module),
 * None as None, ... as ..., a list of them in brackets, anything else by repr. */
static gboolean
append_type_repr (HsVM *vm, GString *out, HsObject *o)
{
  HsObject *r;
  if (o == hs_None || o == (HsObject *)&hs_none_type)
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
          if (!append_type_repr (vm, out, hs_list_get_borrow (o, i)))
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

static gboolean
append_args (HsVM *vm, GString *out, HsObject *args, const char *sep)
{
  if (hs_tuple_len (args) == 0)
    g_string_append (out, "()");
  for (gsize i = 0; i < hs_tuple_len (args); i++)
    {
      if (i > 0)
        g_string_append (out, sep);
      if (!append_type_repr (vm, out, hs_tuple_get_borrow (args, i)))
        return FALSE;
    }
  return TRUE;
}

/* a Union of two whose second is None */
static gboolean
is_optional (HsGenericAlias *a)
{
  return a->form != NULL && strcmp (a->form, "Union") == 0 && a->args != NULL
         && hs_tuple_len (a->args) == 2
         && hs_tuple_get_borrow (a->args, 1) == (HsObject *)&hs_none_type;
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
        ok = append_type_repr (vm, out, a->origin);
        g_string_append_c (out, '[');
        ok = ok && append_args (vm, out, a->args, ", ");
        g_string_append_c (out, ']');
        break;
      case HS_ALIAS_UNION:
        ok = append_args (vm, out, a->args, " | ");
        break;
      case HS_ALIAS_TYPING:
        if (a->form == NULL) /* a generic class's: typing.Generic[~T], __main__.Stack[int] */
          {
            ok = append_type_repr (vm, out, a->origin);
            g_string_append_c (out, '[');
            ok = ok && append_args (vm, out, a->args, ", ");
            g_string_append_c (out, ']');
            break;
          }
        g_string_append_printf (out, "typing.%s", is_optional (a) ? "Optional" : a->form);
        if (a->args == NULL)
          break;
        g_string_append_c (out, '[');
        if (is_optional (a))
          ok = append_type_repr (vm, out, hs_tuple_get_borrow (a->args, 0));
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

static HsObject *
alias_richcompare (HsVM *vm, HsObject *x, HsObject *y, HsCompareOp op)
{
  HsGenericAlias *a = ALIAS (x), *b;
  int eq;
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !is_alias (y))
    return hs_incref (hs_NotImplemented);
  b = ALIAS (y);
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
  gint64 h = a->origin != NULL ? (gint64)hs_object_id (a->origin) : g_str_hash (a->form);
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
  if (a->kind == HS_ALIAS_TYPING && a->form == NULL)
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

/* typing.List[int], typing.Optional[int], typing.Union[a, b] */
static HsObject *
form_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsGenericAlias *a = ALIAS (self);
  HsObject *args, *r;
  if (a->args != NULL && a->origin == NULL)
    {
      r = alias_repr (vm, self);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_TypeError, "%s is not a generic class", hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  if ((args = args_of (vm, key)) == NULL)
    return NULL;
  if (strcmp (a->form, "Union") == 0 || strcmp (a->form, "Optional") == 0)
    {
      if (strcmp (a->form, "Optional") == 0)
        {
          HsObject *pair = hs_tuple_pack (vm, 2, key, hs_None);
          hs_decref (vm, args);
          if ((args = pair) == NULL)
            return NULL;
        }
      r = union_of (vm, HS_ALIAS_TYPING, args);
    }
  else
    r = alias_new (vm, HS_ALIAS_TYPING, a->form, a->origin, args);
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
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
alias_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *r;
  if (op != HS_BIN_OR || (r = hs_alias_union (vm, a, b)) == NULL)
    return hs_err_occurred (vm) ? NULL : hs_incref (hs_NotImplemented);
  return r;
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

static const HsMethodDef generic_methods[] = {
  { "__class_getitem__", generic_class_getitem, HS_METH_CLASS },
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
};

/* ---- entry points ----------------------------------------------------------------------- */

static HsType *const generic_classes[]
    = { &hs_list_type,        &hs_dict_type,    &hs_tuple_type,   &hs_set_type,
        &hs_frozenset_type,   &hs_type_type,    &hs_deque_type,   &hs_defaultdict_type,
        &hs_ordereddict_type, &hs_counter_type, &hs_chainmap_type };

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
hs_alias_typing_form (HsVM *vm, const char *name, HsObject *origin)
{
  return alias_new (vm, HS_ALIAS_TYPING, name, origin, NULL);
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
  hs_type_ready (&hs_generic_type);
  hs_type_ready (&hs_protocol_type);
  for (gsize i = 0; i < G_N_ELEMENTS (generic_classes); i++)
    if (!hs_cpython_dict_lacks (generic_classes[i], "__class_getitem__")
        && hs_cpython_dict_names (generic_classes[i]) != NULL)
      hs_dict_set_item (NULL, generic_classes[i]->dict, name,
                        hs_method_descr_new (&class_getitem_def, generic_classes[i]));
}
