/* hs-memoryview.h — memoryview: a view of another object's bytes, without copying them
 * (CPython's memoryobject.c), for the objects that export a buffer here (bytes, bytearray).
 *
 * Invariant: as in CPython, a memoryview refers to its exporter through a managed buffer
 * (`managedbuffer`, a hidden object the memoryviews sliced from one another share), which
 * holds the only reference to the exporter and counts one export of it while some view is
 * not released: a bytearray with exports cannot change size (BufferError). A view is a
 * start, a length and a step over the exporter's bytes, read where they lie now, so every
 * view of a bytearray sees (and a write through a view marks dirty) the same bytes.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_memoryview_type;
extern HsType hs_managedbuffer_type;

static inline gboolean
hs_memoryview_check (const HsObject *o)
{
  return o->type == &hs_memoryview_type;
}

/* The bytes of a contiguous, not released memoryview (borrowed); FALSE with ValueError
 * for a released one, BufferError for one with a step. */
gboolean hs_memoryview_buffer (HsVM *vm, HsObject *o, const char **data, gsize *len);

void hs_memoryview_runtime_init (void);

G_END_DECLS
