/* hs-mod-re.c — the `re` module: compile, match, search, fullmatch, findall, finditer, sub,
 * subn, split, escape, purge, the flags, re.error, Pattern and Match (objects/hs-regex.c,
 * over GLib's PCRE2).
 *
 * Invariant: as CPython's re.py, every function compiles its pattern, then calls the
 * Pattern's method of the same name. The flags are members of re.RegexFlag, an IntFlag the
 * enum module makes when re is imported, written as CPython's global_flag_repr writes them
 * ("re.IGNORECASE|re.MULTILINE").
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-format.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-regex.h"
#include "hs-str.h"
#include "hs-tuple.h"

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

/* ---- RegexFlag ---------------------------------------------------------------------- */

/* CPython's enum.global_flag_repr for RegexFlag ("re.IGNORECASE|re.MULTILINE", unknown bits
 * in hex as its _numeric_repr_, "re.RegexFlag(1024)" without a name); its str too. */
static HsObject *
flag_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "__repr__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  HsObject *name = hs_object_getattr_cstr (vm, args[0], "_name_");
  HsObject *value = name != NULL ? hs_object_getattr_cstr (vm, args[0], "_value_") : NULL;
  HsObject *r = NULL;
  if (value != NULL && !hs_str_check (name))
    {
      HsObject *v = hs_object_repr (vm, value);
      r = v != NULL ? hs_str_from_format (vm, "re.RegexFlag(%s)", hs_str_utf8 (v)) : NULL;
      hs_xdecref (vm, v);
    }
  else if (value != NULL)
    {
      GString *s = g_string_new (NULL);
      gchar **parts = g_strsplit (hs_str_utf8 (name), "|", -1);
      for (gchar **p = parts; *p != NULL; p++)
        {
          if (p != parts)
            g_string_append_c (s, '|');
          if (g_ascii_isdigit (**p))
            g_string_append_printf (s, "0x%" G_GINT64_MODIFIER "x", g_ascii_strtoll (*p, NULL, 10));
          else
            g_string_append_printf (s, "re.%s", *p);
        }
      g_strfreev (parts);
      r = hs_str_from_gstring (vm, s);
    }
  hs_xdecref (vm, name);
  hs_xdecref (vm, value);
  return r;
}

/* format(flag, spec): its str formatted, as Enum.__format__ does once __str__ is replaced */
static HsObject *
flag_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *spec = NULL;
  if (!hs_parse_args (vm, "__format__", args + 1, nargs - 1, kwnames, "!format_spec", &spec))
    return NULL;
  HsObject *text = flag_repr (vm, args, 1, NULL);
  HsObject *r = text != NULL ? hs_format_value (vm, text, spec) : NULL;
  hs_xdecref (vm, text);
  return r;
}

static const HsMethodDef flag_methods[] = {
  { "__repr__", flag_repr },
  { "__str__", flag_repr },
  { "__format__", flag_format },
};
static HsObject *flag_descrs[G_N_ELEMENTS (flag_methods)];

static const struct
{
  const char *name, *alias;
  gint64 value;
} flag_defs[] = {
  { "NOFLAG", NULL, 0 },
  { "ASCII", "A", HS_RE_ASCII },
  { "IGNORECASE", "I", HS_RE_IGNORECASE },
  { "LOCALE", "L", HS_RE_LOCALE },
  { "UNICODE", "U", HS_RE_UNICODE },
  { "MULTILINE", "M", HS_RE_MULTILINE },
  { "DOTALL", "S", HS_RE_DOTALL },
  { "VERBOSE", "X", HS_RE_VERBOSE },
  { "TEMPLATE", "T", HS_RE_TEMPLATE },
  { "DEBUG", NULL, HS_RE_DEBUG },
};

/* enum.IntFlag('RegexFlag', [(name, value), ...]) in CPython's order, aliases after their
 * flag; then re's __module__, repr, str and format. */
static HsObject *
make_regex_flag (HsVM *vm)
{
  HsObject *enum_mod = hs_import_module (vm, "enum");
  HsObject *intflag = enum_mod != NULL ? hs_object_getattr_cstr (vm, enum_mod, "IntFlag") : NULL;
  HsObject *items = intflag != NULL ? hs_list_new (vm, 0) : NULL, *cls = NULL;
  for (gsize i = 0; items != NULL && i < G_N_ELEMENTS (flag_defs); i++)
    for (int k = 0; k < 2 && items != NULL; k++)
      {
        const char *n = k == 0 ? flag_defs[i].name : flag_defs[i].alias;
        HsObject *v = n != NULL ? hs_int_from_i64 (vm, flag_defs[i].value) : NULL;
        HsObject *t = v != NULL ? hs_tuple_pack (vm, 2, hs_str_intern_cstr (n), v) : NULL;
        hs_xdecref (vm, v);
        if (n != NULL && (t == NULL || hs_list_append_take (vm, items, t) < 0))
          HS_CLEAR (vm, items);
      }
  if (items != NULL)
    {
      HsObject *args[2] = { hs_str_intern_cstr ("RegexFlag"), items };
      cls = hs_object_call (vm, intflag, args, 2, NULL);
    }
  for (gsize i = 0; cls != NULL && i < G_N_ELEMENTS (flag_methods); i++)
    if (hs_object_setattr (vm, cls, hs_str_intern_cstr (flag_methods[i].name), flag_descrs[i]) < 0)
      HS_CLEAR (vm, cls);
  if (cls != NULL
      && hs_object_setattr (vm, cls, hs_str_intern_cstr ("__module__"), hs_str_intern_cstr ("re"))
             < 0)
    HS_CLEAR (vm, cls);
  if (cls != NULL)
    ((HsType *)cls)->module = "re";
  hs_xdecref (vm, items);
  hs_xdecref (vm, intflag);
  hs_xdecref (vm, enum_mod);
  return cls;
}

void
hs_mod_re_runtime_init (void)
{
  hs_regex_runtime_init ();
  for (gsize i = 0; i < G_N_ELEMENTS (flag_methods); i++)
    flag_descrs[i] = hs_method_descr_new (&flag_methods[i], &hs_int_type);
}

int
hs_mod_re_init (HsVM *vm, HsObject *dict)
{
  HsObject *flag = make_regex_flag (vm);
  if (flag == NULL || hs_module_add_take (vm, dict, "RegexFlag", hs_incref (flag)) < 0)
    {
      hs_xdecref (vm, flag);
      return -1;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (flag_defs); i++)
    for (int k = 0; k < 2; k++)
      {
        const char *n = k == 0 ? flag_defs[i].name : flag_defs[i].alias;
        if (n != NULL && hs_module_add_take (vm, dict, n, hs_object_getattr_cstr (vm, flag, n)) < 0)
          {
            hs_decref (vm, flag);
            return -1;
          }
      }
  hs_decref (vm, flag);
  if (hs_module_add_take (vm, dict, "error", hs_incref ((HsObject *)&hs_regex_error_type)) < 0
      || hs_module_add_take (vm, dict, "Pattern", hs_incref ((HsObject *)&hs_pattern_type)) < 0
      || hs_module_add_take (vm, dict, "Match", hs_incref ((HsObject *)&hs_match_type)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, re_functions);
}
