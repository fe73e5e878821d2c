/* hs-mod-datetime.c — the `datetime` module: its types (objects/hs-datetime.c), MINYEAR and
 * MAXYEAR, and the text they are written as and read from: strftime, strptime and the
 * fromisoformat parsers.
 *
 * Invariant: strftime is CPython's on Linux: %f, %z and %Z are replaced first (naive objects:
 * %z and %Z are empty), then the C library's strftime runs in the "C" locale, whatever the
 * program's locale; strptime matches the directives with the alternatives of CPython's
 * _strptime regular expressions, in their order and with backtracking, case-insensitively,
 * so what it accepts and its errors ("time data ... does not match format ...",
 * "unconverted data remains: ...") are CPython's for the directives it knows.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>

#include "hs-datetime.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"

/* ---- strftime ------------------------------------------------------------------------------ */

static locale_t
c_locale (void)
{
  static gsize once = 0;
  static locale_t loc;
  if (g_once_init_enter (&once))
    {
      loc = newlocale (LC_ALL_MASK, "C", (locale_t)0);
      g_once_init_leave (&once, 1);
    }
  return loc;
}

HsObject *
hs_datetime_strftime (HsVM *vm, HsObject *self, HsObject *format)
{
  const HsDateTime *f = HS_DT (self);
  gboolean time_only = HS_IS (self, &hs_time_type);
  HsDateTime day = time_only ? (HsDateTime){ .year = 1900, .month = 1, .day = 1 } : *f;
  const char *fmt = hs_str_utf8 (format);
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
      else if (*p != 'z' && *p != 'Z')
        g_string_append_c (spec, '%'), g_string_append_c (spec, *p);
    }
  struct tm tm = { .tm_year = day.year - 1900,
                   .tm_mon = day.month - 1,
                   .tm_mday = day.day,
                   .tm_hour = f->hour,
                   .tm_min = f->minute,
                   .tm_sec = f->second,
                   .tm_wday = hs_datetime_isoweekday (&day) % 7,
                   .tm_yday = hs_datetime_yday (&day) - 1,
                   .tm_isdst = -1 };
  gsize cap = 256 + spec->len * 16;
  for (;;)
    {
      char *buf = g_malloc (cap);
      gsize n = strftime_l (buf, cap, spec->str, &tm, c_locale ());
      if (n > 0 || spec->len == 0 || cap > 1024 * spec->len + 4096)
        {
          HsObject *r = hs_str_new (vm, buf, n);
          g_free (buf);
          g_string_free (spec, TRUE);
          return r;
        }
      g_free (buf);
      cap *= 4;
    }
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
  { 'y', { "dd" } },
  { 'Y', { "dddd" } },
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

/* The format's directives checked first, as CPython's _strptime compiles its pattern. */
static gboolean
check_format (HsVM *vm, const char *fmt, HsObject *format)
{
  static const char known[] = "dHIjmMSwyYfbBaAp%";
  static const char unsupported[] = "cxXUWzZGuV";
  for (const char *p = fmt; *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      p++;
      if (*p == '\0')
        {
          hs_err_format (vm, &hs_exc_ValueError, "stray %% in format '%s'", hs_str_utf8 (format));
          return FALSE;
        }
      if (strchr (unsupported, *p) != NULL)
        {
          hs_err_format (vm, &hs_exc_NotImplementedError,
                         "strptime directive %%%c is not supported by Heapscope yet", *p);
          return FALSE;
        }
      if (strchr (known, *p) == NULL)
        {
          gchar *bad = g_strndup (p, g_utf8_next_char (p) - p);
          hs_err_format (vm, &hs_exc_ValueError, "'%s' is a bad directive in format '%s'", bad,
                         hs_str_utf8 (format));
          g_free (bad);
          return FALSE;
        }
    }
  return TRUE;
}

HsObject *
hs_datetime_strptime (HsVM *vm, HsObject *string, HsObject *format)
{
  const char *fmt = hs_str_utf8 (format), *s = hs_str_utf8 (string), *end = NULL;
  if (!check_format (vm, fmt, format))
    return NULL;
  Strptime st = { .format = fmt };
  for (int i = 0; i < 128; i++)
    st.values[i] = g_string_new (NULL);
  HsObject *r = NULL;
  if (!match_from (&st, s, fmt, &end))
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
  HsDateTime f = { .year = 1900, .month = 1, .day = 1 };
  if (st.values['y']->len > 0)
    {
      int y = value_int (&st, 'y', 0);
      f.year = y <= 68 ? 2000 + y : 1900 + y;
    }
  f.year = value_int (&st, 'Y', f.year);
  f.month = value_int (&st, 'm', 1);
  if (st.values['B']->len > 0 || st.values['b']->len > 0)
    f.month = name_index (st.values[st.values['B']->len > 0 ? 'B' : 'b'], month_names, 12) + 1;
  f.day = value_int (&st, 'd', 1);
  f.hour = value_int (&st, 'H', 0);
  if (st.values['I']->len > 0)
    {
      int h = value_int (&st, 'I', 0);
      gboolean pm = st.values['p']->len > 0 && g_ascii_tolower (st.values['p']->str[0]) == 'p';
      f.hour = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
    }
  f.minute = value_int (&st, 'M', 0);
  f.second = value_int (&st, 'S', 0);
  if (st.values['f']->len > 0)
    {
      while (st.values['f']->len < 6)
        g_string_append_c (st.values['f'], '0');
      f.us = value_int (&st, 'f', 0);
    }
  if (st.values['j']->len > 0 && st.values['m']->len == 0 && st.values['d']->len == 0
      && st.values['b']->len == 0 && st.values['B']->len == 0)
    {
      /* day of the year: counted from 1 January */
      int yday = value_int (&st, 'j', 1);
      f.month = 1;
      while (f.month < 12 && yday > hs_datetime_days_in_month (f.year, f.month))
        yday -= hs_datetime_days_in_month (f.year, f.month++);
      f.day = yday;
    }
  if (hs_datetime_check_fields (vm, &f, TRUE, TRUE))
    r = hs_datetime_new (vm, &hs_datetime_type, &f);
out:
  for (int i = 0; i < 128; i++)
    g_string_free (st.values[i], TRUE);
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

/* HH[:MM[:SS[.f+]]] or HH[MM[SS[.f+]]]: -1 if not ISO, 1 on success (tz refused: 0). */
static int
parse_time (HsVM *vm, const char *p, const char *end, HsDateTime *f)
{
  if (end - p < 2 || !digits (p, 2, &f->hour))
    return -1;
  p += 2;
  gboolean ext = p < end && *p == ':';
  gint32 *next[2] = { &f->minute, &f->second };
  for (int i = 0; i < 2 && p < end && *p != '.' && *p != ',' && *p != '+' && *p != '-' && *p != 'Z';
       i++)
    {
      if (ext && *p++ != ':')
        return -1;
      if (end - p < 2 || !digits (p, 2, next[i]))
        return -1;
      p += 2;
    }
  if (p < end && (*p == '.' || *p == ','))
    {
      p++;
      int n = 0, us = 0;
      for (; p < end && g_ascii_isdigit (*p); p++, n++)
        if (n < 6)
          us = us * 10 + (*p - '0');
      if (n == 0)
        return -1;
      for (; n < 6; n++)
        us *= 10;
      f->us = us;
    }
  if (p < end && (*p == '+' || *p == '-' || *p == 'Z'))
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "time zones (tzinfo) are not supported by Heapscope yet");
      return 0;
    }
  return p == end ? 1 : -1;
}

HsObject *
hs_datetime_fromisoformat (HsVM *vm, const HsType *type, HsObject *string)
{
  const char *s = hs_str_utf8 (string);
  gsize len = hs_str_byte_len (string);
  HsDateTime f = { 0 };
  int ok;
  if (type == &hs_time_type)
    ok = parse_time (vm, s + (len > 0 && s[0] == 'T'), s + len, &f);
  else if (type == &hs_date_type)
    ok = parse_date (vm, s, len, &f);
  else
    {
      gsize dl = date_length (s, len);
      ok = dl > 0 && dl <= len ? parse_date (vm, s, dl, &f) : -1;
      if (ok == 1 && dl < len)
        {
          const char *t = g_utf8_next_char (s + dl);
          ok = t < s + len ? parse_time (vm, t, s + len, &f) : -1;
        }
    }
  if (ok < 0)
    {
      HsObject *r = hs_object_repr (vm, string);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "Invalid isoformat string: %s", hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  if (ok == 0 || !hs_datetime_check_fields (vm, &f, type != &hs_time_type, type != &hs_date_type))
    return NULL;
  return hs_datetime_new (vm, type, &f);
}

/* ---- the module
 * ------------------------------------------------------------------------------------ */

int
hs_mod_datetime_init (HsVM *vm, HsObject *dict)
{
  static HsType *const types[]
      = { &hs_date_type, &hs_time_type, &hs_datetime_type, &hs_timedelta_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    if (hs_module_add_take (vm, dict, types[i]->name, hs_incref ((HsObject *)types[i])) < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "MINYEAR", hs_int_from_i64 (vm, 1)) < 0
      || hs_module_add_take (vm, dict, "MAXYEAR", hs_int_from_i64 (vm, 9999)) < 0)
    return -1;
  return 0;
}
