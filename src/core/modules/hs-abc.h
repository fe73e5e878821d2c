/* hs-abc.h — what the abc module gives the modules that make ABCs in C (collections.abc).
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* What ABCMeta.__new__ does after type.__new__ made cls: its __abstractmethods__, its
 * _abc_impl, and cls noted among its ABC bases' subclasses. 0, or -1 with an error. */
int hs_abc_init_class (HsVM *vm, HsObject *cls);
/* ABCMeta.register(cls, sub) without its checks. 0, or -1 with an error. */
int hs_abc_register (HsVM *vm, HsObject *cls, HsObject *sub);

G_END_DECLS
