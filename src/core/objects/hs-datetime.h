/* hs-datetime.h — the types of the `datetime` module: timedelta, date, time and datetime
 * (naive: no tzinfo), as CPython's _datetime holds them (see hs-datetime.c).
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
} HsDateTime;

#define HS_DT(o) ((HsDateTime *)(o))
#define HS_TD(o) ((HsTimedelta *)(o))

extern HsType hs_timedelta_type;
extern HsType hs_date_type;
extern HsType hs_time_type;
extern HsType hs_datetime_type;

void hs_datetime_runtime_init (void);

/* A new object of `type` (date, time or datetime) from fields already checked. */
HsObject *hs_datetime_new (HsVM *vm, const HsType *type, const HsDateTime *fields);
/* Checks a date and time's fields with CPython's ValueErrors ("month must be in 1..12"). */
gboolean hs_datetime_check_fields (HsVM *vm, const HsDateTime *f, gboolean date, gboolean time);
/* 1 for Monday .. 7 for Sunday, day of the year, days in the month. */
int hs_datetime_isoweekday (const HsDateTime *f);
int hs_datetime_yday (const HsDateTime *f);
int hs_datetime_days_in_month (int year, int month);
/* Sets f's date to day `day` of ISO week `week` of `year`, or FALSE with CPython's ValueError. */
gboolean hs_datetime_set_isoweek (HsVM *vm, int year, int week, int day, HsDateTime *f);

/* Implemented in modules/hs-mod-datetime.c: strftime of the object's fields, the `format`
 * of a datetime.strptime, and the ISO parsers of the fromisoformat class methods. */
HsObject *hs_datetime_strftime (HsVM *vm, HsObject *self, HsObject *format);
HsObject *hs_datetime_strptime (HsVM *vm, HsObject *string, HsObject *format);
HsObject *hs_datetime_fromisoformat (HsVM *vm, const HsType *type, HsObject *string);

G_END_DECLS
