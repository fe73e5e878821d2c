/* hs-mod-weakref.c — the `weakref` module: ref, proxy, WeakMethod, getweakrefcount,
 * getweakrefs, finalize and the weak containers.
 *
 * Invariant: the types are the core's (src/core/objects/hs-weak*.c); this file only
 * names them and holds the module's functions.
 */
#include "config.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"
#include "hs-weakcontainer.h"
#include "hs-weakfinalize.h"
#include "hs-weakref.h"

static HsObject *
wr_proxy (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *callback = NULL;
  if (!hs_parse_args (vm, "proxy", args, nargs, kwnames, "object|callback /", &obj, &callback))
    return NULL;
  return hs_weakref_new (vm, &hs_weakproxy_type, obj, callback);
}

static HsObject *
wr_getweakrefcount (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL;
  GPtrArray *list;
  if (!hs_parse_args (vm, "getweakrefcount", args, nargs, kwnames, "!object", &obj))
    return NULL;
  list = hs_weakref_list (vm, obj);
  return hs_int_from_i64 (vm, list != NULL ? list->len : 0);
}

static HsObject *
wr_getweakrefs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *obj = NULL, *out;
  GPtrArray *list;
  if (!hs_parse_args (vm, "getweakrefs", args, nargs, kwnames, "!object", &obj))
    return NULL;
  list = hs_weakref_list (vm, obj);
  if ((out = hs_list_new (vm, 0)) == NULL)
    return NULL;
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (hs_list_append (vm, out, list->pdata[i]) < 0)
      {
        hs_decref (vm, out);
        return NULL;
      }
  return out;
}

static const HsMethodDef weakref_functions[] = {
  { "proxy", wr_proxy },
  { "getweakrefcount", wr_getweakrefcount },
  { "getweakrefs", wr_getweakrefs },
  { NULL, NULL },
};

void
hs_mod_weakref_runtime_init (void)
{
  hs_type_ready (&hs_weakref_type);
  hs_type_ready (&hs_weakproxy_type);
  hs_type_ready (&hs_weakcallableproxy_type);
  hs_type_ready (&hs_weakfinalize_type);
  hs_type_ready (&hs_weakkeyedref_type);
  hs_type_ready (&hs_weakmethod_type);
  hs_type_ready (&hs_weakvaluedict_type);
  hs_type_ready (&hs_weakkeydict_type);
  hs_type_ready (&hs_weakset_type);
}

int
hs_mod_weakref_init (HsVM *vm, HsObject *dict)
{
  static const struct
  {
    const char *name;
    HsType *type;
  } types[] = {
    { "ref", &hs_weakref_type },
    { "ReferenceType", &hs_weakref_type },
    { "ProxyType", &hs_weakproxy_type },
    { "CallableProxyType", &hs_weakcallableproxy_type },
    { "finalize", &hs_weakfinalize_type },
    { "KeyedRef", &hs_weakkeyedref_type },
    { "WeakMethod", &hs_weakmethod_type },
    { "WeakValueDictionary", &hs_weakvaluedict_type },
    { "WeakKeyDictionary", &hs_weakkeydict_type },
    { "WeakSet", &hs_weakset_type },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_module_add_take (vm, dict, types[i].name, hs_incref ((HsObject *)types[i].type)) < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "ProxyTypes",
                          hs_tuple_pack (vm, 2, (HsObject *)&hs_weakproxy_type,
                                         (HsObject *)&hs_weakcallableproxy_type))
      < 0)
    return -1;
  return hs_module_add_functions (vm, dict, weakref_functions);
}
