/* hs-cell.h — cells: the boxes that closures share.
 *
 * Invariant: a cell owns a reference to its value (NULL: empty, the variable is unbound)
 * and refs visits it, so the diagram can draw a closure variable as an arrow from a
 * cell. A variable captured by an inner function lives in a cell held by the frame's
 * slot and by the closure tuple of every function that uses it.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  HsObject *ref; /* owned; NULL when empty */
} HsCell;

#define HS_CELL(o) ((HsCell *)(o))

extern HsType hs_cell_type;

/* A new cell holding `value` (borrowed, may be NULL). */
HsObject *hs_cell_new (HsVM *vm, HsObject *value);
/* The cell's value (borrowed) or NULL when empty. */
static inline HsObject *
hs_cell_get_borrow (HsObject *cell)
{
  return HS_CELL (cell)->ref;
}
/* Replaces the value (borrowed; NULL empties the cell) and marks the cell dirty. */
void hs_cell_set (HsVM *vm, HsObject *cell, HsObject *value);

G_END_DECLS
