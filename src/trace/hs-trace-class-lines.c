/* hs-trace-class-lines.c — which lines of a program start a class statement: Python Tutor
 * records no step in a class body, and tells one from the first line of its code. */
#include "config.h"

#include <string.h>

#include "hs-trace-private.h"

/* The numbers of the lines of the source that start with `class` and a space, ascending,
 * as Python Tutor tells a class body from the first line of its code (a few numbers, not
 * one flag per line: a 50 MB program has a million and a half lines). */
GArray *
hs_trace_class_lines (const char *source)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (int));
  const char *p = source;

  for (int line = 1; *p != '\0'; line++)
    {
      while (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\v')
        p++;
      if (g_str_has_prefix (p, "class")
          && (p[5] == ' ' || p[5] == '\t' || p[5] == '\f' || p[5] == '\v'))
        g_array_append_val (lines, line);
      p += strcspn (p, "\r\n");
      if (*p == '\r' && p[1] == '\n')
        p++;
      if (*p != '\0')
        p++;
    }
  return lines;
}

gboolean
hs_trace_is_class_line (GArray *lines, int line)
{
  guint lo = 0, hi = lines->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      int at = g_array_index (lines, int, mid);
      if (at == line)
        return TRUE;
      if (at < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}
