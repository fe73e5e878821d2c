/* hs-dict-setview.h — dict_keys and dict_items as sets: `&`, `|`, `-`, `^`, isdisjoint. */
#pragma once

#include "hs-cfunction.h"
#include "hs-object.h"

G_BEGIN_DECLS

/* The `binop` slot of dict_keys and dict_items (either operand may be the view). */
HsObject *hs_dict_setview_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b);
/* Their methods beyond those of every view (isdisjoint). */
extern const HsMethodDef hs_dict_setview_methods[];

G_END_DECLS
