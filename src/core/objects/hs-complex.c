/* hs-complex.c — complex objects: CPython 3.11's complexobject.c in Heapscope's slots.
 *
 * Invariant: every operation converts its int or float operand to a complex with a zero
 * imaginary part first (CPython's TO_COMPLEX) and then runs CPython's own formula, so
 * signed zeros, infinities and NaNs come out as in CPython. Errors are reported through
 * a flag standing in for CPython's errno (EDOM, ERANGE).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-complex.h"

#include "hs-cfunction.h"
#include "hs-error.h"
#include "hs-float.h"
#include "hs-int.h"
#include "hs-number-parts.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

typedef struct
{
  double real, imag;
} Cx;

typedef enum
{
  CX_OK,
  CX_EDOM, /* a division by zero */
} CxStatus;

static const Cx c_1 = { 1.0, 0.0 };

HsObject *
hs_complex_new (HsVM *vm, double real, double imag)
{
  HsComplex *z = (HsComplex *)hs_object_alloc (vm, &hs_complex_type, sizeof (HsComplex));
  if (z == NULL)
    return NULL;
  z->real = real;
  z->imag = imag;
  return &z->header;
}

static HsObject *
cx_new (HsVM *vm, Cx c)
{
  return hs_complex_new (vm, c.real, c.imag);
}

static Cx
cx_value (HsObject *o)
{
  return (Cx){ HS_COMPLEX (o)->real, HS_COMPLEX (o)->imag };
}

/* An int, float or complex operand as a complex; 0 when o is none of these (the operator
 * is NotImplemented), -1 on error (an int too large for a double). */
static int
to_complex (HsVM *vm, HsObject *o, Cx *out)
{
  if (hs_complex_check (o))
    {
      *out = cx_value (o);
      return 1;
    }
  if (!hs_int_check (o) && !HS_ISINSTANCE (o, &hs_float_type))
    return 0;
  out->imag = 0.0;
  return hs_number_as_double (vm, o, &out->real) < 0 ? -1 : 1;
}

/* ---- CPython's arithmetic (_Py_c_sum .. _Py_c_pow) ------------------------------- */

static Cx
c_prod (Cx a, Cx b)
{
  return (Cx){ a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real };
}

/* Smith's algorithm, as _Py_c_quot: scales by the larger part of the divisor. */
static Cx
c_quot (Cx a, Cx b, CxStatus *status)
{
  const double abs_breal = b.real < 0 ? -b.real : b.real;
  const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;

  if (abs_breal >= abs_bimag)
    {
      if (abs_breal == 0.0)
        {
          *status = CX_EDOM;
          return (Cx){ 0.0, 0.0 };
        }
      const double ratio = b.imag / b.real;
      const double denom = b.real + b.imag * ratio;
      return (Cx){ (a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom };
    }
  if (abs_bimag >= abs_breal)
    {
      const double ratio = b.real / b.imag;
      const double denom = b.real * ratio + b.imag;
      return (Cx){ (a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom };
    }
  return (Cx){ NAN, NAN }; /* a NaN in the divisor */
}

gboolean
hs_complex_quot (double ar, double ai, double br, double bi, double *rr, double *ri)
{
  CxStatus status = CX_OK;
  Cx r = c_quot ((Cx){ ar, ai }, (Cx){ br, bi }, &status);
  *rr = r.real;
  *ri = r.imag;
  return status == CX_OK;
}

static Cx
c_pow (Cx a, Cx b, CxStatus *status)
{
  double vabs, len, at, phase;

  if (b.real == 0.0 && b.imag == 0.0)
    return c_1;
  if (a.real == 0.0 && a.imag == 0.0)
    {
      if (b.imag != 0.0 || b.real < 0.0)
        *status = CX_EDOM;
      return (Cx){ 0.0, 0.0 };
    }
  vabs = hypot (a.real, a.imag);
  len = pow (vabs, b.real);
  at = atan2 (a.imag, a.real);
  phase = at * b.real;
  if (b.imag != 0.0)
    {
      len /= exp (at * b.imag);
      phase += b.imag * log (vabs);
    }
  return (Cx){ len * cos (phase), len * sin (phase) };
}

/* x ** n for 0 <= n by squaring (c_powu). */
static Cx
c_powu (Cx x, long n)
{
  Cx r = c_1, p = x;
  long mask = 1;

  while (mask > 0 && n >= mask)
    {
      if (n & mask)
        r = c_prod (r, p);
      mask <<= 1;
      p = c_prod (p, p);
    }
  return r;
}

static Cx
c_powi (Cx x, long n, CxStatus *status)
{
  if (n > 0)
    return c_powu (x, n);
  return c_quot (c_1, c_powu (x, -n), status);
}

/* complex_pow: an integral exponent up to 100 by repeated products, others by polar
 * form; ZeroDivisionError for 0 to a negative or complex power, OverflowError when a
 * part of the result is infinite. */
static HsObject *
cx_power (HsVM *vm, Cx a, Cx b)
{
  CxStatus status = CX_OK;
  Cx p;

  if (b.imag == 0.0 && b.real == floor (b.real) && fabs (b.real) <= 100.0)
    p = c_powi (a, (long)b.real, &status);
  else
    p = c_pow (a, b, &status);
  if (status == CX_EDOM)
    {
      hs_err_set_string (vm, &hs_exc_ZeroDivisionError, "0.0 to a negative or complex power");
      return NULL;
    }
  if (isinf (p.real) || isinf (p.imag))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "complex exponentiation");
      return NULL;
    }
  return cx_new (vm, p);
}

HsObject *
hs_complex_pow_doubles (HsVM *vm, double x, double y)
{
  return cx_power (vm, (Cx){ x, 0.0 }, (Cx){ y, 0.0 });
}

static HsObject *
complex_binop (HsVM *vm, HsBinOp op, HsObject *a, HsObject *b)
{
  CxStatus status = CX_OK;
  Cx x, y, r;
  int ok;

  if (op != HS_BIN_ADD && op != HS_BIN_SUB && op != HS_BIN_MUL && op != HS_BIN_TRUEDIV
      && op != HS_BIN_POW)
    return hs_incref (hs_NotImplemented);
  if ((ok = to_complex (vm, a, &x)) <= 0 || (ok = to_complex (vm, b, &y)) <= 0)
    return ok < 0 ? NULL : hs_incref (hs_NotImplemented);
  switch (op)
    {
      case HS_BIN_ADD:
        r = (Cx){ x.real + y.real, x.imag + y.imag };
        break;
      case HS_BIN_SUB:
        r = (Cx){ x.real - y.real, x.imag - y.imag };
        break;
      case HS_BIN_MUL:
        r = c_prod (x, y);
        break;
      case HS_BIN_TRUEDIV:
        r = c_quot (x, y, &status);
        if (status == CX_EDOM)
          {
            hs_err_set_string (vm, &hs_exc_ZeroDivisionError, "complex division by zero");
            return NULL;
          }
        break;
      default:
        return cx_power (vm, x, y);
    }
  return cx_new (vm, r);
}

static HsObject *
complex_unaryop (HsVM *vm, HsUnaryOp op, HsObject *self)
{
  Cx z = cx_value (self);

  switch (op)
    {
      case HS_UNARY_NEG:
        return hs_complex_new (vm, -z.real, -z.imag);
      case HS_UNARY_POS:
        return HS_IS (self, &hs_complex_type) ? hs_incref (self) : cx_new (vm, z);
      default:
        hs_err_format (vm, &hs_exc_TypeError, "bad operand type for unary ~: '%s'",
                       hs_type_name (self));
        return NULL;
    }
}

HsObject *
hs_complex_abs (HsVM *vm, HsObject *self)
{
  Cx z = cx_value (self);
  double r;

  if (!isfinite (z.real) || !isfinite (z.imag))
    {
      if (isinf (z.real))
        return hs_float_new (vm, fabs (z.real));
      if (isinf (z.imag))
        return hs_float_new (vm, fabs (z.imag));
      return hs_float_new (vm, NAN);
    }
  r = hypot (z.real, z.imag);
  if (!isfinite (r))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "absolute value too large");
      return NULL;
    }
  return hs_float_new (vm, r);
}

/* Only == and !=: an int is compared exactly with the real part (when the imaginary part
 * is zero), as CPython's complex_richcompare. */
static HsObject *
complex_richcompare (HsVM *vm, HsObject *a, HsObject *b, HsCompareOp op)
{
  Cx z = cx_value (a);
  gboolean equal;

  if (op != HS_CMP_EQ && op != HS_CMP_NE)
    return hs_incref (hs_NotImplemented);
  if (hs_int_check (b))
    equal = z.imag == 0.0 && hs_int_compare_double (b, z.real) == 0;
  else if (HS_ISINSTANCE (b, &hs_float_type))
    equal = z.real == hs_float_value (b) && z.imag == 0.0;
  else if (hs_complex_check (b))
    equal = z.real == HS_COMPLEX (b)->real && z.imag == HS_COMPLEX (b)->imag;
  else
    return hs_incref (hs_NotImplemented);
  return hs_bool_from (equal == (op == HS_CMP_EQ));
}

static int
complex_hash (HsVM *vm, HsObject *self, gint64 *out)
{
  guint64 hreal = (guint64)hs_hash_double (self, HS_COMPLEX (self)->real);
  guint64 himag = (guint64)hs_hash_double (self, HS_COMPLEX (self)->imag);
  guint64 combined = hreal + 1000003u * himag; /* _PyHASH_IMAG */

  *out = combined == (guint64)-1 ? -2 : (gint64)combined;
  return 0;
}

static int
complex_truth (HsVM *vm, HsObject *self)
{
  return HS_COMPLEX (self)->real != 0.0 || HS_COMPLEX (self)->imag != 0.0;
}

/* ---- text ------------------------------------------------------------------------- */

/* A part as repr writes it: shortest digits, no ".0", a NaN never signed. */
static void
append_part (GString *out, double v, gboolean sign)
{
  if (isnan (v))
    {
      g_string_append (out, sign ? "+nan" : "nan");
      return;
    }
  if (signbit (v))
    g_string_append_c (out, '-'); /* -0.0 too */
  else if (sign)
    g_string_append_c (out, '+');
  hs_float_format_append (out, fabs (v), 'r', 0, FALSE, FALSE);
}

/* "1j", "(1+2j)", "(-0-1j)": parentheses unless the real part is +0. */
static HsObject *
complex_repr (HsVM *vm, HsObject *self)
{
  Cx z = cx_value (self);
  GString *out = g_string_new (NULL);

  if (z.real == 0.0 && !signbit (z.real))
    {
      append_part (out, z.imag, FALSE);
      g_string_append_c (out, 'j');
    }
  else
    {
      g_string_append_c (out, '(');
      append_part (out, z.real, FALSE);
      append_part (out, z.imag, TRUE);
      g_string_append (out, "j)");
    }
  return hs_str_from_gstring (vm, out);
}

/* Length of the float PyOS_string_to_double reads at p: a sign, then inf, infinity or
 * nan (any case), or digits with a point and an exponent; 0 when there is none. */
static gsize
float_prefix (const char *p, const char *end)
{
  const char *s = p, *digits;

  if (s < end && (*s == '+' || *s == '-'))
    s++;
  static const char *const words[] = { "infinity", "inf", "nan" };
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);
      if ((gsize)(end - s) >= n && g_ascii_strncasecmp (s, words[i], n) == 0)
        return s + n - p;
    }
  digits = s;
  while (s < end && g_ascii_isdigit (*s))
    s++;
  if (s < end && *s == '.')
    s++;
  while (s < end && g_ascii_isdigit (*s))
    s++;
  if (s == digits || (s == digits + 1 && *digits == '.'))
    return 0;
  if (s < end && (*s == 'e' || *s == 'E'))
    {
      const char *e = s + 1;
      if (e < end && (*e == '+' || *e == '-'))
        e++;
      if (e < end && g_ascii_isdigit (*e))
        {
          while (e < end && g_ascii_isdigit (*e))
            e++;
          s = e;
        }
    }
  return s - p;
}

/* Reads a float at *p (advancing it) into *out; FALSE when there is none. */
static gboolean
read_float (const char **p, const char *end, double *out)
{
  gsize n = float_prefix (*p, end);
  if (n == 0)
    return FALSE;
  g_autofree char *text = g_strndup (*p, n);
  *out = g_ascii_strtod (text, NULL);
  *p += n;
  return TRUE;
}

static gboolean
is_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* complex_from_string_inner: "<float>", "<float>j", "<float><signed-float>j",
 * "<float><sign>j", "<sign>j", "j", each maybe in parentheses and blanks. */
static gboolean
parse_complex (const char *s, const char *end, Cx *out)
{
  gboolean bracket = FALSE;
  double x = 0.0, y = 0.0, z;

  while (s < end && is_space (*s))
    s++;
  if (s < end && *s == '(')
    {
      bracket = TRUE;
      for (s++; s < end && is_space (*s);)
        s++;
    }
  if (read_float (&s, end, &z))
    {
      if (s < end && (*s == '+' || *s == '-'))
        {
          x = z;
          if (!read_float (&s, end, &y))
            y = *s++ == '+' ? 1.0 : -1.0;
          if (s >= end || (*s != 'j' && *s != 'J'))
            return FALSE;
          s++;
        }
      else if (s < end && (*s == 'j' || *s == 'J'))
        {
          s++;
          y = z;
        }
      else
        x = z;
    }
  else
    {
      y = 1.0;
      if (s < end && (*s == '+' || *s == '-'))
        y = *s++ == '+' ? 1.0 : -1.0;
      if (s >= end || (*s != 'j' && *s != 'J'))
        return FALSE;
      s++;
    }
  while (s < end && is_space (*s))
    s++;
  if (bracket)
    {
      if (s >= end || *s != ')')
        return FALSE;
      for (s++; s < end && is_space (*s);)
        s++;
    }
  *out = (Cx){ x, y };
  return s == end;
}

/* complex(str): underscores are dropped where they stand between digits
 * (_Py_string_to_number_with_underscores), anywhere else the text is refused. */
static HsObject *
complex_from_str (HsVM *vm, HsObject *str)
{
  g_autoptr (GString) ascii = hs_str_decimal_to_ascii (hs_str_utf8 (str), hs_str_byte_len (str));
  const char *s = ascii != NULL ? ascii->str : hs_str_utf8 (str);
  gsize len = ascii != NULL ? ascii->len : hs_str_byte_len (str);
  g_autoptr (GString) clean = g_string_sized_new (len);
  Cx c;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] != '_')
        g_string_append_c (clean, s[i]);
      else if (i == 0 || i + 1 == len || !g_ascii_isdigit (s[i - 1]) || !g_ascii_isdigit (s[i + 1]))
        {
          HsObject *r = hs_object_repr (vm, str);
          if (r != NULL)
            hs_err_format (vm, &hs_exc_ValueError, "could not convert string to complex: %s",
                           hs_str_utf8 (r));
          hs_xdecref (vm, r);
          return NULL;
        }
    }
  if (!parse_complex (clean->str, clean->str + clean->len, &c))
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "complex() arg is a malformed string");
      return NULL;
    }
  return cx_new (vm, c);
}

/* What complex() takes as a number: a complex, or what has nb_float or nb_index (an int, a
 * float, a class with __float__ or __index__) */
static gboolean
is_number (HsObject *o)
{
  return hs_int_check (o) || HS_ISINSTANCE (o, &hs_float_type) || hs_complex_check (o)
         || hs_type_lookup_borrow (o->type, hs_str_intern_cstr ("__float__")) != NULL
         || hs_object_has_index (o);
}

/* x.__complex__() when its type has one (try_complex_special_method): a new reference to
 * a complex, NULL with an exception, or NULL without one when there is none. */
static HsObject *
complex_special (HsVM *vm, HsObject *x)
{
  HsObject *r;

  if (hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__complex__")) == NULL)
    return NULL;
  r = hs_object_call_method (vm, x, "__complex__", NULL, 0, NULL);
  if (r == NULL || HS_IS (r, &hs_complex_type))
    return r;
  if (!hs_complex_check (r))
    {
      hs_err_format (vm, &hs_exc_TypeError, "__complex__ returned non-complex (type %s)",
                     hs_type_name (r));
      hs_decref (vm, r);
      return NULL;
    }
  hs_vm_warn_deprecated (vm,
                         "__complex__ returned non-complex (type %s).  The ability to return "
                         "an instance of a strict subclass of complex is deprecated, and may be "
                         "removed in a future version of Python.",
                         hs_type_name (r));
  return r;
}

static HsObject *complex_from_numbers (HsVM *vm, HsObject *r, HsObject *i);

/* complex(real=0, imag=0), as complex_new: complex parts are combined as
 * real + imag * 1j. */
static HsObject *
complex_construct (HsVM *vm, HsType *type, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *r = NULL, *i = NULL, *own_r, *result;

  if (!hs_parse_args (vm, "complex", args, nargs, kwnames, "|real imag", &r, &i))
    return NULL;
  if (r == NULL)
    r = hs_int_from_i64 (vm, 0); /* a cached small int: nothing to release */
  if (HS_IS (r, &hs_complex_type) && i == NULL)
    return hs_incref (r);
  if (hs_str_check (r))
    {
      if (i != NULL)
        {
          hs_err_set_string (vm, &hs_exc_TypeError,
                             "complex() can't take second arg if first is a string");
          return NULL;
        }
      return complex_from_str (vm, r);
    }
  if (i != NULL && hs_str_check (i))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "complex() second arg can't be a string");
      return NULL;
    }
  own_r = complex_special (vm, r);
  if (own_r == NULL && hs_err_occurred (vm))
    return NULL;
  result = complex_from_numbers (vm, own_r != NULL ? own_r : r, i);
  hs_xdecref (vm, own_r);
  return result;
}

/* A number's value as a complex: a complex's parts, else PyNumber_Float's value (through
 * __float__ or __index__) as the real part. 0, or -1 on error. */
static int
number_part (HsVM *vm, HsObject *o, Cx *out)
{
  if (hs_complex_check (o))
    {
      *out = cx_value (o);
      return 0;
    }
  out->imag = 0.0;
  return hs_number_as_double (vm, o, &out->real);
}

/* complex(r, i) of numbers (r after its __complex__): r + i * 1j */
static HsObject *
complex_from_numbers (HsVM *vm, HsObject *r, HsObject *i)
{
  Cx cr, ci = { 0.0, 0.0 };

  if (!is_number (r))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "complex() first argument must be a string or a number, not '%s'",
                     hs_type_name (r));
      return NULL;
    }
  if (i != NULL && !is_number (i))
    {
      hs_err_format (vm, &hs_exc_TypeError, "complex() second argument must be a number, not '%s'",
                     hs_type_name (i));
      return NULL;
    }
  if (number_part (vm, r, &cr) < 0 || (i != NULL && number_part (vm, i, &ci) < 0))
    return NULL;
  /* only complex parts are combined: complex(0.0, -0.0) keeps its -0.0 */
  if (i == NULL)
    ci.real = cr.imag;
  else
    {
      if (hs_complex_check (i))
        cr.real -= ci.imag;
      if (hs_complex_check (r))
        ci.real += cr.imag;
    }
  return hs_complex_new (vm, cr.real, ci.real);
}

/* ---- attributes and methods ------------------------------------------------------ */

HsObject *
hs_complex_part (HsVM *vm, HsObject *self, HsObject *name)
{
  if (hs_str_equal_cstr (name, "real"))
    return hs_float_new (vm, HS_COMPLEX (self)->real);
  if (hs_str_equal_cstr (name, "imag"))
    return hs_float_new (vm, HS_COMPLEX (self)->imag);
  return hs_object_generic_getattr (vm, self, name);
}

static HsObject *
complex_conjugate (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "complex.conjugate", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  return hs_complex_new (vm, HS_COMPLEX (args[0])->real, -HS_COMPLEX (args[0])->imag);
}

/* complex.__complex__(): the value as a plain complex (the same object for a complex) */
static HsObject *
complex_dunder_complex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "complex.__complex__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  if (HS_IS (args[0], &hs_complex_type))
    return hs_incref (args[0]);
  return hs_complex_new (vm, HS_COMPLEX (args[0])->real, HS_COMPLEX (args[0])->imag);
}

/* complex.__getnewargs__(): (real, imag) */
static HsObject *
complex_getnewargs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *re, *im, *r;
  if (!hs_parse_args (vm, "complex.__getnewargs__", args + 1, nargs - 1, kwnames, ""))
    return NULL;
  re = hs_float_new (vm, HS_COMPLEX (args[0])->real);
  im = re != NULL ? hs_float_new (vm, HS_COMPLEX (args[0])->imag) : NULL;
  r = im != NULL ? hs_tuple_pack (vm, 2, re, im) : NULL;
  hs_xdecref (vm, re);
  hs_xdecref (vm, im);
  return r;
}

static const HsMethodDef complex_methods[] = {
  { "conjugate", complex_conjugate },
  { "__abs__", hs_number_dunder_abs, HS_METH_SLOT },
  { "__complex__", complex_dunder_complex },
  { "__getnewargs__", complex_getnewargs },
  { NULL, NULL },
};

HsType hs_complex_type = {
  .header = { &hs_type_type, 1, 0, HS_FLAG_IMMORTAL, 0, NULL, NULL },
  .name = "complex",
  .base = &hs_object_type,
  .type_flags = HS_TYPE_BASETYPE,
  .basicsize = sizeof (HsComplex),
  .repr = complex_repr,
  .str = complex_repr,
  .hash = complex_hash,
  .richcompare = complex_richcompare,
  .binop = complex_binop,
  .unaryop = complex_unaryop,
  .truth = complex_truth,
  .getattr = hs_complex_part,
  .construct = complex_construct,
  .methods = complex_methods,
};
