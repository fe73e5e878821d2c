/* hs-structseq.h — struct sequences such as sys.version_info (see hs-structseq.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* A new struct sequence type `module.name` with the NULL-terminated `fields` (static
 * strings), the first n_visible of them its items; `constructible`: a program may call it
 * with a sequence (time.struct_time). */
HsType *hs_structseq_new_type (HsVM *vm, const char *module, const char *name,
                               const char *const *fields, gsize n_visible, gboolean constructible);
/* An instance of `type` holding items[0..n_fields) (borrowed), all fields. */
HsObject *hs_structseq_new (HsVM *vm, HsType *type, HsObject **items);
/* The same, taking the items (each may be NULL after a failed allocation: then NULL). */
HsObject *hs_structseq_new_take (HsVM *vm, HsType *type, HsObject **items);

G_END_DECLS
