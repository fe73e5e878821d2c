/* hs-regex-scanner.c — _sre.SRE_Scanner, what Pattern.scanner(string, pos, endpos) makes: a
 * scan of one subject, one match per call of its search() or match(). re.finditer is
 * iter(scanner.search, None) over it, as CPython's, so its matches are found one by one.
 *
 * Invariant: a scanner holds its Pattern and subject; `pos` is where the next call starts
 * and `after_empty` says the last match was empty there (the next may not be empty at the
 * same place, CPython 3.7+'s rule); once a call finds nothing, or the scan passed endpos,
 * every later call returns None.
 */
#include "config.h"

#include "hs-regex.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-object-private.h"
#include "hs-str.h"

typedef struct
{
  HsObject header;
  HsObject *pattern, *string;
  gssize pos, endpos;
  gboolean after_empty, done;
} HsReScanner;

#define SCANNER(o) ((HsReScanner *)(o))

HsType hs_scanner_type;

HsObject *
hs_scanner_new (HsVM *vm, HsObject *pattern, HsObject *string, gssize pos, gssize endpos)
{
  HsReScanner *sc = (HsReScanner *)hs_object_alloc (vm, &hs_scanner_type, sizeof (HsReScanner));
  if (sc == NULL)
    return NULL;
  sc->pattern = hs_incref (pattern);
  sc->string = hs_incref (string);
  sc->pos = pos;
  sc->endpos = endpos;
  hs_gc_track (vm, &sc->header);
  return &sc->header;
}

static void
scanner_clear (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, SCANNER (self)->pattern);
  HS_CLEAR (vm, SCANNER (self)->string);
}

static void
scanner_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (SCANNER (self)->pattern != NULL)
    hs_visit_named (visit, SCANNER (self)->pattern, HS_REF_ATTR, "pattern", data);
  if (SCANNER (self)->string != NULL)
    hs_visit_named (visit, SCANNER (self)->string, HS_REF_ATTR, "string", data);
}

/* The next match from where the scan stands (None when there is none), moving past it. */
static HsObject *
scan (HsVM *vm, const char *fname, HsObject **args, gsize nargs, HsObject *kwnames, HsReMode mode)
{
  HsReScanner *sc = SCANNER (args[0]);
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (sc->done || sc->pattern == NULL)
    return hs_incref (hs_None);
  HsObject *m
      = hs_pattern_exec (vm, sc->pattern, sc->string, sc->pos, sc->endpos, mode, sc->after_empty);
  if (m == hs_None)
    sc->done = TRUE;
  else if (m != NULL)
    {
      gssize s = hs_match_start (m, 0), e = hs_match_end (m, 0);
      sc->after_empty = s == e;
      sc->pos = e;
      sc->done = e > hs_match_endpos (m);
    }
  return m;
}

static HsObject *
scanner_search (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return scan (vm, "search", args, nargs, kwnames, HS_RE_SEARCH);
}

static HsObject *
scanner_match (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return scan (vm, "match", args, nargs, kwnames, HS_RE_MATCH);
}

static HsObject *
scanner_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "pattern") && SCANNER (self)->pattern != NULL)
    return hs_incref (SCANNER (self)->pattern);
  return hs_object_generic_getattr (vm, self, name);
}

static const HsMethodDef scanner_methods[] = {
  { "match", scanner_match },
  { "search", scanner_search },
  { NULL, NULL },
};

HsType hs_scanner_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "SRE_Scanner",
  .module = "_sre",
  .tp_name = "_sre.SRE_Scanner",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC,
  .basicsize = sizeof (HsReScanner),
  .dealloc = scanner_clear,
  .refs = scanner_refs,
  .clear = scanner_clear,
  .getattr = scanner_getattr,
  .methods = scanner_methods,
};
