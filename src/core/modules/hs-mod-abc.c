/* hs-mod-abc.c — the `abc` module: ABC and abstractmethod.
 *
 * Invariant: abstractmethod marks the function itself (HS_FLAG_ABSTRACT, CPython's
 * __isabstractmethod__ attribute) and returns it; ABC is a class made at import whose
 * `__abstractmethods__` tells the instance allocation (hs-class.c) to refuse a class that still has
 * abstract methods, with CPython's TypeError. ABCMeta, as a metaclass, is not offered.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-module.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"

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

static const HsMethodDef abc_functions[] = {
  { "abstractmethod", abc_abstractmethod },
  { NULL, NULL },
};

int
hs_mod_abc_init (HsVM *vm, HsObject *dict)
{
  HsObject *ns = hs_dict_new (vm), *name = hs_str_intern_cstr ("ABC"), *cls = NULL, *empty = NULL;
  if (ns != NULL
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr ("abc"))
             == 0
      && (empty = hs_frozenset_from_iterable (vm, hs_tuple_empty ())) != NULL
      && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__abstractmethods__"), empty) == 0)
    cls = hs_class_new (vm, &hs_type_type, name, NULL, 0, ns, NULL, NULL);
  hs_xdecref (vm, empty);
  hs_xdecref (vm, ns);
  if (cls != NULL)
    ((HsType *)cls)->module = "abc";
  if (hs_module_add_take (vm, dict, "ABC", cls) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, abc_functions);
}
