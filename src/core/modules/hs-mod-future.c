/* hs-mod-future.c — the `__future__` module: its features, as CPython's __future__.py.
 *
 * Invariant: what a future import changes is the compiler's business
 * (hs-compile-annot.c); at run time the import only reads these immortal objects.
 */
#include "config.h"

#include "hs-list.h"
#include "hs-module.h"
#include "hs-str.h"

/* _Feature(optional, mandatory, compiler_flag), reprs as CPython's __future__.py */
static const struct
{
  const char *name, *repr;
} features[] = {
  { "nested_scopes", "_Feature((2, 1, 0, 'beta', 1), (2, 2, 0, 'alpha', 0), 16)" },
  { "generators", "_Feature((2, 2, 0, 'alpha', 1), (2, 3, 0, 'final', 0), 0)" },
  { "division", "_Feature((2, 2, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 131072)" },
  { "absolute_import", "_Feature((2, 5, 0, 'alpha', 1), (3, 0, 0, 'alpha', 0), 262144)" },
  { "with_statement", "_Feature((2, 5, 0, 'alpha', 1), (2, 6, 0, 'alpha', 0), 524288)" },
  { "print_function", "_Feature((2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 1048576)" },
  { "unicode_literals", "_Feature((2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 2097152)" },
  { "barry_as_FLUFL", "_Feature((3, 1, 0, 'alpha', 2), (4, 0, 0, 'alpha', 0), 4194304)" },
  { "generator_stop", "_Feature((3, 5, 0, 'beta', 1), (3, 7, 0, 'alpha', 0), 8388608)" },
  { "annotations", "_Feature((3, 7, 0, 'beta', 1), None, 16777216)" },
};

typedef struct
{
  HsObject header;
  const char *repr;
} HsFeature;

static HsObject *
feature_repr (HsVM *vm, HsObject *self)
{
  return hs_str_from_cstr (vm, ((HsFeature *)self)->repr);
}

static HsType feature_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "_Feature",
  .module = "__future__",
  .base = &hs_object_type,
  .basicsize = sizeof (HsFeature),
  .repr = feature_repr,
};

int
hs_mod_future_init (HsVM *vm, HsObject *dict)
{
  HsObject *names = hs_list_new (vm, 0);
  if (names == NULL)
    return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (features); i++)
    {
      HsFeature *f = (HsFeature *)hs_object_alloc (vm, &feature_type, sizeof (HsFeature));
      HsObject *name = hs_str_from_cstr (vm, features[i].name);
      if (f != NULL)
        f->repr = features[i].repr;
      if (f == NULL || name == NULL || hs_list_append_take (vm, names, name) < 0
          || hs_module_add_take (vm, dict, features[i].name, &f->header) < 0)
        {
          hs_decref (vm, names);
          return -1;
        }
    }
  return hs_module_add_take (vm, dict, "all_feature_names", names);
}

void
hs_mod_future_runtime_init (void)
{
  hs_type_ready (&feature_type);
}
