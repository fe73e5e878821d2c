/* hs-datetime.h — the types of the `datetime` module: timedelta, date, time and datetime
 * (hs-datetime.c), tzinfo and timezone (hs-timezone.c), as CPython's _datetime holds them.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  gint64 days;    /* -999999999 ..= 999999999 */
  gint32 seconds; /* 0 ..< 86400 */
  gint32 us;      /* 0 ..< 1000000 */
} HsTimedelta;

/* date, time and datetime: the fields their type has (a date's time fields are 0). */
typedef struct
{
  HsObject header;
  gint32 year, month, day;
  gint32 hour, minute, second, us;
  gint32 fold;
  HsObject *tzinfo; /* a time's or datetime's tzinfo (a reference), NULL when naive */
} HsDateTime;

#define HS_DT(o) ((HsDateTime *)(o))
#define HS_TD(o) ((HsTimedelta *)(o))

extern HsType hs_timedelta_type;
extern HsType hs_date_type;
extern HsType hs_time_type;
extern HsType hs_datetime_type;
extern HsType hs_tzinfo_type;
extern HsType hs_timezone_type;
extern HsObject *hs_timezone_utc; /* timezone.utc, immortal */

void hs_datetime_runtime_init (void);
void hs_timezone_runtime_init (void);

/* A timedelta of `us` microseconds (vm NULL: immortal), and a timedelta's microseconds
 * (clamped to gint64's range). */
HsObject *hs_timedelta_from_us (HsVM *vm, gint64 us);
gint64 hs_timedelta_us (HsObject *td);
/* dt moved by `us` microseconds, keeping its tzinfo (OverflowError out of range). */
HsObject *hs_datetime_add_us (HsVM *vm, HsObject *dt, gint64 us);

/* ---- time zones (hs-timezone.c) ---- */

/* Whether tz is None or a tzinfo, else FALSE with CPython's TypeError. */
gboolean hs_tzinfo_check_arg (HsVM *vm, HsObject *tz);
/* tzinfo.<method>(arg) for "utcoffset" or "dst", checked as CPython's call_tzinfo_method:
 * the timedelta it gave or None (also when tzinfo is NULL or None), NULL on an error. */
HsObject *hs_tzinfo_call_offset (HsVM *vm, HsObject *tzinfo, const char *method, HsObject *arg);
/* The same as a number: 1 with *us set, 0 for None, -1 on an error. */
int hs_tzinfo_offset (HsVM *vm, HsObject *tzinfo, const char *method, HsObject *arg, gint64 *us);
/* tzinfo.tzname(arg) checked: a str or None (new reference), NULL on an error. */
HsObject *hs_tzinfo_name (HsVM *vm, HsObject *tzinfo, HsObject *arg);
/* timezone(offset, name) (name may be NULL) with CPython's range check; timezone.utc for a
 * zero offset without a name. */
HsObject *hs_timezone_new (HsVM *vm, HsObject *offset, HsObject *name);
HsObject *hs_timezone_from_us (HsVM *vm, gint64 us, HsObject *name);
/* Appends an offset as isoformat ("+05:30", sep ":") and %z ("+0530", sep "") write it:
 * seconds and microseconds only when not zero. */
void hs_datetime_append_offset (GString *s, gint64 us, const char *sep);

/* The built-in type (timedelta, date, datetime, time) whose value an object of type t holds:
 * t itself, or a class's built-in base (class Birthday(date)). */
const HsType *hs_datetime_kind (const HsType *t);
#define IS_KIND(o, t) (hs_datetime_kind (HS_TYPE (o)) == (t))

/* A new object of `type` (date, time or datetime, or a class derived from one) from fields
 * already checked, made directly (CPython's date_new, replace()). */
HsObject *hs_datetime_new (HsVM *vm, const HsType *type, const HsDateTime *fields);

/* What CPython's new_date_subclass_ex and new_datetime/time_subclass_fold_ex give: the
 * object made directly for a built-in type, for a class what calling it with the fields as
 * positional arguments returns (fold=1 by keyword when set). A date passes its 3 fields, a
 * time its 4 and its tzinfo; a datetime its 7 and its tzinfo, or only its 3 date fields for
 * `args` HS_DT_ARGS_DATE (date's class methods), or no naive tzinfo for HS_DT_ARGS_OPT_TZ
 * (strptime). */
typedef enum
{
  HS_DT_ARGS_ALL,
  HS_DT_ARGS_DATE,
  HS_DT_ARGS_OPT_TZ,
} HsDtArgs;
HsObject *hs_datetime_new_by_class (HsVM *vm, const HsType *type, const HsDateTime *fields,
                                    HsDtArgs args);
/* A new object of the class `type` (derived from v's built-in type) holding v's value
 * (date.__new__(B, ...) after date(...)). */
HsObject *hs_datetime_retype (HsVM *vm, HsType *type, HsObject *v);
/* The fields a date's, datetime's or time's constructor reads from CPython's pickled state
 * (its bytes, and a tzinfo), FALSE when the arguments are not such a state. */
gboolean hs_datetime_from_state (const HsType *kind, HsObject **args, gsize nargs,
                                 HsObject *kwnames, HsDateTime *f);
/* __reduce__() and __reduce_ex__(protocol): (type(self), its state). */
HsObject *hs_datetime_reduce (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_datetime_reduce_ex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* Checks a date and time's fields with CPython's ValueErrors ("month must be in 1..12"). */
gboolean hs_datetime_check_fields (HsVM *vm, const HsDateTime *f, gboolean date, gboolean time);
struct tm;
/* The C library's broken-down time of f's date and time fields. */
void hs_datetime_to_tm (const HsDateTime *f, int isdst, struct tm *tm);
/* 1 for Monday .. 7 for Sunday, day of the year, days in the month. */
int hs_datetime_isoweekday (const HsDateTime *f);
int hs_datetime_yday (const HsDateTime *f);
int hs_datetime_days_in_month (int year, int month);
/* A date's ordinal (1 for 0001-01-01), and the date of ordinal n into f (FALSE with
 * CPython's fromordinal ValueError). */
gint64 hs_datetime_ordinal (const HsDateTime *f);
gboolean hs_datetime_from_ordinal (HsVM *vm, gint64 n, HsDateTime *f);
/* Sets f's date to day `day` of ISO week `week` of `year`, or FALSE with CPython's ValueError. */
gboolean hs_datetime_set_isoweek (HsVM *vm, int year, int week, int day, HsDateTime *f);

/* Implemented in modules/hs-mod-datetime.c: strftime of the object's fields, the `format`
 * of a datetime.strptime, and the ISO parsers of the fromisoformat class methods. */
HsObject *hs_datetime_strftime (HsVM *vm, HsObject *self, HsObject *format);
HsObject *hs_datetime_strptime (HsVM *vm, const HsType *type, HsObject *string, HsObject *format);
HsObject *hs_datetime_fromisoformat (HsVM *vm, const HsType *type, HsObject *string);

G_END_DECLS
