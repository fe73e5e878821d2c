/* hs-dictkinds.h — collections' defaultdict, Counter and OrderedDict (see hs-dictkinds.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_defaultdict_type;
extern HsType hs_counter_type;
extern HsType hs_ordereddict_type;

void hs_dictkinds_runtime_init (void);

G_END_DECLS
