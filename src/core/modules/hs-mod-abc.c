/* hs-mod-abc.c — the `abc` module: ABCMeta, ABC and abstractmethod.
 *
 * Invariant: abstractmethod marks the function itself (HS_FLAG_ABSTRACT, CPython's
 * __isabstractmethod__ attribute) and returns it. ABCMeta is a metaclass made at import; each
 * class it makes (ABC among them) gets, as in CPython, `__abstractmethods__` (the frozenset of
 * its names still abstract, which tells the instance allocation in hs-class.c to refuse it
 * with CPython's TypeError) and `_abc_impl`, here two lists of weak references: the classes
 * registered as its virtual subclasses (CPython's registry also holds them weakly) and the
 * classes made with it as a base (CPython's __subclasses__()). Its __subclasscheck__ and
 * __instancecheck__ ask the class's __subclasshook__ first, then consult the MRO and those
 * two lists, as CPython's _abc does.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-weakref.h"
#include "hs-abc.h"

static HsObject *
abc_abstractmethod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "abstractmethod", args, nargs, kwnames, "@funcobj", &f))
    return NULL;
  if (!hs_is_immortal (f))
    f->flags |= HS_FLAG_ABSTRACT;
  return hs_incref (f);
}

/* The deprecated abstractproperty, abstractclassmethod and abstractstaticmethod: the
 * wrapper of the function marked abstract (CPython's are subclasses of the wrappers). */
static HsObject *
abstract_wrapped (HsVM *vm, const char *fname, HsType *wrapper, HsObject **args, gsize nargs,
                  HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@callable", &f))
    return NULL;
  if (!hs_is_immortal (f))
    f->flags |= HS_FLAG_ABSTRACT;
  return hs_object_call (vm, (HsObject *)wrapper, &f, 1, NULL);
}

static HsObject *
abc_abstractproperty (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return abstract_wrapped (vm, "abstractproperty", &hs_property_type, args, nargs, kwnames);
}

static HsObject *
abc_abstractclassmethod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return abstract_wrapped (vm, "abstractclassmethod", &hs_classmethod_type, args, nargs, kwnames);
}

static HsObject *
abc_abstractstaticmethod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return abstract_wrapped (vm, "abstractstaticmethod", &hs_staticmethod_type, args, nargs, kwnames);
}

/* ---- ABCMeta ------------------------------------------------------------------------------ */

static HsObject *s_abstractmethods, *s_abc_impl;

/* The names of cls still abstract: its own abstract entries, and its bases' abstract names
 * that it does not override (CPython's _abc_init). */
static HsObject *
abstract_names (HsVM *vm, HsObject *cls)
{
  HsObject *names = hs_list_new (vm, 0), *k, *v, *bases = hs_class_bases_borrow (cls);
  gsize pos = 0;
  while (names != NULL && hs_dict_next (((HsType *)cls)->dict, &pos, &k, &v))
    if (hs_class_is_abstract (v) && hs_list_append (vm, names, k) < 0)
      HS_CLEAR (vm, names);
  for (gsize i = 0; names != NULL && i < hs_tuple_len (bases); i++)
    {
      HsObject *base = hs_tuple_get_borrow (bases, i);
      HsObject *inherited = hs_type_lookup_borrow ((HsType *)base, s_abstractmethods);
      HsObject *items = inherited != NULL ? hs_list_from_iterable (vm, inherited) : NULL;
      for (gsize j = 0; items != NULL && j < hs_list_len (items); j++)
        {
          HsObject *name = hs_list_get_borrow (items, j);
          if (hs_str_check (name)
              && hs_class_is_abstract (hs_type_lookup_borrow ((HsType *)cls, name))
              && hs_list_append (vm, names, name) < 0)
            HS_CLEAR (vm, names);
        }
      hs_xdecref (vm, items);
      hs_err_clear (vm);
    }
  HsObject *r = names != NULL ? hs_frozenset_from_iterable (vm, names) : NULL;
  hs_xdecref (vm, names);
  return r;
}

/* `_abc_impl`: [registry, subclasses], each a list of weak references (a built-in type,
 * immortal, is held itself): the virtual subclasses registered, and the classes ABCMeta made
 * with this one among their bases (CPython's _abc_registry and __subclasses__()). */
static HsObject *
abc_impl_part (HsObject *cls, gsize part)
{
  HsObject *r = hs_type_check (cls) && (((HsType *)cls)->type_flags & HS_TYPE_HEAP)
                    ? hs_dict_get_item_borrow (NULL, ((HsType *)cls)->dict, s_abc_impl)
                    : NULL;
  return r != NULL && hs_list_check (r) && hs_list_len (r) == 2 ? hs_list_get_borrow (r, part)
                                                                : NULL;
}

static HsObject *
registry_of (HsObject *cls)
{
  return abc_impl_part (cls, 0);
}

/* the class a registry or subclasses entry names (borrowed), NULL once freed */
static HsObject *
entry_class (HsObject *entry)
{
  return hs_type_check (entry) ? entry : hs_weakref_get_borrow (entry);
}

static int
append_class (HsVM *vm, HsObject *list, HsObject *cls)
{
  if (hs_is_immortal (cls))
    return hs_list_append (vm, list, cls);
  HsObject *wr = hs_weakref_new (vm, &hs_weakref_type, cls, NULL);
  return wr != NULL ? hs_list_append_take (vm, list, wr) : -1;
}

/* After type.__new__: what ABCMeta adds to the new class's namespace, and the class noted
 * among its ABC bases' subclasses. */
int
hs_abc_init_class (HsVM *vm, HsObject *cls)
{
  HsObject *abstracts = abstract_names (vm, cls), *registry = hs_list_new (vm, 0);
  HsObject *subclasses = hs_list_new (vm, 0);
  HsObject *impl = registry != NULL && subclasses != NULL
                       ? hs_list_from_array (vm, (HsObject *[]){ registry, subclasses }, 2)
                       : NULL;
  int r = abstracts != NULL && impl != NULL
                  && hs_dict_set_item (vm, ((HsType *)cls)->dict, s_abstractmethods, abstracts) == 0
                  && hs_dict_set_item (vm, ((HsType *)cls)->dict, s_abc_impl, impl) == 0
              ? 0
              : -1;
  hs_xdecref (vm, abstracts);
  hs_xdecref (vm, registry);
  hs_xdecref (vm, subclasses);
  hs_xdecref (vm, impl);
  HsObject *bases = hs_class_bases_borrow (cls);
  for (gsize i = 0; r == 0 && i < hs_tuple_len (bases); i++)
    {
      HsObject *subs = abc_impl_part (hs_tuple_get_borrow (bases, i), 1);
      if (subs != NULL)
        r = append_class (vm, subs, cls);
    }
  return r;
}

/* ABCMeta.__new__(mcls, name, bases, namespace, **kwargs) */
static HsObject *
abcmeta_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  if (nargs != 4 || !hs_type_check (args[0]) || !hs_str_check (args[1]) || !hs_tuple_check (args[2])
      || !hs_dict_check (args[3]))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "ABCMeta.__new__() missing required arguments: 'name', 'bases' and "
                     "'namespace'");
      return NULL;
    }
  HsObject **bases = hs_tuple_items (args[2]);
  gsize nbases = hs_tuple_len (args[2]);
  HsObject *meta = hs_class_calculate_metaclass (vm, args[0], bases, nbases);
  HsObject *ns = meta != NULL ? hs_dict_copy (vm, args[3]) : NULL;
  HsObject *cls
      = ns != NULL ? hs_class_new_with_bases (vm, (HsType *)meta, args[1], args[2], ns,
                                              nkw > 0 ? args + 4 : NULL, nkw > 0 ? kwnames : NULL)
                   : NULL;
  hs_xdecref (vm, ns);
  if (cls != NULL && hs_abc_init_class (vm, cls) < 0)
    HS_CLEAR (vm, cls);
  return cls;
}

static int
is_subclass (HsVM *vm, HsObject *sub, HsObject *cls)
{
  HsObject *args[2] = { sub, cls };
  HsObject *r = hs_builtin_issubclass (vm, args, 2, NULL);
  int t = r != NULL ? hs_object_truth (vm, r) : -1;
  hs_xdecref (vm, r);
  return t;
}

int
hs_abc_register (HsVM *vm, HsObject *cls, HsObject *sub)
{
  HsObject *registry = registry_of (cls);
  return registry != NULL ? append_class (vm, registry, sub) : 0;
}

/* ABCMeta.register(cls, subclass): a virtual subclass, kept weakly. */
static HsObject *
abcmeta_register (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sub = NULL;
  if (!hs_parse_args (vm, "register", args + 1, nargs - 1, kwnames, "@subclass", &sub))
    return NULL;
  if (!hs_type_check (sub))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Can only register classes");
      return NULL;
    }
  int t = is_subclass (vm, sub, args[0]);
  if (t != 0)
    return t < 0 ? NULL : hs_incref (sub);
  if ((t = is_subclass (vm, args[0], sub)) != 0)
    {
      if (t > 0)
        hs_err_set_string (vm, &hs_exc_RuntimeError, "Refusing to create an inheritance cycle");
      return NULL;
    }
  return hs_abc_register (vm, args[0], sub) < 0 ? NULL : hs_incref (sub);
}

/* Whether sub is a subclass of a class of `list` (registry or subclasses): 1, 0, -1 */
static int
any_subclass (HsVM *vm, HsObject *sub, HsObject *list)
{
  for (gsize i = 0; list != NULL && i < hs_list_len (list); i++)
    {
      HsObject *c = entry_class (hs_list_get_borrow (list, i));
      int t = c != NULL ? is_subclass (vm, sub, c) : 0;
      if (t != 0)
        return t;
    }
  return 0;
}

/* ABCMeta.__subclasscheck__(cls, subclass), CPython's _abc_subclasscheck: what
 * cls.__subclasshook__ says, else a real subclass, one of a registered class, or one of a
 * subclass of cls. */
static HsObject *
abcmeta_subclasscheck (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sub = NULL, *cls = args[0];
  if (!hs_parse_args (vm, "__subclasscheck__", args + 1, nargs - 1, kwnames, "!subclass", &sub))
    return NULL;
  if (!hs_type_check (sub))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "issubclass() arg 1 must be a class");
      return NULL;
    }
  HsObject *ok = hs_object_call_method (vm, cls, "__subclasshook__", &sub, 1, NULL);
  if (ok == NULL || ok != hs_NotImplemented)
    {
      if (ok != NULL && ok != hs_True && ok != hs_bool_from (FALSE))
        {
          hs_decref (vm, ok);
          hs_err_set_string (vm, &hs_exc_AssertionError,
                             "__subclasshook__ must return either False, True, or NotImplemented");
          return NULL;
        }
      return ok;
    }
  hs_decref (vm, ok);
  if (hs_type_is_subtype ((HsType *)sub, (HsType *)cls))
    return hs_bool_from (TRUE);
  int t = any_subclass (vm, sub, registry_of (cls));
  if (t == 0)
    t = any_subclass (vm, sub, abc_impl_part (cls, 1));
  return t < 0 ? NULL : hs_bool_from (t > 0);
}

/* ABCMeta.__instancecheck__(cls, instance) */
static HsObject *
abcmeta_instancecheck (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *inst = NULL;
  if (!hs_parse_args (vm, "__instancecheck__", args + 1, nargs - 1, kwnames, "!instance", &inst))
    return NULL;
  HsObject *sub[2] = { args[0], (HsObject *)inst->type };
  return abcmeta_subclasscheck (vm, sub, 2, NULL);
}

static const HsMethodDef abcmeta_new_def = { "__new__", abcmeta_new };
static const HsMethodDef abcmeta_methods[] = {
  { "register", abcmeta_register },
  { "__subclasscheck__", abcmeta_subclasscheck },
  { "__instancecheck__", abcmeta_instancecheck },
};
static HsObject *abcmeta_descrs[G_N_ELEMENTS (abcmeta_methods)], *abcmeta_new_fn;

void
hs_mod_abc_runtime_init (void)
{
  s_abstractmethods = hs_str_intern_cstr ("__abstractmethods__");
  s_abc_impl = hs_str_intern_cstr ("_abc_impl");
  abcmeta_new_fn = hs_cfunction_new (NULL, &abcmeta_new_def, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (abcmeta_methods); i++)
    abcmeta_descrs[i] = hs_method_descr_new (&abcmeta_methods[i], &hs_type_type);
}

/* A class of this module: ABCMeta (made by type) or ABC (made by ABCMeta). */
static HsObject *
abc_class (HsVM *vm, HsType *meta, const char *name, HsObject *base, HsObject *ns)
{
  if (hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr ("abc")) < 0)
    HS_CLEAR (vm, ns);
  HsObject *cls = hs_module_class_new (vm, "abc", meta, name, base, ns);
  if (cls != NULL && meta != &hs_type_type && hs_abc_init_class (vm, cls) < 0)
    HS_CLEAR (vm, cls);
  return cls;
}

static const HsMethodDef abc_functions[] = {
  { "abstractmethod", abc_abstractmethod },
  { "abstractproperty", abc_abstractproperty },
  { "abstractclassmethod", abc_abstractclassmethod },
  { "abstractstaticmethod", abc_abstractstaticmethod },
  { NULL, NULL },
};

int
hs_mod_abc_init (HsVM *vm, HsObject *dict)
{
  HsObject *ns = hs_dict_new (vm);
  if (ns == NULL || hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__new__"), abcmeta_new_fn) < 0)
    {
      hs_xdecref (vm, ns);
      return -1;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (abcmeta_methods); i++)
    if (hs_dict_set_item (vm, ns, hs_str_intern_cstr (abcmeta_methods[i].name), abcmeta_descrs[i])
        < 0)
      {
        hs_decref (vm, ns);
        return -1;
      }
  HsObject *meta = abc_class (vm, &hs_type_type, "ABCMeta", (HsObject *)&hs_type_type, ns);
  if (hs_module_add_take (vm, dict, "ABCMeta", meta) < 0)
    return -1;
  ns = hs_dict_new (vm);
  if (ns == NULL
      || hs_module_add_take (vm, dict, "ABC", abc_class (vm, (HsType *)meta, "ABC", NULL, ns)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, abc_functions);
}

/* ---- the ABCs other modules make in C ------------------------------------------------------ */

HsObject **
hs_abc_method_descrs_new (const HsMethodDef *methods, HsAbcIsAbstract is_abstract,
                          gconstpointer data)
{
  HsObject **descrs = hs_method_descrs_new (methods, &hs_object_type);
  for (gsize k = 0; descrs[k] != NULL; k++)
    if (is_abstract (&methods[k], data))
      descrs[k]->flags |= HS_FLAG_ABSTRACT;
  return descrs;
}

HsObject *
hs_abc_namespace_new (HsVM *vm, const char *module, HsObject *slots)
{
  HsObject *ns = slots != NULL ? hs_dict_new (vm) : NULL;
  if (ns != NULL
      && (hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr (module))
              < 0
          || hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__slots__"), slots) < 0))
    HS_CLEAR (vm, ns);
  hs_xdecref (vm, slots);
  return ns;
}

int
hs_abc_namespace_set_method (HsVM *vm, HsObject *ns, const char *name, HsObject *v)
{
  if (hs_dict_set_item (vm, ns, hs_str_intern_cstr (name), v) < 0)
    return -1;
  if (strcmp (name, "__eq__") == 0)
    return hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__hash__"), hs_None);
  return 0;
}

HsObject *
hs_abc_class_new (HsVM *vm, const char *module, HsObject *dict, const char *name, const char *bases,
                  HsObject *ns)
{
  g_auto (GStrv) names = g_strsplit (bases, " ", -1);
  HsObject *base_objs[3];
  gsize nbases = 0;
  for (char **n = names; *n != NULL; n++)
    if (**n != '\0')
      {
        g_assert (nbases < G_N_ELEMENTS (base_objs));
        base_objs[nbases++] = hs_dict_get_item_cstr_borrow (vm, dict, *n);
      }
  HsObject *meta = ns != NULL ? hs_import_attr (vm, "abc", "ABCMeta") : NULL;
  HsObject *cls = meta != NULL ? hs_class_new (vm, (HsType *)meta, hs_str_intern_cstr (name),
                                               base_objs, nbases, ns, NULL, NULL)
                               : NULL;
  hs_xdecref (vm, meta);
  hs_xdecref (vm, ns);
  if (cls != NULL)
    ((HsType *)cls)->module = module;
  if (cls != NULL && hs_abc_init_class (vm, cls) < 0)
    HS_CLEAR (vm, cls);
  return cls;
}
