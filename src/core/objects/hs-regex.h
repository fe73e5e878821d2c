/* hs-regex.h — re.Pattern and re.Match over GLib's GRegex (PCRE2), see hs-regex.c. */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

extern HsType hs_pattern_type;
extern HsType hs_match_type;
/* re.error (hs-regex-error.c): msg, pattern, pos, lineno and colno, as CPython's */
extern HsType hs_regex_error_type;
/* Raises re.error(msg, pattern, pos) ("msg at position pos"); pos < 0: no pattern nor
 * position. */
void hs_regex_error_set (HsVM *vm, const char *msg, HsObject *pattern, glong pos);

enum
{
  HS_RE_TEMPLATE = 1,
  HS_RE_IGNORECASE = 2,
  HS_RE_LOCALE = 4,
  HS_RE_MULTILINE = 8,
  HS_RE_DOTALL = 16,
  HS_RE_UNICODE = 32,
  HS_RE_VERBOSE = 64,
  HS_RE_DEBUG = 128,
  HS_RE_ASCII = 256,
};

/* re.compile(pattern, flags) without the module's cache: a new Pattern, or NULL with
 * re.error (CPython's message and position) or TypeError. */
HsObject *hs_pattern_compile (HsVM *vm, HsObject *pattern, gint64 flags);

/* What kind of match pattern.match/search/fullmatch asks for. */
typedef enum
{
  HS_RE_SEARCH,
  HS_RE_MATCH,     /* anchored at pos */
  HS_RE_FULLMATCH, /* anchored at pos and at endpos */
} HsReMode;

/* One match of `pat` in `string` between the character positions pos and endpos (clamped
 * as CPython clamps them): a new Match, hs_None when there is none, NULL on error.
 * not_empty_at_pos: an empty match at pos does not count (the search goes on), as after an
 * empty match in finditer/sub/split. */
HsObject *hs_pattern_exec (HsVM *vm, HsObject *pat, HsObject *string, gssize pos, gssize endpos,
                           HsReMode mode, gboolean not_empty_at_pos);

/* Accessors for the module. */
guint hs_pattern_groups (HsObject *pat);
HsObject *hs_pattern_groupindex_borrow (HsObject *pat); /* dict name -> number */
gssize hs_match_start (HsObject *m, guint group);       /* character positions; -1 unmatched */
gssize hs_match_end (HsObject *m, guint group);
/* group `g` of the match: a new str, or `dflt` (new reference) when it did not take part */
HsObject *hs_match_group (HsVM *vm, HsObject *m, guint g, HsObject *dflt);
/* match.endpos: where a scan of the subject ends */
gssize hs_match_endpos (HsObject *m);

/* _sre.SRE_Scanner (hs-regex-scanner.c): Pattern.scanner(string, pos, endpos), clamped */
extern HsType hs_scanner_type;
HsObject *hs_scanner_new (HsVM *vm, HsObject *pattern, HsObject *string, gssize pos, gssize endpos);

/* Pattern's methods (hs-regex-methods.c); the module's functions call them too. */
extern const HsMethodDef hs_pattern_methods[];

void hs_regex_runtime_init (void);

G_END_DECLS
