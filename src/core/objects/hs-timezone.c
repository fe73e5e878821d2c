/* hs-timezone.c — datetime's tzinfo (the abstract base of a learner's time zone class) and
 * timezone (a fixed offset from UTC with an optional name), as CPython's _datetime.
 *
 * Invariant: a timezone holds its offset, a timedelta strictly between -24 and 24 hours, and
 * its name (a str, or NULL: str() makes one from the offset); timezone(timedelta(0)) is the
 * one timezone.utc. The calls of a tzinfo's utcoffset, dst and tzname go through
 * hs_tzinfo_offset and hs_tzinfo_name, which check their results with CPython's errors, so
 * the datetime types only ever see a valid offset or None.
 */
#include "config.h"

#include "hs-datetime.h"

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"

typedef struct
{
  HsObject header;
  HsObject *offset; /* a timedelta */
  HsObject *name;   /* a str, or NULL */
} HsTimezone;

#define TZ(o) ((HsTimezone *)(o))
#define US_PER_DAY (G_GINT64_CONSTANT (86400000000))

HsObject *hs_timezone_utc;

static const char range_message[]
    = "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)";

/* ---- calling a tzinfo's methods ------------------------------------------------------- */

gboolean
hs_tzinfo_check_arg (HsVM *vm, HsObject *tz)
{
  if (tz == hs_None || HS_ISINSTANCE (tz, &hs_tzinfo_type))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError,
                 "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
                 hs_type_name (tz));
  return FALSE;
}

static HsObject *
call_tz_method (HsVM *vm, HsObject *tzinfo, const char *method, HsObject *arg)
{
  HsObject *fn = hs_object_getattr_cstr (vm, tzinfo, method);
  if (fn == NULL)
    return NULL;
  HsObject *r = hs_object_call (vm, fn, &arg, 1, NULL);
  hs_decref (vm, fn);
  return r;
}

HsObject *
hs_tzinfo_call_offset (HsVM *vm, HsObject *tzinfo, const char *method, HsObject *arg)
{
  if (tzinfo == NULL || tzinfo == hs_None)
    return hs_incref (hs_None);
  if (HS_IS (tzinfo, &hs_timezone_type) && strcmp (method, "utcoffset") == 0)
    return hs_incref (TZ (tzinfo)->offset);
  HsObject *r = call_tz_method (vm, tzinfo, method, arg);
  if (r == NULL || r == hs_None)
    return r;
  gint64 us;
  if (!HS_ISINSTANCE (r, &hs_timedelta_type))
    hs_err_format (vm, &hs_exc_TypeError, "tzinfo.%s() must return None or timedelta, not '%s'",
                   method, hs_type_name (r));
  else if ((us = hs_timedelta_us (r)) <= -US_PER_DAY || us >= US_PER_DAY)
    hs_err_format (vm, &hs_exc_ValueError, "%s.", range_message);
  else
    return r;
  hs_decref (vm, r);
  return NULL;
}

int
hs_tzinfo_offset (HsVM *vm, HsObject *tzinfo, const char *method, HsObject *arg, gint64 *us)
{
  HsObject *r = hs_tzinfo_call_offset (vm, tzinfo, method, arg);
  if (r == NULL)
    return -1;
  int aware = r != hs_None;
  if (aware)
    *us = hs_timedelta_us (r);
  hs_decref (vm, r);
  return aware;
}

HsObject *
hs_tzinfo_name (HsVM *vm, HsObject *tzinfo, HsObject *arg)
{
  if (tzinfo == NULL || tzinfo == hs_None)
    return hs_incref (hs_None);
  HsObject *r = call_tz_method (vm, tzinfo, "tzname", arg);
  if (r != NULL && r != hs_None && !hs_str_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "tzinfo.tzname() must return None or a string, not '%s'", hs_type_name (r));
      HS_CLEAR (vm, r);
    }
  return r;
}

void
hs_datetime_append_offset (GString *s, gint64 us, const char *sep)
{
  char sign = us < 0 ? '-' : '+';
  us = us < 0 ? -us : us;
  gint64 secs = us / 1000000;
  g_string_append_printf (s, "%c%02d%s%02d", sign, (int)(secs / 3600), sep, (int)(secs / 60 % 60));
  if (us % 1000000 != 0 || secs % 60 != 0)
    g_string_append_printf (s, "%s%02d", sep, (int)(secs % 60));
  if (us % 1000000 != 0)
    g_string_append_printf (s, ".%06d", (int)(us % 1000000));
}

/* ---- tzinfo ---------------------------------------------------------------------------- */

static HsObject *
tzinfo_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  (void)args, (void)nargs, (void)kwnames;
  HsObject *o = hs_object_alloc (vm, type, type->basicsize);
  if (o != NULL)
    hs_incref ((HsObject *)type);
  return o;
}

/* utcoffset, dst and tzname of the base: a subclass must write them */
static HsObject *
must_implement (HsVM *vm, const char *fname, const char *method, HsObject **args, gsize nargs,
                HsObject *kwnames)
{
  HsObject *dt = NULL;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "!dt", &dt))
    return NULL;
  hs_err_format (vm, &hs_exc_NotImplementedError, "a tzinfo subclass must implement %s()", method);
  return NULL;
}

static HsObject *
tzinfo_utcoffset (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return must_implement (vm, "tzinfo.utcoffset", "utcoffset", args, nargs, kwnames);
}

static HsObject *
tzinfo_dst (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return must_implement (vm, "tzinfo.dst", "dst", args, nargs, kwnames);
}

static HsObject *
tzinfo_tzname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return must_implement (vm, "tzinfo.tzname", "tzname", args, nargs, kwnames);
}

/* The datetime argument of fromutc whose tzinfo is self, or NULL with CPython's error. */
static HsObject *
fromutc_arg (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *dt = NULL;
  if (!hs_parse_args (vm,
                      HS_IS (args[0], &hs_timezone_type) ? "timezone.fromutc" : "tzinfo.fromutc",
                      args + 1, nargs - 1, kwnames, "!dt", &dt))
    return NULL;
  if (!HS_ISINSTANCE (dt, &hs_datetime_type))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "fromutc: argument must be a datetime");
      return NULL;
    }
  if (HS_DT (dt)->tzinfo != args[0])
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "fromutc: dt.tzinfo is not self");
      return NULL;
    }
  return dt;
}

/* CPython's tzinfo.fromutc: the standard offset, then the daylight saving time at the result. */
static HsObject *
tzinfo_fromutc (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *dt = fromutc_arg (vm, args, nargs, kwnames);
  gint64 off, dst;
  int k;
  if (dt == NULL || (k = hs_tzinfo_offset (vm, args[0], "utcoffset", dt, &off)) < 0)
    return NULL;
  if (k == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "fromutc: non-None utcoffset() result required");
      return NULL;
    }
  if ((k = hs_tzinfo_offset (vm, args[0], "dst", dt, &dst)) <= 0)
    {
      if (k == 0)
        hs_err_set_string (vm, &hs_exc_ValueError, "fromutc: non-None dst() result required");
      return NULL;
    }
  HsObject *r = hs_datetime_add_us (vm, dt, off - dst);
  if (r == NULL || (k = hs_tzinfo_offset (vm, args[0], "dst", r, &dst)) <= 0)
    {
      if (r != NULL && k == 0)
        hs_err_set_string (vm, &hs_exc_ValueError,
                           "fromutc: tz.dst() gave inconsistent results; cannot convert");
      hs_xdecref (vm, r);
      return NULL;
    }
  if (dst == 0)
    return r;
  HsObject *moved = hs_datetime_add_us (vm, r, dst);
  hs_decref (vm, r);
  return moved;
}

static const HsMethodDef tzinfo_methods[] = {
  { "utcoffset", tzinfo_utcoffset }, { "dst", tzinfo_dst }, { "tzname", tzinfo_tzname },
  { "fromutc", tzinfo_fromutc },     { NULL, NULL },
};

HsType hs_tzinfo_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "tzinfo",
  .module = "datetime",
  .tp_name = "datetime.tzinfo",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsObject),
  .construct = tzinfo_construct,
  .methods = tzinfo_methods,
};

/* ---- timezone -------------------------------------------------------------------------- */

static HsObject *
timezone_alloc (HsVM *vm, HsObject *offset, HsObject *name)
{
  HsTimezone *tz = (HsTimezone *)hs_object_alloc (vm, &hs_timezone_type, sizeof (HsTimezone));
  if (tz == NULL)
    return NULL;
  tz->offset = hs_incref (offset);
  tz->name = name != NULL ? hs_incref (name) : NULL;
  return &tz->header;
}

HsObject *
hs_timezone_new (HsVM *vm, HsObject *offset, HsObject *name)
{
  gint64 us = hs_timedelta_us (offset);
  if (name == NULL && us == 0)
    return hs_incref (hs_timezone_utc);
  if (us <= -US_PER_DAY || us >= US_PER_DAY)
    {
      HsObject *r = hs_object_repr (vm, offset);
      if (r != NULL)
        hs_err_format (vm, &hs_exc_ValueError, "%s, not %s.", range_message, hs_str_utf8 (r));
      hs_xdecref (vm, r);
      return NULL;
    }
  return timezone_alloc (vm, offset, name);
}

HsObject *
hs_timezone_from_us (HsVM *vm, gint64 us, HsObject *name)
{
  HsObject *td = hs_timedelta_from_us (vm, us);
  HsObject *tz = td != NULL ? hs_timezone_new (vm, td, name) : NULL;
  hs_xdecref (vm, td);
  return tz;
}

static HsObject *
timezone_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *offset = NULL, *name = NULL;
  (void)type;
  if (!hs_parse_args (vm, "timezone", args, nargs, kwnames, "offset | name", &offset, &name))
    return NULL;
  if (!HS_ISINSTANCE (offset, &hs_timedelta_type) || (name != NULL && !hs_str_check (name)))
    {
      gboolean first = !HS_ISINSTANCE (offset, &hs_timedelta_type);
      hs_err_format (vm, &hs_exc_TypeError, "timezone() argument %d must be %s, not %s",
                     first ? 1 : 2, first ? "datetime.timedelta" : "str",
                     hs_type_name (first ? offset : name));
      return NULL;
    }
  return hs_timezone_new (vm, offset, name);
}

static void
timezone_dealloc (HsVM *vm, HsObject *self)
{
  hs_decref (vm, TZ (self)->offset);
  hs_xdecref (vm, TZ (self)->name);
}

static void
timezone_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  hs_visit_named (visit, TZ (self)->offset, HS_REF_ATTR, "offset", data);
  if (TZ (self)->name != NULL)
    hs_visit_named (visit, TZ (self)->name, HS_REF_ATTR, "name", data);
}

static HsObject *
timezone_str (HsVM *vm, HsObject *self)
{
  gint64 us = hs_timedelta_us (TZ (self)->offset);
  if (TZ (self)->name != NULL)
    return hs_incref (TZ (self)->name);
  if (us == 0)
    return hs_str_intern_cstr ("UTC");
  GString *s = g_string_new ("UTC");
  hs_datetime_append_offset (s, us, ":");
  return hs_str_from_gstring (vm, s);
}

static HsObject *
timezone_repr (HsVM *vm, HsObject *self)
{
  if (self == hs_timezone_utc)
    return hs_str_intern_cstr ("datetime.timezone.utc");
  HsObject *off = hs_object_repr (vm, TZ (self)->offset);
  HsObject *name
      = off != NULL && TZ (self)->name != NULL ? hs_object_repr (vm, TZ (self)->name) : NULL;
  HsObject *r = NULL;
  if (off != NULL && (name != NULL || TZ (self)->name == NULL))
    r = hs_str_from_format (vm, "datetime.timezone(%s%s%s)", hs_str_utf8 (off),
                            name != NULL ? ", " : "", name != NULL ? hs_str_utf8 (name) : "");
  hs_xdecref (vm, off);
  hs_xdecref (vm, name);
  return r;
}

static int
timezone_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  return hs_object_hash (vm, TZ (self)->offset, out);
}

static HsObject *
timezone_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  if ((op != HS_CMP_EQ && op != HS_CMP_NE) || !HS_IS (b, &hs_timezone_type))
    return hs_incref (hs_NotImplemented);
  return hs_object_richcompare (vm, TZ (a)->offset, TZ (b)->offset, op);
}

/* The dt argument of utcoffset, dst and tzname: a datetime or None. */
static gboolean
timezone_arg (HsVM *vm, const char *fname, const char *method, HsObject **args, gsize nargs,
              HsObject *kwnames)
{
  HsObject *dt = NULL;
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "!dt", &dt))
    return FALSE;
  if (dt == hs_None || HS_ISINSTANCE (dt, &hs_datetime_type))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError,
                 "%s(dt) argument must be a datetime instance or None, not %s", method,
                 hs_type_name (dt));
  return FALSE;
}

static HsObject *
timezone_utcoffset (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!timezone_arg (vm, "timezone.utcoffset", "utcoffset", args, nargs, kwnames))
    return NULL;
  return hs_incref (TZ (args[0])->offset);
}

static HsObject *
timezone_dst (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!timezone_arg (vm, "timezone.dst", "dst", args, nargs, kwnames))
    return NULL;
  return hs_incref (hs_None);
}

static HsObject *
timezone_tzname (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!timezone_arg (vm, "timezone.tzname", "tzname", args, nargs, kwnames))
    return NULL;
  return timezone_str (vm, args[0]);
}

static HsObject *
timezone_fromutc (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *dt = fromutc_arg (vm, args, nargs, kwnames);
  return dt != NULL ? hs_datetime_add_us (vm, dt, hs_timedelta_us (TZ (args[0])->offset)) : NULL;
}

/* timezone.__getinitargs__(): (offset,) or (offset, name), what pickling rebuilds it from */
static HsObject *
timezone_getinitargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__getinitargs__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsTimezone *tz = TZ (args[0]);
  return tz->name != NULL ? hs_tuple_pack (vm, 2, tz->offset, tz->name)
                          : hs_tuple_pack (vm, 1, tz->offset);
}

static const HsMethodDef timezone_methods[] = {
  { "utcoffset", timezone_utcoffset },
  { "dst", timezone_dst },
  { "tzname", timezone_tzname },
  { "fromutc", timezone_fromutc },
  { "__getinitargs__", timezone_getinitargs },
  { NULL, NULL },
};

HsType hs_timezone_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "timezone",
  .module = "datetime",
  .tp_name = "datetime.timezone",
  .base = &hs_tzinfo_type,
  .type_flags = HS_TYPE_DRAWN_WITH_TEXT,
  .basicsize = sizeof (HsTimezone),
  .dealloc = timezone_dealloc,
  .refs = timezone_refs,
  .repr = timezone_repr,
  .str = timezone_str,
  .hash = timezone_hash,
  .richcompare = timezone_richcompare,
  .construct = timezone_construct,
  .methods = timezone_methods,
};

/* An immortal timezone of whole minutes (utc, min and max). */
static HsObject *
immortal_timezone (gint64 minutes)
{
  HsObject *td = hs_timedelta_from_us (NULL, minutes * 60000000);
  return timezone_alloc (NULL, td, NULL);
}

void
hs_timezone_runtime_init (void)
{
  hs_type_ready (&hs_tzinfo_type);
  hs_type_ready (&hs_timezone_type);
  hs_timezone_utc = immortal_timezone (0);
  hs_dict_set_item (NULL, hs_timezone_type.dict, hs_str_intern_cstr ("utc"), hs_timezone_utc);
  hs_dict_set_item (NULL, hs_timezone_type.dict, hs_str_intern_cstr ("min"),
                    immortal_timezone (-(23 * 60 + 59)));
  hs_dict_set_item (NULL, hs_timezone_type.dict, hs_str_intern_cstr ("max"),
                    immortal_timezone (23 * 60 + 59));
}
