/* hs-mod-re.c — the `re` module: compile, match, search, fullmatch, findall, finditer, sub,
 * subn, split, escape, purge, the flags, re.error, Pattern and Match (objects/hs-regex.c,
 * over GLib's PCRE2).
 *
 * Invariant: as CPython's re.py, every function compiles its pattern, then calls the
 * Pattern's method of the same name. There is no cache of compiled patterns (CPython's
 * re._cache would hold patterns and their strs where the diagram cannot show it), so
 * re.compile(p) is not re.compile(p). The flags are plain ints (CPython's are RegexFlag
 * members whose repr names them).
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-regex.h"
#include "hs-str.h"

/* CPython's _compile(pattern, flags): a Pattern (new reference), the pattern itself when it
 * is one, NULL on error. */
static HsObject *
compile_arg (HsVM *vm, HsObject *pattern, HsObject *flags_obj)
{
  gint64 flags = 0;
  if (flags_obj != NULL && (!hs_int_check (flags_obj) || !hs_int_as_i64 (flags_obj, &flags)))
    {
      hs_err_format (vm, &hs_exc_TypeError, "unsupported operand type(s) for &: '%s' and 'int'",
                     hs_type_name (flags_obj));
      return NULL;
    }
  if (!HS_IS (pattern, &hs_pattern_type))
    return hs_pattern_compile (vm, pattern, flags);
  if (flags == 0)
    return hs_incref (pattern);
  hs_err_set_string (vm, &hs_exc_ValueError,
                     "cannot process flags argument with a compiled pattern");
  return NULL;
}

/* re.<name>(pattern, *rest, flags=0) as compile(pattern, flags).<name>(*rest): `spec` names
 * the parameters after pattern, flags last. */
static HsObject *
call_on_pattern (HsVM *vm, const char *name, const char *spec, gsize nrest, HsObject **args,
                 gsize nargs, HsObject *kwnames)
{
  HsObject *vals[5] = { NULL, NULL, NULL, NULL, NULL };
  if (!hs_parse_args (vm, name, args, nargs, kwnames, spec, &vals[0], &vals[1], &vals[2], &vals[3],
                      &vals[4]))
    return NULL;
  HsObject *p = compile_arg (vm, vals[0], vals[nrest + 1]);
  if (p == NULL)
    return NULL;
  HsObject *method = hs_object_getattr_cstr (vm, p, name);
  gsize n = 0;
  while (n < nrest && vals[n + 1] != NULL)
    n++;
  HsObject *r = method != NULL ? hs_object_call (vm, method, vals + 1, n, NULL) : NULL;
  hs_xdecref (vm, method);
  hs_decref (vm, p);
  return r;
}

/* re.<name>: call_on_pattern with the parameters after the pattern (`nrest` of them) */
#define ON_PATTERN(fn, name, spec, nrest)                                                          \
  static HsObject *fn (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)                  \
  {                                                                                                \
    return call_on_pattern (vm, name, spec, nrest, args, nargs, kwnames);                          \
  }

static HsObject *
re_compile (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *pattern = NULL, *flags = NULL;
  if (!hs_parse_args (vm, "compile", args, nargs, kwnames, "@pattern | flags", &pattern, &flags))
    return NULL;
  return compile_arg (vm, pattern, flags);
}

ON_PATTERN (re_match, "match", "@pattern string | flags", 1)
ON_PATTERN (re_search, "search", "@pattern string | flags", 1)
ON_PATTERN (re_fullmatch, "fullmatch", "@pattern string | flags", 1)
ON_PATTERN (re_findall, "findall", "@pattern string | flags", 1)
ON_PATTERN (re_finditer, "finditer", "@pattern string | flags", 1)
ON_PATTERN (re_sub, "sub", "@pattern repl string | count flags", 3)
ON_PATTERN (re_subn, "subn", "@pattern repl string | count flags", 3)
ON_PATTERN (re_split, "split", "@pattern string | maxsplit flags", 2)
/* escape(pattern): a backslash before each of CPython 3.7's special characters */
static HsObject *
re_escape (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *pattern = NULL;
  if (!hs_parse_args (vm, "escape", args, nargs, kwnames, "@pattern", &pattern))
    return NULL;
  if (!hs_str_check (pattern))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not iterable", hs_type_name (pattern));
      return NULL;
    }
  static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  GString *out = g_string_new (NULL);
  const char *s = hs_str_utf8 (pattern);
  for (gsize i = 0; i < hs_str_byte_len (pattern); i++)
    {
      if (s[i] != '\0' && strchr (special, s[i]) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, s[i]);
    }
  return hs_str_from_gstring (vm, out);
}

/* purge(): there is no cache to clear */
static HsObject *
re_purge (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "purge", args, nargs, kwnames, "@"))
    return NULL;
  return hs_incref (hs_None);
}

static const HsMethodDef re_functions[] = {
  { "compile", re_compile }, { "match", re_match },
  { "search", re_search },   { "fullmatch", re_fullmatch },
  { "findall", re_findall }, { "finditer", re_finditer },
  { "sub", re_sub },         { "subn", re_subn },
  { "split", re_split },     { "escape", re_escape },
  { "purge", re_purge },     { NULL, NULL },
};

void
hs_mod_re_runtime_init (void)
{
  hs_regex_runtime_init ();
}

int
hs_mod_re_init (HsVM *vm, HsObject *dict)
{
  static const struct
  {
    const char *name, *alias;
    gint64 value;
  } flags[] = {
    { "NOFLAG", NULL, 0 },
    { "ASCII", "A", HS_RE_ASCII },
    { "IGNORECASE", "I", HS_RE_IGNORECASE },
    { "LOCALE", "L", HS_RE_LOCALE },
    { "MULTILINE", "M", HS_RE_MULTILINE },
    { "DOTALL", "S", HS_RE_DOTALL },
    { "UNICODE", "U", HS_RE_UNICODE },
    { "VERBOSE", "X", HS_RE_VERBOSE },
    { "TEMPLATE", "T", HS_RE_TEMPLATE },
    { "DEBUG", NULL, HS_RE_DEBUG },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (flags); i++)
    if (hs_module_add_take (vm, dict, flags[i].name, hs_int_from_i64 (vm, flags[i].value)) < 0
        || (flags[i].alias != NULL
            && hs_module_add_take (vm, dict, flags[i].alias, hs_int_from_i64 (vm, flags[i].value))
                   < 0))
      return -1;
  if (hs_module_add_take (vm, dict, "error", hs_incref ((HsObject *)&hs_regex_error_type)) < 0
      || hs_module_add_take (vm, dict, "Pattern", hs_incref ((HsObject *)&hs_pattern_type)) < 0
      || hs_module_add_take (vm, dict, "Match", hs_incref ((HsObject *)&hs_match_type)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, re_functions);
}
