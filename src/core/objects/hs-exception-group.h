/* hs-exception-group.h — BaseExceptionGroup and ExceptionGroup, and what `except*` does
 * with them (see hs-exception-group.c). */
#pragma once

#include "hs-exceptions.h"

G_BEGIN_DECLS

/* Whether o is a BaseExceptionGroup (or an instance of a subclass). */
gboolean hs_exception_group_check (const HsObject *o);
/* A group's exceptions: a tuple (borrowed). */
HsObject *hs_exception_group_excs (HsObject *eg);

/* except*'s check of its type (a class or a tuple of them): 0, or -1 with CPython's
 * TypeError (not an exception class; an exception group class). */
int hs_exception_group_check_star_type (HsVM *vm, HsObject *type);
/* CHECK_EG_MATCH: *match the part of *exc that type matches (a group split, a naked
 * exception wrapped in a group), *exc then replaced by the rest (None when none); *match
 * None when nothing matches. -1 on error (type checked as hs_exception_group_check_star_type). */
int hs_exception_group_star_match (HsVM *vm, HsObject **exc, HsObject *type, HsObject **match);
/* PREP_RERAISE_STAR: what leaves a try/except* statement, from the exception it caught and
 * the list of those its clauses raised or re-raised and its unmatched rest (None items
 * skipped): None, one exception, or a new group of them (new reference; NULL on error). */
HsObject *hs_exception_group_prep_reraise (HsVM *vm, HsObject *orig, HsObject *excs);

void hs_exception_group_runtime_init (void);
void hs_exception_group_runtime_ready (void);

G_END_DECLS
