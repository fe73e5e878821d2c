/* hs-mod-keyword.c — the `keyword` module: Python 3.11's keywords and soft keywords.
 *
 * Invariant: as CPython 3.11's Lib/keyword.py holds them: kwlist and softkwlist are lists
 * of strs, and iskeyword / issoftkeyword are the built-in method __contains__ of a
 * frozenset of each list (so their errors are frozenset.__contains__'s,
 * and the frozenset is held by its method only). What they hold is immortal, as the module's
 * values are (hs_module_add_take): nothing the program draws counts them. Difference: the
 * strs are not the program's interned ones (CPython: `kwlist[0] is 'False'`).
 */
#include "config.h"

#include "hs-dict.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object.h"
#include "hs-set.h"
#include "hs-str.h"

static const char *const keywords[] = {
  "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
  "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
  "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
  "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",    NULL,
};

static const char *const soft_keywords[] = { "_", "case", "match", NULL };

static const char *const all_names[]
    = { "iskeyword", "issoftkeyword", "kwlist", "softkwlist", NULL };

/* A new list of new strs of `words`. */
static HsObject *
word_list (HsVM *vm, const char *const *words)
{
  HsObject *list = hs_list_new (vm, 0);
  for (gsize i = 0; list != NULL && words[i] != NULL; i++)
    {
      HsObject *s = hs_str_from_cstr (vm, words[i]);
      if (s != NULL) /* lives as long as its list, a module's value (hs_module_add_take) */
        s->flags |= HS_FLAG_IMMORTAL;
      if (s == NULL || hs_list_append_take (vm, list, s) < 0)
        HS_CLEAR (vm, list);
    }
  return list;
}

/* frozenset(list).__contains__, a new reference. */
static HsObject *
contains_method (HsVM *vm, HsObject *list)
{
  HsObject *set = hs_frozenset_from_iterable (vm, list), *m;
  if (set == NULL)
    return NULL;
  m = hs_object_getattr_cstr (vm, set, "__contains__");
  set->flags |= HS_FLAG_IMMORTAL; /* held by its method, a module's value */
  hs_decref (vm, set);
  return m;
}

/* In keyword.py's order: __all__, the two lists, then the two tests. */
int
hs_mod_keyword_init (HsVM *vm, HsObject *dict)
{
  HsObject *kw, *soft;
  if (hs_module_add_take (vm, dict, "__all__", word_list (vm, all_names)) < 0
      || hs_module_add_take (vm, dict, "kwlist", word_list (vm, keywords)) < 0
      || hs_module_add_take (vm, dict, "softkwlist", word_list (vm, soft_keywords)) < 0)
    return -1;
  kw = hs_dict_get_item_cstr_borrow (vm, dict, "kwlist");
  soft = hs_dict_get_item_cstr_borrow (vm, dict, "softkwlist");
  if (hs_module_add_take (vm, dict, "iskeyword", contains_method (vm, kw)) < 0
      || hs_module_add_take (vm, dict, "issoftkeyword", contains_method (vm, soft)) < 0)
    return -1;
  return 0;
}
