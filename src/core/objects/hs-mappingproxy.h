/* hs-mappingproxy.h — types.MappingProxyType: a read-only view of a mapping (see
 * hs-mappingproxy.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_mappingproxy_type;

/* mappingproxy(mapping): a new read-only view of `mapping` (a dict), holding it. */
HsObject *hs_mappingproxy_new (HsVM *vm, HsObject *mapping);

G_END_DECLS
