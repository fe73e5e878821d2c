/* hs-suggest.h — the "Did you mean" of a NameError or AttributeError report, as CPython
 * 3.11's Python/suggestions.c finds it. */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

/* The name to suggest for exc (a NameError with its name, an AttributeError with its name
 * and object), or NULL when there is none. Free with g_free. */
char *hs_suggestion_for (HsVM *vm, HsObject *exc);

G_END_DECLS
