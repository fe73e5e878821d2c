/* hs-code-object.c — `code` objects (see hs-code-object.h for the invariant). */
#include "config.h"

#include "hs-code-object.h"
#include "hs-str.h"

static HsObject *
code_object_repr (HsVM *vm, HsObject *self)
{
  HsCode *code = hs_code_object_code (self);
  return hs_str_from_format (vm, "<code object %s at %p, file \"%s\", line %d>", code->name,
                             hs_object_address (self), code->filename, code->firstlineno);
}

HsType hs_code_object_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "code",
  .base = &hs_object_type,
  .basicsize = sizeof (HsCodeObject),
  .repr = code_object_repr,
};

HsObject *
hs_code_object_new (HsVM *vm, HsCode *code)
{
  HsCodeObject *o = (HsCodeObject *)hs_object_alloc (vm, &hs_code_object_type, sizeof *o);
  if (o == NULL)
    return NULL;
  o->code = code;
  return (HsObject *)o;
}
