/* hs-mod-string.c — the `string` module: its constants, capwords and Template.
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
#include "hs-list.h"
#include "hs-module.h"
#include "hs-object-private.h"
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

static const HsMethodDef template_methods[] = {
  { "substitute", m_substitute },
  { "safe_substitute", m_safe_substitute },
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

static const HsMethodDef string_functions[] = {
  { "capwords", str_capwords },
  { NULL, NULL },
};

void
hs_mod_string_runtime_init (void)
{
  hs_type_ready (&template_type);
}

int
hs_mod_string_init (HsVM *vm, HsObject *dict)
{
  for (gsize i = 0; i < G_N_ELEMENTS (constants); i++)
    if (hs_module_add_take (vm, dict, constants[i].name, hs_str_from_cstr (vm, constants[i].value))
        < 0)
      return -1;
  if (hs_module_add_take (vm, dict, "Template", hs_incref ((HsObject *)&template_type)) < 0)
    return -1;
  return hs_module_add_functions (vm, dict, string_functions);
}
