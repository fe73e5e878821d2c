/* hs-mappingproxy.c — types.MappingProxyType (`mappingproxy`), the read-only view CPython
 * gives of an Enum's members (`Color.__members__`) and of a class's namespace (`C.__dict__`).
 *
 * Invariant: a proxy holds one reference, to its mapping (drawn as its one row, "mapping",
 * unless it is a class's namespace);
 * every read goes to that mapping, so the view follows its changes; writes are refused with
 * CPython's TypeError.
 */
#include "config.h"

#include "hs-mappingproxy.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-object-private.h"
#include "hs-str.h"

typedef struct
{
  HsObject header;
  HsObject *mapping;
} HsMappingProxy;

#define MP(o) (((HsMappingProxy *)(o))->mapping)

static void
mp_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, MP (self));
}

static void
mp_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (MP (self) == NULL)
    return;
  if (hs_dict_check (MP (self)))
    hs_visit_dict (visit, MP (self), HS_REF_ATTR, "mapping", data);
  else
    hs_visit_named (visit, MP (self), HS_REF_ATTR, "mapping", data);
}

HsObject *
hs_mappingproxy_new (HsVM *vm, HsObject *mapping)
{
  HsMappingProxy *p
      = (HsMappingProxy *)hs_object_alloc (vm, &hs_mappingproxy_type, sizeof (HsMappingProxy));
  if (p == NULL)
    return NULL;
  p->mapping = hs_incref (mapping);
  hs_gc_track (vm, &p->header);
  return &p->header;
}

static HsObject *
mp_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *m = NULL;
  (void)type;
  if (!hs_parse_args (vm, "mappingproxy", args, nargs, kwnames, "mapping", &m))
    return NULL;
  if (!hs_dict_check (m))
    {
      hs_err_format (vm, &hs_exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     hs_type_name (m));
      return NULL;
    }
  return hs_mappingproxy_new (vm, m);
}

static HsObject *
mp_repr (HsVM *vm, HsObject *self)
{
  HsObject *r = hs_object_repr (vm, MP (self));
  HsObject *s = r != NULL ? hs_str_from_format (vm, "mappingproxy(%s)", hs_str_utf8 (r)) : NULL;
  hs_xdecref (vm, r);
  return s;
}

static HsObject *
mp_str (HsVM *vm, HsObject *self)
{
  return hs_object_str (vm, MP (self));
}

static gssize
mp_len (HsVM *vm, HsObject *self)
{
  return hs_object_len (vm, MP (self));
}

static HsObject *
mp_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  return hs_object_getitem (vm, MP (self), key);
}

static int
mp_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  (void)key;
  hs_err_format (vm, &hs_exc_TypeError, "'mappingproxy' object does not support item %s",
                 value != NULL ? "assignment" : "deletion");
  return -1;
}

static int
mp_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  return hs_object_contains (vm, MP (self), item);
}

static HsObject *
mp_iter (HsVM *vm, HsObject *self)
{
  return hs_object_iter (vm, MP (self));
}

static HsObject *
mp_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (op != HS_CMP_EQ && op != HS_CMP_NE)
    return hs_incref (hs_NotImplemented);
  return hs_object_richcompare (vm, MP (a), HS_IS (b, &hs_mappingproxy_type) ? MP (b) : b, op);
}

/* keys(), values(), items(), get() and copy(): the mapping's own. */
static HsObject *
forward (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *m = hs_object_getattr_cstr (vm, MP (args[0]), name);
  HsObject *r = m != NULL ? hs_object_call (vm, m, args + 1, nargs - 1, kwnames) : NULL;
  hs_xdecref (vm, m);
  return r;
}

#define FORWARD(n)                                                                                 \
  static HsObject *mp_##n (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)              \
  {                                                                                                \
    return forward (vm, #n, args, nargs, kwnames);                                                 \
  }
FORWARD (keys)
FORWARD (values)
FORWARD (items)
FORWARD (get)
FORWARD (copy)
#undef FORWARD

static const HsMethodDef mp_methods[] = {
  { "keys", mp_keys }, { "values", mp_values }, { "items", mp_items },
  { "get", mp_get },   { "copy", mp_copy },     { NULL, NULL },
};

HsType hs_mappingproxy_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "mappingproxy",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsMappingProxy),
  .dealloc = mp_dealloc,
  .refs = mp_refs,
  .clear = mp_dealloc,
  .repr = mp_repr,
  .str = mp_str,
  .hash = hs_object_hash_not_implemented,
  .richcompare = mp_richcompare,
  .len = mp_len,
  .getitem = mp_getitem,
  .setitem = mp_setitem,
  .contains = mp_contains,
  .iter = mp_iter,
  .construct = mp_construct,
  .methods = mp_methods,
};
