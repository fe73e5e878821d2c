/* hs-mod-datetime.c — the `datetime` module: its types (objects/hs-datetime.c), MINYEAR and
 * MAXYEAR, and the text they are written as and read from: strftime, strptime and the
 * fromisoformat parsers.
 *
 * Invariant: strftime is CPython's on Linux: %f, %z and %Z are replaced first (naive objects:
 * %z and %Z are empty; an aware datetime's tzinfo is asked dst() first, as CPython's
 * timetuple() does), then the C library's strftime runs in the "C" locale, whatever the
 * program's locale; strptime matches the directives with the alternatives of CPython's
 * _strptime regular expressions, in their order and with backtracking, case-insensitively,
 * so what it accepts and its errors ("time data ... does not match format ...",
 * "unconverted data remains: ...") are CPython's for the directives it knows.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "hs-datetime.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"

/* ---- strftime ------------------------------------------------------------------------------ */

/* What %z (offset TRUE) or %Z stands for in an object's strftime: its tzinfo's utcoffset
 * or tzname (a datetime passes itself, a time None); FALSE on an error. */
static gboolean
append_zone (HsVM *vm, GString *spec, HsObject *self, gboolean offset)
{
  HsObject *tz = HS_DT (self)->tzinfo, *arg = IS_KIND (self, &hs_time_type) ? hs_None : self;
  if (offset)
    {
      gint64 us;
      int k = hs_tzinfo_offset (vm, tz, "utcoffset", arg, &us);
      if (k > 0)
        hs_datetime_append_offset (spec, us, "");
      return k >= 0;
    }
  HsObject *name = hs_tzinfo_name (vm, tz, arg);
  if (name == NULL)
    return FALSE;
  for (const char *c = name != hs_None ? hs_str_utf8 (name) : ""; *c != '\0'; c++)
    g_string_append_len (spec, c, *c == '%' ? 2 : 1); /* "%%": the C library's % */
  hs_decref (vm, name);
  return TRUE;
}

HsObject *
hs_datetime_strftime (HsVM *vm, HsObject *self, HsObject *format)
{
  const HsDateTime *f = HS_DT (self);
  gboolean time_only = IS_KIND (self, &hs_time_type);
  HsDateTime day = *f;
  if (time_only)
    day.year = 1900, day.month = 1, day.day = 1;
  const char *fmt = hs_str_utf8 (format);
  gint64 dst = 0;
  int isdst = time_only ? 0 : hs_tzinfo_offset (vm, f->tzinfo, "dst", self, &dst);
  if (isdst < 0)
    return NULL;
  GString *spec = g_string_new (NULL);
  for (const char *p = fmt; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (spec, *p);
          continue;
        }
      p++;
      if (*p == 'f')
        g_string_append_printf (spec, "%06d", f->us);
      else if ((*p == 'z' || *p == 'Z') && !append_zone (vm, spec, self, *p == 'z'))
        {
          g_string_free (spec, TRUE);
          return NULL;
        }
      else if (*p != 'z' && *p != 'Z')
        g_string_append_c (spec, '%'), g_string_append_c (spec, *p);
    }
  struct tm tm;
  hs_datetime_to_tm (&day, isdst ? dst != 0 : -1, &tm);
  HsObject *r = hs_time_strftime_tm (vm, spec->str, &tm);
  g_string_free (spec, TRUE);
  return r;
}

/* ---- strptime ----------------------------------------------------------------------------------
 */

/* The alternatives of CPython's regular expression for a numeric directive, in its order; each
 * a sequence of character classes: a digit, "d" (\d), a set in brackets, or a space. */
typedef struct
{
  char directive;
  const char *alts[9];
} NumPattern;

static const NumPattern num_patterns[] = {
  { 'd', { "3[01]", "[12]d", "0[1-9]", "[1-9]", " [1-9]" } },
  { 'H', { "2[0-3]", "[0-1]d", "d" } },
  { 'I', { "1[0-2]", "0[1-9]", "[1-9]" } },
  { 'j', { "36[0-6]", "3[0-5]d", "[12]dd", "0[1-9]d", "00[1-9]", "[1-9]d", "0[1-9]", "[1-9]" } },
  { 'm', { "1[0-2]", "0[1-9]", "[1-9]" } },
  { 'M', { "[0-5]d", "d" } },
  { 'S', { "6[0-1]", "[0-5]d", "d" } },
  { 'w', { "[0-6]" } },
  { 'u', { "[1-7]" } },
  { 'U', { "5[0-3]", "[0-4]d", "d" } },
  { 'W', { "5[0-3]", "[0-4]d", "d" } },
  { 'y', { "dd" } },
  { 'Y', { "dddd" } },
  { 'G', { "dddd" } },
  { 'V', { "5[0-3]", "0[1-9]", "[1-4]d", "d" } },
  { 'f', { "dddddd", "ddddd", "dddd", "ddd", "dd", "d" } },
};

static const char *const month_names[]
    = { "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december" };
static const char *const day_names[]
    = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

/* How many bytes of `s` the alternative `alt` matches, or -1. */
static int
match_alt (const char *s, const char *alt)
{
  int n = 0;
  for (const char *a = alt; *a != '\0'; n++)
    {
      char c = s[n];
      if (*a == 'd')
        {
          if (!g_ascii_isdigit (c))
            return -1;
          a++;
        }
      else if (*a == '[')
        {
          /* [01], [1-9], [0-5]: single characters and ranges */
          gboolean ok = FALSE;
          a++;
          while (*a != ']')
            {
              if (a[1] == '-')
                ok |= c >= a[0] && c <= a[2], a += 3;
              else
                ok |= c == a[0], a++;
            }
          a++;
          if (!ok || c == '\0')
            return -1;
        }
      else
        {
          if (c != *a)
            return -1;
          a++;
        }
    }
  return n;
}

typedef struct
{
  const char *format;
  GString *values[128]; /* what each directive matched */
} Strptime;

static gboolean match_from (Strptime *st, const char *s, const char *f, const char **end);

/* Tries each of `alts` (lengths of matches at s) then the rest of the format. */
static gboolean
try_lengths (Strptime *st, const char *s, const char *rest, char dir, const int *lens, int n,
             const char **end)
{
  for (int i = 0; i < n; i++)
    {
      if (lens[i] < 0)
        continue;
      if (match_from (st, s + lens[i], rest, end))
        {
          g_string_assign (st->values[(int)dir], "");
          g_string_append_len (st->values[(int)dir], s, lens[i]);
          return TRUE;
        }
    }
  return FALSE;
}

/* The lengths of the names of `names` that s starts with (any case), longest names first as
 * CPython sorts them (full names, then their three-letter abbreviations when `abbrev`). */
static int
name_lengths (const char *s, const char *const *names, int count, gboolean abbrev, int *lens)
{
  int n = 0;
  for (gsize want = 9; want >= 3; want--)
    for (int i = 0; i < count; i++)
      {
        gsize len = abbrev ? 3 : strlen (names[i]);
        if (len == want && g_ascii_strncasecmp (s, names[i], len) == 0)
          lens[n++] = (int)len;
      }
  return n;
}

/* The lengths %z can match at s, in the order of CPython's regular expression
 * [+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z) (greedy, then backtracking). */
static int
offset_lengths (const char *s, int *lens)
{
  int n = 0;
  if ((s[0] == '+' || s[0] == '-') && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]))
    {
      int b = 3 + (s[3] == ':');
      if (s[b] >= '0' && s[b] <= '5' && g_ascii_isdigit (s[b + 1]))
        {
          b += 2;
          int c = b + (s[b] == ':');
          if (s[c] >= '0' && s[c] <= '5' && g_ascii_isdigit (s[c + 1]))
            {
              int g = c + 2, k = 0;
              while (s[g] == '.' && k < 6 && g_ascii_isdigit (s[g + 1 + k]))
                k++;
              for (; k >= 1; k--)
                lens[n++] = g + 1 + k;
              lens[n++] = g;
            }
          lens[n++] = b;
        }
    }
  if (s[0] == 'Z')
    lens[n++] = 1;
  return n;
}

/* The names %Z matches (any case), as CPython's LocaleTime lists them: UTC, GMT and the
 * system's zone names (its daylight one when it has one), longest first. */
static int
zone_lengths (const char *s, int *lens)
{
  tzset ();
  const char *names[4] = { "utc", "gmt", tzname[0], daylight ? tzname[1] : "" };
  int n = 0;
  for (gsize want = 32; want >= 1; want--)
    for (int i = 0; i < 4; i++)
      {
        gboolean repeated = FALSE;
        for (int k = 0; k < i; k++)
          repeated |= g_ascii_strcasecmp (names[k], names[i]) == 0;
        if (!repeated && strlen (names[i]) == want && g_ascii_strncasecmp (s, names[i], want) == 0)
          lens[n++] = (int)want;
      }
  return n;
}

/* Matches the format from `f` against the text from `s`, leaving *end at the first byte of
 * the text not matched (CPython's re.match: the rest may remain). */
static gboolean
match_from (Strptime *st, const char *s, const char *f, const char **end)
{
  int lens[16];
  if (*f == '\0')
    {
      *end = s;
      return TRUE;
    }
  if (g_ascii_isspace (*f))
    {
      /* \s+: greedy, backtracking */
      const char *r = f;
      while (g_ascii_isspace (*r))
        r++;
      int n = 0;
      while (g_ascii_isspace (s[n]))
        n++;
      for (int k = n; k >= 1; k--)
        if (match_from (st, s + k, r, end))
          return TRUE;
      return FALSE;
    }
  if (*f != '%')
    return g_ascii_tolower (*s) == g_ascii_tolower (*f) && *s != '\0'
           && match_from (st, s + 1, f + 1, end);
  char d = f[1];
  if (d == '%')
    return *s == '%' && match_from (st, s + 1, f + 2, end);
  for (gsize i = 0; i < G_N_ELEMENTS (num_patterns); i++)
    if (num_patterns[i].directive == d)
      {
        int n = 0;
        for (const char *const *a = num_patterns[i].alts; *a != NULL; a++)
          lens[n++] = match_alt (s, *a);
        return try_lengths (st, s, f + 2, d, lens, n, end);
      }
  int n = d == 'B' || d == 'b'   ? name_lengths (s, month_names, 12, d == 'b', lens)
          : d == 'A' || d == 'a' ? name_lengths (s, day_names, 7, d == 'a', lens)
          : d == 'p'
              ? (g_ascii_strncasecmp (s, "am", 2) == 0 || g_ascii_strncasecmp (s, "pm", 2) == 0
                     ? (lens[0] = 2, 1)
                     : 0)
          : d == 'z' ? offset_lengths (s, lens)
          : d == 'Z' ? zone_lengths (s, lens)
                     : 0;
  return try_lengths (st, s, f + 2, d, lens, n, end);
}

static int
value_int (Strptime *st, char d, int dflt)
{
  GString *v = st->values[(int)d];
  return v->len > 0 ? (int)g_ascii_strtoll (g_strstrip (v->str), NULL, 10) : dflt;
}

static int
name_index (GString *v, const char *const *names, int count)
{
  for (int i = 0; i < count; i++)
    if (g_ascii_strncasecmp (v->str, names[i], v->len) == 0)
      return i;
  return -1;
}

/* The format with %c, %x and %X spelt out as the "C" locale writes them (CPython's
 * LocaleTime), its directives checked first as _strptime compiles its pattern; NULL with
 * CPython's ValueError. */
static GString *
expand_format (HsVM *vm, const char *fmt, HsObject *format)
{
  static const char known[] = "dHIjmMSwuUWyYfbBaApzZGV%";
  GString *out = g_string_new (NULL);
  for (const char *p = fmt; *p != '\0'; p++)
    {
      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == '\0')
        hs_err_format (vm, &hs_exc_ValueError, "stray %% in format '%s'", hs_str_utf8 (format));
      else if (*p == 'c' || *p == 'x' || *p == 'X')
        {
          g_string_append (out, *p == 'c'   ? "%a %b %d %H:%M:%S %Y"
                                : *p == 'x' ? "%m/%d/%y"
                                            : "%H:%M:%S");
          continue;
        }
      else if (strchr (known, *p) != NULL)
        {
          g_string_append_c (out, '%'), g_string_append_c (out, *p);
          continue;
        }
      else
        {
          gchar *bad = g_strndup (p, g_utf8_next_char (p) - p);
          hs_err_format (vm, &hs_exc_ValueError, "'%s' is a bad directive in format '%s'", bad,
                         hs_str_utf8 (format));
          g_free (bad);
        }
      g_string_free (out, TRUE);
      return NULL;
    }
  return out;
}

static gboolean
has (Strptime *st, char d)
{
  return st->values[(int)d]->len > 0;
}

/* The weekday the text names (Monday 0), or -1. */
static int
weekday_of (Strptime *st)
{
  if (has (st, 'A') || has (st, 'a'))
    return name_index (st->values[has (st, 'A') ? 'A' : 'a'], day_names, 7);
  if (has (st, 'w'))
    return (value_int (st, 'w', 0) + 6) % 7;
  return has (st, 'u') ? value_int (st, 'u', 1) - 1 : -1;
}

/* _calc_julian_from_U_or_W: the day of the year of a week number and weekday. */
static int
julian_from_week (int year, int week, int weekday, gboolean monday_first)
{
  HsDateTime jan1 = { .year = year, .month = 1, .day = 1 };
  int first = hs_datetime_isoweekday (&jan1) - 1;
  if (!monday_first)
    first = (first + 1) % 7, weekday = (weekday + 1) % 7;
  if (week == 0)
    return 1 + weekday - first;
  return 1 + (7 - first) % 7 + 7 * (week - 1) + weekday;
}

/* The offset %z matched (CPython's _strptime: "Z", or [+-]HH[:]MM[[:]SS[.f]]) into *us,
 * FALSE with its ValueError for an inconsistent use of ':'. */
static gboolean
parse_offset (HsVM *vm, GString *z, gint64 *us)
{
  *us = 0;
  if (strcmp (z->str, "Z") == 0)
    return TRUE;
  GString *t = g_string_new_len (z->str, z->len);
  if (t->str[3] == ':')
    {
      g_string_erase (t, 3, 1);
      if (t->len > 5 && t->str[5] != ':')
        {
          hs_err_format (vm, &hs_exc_ValueError, "Inconsistent use of : in %s", z->str);
          g_string_free (t, TRUE);
          return FALSE;
        }
      if (t->len > 5)
        g_string_erase (t, 5, 1);
    }
  int v[3] = { 0, 0, 0 };
  for (int i = 0; i < 3 && (gsize)(1 + 2 * i) < t->len; i++)
    v[i] = (t->str[1 + 2 * i] - '0') * 10 + (t->str[2 + 2 * i] - '0');
  int frac = 0, n = 0;
  for (const char *c = t->len > 8 ? t->str + 8 : ""; *c != '\0'; c++, n++)
    frac = frac * 10 + (*c - '0');
  for (; n < 6; n++)
    frac *= 10;
  *us = ((gint64)v[0] * 3600 + v[1] * 60 + v[2]) * 1000000 + frac;
  if (t->str[0] == '-')
    *us = -*us;
  g_string_free (t, TRUE);
  return TRUE;
}

/* The fields of a match, as _strptime computes them from its groups; FALSE with a
 * ValueError. */
static gboolean
strptime_fields (HsVM *vm, Strptime *st, HsDateTime *f)
{
  int year = -1, weekday = weekday_of (st), julian = has (st, 'j') ? value_int (st, 'j', 1) : -1;
  if (has (st, 'y'))
    {
      year = value_int (st, 'y', 0);
      year += year <= 68 ? 2000 : 1900;
    }
  year = value_int (st, 'Y', year);
  f->month = value_int (st, 'm', 1);
  if (has (st, 'B') || has (st, 'b'))
    f->month = name_index (st->values[has (st, 'B') ? 'B' : 'b'], month_names, 12) + 1;
  f->day = value_int (st, 'd', 1);
  f->hour = value_int (st, 'H', 0);
  if (has (st, 'I'))
    {
      int h = value_int (st, 'I', 0);
      gboolean pm = has (st, 'p') && g_ascii_tolower (st->values['p']->str[0]) == 'p';
      f->hour = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
    }
  f->minute = value_int (st, 'M', 0);
  f->second = value_int (st, 'S', 0);
  if (has (st, 'f'))
    {
      while (st->values['f']->len < 6)
        g_string_append_c (st->values['f'], '0');
      f->us = value_int (st, 'f', 0);
    }
  const char *iso_error = NULL;
  if (year < 0 && has (st, 'G'))
    iso_error = !has (st, 'V') || weekday < 0
                    ? "ISO year directive '%G' must be used with the ISO week directive '%V' and "
                      "a weekday directive ('%A', '%a', '%w', or '%u')."
                : julian >= 0 ? "Day of the year directive '%j' is not compatible with ISO year "
                                "directive '%G'. Use '%Y' instead."
                              : NULL;
  else if (!has (st, 'U') && !has (st, 'W') && has (st, 'V'))
    iso_error = weekday < 0 ? "ISO week directive '%V' must be used with the ISO year directive "
                              "'%G' and a weekday directive ('%A', '%a', '%w', or '%u')."
                            : "ISO week directive '%V' is incompatible with the year directive "
                              "'%Y'. Use the ISO year '%G' instead.";
  if (iso_error != NULL)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, iso_error);
      return FALSE;
    }
  gboolean leap_fix = year < 0 && f->month == 2 && f->day == 29;
  f->year = year >= 0 ? year : leap_fix ? 1904 : 1900;
  if (julian < 0 && weekday >= 0 && (has (st, 'U') || has (st, 'W') || has (st, 'G')))
    {
      if (has (st, 'U') || has (st, 'W'))
        julian = julian_from_week (f->year, value_int (st, has (st, 'U') ? 'U' : 'W', 0), weekday,
                                   has (st, 'W'));
      else
        {
          /* _calc_julian_from_V */
          HsDateTime jan4 = { .year = value_int (st, 'G', 1), .month = 1, .day = 4 };
          if (!hs_datetime_check_fields (vm, &jan4, TRUE, FALSE))
            return FALSE;
          f->year = jan4.year;
          julian = value_int (st, 'V', 1) * 7 + weekday + 1 - (hs_datetime_isoweekday (&jan4) + 3);
        }
      if (julian <= 0)
        {
          f->year -= 1;
          julian += hs_datetime_days_in_month (f->year, 2) == 29 ? 366 : 365;
        }
    }
  if (julian < 0)
    {
      if (!hs_datetime_check_fields (vm, f, TRUE, FALSE))
        return FALSE;
    }
  else
    {
      HsDateTime jan1 = { .year = f->year, .month = 1, .day = 1 };
      if (!hs_datetime_check_fields (vm, &jan1, TRUE, FALSE)
          || !hs_datetime_from_ordinal (vm, hs_datetime_ordinal (&jan1) + julian - 1, f))
        return FALSE;
    }
  if (leap_fix)
    f->year = 1900;
  return TRUE;
}

HsObject *
hs_datetime_strptime (HsVM *vm, const HsType *type, HsObject *string, HsObject *format)
{
  const char *s = hs_str_utf8 (string), *end = NULL;
  GString *fmt = expand_format (vm, hs_str_utf8 (format), format);
  if (fmt == NULL)
    return NULL;
  Strptime st = { .format = fmt->str };
  for (int i = 0; i < 128; i++)
    st.values[i] = g_string_new (NULL);
  HsObject *r = NULL;
  gint64 off = 0;
  if (!match_from (&st, s, fmt->str, &end))
    {
      HsObject *sr = hs_object_repr (vm, string), *fr = hs_object_repr (vm, format);
      if (sr != NULL && fr != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "time data %s does not match format %s",
                       hs_str_utf8 (sr), hs_str_utf8 (fr));
      hs_xdecref (vm, sr);
      hs_xdecref (vm, fr);
      goto out;
    }
  if (*end != '\0')
    {
      hs_err_format (vm, &hs_exc_ValueError, "unconverted data remains: %s", end);
      goto out;
    }
  HsDateTime f = { 0 };
  if ((has (&st, 'z') && !parse_offset (vm, st.values['z'], &off)) || !strptime_fields (vm, &st, &f)
      || !hs_datetime_check_fields (vm, &f, TRUE, TRUE))
    goto out;
  if (has (&st, 'z'))
    {
      HsObject *name
          = has (&st, 'Z') ? hs_str_new (vm, st.values['Z']->str, st.values['Z']->len) : NULL;
      f.tzinfo = !has (&st, 'Z') || name != NULL ? hs_timezone_from_us (vm, off, name) : NULL;
      hs_xdecref (vm, name);
      if (f.tzinfo == NULL)
        goto out;
    }
  r = hs_datetime_new_by_class (vm, type, &f, HS_DT_ARGS_OPT_TZ);
  hs_xdecref (vm, f.tzinfo);
out:
  for (int i = 0; i < 128; i++)
    g_string_free (st.values[i], TRUE);
  g_string_free (fmt, TRUE);
  return r;
}

/* ---- fromisoformat
 * -------------------------------------------------------------------------------- */

/* n digits at p into *out. */
static gboolean
digits (const char *p, int n, gint32 *out)
{
  int v = 0;
  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* The length of the date at the start of s (CPython 3.11's forms), or 0. */
static gsize
date_length (const char *s, gsize len)
{
  if (len < 7)
    return 0;
  if (s[4] == '-')
    return s[5] == 'W' ? (len >= 10 && s[8] == '-' ? 10 : 8) : 10;
  if (s[4] == 'W')
    return len >= 8 && g_ascii_isdigit (s[7]) ? 8 : 7;
  return 8;
}

/* Parses the date of `len` bytes; -1 if it is not ISO, 0 on a ValueError set, 1 on success. */
static int
parse_date (HsVM *vm, const char *s, gsize len, HsDateTime *f)
{
  gint32 week = 0, wday = 1;
  if (len < 7 || !digits (s, 4, &f->year))
    return -1;
  gboolean ext = s[4] == '-';
  const char *p = s + 4 + ext;
  if (*p == 'W')
    {
      p++;
      if (!digits (p, 2, &week))
        return -1;
      p += 2;
      if (p < s + len)
        {
          if (ext && *p++ != '-')
            return -1;
          if (!digits (p, 1, &wday))
            return -1;
          p++;
        }
      if (p != s + len)
        return -1;
      return hs_datetime_set_isoweek (vm, f->year, week, wday, f) ? 1 : 0;
    }
  if (len != (ext ? 10u : 8u) || !digits (p, 2, &f->month) || (ext && p[2] != '-')
      || !digits (p + 2 + ext, 2, &f->day))
    return -1;
  return 1;
}

/* CPython 3.11's parse_hh_mm_ss_ff: HH[:MM[:SS[.f+]]] or HH[MM[SS[.f+]]] from p to end into
 * v (hour, minute, second, microsecond): -1 if malformed, 1 if text follows, else 0. */
static int
parse_hh_mm_ss_ff (const char *p, const char *end, gint32 v[4])
{
  gboolean sep = TRUE;
  v[0] = v[1] = v[2] = v[3] = 0;
  for (int i = 0; i < 3; i++)
    {
      if (!digits (p, 2, &v[i]))
        return -1;
      p += 2;
      char c = *p++;
      if (i == 0)
        sep = c == ':';
      if (p >= end)
        return c != '\0';
      if (sep && c == ':')
        continue;
      if (c == '.' || c == ',')
        break;
      if (sep)
        return -1;
      p--;
    }
  int n = (int)MIN (end - p, 6);
  if (n <= 0 || !digits (p, n, &v[3]))
    return -1;
  for (int i = n; i < 6; i++)
    v[3] *= 10;
  for (p += n; g_ascii_isdigit (*p); p++)
    ;
  return *p != '\0';
}

/* CPython 3.11's parse_isoformat_time: the time into f and an offset after it ("Z",
 * "+HH[:MM[:SS[.f+]]]") into *tz_us: -1 if not ISO, 0 without an offset, 1 with one. */
static int
parse_time (const char *p, const char *end, HsDateTime *f, gint64 *tz_us)
{
  const char *tz = p;
  while (tz < end && *tz != 'Z' && *tz != '+' && *tz != '-')
    tz++;
  gint32 v[4], w[4];
  int rv = parse_hh_mm_ss_ff (p, tz, v);
  if (rv < 0)
    return -1;
  f->hour = v[0], f->minute = v[1], f->second = v[2], f->us = v[3];
  if (tz == end)
    return rv == 1 ? -1 : 0;
  *tz_us = 0;
  if (*tz == 'Z')
    return tz[1] != '\0' ? -1 : 1;
  int sign = *tz == '-' ? -1 : 1;
  if (parse_hh_mm_ss_ff (tz + 1, end, w) != 0)
    return -1;
  *tz_us = sign * ((gint64)(w[0] * 3600 + w[1] * 60 + w[2]) * 1000000 + w[3]);
  return 1;
}

HsObject *
hs_datetime_fromisoformat (HsVM *vm, const HsType *type, HsObject *string)
{
  const char *s = hs_str_utf8 (string);
  gsize len = hs_str_byte_len (string);
  HsDateTime f = { 0 };
  gint64 tz_us = 0;
  int ok;
  const HsType *kind = hs_datetime_kind (type);
  if (kind == &hs_time_type)
    ok = parse_time (s + (len > 0 && s[0] == 'T'), s + len, &f, &tz_us);
  else if (kind == &hs_date_type)
    ok = parse_date (vm, s, len, &f);
  else
    {
      gsize dl = date_length (s, len);
      ok = dl > 0 && dl <= len ? parse_date (vm, s, dl, &f) : -1;
      if (ok == 1 && dl < len)
        {
          const char *t = g_utf8_next_char (s + dl);
          ok = t < s + len ? parse_time (t, s + len, &f, &tz_us) : -1;
        }
      else if (ok == 1)
        ok = 0;
    }
  if (ok < 0)
    {
      HsObject *r = hs_object_repr (vm, string);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "Invalid isoformat string: %s", hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  if (kind == &hs_date_type)
    ok = 0; /* parse_date's 1: a date */
  if (hs_err_occurred (vm)
      || !hs_datetime_check_fields (vm, &f, kind != &hs_time_type, kind != &hs_date_type))
    return NULL;
  if (ok == 1 && (f.tzinfo = hs_timezone_from_us (vm, tz_us, NULL)) == NULL)
    return NULL;
  HsObject *r = hs_datetime_new_by_class (vm, type, &f, HS_DT_ARGS_ALL);
  hs_xdecref (vm, f.tzinfo);
  return r;
}

/* ---- the module
 * ------------------------------------------------------------------------------------ */

int
hs_mod_datetime_init (HsVM *vm, HsObject *dict)
{
  static HsType *const types[] = { &hs_date_type,      &hs_time_type,   &hs_datetime_type,
                                   &hs_timedelta_type, &hs_tzinfo_type, &hs_timezone_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_module_add_take (vm, dict, types[i]->name, hs_incref ((HsObject *)types[i])) < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "UTC", hs_incref (hs_timezone_utc)) < 0)
    return -1;
  if (hs_module_add_take (vm, dict, "MINYEAR", hs_int_from_i64 (vm, 1)) < 0
      || hs_module_add_take (vm, dict, "MAXYEAR", hs_int_from_i64 (vm, 9999)) < 0)
    return -1;
  return 0;
}
