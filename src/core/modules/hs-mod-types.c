/* hs-mod-types.c — the `types` module: the names CPython gives the built-in types a
 * program meets without a name for them (FunctionType, MethodType, ModuleType, ...).
 *
 * Invariant: every name is one of the core's own types, so `type(f) is types.FunctionType`
 * holds; calling MethodType binds, calling ModuleType makes a module (hs-method.c,
 * hs-module.c). The other names of CPython's types refuse with NotImplementedError
 * (hs-cpython-names.c).
 */
#include "config.h"

#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-code-object.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-mappingproxy.h"
#include "hs-module.h"

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
  return 0;
}
