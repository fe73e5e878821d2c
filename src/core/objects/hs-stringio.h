/* hs-stringio.h — io.StringIO: an in-memory text file (see hs-stringio.c). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_stringio_type;

void hs_stringio_runtime_init (void);

G_END_DECLS
