/* hs-mod-types.c — the `types` module: the names CPython gives the built-in types a
 * program meets without a name for them (FunctionType, MethodType, ModuleType, ...).
 *
 * Invariant: every name is one of the core's own types, so `type(f) is types.FunctionType`
 * holds; calling MethodType binds, calling ModuleType makes a module (hs-method.c,
 * hs-module.c). The other names of CPython's types refuse with NotImplementedError
 * (hs-cpython-names.c). SimpleNamespace is a class made here (a plain instance with a
 * __dict__, drawn like one) whose C methods are CPython's namespace_* functions.
 */
#include "config.h"

#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-code-object.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-mappingproxy.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

/* CPython's tp_name: messages say 'types.SimpleNamespace' object; also the mark by which the
 * methods know the class (one per VM) and its subclasses. */
static const char ns_tp_name[] = "types.SimpleNamespace";

static gboolean
is_namespace (const HsObject *o)
{
  const HsType *t;
  for (gsize i = 0; (t = hs_type_mro_at (HS_TYPE (o), i)) != NULL; i++)
    if (t->tp_name == ns_tp_name)
      return TRUE;
  return FALSE;
}

/* SimpleNamespace.__init__(self, /, **kwargs): 3.11 takes no mapping. */
static HsObject *
ns_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs > 1)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "no positional arguments expected");
      return NULL;
    }
  for (gsize i = 0; kwnames != NULL && i < hs_tuple_len (kwnames); i++)
    if (hs_object_setattr (vm, args[0], hs_tuple_get_borrow (kwnames, i), args[nargs + i]) < 0)
      return NULL;
  return hs_incref (hs_None);
}

/* namespace(a=1, b=2), the class's own name for a subclass, name(...) when recursive. */
static HsObject *
ns_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self = args[0];
  if (!hs_parse_args (vm, "__repr__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  const char *name = HS_TYPE (self)->tp_name == ns_tp_name ? "namespace" : HS_TYPE (self)->name;
  if (hs_repr_enter (self))
    return hs_str_from_format (vm, "%s(...)", name);
  GString *out = g_string_new (name);
  g_string_append_c (out, '(');
  gboolean ok = TRUE;
  HsObject *key, *value;
  gsize pos = 0, n = 0;
  while (ok && hs_instance_next_attr (self, &pos, &key, &value))
    if (hs_str_check (key))
      {
        if (n++ > 0)
          g_string_append (out, ", ");
        g_string_append (out, hs_str_utf8 (key));
        g_string_append_c (out, '=');
        ok = hs_str_build_repr (vm, out, value);
      }
  hs_repr_leave (self);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_c (out, ')');
  return hs_str_from_gstring (vm, out);
}

/* Two namespaces compare their __dict__s; anything else is NotImplemented. */
static HsObject *
ns_eq (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, "__eq__", args + 1, nargs - 1, kwnames, "!other", &other))
    return NULL;
  if (!is_namespace (args[0]) || !is_namespace (other))
    return hs_incref (hs_NotImplemented);
  HsObject *a = hs_instance_dict (vm, args[0]),
           *b = a != NULL ? hs_instance_dict (vm, other) : NULL;
  HsObject *r = b != NULL ? hs_object_richcompare (vm, a, b, HS_CMP_EQ) : NULL;
  hs_xdecref (vm, a);
  hs_xdecref (vm, b);
  return r;
}

static const HsMethodDef ns_methods[] = {
  { "__init__", ns_init },
  { "__repr__", ns_repr },
  { "__eq__", ns_eq },
};
static HsObject *ns_descrs[G_N_ELEMENTS (ns_methods)];

void
hs_mod_types_runtime_init (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (ns_methods); i++)
    ns_descrs[i] = hs_method_descr_new (&ns_methods[i], &hs_object_type);
}

static HsObject *
namespace_class (HsVM *vm)
{
  HsObject *ns = hs_dict_new (vm), *cls = NULL;
  gboolean ok = ns != NULL
                && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"),
                                     hs_str_intern_cstr ("types"))
                       == 0;
  for (gsize i = 0; ok && i < G_N_ELEMENTS (ns_methods); i++)
    ok = hs_dict_set_item (vm, ns, hs_str_intern_cstr (ns_methods[i].name), ns_descrs[i]) == 0;
  if (ok)
    cls = hs_class_new (vm, &hs_type_type, hs_str_intern_cstr ("SimpleNamespace"), NULL, 0, ns,
                        NULL, NULL);
  hs_xdecref (vm, ns);
  if (cls != NULL)
    {
      ((HsType *)cls)->module = "types";
      ((HsType *)cls)->tp_name = ns_tp_name;
    }
  return cls;
}

int
hs_mod_types_init (HsVM *vm, HsObject *dict)
{
  static const struct
  {
    const char *name;
    HsType *type;
  } types[] = {
    { "FunctionType", &hs_function_type },
    { "LambdaType", &hs_function_type },
    { "MethodType", &hs_method_type },
    { "BuiltinFunctionType", &hs_cfunction_type },
    { "BuiltinMethodType", &hs_cfunction_type },
    { "MethodDescriptorType", &hs_method_descr_type },
    { "WrapperDescriptorType", &hs_wrapper_descr_type },
    { "MethodWrapperType", &hs_method_wrapper_type },
    { "ClassMethodDescriptorType", &hs_classmethod_descr_type },
    { "GetSetDescriptorType", &hs_getset_descr_type },
    { "MemberDescriptorType", &hs_member_descr_type },
    { "GeneratorType", &hs_generator_type },
    { "CodeType", &hs_code_object_type },
    { "CellType", &hs_cell_type },
    { "ModuleType", &hs_module_type },
    { "MappingProxyType", &hs_mappingproxy_type },
    { "NoneType", &hs_none_type },
    { "EllipsisType", &hs_ellipsis_type },
    { "NotImplementedType", &hs_notimplemented_type },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_module_add_take (vm, dict, types[i].name, hs_incref ((HsObject *)types[i].type)) < 0)
      return -1;
  return hs_module_add_take (vm, dict, "SimpleNamespace", namespace_class (vm));
}
