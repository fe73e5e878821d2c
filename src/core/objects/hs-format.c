/* hs-format.c — the format-spec mini-language, str.format and `%` formatting.
 *
 * Invariant: a number is always assembled from the same three parts — `lead` (sign and
 * base prefix), `digits` (integer digits, grouped) and `rest` (fraction, exponent, '%')
 * — and padded in one place (emit_padded), so format(), str.format and `%` agree on
 * where fill characters go. No function here allocates a result before checking its
 * size against the heap cap.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-format.h"
#include "hs-bytes.h"
#include "hs-cfunction.h"
#include "hs-complex.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-recursion.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

typedef struct
{
  char fill[8];
  gsize fill_len;
  char align; /* 0, '<', '>', '^', '=' */
  char sign;  /* 0, '+', '-', ' ' */
  gboolean alt;
  gssize width;         /* -1: none */
  char grouping;        /* 0, ',', '_' */
  gssize precision;     /* -1: none */
  char type;            /* 0: none */
  gboolean zero_align;  /* '=' came from the '0' flag, not from the text */
  gboolean bare_repr;   /* a part of a complex: no type adds no ".0" */
  gboolean no_neg_zero; /* 'z' (PEP 682): a number that rounds to -0 loses its sign */
} Spec;

gsize
hs_format_text_room (HsVM *vm)
{
  if (vm == NULL || vm->config.heap_limit_bytes == 0)
    return G_MAXSIZE;
  return (vm->config.heap_limit_bytes - MIN (vm->heap_bytes, vm->config.heap_limit_bytes)) / 2;
}

gboolean
hs_format_check_size (HsVM *vm, gsize bytes)
{
  if (bytes > hs_format_text_room (vm))
    {
      hs_err_no_memory (vm);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_align (char c)
{
  return c == '<' || c == '>' || c == '^' || c == '=';
}

static gboolean
parse_number (HsVM *vm, const char **p, const char *end, gssize *out)
{
  gssize v = 0;
  const char *q = *p;

  while (q < end && g_ascii_isdigit (*q))
    {
      if (v > (G_MAXSSIZE - 9) / 10)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Too many decimal digits in format string");
          return FALSE;
        }
      v = v * 10 + (*q++ - '0');
    }
  *out = q > *p ? v : -1;
  *p = q;
  return TRUE;
}

static gboolean
parse_spec (HsVM *vm, const char *s, gsize len, const char *tname, Spec *sp)
{
  const char *p = s, *end = s + len;
  gboolean zero = FALSE, fill_given = FALSE;

  memset (sp, 0, sizeof *sp);
  sp->fill[0] = ' ';
  sp->fill_len = 1;
  sp->width = sp->precision = -1;
  if (p < end)
    {
      const char *next = g_utf8_next_char (p);
      if (next < end && is_align (*next))
        {
          memcpy (sp->fill, p, next - p);
          sp->fill_len = (gsize)(next - p);
          sp->align = *next;
          fill_given = TRUE;
          p = next + 1;
        }
      else if (is_align (*p))
        sp->align = *p++;
    }
  if (p < end && (*p == '+' || *p == '-' || *p == ' '))
    sp->sign = *p++;
  if (p < end && *p == 'z')
    {
      sp->no_neg_zero = TRUE;
      p++;
    }
  if (p < end && *p == '#')
    {
      sp->alt = TRUE;
      p++;
    }
  if (p < end && *p == '0')
    {
      zero = TRUE;
      p++;
    }
  if (!parse_number (vm, &p, end, &sp->width))
    return FALSE;
  if (p < end && (*p == ',' || *p == '_'))
    sp->grouping = *p++;
  if (p < end && *p == '.')
    {
      p++;
      if (!parse_number (vm, &p, end, &sp->precision))
        return FALSE;
      if (sp->precision < 0)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Format specifier missing precision");
          return FALSE;
        }
    }
  if (end - p > 1)
    {
      hs_err_format (vm, &hs_exc_ValueError,
                     "Invalid format specifier '%.*s' for object of type '%s'", (int)len, s, tname);
      return FALSE;
    }
  if (p < end)
    sp->type = *p;
  if (zero && sp->align == 0)
    {
      sp->fill[0] = '0';
      sp->fill_len = 1;
      sp->align = '=';
      sp->zero_align = TRUE;
    }
  else if (zero && !fill_given)
    sp->fill[0] = '0';
  return TRUE;
}

/* CPython's error for 'z' in the spec of a value that has no negative zero; `kind` is
 * "integer" or "string". */
static gboolean
check_no_neg_zero (HsVM *vm, const Spec *sp, const char *kind)
{
  if (sp->no_neg_zero)
    {
      hs_err_format (vm, &hs_exc_ValueError,
                     "Negative zero coercion (z) not allowed in %s format specifier", kind);
      return FALSE;
    }
  return TRUE;
}

/* True when a formatted float (after its '-') is a zero: its digits before any exponent
 * are all 0, and it has some (not inf or nan). */
static gboolean
is_formatted_zero (const char *t)
{
  gboolean digit = FALSE;
  for (; *t != '\0' && *t != 'e' && *t != 'E' && *t != '%'; t++)
    {
      if (*t >= '1' && *t <= '9')
        return FALSE;
      digit = digit || *t == '0';
    }
  return digit;
}

static HsObject *
unknown_code (HsVM *vm, char type, const char *tname)
{
  hs_err_format (vm, &hs_exc_ValueError, "Unknown format code '%c' for object of type '%s'", type,
                 tname);
  return NULL;
}

static void
append_fill (GString *out, const Spec *sp, gsize n)
{
  hs_str_append_repeat (out, sp->fill, sp->fill_len, n);
}

/* Pads lead+body to the spec's width with its fill and alignment. */
static void
emit_padded (GString *out, const Spec *sp, char default_align, const char *lead, gsize lead_len,
             const char *body, gsize body_len)
{
  gsize n = hs_utf8_count (lead, lead_len) + hs_utf8_count (body, body_len);
  gsize pad = sp->width > 0 && (gsize)sp->width > n ? (gsize)sp->width - n : 0;
  char align = sp->align ? sp->align : default_align;

  switch (align)
    {
      case '<':
        g_string_append_len (out, lead, lead_len);
        g_string_append_len (out, body, body_len);
        append_fill (out, sp, pad);
        break;
      case '^':
        append_fill (out, sp, pad / 2);
        g_string_append_len (out, lead, lead_len);
        g_string_append_len (out, body, body_len);
        append_fill (out, sp, pad - pad / 2);
        break;
      case '=':
        g_string_append_len (out, lead, lead_len);
        append_fill (out, sp, pad);
        g_string_append_len (out, body, body_len);
        break;
      default:
        append_fill (out, sp, pad);
        g_string_append_len (out, lead, lead_len);
        g_string_append_len (out, body, body_len);
        break;
    }
}

/* Inserts `sep` every `every` digits from the right of digits[0..n). */
static void
group_digits (GString *out, const char *digits, gsize n, char sep, int every)
{
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % (gsize)every == 0)
        g_string_append_c (out, sep);
      g_string_append_c (out, digits[i]);
    }
}

/* Assembles sign/prefix, integer digits (grouped, zero-padded when the fill is '0' with
 * '=' alignment) and the rest, then pads. */
static gboolean
emit_number (HsVM *vm, GString *out, const Spec *sp, gboolean negative, const char *prefix,
             const char *digits, gsize ndigits, const char *rest, int every)
{
  char lead[8]; /* a sign and a two-letter prefix at most */
  gsize lead_len = 0;
  g_autoptr (GString) body = NULL;
  g_autoptr (GString) padded = NULL;

  if (negative)
    lead[lead_len++] = '-';
  else if (sp->sign == '+' || sp->sign == ' ')
    lead[lead_len++] = sp->sign;
  g_assert (strlen (prefix) <= 2);
  memcpy (lead + lead_len, prefix, strlen (prefix));
  lead_len += strlen (prefix);
  if (sp->width > 0 && !hs_format_check_size (vm, (gsize)sp->width * sp->fill_len))
    return FALSE;
  if (!sp->grouping && *rest == '\0')
    {
      /* the digits are the body: no copy (most specs, f"{i:06d}") */
      emit_padded (out, sp, '>', lead, lead_len, digits, ndigits);
      return TRUE;
    }
  body = g_string_new (NULL);
  if (sp->grouping && sp->align == '=' && sp->fill_len == 1 && sp->fill[0] == '0')
    {
      /* Zero padding goes inside the grouping (0,001,234): the fewest digits n >= ndigits
       * whose grouped length n + (n - 1) / every reaches the width. */
      gssize target = sp->width - (gssize)lead_len - (gssize)strlen (rest);
      gsize n = MAX (ndigits, 1);
      while ((gssize)(n + (n - 1) / (gsize)every) < target)
        n++;
      padded = g_string_sized_new (n);
      g_string_set_size (padded, n - ndigits);
      memset (padded->str, '0', n - ndigits);
      g_string_append_len (padded, digits, ndigits);
      group_digits (body, padded->str, padded->len, sp->grouping, every);
    }
  else if (sp->grouping)
    group_digits (body, digits, ndigits, sp->grouping, every);
  else
    g_string_append_len (body, digits, ndigits);
  g_string_append (body, rest);
  emit_padded (out, sp, '>', lead, lead_len, body->str, body->len);
  return TRUE;
}

static gboolean
check_grouping (HsVM *vm, const Spec *sp, gboolean allow_underscore, gboolean allow_comma)
{
  if ((sp->grouping == ',' && !allow_comma) || (sp->grouping == '_' && !allow_underscore))
    {
      hs_err_format (vm, &hs_exc_ValueError, "Cannot specify '%c' with '%c'.", sp->grouping,
                     sp->type);
      return FALSE;
    }
  return TRUE;
}

static gboolean format_float_spec (HsVM *vm, GString *out, double v, Spec *sp, const char *tname);

static gboolean
format_int_spec (HsVM *vm, GString *out, HsObject *value, Spec *sp)
{
  int base = 10, every = 3;
  const char *prefix = "";
  g_autoptr (GString) digits = g_string_new (NULL);
  char type = sp->type ? sp->type : 'd';

  switch (type)
    {
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case '%':
        {
          double d;
          if (hs_int_as_double (vm, value, &d) < 0)
            return FALSE;
          return format_float_spec (vm, out, d, sp, "int");
        }
      case 'd':
      case 'n':
        break;
      case 'b':
        base = 2;
        every = 4;
        prefix = "0b";
        break;
      case 'o':
        base = 8;
        every = 4;
        prefix = "0o";
        break;
      case 'x':
        base = 16;
        every = 4;
        prefix = "0x";
        break;
      case 'X':
        base = 16;
        every = 4;
        prefix = "0X";
        break;
      case 'c':
        break;
      default:
        unknown_code (vm, type, hs_type_name (value));
        return FALSE;
    }
  if (sp->precision >= 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "Precision not allowed in integer format specifier");
      return FALSE;
    }
  if (!check_no_neg_zero (vm, sp, "integer"))
    return FALSE;
  if (!check_grouping (vm, sp, type != 'n' && type != 'c', type == 'd'))
    return FALSE;
  if (type == 'c')
    {
      gint64 c;
      char buf[8];
      if (sp->sign)
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "Sign not allowed with integer format specifier 'c'");
          return FALSE;
        }
      if (sp->alt)
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "Alternate form (#) not allowed with integer format specifier 'c'");
          return FALSE;
        }
      if (!hs_int_as_i64 (value, &c) || c < 0 || c > 0x10FFFF)
        {
          hs_err_set_string (vm, &hs_exc_OverflowError, "%c arg not in range(0x110000)");
          return FALSE;
        }
      emit_padded (out, sp, '>', "", 0, buf, (gsize)g_unichar_to_utf8 ((gunichar)c, buf));
      return TRUE;
    }
  if (!hs_int_format_digits (vm, value, base, type == 'X', digits))
    return FALSE;
  return emit_number (vm, out, sp, hs_int_sign (value) < 0, sp->alt ? prefix : "", digits->str,
                      digits->len, "", every);
}

static gboolean
format_float_spec (HsVM *vm, GString *out, double v, Spec *sp, const char *tname)
{
  g_autoptr (GString) text = g_string_new (NULL);
  char type = sp->type;
  int prec = sp->precision >= 0 ? (int)sp->precision : 6;
  gboolean signed_text, negative, upper = FALSE;
  const char *t;
  gsize ndig;

  if (sp->precision > G_MAXINT)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "precision too big");
      return FALSE;
    }
  if (!hs_format_check_size (
          vm, hs_float_format_size (type == '%' ? 'f' : g_ascii_tolower (type), prec, sp->alt)))
    return FALSE;
  switch (type)
    {
      case 0:
        if (sp->precision < 0)
          hs_float_format_append (text, v, 'r', 0, sp->alt, !sp->bare_repr);
        else
          hs_float_format_append (text, v, 'g', prec, sp->alt, !sp->bare_repr);
        break;
      case 'E':
      case 'F':
      case 'G':
        upper = TRUE;
        G_GNUC_FALLTHROUGH;
      case 'e':
      case 'f':
      case 'g':
      case 'n':
        hs_float_format_append (text, v, type == 'n' ? 'g' : g_ascii_tolower (type), prec, sp->alt,
                                FALSE);
        break;
      case '%':
        hs_float_format_append (text, v * 100, 'f', prec, sp->alt, FALSE);
        break;
      default:
        unknown_code (vm, type, tname);
        return FALSE;
    }
  if (!check_grouping (vm, sp, type != 'n', type != 'n'))
    return FALSE;
  if (upper)
    for (gsize i = 0; i < text->len; i++)
      text->str[i] = g_ascii_toupper (text->str[i]);
  signed_text = text->str[0] == '-';
  t = text->str + signed_text;
  negative = signed_text && !(sp->no_neg_zero && is_formatted_zero (t));
  for (ndig = 0; g_ascii_isdigit (t[ndig]); ndig++)
    ;
  if (type == '%')
    g_string_append_c (text, '%'), t = text->str + signed_text;
  if (ndig == 0) /* inf, nan: no grouping */
    return emit_number (vm, out, sp, negative, "", "", 0, t, 3);
  return emit_number (vm, out, sp, negative, "", t, ndig, t + ndig, 3);
}

/* CPython's format_complex_internal: each part formatted as a float, the imaginary one
 * always signed unless the real part (a positive zero without a type) is left out, then
 * "j", parentheses when no type was given, and the whole padded (right by default). */
static gboolean
format_complex_spec (HsVM *vm, GString *out, double re, double im, const Spec *sp)
{
  g_autoptr (GString) body = g_string_new (NULL);
  Spec part = *sp;
  gboolean skip_re = FALSE, parens = FALSE;

  if (sp->fill_len == 1 && sp->fill[0] == '0')
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "Zero padding is not allowed in complex format specifier");
      return FALSE;
    }
  if (sp->align == '=')
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "'=' alignment flag is not allowed in complex format specifier");
      return FALSE;
    }
  if (sp->type != 0 && strchr ("eEfFgGn", sp->type) == NULL)
    {
      unknown_code (vm, sp->type, "complex");
      return FALSE;
    }
  if (sp->type == 0)
    {
      skip_re = re == 0.0 && !signbit (re);
      parens = !skip_re;
      part.bare_repr = TRUE;
    }
  part.type = sp->type == 'n' ? 'g' : sp->type;
  part.align = '<';
  part.width = -1;
  if (parens)
    g_string_append_c (body, '(');
  if (!skip_re && !format_float_spec (vm, body, re, &part, "complex"))
    return FALSE;
  part.sign = skip_re ? sp->sign : '+';
  if (!format_float_spec (vm, body, im, &part, "complex"))
    return FALSE;
  g_string_append (body, parens ? "j)" : "j");
  if (sp->width > 0 && !hs_format_check_size (vm, (gsize)sp->width * sp->fill_len))
    return FALSE;
  emit_padded (out, sp, '>', "", 0, body->str, body->len);
  return TRUE;
}

static gboolean
format_str_spec (HsVM *vm, GString *out, HsObject *value, Spec *sp)
{
  const char *s = hs_str_utf8 (value);
  gsize len = hs_str_byte_len (value);

  if (sp->type != 0 && sp->type != 's')
    {
      unknown_code (vm, sp->type, "str");
      return FALSE;
    }
  if (sp->sign)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Sign not allowed in string format specifier");
      return FALSE;
    }
  if (!check_no_neg_zero (vm, sp, "string"))
    return FALSE;
  if (sp->alt)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "Alternate form (#) not allowed in string format specifier");
      return FALSE;
    }
  if (sp->grouping)
    {
      sp->type = 's';
      return check_grouping (vm, sp, FALSE, FALSE);
    }
  if (sp->align == '=' && sp->zero_align)
    sp->align = '<'; /* format('ab', '05') == 'ab000' */
  if (sp->align == '=')
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "'=' alignment not allowed in string format specifier");
      return FALSE;
    }
  if (sp->precision >= 0 && (gsize)sp->precision < hs_str_char_len (value))
    len = (gsize)(g_utf8_offset_to_pointer (s, (glong)sp->precision) - s);
  if (sp->width > 0 && !hs_format_check_size (vm, (gsize)sp->width * sp->fill_len + len))
    return FALSE;
  emit_padded (out, sp, '<', "", 0, s, len);
  return TRUE;
}

static gboolean
is_formatted_here (const HsType *t)
{
  return t == &hs_int_type || t == &hs_bool_type || t == &hs_float_type || t == &hs_str_type;
}

/* The type's own __format__ (a class's, a module type's such as datetime's or Enum's), or NULL
 * when the value is formatted here (an int, float or str, or a subclass that keeps their
 * __format__). */
static HsObject *
format_hook (HsObject *value)
{
  if (is_formatted_here (value->type))
    return NULL;
  HsObject *fmt = hs_type_lookup_borrow (value->type, hs_str_intern_cstr ("__format__"));
  if (fmt != NULL && hs_method_descr_check (fmt)
      && is_formatted_here (((HsCFunctionObject *)fmt)->owner))
    return NULL;
  /* object's __format__ is what formatting here does for an object */
  if (fmt == hs_type_lookup_borrow (&hs_object_type, hs_str_intern_cstr ("__format__")))
    return NULL;
  return fmt;
}

/* format(value, spec) through the class's __format__, which must return a str. */
static HsObject *
call_format_hook (HsVM *vm, HsObject *hook, HsObject *value, HsObject *spec)
{
  HsObject *args[2] = { value, spec != NULL ? spec : hs_str_intern_cstr ("") };
  HsObject *r = hs_method_descr_check (hook) ? hs_cfunction_call_with_self (
                    vm, ((HsCFunctionObject *)hook)->def, value, args + 1, 1, NULL)
                                             : hs_object_call (vm, hook, args, 2, NULL);
  if (r != NULL && !hs_str_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__format__ must return a str, not %s",
                     hs_type_name (r));
      HS_CLEAR (vm, r);
    }
  return r;
}

/* format(value, spec) for a value without a __format__ of its own */
static HsObject *
format_here (HsVM *vm, HsObject *value, HsObject *spec_obj)
{
  const char *spec = spec_obj != NULL ? hs_str_utf8 (spec_obj) : "";
  gsize spec_len = spec_obj != NULL ? hs_str_byte_len (spec_obj) : 0;
  GString *out;
  Spec sp;
  gboolean ok;

  if (spec_len == 0)
    return hs_object_str (vm, value);
  if (!hs_int_check (value) && !HS_ISINSTANCE (value, &hs_float_type) && !hs_str_check (value)
      && !hs_complex_check (value))
    {
      hs_err_format (vm, &hs_exc_TypeError, "unsupported format string passed to %s.__format__",
                     hs_type_name (value));
      return NULL;
    }
  if (!parse_spec (vm, spec, spec_len, hs_type_name (value), &sp))
    return NULL;
  out = g_string_new (NULL);
  if (hs_int_check (value))
    ok = format_int_spec (vm, out, value, &sp);
  else if (HS_ISINSTANCE (value, &hs_float_type))
    ok = format_float_spec (vm, out, hs_float_value (value), &sp, hs_type_name (value));
  else if (hs_complex_check (value))
    ok = format_complex_spec (vm, out, HS_COMPLEX (value)->real, HS_COMPLEX (value)->imag, &sp);
  else
    ok = format_str_spec (vm, out, value, &sp);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return hs_str_from_gstring (vm, out);
}

HsObject *
hs_format_value (HsVM *vm, HsObject *value, HsObject *spec_obj)
{
  HsObject *hook = format_hook (value), *r;
  if (hook != NULL)
    return call_format_hook (vm, hook, value, spec_obj);
  /* CPython's PyObject_Format: with no spec a str is itself and an int its str(); another
   * value's __format__ is a METH_O built-in, whose call is a level against the recursion
   * limit (a __repr__ that formats self in an f-string recurses through it) */
  if ((spec_obj == NULL || hs_str_byte_len (spec_obj) == 0)
      && (HS_IS (value, &hs_str_type) || HS_IS (value, &hs_int_type)))
    return hs_object_str (vm, value);
  if (!hs_recursion_enter (vm, " while calling a Python object"))
    return NULL;
  r = format_here (vm, value, spec_obj);
  hs_recursion_leave (vm);
  return r;
}

HsObject *
hs_format_dunder (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *spec;
  const char *fname = hs_str_check (args[0])   ? "str.__format__"
                      : hs_int_check (args[0]) ? "int.__format__"
                                               : "float.__format__";
  if (!hs_parse_args (vm, fname, args + 1, nargs - 1, kwnames, "!format_spec", &spec))
    return NULL;
  if (!hs_str_check (spec))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__format__() argument must be str, not %s",
                     hs_type_name (spec));
      return NULL;
    }
  return hs_format_value (vm, args[0], spec);
}

/* ---- str.format ------------------------------------------------------------------- */

typedef struct
{
  HsObject **args;
  gsize nargs;
  HsObject *kwnames;
  int auto_index; /* -1: manual numbering in use */
  gboolean manual;
  HsObject *mapping; /* format_map's, or NULL */
} FormatArgs;

static HsObject *
lookup_kw (FormatArgs *fa, const char *name, gsize len)
{
  gsize nkw = fa->kwnames != NULL ? hs_tuple_len (fa->kwnames) : 0;
  for (gsize i = 0; i < nkw; i++)
    {
      HsObject *k = hs_tuple_items (fa->kwnames)[i];
      if (hs_str_byte_len (k) == len && memcmp (hs_str_utf8 (k), name, len) == 0)
        return fa->args[fa->nargs + i];
    }
  return NULL;
}

static gboolean
all_digits (const char *s, gsize n)
{
  if (n == 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* CPython's get_integer: FALSE with its ValueError when the digits pass a ssize_t. */
static gboolean
digits_fit (HsVM *vm, const char *s, gsize n)
{
  gint64 v = 0;
  for (gsize i = 0; i < n; i++)
    {
      int d = s[i] - '0';
      if (v > (G_MAXINT64 - d) / 10)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Too many decimal digits in format string");
          return FALSE;
        }
      v = v * 10 + d;
    }
  return TRUE;
}

/* Resolves "name.attr[key]..." to a new reference. */
static HsObject *
resolve_field (HsVM *vm, FormatArgs *fa, const char *s, gsize n)
{
  gsize i = 0;
  HsObject *obj;

  while (i < n && s[i] != '.' && s[i] != '[')
    i++;
  if (all_digits (s, i) && !digits_fit (vm, s, i))
    return NULL;
  if (fa->mapping != NULL && (i == 0 || all_digits (s, i)))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Format string contains positional fields");
      return NULL;
    }
  if (fa->mapping != NULL)
    {
      HsObject *key = hs_str_new (vm, s, i);
      obj = key != NULL ? hs_object_getitem (vm, fa->mapping, key) : NULL;
      hs_xdecref (vm, key);
      if (obj == NULL)
        return NULL;
    }
  else if (i == 0)
    {
      if (fa->manual)
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "cannot switch from manual field specification to automatic field "
                             "numbering");
          return NULL;
        }
      fa->auto_index++;
      if ((gsize)fa->auto_index >= fa->nargs)
        {
          hs_err_format (vm, &hs_exc_IndexError,
                         "Replacement index %d out of range for positional args tuple",
                         fa->auto_index);
          return NULL;
        }
      obj = hs_incref (fa->args[fa->auto_index]);
    }
  else if (all_digits (s, i))
    {
      gint64 idx = g_ascii_strtoll (s, NULL, 10);
      if (fa->auto_index >= 0)
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             "cannot switch from automatic field numbering to manual field "
                             "specification");
          return NULL;
        }
      fa->manual = TRUE;
      if ((gsize)idx >= fa->nargs)
        {
          hs_err_format (
              vm, &hs_exc_IndexError,
              "Replacement index %" G_GINT64_FORMAT " out of range for positional args tuple", idx);
          return NULL;
        }
      obj = hs_incref (fa->args[idx]);
    }
  else
    {
      HsObject *v = lookup_kw (fa, s, i);
      if (v == NULL)
        {
          HsObject *key = hs_str_new (vm, s, i);
          if (key != NULL)
            {
              hs_err_set_key (vm, key);
              hs_decref (vm, key);
            }
          return NULL;
        }
      obj = hs_incref (v);
    }
  while (i < n)
    {
      HsObject *next = NULL;
      gsize j;
      if (s[i] == '.')
        {
          g_autofree char *attr = NULL;
          for (j = ++i; j < n && s[j] != '.' && s[j] != '['; j++)
            ;
          attr = g_strndup (s + i, j - i);
          next = hs_object_getattr_cstr (vm, obj, attr);
          i = j;
        }
      else
        {
          HsObject *key;
          for (j = ++i; j < n && s[j] != ']'; j++)
            ;
          if (j >= n)
            {
              hs_err_set_string (vm, &hs_exc_ValueError, "Missing ']' in format string");
              hs_decref (vm, obj);
              return NULL;
            }
          if (all_digits (s + i, j - i) && !digits_fit (vm, s + i, j - i))
            {
              hs_decref (vm, obj);
              return NULL;
            }
          key = all_digits (s + i, j - i) ? hs_int_from_i64 (vm, g_ascii_strtoll (s + i, NULL, 10))
                                          : hs_str_new (vm, s + i, j - i);
          if (key != NULL)
            {
              next = hs_object_getitem (vm, obj, key);
              hs_decref (vm, key);
            }
          i = j + 1;
        }
      hs_decref (vm, obj);
      if (next == NULL)
        return NULL;
      obj = next;
    }
  return obj;
}

static gboolean format_string (HsVM *vm, GString *out, const char *s, gsize n, FormatArgs *fa,
                               int depth);

/* One replacement field: s[0..n) is the text between the braces. */
static gboolean
format_field (HsVM *vm, GString *out, const char *s, gsize n, FormatArgs *fa, int depth)
{
  gsize i = 0, name_end;
  char conv = 0;
  HsObject *obj, *conv_obj, *spec = NULL, *res;
  int bracket = 0;

  while (i < n && (bracket > 0 || (s[i] != '!' && s[i] != ':')))
    {
      if (s[i] == '[')
        bracket++;
      else if (s[i] == ']')
        bracket--;
      i++;
    }
  name_end = i;
  if (i < n && s[i] == '!')
    {
      if (i + 1 >= n || (i + 2 < n && s[i + 2] != ':') || (i + 2 == n && FALSE))
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             i + 1 >= n ? "unmatched '{' in format spec"
                                        : "expected ':' after conversion specifier");
          return FALSE;
        }
      conv = s[i + 1];
      i += 2;
    }
  obj = resolve_field (vm, fa, s, name_end);
  if (obj == NULL)
    return FALSE;
  switch (conv)
    {
      case 0:
        conv_obj = obj;
        obj = NULL;
        break;
      case 'r':
        conv_obj = hs_object_repr (vm, obj);
        break;
      case 's':
        conv_obj = hs_object_str (vm, obj);
        break;
      case 'a':
        conv_obj = hs_object_ascii (vm, obj);
        break;
      default:
        hs_err_format (vm, &hs_exc_ValueError, "Unknown conversion specifier %c", conv);
        hs_decref (vm, obj);
        return FALSE;
    }
  hs_xdecref (vm, obj);
  if (conv_obj == NULL)
    return FALSE;
  if (i < n && s[i] == ':')
    {
      g_autoptr (GString) spec_text = g_string_new (NULL);
      i++;
      if (depth >= 1 && memchr (s + i, '{', n - i) != NULL)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Max string recursion exceeded");
          hs_decref (vm, conv_obj);
          return FALSE;
        }
      if (!format_string (vm, spec_text, s + i, n - i, fa, depth + 1))
        {
          hs_decref (vm, conv_obj);
          return FALSE;
        }
      spec = hs_str_new (vm, spec_text->str, spec_text->len);
    }
  res = hs_format_value (vm, conv_obj, spec);
  hs_decref (vm, conv_obj);
  hs_xdecref (vm, spec);
  if (res == NULL)
    return FALSE;
  gboolean ok = hs_str_build (vm, out, hs_str_utf8 (res), hs_str_byte_len (res));
  hs_decref (vm, res);
  return ok;
}

static gboolean
format_string (HsVM *vm, GString *out, const char *s, gsize n, FormatArgs *fa, int depth)
{
  gsize i = 0;

  while (i < n)
    {
      char c = s[i];
      if (c == '{' && i + 1 < n && s[i + 1] == '{')
        {
          g_string_append_c (out, '{');
          i += 2;
        }
      else if (c == '}' && i + 1 < n && s[i + 1] == '}')
        {
          g_string_append_c (out, '}');
          i += 2;
        }
      else if (c == '}')
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "Single '}' encountered in format string");
          return FALSE;
        }
      else if (c == '{')
        {
          int level = 1;
          gsize j = i + 1;
          for (; j < n && level > 0; j++)
            {
              if (s[j] == '{')
                level++;
              else if (s[j] == '}')
                level--;
            }
          if (level > 0)
            {
              hs_err_set_string (vm, &hs_exc_ValueError,
                                 j == i + 1 ? "Single '{' encountered in format string"
                                            : "expected '}' before end of string");
              return FALSE;
            }
          if (!format_field (vm, out, s + i + 1, j - i - 2, fa, depth))
            return FALSE;
          i = j;
        }
      else
        g_string_append_c (out, s[i++]);
    }
  return TRUE;
}

static HsObject *
format_with (HsVM *vm, HsObject *fmt, FormatArgs *fa)
{
  GString *out = g_string_new (NULL);

  if (!format_string (vm, out, hs_str_utf8 (fmt), hs_str_byte_len (fmt), fa, 0))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return hs_str_from_gstring (vm, out);
}

HsObject *
hs_str_format_method (HsVM *vm, HsObject *fmt, HsObject **args, gsize nargs, HsObject *kwnames)
{
  FormatArgs fa = { args, nargs, kwnames, -1, FALSE, NULL };
  return format_with (vm, fmt, &fa);
}

HsObject *
hs_str_format_map (HsVM *vm, HsObject *fmt, HsObject *mapping)
{
  FormatArgs fa = { NULL, 0, NULL, -1, FALSE, mapping };
  return format_with (vm, fmt, &fa);
}

HsObject *
hs_object_ascii (HsVM *vm, HsObject *obj)
{
  HsObject *r = hs_object_repr (vm, obj);
  GString *out;

  if (r == NULL)
    return NULL;
  /* an escape takes at most 2.5 bytes a byte of the repr ("\U0001f600" for 4) */
  if (!hs_format_check_size (vm, hs_str_byte_len (r) / 2 * 5 + 5))
    {
      hs_decref (vm, r);
      return NULL;
    }
  out = g_string_new (NULL);
  for (const char *p = hs_str_utf8 (r); *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x80)
        g_string_append_c (out, (char)c);
      else
        hs_str_append_escape (out, c);
    }
  hs_decref (vm, r);
  return hs_str_from_gstring (vm, out);
}

/* ---- printf-style % --------------------------------------------------------------- */

typedef struct
{
  HsObject *args;   /* the right operand */
  HsObject **items; /* positional items */
  gsize n, next;
  HsObject *mapping; /* for %(key)s, or NULL */
  gboolean bytes;    /* bytes % args (PEP 461): bytes keys, %s/%b/%r/%a/%c give bytes */
} PercentArgs;

static HsObject *
next_arg (HsVM *vm, PercentArgs *pa)
{
  if (pa->next >= pa->n)
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "not enough arguments for format string");
      return NULL;
    }
  return pa->items[pa->next++];
}

/* A '*' width (as a C ssize_t) or precision (as a C int), as CPython reads them. */
static gboolean
star_arg (HsVM *vm, PercentArgs *pa, gboolean is_precision, gssize *out)
{
  HsObject *a = next_arg (vm, pa);
  gint64 v;
  if (a == NULL)
    return FALSE;
  if (!hs_int_check (a))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "* wants int");
      return FALSE;
    }
  if (!hs_int_as_i64 (a, &v) || (is_precision && (v > G_MAXINT || v < G_MININT)))
    {
      hs_err_format (vm, &hs_exc_OverflowError, "Python int too large to convert to C %s",
                     is_precision ? "int" : "ssize_t");
      return FALSE;
    }
  *out = (gssize)v;
  return TRUE;
}

/* Digits of a width (up to a ssize_t) or a precision (up to a C int) after '%' (bytes %
 * words the precision's error "prec too big", as CPython's _PyBytes_FormatEx). */
static gboolean
percent_number (HsVM *vm, const char *fmt, gsize n, gsize *i, gboolean is_precision, gboolean bytes,
                gssize *out)
{
  gssize limit = is_precision ? G_MAXINT : G_MAXSSIZE;
  while (*i < n && g_ascii_isdigit (fmt[*i]))
    {
      int d = fmt[(*i)++] - '0';
      gssize v = *out < 0 ? 0 : *out;
      if (v > (limit - d) / 10)
        {
          hs_err_set_string (vm, &hs_exc_ValueError,
                             !is_precision ? "width too big"
                             : bytes       ? "prec too big"
                                           : "precision too big");
          return FALSE;
        }
      *out = v * 10 + d;
    }
  return TRUE;
}

typedef struct
{
  gboolean left, zero, plus, space, alt;
  gssize width, prec;
} PercentFlags;

/* Appends lead+body padded to the flags' width: FALSE with MemoryError when the text built
 * so far and this would pass what the heap cap leaves (several fields each under it). */
static gboolean
percent_pad (HsVM *vm, GString *out, const PercentFlags *f, const char *lead, const char *body,
             gsize body_len, gboolean numeric)
{
  Spec sp;
  gsize len = strlen (lead) + body_len;
  if (!hs_format_check_size (vm, out->len + MAX (len, (gsize)MAX (f->width, 0))))
    return FALSE;
  memset (&sp, 0, sizeof sp);
  sp.fill[0] = ' ';
  sp.fill_len = 1;
  sp.width = f->width;
  sp.align = f->left ? '<' : '>';
  if (numeric && f->zero && !f->left)
    {
      sp.fill[0] = '0';
      sp.align = '=';
    }
  emit_padded (out, &sp, '>', lead, strlen (lead), body, body_len);
  return TRUE;
}

static gboolean
percent_int (HsVM *vm, GString *out, HsObject *v, char type, const PercentFlags *f)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  g_autoptr (GString) lead = g_string_new (NULL);
  HsObject *iv = NULL;
  int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
  gboolean ok;

  if (hs_int_check (v))
    iv = hs_incref (v);
  else if (base == 10 && HS_ISINSTANCE (v, &hs_float_type))
    iv = hs_int_from_double (vm, trunc (hs_float_value (v)));
  else if (base != 10 && hs_object_has_index (v))
    iv = hs_number_index (vm, v);
  else if (base == 10
           && (hs_object_has_index (v)
               || hs_type_lookup_borrow (v->type, hs_str_intern_cstr ("__int__")) != NULL))
    iv = hs_object_call (vm, (HsObject *)&hs_int_type, &v, 1, NULL); /* PyNumber_Long */
  else
    {
      if (base == 10)
        hs_err_format (vm, &hs_exc_TypeError, "%%%c format: a real number is required, not %s",
                       type, hs_type_name (v));
      else
        hs_err_format (vm, &hs_exc_TypeError, "%%%c format: an integer is required, not %s", type,
                       hs_type_name (v));
      return FALSE;
    }
  if (iv == NULL)
    return FALSE;
  if (f->prec > G_MAXINT - 3)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "precision too large");
      hs_decref (vm, iv);
      return FALSE;
    }
  ok = hs_format_check_size (vm, (gsize)MAX (f->prec, 0) * 2)
       && hs_int_format_digits (vm, iv, base, type == 'X', digits);
  if (ok)
    {
      if (hs_int_sign (iv) < 0)
        g_string_append_c (lead, '-');
      else if (f->plus)
        g_string_append_c (lead, '+');
      else if (f->space)
        g_string_append_c (lead, ' ');
      if (f->alt && base != 10)
        g_string_append (lead, type == 'x' ? "0x" : type == 'X' ? "0X" : "0o");
      if (f->prec > 0 && digits->len < (gsize)f->prec)
        {
          gsize zeros = (gsize)f->prec - digits->len;
          g_string_set_size (digits, (gsize)f->prec);
          memmove (digits->str + zeros, digits->str, digits->len - zeros);
          memset (digits->str, '0', zeros);
        }
      ok = percent_pad (vm, out, f, lead->str, digits->str, digits->len, TRUE);
    }
  hs_decref (vm, iv);
  return ok;
}

static gboolean
percent_float (HsVM *vm, GString *out, HsObject *v, char type, const PercentFlags *f,
               gboolean bytes)
{
  g_autoptr (GString) text = g_string_new (NULL);
  double d;
  const char *lead;
  PercentFlags ff = *f;

  if (!hs_int_check (v) && !HS_ISINSTANCE (v, &hs_float_type) && !hs_object_has_index (v)
      && hs_type_lookup_borrow (v->type, hs_str_intern_cstr ("__float__")) == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     bytes ? "float argument required, not %s" : "must be real number, not %s",
                     hs_type_name (v));
      return FALSE;
    }
  if (hs_number_as_double (vm, v, &d) < 0
      || !hs_format_check_size (vm, hs_float_format_size (g_ascii_tolower (type),
                                                          f->prec >= 0 ? (int)f->prec : 6, f->alt)))
    return FALSE;
  hs_float_format_append (text, d, g_ascii_tolower (type), f->prec >= 0 ? (int)f->prec : 6, f->alt,
                          FALSE);
  if (g_ascii_isupper (type))
    for (gsize i = 0; i < text->len; i++)
      text->str[i] = g_ascii_toupper (text->str[i]);
  lead = text->str[0] == '-' ? "-" : f->plus ? "+" : f->space ? " " : "";
  return percent_pad (vm, out, &ff, lead, text->str + (text->str[0] == '-'),
                      text->len - (text->str[0] == '-'), TRUE);
}

/* The bytes %s and %b take: a bytes-like object's, or what its class's __bytes__ returns
 * (CPython's format_obj); a new reference. */
static HsObject *
percent_bytes_of (HsVM *vm, HsObject *v)
{
  if (hs_bytes_like_check (v))
    return hs_incref (v);
  HsObject *m = hs_type_lookup_borrow (v->type, hs_str_intern_cstr ("__bytes__")), *r;
  if (m == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "%%b requires a bytes-like object, or an object that implements __bytes__, "
                     "not '%s'",
                     hs_type_name (v));
      return NULL;
    }
  r = hs_object_call (vm, m, &v, 1, NULL);
  if (r != NULL && !HS_ISINSTANCE (r, &hs_bytes_type))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                     hs_type_name (r));
      HS_CLEAR (vm, r);
    }
  return r;
}

/* %c, %s, %b, %r and %a of bytes % args: raw bytes, padded and cut by bytes. */
static gboolean
percent_bytes_one (HsVM *vm, GString *out, HsObject *v, char type, const PercentFlags *f)
{
  HsObject *held = NULL;
  const char *data;
  char byte;
  gint64 code;
  gsize len, pad;

  if (type == 'c')
    {
      if ((HS_ISINSTANCE (v, &hs_bytes_type) || HS_ISINSTANCE (v, &hs_bytearray_type))
          && HS_BYTES (v)->len == 1)
        byte = HS_BYTES (v)->data[0];
      else if (!hs_int_check (v))
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "%c requires an integer in range(256) or a single byte");
          return FALSE;
        }
      else if (!hs_int_as_i64 (v, &code) || code < 0 || code > 255)
        {
          hs_err_set_string (vm, &hs_exc_OverflowError, "%c arg not in range(256)");
          return FALSE;
        }
      else
        byte = (char)code;
      data = &byte;
      len = 1;
    }
  else
    {
      held = type == 'r' || type == 'a' ? hs_object_ascii (vm, v) : percent_bytes_of (vm, v);
      if (held == NULL)
        return FALSE;
      data = hs_str_check (held) ? hs_str_utf8 (held) : HS_BYTES (held)->data;
      len = hs_str_check (held) ? hs_str_byte_len (held) : HS_BYTES (held)->len;
      if (f->prec >= 0 && (gsize)f->prec < len)
        len = (gsize)f->prec;
    }
  pad = f->width > 0 && (gsize)f->width > len ? (gsize)f->width - len : 0;
  if (!f->left)
    for (gsize k = 0; k < pad; k++)
      g_string_append_c (out, ' ');
  g_string_append_len (out, data, len);
  if (f->left)
    for (gsize k = 0; k < pad; k++)
      g_string_append_c (out, ' ');
  hs_xdecref (vm, held);
  return TRUE;
}

static gboolean
percent_one (HsVM *vm, GString *out, HsObject *v, char type, const PercentFlags *f, gboolean bytes)
{
  HsObject *s = NULL;

  if (bytes && strchr ("csbra", type) != NULL)
    return percent_bytes_one (vm, out, v, type, f);
  switch (type)
    {
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o':
        return percent_int (vm, out, v, type, f);
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        return percent_float (vm, out, v, type, f, bytes);
      case 'c':
        {
          char buf[8];
          gint64 c;
          if (hs_str_check (v) && hs_str_char_len (v) == 1)
            s = hs_incref (v);
          else if (hs_int_check (v))
            {
              if (!hs_int_as_i64 (v, &c) || c < 0 || c > 0x10FFFF)
                {
                  hs_err_set_string (vm, &hs_exc_OverflowError, "%c arg not in range(0x110000)");
                  return FALSE;
                }
              s = hs_str_new (vm, buf, (gsize)g_unichar_to_utf8 ((gunichar)c, buf));
            }
          else
            {
              hs_err_set_string (vm, &hs_exc_TypeError, "%c requires int or char");
              return FALSE;
            }
          break;
        }
      case 's':
        s = hs_object_str (vm, v);
        break;
      case 'r':
        s = hs_object_repr (vm, v);
        break;
      case 'a':
        s = hs_object_ascii (vm, v);
        break;
      default:
        return FALSE;
    }
  if (s == NULL)
    return FALSE;
  {
    gsize len = hs_str_byte_len (s);
    gboolean ok;
    if (f->prec >= 0 && (gsize)f->prec < hs_str_char_len (s))
      len = (gsize)(g_utf8_offset_to_pointer (hs_str_utf8 (s), (glong)f->prec) - hs_str_utf8 (s));
    ok = percent_pad (vm, out, f, "", hs_str_utf8 (s), len, FALSE);
    hs_decref (vm, s);
    return ok;
  }
}

/* Parses one conversion after '%' at fmt[*i]; appends its text. */
static gboolean
percent_spec (HsVM *vm, GString *out, const char *fmt, gsize n, gsize *i, PercentArgs *pa)
{
  PercentFlags f = { FALSE, FALSE, FALSE, FALSE, FALSE, -1, -1 };
  HsObject *v, *owned = NULL;
  gsize start = *i - 1;
  char type;
  gboolean ok;

  if (*i < n && fmt[*i] == '(')
    {
      int level = 1;
      gsize k = ++*i;
      HsObject *key;
      if (pa->mapping == NULL)
        {
          hs_err_set_string (vm, &hs_exc_TypeError, "format requires a mapping");
          return FALSE;
        }
      for (; *i < n && level > 0; ++*i)
        level += fmt[*i] == '(' ? 1 : fmt[*i] == ')' ? -1 : 0;
      if (level > 0)
        {
          hs_err_set_string (vm, &hs_exc_ValueError, "incomplete format key");
          return FALSE;
        }
      key = pa->bytes ? hs_bytes_new (vm, fmt + k, *i - k - 1)
                      : hs_str_new (vm, fmt + k, *i - k - 1);
      if (key == NULL)
        return FALSE;
      owned = hs_object_getitem (vm, pa->mapping, key);
      hs_decref (vm, key);
      if (owned == NULL)
        return FALSE;
    }
  for (; *i < n; ++*i)
    {
      char c = fmt[*i];
      if (c == '-')
        f.left = TRUE;
      else if (c == '0')
        f.zero = TRUE;
      else if (c == '+')
        f.plus = TRUE;
      else if (c == ' ')
        f.space = TRUE;
      else if (c == '#')
        f.alt = TRUE;
      else
        break;
    }
  ok = TRUE;
  if (*i < n && fmt[*i] == '*')
    {
      ++*i;
      ok = star_arg (vm, pa, FALSE, &f.width);
      if (ok && f.width < 0)
        {
          f.left = TRUE;
          f.width = -f.width;
        }
    }
  else
    ok = percent_number (vm, fmt, n, i, FALSE, pa->bytes, &f.width);
  if (ok && *i < n && fmt[*i] == '.')
    {
      ++*i;
      f.prec = 0;
      if (*i < n && fmt[*i] == '*')
        {
          ++*i;
          ok = star_arg (vm, pa, TRUE, &f.prec);
          if (ok && f.prec < 0)
            f.prec = 0;
        }
      else
        ok = percent_number (vm, fmt, n, i, TRUE, pa->bytes, &f.prec);
    }
  while (ok && *i < n && (fmt[*i] == 'h' || fmt[*i] == 'l' || fmt[*i] == 'L'))
    ++*i;
  if (!ok || *i >= n)
    {
      if (ok)
        hs_err_set_string (vm, &hs_exc_ValueError, "incomplete format");
      hs_xdecref (vm, owned);
      return FALSE;
    }
  type = fmt[(*i)++];
  if (type == '%')
    {
      g_string_append_c (out, '%');
      hs_xdecref (vm, owned);
      return TRUE;
    }
  if (pa->bytes && (guchar)type >= 0x80)
    {
      /* CPython formats the byte as a negative C char */
      hs_err_set_string (vm, &hs_exc_OverflowError, "character argument not in range(0x110000)");
      hs_xdecref (vm, owned);
      return FALSE;
    }
  if (strchr (pa->bytes ? "diuxXoeEfFgGcsrab" : "diuxXoeEfFgGcsra", type) == NULL || type == '\0')
    {
      gunichar c = pa->bytes ? (guchar)type : g_utf8_get_char (fmt + *i - 1);
      char shown[2] = { pa->bytes || (c >= 31 && c <= 126) ? (char)c : '?', 0 };
      hs_err_format (vm, &hs_exc_ValueError,
                     "unsupported format character '%s' (0x%x) at index %" G_GSIZE_FORMAT, shown, c,
                     pa->bytes ? *i - 1 : (gsize)g_utf8_pointer_to_offset (fmt, fmt + *i - 1));
      hs_xdecref (vm, owned);
      return FALSE;
    }
  (void)start;
  v = owned != NULL ? owned : next_arg (vm, pa);
  if (v == NULL)
    return FALSE;
  if (f.width > 0 && !hs_format_check_size (vm, out->len + (gsize)f.width))
    ok = FALSE;
  else
    ok = percent_one (vm, out, v, type, &f, pa->bytes);
  hs_xdecref (vm, owned);
  return ok;
}

/* fmt % args into a new GString (NULL with the error set): a str's text, or (pa->bytes)
 * the bytes of a bytes-like object. */
static GString *
percent_format (HsVM *vm, const char *fmt, gsize n, HsObject *args, gboolean bytes)
{
  PercentArgs pa = { args, NULL, 0, 0, NULL, bytes };
  gsize i = 0;
  GString *out;

  if (hs_tuple_check (args))
    {
      pa.items = hs_tuple_items (args);
      pa.n = hs_tuple_len (args);
    }
  else
    {
      pa.items = &pa.args;
      pa.n = 1;
      /* CPython's test: a str formats bytes as a mapping, bytes does not */
      if (HS_TYPE (args)->getitem != NULL && !hs_str_check (args)
          && !(bytes && hs_bytes_like_check (args)))
        pa.mapping = args;
    }
  out = g_string_sized_new (n + 16);
  while (i < n)
    {
      const char *pct = memchr (fmt + i, '%', n - i);
      gsize stop = pct != NULL ? (gsize)(pct - fmt) : n;
      g_string_append_len (out, fmt + i, stop - i);
      i = stop;
      if (i >= n)
        break;
      i++;
      if (!percent_spec (vm, out, fmt, n, &i, &pa))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  if (pa.next < pa.n && pa.mapping == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "not all arguments converted during %s formatting",
                     bytes ? "bytes" : "string");
      g_string_free (out, TRUE);
      return NULL;
    }
  return out;
}

/* ---- the common conversions of str % args at once ----------------------------------- */

/* percent_fast takes formats of at most this many conversions, each %[-0+ ][W][.P]T of
 * W and P under 100, T one of d i x X f F s r: what learners' programs write. */
#define FAST_SPECS 8

typedef struct
{
  const char *text; /* the body (a str's bytes, or num) */
  gsize len, chars;
  char lead; /* a sign, or 0 */
  gboolean left, zero;
  int width;
  HsObject *str; /* an exact str written whole, or NULL */
  char num[40];  /* an int64's digits, or %f of |d| < 1e15 to 20 places */
} FastPiece;

/* The digits of m in base 10 or 16, at the end of buf; their start. */
static char *
fast_digits (char *end, guint64 m, int base, gboolean upper)
{
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  do
    {
      *--end = set[m % (guint64)base];
      m /= (guint64)base;
    }
  while (m != 0);
  return end;
}

/* A small exact int's value (bool's too), else FALSE. */
static gboolean
fast_int (HsObject *v, gint64 *out)
{
  if ((v->type != &hs_int_type && v->type != &hs_bool_type) || !hs_int_is_small (v))
    return FALSE;
  *out = hs_int_small_value (v);
  return TRUE;
}

/* What %s or %r of v is when it can be said at once (no __str__ or __repr__ to call). */
static gboolean
fast_text (FastPiece *p, HsObject *v, char type)
{
  gint64 k;

  if (v->type == &hs_str_type && type == 's')
    {
      p->str = v;
      p->text = hs_str_utf8 (v);
      p->len = hs_str_byte_len (v);
      p->chars = hs_str_char_len (v);
      return TRUE;
    }
  if (v->type == &hs_str_type)
    {
      /* repr of printable ASCII needing no escape or double quotes: the text in '' */
      const char *s = hs_str_utf8 (v);
      gsize n = hs_str_byte_len (v);
      if (n + 2 > sizeof p->num)
        return FALSE;
      for (gsize i = 0; i < n; i++)
        if (s[i] < 0x20 || s[i] > 0x7e || s[i] == '\'' || s[i] == '\\')
          return FALSE;
      p->num[0] = p->num[n + 1] = '\'';
      memcpy (p->num + 1, s, n);
      p->text = p->num;
      p->len = p->chars = n + 2;
      return TRUE;
    }
  if (v == hs_None || v->type == &hs_bool_type)
    p->text = v == hs_None ? "None" : v == hs_True ? "True" : "False";
  else if (fast_int (v, &k))
    {
      char *end = p->num + sizeof p->num;
      p->text = fast_digits (end, k < 0 ? -(guint64)k : (guint64)k, 10, FALSE);
      if (k < 0)
        *(char *)--p->text = '-';
      p->len = p->chars = (gsize)(end - p->text);
      return TRUE;
    }
  else
    return FALSE;
  p->len = p->chars = strlen (p->text);
  return TRUE;
}

/* What a numeric conversion of v is when it can be said at once. */
static gboolean
fast_number (FastPiece *p, HsObject *v, char type, int prec)
{
  gint64 k;
  double d;
  char spec[8];

  if (type == 'f' || type == 'F')
    {
      if (v->type == &hs_float_type)
        d = hs_float_value (v);
      else if (fast_int (v, &k))
        d = (double)k;
      else
        return FALSE;
      /* beyond, the text outgrows num, or is inf or nan */
      if (!(fabs (d) < 1e15) || prec > 20)
        return FALSE;
      g_snprintf (spec, sizeof spec, "%%.%df", prec < 0 ? 6 : prec);
      /* g_ascii_formatd: a locale's decimal comma would not do */
      g_ascii_formatd (p->num, sizeof p->num, spec, fabs (d));
      p->text = p->num;
      p->len = p->chars = strlen (p->num);
      p->lead = signbit (d) ? '-' : p->lead;
      return TRUE;
    }
  if (!fast_int (v, &k) || prec >= 0)
    return FALSE;
  p->text = fast_digits (p->num + sizeof p->num, k < 0 ? -(guint64)k : (guint64)k,
                         type == 'x' || type == 'X' ? 16 : 10, type == 'X');
  p->len = p->chars = (gsize)(p->num + sizeof p->num - p->text);
  p->lead = k < 0 ? '-' : p->lead;
  return TRUE;
}

/* Two digits at most, else FALSE. */
static gboolean
fast_number_field (const char *fmt, gsize n, gsize *i, int *out)
{
  int v = 0, digits = 0;
  while (*i < n && g_ascii_isdigit (fmt[*i]) && digits < 3)
    {
      v = v * 10 + (fmt[(*i)++] - '0');
      digits++;
    }
  *out = v;
  return digits < 3;
}

/* Parses the conversion after the '%' at fmt[*i] into p, its argument v; FALSE: not one
 * percent_fast takes. */
static gboolean
fast_spec (const char *fmt, gsize n, gsize *i, FastPiece *p, HsObject **items, gsize nitems,
           gsize *next)
{
  int prec = -1;
  char type;

  memset (p, 0, offsetof (FastPiece, num));
  for (; *i < n; ++*i)
    {
      char c = fmt[*i];
      if (c == '-')
        p->left = TRUE;
      else if (c == '0')
        p->zero = TRUE;
      else if (c == '+' || (c == ' ' && p->lead != '+'))
        p->lead = c;
      else
        break;
    }
  if (!fast_number_field (fmt, n, i, &p->width))
    return FALSE;
  if (*i < n && fmt[*i] == '.')
    {
      ++*i;
      if (!fast_number_field (fmt, n, i, &prec))
        return FALSE;
    }
  if (*i >= n || *next >= nitems)
    return FALSE;
  type = fmt[(*i)++];
  switch (type)
    {
      case 'd':
      case 'i':
      case 'x':
      case 'X':
      case 'f':
      case 'F':
        return fast_number (p, items[(*next)++], type, prec);
      case 's':
      case 'r':
        p->lead = 0;
        p->zero = FALSE;
        /* a precision that cuts nothing (CPython then writes the str whole) */
        return fast_text (p, items[(*next)++], type)
               && (prec < 0 || (p->str != NULL && (gsize)prec >= p->chars));
      default:
        return FALSE;
    }
}

/* fmt % args built at its exact size with no intermediate object, when every conversion
 * is a common one of an int, float, str, bool or None (`"user%d" % k`); FALSE: not taken,
 * percent_format's way then says the same, errors included. */
static gboolean
percent_fast (HsVM *vm, HsObject *fmt, HsObject *args, HsObject **result)
{
  const char *f = hs_str_utf8 (fmt);
  gsize n = hs_str_byte_len (fmt), i = 0, next = 0, nitems, total = 0, np = 0, pos;
  HsObject **items;
  FastPiece pieces[FAST_SPECS];
  char stack[256], *buf, *w;

  if (hs_tuple_check (args))
    {
      items = hs_tuple_items (args);
      nitems = hs_tuple_len (args);
    }
  else if (args->type == &hs_int_type || args->type == &hs_float_type || args->type == &hs_str_type
           || args == hs_None || args->type == &hs_bool_type)
    {
      items = &args;
      nitems = 1;
    }
  else
    return FALSE;
  while (i < n)
    {
      const char *pct = memchr (f + i, '%', n - i);
      if (pct == NULL)
        break;
      i = (gsize)(pct - f) + 1;
      if (i < n && f[i] == '%')
        {
          i++;
          continue;
        }
      if (np == FAST_SPECS || !fast_spec (f, n, &i, &pieces[np], items, nitems, &next))
        return FALSE;
      np++;
    }
  if (next != nitems)
    return FALSE;
  /* CPython's writer gives back the str itself when it is all there is: `"%s" % s`, or a
   * format with no conversion */
  if (np == 0 && i == 0 && fmt->type == &hs_str_type)
    {
      *result = hs_incref (fmt);
      return TRUE;
    }
  if (np == 1 && pieces[0].str != NULL && f[0] == '%' && f[1] != '%' && i == n
      && (gsize)pieces[0].width <= pieces[0].chars)
    {
      *result = hs_incref (pieces[0].str);
      return TRUE;
    }
  for (gsize k = 0; k < np; k++)
    total += MAX ((gsize)pieces[k].width, pieces[k].chars + (pieces[k].lead != 0)) + pieces[k].len
             - pieces[k].chars;
  total += n;
  if (total > hs_format_text_room (vm))
    return FALSE;
  buf = w = total <= sizeof stack ? stack : g_malloc (total);
  for (i = 0, np = 0; i < n;)
    {
      const char *pct = memchr (f + i, '%', n - i);
      gsize stop = pct != NULL ? (gsize)(pct - f) : n;
      FastPiece *p;
      gsize pad;

      memcpy (w, f + i, stop - i);
      w += stop - i;
      if (stop >= n)
        break;
      if (f[stop + 1] == '%')
        {
          *w++ = '%';
          i = stop + 2;
          continue;
        }
      /* past the conversion parsed above: its type letter */
      p = &pieces[np++];
      i = stop + 1;
      while (!g_ascii_isalpha (f[i]))
        i++;
      i++;
      pos = p->chars + (p->lead != 0);
      pad = (gsize)p->width > pos ? (gsize)p->width - pos : 0;
      if (pad > 0 && !p->left && !p->zero)
        {
          memset (w, ' ', pad);
          w += pad;
        }
      if (p->lead != 0)
        *w++ = p->lead;
      if (pad > 0 && !p->left && p->zero)
        {
          memset (w, '0', pad);
          w += pad;
        }
      memcpy (w, p->text, p->len);
      w += p->len;
      if (pad > 0 && p->left)
        {
          memset (w, ' ', pad);
          w += pad;
        }
    }
  *result = hs_str_new (vm, buf, (gsize)(w - buf));
  if (buf != stack)
    g_free (buf);
  return TRUE;
}

HsObject *
hs_str_percent_format (HsVM *vm, HsObject *fmt, HsObject *args)
{
  HsObject *r;
  if (percent_fast (vm, fmt, args, &r))
    return r;
  GString *out = percent_format (vm, hs_str_utf8 (fmt), hs_str_byte_len (fmt), args, FALSE);
  return out != NULL ? hs_str_from_gstring (vm, out) : NULL;
}

HsObject *
hs_bytes_percent_format (HsVM *vm, HsObject *fmt, HsObject *args)
{
  GString *out = percent_format (vm, HS_BYTES (fmt)->data, HS_BYTES (fmt)->len, args, TRUE);
  HsObject *r;
  if (out == NULL)
    return NULL;
  r = hs_bytes_new_of (
      vm, HS_ISINSTANCE (fmt, &hs_bytearray_type) ? &hs_bytearray_type : &hs_bytes_type, out->str,
      out->len);
  g_string_free (out, TRUE);
  return r;
}
