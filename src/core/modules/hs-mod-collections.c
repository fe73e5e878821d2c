/* hs-mod-collections.c — the `collections` module: deque, defaultdict, Counter,
 * OrderedDict, ChainMap, namedtuple, UserDict, UserList and UserString.
 *
 * Invariant: each is a built-in type of its own file in objects/ (held as CPython holds
 * it: a deque is a sequence, the dict kinds are dicts, a namedtuple instance is a tuple, a
 * ChainMap an object holding its list of maps; the User classes are classes made for each
 * VM's module, hs-usercoll.c);
 * this file only names them in the module.
 */
#include "config.h"

#include "hs-chainmap.h"
#include "hs-deque.h"
#include "hs-dictkinds.h"
#include "hs-module.h"
#include "hs-namedtuple.h"
#include "hs-usercoll.h"

void
hs_mod_collections_runtime_init (void)
{
  hs_deque_runtime_init ();
  hs_dictkinds_runtime_init ();
  hs_namedtuple_runtime_init ();
  hs_chainmap_runtime_init ();
  hs_usercoll_runtime_init ();
}

static const HsMethodDef collections_functions[] = {
  { "namedtuple", hs_namedtuple_new },
  { NULL, NULL },
};

int
hs_mod_collections_init (HsVM *vm, HsObject *dict)
{
  static HsType *const types[] = { &hs_deque_type, &hs_defaultdict_type, &hs_counter_type,
                                   &hs_ordereddict_type, &hs_chainmap_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_module_add_take (vm, dict, types[i]->name, hs_incref ((HsObject *)types[i])) < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "UserDict", hs_userdict_class_new (vm)) < 0
      || hs_module_add_take (vm, dict, "UserList", hs_userlist_class_new (vm)) < 0
      || hs_module_add_take (vm, dict, "UserString", hs_userstring_class_new (vm)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, collections_functions);
}
