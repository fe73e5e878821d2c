/* hs-typing-classes.h — typing.NamedTuple and typing.TypedDict (see hs-typing-classes.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* Puts NamedTuple and TypedDict into the typing module's dict: 0, or -1 with an error. */
int hs_typing_classes_add (HsVM *vm, HsObject *dict);
void hs_typing_classes_runtime_init (void);

G_END_DECLS
