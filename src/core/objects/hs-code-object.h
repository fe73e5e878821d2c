/* hs-code-object.h — `code` objects: what compile() returns and exec()/eval() run.
 *
 * Invariant: a code object borrows its HsCode, which the VM owns for the whole run (in
 * vm->codes, whose constants the trace lists as held by their code); so a code object
 * holds no reference of its own and needs no collector support.
 */
#pragma once

#include "hs-code.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  HsCode *code;
} HsCodeObject;

extern HsType hs_code_object_type;

static inline gboolean
hs_code_object_check (const HsObject *o)
{
  return o->type == &hs_code_object_type;
}

static inline HsCode *
hs_code_object_code (HsObject *o)
{
  return ((HsCodeObject *)o)->code;
}

HsObject *hs_code_object_new (HsVM *vm, HsCode *code);

G_END_DECLS
