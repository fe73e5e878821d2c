/* hs-namedtuple.h — collections.namedtuple (see hs-namedtuple.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* namedtuple(typename, field_names, *, rename=False, defaults=None, module=None). */
HsObject *hs_namedtuple_new (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* Whether t is the built-in part of the instances of the classes namedtuple() makes. */
gboolean hs_namedtuple_is_base (const HsType *t);
void hs_namedtuple_runtime_init (void);

G_END_DECLS
