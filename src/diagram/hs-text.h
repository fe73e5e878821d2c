/* hs-text.h — the diagram's fonts and a cache of laid-out text.
 *
 * Graph building measures text with the same PangoLayouts the painter later draws, so
 * the boxes Graphviz places always fit their text. Layouts are cached per thread (Pango
 * objects are not thread-safe) and laid out without metric hinting, so a diagram
 * measures the same at every export scale.
 */
#pragma once

#include <pango/pangocairo.h>

#include "hs-scene.h"

G_BEGIN_DECLS

typedef enum
{
  HS_FONT_HEADER,  /* frame and object titles: bold sans */
  HS_FONT_NAME,    /* variable and attribute names: sans */
  HS_FONT_VALUE,   /* values: monospace */
  HS_FONT_INDEX,   /* list indices: small sans */
  HS_FONT_BADGE,   /* the refcount badge: small bold sans */
  HS_FONT_CAPTION, /* "unreachable", "freed": italic sans */
  HS_FONT_TITLE,   /* page titles of multi-page exports */
  HS_N_FONTS
} HsFont;

/* The font a cell of `role` is measured in (graph building) and drawn in (the painter). */
HsFont hs_cell_font (HsCellRole role);

/* A layout for `text` in `font`, owned by this thread's cache: valid until the next call
 * of hs_text_layout on the same thread may evict it, so use it at once. */
PangoLayout *hs_text_layout (HsFont font, const char *text);
/* Pixel size of `text` in `font` (logical extents). */
void hs_text_size (HsFont font, const char *text, int *width, int *height);

/* Frees the calling thread's cache (other threads' caches go with their thread). */
void hs_text_release (void);

G_END_DECLS
