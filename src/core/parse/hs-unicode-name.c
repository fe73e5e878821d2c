/* hs-unicode-name.c — Unicode characters by name (see hs-unicode-name.h). The names table
 * is written at build time by build-aux/gen-unicode-names.py, the aliases table once by
 * build-aux/gen-unicode-aliases.py. */
#include "config.h"

#include "hs-unicode-name.h"

#include <stdlib.h>
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

/* bsearch's comparisons: a name's entry holds its offset in the text, an alias's its name */
static int
compare_name (const void *key, const void *entry)
{
  return strcmp (key, unicode_name_text + ((const guint32 *)entry)[0]);
}

static int
compare_alias (const void *key, const void *entry)
{
  return strcmp (key, *(const char *const *)entry);
}

gboolean
hs_unicode_lookup (const char *name, gsize len, gunichar *out)
{
  g_autofree char *upper = g_ascii_strup (name, len);
  const guint32 *named;

  if (len > strlen (CJK_PREFIX) && strncmp (upper, CJK_PREFIX, strlen (CJK_PREFIX)) == 0)
    return lookup_cjk (name + strlen (CJK_PREFIX), len - strlen (CJK_PREFIX), out);
  if (memchr (name, '\0', len) != NULL)
    return FALSE;
  named = bsearch (upper, unicode_names, G_N_ELEMENTS (unicode_names), sizeof unicode_names[0],
                   compare_name);
  if (named != NULL)
    {
      *out = named[1];
      return TRUE;
    }
  const typeof (unicode_aliases[0]) *alias
      = bsearch (upper, unicode_aliases, G_N_ELEMENTS (unicode_aliases), sizeof unicode_aliases[0],
                 compare_alias);
  if (alias == NULL)
    return FALSE;
  *out = alias->code;
  return TRUE;
}

char *
hs_unicode_name (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (unicode_cjk_ranges); i++)
    if (c >= unicode_cjk_ranges[i][0] && c <= unicode_cjk_ranges[i][1])
      return g_strdup_printf (CJK_PREFIX "%04X", c);
  for (gsize i = 0; i < G_N_ELEMENTS (unicode_names); i++)
    if (unicode_names[i][1] == c)
      return g_strdup (unicode_name_text + unicode_names[i][0]);
  return NULL;
}
