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

/* the forms that stand for a class (List: list), then those that stand for none */
static const struct
{
  const char *name;
  HsType *origin;
} forms[] = {
  { "List", &hs_list_type },
  { "Dict", &hs_dict_type },
  { "Set", &hs_set_type },
  { "FrozenSet", &hs_frozenset_type },
  { "Tuple", &hs_tuple_type },
  { "Type", &hs_type_type },
  { "Deque", &hs_deque_type },
  { "DefaultDict", &hs_defaultdict_type },
  { "OrderedDict", &hs_ordereddict_type },
  { "Counter", &hs_counter_type },
  { "ChainMap", &hs_chainmap_type },
  { "Any", NULL },
  { "Union", NULL },
  { "Optional", NULL },
  { "Callable", NULL },
  { "Iterable", NULL },
  { "Iterator", NULL },
  { "Generator", NULL },
  { "Sequence", NULL },
  { "MutableSequence", NULL },
  { "Mapping", NULL },
  { "MutableMapping", NULL },
  { "AbstractSet", NULL },
  { "MutableSet", NULL },
  { "Collection", NULL },
  { "Container", NULL },
  { "Hashable", NULL },
  { "Sized", NULL },
  { "Reversible", NULL },
  { "Literal", NULL },
  { "Final", NULL },
  { "ClassVar", NULL },
  { "Annotated", NULL },
  { "NoReturn", NULL },
  { "Never", NULL },
  { "Self", NULL },
  { "TypeAlias", NULL },
  { "LiteralString", NULL },
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

/* overload, final, no_type_check, runtime_checkable: the function itself */
static HsObject *
typing_identity (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *f = NULL;
  if (!hs_parse_args (vm, "decorator", args, nargs, kwnames, "@func", &f))
    return NULL;
  return hs_incref (f);
}

static const HsMethodDef typing_functions[] = {
  { "cast", typing_cast },
  { "NewType", typing_newtype },
  { "overload", typing_identity },
  { "final", typing_identity },
  { "no_type_check", typing_identity },
  { "runtime_checkable", typing_identity },
  { NULL, NULL },
};

int
hs_mod_typing_init (HsVM *vm, HsObject *dict)
{
  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    if (hs_module_add_take (vm, dict, forms[i].name,
                            hs_alias_typing_form (vm, forms[i].name, (HsObject *)forms[i].origin))
        < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "TypeVar", hs_incref ((HsObject *)&typevar_type)) < 0
      || hs_module_add_take (vm, dict, "Generic", hs_incref ((HsObject *)&hs_generic_type)) < 0
      || hs_module_add_take (vm, dict, "Protocol", hs_incref ((HsObject *)&hs_protocol_type)) < 0
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
