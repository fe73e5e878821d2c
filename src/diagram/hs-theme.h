/* hs-theme.h — the diagram's colours.
 *
 * One palette table holds every theme; the accents come from the Okabe–Ito palette,
 * chosen to stay distinct under the common colour blindnesses, and every state is also
 * told apart by line style or text (dashed, "freed", "unreachable"), never by hue alone.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b;
} HsColor;

typedef enum
{
  HS_THEME_LIGHT,
  HS_THEME_DARK,
  HS_THEME_HIGH_CONTRAST,
  HS_N_THEMES
} HsThemeId;

typedef struct
{
  const char *name;
  HsColor background;
  HsColor text;     /* values and names */
  HsColor text_dim; /* indices, captions */
  HsColor grid;     /* cell lines */
  HsColor frame_fill;
  HsColor frame_header;
  HsColor frame_current; /* header of the frame executing now */
  HsColor held_fill;     /* rows for values a frame holds beyond its variables */
  HsColor object_fill;
  HsColor object_header;
  HsColor outline;
  HsColor edge;
  HsColor dot;
  HsColor badge_fill;
  HsColor badge_text;
  HsColor new_accent;         /* outline of objects created in this step */
  HsColor changed_accent;     /* outline of objects changed in this step */
  HsColor unreachable_accent; /* dashed outline and caption of leaked cycles */
  HsColor freed;              /* outline and caption of freed objects */
  double line_width;          /* cell and node outlines */
  double edge_width;
} HsTheme;

const HsTheme *hs_theme_get (HsThemeId id);
/* "light", "dark", "high-contrast"; NULL when unknown. */
const HsTheme *hs_theme_lookup (const char *name);

G_END_DECLS
