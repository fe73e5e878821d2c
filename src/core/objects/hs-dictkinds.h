/* hs-dictkinds.h — collections' defaultdict, Counter and OrderedDict (see hs-dictkinds.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_defaultdict_type;
extern HsType hs_counter_type;
extern HsType hs_ordereddict_type;

/* The __dict__ of a plain OrderedDict or Counter (borrowed), NULL when it has none yet or o
 * is not one (an instance of a derived class keeps its attributes as any instance). */
HsObject *hs_dictkinds_attrs_borrow (HsObject *o);

void hs_dictkinds_runtime_init (void);

G_END_DECLS
