/* hs-theme.c — the palette table.
 *
 * Invariant: each accent is an Okabe–Ito colour (or its lightened form on dark
 * backgrounds): orange #E69F00, sky blue #56B4E9, bluish green #009E73, blue #0072B2,
 * vermillion #D55E00, reddish purple #CC79A7.
 */
#include "hs-theme.h"

#define RGB(hex)                                                                                   \
  {                                                                                                \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex)&0xff) / 255.0                \
  }

static const HsTheme themes[HS_N_THEMES] = {
  [HS_THEME_LIGHT] = {
    .name = "light",
    .background = RGB (0xffffff),
    .text = RGB (0x1c2430),
    .text_dim = RGB (0x6b7785),
    .grid = RGB (0xb8c2cc),
    .frame_fill = RGB (0xf2f5f8),
    .frame_header = RGB (0xdfe6ee),
    .frame_current = RGB (0xbfdcf2),
    .held_fill = RGB (0xf7f0fa),
    .object_fill = RGB (0xfffbf2),
    .object_header = RGB (0xf6e7c6),
    .outline = RGB (0x7d8894),
    .edge = RGB (0x34414f),
    .dot = RGB (0x1c2430),
    .badge_fill = RGB (0x0072b2),
    .badge_text = RGB (0xffffff),
    .new_accent = RGB (0x009e73),
    .changed_accent = RGB (0xe69f00),
    .unreachable_accent = RGB (0xd55e00),
    .freed = RGB (0x8a939c),
    .line_width = 1.0,
    .edge_width = 1.6,
  },
  [HS_THEME_DARK] = {
    .name = "dark",
    .background = RGB (0x1e2228),
    .text = RGB (0xe8ecf0),
    .text_dim = RGB (0x9aa5b1),
    .grid = RGB (0x4a535e),
    .frame_fill = RGB (0x2a3038),
    .frame_header = RGB (0x363e48),
    .frame_current = RGB (0x1f4f70),
    .held_fill = RGB (0x3a3044),
    .object_fill = RGB (0x2d2a24),
    .object_header = RGB (0x4a3f2a),
    .outline = RGB (0x7a8591),
    .edge = RGB (0xc4ccd4),
    .dot = RGB (0xe8ecf0),
    .badge_fill = RGB (0x56b4e9),
    .badge_text = RGB (0x10161c),
    .new_accent = RGB (0x2ec4a0),
    .changed_accent = RGB (0xf0b429),
    .unreachable_accent = RGB (0xff7a33),
    .freed = RGB (0x7a838c),
    .line_width = 1.0,
    .edge_width = 1.6,
  },
  [HS_THEME_HIGH_CONTRAST] = {
    .name = "high-contrast",
    .background = RGB (0xffffff),
    .text = RGB (0x000000),
    .text_dim = RGB (0x2b2b2b),
    .grid = RGB (0x000000),
    .frame_fill = RGB (0xffffff),
    .frame_header = RGB (0xd9d9d9),
    .frame_current = RGB (0x9ccfff),
    .held_fill = RGB (0xf0e0ff),
    .object_fill = RGB (0xffffff),
    .object_header = RGB (0xffe08a),
    .outline = RGB (0x000000),
    .edge = RGB (0x000000),
    .dot = RGB (0x000000),
    .badge_fill = RGB (0x000000),
    .badge_text = RGB (0xffffff),
    .new_accent = RGB (0x0072b2),
    .changed_accent = RGB (0xb35900),
    .unreachable_accent = RGB (0xc0392b),
    .freed = RGB (0x555555),
    .line_width = 1.6,
    .edge_width = 2.4,
  },
};

const HsTheme *
hs_theme_get (HsThemeId id)
{
  g_return_val_if_fail (id < HS_N_THEMES, &themes[HS_THEME_LIGHT]);
  return &themes[id];
}

const HsTheme *
hs_theme_lookup (const char *name)
{
  for (int i = 0; i < HS_N_THEMES; i++)
    if (g_strcmp0 (themes[i].name, name) == 0)
      return &themes[i];
  return NULL;
}
