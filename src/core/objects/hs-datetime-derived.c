/* hs-datetime-derived.c — classes derived from timedelta, date, datetime and time (class
 * Birthday(date)), and the state their __reduce__ gives (what copy uses), as CPython's
 * _datetime.
 *
 * Invariant: an instance of such a class is the built-in's struct followed by its
 * attribute table (hs-builtin-subclass.h); every C function of the built-in reads it
 * through HS_DT/HS_TD and asks hs_datetime_kind, never the exact type. What CPython makes
 * with the class's own constructor (arithmetic, the class methods) calls the class; what
 * it makes directly (replace(), __new__) does not.
 */
#include "config.h"

#include "hs-datetime.h"

#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-class.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-str.h"
#include "hs-tuple.h"

const HsType *
hs_datetime_kind (const HsType *t)
{
  return (t->type_flags & HS_TYPE_HEAP) ? HS_CLASS (t)->static_base : t;
}

HsObject *
hs_datetime_new_by_class (HsVM *vm, const HsType *type, const HsDateTime *f, HsDtArgs how)
{
  if (!(type->type_flags & HS_TYPE_HEAP))
    return hs_datetime_new (vm, type, f);
  const HsType *kind = hs_datetime_kind (type);
  gint32 fields[] = { f->year, f->month, f->day, f->hour, f->minute, f->second, f->us };
  gsize first = kind == &hs_time_type ? 3 : 0;
  gsize last = kind == &hs_date_type || how == HS_DT_ARGS_DATE ? 3 : 7;
  gboolean tz = last == 7 && (how == HS_DT_ARGS_ALL || f->tzinfo != NULL);
  gboolean fold = last == 7 && f->fold;
  HsObject *args[9];
  gsize n = 0;
  for (gsize i = first; i < last; i++)
    args[n++] = hs_int_from_i64 (vm, fields[i]);
  if (tz)
    args[n++] = hs_incref (f->tzinfo != NULL ? f->tzinfo : hs_None);
  if (fold)
    args[n++] = hs_int_from_i64 (vm, 1);
  HsObject *kwnames = fold ? hs_tuple_pack (vm, 1, hs_str_intern_cstr ("fold")) : NULL;
  HsObject *r = NULL;
  gboolean ok = !fold || kwnames != NULL;
  for (gsize i = 0; i < n; i++)
    ok = ok && args[i] != NULL;
  if (ok)
    r = hs_object_call (vm, (HsObject *)type, args, n - fold, kwnames);
  for (gsize i = 0; i < n; i++)
    hs_xdecref (vm, args[i]);
  hs_xdecref (vm, kwnames);
  return r;
}

HsObject *
hs_datetime_retype (HsVM *vm, HsType *type, HsObject *v)
{
  if (hs_datetime_kind (type) != &hs_timedelta_type)
    return hs_datetime_new (vm, type, HS_DT (v));
  HsTimedelta *td = (HsTimedelta *)hs_object_alloc (vm, type, type->basicsize);
  if (td == NULL)
    return NULL;
  hs_incref ((HsObject *)type);
  td->days = HS_TD (v)->days, td->seconds = HS_TD (v)->seconds, td->us = HS_TD (v)->us;
  hs_gc_track (vm, &td->header);
  return &td->header;
}

/* ---- the pickled state: CPython's date_getstate and its kin ------------------------------- */

/* The bytes of a date (4), datetime (10) or time (6), the month's or hour's high bit the
 * fold when `fold` (protocol 4) says so. */
static gsize
state_bytes (const HsObject *o, gboolean fold, guchar *b)
{
  const HsType *kind = hs_datetime_kind (o->type);
  const HsDateTime *f = HS_DT (o);
  gsize n = 0;
  if (kind != &hs_time_type)
    {
      b[n++] = (guchar)(f->year >> 8), b[n++] = (guchar)(f->year & 0xff);
      b[n++] = (guchar)(f->month | (fold && f->fold && kind == &hs_datetime_type ? 128 : 0));
      b[n++] = (guchar)f->day;
    }
  if (kind == &hs_date_type)
    return n;
  b[n++] = (guchar)(f->hour | (fold && f->fold && kind == &hs_time_type ? 128 : 0));
  b[n++] = (guchar)f->minute, b[n++] = (guchar)f->second;
  b[n++] = (guchar)(f->us >> 16), b[n++] = (guchar)((f->us >> 8) & 0xff);
  b[n++] = (guchar)(f->us & 0xff);
  return n;
}

gboolean
hs_datetime_from_state (const HsType *kind, HsObject **args, gsize nargs, HsObject *kwnames,
                        HsDateTime *f)
{
  gsize want = kind == &hs_date_type ? 4 : kind == &hs_time_type ? 6 : 10;
  if (nargs < 1 || nargs > (kind == &hs_date_type ? 1u : 2u)
      || (kwnames != NULL && hs_tuple_len (kwnames) > 0) || !HS_IS (args[0], &hs_bytes_type)
      || HS_BYTES (args[0])->len != want)
    return FALSE;
  const guchar *b = (const guchar *)HS_BYTES (args[0])->data;
  gsize n = 0;
  if (kind != &hs_time_type)
    {
      if ((b[2] & 0x7f) < 1 || (b[2] & 0x7f) > 12)
        return FALSE;
      f->year = b[0] << 8 | b[1], f->month = b[2] & 0x7f, f->day = b[3];
      f->fold = b[2] >> 7;
      n = 4;
    }
  if (kind == &hs_date_type)
    return TRUE;
  if ((b[n] & 0x7f) >= 24)
    return FALSE;
  f->hour = b[n] & 0x7f, f->minute = b[n + 1], f->second = b[n + 2];
  f->us = b[n + 3] << 16 | b[n + 4] << 8 | b[n + 5];
  if (kind == &hs_time_type)
    f->fold = b[n] >> 7;
  f->tzinfo = nargs == 2 ? args[1] : NULL;
  return TRUE;
}

/* (type(self), state args): a timedelta's (days, seconds, microseconds), the others' bytes
 * and an aware one's tzinfo. */
static HsObject *
reduce (HsVM *vm, HsObject *self, gboolean fold)
{
  HsObject *state;
  if (IS_KIND (self, &hs_timedelta_type))
    {
      HsObject *d = hs_int_from_i64 (vm, HS_TD (self)->days),
               *s = hs_int_from_i64 (vm, HS_TD (self)->seconds),
               *u = hs_int_from_i64 (vm, HS_TD (self)->us);
      state = d && s && u ? hs_tuple_pack (vm, 3, d, s, u) : NULL;
      hs_xdecref (vm, d), hs_xdecref (vm, s), hs_xdecref (vm, u);
    }
  else
    {
      guchar b[10];
      gsize n = state_bytes (self, fold, b);
      HsObject *bytes = hs_bytes_new (vm, (const char *)b, n);
      HsObject *tz = IS_KIND (self, &hs_date_type) ? NULL : HS_DT (self)->tzinfo;
      state = bytes == NULL ? NULL
              : tz != NULL  ? hs_tuple_pack (vm, 2, bytes, tz)
                            : hs_tuple_pack (vm, 1, bytes);
      hs_xdecref (vm, bytes);
    }
  HsObject *r = state != NULL ? hs_tuple_pack (vm, 2, (HsObject *)self->type, state) : NULL;
  hs_xdecref (vm, state);
  return r;
}

HsObject *
hs_datetime_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__reduce__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return reduce (vm, args[0], FALSE);
}

HsObject *
hs_datetime_reduce_ex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  gint32 proto = 0;
  HsObject *p = NULL;
  if (!hs_parse_args (vm, "__reduce_ex__", args + 1, nargs - 1, kwnames, "!protocol /", &p)
      || !hs_int_arg_c_int (vm, p, &proto))
    return NULL;
  return reduce (vm, args[0], proto > 3);
}
