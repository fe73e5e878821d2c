/* hs-mod-calendar.c — the `calendar` module: leap years, weekdays, month tables and
 * TextCalendar's text layout.
 *
 * Invariant: as CPython 3.11's calendar.py: Calendar and TextCalendar are classes whose
 * instances keep `_firstweekday` in their __dict__ (read through the `firstweekday`
 * property), and the module's functions month, calendar, prmonth, prcal, monthcalendar,
 * week, weekheader, prweek and firstweekday are bound methods of the module's own
 * TextCalendar `c`, so setfirstweekday() changes what they draw. The text is laid out with
 * calendar.py's widths, centring (str.center's rule) and right-stripping, byte for byte. The
 * names are the C locale's. Weekdays come from the proleptic Gregorian calendar, a year out
 * of datetime's range taken as 2000 + year % 400, as calendar.weekday does.
 */
#include "config.h"

#include <string.h>

#include "hs-abc.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-datetime.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define MODULE "calendar"

static const char *const month_names[]
    = { "",     "January", "February",  "March",   "April",    "May",     "June",
        "July", "August",  "September", "October", "November", "December" };
static const char *const day_names[]
    = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
static const int mdays[] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

/* ---- the errors ------------------------------------------------------------------------ */

static HsType illegal_month_type = {
  .name = "IllegalMonthError",
  .module = MODULE,
  .base = &hs_exc_ValueError,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

static HsType illegal_weekday_type = {
  .name = "IllegalWeekdayError",
  .module = MODULE,
  .base = &hs_exc_ValueError,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_EXCEPTION,
  .basicsize = sizeof (HsException),
};

static void
illegal (HsVM *vm, HsType *type, const char *fmt, HsObject *value)
{
  HsObject *r = hs_object_repr (vm, value);
  if (r == NULL)
    return;
  hs_err_format (vm, type, fmt, hs_str_utf8 (r));
  hs_decref (vm, r);
}

/* ---- dates ----------------------------------------------------------------------------- */

static gboolean
leap (gint64 y)
{
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static gint64
floordiv (gint64 a, gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* 0 Monday .. 6 Sunday of a valid date of year 1..9999 (datetime's toordinal) */
static int
weekday_of (gint64 y, int m, int d)
{
  gint64 y1 = y - 1, ord = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
  for (int k = 1; k < m; k++)
    ord += mdays[k] + (k == 2 && leap (y));
  ord += d;
  return (int)((ord + 6) % 7);
}

/* calendar.weekday's year: one of datetime's, else 2000 + year % 400 */
static gint64
in_datetime_range (gint64 y)
{
  return y >= 1 && y <= 9999 ? y : 2000 + (y % 400 + 400) % 400;
}

static gboolean
int_arg (HsVM *vm, HsObject *o, gint64 *out)
{
  if (hs_int_check (o) && hs_int_as_i64 (o, out))
    return TRUE;
  if (hs_int_check (o))
    hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
  else
    hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   hs_type_name (o));
  return FALSE;
}

/* monthrange's checks: the year and month as numbers, IllegalMonthError */
static gboolean
year_month (HsVM *vm, HsObject *yo, HsObject *mo, gint64 *y, int *m)
{
  gint64 mm;
  if (!int_arg (vm, yo, y) || !int_arg (vm, mo, &mm))
    return FALSE;
  if (mm < 1 || mm > 12)
    {
      illegal (vm, &illegal_month_type, "bad month number %s; must be 1-12", mo);
      return FALSE;
    }
  *m = (int)mm;
  return TRUE;
}

static int
month_len (gint64 y, int m)
{
  return mdays[m] + (m == 2 && leap (y));
}

/* The month's days as its weeks show them, 0 outside it: `cells` gets 28 to 42 entries. */
static int
month_cells (gint64 y, int m, int first, int cells[42])
{
  int day1 = weekday_of (in_datetime_range (y), m, 1), ndays = month_len (y, m), n = 0;
  int before = ((day1 - first) % 7 + 7) % 7, after = ((first - day1 - ndays) % 7 + 7) % 7;
  for (int i = 0; i < before; i++)
    cells[n++] = 0;
  for (int d = 1; d <= ndays; d++)
    cells[n++] = d;
  for (int i = 0; i < after; i++)
    cells[n++] = 0;
  return n;
}

/* ---- the module's functions ---------------------------------------------------------------- */

/* isleap(year): year % 4 == 0 and (year % 100 != 0 or year % 400 == 0), on any numbers */
static int
divisible (HsVM *vm, HsObject *year, gint64 by)
{
  HsObject *b = hs_int_from_i64 (vm, by), *r = b ? hs_number_binop (vm, HS_BIN_MOD, year, b) : NULL;
  int t = r != NULL ? hs_object_richcompare_bool (vm, r, hs_int_from_i64 (vm, 0), HS_CMP_EQ) : -1;
  hs_xdecref (vm, b);
  hs_xdecref (vm, r);
  return t;
}

static int
isleap_obj (HsVM *vm, HsObject *year)
{
  int t = divisible (vm, year, 4);
  if (t <= 0)
    return t;
  t = divisible (vm, year, 100);
  return t < 0 ? -1 : !t ? 1 : divisible (vm, year, 400);
}

static HsObject *
cal_isleap (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *year;
  int t;
  if (!hs_parse_args (vm, "isleap", args, nargs, kwnames, "@year", &year)
      || (t = isleap_obj (vm, year)) < 0)
    return NULL;
  return hs_incref (hs_bool_from (t));
}

static HsObject *
cal_leapdays (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *y1o, *y2o;
  gint64 y1, y2;
  if (!hs_parse_args (vm, "leapdays", args, nargs, kwnames, "@y1 y2", &y1o, &y2o)
      || !int_arg (vm, y1o, &y1) || !int_arg (vm, y2o, &y2))
    return NULL;
  y1--;
  y2--;
  return hs_int_from_i64 (vm, (floordiv (y2, 4) - floordiv (y1, 4))
                                  - (floordiv (y2, 100) - floordiv (y1, 100))
                                  + (floordiv (y2, 400) - floordiv (y1, 400)));
}

static HsObject *
cal_weekday (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *yo, *mo, *dobj;
  gint64 y, m, d;
  if (!hs_parse_args (vm, "weekday", args, nargs, kwnames, "@year month day", &yo, &mo, &dobj)
      || !int_arg (vm, yo, &y) || !int_arg (vm, mo, &m) || !int_arg (vm, dobj, &d))
    return NULL;
  y = in_datetime_range (y);
  if (m < 1 || m > 12)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "month must be in 1..12");
      return NULL;
    }
  if (d < 1 || d > month_len (y, (int)m))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "day is out of range for month");
      return NULL;
    }
  return hs_int_from_i64 (vm, weekday_of (y, (int)m, (int)d));
}

static HsObject *
cal_monthrange (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *yo, *mo, *items[2], *t;
  gint64 y;
  int m;
  if (!hs_parse_args (vm, "monthrange", args, nargs, kwnames, "@year month", &yo, &mo)
      || !year_month (vm, yo, mo, &y, &m))
    return NULL;
  items[0] = hs_int_from_i64 (vm, weekday_of (in_datetime_range (y), m, 1));
  items[1] = hs_int_from_i64 (vm, month_len (y, m));
  t = hs_tuple_from_array (vm, items, 2);
  hs_decref (vm, items[0]);
  hs_decref (vm, items[1]);
  return t;
}

/* ---- Calendar and TextCalendar ------------------------------------------------------------ */

static HsObject *s_firstweekday, *s_private_first;

/* self.firstweekday, 0..6 */
static gboolean
first_of (HsVM *vm, HsObject *self, int *first)
{
  HsObject *f = hs_object_getattr (vm, self, s_firstweekday);
  gint64 v;
  gboolean ok = f != NULL && int_arg (vm, f, &v);
  hs_xdecref (vm, f);
  if (ok)
    *first = (int)(((v % 7) + 7) % 7);
  return ok;
}

static HsObject *
calendar_init (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *first = hs_int_from_i64 (vm, 0);
  if (!hs_parse_args (vm, "Calendar.__init__", args, nargs, kwnames, "@self|firstweekday", &self,
                      &first)
      || hs_object_setattr (vm, self, s_firstweekday, first) < 0)
    return NULL;
  return hs_None;
}

/* getfirstweekday: self._firstweekday % 7 */
static HsObject *
calendar_getfirst (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *f, *seven, *r;
  if (!hs_parse_args (vm, "Calendar.getfirstweekday", args, nargs, kwnames, "@self", &self)
      || (f = hs_object_getattr (vm, self, s_private_first)) == NULL)
    return NULL;
  seven = hs_int_from_i64 (vm, 7);
  r = hs_number_binop (vm, HS_BIN_MOD, f, seven);
  hs_decref (vm, f);
  hs_decref (vm, seven);
  return r;
}

static HsObject *
calendar_setfirst (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *first;
  if (!hs_parse_args (vm, "Calendar.setfirstweekday", args, nargs, kwnames, "@self firstweekday",
                      &self, &first)
      || hs_object_setattr (vm, self, s_private_first, first) < 0)
    return NULL;
  return hs_None;
}

static HsObject *
int_list (HsVM *vm, const int *v, int n)
{
  HsObject *l = hs_list_new (vm, 0);
  for (int i = 0; l != NULL && i < n; i++)
    if (hs_list_append_take (vm, l, hs_int_from_i64 (vm, v[i])) < 0)
      HS_CLEAR (vm, l);
  return l;
}

/* (day, weekday) pairs of cells[from..from+n) */
static HsObject *
pair_list (HsVM *vm, const int *cells, int from, int n, int first)
{
  HsObject *l = hs_list_new (vm, 0);
  for (int i = from; l != NULL && i < from + n; i++)
    {
      HsObject *d = hs_int_from_i64 (vm, cells[i]), *w = hs_int_from_i64 (vm, (first + i) % 7);
      HsObject *items[2] = { d, w }, *t = d && w ? hs_tuple_from_array (vm, items, 2) : NULL;
      hs_xdecref (vm, d);
      hs_xdecref (vm, w);
      if (hs_list_append_take (vm, l, t) < 0)
        HS_CLEAR (vm, l);
    }
  return l;
}

static HsObject *
iter_take (HsVM *vm, HsObject *l)
{
  HsObject *it = l != NULL ? hs_object_iter (vm, l) : NULL;
  hs_xdecref (vm, l);
  return it;
}

static HsObject *
calendar_iterweekdays (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self;
  int first, v[7];
  if (!hs_parse_args (vm, "Calendar.iterweekdays", args, nargs, kwnames, "@self", &self)
      || !first_of (vm, self, &first))
    return NULL;
  for (int i = 0; i < 7; i++)
    v[i] = (first + i) % 7;
  return iter_take (vm, int_list (vm, v, 7));
}

/* The month of (self, year, month) arguments: its cells and the first weekday */
static int
month_args (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
            int cells[42], int *first)
{
  HsObject *self, *yo, *mo;
  gint64 y;
  int m;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self year month", &self, &yo, &mo)
      || !first_of (vm, self, first) || !year_month (vm, yo, mo, &y, &m))
    return -1;
  return month_cells (y, m, *first, cells);
}

static HsObject *
calendar_itermonthdays (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int cells[42], first,
      n = month_args (vm, "Calendar.itermonthdays", args, nargs, kwnames, cells, &first);
  return n < 0 ? NULL : iter_take (vm, int_list (vm, cells, n));
}

static HsObject *
calendar_itermonthdays2 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int cells[42], first,
      n = month_args (vm, "Calendar.itermonthdays2", args, nargs, kwnames, cells, &first);
  return n < 0 ? NULL : iter_take (vm, pair_list (vm, cells, 0, n, first));
}

/* [week, ...]: lists of 7 day numbers, or of 7 (day, weekday) pairs */
static HsObject *
weeks_of (HsVM *vm, const int *cells, int n, int first, gboolean pairs)
{
  HsObject *l = hs_list_new (vm, 0);
  for (int i = 0; l != NULL && i < n; i += 7)
    if (hs_list_append_take (
            vm, l, pairs ? pair_list (vm, cells, i, 7, first) : int_list (vm, cells + i, 7))
        < 0)
      HS_CLEAR (vm, l);
  return l;
}

static HsObject *
calendar_monthdayscalendar (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int cells[42], first,
      n = month_args (vm, "Calendar.monthdayscalendar", args, nargs, kwnames, cells, &first);
  return n < 0 ? NULL : weeks_of (vm, cells, n, first, FALSE);
}

static HsObject *
calendar_monthdays2calendar (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  int cells[42], first,
      n = month_args (vm, "Calendar.monthdays2calendar", args, nargs, kwnames, cells, &first);
  return n < 0 ? NULL : weeks_of (vm, cells, n, first, TRUE);
}

/* What itermonthdays3, itermonthdays4 and itermonthdates yield for each cell */
typedef enum
{
  CELL_TRIPLE,
  CELL_QUAD,
  CELL_DATE,
} CellKind;

/* The cell's date: a cell outside the month is a day of the month before or after it. */
static HsObject *
cell_value (HsVM *vm, gint64 y, int m, const int *cells, int n, int i, int first, CellKind kind)
{
  int before = 0, ndays = month_len (y, m), d = cells[i];
  while (before < n && cells[before] == 0)
    before++;
  if (d == 0 && i < before)
    {
      y -= m == 1;
      m = m == 1 ? 12 : m - 1;
      d = month_len (y, m) - before + 1 + i;
    }
  else if (d == 0)
    {
      y += m == 12;
      m = m == 12 ? 1 : m + 1;
      d = i - before - ndays + 1;
    }
  if (kind == CELL_DATE)
    {
      HsDateTime f = { .year = (gint32)y, .month = m, .day = d };
      if (y < 1 || y > 9999)
        {
          hs_err_format (vm, &hs_exc_ValueError, "year %" G_GINT64_FORMAT " is out of range", y);
          return NULL;
        }
      return hs_datetime_new (vm, &hs_date_type, &f);
    }
  HsObject *items[4] = { hs_int_from_i64 (vm, y), hs_int_from_i64 (vm, m), hs_int_from_i64 (vm, d),
                         hs_int_from_i64 (vm, (first + i) % 7) };
  int len = kind == CELL_QUAD ? 4 : 3;
  HsObject *t = NULL;
  if (items[0] && items[1] && items[2] && items[3])
    t = hs_tuple_from_array (vm, items, len);
  for (int k = 0; k < 4; k++)
    hs_xdecref (vm, items[k]);
  return t;
}

/* The cells [from, from + count) of a month as cell_value gives them */
static HsObject *
cell_list (HsVM *vm, gint64 y, int m, const int *cells, int n, int from, int count, int first,
           CellKind kind)
{
  HsObject *l = hs_list_new (vm, 0);
  for (int i = from; l != NULL && i < from + count; i++)
    {
      HsObject *v = cell_value (vm, y, m, cells, n, i, first, kind);
      if (v == NULL || hs_list_append_take (vm, l, v) < 0)
        HS_CLEAR (vm, l);
    }
  return l;
}

/* itermonthdays3, itermonthdays4, itermonthdates and monthdatescalendar (weeks) */
static HsObject *
month_dated (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
             CellKind kind, gboolean weeks)
{
  HsObject *self, *yo, *mo, *l;
  gint64 y;
  int m, first, cells[42], n;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self year month", &self, &yo, &mo)
      || !first_of (vm, self, &first) || !year_month (vm, yo, mo, &y, &m))
    return NULL;
  n = month_cells (y, m, first, cells);
  if (!weeks)
    return iter_take (vm, cell_list (vm, y, m, cells, n, 0, n, first, kind));
  l = hs_list_new (vm, 0);
  for (int i = 0; l != NULL && i < n; i += 7)
    {
      HsObject *week = cell_list (vm, y, m, cells, n, i, 7, first, kind);
      if (week == NULL || hs_list_append_take (vm, l, week) < 0)
        HS_CLEAR (vm, l);
    }
  return l;
}

HS_CFUNCTION_VARIANT (calendar_itermonthdays3, month_dated, "Calendar.itermonthdays3", CELL_TRIPLE,
                      FALSE)
HS_CFUNCTION_VARIANT (calendar_itermonthdays4, month_dated, "Calendar.itermonthdays4", CELL_QUAD,
                      FALSE)
HS_CFUNCTION_VARIANT (calendar_itermonthdates, month_dated, "Calendar.itermonthdates", CELL_DATE,
                      FALSE)
HS_CFUNCTION_VARIANT (calendar_monthdatescalendar, month_dated, "Calendar.monthdatescalendar",
                      CELL_DATE, TRUE)

/* yeardayscalendar / yeardays2calendar: rows of `width` months */
static HsObject *
year_rows (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
           gboolean pairs)
{
  HsObject *self, *yo, *wo = NULL, *rows, *row = NULL;
  gint64 y, width = 3;
  int first;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self year|width", &self, &yo, &wo)
      || !first_of (vm, self, &first) || !int_arg (vm, yo, &y)
      || (wo != NULL && !int_arg (vm, wo, &width)))
    return NULL;
  if (width <= 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "range() arg 3 must not be zero");
      return NULL;
    }
  rows = hs_list_new (vm, 0);
  for (int m = 1; rows != NULL && m <= 12; m++)
    {
      int cells[42], n = month_cells (y, m, first, cells);
      if (row == NULL && (row = hs_list_new (vm, 0)) == NULL)
        HS_CLEAR (vm, rows);
      else if (hs_list_append_take (vm, row, weeks_of (vm, cells, n, first, pairs)) < 0)
        HS_CLEAR (vm, rows);
      else if ((gint64)hs_list_len (row) == width || m == 12)
        {
          if (hs_list_append_take (vm, rows, row) < 0)
            HS_CLEAR (vm, rows);
          row = NULL;
        }
    }
  hs_xdecref (vm, row);
  return rows;
}

static HsObject *
calendar_yeardayscalendar (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return year_rows (vm, "Calendar.yeardayscalendar", args, nargs, kwnames, FALSE);
}

static HsObject *
calendar_yeardays2calendar (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return year_rows (vm, "Calendar.yeardays2calendar", args, nargs, kwnames, TRUE);
}

/* ---- the text --------------------------------------------------------------------------- */

/* s centred in width as str.center does (ASCII text) */
static void
center (GString *out, const char *s, gssize width)
{
  gssize len = (gssize)strlen (s), marg = width - len, left;
  if (marg <= 0)
    {
      g_string_append (out, s);
      return;
    }
  left = marg / 2 + (marg & width & 1);
  for (gssize i = 0; i < left; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, s);
  for (gssize i = 0; i < marg - left; i++)
    g_string_append_c (out, ' ');
}

static void
rstrip (GString *s)
{
  while (s->len > 0 && g_ascii_isspace (s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);
}

static void
newlines (GString *s, gint64 l)
{
  for (gint64 i = 0; i < l; i++)
    g_string_append_c (s, '\n');
}

/* Ends a line of a month or a year: CPython's `a(line.rstrip())` then `a('\n' * l)` */
static void
end_line (GString *s, gint64 l)
{
  rstrip (s);
  newlines (s, l);
}

/* formatday: '%2i' % day centred in width, blank for 0 */
static void
format_day (GString *out, int day, gint64 width)
{
  char buf[16] = "";
  if (day != 0)
    g_snprintf (buf, sizeof buf, "%2d", day);
  center (out, buf, width);
}

typedef void (*CellFn) (GString *out, int value, gint64 width);

/* ' '.join() of seven cells, each `cell` of its value: formatweek and formatweekheader */
static void
join_seven (GString *out, const int values[7], CellFn cell, gint64 width)
{
  for (int i = 0; i < 7; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      cell (out, values[i], width);
    }
}

/* formatweek of 7 cells */
static void
format_week (GString *out, const int *cells, gint64 width)
{
  join_seven (out, cells, format_day, width);
}

/* formatweekday: the name, or its abbreviation under 9 columns, cut to width and centred */
static void
format_weekday (GString *out, int day, gint64 width)
{
  g_autofree char *name = width >= 9 ? g_strdup (day_names[day]) : g_strndup (day_names[day], 3);
  if ((gint64)strlen (name) > width)
    name[MAX (width, 0)] = '\0';
  center (out, name, width);
}

/* formatweekheader: the weekdays' names from the first weekday on */
static void
format_header (GString *out, int first, gint64 width)
{
  int days[7];
  for (int i = 0; i < 7; i++)
    days[i] = (first + i) % 7;
  join_seven (out, days, format_weekday, width);
}

static void
format_month_name (GString *out, gint64 y, int m, gint64 width, gboolean withyear)
{
  g_autofree char *s = withyear ? g_strdup_printf ("%s %" G_GINT64_FORMAT, month_names[m], y)
                                : g_strdup (month_names[m]);
  center (out, s, width);
}

static void
format_month (GString *s, gint64 y, int m, int first, gint64 w, gint64 l)
{
  int cells[42], n;
  w = MAX (2, w);
  l = MAX (1, l);
  format_month_name (s, y, m, 7 * (w + 1) - 1, TRUE);
  end_line (s, l);
  format_header (s, first, w);
  end_line (s, l);
  n = month_cells (y, m, first, cells);
  for (int i = 0; i < n; i += 7)
    {
      format_week (s, cells + i, w);
      end_line (s, l);
    }
}

/* formatstring: the columns centred in colwidth, joined by `spacing` blanks */
static void
append_row (GString *s, GPtrArray *cols, gint64 colwidth, gint64 spacing)
{
  for (guint i = 0; i < cols->len; i++)
    {
      if (i > 0)
        for (gint64 k = 0; k < spacing; k++)
          g_string_append_c (s, ' ');
      center (s, cols->pdata[i], colwidth);
    }
}

static void
format_year (GString *s, gint64 y, int first, gint64 w, gint64 l, gint64 c, gint64 m)
{
  gint64 colwidth;
  g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, y);
  GString *header = g_string_new (NULL);

  w = MAX (2, w);
  l = MAX (1, l);
  c = MAX (2, c);
  colwidth = (w + 1) * 7 - 1;
  center (s, year, colwidth * m + c * (m - 1));
  end_line (s, l);
  format_header (header, first, w);
  for (int from = 1; from <= 12; from += (int)m)
    {
      int to = (int)MIN (from + m - 1, 12), cells[12][42], ncells[12], height = 0;
      g_autoptr (GPtrArray) cols = g_ptr_array_new_with_free_func (g_free);

      newlines (s, l);
      for (int k = from; k <= to; k++)
        {
          GString *name = g_string_new (NULL);
          format_month_name (name, y, k, colwidth, FALSE);
          g_ptr_array_add (cols, g_string_free (name, FALSE));
          ncells[k - 1] = month_cells (y, k, first, cells[k - 1]);
          height = MAX (height, ncells[k - 1] / 7);
        }
      append_row (s, cols, colwidth, c);
      end_line (s, l);
      g_ptr_array_set_size (cols, 0);
      for (int k = from; k <= to; k++)
        g_ptr_array_add (cols, g_strdup (header->str));
      append_row (s, cols, colwidth, c);
      end_line (s, l);
      for (int j = 0; j < height; j++)
        {
          g_ptr_array_set_size (cols, 0);
          for (int k = from; k <= to; k++)
            {
              GString *week = g_string_new (NULL);
              if (j < ncells[k - 1] / 7)
                format_week (week, cells[k - 1] + 7 * j, w);
              g_ptr_array_add (cols, g_string_free (week, FALSE));
            }
          append_row (s, cols, colwidth, c);
          end_line (s, l);
        }
    }
  g_string_free (header, TRUE);
}

/* sys.stdout.write(text), as print(text, end='') */
static HsObject *
write_take (HsVM *vm, HsObject *text)
{
  HsObject *sys = text != NULL ? hs_import_module (vm, "sys") : NULL;
  HsObject *out = sys != NULL ? hs_object_getattr_cstr (vm, sys, "stdout") : NULL;
  HsObject *r = out != NULL ? hs_object_call_method (vm, out, "write", &text, 1, NULL) : NULL;
  hs_xdecref (vm, sys);
  hs_xdecref (vm, out);
  hs_xdecref (vm, text);
  if (r == NULL)
    return NULL;
  hs_decref (vm, r);
  return hs_None;
}

/* What a TextCalendar method gives for the text it built (taking it): the str, or for its
 * pr* twin None after writing it to sys.stdout */
static HsObject *
text_result (HsVM *vm, GString *s, gboolean print)
{
  HsObject *text = hs_str_from_gstring (vm, s);
  return print ? write_take (vm, text) : text;
}

/* CPython indexes its day_name or month_name list with i: IndexError outside the n names */
static gboolean
name_index (HsVM *vm, gint64 i, gint64 n)
{
  if (i >= -n && i < n)
    return TRUE;
  hs_err_set_string (vm, &hs_exc_IndexError, "list index out of range");
  return FALSE;
}

/* optional int arguments, NULL for those not given */
static gboolean
ints (HsVM *vm, HsObject **objs, gint64 *vals, int n)
{
  for (int i = 0; i < n; i++)
    if (objs[i] != NULL && !int_arg (vm, objs[i], &vals[i]))
      return FALSE;
  return TRUE;
}

/* month_name[month], which formatmonth reads before it checks the month: IndexError */
static gboolean
month_name_index (HsVM *vm, HsObject *mo)
{
  gint64 m;
  return int_arg (vm, mo, &m) && name_index (vm, m, 13);
}

static HsObject *
text_formatmonth_to (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
                     gboolean print)
{
  HsObject *self, *yo, *mo, *o[2] = { NULL, NULL };
  gint64 y, v[2] = { 0, 0 };
  int m, first;
  GString *s;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self theyear themonth|w l", &self, &yo,
                      &mo, &o[0], &o[1])
      || !ints (vm, o, v, 2) || !first_of (vm, self, &first) || !month_name_index (vm, mo)
      || !year_month (vm, yo, mo, &y, &m))
    return NULL;
  s = g_string_new (NULL);
  format_month (s, y, m, first, v[0], v[1]);
  return text_result (vm, s, print);
}

HS_CFUNCTION_VARIANT (text_formatmonth, text_formatmonth_to, "TextCalendar.formatmonth", FALSE)

HS_CFUNCTION_VARIANT (text_prmonth, text_formatmonth_to, "TextCalendar.prmonth", TRUE)

static HsObject *
text_formatyear_to (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
                    gint64 w, gint64 l, gboolean print)
{
  HsObject *self, *yo, *o[4] = { NULL, NULL, NULL, NULL };
  gint64 y, v[4] = { w, l, 6, 3 };
  int first;
  GString *s;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self theyear|w l c m", &self, &yo, &o[0],
                      &o[1], &o[2], &o[3])
      || !ints (vm, o, v, 4) || !first_of (vm, self, &first) || !int_arg (vm, yo, &y))
    return NULL;
  if (v[3] <= 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "range() arg 3 must not be zero");
      return NULL;
    }
  s = g_string_new (NULL);
  format_year (s, y, first, v[0], v[1], v[2], v[3]);
  return text_result (vm, s, print);
}

HS_CFUNCTION_VARIANT (text_formatyear, text_formatyear_to, "TextCalendar.formatyear", 2, 1, FALSE)

HS_CFUNCTION_VARIANT (text_pryear, text_formatyear_to, "TextCalendar.pryear", 0, 0, TRUE)

static HsObject *
text_formatday (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *o[3];
  gint64 v[3];
  GString *s;
  if (!hs_parse_args (vm, "TextCalendar.formatday", args, nargs, kwnames, "@self day weekday width",
                      &self, &o[0], &o[1], &o[2])
      || !ints (vm, o, v, 3))
    return NULL;
  s = g_string_new (NULL);
  format_day (s, (int)v[0], v[2]);
  return text_result (vm, s, FALSE);
}

static HsObject *
text_formatweekday (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *o[2];
  gint64 v[2];
  GString *s;
  if (!hs_parse_args (vm, "TextCalendar.formatweekday", args, nargs, kwnames, "@self day width",
                      &self, &o[0], &o[1])
      || !ints (vm, o, v, 2))
    return NULL;
  if (!name_index (vm, v[0], 7))
    return NULL;
  s = g_string_new (NULL);
  format_weekday (s, (int)((v[0] + 7) % 7), v[1]);
  return text_result (vm, s, FALSE);
}

static HsObject *
text_formatweekheader (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *wo;
  gint64 w;
  int first;
  GString *s;
  if (!hs_parse_args (vm, "TextCalendar.formatweekheader", args, nargs, kwnames, "@self width",
                      &self, &wo)
      || !int_arg (vm, wo, &w) || !first_of (vm, self, &first))
    return NULL;
  s = g_string_new (NULL);
  format_header (s, first, w);
  return text_result (vm, s, FALSE);
}

static HsObject *
text_formatmonthname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *self, *yo, *mo, *wo, *withyear = hs_True;
  gint64 y, m, w;
  int t;
  GString *s;
  if (!hs_parse_args (vm, "TextCalendar.formatmonthname", args, nargs, kwnames,
                      "@self theyear themonth width|withyear", &self, &yo, &mo, &wo, &withyear)
      || !int_arg (vm, yo, &y) || !int_arg (vm, mo, &m) || !int_arg (vm, wo, &w)
      || (t = hs_object_truth (vm, withyear)) < 0)
    return NULL;
  if (!name_index (vm, m, 13))
    return NULL;
  s = g_string_new (NULL);
  format_month_name (s, y, (int)((m + 13) % 13), w, t);
  return text_result (vm, s, FALSE);
}

/* the weeks argument of formatweek/prweek: seven (day, weekday) pairs */
static gboolean
week_cells (HsVM *vm, HsObject *week, int cells[7])
{
  HsObject *l = hs_list_from_iterable (vm, week);
  gboolean ok = l != NULL;
  for (gsize i = 0; ok && i < 7; i++)
    {
      HsObject *pair = i < hs_list_len (l) ? hs_list_get_borrow (l, i) : NULL;
      gint64 d;
      ok = pair != NULL && hs_tuple_check (pair) && hs_tuple_len (pair) == 2
           && int_arg (vm, hs_tuple_get_borrow (pair, 0), &d);
      if (ok)
        cells[i] = (int)d;
      else if (!hs_err_occurred (vm))
        hs_err_set_string (vm, &hs_exc_TypeError, "a week is seven (day, weekday) pairs");
    }
  hs_xdecref (vm, l);
  return ok;
}

static HsObject *
text_formatweek_to (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, const char *fname,
                    gboolean print)
{
  HsObject *self, *week, *wo;
  gint64 w;
  int cells[7];
  GString *s;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "@self theweek width", &self, &week, &wo)
      || !int_arg (vm, wo, &w) || !week_cells (vm, week, cells))
    return NULL;
  s = g_string_new (NULL);
  format_week (s, cells, w);
  return text_result (vm, s, print);
}

HS_CFUNCTION_VARIANT (text_formatweek, text_formatweek_to, "TextCalendar.formatweek", FALSE)

HS_CFUNCTION_VARIANT (text_prweek, text_formatweek_to, "TextCalendar.prweek", TRUE)

/* ---- the classes and the module -------------------------------------------------------- */

static const HsMethodDef calendar_m[] = {
  { "__init__", calendar_init },
  { "getfirstweekday", calendar_getfirst },
  { "setfirstweekday", calendar_setfirst },
  { "iterweekdays", calendar_iterweekdays },
  { "itermonthdays", calendar_itermonthdays },
  { "itermonthdays2", calendar_itermonthdays2 },
  { "itermonthdays3", calendar_itermonthdays3 },
  { "itermonthdays4", calendar_itermonthdays4 },
  { "itermonthdates", calendar_itermonthdates },
  { "monthdatescalendar", calendar_monthdatescalendar },
  { "monthdayscalendar", calendar_monthdayscalendar },
  { "monthdays2calendar", calendar_monthdays2calendar },
  { "yeardayscalendar", calendar_yeardayscalendar },
  { "yeardays2calendar", calendar_yeardays2calendar },
  { NULL, NULL },
};

static const HsMethodDef text_calendar_m[] = {
  { "prweek", text_prweek },
  { "formatday", text_formatday },
  { "formatweek", text_formatweek },
  { "formatweekday", text_formatweekday },
  { "formatweekheader", text_formatweekheader },
  { "formatmonthname", text_formatmonthname },
  { "prmonth", text_prmonth },
  { "formatmonth", text_formatmonth },
  { "formatyear", text_formatyear },
  { "pryear", text_pryear },
  { NULL, NULL },
};

static HsObject **calendar_descrs, **text_descrs;

void
hs_mod_calendar_runtime_init (void)
{
  hs_type_ready (&illegal_month_type);
  hs_type_ready (&illegal_weekday_type);
  calendar_descrs = hs_method_descrs_new (calendar_m, &hs_object_type);
  text_descrs = hs_method_descrs_new (text_calendar_m, &hs_object_type);
  s_firstweekday = hs_str_intern_cstr ("firstweekday");
  s_private_first = hs_str_intern_cstr ("_firstweekday");
}

static HsObject *
make_class (HsVM *vm, const char *name, HsObject *base, const HsMethodDef *defs, HsObject **descrs)
{
  HsObject *ns = hs_dict_new (vm), *cls = NULL;
  gboolean ok
      = ns != NULL
        && hs_dict_set_item (vm, ns, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr (MODULE))
               == 0;
  for (gsize k = 0; ok && defs[k].name != NULL; k++)
    ok = hs_dict_set_item (vm, ns, hs_str_intern_cstr (defs[k].name), descrs[k]) == 0;
  if (ok && base == NULL) /* firstweekday = property(getfirstweekday, setfirstweekday) */
    {
      HsObject *accessors[2] = { descrs[1], descrs[2] };
      HsObject *p = hs_object_call (vm, (HsObject *)&hs_property_type, accessors, 2, NULL);
      ok = p != NULL && hs_dict_set_item (vm, ns, s_firstweekday, p) == 0;
      hs_xdecref (vm, p);
    }
  if (ok)
    cls = hs_class_new (vm, &hs_type_type, hs_str_intern_cstr (name), &base, base != NULL ? 1 : 0,
                        ns, NULL, NULL);
  hs_xdecref (vm, ns);
  if (cls != NULL)
    ((HsType *)cls)->module = MODULE;
  return cls;
}

/* setfirstweekday(firstweekday): IllegalWeekdayError outside 0..6, else c.firstweekday */
static HsObject *
cal_setfirstweekday (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *first, *m, *c;
  gint64 v;
  int rc;
  if (!hs_parse_args (vm, "setfirstweekday", args, nargs, kwnames, "@firstweekday", &first)
      || !int_arg (vm, first, &v))
    return NULL;
  if (v < 0 || v > 6)
    {
      illegal (vm, &illegal_weekday_type, "bad weekday number %s; must be 0 (Monday) to 6 (Sunday)",
               first);
      return NULL;
    }
  if ((m = hs_import_module (vm, MODULE)) == NULL)
    return NULL;
  c = hs_object_getattr_cstr (vm, m, "c");
  hs_decref (vm, m);
  rc = c != NULL ? hs_object_setattr (vm, c, s_firstweekday, first) : -1;
  hs_xdecref (vm, c);
  return rc < 0 ? NULL : hs_None;
}

static const HsMethodDef calendar_functions[] = {
  { "isleap", cal_isleap },
  { "leapdays", cal_leapdays },
  { "weekday", cal_weekday },
  { "monthrange", cal_monthrange },
  { "setfirstweekday", cal_setfirstweekday },
  { NULL, NULL },
};

static HsObject *
name_list (HsVM *vm, const char *const *names, int n, gboolean abbr)
{
  HsObject *l = hs_list_new (vm, 0);
  for (int i = 0; l != NULL && i < n; i++)
    {
      HsObject *s = abbr ? hs_str_new (vm, names[i], MIN (strlen (names[i]), 3))
                         : hs_str_from_cstr (vm, names[i]);
      if (s != NULL)
        s->flags |= HS_FLAG_IMMORTAL; /* held by a module's value, as keyword's */
      if (hs_list_append_take (vm, l, s) < 0)
        HS_CLEAR (vm, l);
    }
  return l;
}

/* the module's functions that are bound methods of its TextCalendar c */
static const char *const bound[][2] = {
  { "firstweekday", "getfirstweekday" },
  { "monthcalendar", "monthdayscalendar" },
  { "prweek", "prweek" },
  { "week", "formatweek" },
  { "weekheader", "formatweekheader" },
  { "prmonth", "prmonth" },
  { "month", "formatmonth" },
  { "calendar", "formatyear" },
  { "prcal", "pryear" },
};

static const char *const weekday_consts[]
    = { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" };

int
hs_mod_calendar_init (HsVM *vm, HsObject *dict)
{
  HsObject *calendar_cls, *text_cls, *c;

  if (hs_module_add_take (vm, dict, "IllegalMonthError",
                          hs_incref ((HsObject *)&illegal_month_type))
          < 0
      || hs_module_add_take (vm, dict, "IllegalWeekdayError",
                             hs_incref ((HsObject *)&illegal_weekday_type))
             < 0
      || hs_module_add_take (vm, dict, "error", hs_incref ((HsObject *)&hs_exc_ValueError)) < 0
      || hs_module_add_take (vm, dict, "January", hs_int_from_i64 (vm, 1)) < 0
      || hs_module_add_take (vm, dict, "February", hs_int_from_i64 (vm, 2)) < 0
      || hs_module_add_take (vm, dict, "mdays", int_list (vm, mdays, 13)) < 0
      || hs_module_add_take (vm, dict, "day_name", name_list (vm, day_names, 7, FALSE)) < 0
      || hs_module_add_take (vm, dict, "day_abbr", name_list (vm, day_names, 7, TRUE)) < 0
      || hs_module_add_take (vm, dict, "month_name", name_list (vm, month_names, 13, FALSE)) < 0
      || hs_module_add_take (vm, dict, "month_abbr", name_list (vm, month_names, 13, TRUE)) < 0)
    return -1;
  for (int i = 0; i < 7; i++)
    if (hs_module_add_take (vm, dict, weekday_consts[i], hs_int_from_i64 (vm, i)) < 0)
      return -1;
  if (hs_module_add_functions (vm, dict, calendar_functions) < 0
      || hs_module_add_take (vm, dict, "Calendar",
                             make_class (vm, "Calendar", NULL, calendar_m, calendar_descrs))
             < 0)
    return -1;
  calendar_cls = hs_dict_get_item_cstr_borrow (vm, dict, "Calendar");
  if (hs_module_add_take (
          vm, dict, "TextCalendar",
          make_class (vm, "TextCalendar", calendar_cls, text_calendar_m, text_descrs))
      < 0)
    return -1;
  text_cls = hs_dict_get_item_cstr_borrow (vm, dict, "TextCalendar");
  if (hs_module_add_take (vm, dict, "c", hs_object_call (vm, text_cls, NULL, 0, NULL)) < 0)
    return -1;
  c = hs_dict_get_item_cstr_borrow (vm, dict, "c");
  for (gsize i = 0; i < G_N_ELEMENTS (bound); i++)
    if (hs_module_add_take (vm, dict, bound[i][0], hs_object_getattr_cstr (vm, c, bound[i][1])) < 0)
      return -1;
  return hs_module_add_take (vm, dict, "EPOCH", hs_int_from_i64 (vm, 1970));
}
