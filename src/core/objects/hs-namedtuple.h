/* hs-namedtuple.h — collections.namedtuple (see hs-namedtuple.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* namedtuple(typename, field_names, *, rename=False, defaults=None, module=None). */
HsObject *hs_namedtuple_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
void hs_namedtuple_runtime_init (void);

G_END_DECLS
