/* hs-datetime.c — timedelta, date, time and datetime (naive), as CPython's _datetime.
 *
 * Invariant: each object holds plain numbers and no references. A timedelta is kept
 * normalised (0 <= seconds < 86400, 0 <= us < 10**6, |days| <= 999999999), so equal durations
 * have equal fields; a date, time or datetime holds fields that passed CPython's range checks
 * (year 1..9999 of the proleptic Gregorian calendar). Arithmetic goes through whole
 * microseconds (a 128-bit integer) or day ordinals, as CPython's does, so results and
 * OverflowErrors are CPython's. An aware time or datetime holds its tzinfo (a reference,
 * never None: NULL when naive); what depends on its offset (comparisons, subtraction, hash,
 * isoformat) asks the tzinfo through hs-timezone.c, as CPython calls it.
 */
#include "config.h"

#include "hs-datetime.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-vm-private.h"
#include "hs-tuple.h"

typedef __int128 i128;

#define US_PER_SECOND G_GINT64_CONSTANT (1000000)
#define US_PER_DAY (G_GINT64_CONSTANT (86400) * US_PER_SECOND)
#define MAX_DELTA_DAYS 999999999
#define MAX_ORDINAL 3652059                  /* date.max.toordinal() */
#define EPOCH_US ((i128)719163 * US_PER_DAY) /* 1970-01-01 as dt_us counts */

/* ---- the calendar (proleptic Gregorian, as CPython's) -------------------------------------- */

static const int days_in_month_tab[] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
static const int days_before_month_tab[]
    = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };

static gboolean
is_leap (int y)
{
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int
hs_datetime_days_in_month (int year, int month)
{
  return month == 2 && is_leap (year) ? 29 : days_in_month_tab[month];
}

static gint64
days_before_year (int year)
{
  gint64 y = year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400;
}

static gint64
ymd_to_ord (int y, int m, int d)
{
  return days_before_year (y) + days_before_month_tab[m] + (m > 2 && is_leap (y)) + d;
}

static void
ord_to_ymd (gint64 n, HsDateTime *f)
{
  n -= 1;
  gint64 n400 = n / 146097, n100, n4, n1;
  n %= 146097;
  int year = (int)n400 * 400 + 1;
  n100 = n / 36524, n %= 36524;
  n4 = n / 1461, n %= 1461;
  n1 = n / 365, n %= 365;
  year += (int)(n100 * 100 + n4 * 4 + n1);
  if (n1 == 4 || n100 == 4)
    {
      f->year = year - 1, f->month = 12, f->day = 31;
      return;
    }
  gboolean leap = n1 == 3 && (n4 != 24 || n100 == 3);
  int month = (int)((n + 50) >> 5);
  int preceding = days_before_month_tab[month] + (month > 2 && leap);
  if (preceding > n)
    {
      month -= 1;
      preceding -= days_in_month_tab[month] + (month == 2 && leap);
    }
  f->year = year, f->month = month, f->day = (int)(n - preceding) + 1;
}

static gint64
ordinal (const HsDateTime *f)
{
  return ymd_to_ord (f->year, f->month, f->day);
}

gint64
hs_datetime_ordinal (const HsDateTime *f)
{
  return ordinal (f);
}

gboolean
hs_datetime_from_ordinal (HsVM *vm, gint64 n, HsDateTime *f)
{
  if (n < 1)
    hs_err_set_string (vm, &hs_exc_ValueError, "ordinal must be >= 1");
  else if (n > MAX_ORDINAL)
    hs_err_format (vm, &hs_exc_ValueError, "year %d is out of range", 10000);
  else
    {
      ord_to_ymd (n, f);
      return TRUE;
    }
  return FALSE;
}

int
hs_datetime_isoweekday (const HsDateTime *f)
{
  return (int)((ordinal (f) + 6) % 7) + 1;
}

int
hs_datetime_yday (const HsDateTime *f)
{
  return days_before_month_tab[f->month] + (f->month > 2 && is_leap (f->year)) + f->day;
}

static gint64
iso_week1_monday (int year)
{
  gint64 first = ymd_to_ord (year, 1, 1), wd = (first + 6) % 7;
  return first - wd + (wd > 3 ? 7 : 0);
}

gboolean
hs_datetime_set_isoweek (HsVM *vm, int year, int week, int day, HsDateTime *f)
{
  gboolean out = week <= 0 || week >= 53;
  if (week == 53)
    {
      gint64 first = ymd_to_ord (year, 1, 1) % 7;
      out = !(first == 4 || (first == 3 && is_leap (year)));
    }
  if (year < 1 || year > 9999)
    hs_err_format (vm, &hs_exc_ValueError, "Year is out of range: %d", year);
  else if (out)
    hs_err_format (vm, &hs_exc_ValueError, "Invalid week: %d", week);
  else if (day <= 0 || day >= 8)
    hs_err_format (vm, &hs_exc_ValueError, "Invalid weekday: %d (range is [1, 7])", day);
  else
    {
      ord_to_ymd (iso_week1_monday (year) + (week - 1) * 7 + (day - 1), f);
      return TRUE;
    }
  return FALSE;
}

static i128
floor_div (i128 a, gint64 b, i128 *rem)
{
  i128 q = a / b, r = a % b;
  if (r != 0 && (r < 0) != (b < 0))
    q -= 1, r += b;
  if (rem != NULL)
    *rem = r;
  return q;
}

static gboolean
is_name (HsObject *name, const char *const *names, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (hs_str_equal_cstr (name, names[i]))
      return TRUE;
  return FALSE;
}

/* ---- timedelta --------------------------------------------------------------------------- */

static HsObject *
td_from_us (HsVM *vm, i128 us)
{
  i128 rem, days = floor_div (us, US_PER_DAY, &rem);
  /* CPython's microseconds_to_delta_ex takes the days as a C int first */
  if (days > G_MAXINT32 || days < G_MININT32)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
      return NULL;
    }
  if (days > MAX_DELTA_DAYS || days < -MAX_DELTA_DAYS)
    {
      hs_err_format (vm, &hs_exc_OverflowError,
                     "days=%" G_GINT64_FORMAT "; must have magnitude <= %d",
                     (gint64)CLAMP (days, G_MININT64, G_MAXINT64), MAX_DELTA_DAYS);
      return NULL;
    }
  HsTimedelta *td = (HsTimedelta *)hs_object_alloc (vm, &hs_timedelta_type, sizeof (HsTimedelta));
  if (td == NULL)
    return NULL;
  td->days = (gint64)days;
  td->seconds = (gint32)(rem / US_PER_SECOND);
  td->us = (gint32)(rem % US_PER_SECOND);
  return &td->header;
}

static i128
td_us (HsObject *o)
{
  HsTimedelta *td = HS_TD (o);
  return (i128)td->days * US_PER_DAY + (i128)td->seconds * US_PER_SECOND + td->us;
}

HsObject *
hs_timedelta_from_us (HsVM *vm, gint64 us)
{
  return td_from_us (vm, us);
}

gint64
hs_timedelta_us (HsObject *td)
{
  return (gint64)CLAMP (td_us (td), G_MININT64, G_MAXINT64);
}

static gboolean
is_td (HsObject *o)
{
  return IS_KIND (o, &hs_timedelta_type);
}

/* An int as a 128-bit integer (FALSE with OverflowError past it). */
static gboolean
int_as_i128 (HsVM *vm, HsObject *o, i128 *out)
{
  gint64 v;
  if (hs_int_as_i64 (o, &v))
    {
      *out = v;
      return TRUE;
    }
  hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
  return FALSE;
}

/* CPython's accum(): adds num * factor microseconds exactly for an int, and for a float its
 * whole part exactly and the rest to *leftover. */
static gboolean
accum (HsVM *vm, const char *tag, HsObject *num, gint64 factor, i128 *sum, double *leftover)
{
  if (hs_int_check (num))
    {
      i128 v;
      if (!int_as_i128 (vm, num, &v))
        return FALSE;
      *sum += v * factor;
      return TRUE;
    }
  if (HS_ISINSTANCE (num, &hs_float_type))
    {
      double d = hs_float_value (num), ip;
      if (!isfinite (d) || fabs (d) * (double)factor > 1e30)
        {
          hs_err_set_string (vm, &hs_exc_OverflowError, "cannot convert float infinity to integer");
          return FALSE;
        }
      double frac = modf (d, &ip);
      *sum += (i128)ip * factor;
      if (frac == 0.0)
        return TRUE;
      double x = (double)factor * frac;
      frac = modf (x, &ip);
      *sum += (i128)ip;
      *leftover += frac;
      return TRUE;
    }
  hs_err_format (vm, &hs_exc_TypeError, "unsupported type for timedelta %s component: %s", tag,
                 hs_type_name (num));
  return FALSE;
}

static HsObject *
td_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  static const char *const tags[]
      = { "microseconds", "milliseconds", "seconds", "minutes", "hours", "days", "weeks" };
  static const gint64 factors[] = { 1,
                                    1000,
                                    1000000,
                                    G_GINT64_CONSTANT (60000000),
                                    G_GINT64_CONSTANT (3600000000),
                                    US_PER_DAY,
                                    7 * US_PER_DAY };
  HsObject *v[7] = { NULL };
  (void)type;
  if (!hs_parse_args (vm, "timedelta", args, nargs, kwnames,
                      "|days seconds microseconds milliseconds minutes hours weeks", &v[5], &v[2],
                      &v[0], &v[1], &v[3], &v[4], &v[6]))
    return NULL;
  i128 sum = 0;
  double left = 0.0;
  for (int i = 0; i < 7; i++)
    if (v[i] != NULL && !accum (vm, tags[i], v[i], factors[i], &sum, &left))
      return NULL;
  if (left != 0.0)
    {
      double whole = round (left);
      if (fabs (whole - left) == 0.5)
        {
          int odd = (int)(sum & 1);
          whole = 2.0 * round ((left + odd) * 0.5) - odd;
        }
      sum += (i128)whole;
    }
  return td_from_us (vm, sum);
}

static HsObject *
td_repr (HsVM *vm, HsObject *self)
{
  HsTimedelta *td = HS_TD (self);
  GString *s = g_string_new (hs_type_tp_name (self->type));
  g_string_append_c (s, '(');
  if (td->days != 0)
    g_string_append_printf (s, "days=%" G_GINT64_FORMAT, td->days);
  if (td->seconds != 0)
    g_string_append_printf (s, "%sseconds=%d", s->str[s->len - 1] == '(' ? "" : ", ", td->seconds);
  if (td->us != 0)
    g_string_append_printf (s, "%smicroseconds=%d", s->str[s->len - 1] == '(' ? "" : ", ", td->us);
  if (s->str[s->len - 1] == '(')
    g_string_append_c (s, '0');
  g_string_append_c (s, ')');
  return hs_str_from_gstring (vm, s);
}

static HsObject *
td_str (HsVM *vm, HsObject *self)
{
  HsTimedelta *td = HS_TD (self);
  GString *s = g_string_new (NULL);
  if (td->days != 0)
    g_string_append_printf (s, "%" G_GINT64_FORMAT " day%s, ", td->days,
                            td->days == 1 || td->days == -1 ? "" : "s");
  g_string_append_printf (s, "%d:%02d:%02d", td->seconds / 3600, td->seconds / 60 % 60,
                          td->seconds % 60);
  if (td->us != 0)
    g_string_append_printf (s, ".%06d", td->us);
  return hs_str_from_gstring (vm, s);
}

/* x rounded to the nearest integer, halves to even (CPython's _PyLong_DivmodNear). */
static i128
div_near (i128 a, i128 b)
{
  i128 q = a / b, r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    q -= 1, r += b;
  i128 twice = 2 * r, ab = b < 0 ? -b : b;
  if (b < 0)
    twice = -twice;
  if (twice > ab || (twice == ab && (q & 1)))
    q += 1;
  return q;
}

/* td * f and td / f for a float: exactly through f's ratio, as CPython. */
static HsObject *
td_times_float (HsVM *vm, HsObject *td, double f, gboolean divide)
{
  if (!isfinite (f))
    {
      hs_err_set_string (vm, isnan (f) ? &hs_exc_ValueError : &hs_exc_OverflowError,
                         isnan (f) ? "cannot convert float NaN to integer"
                                   : "cannot convert float infinity to integer");
      return NULL;
    }
  int e;
  double m = frexp (f, &e);
  i128 num, den = 1;
  for (int i = 0; i < 300 && m != floor (m); i++)
    m *= 2.0, e--;
  num = (i128)m;
  if (e > 0)
    num <<= MIN (e, 60);
  else
    den <<= MIN (-e, 120);
  if (divide)
    {
      if (num == 0)
        {
          hs_err_set_string (vm, &hs_exc_ZeroDivisionError, "division by zero");
          return NULL;
        }
      return td_from_us (vm, div_near (td_us (td) * den, num));
    }
  return td_from_us (vm, div_near (td_us (td) * num, den));
}

static HsObject *
td_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  gboolean ta = is_td (a), tb = is_td (b);
  i128 n;
  switch (op)
    {
      case HS_BIN_ADD:
      case HS_BIN_SUB:
        if (ta && tb)
          return td_from_us (vm, op == HS_BIN_ADD ? td_us (a) + td_us (b) : td_us (a) - td_us (b));
        break;
      case HS_BIN_MUL:
        {
          HsObject *td = ta ? a : b, *k = ta ? b : a;
          if (hs_int_check (k) && !is_td (k))
            return int_as_i128 (vm, k, &n) ? td_from_us (vm, td_us (td) * n) : NULL;
          if (HS_ISINSTANCE (k, &hs_float_type))
            return td_times_float (vm, td, hs_float_value (k), FALSE);
          break;
        }
      case HS_BIN_TRUEDIV:
      case HS_BIN_FLOORDIV:
      case HS_BIN_MOD:
        if (!ta)
          break;
        if (tb)
          {
            i128 d = td_us (b), rem;
            if (d == 0)
              {
                hs_err_set_string (vm, &hs_exc_ZeroDivisionError,
                                   op == HS_BIN_MOD        ? "integer modulo by zero"
                                   : op == HS_BIN_FLOORDIV ? "integer division or modulo by zero"
                                                           : "division by zero");
                return NULL;
              }
            if (op == HS_BIN_TRUEDIV)
              return hs_float_new (vm, (double)td_us (a) / (double)d);
            i128 q = td_us (a) / d;
            rem = td_us (a) % d;
            if (rem != 0 && (rem < 0) != (d < 0))
              q -= 1, rem += d;
            return op == HS_BIN_MOD ? td_from_us (vm, rem) : hs_int_from_i64 (vm, (gint64)q);
          }
        if (op == HS_BIN_MOD)
          break;
        if (hs_int_check (b))
          {
            if (!int_as_i128 (vm, b, &n))
              return NULL;
            if (n == 0)
              {
                hs_err_set_string (vm, &hs_exc_ZeroDivisionError,
                                   "integer division or modulo by zero");
                return NULL;
              }
            if (op == HS_BIN_TRUEDIV)
              return td_from_us (vm, div_near (td_us (a), n));
            i128 q = td_us (a) / n, r = td_us (a) % n;
            if (r != 0 && (r < 0) != (n < 0))
              q -= 1;
            return td_from_us (vm, q);
          }
        if (op == HS_BIN_TRUEDIV && HS_ISINSTANCE (b, &hs_float_type))
          return td_times_float (vm, a, hs_float_value (b), TRUE);
        break;
      default:
        break;
    }
  return hs_incref (hs_NotImplemented);
}

static HsObject *
td_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  if (op == HS_UNARY_NEG)
    return td_from_us (vm, -td_us (self));
  if (op == HS_UNARY_POS)
    return td_from_us (vm, td_us (self));
  return hs_incref (hs_NotImplemented);
}

static HsObject *
td_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if (!is_td (a) || !is_td (b))
    return hs_incref (hs_NotImplemented);
  i128 x = td_us (a), y = td_us (b);
  return hs_bool_from (hs_compare_holds (x < y ? -1 : x > y, op));
}

/* The hash of a tuple of the fields, as CPython hashes its state. */
static int
hash_fields (HsVM *vm, const gint64 *v, gsize n, gint64 *out)
{
  HsObject *t = hs_tuple_new (vm, n);
  if (t == NULL)
    return -1;
  for (gsize i = 0; i < n; i++)
    {
      HsObject *x = hs_int_from_i64 (vm, v[i]);
      if (x == NULL)
        {
          hs_decref (vm, t);
          return -1;
        }
      hs_tuple_set_take (t, i, x);
    }
  int r = hs_object_hash (vm, t, out);
  hs_decref (vm, t);
  return r;
}

static int
td_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  gint64 v[3] = { HS_TD (self)->days, HS_TD (self)->seconds, HS_TD (self)->us };
  return hash_fields (vm, v, 3, out);
}

static int
td_truth (HsVM *vm, HsObject *self)
{
  (void)vm;
  return td_us (self) != 0;
}

static HsObject *
td_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  HsTimedelta *td = HS_TD (self);
  if (hs_str_equal_cstr (name, "days"))
    return hs_int_from_i64 (vm, td->days);
  if (hs_str_equal_cstr (name, "seconds"))
    return hs_int_from_i64 (vm, td->seconds);
  if (hs_str_equal_cstr (name, "microseconds"))
    return hs_int_from_i64 (vm, td->us);
  return hs_object_generic_getattr (vm, self, name);
}

/* days, seconds and microseconds are CPython's read-only members */
static int
td_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  static const char *const fields[] = { "days", "seconds", "microseconds" };
  (void)value;
  if (is_name (name, fields, G_N_ELEMENTS (fields)))
    hs_err_set_string (vm, &hs_exc_AttributeError, "readonly attribute");
  else
    hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                   hs_type_name (self), hs_str_utf8 (name));
  return -1;
}

static HsObject *
td_total_seconds (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "timedelta.total_seconds", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_float_new (vm, (double)td_us (args[0]) / 1e6);
}

static HsObject *
td_abs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__abs__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  i128 us = td_us (args[0]);
  return td_from_us (vm, us < 0 ? -us : us);
}

/* divmod(a, b) of two timedeltas, else NotImplemented */
static HsObject *
td_divmod_pair (HsVM *vm, HsObject *a, HsObject *b)
{
  if (!is_td (a) || !is_td (b))
    return hs_incref (hs_NotImplemented);
  HsObject *q = td_binop (vm, HS_BIN_FLOORDIV, a, b);
  HsObject *r = q != NULL ? td_binop (vm, HS_BIN_MOD, a, b) : NULL;
  HsObject *t = r != NULL ? hs_tuple_pack (vm, 2, q, r) : NULL;
  hs_xdecref (vm, q);
  hs_xdecref (vm, r);
  return t;
}

static HsObject *
td_divmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, "__divmod__", args + 1, nargs - 1, kwnames, "!other", &other))
    return NULL;
  return td_divmod_pair (vm, args[0], other);
}

static HsObject *
td_rdivmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *other = NULL;
  if (!hs_parse_args (vm, "__rdivmod__", args + 1, nargs - 1, kwnames, "!other", &other))
    return NULL;
  return td_divmod_pair (vm, other, args[0]);
}

static const HsMethodDef td_methods[] = {
  { "total_seconds", td_total_seconds },       { "__reduce__", hs_datetime_reduce },
  { "__abs__", td_abs, HS_METH_SLOT },         { "__divmod__", td_divmod, HS_METH_SLOT },
  { "__rdivmod__", td_rdivmod, HS_METH_SLOT }, { NULL, NULL },
};

HsType hs_timedelta_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "timedelta",
  .module = "datetime",
  .tp_name = "datetime.timedelta",
  .base = &hs_object_type,
  .basicsize = sizeof (HsTimedelta),
  .repr = td_repr,
  .str = td_str,
  .hash = td_hash,
  .richcompare = td_richcompare,
  .binop = td_binop,
  .unaryop = td_unaryop,
  .truth = td_truth,
  .getattr = td_getattr,
  .setattr = td_setattr,
  .construct = td_construct,
  .methods = td_methods,
};

/* ---- date, time and datetime --------------------------------------------------------------- */

static gboolean
has_date (const HsObject *o)
{
  return IS_KIND (o, &hs_date_type) || IS_KIND (o, &hs_datetime_type);
}

static gboolean
has_time (const HsObject *o)
{
  return IS_KIND (o, &hs_time_type) || IS_KIND (o, &hs_datetime_type);
}

HsObject *
hs_datetime_new (HsVM *vm, const HsType *type, const HsDateTime *fields)
{
  gboolean heap = (type->type_flags & HS_TYPE_HEAP) != 0;
  const HsType *kind = hs_datetime_kind (type);
  HsDateTime *d
      = (HsDateTime *)hs_object_alloc (vm, type, heap ? type->basicsize : sizeof (HsDateTime));
  if (d == NULL)
    return NULL;
  HsObject header = d->header;
  *d = *fields;
  d->header = header;
  if (kind == &hs_date_type)
    d->hour = d->minute = d->second = d->us = d->fold = 0;
  if (kind == &hs_time_type)
    d->year = d->month = d->day = 0;
  if (kind == &hs_date_type || d->tzinfo == hs_None)
    d->tzinfo = NULL;
  if (d->tzinfo != NULL)
    hs_incref (d->tzinfo);
  if (heap)
    {
      hs_incref ((HsObject *)type);
      hs_gc_track (vm, &d->header);
    }
  return &d->header;
}

static void
dt_dealloc (HsVM *vm, HsObject *self)
{
  hs_xdecref (vm, HS_DT (self)->tzinfo);
}

static void
dt_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (HS_DT (self)->tzinfo != NULL)
    hs_visit_named (visit, HS_DT (self)->tzinfo, HS_REF_ATTR, "tzinfo", data);
}

/* The object's tzinfo as Python sees it (borrowed). */
static HsObject *
tzinfo_of (HsObject *self)
{
  return HS_DT (self)->tzinfo != NULL ? HS_DT (self)->tzinfo : hs_None;
}

/* The offset of an aware time or datetime (a datetime passes itself to its tzinfo, a time
 * None): 1 with *us, 0 when naive or the tzinfo says None, -1 on an error. */
static int
utc_offset (HsVM *vm, HsObject *self, const char *method, gint64 *us)
{
  HsObject *arg = IS_KIND (self, &hs_time_type) ? hs_None : self;
  return hs_tzinfo_offset (vm, HS_DT (self)->tzinfo, method, arg, us);
}

gboolean
hs_datetime_check_fields (HsVM *vm, const HsDateTime *f, gboolean date, gboolean time)
{
  if (date && (f->year < 1 || f->year > 9999))
    hs_err_format (vm, &hs_exc_ValueError, "year %d is out of range", f->year);
  else if (date && (f->month < 1 || f->month > 12))
    hs_err_set_string (vm, &hs_exc_ValueError, "month must be in 1..12");
  else if (date && (f->day < 1 || f->day > hs_datetime_days_in_month (f->year, f->month)))
    hs_err_set_string (vm, &hs_exc_ValueError, "day is out of range for month");
  else if (time && (f->hour < 0 || f->hour > 23))
    hs_err_set_string (vm, &hs_exc_ValueError, "hour must be in 0..23");
  else if (time && (f->minute < 0 || f->minute > 59))
    hs_err_set_string (vm, &hs_exc_ValueError, "minute must be in 0..59");
  else if (time && (f->second < 0 || f->second > 59))
    hs_err_set_string (vm, &hs_exc_ValueError, "second must be in 0..59");
  else if (time && (f->us < 0 || f->us > 999999))
    hs_err_set_string (vm, &hs_exc_ValueError, "microsecond must be in 0..999999");
  else if (time && f->fold != 0 && f->fold != 1)
    hs_err_set_string (vm, &hs_exc_ValueError, "fold must be either 0 or 1");
  else
    return TRUE;
  return FALSE;
}

/* An int argument into *out (CPython's "i" format: floats refused). */
static gboolean
field_int (HsVM *vm, HsObject *o, gint32 *out)
{
  return o == NULL || hs_int_arg_c_int (vm, o, out);
}

/* Parses the fields of a date, time or datetime constructor (or replace(), where `base`
 * gives the defaults) into *f and checks them. */
static gboolean
parse_fields (HsVM *vm, const char *fname, const HsType *type, HsObject **args, gsize nargs,
              HsObject *kwnames, HsDateTime *f, gboolean replace)
{
  HsObject *v[8] = { NULL }, *tz = NULL;
  gboolean ok;
  type = hs_datetime_kind (type);
  if (type == &hs_date_type)
    ok = hs_parse_args (vm, fname, args, nargs, kwnames,
                        replace ? "|year month day" : "year month day", &v[0], &v[1], &v[2]);
  else if (type == &hs_time_type)
    ok = hs_parse_args (vm, fname, args, nargs, kwnames,
                        "|hour minute second microsecond tzinfo $ fold", &v[3], &v[4], &v[5], &v[6],
                        &tz, &v[7]);
  else
    ok = hs_parse_args (vm, fname, args, nargs, kwnames,
                        replace ? "|year month day hour minute second microsecond tzinfo $ fold"
                                : "year month day | hour minute second microsecond tzinfo $ fold",
                        &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &tz, &v[7]);
  gint32 *slots[8]
      = { &f->year, &f->month, &f->day, &f->hour, &f->minute, &f->second, &f->us, &f->fold };
  for (int i = 0; ok && i < 8; i++)
    ok = field_int (vm, v[i], slots[i]);
  ok = ok && hs_datetime_check_fields (vm, f, type != &hs_time_type, type != &hs_date_type);
  if (ok && tz != NULL && (ok = hs_tzinfo_check_arg (vm, tz)))
    f->tzinfo = tz;
  return ok;
}

static HsObject *
dt_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsDateTime f = { 0 };
  if (hs_datetime_from_state (type, args, nargs, kwnames, &f))
    return f.tzinfo == NULL || hs_tzinfo_check_arg (vm, f.tzinfo) ? hs_datetime_new (vm, type, &f)
                                                                  : NULL;
  if (!parse_fields (vm, type->name, type, args, nargs, kwnames, &f, FALSE))
    return NULL;
  return hs_datetime_new (vm, type, &f);
}

static void
append_time (GString *s, const HsDateTime *f, const char *timespec)
{
  if (strcmp (timespec, "auto") == 0)
    timespec = f->us ? "microseconds" : "seconds";
  g_string_append_printf (s, "%02d", f->hour);
  if (strcmp (timespec, "hours") != 0)
    g_string_append_printf (s, ":%02d", f->minute);
  if (strcmp (timespec, "hours") != 0 && strcmp (timespec, "minutes") != 0)
    g_string_append_printf (s, ":%02d", f->second);
  if (strcmp (timespec, "milliseconds") == 0)
    g_string_append_printf (s, ".%03d", f->us / 1000);
  else if (strcmp (timespec, "microseconds") == 0)
    g_string_append_printf (s, ".%06d", f->us);
}

static gboolean
valid_timespec (HsVM *vm, const char *ts)
{
  static const char *const ok[]
      = { "auto", "hours", "minutes", "seconds", "milliseconds", "microseconds" };
  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    if (strcmp (ts, ok[i]) == 0)
      return TRUE;
  hs_err_set_string (vm, &hs_exc_ValueError, "Unknown timespec value");
  return FALSE;
}

/* isoformat of any of the three (sep only for a datetime), with the offset of an aware one. */
static HsObject *
iso_string (HsVM *vm, HsObject *self, char sep, const char *timespec)
{
  const HsDateTime *f = HS_DT (self);
  gint64 off = 0;
  int aware = has_time (self) ? utc_offset (vm, self, "utcoffset", &off) : 0;
  if (aware < 0)
    return NULL;
  GString *s = g_string_new (NULL);
  if (has_date (self))
    g_string_append_printf (s, "%04d-%02d-%02d", f->year, f->month, f->day);
  if (IS_KIND (self, &hs_datetime_type))
    g_string_append_c (s, sep);
  if (has_time (self))
    append_time (s, f, timespec);
  if (aware)
    hs_datetime_append_offset (s, off, ":");
  return hs_str_from_gstring (vm, s);
}

static HsObject *
dt_str (HsVM *vm, HsObject *self)
{
  return iso_string (vm, self, ' ', "auto");
}

static HsObject *
dt_repr (HsVM *vm, HsObject *self)
{
  const HsDateTime *f = HS_DT (self);
  GString *s = g_string_new (hs_type_tp_name (self->type));
  g_string_append_c (s, '(');
  if (IS_KIND (self, &hs_date_type))
    g_string_append_printf (s, "%d, %d, %d", f->year, f->month, f->day);
  else
    {
      if (IS_KIND (self, &hs_datetime_type))
        g_string_append_printf (s, "%d, %d, %d, ", f->year, f->month, f->day);
      g_string_append_printf (s, "%d, %d", f->hour, f->minute);
      if (f->second || f->us)
        g_string_append_printf (s, ", %d", f->second);
      if (f->us)
        g_string_append_printf (s, ", %d", f->us);
      if (f->fold)
        g_string_append (s, ", fold=1");
    }
  if (f->tzinfo != NULL)
    {
      HsObject *tz = hs_object_repr (vm, f->tzinfo);
      if (tz == NULL)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      g_string_append_printf (s, ", tzinfo=%s", hs_str_utf8 (tz));
      hs_decref (vm, tz);
    }
  g_string_append_c (s, ')');
  return hs_str_from_gstring (vm, s);
}

/* Whole microseconds since 0001-01-01 00:00 (the day before ordinal 1 for a date). */
static i128
dt_us (const HsDateTime *f)
{
  return (i128)ordinal (f) * US_PER_DAY
         + ((i128)f->hour * 3600 + f->minute * 60 + f->second) * US_PER_SECOND + f->us;
}

static HsObject *
dt_from_us (HsVM *vm, const HsType *type, i128 us, HsObject *tzinfo)
{
  i128 rem;
  i128 ord = floor_div (us, US_PER_DAY, &rem);
  if (ord < 1 || ord > MAX_ORDINAL)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "date value out of range");
      return NULL;
    }
  HsDateTime f = { .tzinfo = tzinfo };
  ord_to_ymd ((gint64)ord, &f);
  gint64 secs = (gint64)(rem / US_PER_SECOND);
  f.hour = (gint32)(secs / 3600), f.minute = (gint32)(secs / 60 % 60),
  f.second = (gint32)(secs % 60);
  f.us = (gint32)(rem % US_PER_SECOND);
  return hs_datetime_new_by_class (vm, type, &f, HS_DT_ARGS_ALL);
}

HsObject *
hs_datetime_add_us (HsVM *vm, HsObject *dt, gint64 us)
{
  return dt_from_us (vm, dt->type, dt_us (HS_DT (dt)) + us, HS_DT (dt)->tzinfo);
}

/* The offsets of a and b, each 0 when naive, or -1 on an error; *aware_a and *aware_b say
 * which are aware. Two objects sharing one tzinfo are compared by their fields, as CPython
 * does, without asking it. */
static int
offsets (HsVM *vm, HsObject *a, HsObject *b, gint64 *oa, gint64 *ob, int *aware_a, int *aware_b)
{
  *oa = *ob = 0;
  *aware_a = *aware_b = 0;
  if (HS_DT (a)->tzinfo == HS_DT (b)->tzinfo)
    return 0;
  if ((*aware_a = utc_offset (vm, a, "utcoffset", oa)) < 0
      || (*aware_b = utc_offset (vm, b, "utcoffset", ob)) < 0)
    return -1;
  return 0;
}

static HsObject *
dt_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  if (op == HS_BIN_ADD && has_date (b) && is_td (a))
    return dt_binop (vm, op, b, a);
  if (!has_date (a))
    return hs_incref (hs_NotImplemented);
  gboolean date_only = IS_KIND (a, &hs_date_type);
  if ((op == HS_BIN_ADD || op == HS_BIN_SUB) && is_td (b))
    {
      /* a date moves by whole days only, as CPython's */
      i128 d = date_only ? (i128)HS_TD (b)->days * US_PER_DAY : td_us (b);
      return dt_from_us (vm, a->type,
                         op == HS_BIN_ADD ? dt_us (HS_DT (a)) + d : dt_us (HS_DT (a)) - d,
                         HS_DT (a)->tzinfo);
    }
  if (op == HS_BIN_SUB && hs_datetime_kind (b->type) == hs_datetime_kind (a->type))
    {
      gint64 oa, ob;
      int aa, ab;
      if (offsets (vm, a, b, &oa, &ob, &aa, &ab) < 0)
        return NULL;
      if (aa != ab)
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "can't subtract offset-naive and offset-aware datetimes");
          return NULL;
        }
      return td_from_us (vm, dt_us (HS_DT (a)) - oa - (dt_us (HS_DT (b)) - ob));
    }
  return hs_incref (hs_NotImplemented);
}

/* Microseconds of a time since midnight (CPython compares aware times by whole seconds
 * less their offsets' days and seconds, then by microseconds). */
static i128
time_us (const HsDateTime *f)
{
  return ((i128)f->hour * 3600 + f->minute * 60 + f->second) * US_PER_SECOND + f->us;
}

/* CPython's pep495_eq_exception for one side: 1 when dt's offset (aware, off) changes with
 * its fold (the times are then unequal), 0 when not, -1 on an error. */
static int
fold_changes_offset (HsVM *vm, HsObject *dt, int aware, gint64 off)
{
  HsDateTime f = *HS_DT (dt);
  f.fold = !f.fold;
  HsObject *flip = hs_datetime_new (vm, dt->type, &f);
  gint64 o = 0;
  int k = flip != NULL ? utc_offset (vm, flip, "utcoffset", &o) : -1;
  hs_xdecref (vm, flip);
  return k < 0 ? -1 : k != aware || o != off;
}

static HsObject *
dt_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  gboolean is_time = IS_KIND (a, &hs_time_type);
  if (is_time ? !IS_KIND (b, &hs_time_type) : !has_date (b))
    return hs_incref (hs_NotImplemented);
  if (IS_KIND (a, &hs_date_type))
    {
      /* a date compares its date with any date's, a datetime's too (CPython's memcmp) */
      gint64 x = ordinal (HS_DT (a)), y = ordinal (HS_DT (b));
      return hs_bool_from (hs_compare_holds (x < y ? -1 : x > y, op));
    }
  if (!is_time && !IS_KIND (b, &hs_datetime_type))
    {
      if (op == HS_CMP_EQ || op == HS_CMP_NE)
        return hs_bool_from (op == HS_CMP_NE);
      hs_err_format (vm, &hs_exc_TypeError, "can't compare %s to %s", hs_type_name (a),
                     hs_type_name (b));
      return NULL;
    }
  gint64 oa, ob;
  int aa, ab;
  if (offsets (vm, a, b, &oa, &ob, &aa, &ab) < 0)
    return NULL;
  if (aa != ab && op != HS_CMP_EQ && op != HS_CMP_NE)
    {
      hs_err_format (vm, &hs_exc_TypeError, "can't compare offset-naive and offset-aware %s",
                     is_time ? "times" : "datetimes");
      return NULL;
    }
  if (aa != ab)
    return hs_bool_from (op == HS_CMP_NE);
  i128 x = is_time ? time_us (HS_DT (a)) : dt_us (HS_DT (a)),
       y = is_time ? time_us (HS_DT (b)) : dt_us (HS_DT (b));
  if (is_time && oa != ob)
    {
      /* whole seconds first, as CPython's time_richcompare */
      i128 sa = x / US_PER_SECOND - floor_div (oa, US_PER_SECOND, NULL),
           sb = y / US_PER_SECOND - floor_div (ob, US_PER_SECOND, NULL);
      x = sa != sb ? sa : x % US_PER_SECOND, y = sa != sb ? sb : y % US_PER_SECOND;
    }
  else if (oa != ob)
    {
      /* CPython subtracts the two, which asks both tzinfos again */
      if (offsets (vm, a, b, &oa, &ob, &aa, &ab) < 0)
        return NULL;
      x -= oa, y -= ob;
    }
  if (!is_time && x == y && (op == HS_CMP_EQ || op == HS_CMP_NE)
      && HS_DT (a)->tzinfo != HS_DT (b)->tzinfo)
    {
      int ex = fold_changes_offset (vm, a, aa, oa);
      if (ex == 0)
        ex = fold_changes_offset (vm, b, ab, ob);
      if (ex < 0)
        return NULL;
      x += ex;
    }
  return hs_bool_from (hs_compare_holds (x < y ? -1 : x > y, op));
}

/* Which of date, time and datetime a type is made from, as a number that is the same at
 * every run (its address is not: a hash from it changed a set's order from run to run). */
static gint64
kind_number (const HsType *type)
{
  const HsType *kind = hs_datetime_kind (type);
  return kind == &hs_date_type ? 1 : kind == &hs_time_type ? 2 : 3;
}

/* The hash of the fields, an aware object's at UTC, so that equal objects hash equal. */
static int
dt_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  const HsDateTime *f = HS_DT (self);
  gint64 off = 0;
  int aware = utc_offset (vm, self, "utcoffset", &off);
  if (aware < 0)
    return -1;
  if (aware)
    {
      gint64 v[2] = { (gint64)((IS_KIND (self, &hs_time_type) ? time_us (f) : dt_us (f)) - off),
                      kind_number (self->type) };
      return hash_fields (vm, v, 2, out);
    }
  gint64 v[8] = { f->year,   f->month,  f->day, f->hour,
                  f->minute, f->second, f->us,  kind_number (self->type) };
  return hash_fields (vm, v, 8, out);
}

static const char *const date_names[] = { "year", "month", "day" };
static const char *const time_names[] = { "hour", "minute", "second", "microsecond", "fold" };

static HsObject *
dt_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  const HsDateTime *f = HS_DT (self);
  const gint32 dv[] = { f->year, f->month, f->day },
               tv[] = { f->hour, f->minute, f->second, f->us, f->fold };
  for (gsize i = 0; has_date (self) && i < G_N_ELEMENTS (date_names); i++)
    if (hs_str_equal_cstr (name, date_names[i]))
      return hs_int_from_i64 (vm, dv[i]);
  for (gsize i = 0; has_time (self) && i < G_N_ELEMENTS (time_names); i++)
    if (hs_str_equal_cstr (name, time_names[i]))
      return hs_int_from_i64 (vm, tv[i]);
  if (has_time (self) && hs_str_equal_cstr (name, "tzinfo"))
    return hs_incref (tzinfo_of (self));
  return hs_object_generic_getattr (vm, self, name);
}

/* The fields are CPython's read-only getters. */
static int
dt_setattr (HsVM *vm, HsObject *self, HsObject *name, HsObject *value)
{
  (void)value;
  if ((has_date (self) && is_name (name, date_names, G_N_ELEMENTS (date_names)))
      || (has_time (self)
          && (is_name (name, time_names, G_N_ELEMENTS (time_names))
              || hs_str_equal_cstr (name, "tzinfo"))))
    hs_err_format (vm, &hs_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                   hs_str_utf8 (name), hs_type_name (self));
  else
    hs_err_format (vm, &hs_exc_AttributeError, "'%s' object has no attribute '%s'",
                   hs_type_name (self), hs_str_utf8 (name));
  return -1;
}

/* ---- methods ----------------------------------------------------------------------------------
 */

static HsObject *
dt_isoformat (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sep = NULL, *timespec = NULL;
  gboolean ok
      = IS_KIND (args[0], &hs_datetime_type) ? hs_parse_args (
            vm, "isoformat", args + 1, nargs - 1, kwnames, "|sep timespec", &sep, &timespec)
        : IS_KIND (args[0], &hs_time_type)
            ? hs_parse_args (vm, "isoformat", args + 1, nargs - 1, kwnames, "|timespec", &timespec)
            : hs_parse_args (vm, "date.isoformat", args + 1, nargs - 1, kwnames, "");
  if (!ok)
    return NULL;
  if (sep != NULL && (!hs_str_check (sep) || hs_str_char_len (sep) != 1))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "isoformat() argument 1 must be a unicode character, not %s",
                     hs_type_name (sep));
      return NULL;
    }
  if (timespec != NULL && !hs_str_check (timespec))
    {
      hs_err_format (vm, &hs_exc_TypeError, "isoformat() argument 2 must be str, not %s",
                     hs_type_name (timespec));
      return NULL;
    }
  const char *ts = timespec != NULL ? hs_str_utf8 (timespec) : "auto";
  if (!valid_timespec (vm, ts))
    return NULL;
  if (sep != NULL && hs_str_byte_len (sep) != 1)
    {
      /* a non-ASCII separator: built as text */
      HsObject *d = iso_string (vm, args[0], 'T', ts);
      if (d == NULL)
        return NULL;
      const char *s = hs_str_utf8 (d);
      HsObject *r = hs_str_from_format (vm, "%.10s%s%s", s, hs_str_utf8 (sep), s + 11);
      hs_decref (vm, d);
      return r;
    }
  return iso_string (vm, args[0], sep != NULL ? hs_str_utf8 (sep)[0] : 'T', ts);
}

static HsObject *
dt_strftime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fmt = NULL;
  if (!hs_parse_args (vm, "strftime", args + 1, nargs - 1, kwnames, "format", &fmt))
    return NULL;
  if (!hs_str_check (fmt))
    {
      hs_err_format (vm, &hs_exc_TypeError, "strftime() argument 1 must be str, not %s",
                     hs_type_name (fmt));
      return NULL;
    }
  return hs_datetime_strftime (vm, args[0], fmt);
}

static HsObject *
dt_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *fmt = NULL;
  if (!hs_parse_args (vm, "__format__", args + 1, nargs - 1, kwnames, "!format_spec", &fmt))
    return NULL;
  if (!hs_str_check (fmt))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__format__() argument 1 must be str, not %s",
                     hs_type_name (fmt));
      return NULL;
    }
  if (hs_str_byte_len (fmt) == 0)
    return hs_object_str (vm, args[0]);
  return hs_datetime_strftime (vm, args[0], fmt);
}

static HsObject *
dt_weekday (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "date.weekday", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, hs_datetime_isoweekday (HS_DT (args[0])) - 1);
}

static HsObject *
dt_isoweekday (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "date.isoweekday", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, hs_datetime_isoweekday (HS_DT (args[0])));
}

static HsObject *
dt_toordinal (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "date.toordinal", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_int_from_i64 (vm, ordinal (HS_DT (args[0])));
}

/* ---- IsoCalendarDate: a tuple with named fields ----------------------------------------- */

static HsObject *
iso_repr (HsVM *vm, HsObject *self)
{
  HsObject **it = hs_tuple_items (self);
  gint64 v[3];
  for (int i = 0; i < 3; i++)
    hs_int_as_i64 (it[i], &v[i]);
  return hs_str_from_format (vm,
                             "datetime.IsoCalendarDate(year=%" G_GINT64_FORMAT
                             ", week=%" G_GINT64_FORMAT ", weekday=%" G_GINT64_FORMAT ")",
                             v[0], v[1], v[2]);
}

static HsObject *
iso_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  static const char *const n[] = { "year", "week", "weekday" };
  for (int i = 0; i < 3; i++)
    if (hs_str_equal_cstr (name, n[i]))
      return hs_incref (hs_tuple_get_borrow (self, i));
  return hs_object_generic_getattr (vm, self, name);
}

static HsType iso_calendar_type = {
  .name = "IsoCalendarDate",
  .module = "datetime",
  .tp_name = "datetime.IsoCalendarDate",
  .base = &hs_tuple_type,
  .repr = iso_repr,
  .getattr = iso_getattr,
};

static HsObject *
dt_isocalendar (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "date.isocalendar", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  const HsDateTime *f = HS_DT (args[0]);
  int year = f->year;
  gint64 today = ordinal (f), monday = iso_week1_monday (year);
  gint64 week = (today - monday) / 7, day = (today - monday) % 7;
  if (today < monday)
    {
      year -= 1;
      monday = iso_week1_monday (year);
      week = (today - monday) / 7, day = (today - monday) % 7;
    }
  else if (week >= 52 && today >= iso_week1_monday (year + 1))
    {
      year += 1;
      week = 0;
    }
  HsObject *t = hs_tuple_new_type (vm, &iso_calendar_type, 3);
  if (t == NULL)
    return NULL;
  hs_tuple_set_take (t, 0, hs_int_from_i64 (vm, year));
  hs_tuple_set_take (t, 1, hs_int_from_i64 (vm, week + 1));
  hs_tuple_set_take (t, 2, hs_int_from_i64 (vm, day + 1));
  return t;
}

static HsObject *
dt_ctime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[]
      = { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  if (!hs_parse_args (vm, IS_KIND (args[0], &hs_date_type) ? "date.ctime" : "datetime.ctime",
                      args + 1, nargs - 1, kwnames, ""))
    return NULL;
  const HsDateTime *f = HS_DT (args[0]);
  return hs_str_from_format (vm, "%s %s %2d %02d:%02d:%02d %04d",
                             days[hs_datetime_isoweekday (f) - 1], months[f->month], f->day,
                             f->hour, f->minute, f->second, f->year);
}

void
hs_datetime_to_tm (const HsDateTime *f, int isdst, struct tm *tm)
{
  *tm = (struct tm){ .tm_year = f->year - 1900,
                     .tm_mon = f->month - 1,
                     .tm_mday = f->day,
                     .tm_hour = f->hour,
                     .tm_min = f->minute,
                     .tm_sec = f->second,
                     .tm_wday = hs_datetime_isoweekday (f) % 7,
                     .tm_yday = hs_datetime_yday (f) - 1,
                     .tm_isdst = isdst };
}

/* timetuple(): a date's tm_isdst is -1, a datetime's says what its tzinfo's dst() gave */
static HsObject *
dt_timetuple (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gboolean date = IS_KIND (args[0], &hs_date_type);
  gint64 dst = 0;
  struct tm tm;
  if (!hs_parse_args (vm, date ? "date.timetuple" : "datetime.timetuple", args + 1, nargs - 1,
                      kwnames, ""))
    return NULL;
  int k = date ? 0 : utc_offset (vm, args[0], "dst", &dst);
  if (k < 0)
    return NULL;
  hs_datetime_to_tm (HS_DT (args[0]), k ? dst != 0 : -1, &tm);
  return hs_time_struct_from_tm (vm, &tm, FALSE);
}

/* utctimetuple(): the time moved to UTC by its offset, tm_isdst 0 */
static HsObject *
dt_utctimetuple (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint64 off = 0;
  struct tm tm;
  if (!hs_parse_args (vm, "datetime.utctimetuple", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  int k = utc_offset (vm, args[0], "utcoffset", &off);
  HsObject *utc = k > 0    ? hs_datetime_add_us (vm, args[0], -off)
                  : k == 0 ? hs_incref (args[0])
                           : NULL;
  if (utc == NULL)
    return NULL;
  hs_datetime_to_tm (HS_DT (utc), 0, &tm);
  hs_decref (vm, utc);
  return hs_time_struct_from_tm (vm, &tm, FALSE);
}

static HsObject *
dt_replace (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsDateTime f = *HS_DT (args[0]);
  if (!parse_fields (vm, "replace", args[0]->type, args + 1, nargs - 1, kwnames, &f, TRUE))
    return NULL;
  return hs_datetime_new (vm, args[0]->type, &f);
}

static HsObject *
dt_date (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "datetime.date", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_datetime_new (vm, &hs_date_type, HS_DT (args[0]));
}

static HsObject *
dt_time (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "datetime.time", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsDateTime f = *HS_DT (args[0]);
  f.tzinfo = NULL;
  return hs_datetime_new (vm, &hs_time_type, &f);
}

static HsObject *
dt_timetz (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "datetime.timetz", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_datetime_new (vm, &hs_time_type, HS_DT (args[0]));
}

/* utcoffset() and dst(): the tzinfo's answer, checked (fname: the method of time or of
 * datetime). */
static HsObject *
offset_method (HsVM *vm, const char *method, const char *time_fname, const char *dt_fname,
               HsObject **args, gsize nargs, HsObject *kwnames)
{
  gboolean time = IS_KIND (args[0], &hs_time_type);
  if (!hs_parse_args (vm, time ? time_fname : dt_fname, args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_tzinfo_call_offset (vm, HS_DT (args[0])->tzinfo, method, time ? hs_None : args[0]);
}

static HsObject *
dt_utcoffset (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return offset_method (vm, "utcoffset", "time.utcoffset", "datetime.utcoffset", args, nargs,
                        kwnames);
}

static HsObject *
dt_dst (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return offset_method (vm, "dst", "time.dst", "datetime.dst", args, nargs, kwnames);
}

static HsObject *
dt_tzname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, IS_KIND (args[0], &hs_time_type) ? "time.tzname" : "datetime.tzname",
                      args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_tzinfo_name (vm, HS_DT (args[0])->tzinfo,
                         IS_KIND (args[0], &hs_time_type) ? hs_None : args[0]);
}

/* The system's time zone at a moment (seconds since the epoch), as CPython's local_timezone:
 * its offset and abbreviation. */
static HsObject *
local_timezone (HsVM *vm, time_t t)
{
  struct tm tm;
  localtime_r (&t, &tm);
  HsObject *name = hs_str_new (vm, tm.tm_zone, strlen (tm.tm_zone));
  HsObject *tz = name != NULL ? hs_timezone_from_us (vm, tm.tm_gmtoff * US_PER_SECOND, name) : NULL;
  hs_xdecref (vm, name);
  return tz;
}

/* Seconds since the epoch of a naive datetime taken as local time. */
static time_t
local_seconds (const HsDateTime *f)
{
  struct tm tm = { .tm_year = f->year - 1900,
                   .tm_mon = f->month - 1,
                   .tm_mday = f->day,
                   .tm_hour = f->hour,
                   .tm_min = f->minute,
                   .tm_sec = f->second,
                   .tm_isdst = -1 };
  return mktime (&tm);
}

/* tz.fromutc(dt) */
static HsObject *
call_fromutc (HsVM *vm, HsObject *tz, HsObject *dt)
{
  HsObject *fn = dt != NULL ? hs_object_getattr_cstr (vm, tz, "fromutc") : NULL;
  HsObject *r = fn != NULL ? hs_object_call (vm, fn, &dt, 1, NULL) : NULL;
  hs_xdecref (vm, fn);
  return r;
}

/* CPython's datetime.astimezone: a naive datetime is local time; to UTC, then tz.fromutc. */
static HsObject *
dt_astimezone (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tz = hs_None, *self = args[0];
  if (!hs_parse_args (vm, "astimezone", args + 1, nargs - 1, kwnames, "|tz", &tz)
      || !hs_tzinfo_check_arg (vm, tz))
    return NULL;
  HsObject *own = HS_DT (self)->tzinfo != NULL ? hs_incref (HS_DT (self)->tzinfo) : NULL;
  if (own == tz)
    {
      hs_decref (vm, own);
      return hs_incref (self);
    }
  gint64 off = 0;
  int k = own != NULL ? hs_tzinfo_offset (vm, own, "utcoffset", self, &off) : 0;
  if (k == 0)
    {
      hs_xdecref (vm, own);
      own = local_timezone (vm, local_seconds (HS_DT (self)));
      k = own != NULL ? hs_tzinfo_offset (vm, own, "utcoffset", self, &off) : -1;
    }
  hs_xdecref (vm, own);
  if (k < 0)
    return NULL;
  i128 utc_us = dt_us (HS_DT (self)) - off;
  HsObject *target
      = tz != hs_None
            ? hs_incref (tz)
            : local_timezone (vm, (time_t)floor_div (utc_us - EPOCH_US, US_PER_SECOND, NULL));
  /* CPython's: self - offset (a class called), given the target zone in place */
  HsObject *utc = target != NULL ? dt_from_us (vm, self->type, utc_us, HS_DT (self)->tzinfo) : NULL;
  if (utc != NULL && !IS_KIND (utc, &hs_datetime_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "unexpected return type from %s: %s",
                     hs_type_tp_name (self->type), hs_type_name (utc));
      HS_CLEAR (vm, utc);
    }
  if (utc != NULL && HS_DT (utc)->tzinfo != target)
    {
      HsObject *old = HS_DT (utc)->tzinfo;
      HS_DT (utc)->tzinfo = hs_incref (target);
      hs_xdecref (vm, old);
      hs_object_mark_dirty (vm, utc);
    }
  HsObject *r = call_fromutc (vm, target, utc);
  hs_xdecref (vm, utc);
  hs_xdecref (vm, target);
  return r;
}

/* ---- class methods: the clock, ordinals, timestamps, parsing -----------------------------------
 */

static HsObject *
from_tm (HsVM *vm, const HsType *type, const struct tm *tm, int us, HsObject *tz)
{
  HsDateTime f = { .tzinfo = tz,
                   .year = tm->tm_year + 1900,
                   .month = tm->tm_mon + 1,
                   .day = tm->tm_mday,
                   .hour = tm->tm_hour,
                   .minute = tm->tm_min,
                   .second = MIN (tm->tm_sec, 59),
                   .us = us };
  if (!hs_datetime_check_fields (vm, &f, TRUE, FALSE))
    return NULL;
  HsObject *r = hs_datetime_new_by_class (vm, type, &f, HS_DT_ARGS_ALL);
  if (r == NULL || tz == NULL || tz == hs_None)
    return r;
  /* a UTC time given a zone: converted by the zone, as CPython's now(tz) */
  HsObject *local = call_fromutc (vm, tz, r);
  hs_decref (vm, r);
  return local;
}

/* fromtimestamp's seconds and microseconds (halves to even), as CPython's _PyTime. */
static gboolean
split_timestamp (HsVM *vm, HsObject *ts, time_t *secs, int *us)
{
  double d;
  if (hs_int_check (ts))
    {
      gint64 v;
      if (!hs_int_as_i64 (ts, &v))
        {
          hs_err_set_string (vm, &hs_exc_OverflowError,
                             "timestamp out of range for platform time_t");
          return FALSE;
        }
      *secs = (time_t)v, *us = 0;
      return TRUE;
    }
  if (!HS_ISINSTANCE (ts, &hs_float_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (ts));
      return FALSE;
    }
  d = hs_float_value (ts);
  if (isnan (d))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Invalid value NaN (not a number)");
      return FALSE;
    }
  double ip, frac = modf (d, &ip) * 1e6, r = nearbyint (frac);
  if (frac >= 1e6 - 0.5 && r >= 1e6)
    r -= 1e6, ip += 1.0;
  else if (r < 0)
    r += 1e6, ip -= 1.0;
  if (fabs (ip) > 1e17)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "timestamp out of range for platform time_t");
      return FALSE;
    }
  *secs = (time_t)ip, *us = (int)r;
  return TRUE;
}

static HsObject *
from_timestamp (HsVM *vm, const HsType *type, HsObject *ts, gboolean utc, HsObject *tz)
{
  time_t secs;
  int us;
  struct tm tm;
  if (!split_timestamp (vm, ts, &secs, &us))
    return NULL;
  if ((utc ? gmtime_r (&secs, &tm) : localtime_r (&secs, &tm)) == NULL)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "timestamp out of range for platform time_t");
      return NULL;
    }
  return from_tm (vm, type, &tm, us, tz);
}

static HsObject *
now (HsVM *vm, const HsType *type, gboolean utc, HsObject *tz)
{
  gint64 t = g_get_real_time () + hs_vm_slept_ns (vm) / 1000;
  time_t secs = (time_t)(t / 1000000);
  struct tm tm;
  if (utc)
    gmtime_r (&secs, &tm);
  else
    localtime_r (&secs, &tm);
  return from_tm (vm, type, &tm, hs_datetime_kind (type) == &hs_date_type ? 0 : (int)(t % 1000000),
                  tz);
}

static HsObject *
cm_today (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm,
                      hs_datetime_kind ((HsType *)args[0]) == &hs_date_type ? "date.today"
                                                                            : "datetime.today",
                      args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return now (vm, (HsType *)args[0], FALSE, NULL);
}

static HsObject *
cm_now (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *tz = hs_None;
  if (!hs_parse_args (vm, "now", args + 1, nargs - 1, kwnames, "|tz", &tz)
      || !hs_tzinfo_check_arg (vm, tz))
    return NULL;
  return now (vm, (HsType *)args[0], tz != hs_None, tz);
}

static HsObject *
cm_utcnow (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "datetime.utcnow", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return now (vm, (HsType *)args[0], TRUE, NULL);
}

static HsObject *
cm_fromtimestamp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ts = NULL, *tz = hs_None;
  gboolean date = hs_datetime_kind ((HsType *)args[0]) == &hs_date_type;
  if (!(date ? hs_parse_args (vm, "fromtimestamp", args + 1, nargs - 1, kwnames, "!timestamp", &ts)
             : hs_parse_args (vm, "fromtimestamp", args + 1, nargs - 1, kwnames, "timestamp | tz",
                              &ts, &tz))
      || !hs_tzinfo_check_arg (vm, tz))
    return NULL;
  return from_timestamp (vm, (HsType *)args[0], ts, tz != hs_None, tz);
}

static HsObject *
cm_utcfromtimestamp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ts = NULL;
  if (!hs_parse_args (vm, "utcfromtimestamp", args + 1, nargs - 1, kwnames, "!timestamp", &ts))
    return NULL;
  return from_timestamp (vm, (HsType *)args[0], ts, TRUE, NULL);
}

static HsObject *
dt_timestamp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "datetime.timestamp", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  const HsDateTime *f = HS_DT (args[0]);
  gint64 off;
  int k = utc_offset (vm, args[0], "utcoffset", &off);
  if (k < 0)
    return NULL;
  if (k == 0 && f->tzinfo != NULL)
    {
      /* CPython subtracts an aware epoch */
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "can't subtract offset-naive and offset-aware datetimes");
      return NULL;
    }
  if (k)
    return hs_float_new (vm, (double)(dt_us (f) - off - EPOCH_US) / 1e6);
  return hs_float_new (vm, (double)local_seconds (f) + f->us / 1e6);
}

static HsObject *
cm_fromordinal (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *n = NULL;
  gint32 v = 0;
  if (!hs_parse_args (vm, "fromordinal", args + 1, nargs - 1, kwnames, "!ordinal", &n)
      || !field_int (vm, n, &v))
    return NULL;
  HsDateTime f = { 0 };
  if (!hs_datetime_from_ordinal (vm, v, &f))
    return NULL;
  return hs_datetime_new_by_class (vm, (HsType *)args[0], &f, HS_DT_ARGS_DATE);
}

static HsObject *
cm_fromisocalendar (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *v[3] = { NULL };
  gint32 n[3] = { 0 };
  HsDateTime f = { 0 };
  if (!hs_parse_args (vm, "fromisocalendar", args + 1, nargs - 1, kwnames, "year week day", &v[0],
                      &v[1], &v[2])
      || !field_int (vm, v[0], &n[0]) || !field_int (vm, v[1], &n[1])
      || !field_int (vm, v[2], &n[2]) || !hs_datetime_set_isoweek (vm, n[0], n[1], n[2], &f))
    return NULL;
  return hs_datetime_new_by_class (vm, (HsType *)args[0], &f, HS_DT_ARGS_DATE);
}

static HsObject *
cm_fromisoformat (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL;
  if (!hs_parse_args (vm, "fromisoformat", args + 1, nargs - 1, kwnames, "!date_string", &s))
    return NULL;
  if (!hs_str_check (s))
    {
      hs_err_format (vm, &hs_exc_TypeError, "fromisoformat: argument must be str");
      return NULL;
    }
  return hs_datetime_fromisoformat (vm, (HsType *)args[0], s);
}

static HsObject *
cm_strptime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *fmt = NULL;
  if (!hs_parse_args (vm, "strptime", args + 1, nargs - 1, kwnames, "%date_string format /", &s,
                      &fmt))
    return NULL;
  if (!hs_str_check (s) || !hs_str_check (fmt))
    {
      hs_err_format (vm, &hs_exc_TypeError, "strptime() argument %d must be str, not %s",
                     hs_str_check (s) ? 2 : 1, hs_type_name (hs_str_check (s) ? fmt : s));
      return NULL;
    }
  return hs_datetime_strptime (vm, (HsType *)args[0], s, fmt);
}

static HsObject *
cm_combine (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *d = NULL, *t = NULL, *tz = NULL;
  if (!hs_parse_args (vm, "combine", args + 1, nargs - 1, kwnames, "date time | tzinfo", &d, &t,
                      &tz))
    return NULL;
  if (!has_date (d) || !IS_KIND (t, &hs_time_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "combine() argument %d must be datetime.%s, not %s",
                     has_date (d) ? 2 : 1, has_date (d) ? "time" : "date",
                     hs_type_name (has_date (d) ? t : d));
      return NULL;
    }
  if (tz != NULL && !hs_tzinfo_check_arg (vm, tz))
    return NULL;
  HsDateTime f = *HS_DT (t);
  f.year = HS_DT (d)->year, f.month = HS_DT (d)->month, f.day = HS_DT (d)->day;
  if (tz != NULL)
    f.tzinfo = tz;
  return hs_datetime_new_by_class (vm, (HsType *)args[0], &f, HS_DT_ARGS_ALL);
}

static const HsMethodDef date_methods[] = {
  { "isoformat", dt_isoformat },
  { "strftime", dt_strftime },
  { "__format__", dt_format },
  { "weekday", dt_weekday },
  { "isoweekday", dt_isoweekday },
  { "isocalendar", dt_isocalendar },
  { "toordinal", dt_toordinal },
  { "ctime", dt_ctime },
  { "replace", dt_replace },
  { "timetuple", dt_timetuple },
  { "__reduce__", hs_datetime_reduce },
  { "today", cm_today, HS_METH_CLASS },
  { "fromordinal", cm_fromordinal, HS_METH_CLASS },
  { "fromisoformat", cm_fromisoformat, HS_METH_CLASS },
  { "fromisocalendar", cm_fromisocalendar, HS_METH_CLASS },
  { "fromtimestamp", cm_fromtimestamp, HS_METH_CLASS },
  { NULL, NULL },
};

static const HsMethodDef datetime_methods[] = {
  { "date", dt_date },
  { "time", dt_time },
  { "timetz", dt_timetz },
  { "timestamp", dt_timestamp },
  { "utctimetuple", dt_utctimetuple },
  { "utcoffset", dt_utcoffset },
  { "dst", dt_dst },
  { "tzname", dt_tzname },
  { "astimezone", dt_astimezone },
  { "__reduce__", hs_datetime_reduce },
  { "__reduce_ex__", hs_datetime_reduce_ex },
  /* CPython's datetime has its own of these date methods */
  { "isoformat", dt_isoformat },
  { "ctime", dt_ctime },
  { "replace", dt_replace },
  { "timetuple", dt_timetuple },
  { "fromisoformat", cm_fromisoformat, HS_METH_CLASS },
  { "fromtimestamp", cm_fromtimestamp, HS_METH_CLASS },
  { "now", cm_now, HS_METH_CLASS },
  { "utcnow", cm_utcnow, HS_METH_CLASS },
  { "utcfromtimestamp", cm_utcfromtimestamp, HS_METH_CLASS },
  { "strptime", cm_strptime, HS_METH_CLASS },
  { "combine", cm_combine, HS_METH_CLASS },
  { NULL, NULL },
};

static const HsMethodDef time_methods[] = {
  { "isoformat", dt_isoformat },
  { "strftime", dt_strftime },
  { "__format__", dt_format },
  { "replace", dt_replace },
  { "utcoffset", dt_utcoffset },
  { "dst", dt_dst },
  { "tzname", dt_tzname },
  { "__reduce__", hs_datetime_reduce },
  { "__reduce_ex__", hs_datetime_reduce_ex },
  { "fromisoformat", cm_fromisoformat, HS_METH_CLASS },
  { NULL, NULL },
};

static int
time_truth (HsVM *vm, HsObject *self)
{
  (void)vm;
  (void)self;
  return 1;
}

HsType hs_date_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "date",
  .module = "datetime",
  .tp_name = "datetime.date",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_DRAWN_WITH_TEXT,
  .basicsize = sizeof (HsDateTime),
  .dealloc = dt_dealloc,
  .refs = dt_refs,
  .repr = dt_repr,
  .str = dt_str,
  .hash = dt_hash,
  .richcompare = dt_richcompare,
  .binop = dt_binop,
  .getattr = dt_getattr,
  .setattr = dt_setattr,
  .construct = dt_construct,
  .methods = date_methods,
};

HsType hs_datetime_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "datetime",
  .module = "datetime",
  .tp_name = "datetime.datetime",
  .base = &hs_date_type,
  .type_flags = HS_TYPE_DRAWN_WITH_TEXT,
  .basicsize = sizeof (HsDateTime),
  .dealloc = dt_dealloc,
  .refs = dt_refs,
  .repr = dt_repr,
  .str = dt_str,
  .hash = dt_hash,
  .richcompare = dt_richcompare,
  .binop = dt_binop,
  .getattr = dt_getattr,
  .setattr = dt_setattr,
  .construct = dt_construct,
  .methods = datetime_methods,
};

HsType hs_time_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "time",
  .module = "datetime",
  .tp_name = "datetime.time",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_DRAWN_WITH_TEXT,
  .basicsize = sizeof (HsDateTime),
  .dealloc = dt_dealloc,
  .refs = dt_refs,
  .repr = dt_repr,
  .str = dt_str,
  .hash = dt_hash,
  .richcompare = dt_richcompare,
  .truth = time_truth,
  .getattr = dt_getattr,
  .setattr = dt_setattr,
  .construct = dt_construct,
  .methods = time_methods,
};

/* ---- min, max and resolution ------------------------------------------------------------------
 */

static void
set_class_attr (HsType *type, const char *name, HsObject *value)
{
  hs_dict_set_item (NULL, type->dict, hs_str_intern_cstr (name), value);
}

static HsObject *
immortal_td (gint64 days, gint32 seconds, gint32 us)
{
  HsTimedelta *td = (HsTimedelta *)hs_object_alloc (NULL, &hs_timedelta_type, sizeof (HsTimedelta));
  td->days = days, td->seconds = seconds, td->us = us;
  return &td->header;
}

static HsObject *
immortal_dt (const HsType *type, HsDateTime f)
{
  HsObject *o = hs_object_alloc (NULL, type, sizeof (HsDateTime));
  f.header = *o;
  *HS_DT (o) = f;
  return o;
}

void
hs_datetime_runtime_init (void)
{
  static HsType *const types[]
      = { &hs_timedelta_type, &hs_date_type, &hs_datetime_type, &hs_time_type, &iso_calendar_type };
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    hs_type_ready (types[i]);
  hs_timezone_runtime_init ();
  /* the fields as CPython's getset descriptors: read-only on a derived class's instance */
  hs_getset_install (&hs_date_type, "year month day", dt_getattr, NULL);
  hs_getset_install (&hs_datetime_type, "hour minute second microsecond tzinfo fold", dt_getattr,
                     NULL);
  hs_getset_install (&hs_time_type, "hour minute second microsecond tzinfo fold", dt_getattr, NULL);
  /* timedelta's are CPython's read-only members ("readonly attribute", on a derived class's
   * instance too) */
  hs_member_install_readonly (&hs_timedelta_type, "days seconds microseconds", td_getattr);
  set_class_attr (&hs_timedelta_type, "min", immortal_td (-MAX_DELTA_DAYS, 0, 0));
  set_class_attr (&hs_timedelta_type, "max", immortal_td (MAX_DELTA_DAYS, 86399, 999999));
  set_class_attr (&hs_timedelta_type, "resolution", immortal_td (0, 0, 1));
  HsObject *day = immortal_td (1, 0, 0);
  set_class_attr (&hs_date_type, "resolution", day);
  set_class_attr (&hs_datetime_type, "resolution", immortal_td (0, 0, 1));
  set_class_attr (&hs_time_type, "resolution", immortal_td (0, 0, 1));
  HsDateTime lo = { .year = 1, .month = 1, .day = 1 };
  HsDateTime hi = {
    .year = 9999, .month = 12, .day = 31, .hour = 23, .minute = 59, .second = 59, .us = 999999
  };
  set_class_attr (&hs_date_type, "min",
                  immortal_dt (&hs_date_type, (HsDateTime){ .year = 1, .month = 1, .day = 1 }));
  set_class_attr (
      &hs_date_type, "max",
      immortal_dt (&hs_date_type, (HsDateTime){ .year = 9999, .month = 12, .day = 31 }));
  set_class_attr (&hs_datetime_type, "min", immortal_dt (&hs_datetime_type, lo));
  set_class_attr (&hs_datetime_type, "max", immortal_dt (&hs_datetime_type, hi));
  set_class_attr (&hs_time_type, "min", immortal_dt (&hs_time_type, (HsDateTime){ 0 }));
  set_class_attr (
      &hs_time_type, "max",
      immortal_dt (&hs_time_type,
                   (HsDateTime){ .hour = 23, .minute = 59, .second = 59, .us = 999999 }));
}
