/* hs-unicode-name.c — Unicode characters by name (see hs-unicode-name.h). The names table
 * is written at build time by build-aux/gen-unicode-names.py, the aliases table once by
 * build-aux/gen-unicode-aliases.py. */
#include "config.h"

#include "hs-unicode-name.h"

#include <string.h>

#include "hs-unicode-aliases-table.h"
#include "hs-unicode-names-table.h"

#define CJK_PREFIX "CJK UNIFIED IDEOGRAPH-"

static gboolean
lookup_cjk (const char *hex, gsize len, gunichar *out)
{
  guint32 v = 0;

  if (len != 4 && len != 5)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (hex[i]) && !(hex[i] >= 'A' && hex[i] <= 'F'))
        return FALSE;
      v = v * 16 + g_ascii_xdigit_value (hex[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unicode_cjk_ranges); i++)
    if (v >= unicode_cjk_ranges[i][0] && v <= unicode_cjk_ranges[i][1])
      {
        *out = v;
        return TRUE;
      }
  return FALSE;
}

gboolean
hs_unicode_lookup (const char *name, gsize len, gunichar *out)
{
  g_autofree char *upper = g_ascii_strup (name, len);
  gsize lo = 0, hi = G_N_ELEMENTS (unicode_names);

  if (len > strlen (CJK_PREFIX) && strncmp (upper, CJK_PREFIX, strlen (CJK_PREFIX)) == 0)
    return lookup_cjk (name + strlen (CJK_PREFIX), len - strlen (CJK_PREFIX), out);
  if (memchr (name, '\0', len) != NULL)
    return FALSE;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int c = strcmp (unicode_name_text + unicode_names[mid][0], upper);
      if (c == 0)
        {
          *out = unicode_names[mid][1];
          return TRUE;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (lo = 0, hi = G_N_ELEMENTS (unicode_aliases); lo < hi;)
    {
      gsize mid = lo + (hi - lo) / 2;
      int c = strcmp (unicode_aliases[mid].name, upper);
      if (c == 0)
        {
          *out = unicode_aliases[mid].code;
          return TRUE;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}
