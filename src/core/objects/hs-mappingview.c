/* hs-mappingview.c — see hs-mappingview.h. */
#include "config.h"

#include "hs-mappingview.h"

#include "hs-list.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject *mapping; /* `_mapping` */
} HsMappingView;

static void
view_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsMappingView *)self)->mapping);
}

static void
view_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (((HsMappingView *)self)->mapping != NULL)
    hs_visit_named (visit, ((HsMappingView *)self)->mapping, HS_REF_ATTR, "_mapping", data);
}

static HsType view_types[3];

static HsMappingViewKind
view_kind (HsObject *self)
{
  return (HsMappingViewKind)(HS_TYPE (self) - view_types);
}

static gssize
view_len (HsVM *vm, HsObject *self)
{
  return hs_object_len (vm, ((HsMappingView *)self)->mapping);
}

/* The view's items as a list, made when it is iterated (what the mixins' generators yield,
 * read at once). */
static HsObject *
view_list (HsVM *vm, HsObject *self)
{
  HsObject *m = ((HsMappingView *)self)->mapping, *keys = hs_list_from_iterable (vm, m);
  if (keys == NULL || view_kind (self) == HS_MAPPING_VIEW_KEYS)
    return keys;
  HsObject *list = hs_list_new (vm, 0);
  for (gsize i = 0; list != NULL && i < hs_list_len (keys); i++)
    {
      HsObject *k = hs_list_get_borrow (keys, i), *v = hs_object_getitem (vm, m, k);
      if (v != NULL && view_kind (self) == HS_MAPPING_VIEW_ITEMS)
        {
          HsObject *pair = hs_tuple_pack (vm, 2, k, v);
          hs_decref (vm, v);
          v = pair;
        }
      if (v == NULL || hs_list_append_take (vm, list, v) < 0)
        HS_CLEAR (vm, list);
    }
  hs_decref (vm, keys);
  return list;
}

static HsObject *
view_iter (HsVM *vm, HsObject *self)
{
  HsObject *list = view_list (vm, self), *it;
  if (list == NULL)
    return NULL;
  it = hs_object_iter (vm, list);
  hs_decref (vm, list);
  return it;
}

static int
view_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  HsObject *list;
  int r;
  if (view_kind (self) == HS_MAPPING_VIEW_KEYS)
    return hs_object_contains (vm, ((HsMappingView *)self)->mapping, item);
  if ((list = view_list (vm, self)) == NULL)
    return -1;
  r = hs_object_contains (vm, list, item);
  hs_decref (vm, list);
  return r;
}

static HsObject *
view_repr (HsVM *vm, HsObject *self)
{
  HsObject *inner = hs_object_repr (vm, ((HsMappingView *)self)->mapping), *r;
  if (inner == NULL)
    return NULL;
  r = hs_str_from_format (vm, "%s(%s)", hs_type_name (self), hs_str_utf8 (inner));
  hs_decref (vm, inner);
  return r;
}

#define VIEW_TYPE(tname)                                                                           \
  {                                                                                                \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL }, .name = tname,  \
    .module = "collections.abc", .base = &hs_object_type, .type_flags = HS_TYPE_GC,                \
    .basicsize = sizeof (HsMappingView), .dealloc = view_dealloc, .refs = view_refs,               \
    .clear = view_dealloc, .repr = view_repr, .len = view_len, .iter = view_iter,                  \
    .contains = view_contains,                                                                     \
  }

static HsType view_types[3] = {
  VIEW_TYPE ("KeysView"),
  VIEW_TYPE ("ValuesView"),
  VIEW_TYPE ("ItemsView"),
};

HsObject *
hs_mapping_view_new (HsVM *vm, HsObject *mapping, HsMappingViewKind kind)
{
  HsMappingView *v = (HsMappingView *)hs_object_alloc (vm, &view_types[kind], sizeof *v);
  if (v == NULL)
    return NULL;
  v->mapping = hs_incref (mapping);
  hs_gc_track (vm, &v->header);
  return &v->header;
}

HsType *
hs_mapping_view_type (HsMappingViewKind kind)
{
  return &view_types[kind];
}

void
hs_mapping_view_runtime_init (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (view_types); i++)
    hs_type_ready (&view_types[i]);
}
