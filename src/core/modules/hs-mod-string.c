/* hs-mod-string.c — the `string` module: its constants, capwords, Template and Formatter.
 *
 * Invariant: the constants are CPython's strings byte for byte; a Template owns its
 * template string, which it shows as its one attribute `template` (CPython's Template is an
 * instance of a Python class with that attribute); substitute/safe_substitute read $name,
 * ${name} and $$ as CPython's default pattern does (ASCII identifiers) and fail with its
 * KeyError and ValueError.
 */
#include "config.h"

#include <string.h>

#include "hs-cfunction.h"
#include "hs-dict.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-format.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-set.h"
#include "hs-str.h"
#include "hs-tuple.h"

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"
#define PUNCT "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
#define SPACE " \t\n\r\x0b\x0c"

static const struct
{
  const char *name, *value;
} constants[] = {
  { "ascii_lowercase", LOWER },
  { "ascii_uppercase", UPPER },
  { "ascii_letters", LOWER UPPER },
  { "digits", DIGITS },
  { "hexdigits", DIGITS "abcdefABCDEF" },
  { "octdigits", "01234567" },
  { "punctuation", PUNCT },
  { "whitespace", SPACE },
  { "printable", DIGITS LOWER UPPER PUNCT SPACE },
};

/* capwords(s, sep=None): sep.join(word.capitalize() for word in s.split(sep)) */
static HsObject *
str_capwords (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *s = NULL, *sep = hs_None, *words, *joiner, *r = NULL;
  if (!hs_parse_args (vm, "capwords", args, nargs, kwnames, "@s|sep", &s, &sep))
    return NULL;
  {
    HsObject *split = hs_object_getattr_cstr (vm, s, "split");
    words = split ? hs_object_call (vm, split, &sep, 1, NULL) : NULL;
    hs_xdecref (vm, split);
  }
  if (words == NULL)
    return NULL;
  for (gsize i = 0; i < hs_list_len (words); i++)
    {
      HsObject *cap = hs_object_getattr_cstr (vm, hs_list_get_borrow (words, i), "capitalize");
      HsObject *c = cap ? hs_object_call (vm, cap, NULL, 0, NULL) : NULL;
      hs_xdecref (vm, cap);
      if (c == NULL)
        goto out;
      hs_list_set_item (vm, words, i, c);
      hs_decref (vm, c);
    }
  joiner = sep == hs_None ? hs_str_from_cstr (vm, " ") : hs_incref (sep);
  if (joiner != NULL)
    {
      HsObject *join = hs_object_getattr_cstr (vm, joiner, "join");
      r = join ? hs_object_call (vm, join, &words, 1, NULL) : NULL;
      hs_xdecref (vm, join);
      hs_decref (vm, joiner);
    }
out:
  hs_decref (vm, words);
  return r;
}

/* ---- Template ---------------------------------------------------------------------- */

typedef struct
{
  HsObject header;
  HsObject *template; /* str */
} HsTemplate;

static HsType template_type;

static void
template_dealloc (HsVM *vm, HsObject *self)
{
  HS_CLEAR (vm, ((HsTemplate *)self)->template);
}

static void
template_refs (HsObject *self, HsVisitFn visit, gpointer data)
{
  if (((HsTemplate *)self)->template != NULL)
    hs_visit_named (visit, ((HsTemplate *)self)->template, HS_REF_ATTR, "template", data);
}

static HsObject *
template_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *text = NULL;
  HsTemplate *t;
  if (!hs_parse_args (vm, "Template", args, nargs, kwnames, "@template", &text))
    return NULL;
  if ((t = (HsTemplate *)hs_object_alloc (vm, type, sizeof (HsTemplate))) == NULL)
    return NULL;
  t->template = hs_incref (text);
  hs_gc_track (vm, &t->header);
  return &t->header;
}

static HsObject *
template_getattr (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "template"))
    return hs_incref (((HsTemplate *)self)->template);
  return hs_object_generic_getattr (vm, self, name);
}

static gboolean
is_id_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* "Invalid placeholder in string: line L, col C" for the placeholder at byte i (just after
 * its '$'), as CPython counts them from the text before it. */
static void
invalid_placeholder (HsVM *vm, const char *text, gsize i)
{
  gsize line = 1, line_start = 0;
  for (gsize k = 0; k < i; k++)
    if (text[k] == '\n' && k + 1 < i)
      line++, line_start = k + 1;
  hs_err_format (vm, &hs_exc_ValueError,
                 "Invalid placeholder in string: line %" G_GSIZE_FORMAT ", col %" G_GSIZE_FORMAT,
                 line, i - line_start);
}

/* kws (if any) first, then the mapping: the value for `name` as str, or NULL (KeyError set,
 * unless `safe`, then nothing is set). */
static HsObject *
lookup (HsVM *vm, HsObject *mapping, HsObject *kws, const char *name, gsize len, gboolean safe)
{
  HsObject *key = hs_str_new (vm, name, len), *v = NULL, *s;
  if (key == NULL)
    return NULL;
  if (kws != NULL)
    v = hs_dict_get_item_borrow (vm, kws, key);
  v = v != NULL ? hs_incref (v) : mapping != NULL ? hs_object_getitem (vm, mapping, key) : NULL;
  if (v == NULL && mapping == NULL && !hs_err_occurred (vm))
    hs_err_set_key (vm, key);
  hs_decref (vm, key);
  if (v == NULL)
    {
      if (safe && hs_err_matches (vm, &hs_exc_KeyError))
        hs_err_clear (vm);
      return NULL;
    }
  s = hs_object_str (vm, v);
  hs_decref (vm, v);
  return s;
}

static HsObject *
substitute (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean safe)
{
  HsObject *self = args[0], *mapping = nargs > 1 ? args[1] : NULL, *kws = NULL;
  const char *text = hs_str_utf8 (((HsTemplate *)self)->template);
  gsize n = hs_str_byte_len (((HsTemplate *)self)->template),
        nkw = kwnames ? hs_tuple_len (kwnames) : 0;
  GString *out;

  if (nargs > 2)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "%s() takes from 1 to 2 positional arguments but %" G_GSIZE_FORMAT
                     " were given",
                     safe ? "safe_substitute" : "substitute", nargs);
      return NULL;
    }
  if (nkw > 0)
    {
      if ((kws = hs_dict_new (vm)) == NULL)
        return NULL;
      for (gsize k = 0; k < nkw; k++)
        if (hs_dict_set_item (vm, kws, hs_tuple_get_borrow (kwnames, k), args[nargs + k]) < 0)
          {
            hs_decref (vm, kws);
            return NULL;
          }
    }
  out = g_string_sized_new (n);
  for (gsize i = 0; i < n; i++)
    {
      gsize start, end;
      gboolean braced;
      HsObject *v;
      if (text[i] != '$')
        {
          g_string_append_c (out, text[i]);
          continue;
        }
      if (i + 1 < n && text[i + 1] == '$')
        {
          g_string_append_c (out, '$');
          i++;
          continue;
        }
      braced = i + 1 < n && text[i + 1] == '{';
      start = i + 1 + braced;
      end = start;
      if (end < n && is_id_start (text[end]))
        while (end < n && is_id_char (text[end]))
          end++;
      if (end == start || (braced && (end >= n || text[end] != '}')))
        {
          if (!safe)
            {
              invalid_placeholder (vm, text, i + 1);
              goto fail;
            }
          g_string_append_c (out, '$');
          continue;
        }
      v = lookup (vm, mapping, kws, text + start, end - start, safe);
      if (v == NULL && hs_err_occurred (vm))
        goto fail;
      if (v != NULL)
        {
          g_string_append_len (out, hs_str_utf8 (v), hs_str_byte_len (v));
          hs_decref (vm, v);
        }
      else
        g_string_append_len (out, text + i, end + braced - i);
      i = end + braced - 1;
    }
  hs_xdecref (vm, kws);
  return hs_str_from_gstring (vm, out);
fail:
  hs_xdecref (vm, kws);
  g_string_free (out, TRUE);
  return NULL;
}

HS_CFUNCTION_VARIANT (m_substitute, substitute, FALSE)
HS_CFUNCTION_VARIANT (m_safe_substitute, substitute, TRUE)

/* The placeholders as the pattern's finditer finds them: each named one (once, in order)
 * added to ids (when not NULL); FALSE at the first invalid one. */
static gboolean
scan_identifiers (HsVM *vm, HsObject *self, HsObject *ids)
{
  const char *text = hs_str_utf8 (((HsTemplate *)self)->template);
  gsize n = hs_str_byte_len (((HsTemplate *)self)->template);
  for (gsize i = 0; i < n; i++)
    {
      if (text[i] != '$')
        continue;
      if (i + 1 < n && text[i + 1] == '$')
        {
          i++;
          continue;
        }
      gboolean braced = i + 1 < n && text[i + 1] == '{';
      gsize start = i + 1 + braced, end = start;
      if (end < n && is_id_start (text[end]))
        while (end < n && is_id_char (text[end]))
          end++;
      if (end == start || (braced && (end >= n || text[end] != '}')))
        {
          if (ids == NULL)
            return FALSE;
          continue; /* get_identifiers skips an invalid one */
        }
      if (ids != NULL)
        {
          HsObject *name = hs_str_new (vm, text + start, end - start);
          int has = name != NULL ? hs_object_contains (vm, ids, name) : -1;
          if (has == 0 && hs_list_append (vm, ids, name) < 0)
            has = -1;
          hs_xdecref (vm, name);
          if (has < 0)
            return FALSE;
        }
      i = end + braced - 1;
    }
  return TRUE;
}

static HsObject *
m_get_identifiers (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *ids;
  if (!hs_parse_args (vm, "get_identifiers", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  if ((ids = hs_list_new (vm, 0)) != NULL && !scan_identifiers (vm, args[0], ids))
    HS_CLEAR (vm, ids);
  return ids;
}

static HsObject *
m_is_valid (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "is_valid", args + 1, nargs - 1, kwnames, "@"))
    return NULL;
  return hs_bool_from (scan_identifiers (vm, args[0], NULL));
}

static const HsMethodDef template_methods[] = {
  { "substitute", m_substitute },
  { "safe_substitute", m_safe_substitute },
  { "get_identifiers", m_get_identifiers },
  { "is_valid", m_is_valid },
  { NULL, NULL },
};

static HsType template_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Template",
  .module = "string",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_GC | HS_TYPE_BASETYPE | HS_TYPE_DRAWN_AS_INSTANCE,
  .basicsize = sizeof (HsTemplate),
  .dealloc = template_dealloc,
  .refs = template_refs,
  .clear = template_dealloc,
  .getattr = template_getattr,
  .construct = template_construct,
  .methods = template_methods,
};

/* ---- Formatter ---------------------------------------------------------------------------- */

/* CPython's string.Formatter: format and vformat drive the methods a subclass may override
 * (parse, get_field, get_value, convert_field, format_field, check_unused_args), each called
 * on self as CPython's Python code calls them; an instance holds nothing of its own. */

static HsObject *
sub (HsVM *vm, const char *start, const char *end)
{
  return hs_str_new (vm, start, (gsize)(end - start));
}

/* One field after its '{' at *p (CPython's parse_field): name, spec and conversion (NUL:
 * none); *p left after its '}'. FALSE with CPython's ValueError. */
static gboolean
parse_field (HsVM *vm, const char **p, const char *end, const char **name_end, const char **spec,
             const char **spec_end, char *conversion)
{
  const char *q = *p;
  char c = 0;
  *conversion = '\0';
  *spec = *spec_end = NULL;
  while (q < end)
    {
      c = *q++;
      if (c == '{')
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "unexpected '{' in field name");
          return FALSE;
        }
      if (c == '[')
        {
          while (q < end && *q != ']')
            q++;
          continue;
        }
      if (c == '}' || c == ':' || c == '!')
        break;
    }
  *name_end = q - 1;
  if (c == '!' || c == ':')
    {
      int count = 1;
      if (c == '!')
        {
          if (q >= end)
            {
              hs_err_set_string (vm, &hs_exc_ValueError,
                                 "end of string while looking for conversion specifier");
              return FALSE;
            }
          *conversion = *q++;
          if (q < end)
            {
              c = *q++;
              if (c == '}')
                {
                  *p = q;
                  return TRUE;
                }
              if (c != ':')
                {
                  hs_err_set_string (vm, &hs_exc_ValueError,
                                     "expected ':' after conversion specifier");
                  return FALSE;
                }
            }
        }
      for (*spec = q; q < end;)
        {
          c = *q++;
          count += c == '{' ? 1 : c == '}' ? -1 : 0;
          if (count == 0)
            {
              *spec_end = q - 1;
              *p = q;
              return TRUE;
            }
        }
      hs_err_set_string (vm, &hs_exc_ValueError, "unmatched '{' in format spec");
      return FALSE;
    }
  if (c != '}' || q > end)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "expected '}' before end of string");
      return FALSE;
    }
  *p = q;
  return TRUE;
}

/* The next (literal, field_name, format_spec, conversion) of the text at *p (CPython's
 * MarkupIterator_next), or NULL (with an error, or at the end). */
static HsObject *
parse_next (HsVM *vm, const char **p, const char *end)
{
  const char *start = *p, *q = *p, *name_end, *spec, *spec_end;
  char c = 0, conversion;
  gboolean markup = FALSE, at_end;
  gsize len;
  HsObject *parts[4] = { NULL, NULL, NULL, NULL }, *t;

  while (q < end)
    if ((c = *q++) == '{' || c == '}')
      {
        markup = TRUE;
        break;
      }
  at_end = q >= end;
  len = (gsize)(q - start);
  if (c == '}' && markup && (at_end || *q != '}'))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Single '}' encountered in format string");
      return NULL;
    }
  if (at_end && c == '{' && markup)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Single '{' encountered in format string");
      return NULL;
    }
  if (markup && *q == c) /* {{ or }}: the brace is literal text */
    {
      q++;
      markup = FALSE;
    }
  else if (markup)
    len--;
  *p = q;
  if (markup && !parse_field (vm, p, end, &name_end, &spec, &spec_end, &conversion))
    return NULL;
  parts[0] = hs_str_new (vm, start, len);
  if (markup)
    {
      parts[1] = sub (vm, q, name_end);
      parts[2] = spec != NULL ? sub (vm, spec, spec_end) : hs_str_new (vm, "", 0);
      parts[3] = conversion != '\0' ? hs_str_new (vm, &conversion, 1) : hs_incref (hs_None);
    }
  else
    for (int i = 1; i < 4; i++)
      parts[i] = hs_incref (hs_None);
  t = parts[0] && parts[1] && parts[2] && parts[3]
          ? hs_tuple_pack (vm, 4, parts[0], parts[1], parts[2], parts[3])
          : NULL;
  for (int i = 0; i < 4; i++)
    hs_xdecref (vm, parts[i]);
  return t;
}

static HsObject *
fm_parse (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *text = NULL, *list, *it = NULL, *t;
  const char *p, *end;
  if (!hs_parse_args (vm, "Formatter.parse", args + 1, nargs - 1, kwnames, "@format_string", &text))
    return NULL;
  if (!hs_str_check (text))
    {
      hs_err_format (vm, &hs_exc_TypeError, "expected str, got %s", hs_type_name (text));
      return NULL;
    }
  p = hs_str_utf8 (text);
  end = p + hs_str_byte_len (text);
  if ((list = hs_list_new (vm, 0)) == NULL)
    return NULL;
  while (p < end && (t = parse_next (vm, &p, end)) != NULL)
    if (hs_list_append_take (vm, list, t) < 0)
      break;
  if (!hs_err_occurred (vm))
    it = hs_object_iter (vm, list);
  hs_decref (vm, list);
  return it;
}

/* A field name's part as CPython's get_integer reads it: an int when all digits */
static HsObject *
key_of (HsVM *vm, const char *start, const char *end)
{
  for (const char *q = start; q < end; q++)
    if (!g_ascii_isdigit (*q))
      return sub (vm, start, end);
  return start < end ? hs_int_from_str (vm, start, (gsize)(end - start), 10) : sub (vm, start, end);
}

/* The next '.attr' or '[key]' of a field name at *p (CPython's FieldNameIterator_next):
 * its name or key, *is_attr set; NULL with CPython's ValueError. */
static HsObject *
field_part (HsVM *vm, const char **p, const char *end, gboolean *is_attr)
{
  const char *q = *p, *start;
  char c = *q++;
  if (c != '.' && c != '[')
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "Only '.' or '[' may follow ']' in format field specifier");
      return NULL;
    }
  *is_attr = c == '.';
  start = q;
  if (*is_attr)
    while (q < end && *q != '.' && *q != '[')
      q++;
  else
    {
      while (q < end && *q != ']')
        q++;
      if (q >= end)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Missing ']' in format string");
          return NULL;
        }
    }
  if (q == start)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Empty attribute in format string");
      return NULL;
    }
  *p = *is_attr ? q : q + 1;
  return *is_attr ? sub (vm, start, q) : key_of (vm, start, q);
}

/* get_field(field_name, args, kwargs): (obj, first), first through self.get_value */
static HsObject *
fm_get_field (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name, *fargs, *fkwargs, *first, *obj, *call[3], *r;
  const char *p, *end, *q;
  if (!hs_parse_args (vm, "Formatter.get_field", args + 1, nargs - 1, kwnames,
                      "@field_name args kwargs", &name, &fargs, &fkwargs))
    return NULL;
  if (!hs_str_check (name))
    {
      hs_err_format (vm, &hs_exc_TypeError, "expected str, got %s", hs_type_name (name));
      return NULL;
    }
  p = hs_str_utf8 (name);
  end = p + hs_str_byte_len (name);
  for (q = p; q < end && *q != '.' && *q != '['; q++)
    ;
  if ((first = key_of (vm, p, q)) == NULL)
    return NULL;
  call[0] = first;
  call[1] = fargs;
  call[2] = fkwargs;
  obj = hs_object_call_method (vm, args[0], "get_value", call, 3, NULL);
  while (obj != NULL && q < end)
    {
      gboolean is_attr;
      HsObject *key = field_part (vm, &q, end, &is_attr), *next = NULL;
      if (key != NULL)
        next = is_attr ? hs_object_getattr (vm, obj, key) : hs_object_getitem (vm, obj, key);
      hs_xdecref (vm, key);
      hs_decref (vm, obj);
      obj = next;
    }
  r = obj != NULL ? hs_tuple_pack (vm, 2, obj, first) : NULL;
  hs_xdecref (vm, obj);
  hs_decref (vm, first);
  return r;
}

static HsObject *
fm_get_value (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *key, *fargs, *fkwargs;
  if (!hs_parse_args (vm, "Formatter.get_value", args + 1, nargs - 1, kwnames, "@key args kwargs",
                      &key, &fargs, &fkwargs))
    return NULL;
  return hs_object_getitem (vm, hs_int_check (key) ? fargs : fkwargs, key);
}

static HsObject *
fm_check_unused_args (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *used, *fargs, *fkwargs;
  if (!hs_parse_args (vm, "Formatter.check_unused_args", args + 1, nargs - 1, kwnames,
                      "@used_args args kwargs", &used, &fargs, &fkwargs))
    return NULL;
  return hs_None;
}

static HsObject *
fm_format_field (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *value, *spec;
  if (!hs_parse_args (vm, "Formatter.format_field", args + 1, nargs - 1, kwnames,
                      "@value format_spec", &value, &spec))
    return NULL;
  return hs_format_value (vm, value, spec);
}

static HsObject *
fm_convert_field (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *value, *conv, *s;
  if (!hs_parse_args (vm, "Formatter.convert_field", args + 1, nargs - 1, kwnames,
                      "@value conversion", &value, &conv))
    return NULL;
  if (conv == hs_None)
    return hs_incref (value);
  if (hs_str_equal_cstr (conv, "s"))
    return hs_object_str (vm, value);
  if (hs_str_equal_cstr (conv, "r"))
    return hs_object_repr (vm, value);
  if (hs_str_equal_cstr (conv, "a"))
    return hs_object_ascii (vm, value);
  if ((s = hs_object_str (vm, conv)) != NULL)
    hs_err_format (vm, &hs_exc_ValueError, "Unknown conversion specifier %s", hs_str_utf8 (s));
  hs_xdecref (vm, s);
  return NULL;
}

static void
switch_numbering (HsVM *vm)
{
  hs_err_set_string (vm, &hs_exc_ValueError,
                     "cannot switch from manual field specification to automatic field "
                     "numbering");
}

/* One field of _vformat: its object through self.get_field and self.convert_field, its
 * spec formatted in turn, then self.format_field (new reference, or NULL). */
static HsObject *vformat_text (HsVM *vm, HsObject *self, HsObject *text, HsObject **fargs,
                               HsObject *used, int depth, gssize *auto_index);

static HsObject *
vformat_field (HsVM *vm, HsObject *self, HsObject **part, HsObject **fargs, HsObject *used,
               int depth, gssize *auto_index)
{
  HsObject *name = part[1], *got, *obj = NULL, *spec = NULL, *call[3], *r = NULL;
  const char *n = hs_str_utf8 (name);
  gboolean digits = n[0] != '\0';
  for (const char *q = n; *q != '\0'; q++)
    digits = digits && g_ascii_isdigit (*q);
  if (n[0] == '\0')
    {
      if (*auto_index < 0)
        {
          switch_numbering (vm);
          return NULL;
        }
      name = hs_str_from_format (vm, "%" G_GSSIZE_FORMAT, (*auto_index)++);
    }
  else
    {
      if (digits && *auto_index > 0)
        {
          switch_numbering (vm);
          return NULL;
        }
      if (digits)
        *auto_index = -1;
      hs_incref (name);
    }
  call[0] = name;
  call[1] = fargs[0];
  call[2] = fargs[1];
  got = name != NULL ? hs_object_call_method (vm, self, "get_field", call, 3, NULL) : NULL;
  hs_xdecref (vm, name);
  if (got != NULL && (!HS_IS (got, &hs_tuple_type) || hs_tuple_len (got) != 2))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "get_field() must return (obj, used_key)");
      HS_CLEAR (vm, got);
    }
  if (got != NULL && hs_set_add (vm, used, hs_tuple_get_borrow (got, 1)) == 0)
    {
      call[0] = hs_tuple_get_borrow (got, 0);
      call[1] = part[3];
      obj = hs_object_call_method (vm, self, "convert_field", call, 2, NULL);
    }
  if (obj != NULL)
    spec = vformat_text (vm, self, part[2], fargs, used, depth - 1, auto_index);
  if (spec != NULL)
    {
      call[0] = obj;
      call[1] = spec;
      r = hs_object_call_method (vm, self, "format_field", call, 2, NULL);
    }
  hs_xdecref (vm, got);
  hs_xdecref (vm, obj);
  hs_xdecref (vm, spec);
  return r;
}

/* The four items of one of parse's results (borrowed from *seq, a new list or tuple), or
 * FALSE with CPython's unpacking ValueError. */
static gboolean
unpack4 (HsVM *vm, HsObject *item, HsObject **seq, HsObject ***part)
{
  gsize n;
  if ((*seq = hs_sequence_fast (vm, item, NULL)) == NULL)
    return FALSE;
  n = hs_list_check (*seq) ? hs_list_len (*seq) : hs_tuple_len (*seq);
  *part = hs_list_check (*seq) ? hs_list_items (*seq) : hs_tuple_items (*seq);
  if (n == 4)
    return TRUE;
  if (n < 4)
    hs_err_format (vm, &hs_exc_ValueError,
                   "not enough values to unpack (expected 4, got %" G_GSIZE_FORMAT ")", n);
  else
    hs_err_set_string (vm, &hs_exc_ValueError, "too many values to unpack (expected 4)");
  return FALSE;
}

/* CPython's Formatter._vformat: the text's parts through self.parse, joined. */
static HsObject *
vformat_text (HsVM *vm, HsObject *self, HsObject *text, HsObject **fargs, HsObject *used, int depth,
              gssize *auto_index)
{
  HsObject *parsed, *it, *item, *pieces, *r = NULL;
  gboolean ok = TRUE;
  if (depth < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Max string recursion exceeded");
      return NULL;
    }
  parsed = hs_object_call_method (vm, self, "parse", &text, 1, NULL);
  it = parsed != NULL ? hs_object_iter (vm, parsed) : NULL;
  hs_xdecref (vm, parsed);
  if (it == NULL || (pieces = hs_list_new (vm, 0)) == NULL)
    {
      hs_xdecref (vm, it);
      return NULL;
    }
  while (ok && (item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *seq = NULL, **part;
      int lit;
      ok = unpack4 (vm, item, &seq, &part) && (lit = hs_object_truth (vm, part[0])) >= 0
           && (!lit || hs_list_append (vm, pieces, part[0]) == 0);
      if (ok && part[1] != hs_None)
        {
          HsObject *field = vformat_field (vm, self, part, fargs, used, depth, auto_index);
          ok = field != NULL && hs_list_append_take (vm, pieces, field) == 0;
        }
      hs_xdecref (vm, seq);
      hs_decref (vm, item);
    }
  if (ok && !hs_err_occurred (vm))
    r = hs_str_join_array (vm, hs_str_intern_cstr (""), hs_list_items (pieces),
                           hs_list_len (pieces));
  hs_decref (vm, it);
  hs_decref (vm, pieces);
  return r;
}

/* vformat(format_string, args, kwargs) */
static HsObject *
fm_vformat (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *text, *fargs[2], *used, *r, *call[3];
  gssize auto_index = 0;
  if (!hs_parse_args (vm, "Formatter.vformat", args + 1, nargs - 1, kwnames,
                      "@format_string args kwargs", &text, &fargs[0], &fargs[1])
      || (used = hs_set_new (vm)) == NULL)
    return NULL;
  r = vformat_text (vm, args[0], text, fargs, used, 2, &auto_index);
  call[0] = used;
  call[1] = fargs[0];
  call[2] = fargs[1];
  if (r != NULL)
    {
      HsObject *checked = hs_object_call_method (vm, args[0], "check_unused_args", call, 3, NULL);
      if (checked == NULL)
        HS_CLEAR (vm, r);
      hs_xdecref (vm, checked);
    }
  hs_decref (vm, used);
  return r;
}

/* format(format_string, /, *args, **kwargs): self.vformat(format_string, args, kwargs) */
static HsObject *
fm_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *call[3] = { NULL, NULL, NULL }, *r = NULL;
  if (nargs < 2)
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "Formatter.format() missing 1 required positional argument: "
                         "'format_string'");
      return NULL;
    }
  call[0] = args[1];
  call[1] = hs_tuple_from_array (vm, args + 2, nargs - 2);
  call[2] = hs_dict_new (vm);
  if (call[2] != NULL && hs_dict_merge_kwargs (vm, call[2], args, nargs, kwnames) < 0)
    HS_CLEAR (vm, call[2]);
  if (call[1] != NULL && call[2] != NULL)
    r = hs_object_call_method (vm, args[0], "vformat", call, 3, NULL);
  hs_xdecref (vm, call[1]);
  hs_xdecref (vm, call[2]);
  return r;
}

static const HsMethodDef formatter_methods[] = {
  { "format", fm_format },
  { "vformat", fm_vformat },
  { "parse", fm_parse },
  { "get_field", fm_get_field },
  { "get_value", fm_get_value },
  { "check_unused_args", fm_check_unused_args },
  { "format_field", fm_format_field },
  { "convert_field", fm_convert_field },
  { NULL, NULL },
};

static HsObject *
formatter_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = hs_object_alloc (vm, type, type->basicsize);
  if (o != NULL && (type->type_flags & HS_TYPE_HEAP))
    hs_incref ((HsObject *)type); /* an instance of a class holds it */
  return o;
}

static HsType formatter_type = {
  .header = { .type = &hs_type_type, .refcount = 1, .flags = HS_FLAG_IMMORTAL },
  .name = "Formatter",
  .module = "string",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsObject),
  .construct = formatter_construct,
  .methods = formatter_methods,
};

static const HsMethodDef string_functions[] = {
  { "capwords", str_capwords },
  { NULL, NULL },
};

void
hs_mod_string_runtime_init (void)
{
  hs_type_ready (&template_type);
  hs_type_ready (&formatter_type);
}

int
hs_mod_string_init (HsVM *vm, HsObject *dict)
{
  for (gsize i = 0; i < G_N_ELEMENTS (constants); i++)
    if (hs_module_add_take (vm, dict, constants[i].name, hs_str_from_cstr (vm, constants[i].value))
        < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "Template", hs_incref ((HsObject *)&template_type)) < 0
      || hs_module_add_take (vm, dict, "Formatter", hs_incref ((HsObject *)&formatter_type)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, string_functions);
}
