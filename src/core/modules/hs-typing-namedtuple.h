/* hs-typing-namedtuple.h — typing.NamedTuple (see hs-typing-namedtuple.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* Puts NamedTuple into the typing module's dict: 0, or -1 with an error. */
int hs_typing_namedtuple_add (HsVM *vm, HsObject *dict);
void hs_typing_namedtuple_runtime_init (void);

G_END_DECLS
