/* hs-mod-typing.c — the `typing` module, as markers for annotations.
 *
 * Invariant: every name is an immortal form made at the module's import (see
 * hs-genericalias.c): subscripting one gives a new alias with CPython's repr, and nothing
 * checks a type. TypeVar, NewType and cast are the functions that make or pass values.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-chainmap.h"
#include "hs-deque.h"
#include "hs-dictkinds.h"
#include "hs-error.h"
#include "hs-genericalias.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-typing-classes.h"

/* The forms that stand for a class, as CPython 3.11's typing.py makes them
 * (`List = _alias(list, 1, inst=False, name='List')`): the class, or the name of the
 * collections.abc class (`abc`); how many arguments a subscript takes (-1: any, as
 * Tuple's; 0: none, Hashable and Sized are not generic); whether calling the form makes
 * an instance of the class (`inst`). Then the forms that stand for no class. */
static const struct
{
  const char *name;
  HsType *origin;
  const char *abc;
  int nparams;
  gboolean inst;
} forms[] = {
  { "List", &hs_list_type, NULL, 1, FALSE },
  { "Dict", &hs_dict_type, NULL, 2, FALSE },
  { "Set", &hs_set_type, NULL, 1, FALSE },
  { "FrozenSet", &hs_frozenset_type, NULL, 1, FALSE },
  { "Tuple", &hs_tuple_type, NULL, -1, FALSE },
  { "Type", &hs_type_type, NULL, 1, FALSE },
  { "Deque", &hs_deque_type, NULL, 1, TRUE },
  { "DefaultDict", &hs_defaultdict_type, NULL, 2, TRUE },
  { "OrderedDict", &hs_ordereddict_type, NULL, 2, TRUE },
  { "Counter", &hs_counter_type, NULL, 1, TRUE },
  { "ChainMap", &hs_chainmap_type, NULL, 2, TRUE },
  { "Hashable", NULL, "Hashable", 0, TRUE },
  { "Awaitable", NULL, "Awaitable", 1, TRUE },
  { "Coroutine", NULL, "Coroutine", 3, TRUE },
  { "AsyncIterable", NULL, "AsyncIterable", 1, TRUE },
  { "AsyncIterator", NULL, "AsyncIterator", 1, TRUE },
  { "Iterable", NULL, "Iterable", 1, TRUE },
  { "Iterator", NULL, "Iterator", 1, TRUE },
  { "Reversible", NULL, "Reversible", 1, TRUE },
  { "Sized", NULL, "Sized", 0, TRUE },
  { "Container", NULL, "Container", 1, TRUE },
  { "Collection", NULL, "Collection", 1, TRUE },
  { "Callable", NULL, "Callable", 2, TRUE },
  { "AbstractSet", NULL, "Set", 1, TRUE },
  { "MutableSet", NULL, "MutableSet", 1, TRUE },
  { "Mapping", NULL, "Mapping", 2, TRUE },
  { "MutableMapping", NULL, "MutableMapping", 2, TRUE },
  { "Sequence", NULL, "Sequence", 1, TRUE },
  { "MutableSequence", NULL, "MutableSequence", 1, TRUE },
  { "ByteString", NULL, "ByteString", 0, TRUE },
  { "MappingView", NULL, "MappingView", 1, TRUE },
  { "KeysView", NULL, "KeysView", 1, TRUE },
  { "ItemsView", NULL, "ItemsView", 2, TRUE },
  { "ValuesView", NULL, "ValuesView", 1, TRUE },
  { "Generator", NULL, "Generator", 3, TRUE },
  { "AsyncGenerator", NULL, "AsyncGenerator", 2, TRUE },
  { "Any", NULL, NULL, 0, FALSE },
  { "Union", NULL, NULL, 0, FALSE },
  { "Optional", NULL, NULL, 0, FALSE },
  { "Literal", NULL, NULL, 0, FALSE },
  { "Final", NULL, NULL, 0, FALSE },
  { "ClassVar", NULL, NULL, 0, FALSE },
  { "Annotated", NULL, NULL, 0, FALSE },
  { "NoReturn", NULL, NULL, 0, FALSE },
  { "Never", NULL, NULL, 0, FALSE },
  { "Self", NULL, NULL, 0, FALSE },
  { "TypeAlias", NULL, NULL, 0, FALSE },
  { "LiteralString", NULL, NULL, 0, FALSE },
};

/* TypeVar('T') prints as ~T */
typedef struct
{
  HsObject header;
  HsObject *name;
} HsTypeVar;

static void
typevar_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsTypeVar *)self)->name);
}

static HsObject *
typevar_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_format (vm, "~%s", hs_str_utf8 (((HsTypeVar *)self)->name));
}

static HsObject *
typevar_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "__name__"))
    return hs_incref (((HsTypeVar *)self)->name);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
typevar_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gsize nkw = kwnames != NULL ? hs_tuple_len (kwnames) : 0;
  HsTypeVar *t;
  /* the constraints and keywords (bound=, covariant=) only mark */
  if (nargs < 1 || !hs_str_check (args[0]))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "TypeVar name must be a string");
      return NULL;
    }
  (void)nkw;
  if ((t = (HsTypeVar *)hs_object_alloc (vm, type, sizeof (HsTypeVar))) == NULL)
    return NULL;
  t->name = hs_incref (args[0]);
  return &t->header;
}

static HsType typevar_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "TypeVar",
  .module = "typing",
  .base = &hs_object_type,
  .basicsize = sizeof (HsTypeVar),
  .dealloc = typevar_dealloc,
  .repr = typevar_repr,
  .hash = NULL,
  .getattr = typevar_getattr,
  .construct = typevar_construct,
};

/* cast(typ, val): val */
static HsObject *
typing_cast (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *typ = NULL, *val = NULL;
  if (!hs_parse_args (vm, "cast", args, nargs, kwnames, "@typ val", &typ, &val))
    return NULL;
  return hs_incref (val);
}

/* NewType(name, tp): a callable that returns its argument; self is the name */
static HsObject *
newtype_call (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL;
  if (!hs_parse_args (vm, "__call__", args + 1, nargs - 1, kwnames, "@x", &x))
    return NULL;
  return hs_incref (x);
}

static const HsMethodDef newtype_def = { "NewType", newtype_call };

static HsObject *
typing_newtype (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL, *tp = NULL;
  if (!hs_parse_args (vm, "NewType", args, nargs, kwnames, "@name tp", &name, &tp))
    return NULL;
  return hs_cfunction_new (vm, &newtype_def, name);
}

/* overload, final, no_type_check: the function itself */
static HsObject *
typing_identity (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "decorator", args, nargs, kwnames, "@func", &f))
    return NULL;
  return hs_incref (f);
}

/* runtime_checkable(cls): lets isinstance() and issubclass() check a protocol */
static HsObject *
typing_runtime_checkable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *cls = NULL, *r;
  if (!hs_parse_args (vm, "runtime_checkable", args, nargs, kwnames, "@cls", &cls))
    return NULL;
  if (!hs_protocol_is_protocol (vm, cls))
    {
      if ((r = hs_object_repr (vm, cls)) != NULL)
        hs_err_format (vm, &hs_exc_TypeError,
                       "@runtime_checkable can be only applied to protocol classes, got %s",
                       hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  if (hs_object_setattr (vm, cls, hs_str_intern_cstr ("_is_runtime_protocol"), hs_True) < 0)
    return NULL;
  return hs_incref (cls);
}

static const HsMethodDef typing_functions[] = {
  { "cast", typing_cast },
  { "NewType", typing_newtype },
  { "overload", typing_identity },
  { "final", typing_identity },
  { "no_type_check", typing_identity },
  { "runtime_checkable", typing_runtime_checkable },
  { NULL, NULL },
};

int
hs_mod_typing_init (HsVM *vm, HsObject *dict)
{
  HsObject *abc = hs_import_module (vm, "collections.abc");
  if (abc == NULL)
    return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      HsObject *origin = forms[i].abc != NULL      ? hs_object_getattr_cstr (vm, abc, forms[i].abc)
                         : forms[i].origin != NULL ? hs_incref ((HsObject *)forms[i].origin)
                                                   : NULL;
      HsObject *form
          = forms[i].abc == NULL || origin != NULL
                ? hs_alias_typing_form (vm, forms[i].name, origin, forms[i].nparams, forms[i].inst)
                : NULL;
      hs_xdecref (vm, origin);
      if (hs_module_add_take (vm, dict, forms[i].name, form) < 0)
        {
          hs_decref (vm, abc);
          return -1;
        }
    }
  hs_decref (vm, abc);
  if (hs_module_add_take (vm, dict, "TypeVar", hs_incref ((HsObject *)&typevar_type)) < 0
      || hs_module_add_take (vm, dict, "Generic", hs_incref ((HsObject *)&hs_generic_type)) < 0
      || hs_module_add_take (vm, dict, "Protocol", hs_incref ((HsObject *)&hs_protocol_type)) < 0
      || hs_module_add_take (vm, dict, "ForwardRef", hs_incref ((HsObject *)&hs_forwardref_type))
             < 0
      || hs_module_add_take (vm, dict, "TYPE_CHECKING", hs_incref (hs_bool_from (FALSE))) < 0)
    return -1;
  if (hs_typing_classes_add (vm, dict) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, typing_functions);
}

void
hs_mod_typing_runtime_init (void)
{
  hs_alias_runtime_init ();
  hs_type_ready (&typevar_type);
  hs_typing_classes_runtime_init ();
}
