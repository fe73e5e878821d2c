/* hs-mod-time.c — the `time` module: the clocks, sleep, and broken-down time (struct_time,
 * gmtime, localtime, mktime, strftime, strptime, asctime, ctime, the zone's names).
 *
 * Invariant: time() reads the real clock, perf_counter() and monotonic() the monotonic one
 * (seconds as floats, as CPython's); sleep() checks its argument as CPython does and returns
 * at once, since a recorded program's time is its steps, not the wall clock: instead it moves
 * the program's wall and monotonic clocks on (hs_vm_add_sleep), so that what a program
 * measures around a sleep is what it slept. Broken-down time
 * is the C library's, as CPython's is on Linux: the system's zone (TZ), strftime in the "C"
 * locale, and CPython's checks of a time tuple (gettmarg, checktm) with its messages.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "hs-cfunction.h"
#include "hs-datetime.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-structseq.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

/* A clock's reading: seconds as a float, or nanoseconds as an int (the _ns functions). */
static HsObject *
clock_reading (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
               clockid_t clock, gboolean ns)
{
  struct timespec ts;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, ""))
    return NULL;
  clock_gettime (clock, &ts);
  gint64 t = (gint64)ts.tv_sec * 1000000000 + ts.tv_nsec;
  if (clock == CLOCK_REALTIME || clock == CLOCK_MONOTONIC)
    t += hs_vm_slept_ns (vm);
  return ns ? hs_int_from_i64 (vm, t) : hs_float_new (vm, (double)t * 1e-9);
}

#define CLOCK_FUNCTION(name, clock, ns)                                                            \
  static HsObject *t_##name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)            \
  {                                                                                                \
    return clock_reading (vm, "time." #name, args, nargs, kwnames, clock, ns);                     \
  }

CLOCK_FUNCTION (time, CLOCK_REALTIME, FALSE)
CLOCK_FUNCTION (time_ns, CLOCK_REALTIME, TRUE)
CLOCK_FUNCTION (monotonic, CLOCK_MONOTONIC, FALSE)
CLOCK_FUNCTION (monotonic_ns, CLOCK_MONOTONIC, TRUE)
CLOCK_FUNCTION (perf_counter, CLOCK_MONOTONIC, FALSE)
CLOCK_FUNCTION (perf_counter_ns, CLOCK_MONOTONIC, TRUE)
CLOCK_FUNCTION (process_time, CLOCK_PROCESS_CPUTIME_ID, FALSE)
CLOCK_FUNCTION (process_time_ns, CLOCK_PROCESS_CPUTIME_ID, TRUE)
CLOCK_FUNCTION (thread_time, CLOCK_THREAD_CPUTIME_ID, FALSE)
CLOCK_FUNCTION (thread_time_ns, CLOCK_THREAD_CPUTIME_ID, TRUE)

/* time.get_clock_info(name): CPython's answer on Linux, a types.SimpleNamespace of the
 * clock's implementation, whether it is monotonic and adjustable, and its resolution
 * (clock_getres). */
static HsObject *
t_get_clock_info (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  static const struct
  {
    const char *name, *implementation;
    clockid_t clock;
    gboolean monotonic, adjustable;
  } clocks[] = {
    { "time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, FALSE, TRUE },
    { "monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, TRUE, FALSE },
    { "perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, TRUE, FALSE },
    { "process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, TRUE,
      FALSE },
    { "thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, TRUE,
      FALSE },
  };
  HsObject *name = NULL;
  if (!hs_parse_args (vm, "get_clock_info", args, nargs, kwnames, "%name /", &name))
    return NULL;
  if (!hs_str_check (name))
    {
      hs_err_format (vm, &hs_exc_TypeError, "get_clock_info() argument 1 must be str, not %s",
                     hs_type_name (name));
      return NULL;
    }
  gsize i = 0;
  while (i < G_N_ELEMENTS (clocks) && strcmp (hs_str_utf8 (name), clocks[i].name) != 0)
    i++;
  if (i == G_N_ELEMENTS (clocks))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "unknown clock");
      return NULL;
    }
  struct timespec res;
  clock_getres (clocks[i].clock, &res);
  HsObject *types = hs_import_module (vm, "types"), *r = NULL;
  HsObject *names = hs_tuple_new (vm, 4);
  if (types != NULL && names != NULL)
    {
      static const char *const fields[]
          = { "implementation", "monotonic", "adjustable", "resolution" };
      for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
        hs_tuple_set_take (names, f, hs_str_intern_cstr (fields[f]));
      HsObject *values[] = {
        hs_str_from_cstr (vm, clocks[i].implementation),
        hs_bool_from (clocks[i].monotonic),
        hs_bool_from (clocks[i].adjustable),
        hs_float_new (vm, (double)res.tv_sec + (double)res.tv_nsec * 1e-9),
      };
      if (values[0] != NULL && values[3] != NULL)
        r = hs_object_call_method (vm, types, "SimpleNamespace", values, 0, names);
      for (gsize f = 0; f < G_N_ELEMENTS (values); f++)
        hs_xdecref (vm, values[f]);
    }
  hs_xdecref (vm, names);
  hs_xdecref (vm, types);
  return r;
}

static HsObject *
t_sleep (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *secs = NULL;
  gint64 ns;
  if (!hs_parse_args (vm, "sleep", args, nargs, kwnames, "!secs", &secs))
    return NULL;
  /* CPython's _PyTime_FromSecondsObject: nanoseconds in a 64-bit integer */
  if (HS_IS (secs, &hs_float_type))
    {
      double d = hs_float_value (secs) * 1e9;
      if (isnan (d))
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Invalid value NaN (not a number)");
          return NULL;
        }
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        {
          hs_err_set_string (vm, &hs_exc_OverflowError,
                             "timestamp out of range for platform time_t");
          return NULL;
        }
      ns = (gint64)d;
    }
  else if (hs_int_check (secs))
    {
      gint64 s;
      if (!hs_int_as_i64 (secs, &s) || s > G_MAXINT64 / 1000000000 || s < G_MININT64 / 1000000000)
        {
          hs_err_set_string (vm, &hs_exc_OverflowError,
                             "timestamp too large to convert to C _PyTime_t");
          return NULL;
        }
      ns = s * 1000000000;
    }
  else
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (secs));
      return NULL;
    }
  if (ns < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "sleep length must be non-negative");
      return NULL;
    }
  /* CPython's deadline, the monotonic clock plus the length, must fit too */
  struct timespec now;
  clock_gettime (CLOCK_MONOTONIC, &now);
  if (ns > G_MAXINT64 - ((gint64)now.tv_sec * 1000000000 + now.tv_nsec) - hs_vm_slept_ns (vm))
    {
      hs_err_format (vm, &hs_exc_OSError, "[Errno %d] %s", EINVAL, g_strerror (EINVAL));
      return NULL;
    }
  hs_vm_add_sleep (vm, ns);
  return hs_None;
}

/* ---- struct_time ------------------------------------------------------------------------ */

static const char *const struct_time_fields[]
    = { "tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",    "tm_sec",
        "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff", NULL };

/* The module's struct_time type (borrowed), importing the module for datetime's timetuple(). */
static HsType *
struct_time_type (HsVM *vm)
{
  HsObject *module = hs_import_module (vm, "time");
  HsObject *type;
  if (module == NULL)
    return NULL;
  type = hs_dict_get_item_cstr_borrow (vm, hs_module_dict (module), "struct_time");
  hs_decref (vm, module);
  return (HsType *)type;
}

HsObject *
hs_time_struct_from_tm (HsVM *vm, const struct tm *tm, gboolean with_zone)
{
  HsType *type = struct_time_type (vm);
  HsObject *items[11];

  if (type == NULL)
    return NULL;
  items[0] = hs_int_from_i64 (vm, (gint64)tm->tm_year + 1900);
  items[1] = hs_int_from_i64 (vm, tm->tm_mon + 1);
  items[2] = hs_int_from_i64 (vm, tm->tm_mday);
  items[3] = hs_int_from_i64 (vm, tm->tm_hour);
  items[4] = hs_int_from_i64 (vm, tm->tm_min);
  items[5] = hs_int_from_i64 (vm, tm->tm_sec);
  items[6] = hs_int_from_i64 (vm, (tm->tm_wday + 6) % 7);
  items[7] = hs_int_from_i64 (vm, tm->tm_yday + 1);
  items[8] = hs_int_from_i64 (vm, tm->tm_isdst);
  items[9] = with_zone ? hs_str_from_cstr (vm, tm->tm_zone) : hs_None;
  items[10] = with_zone ? hs_int_from_i64 (vm, tm->tm_gmtoff) : hs_None;
  return hs_structseq_new_take (vm, type, items);
}

/* ---- from seconds ----------------------------------------------------------------------- */

/* CPython's _PyTime_ObjectToTime_t, rounding down; FALSE with its errors. */
static gboolean
seconds_arg (HsVM *vm, HsObject *o, time_t *out)
{
  if (o == NULL || o == hs_None)
    {
      *out = time (NULL) + (time_t)(hs_vm_slept_ns (vm) / 1000000000);
      return TRUE;
    }
  if (HS_IS (o, &hs_float_type))
    {
      double d = floor (hs_float_value (o));
      if (isnan (d))
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Invalid value NaN (not a number)");
          return FALSE;
        }
      if (!(d >= (double)G_MININT64 && d < -(double)G_MININT64))
        {
          hs_err_set_string (vm, &hs_exc_OverflowError,
                             "timestamp out of range for platform time_t");
          return FALSE;
        }
      *out = (time_t)d;
      return TRUE;
    }
  gint64 v = 0;
  gboolean fits = hs_int_index_i64 (vm, o, &v, "timestamp out of range for platform time_t");
  *out = (time_t)v;
  return fits;
}

/* gmtime_r or localtime_r of the seconds argument `o`, FALSE with CPython's errors. */
static gboolean
broken_down (HsVM *vm, HsObject *o, gboolean local, struct tm *tm)
{
  time_t t;
  if (!seconds_arg (vm, o, &t))
    return FALSE;
  errno = 0;
  if ((local ? localtime_r (&t, tm) : gmtime_r (&t, tm)) != NULL)
    return TRUE;
  int e = errno != 0 ? errno : EINVAL;
  hs_err_format (vm, &hs_exc_OSError, "[Errno %d] %s", e, g_strerror (e));
  return FALSE;
}

static HsObject *
convert (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames,
         gboolean local)
{
  HsObject *secs = NULL;
  struct tm tm;
  if (!hs_parse_args (vm, fname, args, nargs, kwnames, "%|secs /", &secs)
      || !broken_down (vm, secs, local, &tm))
    return NULL;
  return hs_time_struct_from_tm (vm, &tm, TRUE);
}

static HsObject *
t_gmtime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return convert (vm, "gmtime", args, nargs, kwnames, FALSE);
}

static HsObject *
t_localtime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return convert (vm, "localtime", args, nargs, kwnames, TRUE);
}

/* ---- from a time tuple ------------------------------------------------------------------ */

/* CPython's gettmarg: a tuple (or struct_time) of nine ints into *tm, the zone of a
 * struct_time too; `illegal` names the function in the message for a wrong length. */
static gboolean
time_tuple_arg (HsVM *vm, HsObject *o, const char *fname, struct tm *tm)
{
  int v[9];
  *tm = (struct tm){ 0 };
  if (!hs_tuple_check (o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "Tuple or struct_time argument required");
      return FALSE;
    }
  if (hs_tuple_len (o) != 9)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s(): illegal time tuple argument", fname);
      return FALSE;
    }
  for (int i = 0; i < 9; i++)
    if (!hs_int_arg_c_int (vm, hs_tuple_get_borrow (o, i), &v[i]))
      return FALSE;
  if (v[0] < G_MININT + 1900)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "year out of range");
      return FALSE;
    }
  tm->tm_year = v[0] - 1900;
  tm->tm_mon = v[1] - 1;
  tm->tm_mday = v[2];
  tm->tm_hour = v[3];
  tm->tm_min = v[4];
  tm->tm_sec = v[5];
  tm->tm_wday = (v[6] + 1) % 7;
  tm->tm_yday = v[7] - 1;
  tm->tm_isdst = v[8];
  if (o->type == struct_time_type (vm))
    {
      /* the fields past the nine items */
      HsObject *zone = hs_tuple_items (o)[9], *off = hs_tuple_items (o)[10];
      if (hs_str_check (zone))
        tm->tm_zone = hs_str_utf8 (zone);
      if (hs_int_check (off))
        {
          gint64 g = 0;
          hs_int_as_i64 (off, &g);
          tm->tm_gmtoff = (long)g;
        }
    }
  return TRUE;
}

/* CPython's checktm, for strftime and asctime: 0 stands for the first month, day and
 * day of the year. */
static gboolean
check_tm (HsVM *vm, struct tm *tm)
{
  const char *error = NULL;
  if (tm->tm_mon == -1)
    tm->tm_mon = 0;
  else if (tm->tm_mon < 0 || tm->tm_mon > 11)
    error = "month out of range";
  if (tm->tm_mday == 0)
    tm->tm_mday = 1;
  else if (error == NULL && (tm->tm_mday < 0 || tm->tm_mday > 31))
    error = "day of month out of range";
  if (error == NULL && (tm->tm_hour < 0 || tm->tm_hour > 23))
    error = "hour out of range";
  if (error == NULL && (tm->tm_min < 0 || tm->tm_min > 59))
    error = "minute out of range";
  if (error == NULL && (tm->tm_sec < 0 || tm->tm_sec > 61))
    error = "seconds out of range";
  if (error == NULL && tm->tm_wday < 0)
    error = "day of week out of range";
  if (tm->tm_yday == -1)
    tm->tm_yday = 0;
  else if (error == NULL && (tm->tm_yday < 0 || tm->tm_yday > 365))
    error = "day of year out of range";
  if (error != NULL)
    hs_err_set_string (vm, &hs_exc_ValueError, error);
  return error == NULL;
}

/* The time tuple argument of strftime and asctime, or the local time now. */
static gboolean
checked_tuple_arg (HsVM *vm, HsObject *o, const char *fname, struct tm *tm)
{
  if (o == NULL)
    return broken_down (vm, NULL, TRUE, tm);
  return time_tuple_arg (vm, o, fname, tm) && check_tm (vm, tm);
}

static HsObject *
t_mktime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t = NULL;
  struct tm tm;
  time_t r;
  if (!hs_parse_args (vm, "time.mktime", args, nargs, kwnames, "!t", &t)
      || !time_tuple_arg (vm, t, "mktime", &tm))
    return NULL;
  tm.tm_wday = -1; /* sentinel: unchanged when mktime fails */
  r = mktime (&tm);
  if (r == (time_t)-1 && tm.tm_wday == -1)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "mktime argument out of range");
      return NULL;
    }
  return hs_float_new (vm, (double)r);
}

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
hs_time_strftime_tm (HsVM *vm, const char *format, const struct tm *tm)
{
  gsize len = strlen (format);
  for (gsize cap = 256 + len * 16;; cap *= 4)
    {
      g_autofree char *buf = g_malloc (cap);
      gsize n = strftime_l (buf, cap, format, tm, c_locale ());
      /* 0 is also a result that is empty: give up growing as CPython does */
      if (n > 0 || len == 0 || cap > 1024 * len + 4096)
        return hs_str_new (vm, buf, n);
    }
}

static HsObject *
t_strftime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *format = NULL, *t = NULL;
  struct tm tm;
  if (!hs_parse_args (vm, "strftime", args, nargs, kwnames, "%format |t /", &format, &t))
    return NULL;
  if (!hs_str_check (format))
    {
      hs_err_format (vm, &hs_exc_TypeError, "strftime() argument 1 must be str, not %s",
                     hs_type_name (format));
      return NULL;
    }
  if (!checked_tuple_arg (vm, t, "strftime", &tm))
    return NULL;
  tm.tm_isdst = CLAMP (tm.tm_isdst, -1, 1);
  return hs_time_strftime_tm (vm, hs_str_utf8 (format), &tm);
}

/* CPython's _asctime: "Thu Jan  1 00:00:00 1970" */
static HsObject *
asctime_of (HsVM *vm, const struct tm *tm)
{
  static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
  static const char months[12][4]
      = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autofree char *s = g_strdup_printf (
      "%s %s%3d %.2d:%.2d:%.2d %" G_GINT64_FORMAT, days[tm->tm_wday], months[tm->tm_mon],
      tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, (gint64)tm->tm_year + 1900);
  return hs_str_from_cstr (vm, s);
}

static HsObject *
t_asctime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *t = NULL;
  struct tm tm;
  if (!hs_parse_args (vm, "asctime", args, nargs, kwnames, "|t /", &t)
      || !checked_tuple_arg (vm, t, "asctime", &tm))
    return NULL;
  return asctime_of (vm, &tm);
}

static HsObject *
t_ctime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *secs = NULL;
  struct tm tm;
  if (!hs_parse_args (vm, "ctime", args, nargs, kwnames, "%|secs /", &secs)
      || !broken_down (vm, secs, TRUE, &tm))
    return NULL;
  return asctime_of (vm, &tm);
}

/* time.strptime: datetime.strptime's parse, as a struct_time (tm_isdst -1) */
static HsObject *
t_strptime (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *string = NULL, *format = NULL, *dt, *r;
  if (!hs_parse_args (vm, "_strptime_time", args, nargs, kwnames, "@data_string |format", &string,
                      &format))
    return NULL;
  HsObject *given[2] = { string, format };
  for (int i = 0; i < 2; i++)
    if (given[i] != NULL && !hs_str_check (given[i]))
      {
        hs_err_format (vm, &hs_exc_TypeError,
                       "strptime() argument %d must be str, not <class '%s'>", i,
                       hs_type_name (given[i]));
        return NULL;
      }
  if (format == NULL)
    format = hs_str_intern_cstr ("%a %b %d %H:%M:%S %Y");
  if ((dt = hs_datetime_strptime (vm, &hs_datetime_type, string, format)) == NULL)
    return NULL;
  const HsDateTime *f = HS_DT (dt);
  gint64 off = 0;
  int aware = hs_tzinfo_offset (vm, f->tzinfo, "utcoffset", dt, &off);
  struct tm tm;
  hs_datetime_to_tm (f, -1, &tm);
  r = aware >= 0 ? hs_time_struct_from_tm (vm, &tm, FALSE) : NULL;
  if (r != NULL && aware > 0)
    {
      HsObject *gmtoff = hs_int_from_i64 (vm, off / G_USEC_PER_SEC);
      if (gmtoff == NULL)
        HS_CLEAR (vm, r);
      else
        hs_tuple_items (r)[10] = gmtoff; /* in place of None, immortal */
    }
  hs_decref (vm, dt);
  return r;
}

static const HsMethodDef time_functions[] = {
  { "time", t_time },
  { "time_ns", t_time_ns },
  { "monotonic", t_monotonic },
  { "monotonic_ns", t_monotonic_ns },
  { "perf_counter", t_perf_counter },
  { "perf_counter_ns", t_perf_counter_ns },
  { "process_time", t_process_time },
  { "process_time_ns", t_process_time_ns },
  { "thread_time", t_thread_time },
  { "thread_time_ns", t_thread_time_ns },
  { "sleep", t_sleep },
  { "get_clock_info", t_get_clock_info },
  { "gmtime", t_gmtime },
  { "localtime", t_localtime },
  { "mktime", t_mktime },
  { "strftime", t_strftime },
  { "strptime", t_strptime },
  { "asctime", t_asctime },
  { "ctime", t_ctime },
  { NULL, NULL },
};

/* ---- the zone ----------------------------------------------------------------------------- */

/* CPython's init_timezone on glibc: the zone's offsets and names in January and July of
 * this year, the larger offset west of UTC being the standard one. */
static int
add_zone (HsVM *vm, HsObject *dict)
{
  const time_t year = (365 * 24 + 6) * 3600;
  time_t t = (time (NULL) / year) * year;
  struct tm jan, jul;
  localtime_r (&t, &jan);
  t += year / 2;
  localtime_r (&t, &jul);
  long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  gboolean south = janzone < julzone; /* daylight saving time in January */
  const struct tm *std = south ? &jul : &jan, *dst = south ? &jan : &jul;
  HsObject *names = hs_tuple_new (vm, 2);
  if (names != NULL)
    {
      hs_tuple_set_take (names, 0, hs_str_from_cstr (vm, std->tm_zone));
      hs_tuple_set_take (names, 1, hs_str_from_cstr (vm, dst->tm_zone));
    }
  if (hs_module_add_take (vm, dict, "timezone", hs_int_from_i64 (vm, -std->tm_gmtoff)) < 0
      || hs_module_add_take (vm, dict, "altzone", hs_int_from_i64 (vm, -dst->tm_gmtoff)) < 0
      || hs_module_add_take (vm, dict, "daylight", hs_int_from_i64 (vm, janzone != julzone)) < 0
      || hs_module_add_take (vm, dict, "tzname", names) < 0)
    return -1;
  return 0;
}

/* time.tzset(): the C library reads TZ again, and the module's timezone, altzone, daylight
 * and tzname follow it, as CPython's. */
static HsObject *
t_tzset (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *module;
  int r;
  if (!hs_parse_args (vm, "tzset", args, nargs, kwnames, ""))
    return NULL;
  if ((module = hs_import_module (vm, "time")) == NULL)
    return NULL;
  tzset ();
  r = add_zone (vm, hs_module_dict (module));
  hs_decref (vm, module);
  return r < 0 ? NULL : hs_None;
}

static const HsMethodDef zone_functions[] = {
  { "tzset", t_tzset },
  { NULL, NULL },
};

int
hs_mod_time_init (HsVM *vm, HsObject *dict)
{
  HsType *st = hs_structseq_new_type (vm, "time", "struct_time", struct_time_fields, 9, TRUE);
  if (st == NULL || hs_module_add_take (vm, dict, "struct_time", &st->header) < 0)
    return -1;
  if (hs_module_add_functions (vm, dict, time_functions) < 0
      || hs_module_add_functions (vm, dict, zone_functions) < 0)
    return -1;
  return add_zone (vm, dict);
}
