/* hs-deque.h — collections.deque (see hs-deque.c for its invariant). */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_deque_type;
extern HsType hs_deque_iter_type;
extern HsType hs_deque_reviter_type;

void hs_deque_runtime_init (void);

G_END_DECLS
