/* hs-mappingview.h — collections.abc's KeysView, ValuesView and ItemsView over any mapping
 * (what the Mapping mixins' keys(), values() and items() return: ChainMap's, UserDict's).
 *
 * Invariant: a view holds its mapping (`_mapping`) and nothing else; it reads the mapping
 * through the mapping's own protocol (len, iteration, `[]`, `in`) whenever it is used, so it
 * always shows what the mapping holds now.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef enum
{
  HS_MAPPING_VIEW_KEYS,
  HS_MAPPING_VIEW_VALUES,
  HS_MAPPING_VIEW_ITEMS,
} HsMappingViewKind;

/* A new view of `mapping` (a new reference to it is kept). */
HsObject *hs_mapping_view_new (HsVM *vm, HsObject *mapping, HsMappingViewKind kind);

/* The built-in type of the views of that kind. */
HsType *hs_mapping_view_type (HsMappingViewKind kind);

void hs_mapping_view_runtime_init (void);

G_END_DECLS
