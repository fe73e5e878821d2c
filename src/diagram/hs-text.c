/* hs-text.c — per-thread Pango context and text-layout cache.
 *
 * Invariant: each thread owns one TextCache (in a GPrivate, freed with the thread);
 * a cached layout is keyed by its font and text and is never modified once made,
 * except when the whole cache is dropped past CACHE_LIMIT entries.
 */
#include "hs-text.h"

#define CACHE_LIMIT 8192

typedef struct
{
  PangoFontMap *font_map;
  PangoContext *context;
  PangoFontDescription *fonts[HS_N_FONTS];
  GHashTable *layouts; /* "<font char><text>" -> PangoLayout* */
} TextCache;

static const struct
{
  const char *family;
  PangoWeight weight;
  PangoStyle style;
  int pixels;
} font_table[HS_N_FONTS] = {
  [HS_FONT_HEADER] = { "Sans", PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 14 },
  [HS_FONT_NAME] = { "Sans", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 14 },
  [HS_FONT_VALUE] = { "Monospace", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 14 },
  [HS_FONT_INDEX] = { "Sans", PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 10 },
  [HS_FONT_BADGE] = { "Sans", PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 11 },
  [HS_FONT_CAPTION] = { "Sans", PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 12 },
  [HS_FONT_TITLE] = { "Sans", PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 16 },
};

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_hash_table_unref (cache->layouts);
  for (int i = 0; i < HS_N_FONTS; i++)
    pango_font_description_free (cache->fonts[i]);
  g_object_unref (cache->context);
  g_object_unref (cache->font_map);
  g_free (cache);
}

static GPrivate cache_key = G_PRIVATE_INIT (text_cache_free);

static TextCache *
text_cache_new (void)
{
  TextCache *cache = g_new0 (TextCache, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  cache->font_map = pango_cairo_font_map_new ();
  cache->context = pango_font_map_create_context (cache->font_map);
  /* Unhinted metrics: the same widths at every scale the painter is used at. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (cache->context, options);
  cairo_font_options_destroy (options);
  for (int i = 0; i < HS_N_FONTS; i++)
    {
      PangoFontDescription *desc = pango_font_description_new ();

      pango_font_description_set_family_static (desc, font_table[i].family);
      pango_font_description_set_weight (desc, font_table[i].weight);
      pango_font_description_set_style (desc, font_table[i].style);
      pango_font_description_set_absolute_size (desc, font_table[i].pixels * PANGO_SCALE);
      cache->fonts[i] = desc;
    }
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

static TextCache *
text_cache_get (void)
{
  TextCache *cache = g_private_get (&cache_key);

  if (cache == NULL)
    {
      cache = text_cache_new ();
      g_private_set (&cache_key, cache);
    }
  return cache;
}

HsFont
hs_cell_font (HsCellRole role)
{
  switch (role)
    {
      case HS_CELL_HEADER:
        return HS_FONT_HEADER;
      case HS_CELL_INDEX:
        return HS_FONT_INDEX;
      case HS_CELL_NAME:
      case HS_CELL_HELD:
      case HS_CELL_EMPTY:
        return HS_FONT_NAME;
      case HS_CELL_VALUE:
      case HS_CELL_KEY:
      case HS_CELL_ELLIPSIS:
      default:
        return HS_FONT_VALUE;
    }
}

PangoLayout *
hs_text_layout (HsFont font, const char *text)
{
  TextCache *cache = text_cache_get ();
  char *key = g_strdup_printf ("%c%s", 'A' + font, text ? text : "");
  PangoLayout *layout = g_hash_table_lookup (cache->layouts, key);

  g_return_val_if_fail (font < HS_N_FONTS, NULL);
  if (layout != NULL)
    {
      g_free (key);
      return layout;
    }
  if (g_hash_table_size (cache->layouts) >= CACHE_LIMIT)
    g_hash_table_remove_all (cache->layouts);
  layout = pango_layout_new (cache->context);
  pango_layout_set_font_description (layout, cache->fonts[font]);
  pango_layout_set_text (layout, key + 1, -1);
  g_hash_table_insert (cache->layouts, key, layout);
  return layout;
}

void
hs_text_size (HsFont font, const char *text, int *width, int *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (hs_text_layout (font, text), NULL, &logical);
  if (width)
    *width = logical.width;
  if (height)
    *height = logical.height;
}

void
hs_text_release (void)
{
  g_private_replace (&cache_key, NULL);
}
