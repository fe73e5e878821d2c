/* hs-chainmap.h — collections.ChainMap (see hs-chainmap.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_chainmap_type;

void hs_chainmap_runtime_init (void);

G_END_DECLS
