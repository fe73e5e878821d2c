/* hs-weakproxy.c — weakref.proxy: ProxyType and CallableProxyType.
 *
 * Invariant: a proxy is a weak reference (HsWeakref, the same table and clearing) that
 * hands every operation to its referent while it lives, and raises CPython's
 * ReferenceError "weakly-referenced object no longer exists" once it died. It is never
 * hashable.
 */
#include "config.h"

#include "hs-weakref.h"

#include "hs-error.h"
#include "hs-object-private.h"
#include "hs-str.h"

/* The referent (borrowed), or NULL with ReferenceError set. */
static HsObject *
referent (HsVM *vm, HsObject *self)
{
  HsObject *obj = HS_WEAKREF (self)->referent;
  if (obj == NULL)
    hs_err_set_string (vm, &hs_exc_ReferenceError, "weakly-referenced object no longer exists");
  return obj;
}

/* An operand that is a proxy stands for its referent (CPython's UNWRAP). */
static HsObject *
unwrap (HsVM *vm, HsObject *o)
{
  return hs_weakproxy_check (o) ? referent (vm, o) : o;
}

static HsObject *
proxy_repr (HsVM *vm, HsObject *self)
{
  return hs_weakref_repr_as (vm, self, "weakproxy");
}

static HsObject *
proxy_str (HsVM *vm, HsObject *self)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_str (vm, obj) : NULL;
}

static int
proxy_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  hs_err_format (vm, &hs_exc_TypeError, "unhashable type: 'weakref.%s'", self->type->name);
  return -1;
}

static HsObject *
proxy_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_getattr (vm, obj, name) : NULL;
}

static int
proxy_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_setattr (vm, obj, name, value) : -1;
}

static HsObject *
proxy_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  HsObject *x = unwrap (vm, a), *y = x != NULL ? unwrap (vm, b) : NULL;
  return y != NULL ? hs_object_richcompare (vm, x, y, op) : NULL;
}

static HsObject *
proxy_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  HsObject *x = unwrap (vm, a), *y = x != NULL ? unwrap (vm, b) : NULL;
  return y != NULL ? hs_number_binop (vm, op, x, y) : NULL;
}

static HsObject *
proxy_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_number_unaryop (vm, op, obj) : NULL;
}

static int
proxy_truth (HsVM *vm, HsObject *self)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_truth (vm, obj) : -1;
}

static gssize
proxy_len (HsVM *vm, HsObject *self)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_len (vm, obj) : -1;
}

static HsObject *
proxy_getitem (HsVM *vm, HsObject *self, HsObject *key)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_getitem (vm, obj, key) : NULL;
}

static int
proxy_setitem (HsVM *vm, HsObject *self, HsObject *key, HsObject *value)
{
  HsObject *obj = referent (vm, self);
  if (obj == NULL)
    return -1;
  return value != NULL ? hs_object_setitem (vm, obj, key, value) : hs_object_delitem (vm, obj, key);
}

static int
proxy_contains (HsVM *vm, HsObject *self, HsObject *item)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_contains (vm, obj, item) : -1;
}

static HsObject *
proxy_iter (HsVM *vm, HsObject *self)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_iter (vm, obj) : NULL;
}

static HsObject *
proxy_call (HsVM *vm, HsObject *self, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = referent (vm, self);
  return obj != NULL ? hs_object_call (vm, obj, args, nargs, kwnames) : NULL;
}

static HsObject *
proxy_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  hs_err_format (vm, &hs_exc_TypeError, "cannot create 'weakref.%s' instances", type->name);
  return NULL;
}

#define PROXY_TYPE(cname, pyname, call_slot)                                                       \
  HsType cname = {                                                                                 \
    .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },                 \
    .name = pyname,                                                                                \
    .module = "weakref",                                                                           \
    .tp_name = "weakref." pyname,                                                                  \
    .base = &hs_object_type,                                                                       \
    .type_flags = HS_TYPE_GC,                                                                      \
    .basicsize = sizeof (HsWeakref),                                                               \
    .dealloc = hs_weakref_dealloc,                                                                 \
    .refs = hs_weakref_refs,                                                                       \
    .clear = hs_weakref_clear,                                                                     \
    .repr = proxy_repr,                                                                            \
    .str = proxy_str,                                                                              \
    .hash = proxy_hash,                                                                            \
    .richcompare = proxy_richcompare,                                                              \
    .binop = proxy_binop,                                                                          \
    .unaryop = proxy_unaryop,                                                                      \
    .truth = proxy_truth,                                                                          \
    .len = proxy_len,                                                                              \
    .getitem = proxy_getitem,                                                                      \
    .setitem = proxy_setitem,                                                                      \
    .contains = proxy_contains,                                                                    \
    .iter = proxy_iter,                                                                            \
    .call = call_slot,                                                                             \
    .getattr = proxy_getattr,                                                                      \
    .setattr = proxy_setattr,                                                                      \
    .construct = proxy_construct,                                                                  \
  }

PROXY_TYPE (hs_weakproxy_type, "ProxyType", NULL);
PROXY_TYPE (hs_weakcallableproxy_type, "CallableProxyType", proxy_call);
