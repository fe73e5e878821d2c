/* hs-builtins.c — print, len, min, max, sorted and the other built-in functions.
 *
 * Invariant: every function follows the HsCFunction convention (args, nargs, kwnames),
 * returns a new reference or NULL with CPython 3.11's exception and message, and writes
 * output only through hs_vm_write_output.
 */
#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-recursion.h"
#include "hs-cfunction.h"
#include "hs-bytes.h"
#include "hs-class.h"
#include "hs-complex.h"
#include "hs-dict.h"
#include "hs-dir.h"
#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-format.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-genericalias.h"
#include "hs-int.h"
#include "hs-iter.h"
#include "hs-list.h"
#include "hs-memoryview.h"
#include "hs-module.h"
#include "hs-set.h"
#include "hs-stdio.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-private.h"

static gsize
nkw (HsObject *kwnames)
{
  return kwnames != NULL ? hs_tuple_len (kwnames) : 0;
}

/* ---- print ------------------------------------------------------------------------- */

static int
check_sep (HsVM *vm, HsObject *v, const char *what)
{
  if (v == NULL || v == hs_None || hs_str_check (v))
    return 0;
  hs_err_format (vm, &hs_exc_TypeError, "%s must be None or a string, not %s", what,
                 hs_type_name (v));
  return -1;
}

/* file.write(text) for each piece print writes, as CPython's print does */
static int
write_to (HsVM *vm, HsObject *file, const char *text, gsize len)
{
  HsObject *write = hs_object_getattr_cstr (vm, file, "write");
  HsObject *s = write != NULL ? hs_str_new (vm, text, len) : NULL;
  HsObject *r = s != NULL ? hs_object_call (vm, write, &s, 1, NULL) : NULL;
  hs_xdecref (vm, write);
  hs_xdecref (vm, s);
  hs_xdecref (vm, r);
  return r != NULL ? 0 : -1;
}

/* One piece of print's output: into `out` for the program's stdout, else file.write(piece). */
static int
emit (HsVM *vm, HsObject *file, GString *out, const char *text, gsize len)
{
  if (file != NULL)
    return write_to (vm, file, text, len);
  g_string_append_len (out, text, len);
  return 0;
}

/* What print has gathered for the program's stdout goes out before anything that may run the
 * program's code (a __str__ that prints or raises) and when print fails: CPython writes each
 * piece as it goes, so "a " is out when the __str__ of print("a", b) raises. */
static int
flush_out (HsVM *vm, GString *out)
{
  int r = out->len > 0 ? hs_vm_write_output (vm, out->str, out->len) : 0;
  g_string_truncate (out, 0);
  return r;
}

/* A str() that runs none of the program's code */
static gboolean
plain_str (HsObject *o)
{
  return HS_IS (o, &hs_str_type) || HS_IS (o, &hs_int_type) || HS_IS (o, &hs_float_type)
         || HS_IS (o, &hs_bool_type) || o == hs_None;
}

/* CPython's sys.stdout.write is a method called through C (one level against the recursion
 * limit) that calls its buffer's (one more): the first write of a print() near the limit is
 * where a runaway recursion that prints fails, "while calling a Python object". */
static gboolean
stdout_write_levels (HsVM *vm)
{
  return hs_recursion_probe (vm, 2, " while calling a Python object");
}

static HsObject *
builtin_print (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *sep = NULL, *end = NULL, *file = NULL;
  for (gsize k = 0; k < nkw (kwnames); k++)
    {
      const char *name = hs_str_utf8 (hs_tuple_get_borrow (kwnames, k));
      HsObject *v = args[nargs + k];
      if (strcmp (name, "sep") == 0)
        sep = v;
      else if (strcmp (name, "end") == 0)
        end = v;
      else if (strcmp (name, "flush") == 0)
        continue;
      else if (strcmp (name, "file") == 0)
        file = v != hs_None ? v : NULL;
      else
        {
          hs_err_format (vm, &hs_exc_TypeError, "'%s' is an invalid keyword argument for print()",
                         name);
          return NULL;
        }
    }
  if (check_sep (vm, sep, "sep") < 0 || check_sep (vm, end, "end") < 0)
    return NULL;
  if (file == NULL && (file = hs_stdio_redirected (vm, 1)) == hs_None)
    return hs_incref (hs_None); /* CPython's print does nothing when sys.stdout is None */
  if (file != NULL && hs_stdio_is (file, 1))
    file = NULL; /* sys.stdout itself: one write, as without file= */
  GString *out = g_string_new (NULL);
  int r = 0;
  for (gsize i = 0; r == 0 && i < nargs; i++)
    {
      if (i > 0)
        r = sep != NULL && sep != hs_None
                ? emit (vm, file, out, hs_str_utf8 (sep), hs_str_byte_len (sep))
                : emit (vm, file, out, " ", 1);
      if (r == 0 && file == NULL && !plain_str (args[i]))
        r = flush_out (vm, out);
      HsObject *s = r == 0 ? hs_object_str (vm, args[i]) : NULL;
      r = s != NULL && (i > 0 || file != NULL || stdout_write_levels (vm))
              ? emit (vm, file, out, hs_str_utf8 (s), hs_str_byte_len (s))
              : -1;
      hs_xdecref (vm, s);
    }
  if (r == 0 && nargs == 0 && file == NULL && !stdout_write_levels (vm))
    r = -1;
  if (r == 0)
    r = end != NULL && end != hs_None
            ? emit (vm, file, out, hs_str_utf8 (end), hs_str_byte_len (end))
            : emit (vm, file, out, "\n", 1);
  if (file == NULL && flush_out (vm, out) < 0)
    r = -1;
  g_string_free (out, TRUE);
  return r < 0 ? NULL : hs_None;
}

/* Text print() would write: to sys.stdout, wherever the program pointed it. */
static int
print_text (HsVM *vm, HsObject *text)
{
  HsObject *file = hs_stdio_redirected (vm, 1);
  if (file == hs_None)
    return 0;
  if (file != NULL)
    return write_to (vm, file, hs_str_utf8 (text), hs_str_byte_len (text));
  return hs_vm_write_output (vm, hs_str_utf8 (text), hs_str_byte_len (text));
}

/* ---- simple one-argument functions ---------------------------------------------- */

static HsObject *
builtin_len (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "len", args, nargs, kwnames, "!obj", &o))
    return NULL;
  gssize n = hs_object_len (vm, o);
  return n < 0 ? NULL : hs_int_from_i64 (vm, n);
}

static HsObject *
builtin_repr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "repr", args, nargs, kwnames, "!obj", &o))
    return NULL;
  return hs_object_repr (vm, o);
}

static HsObject *
builtin_abs (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "abs", args, nargs, kwnames, "!x", &o))
    return NULL;
  return hs_number_abs (vm, o);
}

static HsObject *
builtin_id (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "id", args, nargs, kwnames, "!obj", &o))
    return NULL;
  return hs_int_from_u64 (vm, hs_object_id (o)); /* a static object's is given at first use */
}

static HsObject *
builtin_hash (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  gint64 h;
  if (!hs_parse_args (vm, "hash", args, nargs, kwnames, "!obj", &o))
    return NULL;
  if (hs_object_hash (vm, o, &h) < 0)
    return NULL;
  return hs_int_from_i64 (vm, h);
}

static HsObject *
builtin_chr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  /* chr(i), the common call, without parsing */
  if (nargs == 1 && kwnames == NULL && HS_IS (args[0], &hs_int_type))
    o = args[0];
  else if (!hs_parse_args (vm, "chr", args, nargs, kwnames, "!i", &o))
    return NULL;
  if (!hs_int_check (o) && hs_object_has_index (o))
    {
      HsObject *i = hs_number_index (vm, o), *r;
      r = i != NULL ? builtin_chr (vm, &i, 1, NULL) : NULL;
      hs_xdecref (vm, i);
      return r;
    }
  if (!hs_int_check (o))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (o));
      return NULL;
    }
  gint64 v;
  /* CPython's chr takes a C int */
  if (!hs_int_as_i64 (o, &v) || v > G_MAXINT32 || v < G_MININT32)
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
      return NULL;
    }
  if (v < 0 || v > 0x10ffff)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "chr() arg not in range(0x110000)");
      return NULL;
    }
  char buf[8];
  int n = g_unichar_to_utf8 ((gunichar)v, buf);
  return hs_str_new (vm, buf, n);
}

static HsObject *
builtin_ord (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  /* ord(c), the common call, without parsing */
  if (nargs == 1 && kwnames == NULL && HS_IS (args[0], &hs_str_type))
    o = args[0];
  else if (!hs_parse_args (vm, "ord", args, nargs, kwnames, "!c", &o))
    return NULL;
  if (!hs_str_check (o))
    {
      hs_err_format (vm, &hs_exc_TypeError, "ord() expected string of length 1, but %s found",
                     hs_type_name (o));
      return NULL;
    }
  if (hs_str_char_len (o) != 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "ord() expected a character, but string of length %" G_GSIZE_FORMAT " found",
                     hs_str_char_len (o));
      return NULL;
    }
  return hs_int_from_i64 (vm, g_utf8_get_char (hs_str_utf8 (o)));
}

/* CPython's input(): the prompt's str() goes out as output, without a newline; the line
 * read (through sys.stdin's buffer) comes back without it; the end of input is EOFError. */
static HsObject *
builtin_input (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *prompt = NULL, *line, *r;
  gsize len;
  if (!hs_parse_args (vm, "input", args, nargs, kwnames, "|prompt /", &prompt))
    return NULL;
  if (prompt != NULL)
    {
      HsObject *text = hs_object_str (vm, prompt);
      int rc;
      if (text == NULL)
        return NULL;
      rc = print_text (vm, text);
      hs_decref (vm, text);
      if (rc < 0)
        return NULL;
    }
  if ((line = hs_stdin_readline (vm, -1)) == NULL)
    return NULL;
  len = hs_str_byte_len (line);
  if (len == 0)
    {
      hs_decref (vm, line);
      hs_err_set_string (vm, &hs_exc_EOFError, "EOF when reading a line");
      return NULL;
    }
  if (hs_str_utf8 (line)[len - 1] != '\n')
    return line;
  r = hs_str_new (vm, hs_str_utf8 (line), len - 1);
  hs_decref (vm, line);
  return r;
}

/* What Heapscope leaves out: calling it says so, rather than "name is not defined". */
static HsObject *
unsupported (HsVM *vm, const char *name, const char *why)
{
  hs_err_format (vm, &hs_exc_NotImplementedError, "%s() is not supported by Heapscope%s", name,
                 why);
  return NULL;
}

#define HS_UNSUPPORTED_BUILTIN(name, why)                                                          \
  static HsObject *builtin_##name (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)      \
  {                                                                                                \
    return unsupported (vm, #name, why);                                                           \
  }
HS_UNSUPPORTED_BUILTIN (open, ": programs cannot use files")
HS_UNSUPPORTED_BUILTIN (bytes, " yet")
HS_UNSUPPORTED_BUILTIN (bytearray, " yet")
HS_UNSUPPORTED_BUILTIN (complex, " yet")
HS_UNSUPPORTED_BUILTIN (breakpoint, ": step through the program instead")
HS_UNSUPPORTED_BUILTIN (help, " yet")
HS_UNSUPPORTED_BUILTIN (aiter, " yet")
HS_UNSUPPORTED_BUILTIN (anext, " yet")
#undef HS_UNSUPPORTED_BUILTIN

/* exit(), quit() (CPython's site adds them) and sys.exit(): SystemExit(code). */
HsObject *
hs_builtin_exit (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *code = hs_None;
  if (!hs_parse_args (vm, "exit", args, nargs, kwnames, "|code", &code))
    return NULL;
  hs_err_set_value (vm, &hs_exc_SystemExit, code);
  return NULL;
}

/* ---- numbers ---------------------------------------------------------------------- */

/* bin(), oct(), hex(): format(x, '#b') and so on, for ints only. */
static HsObject *
int_in_base (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames,
             const char *spec)
{
  HsObject *x = NULL;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "!number", &x))
    return NULL;
  x = hs_object_index (vm, x); /* hex(X()) calls X.__index__ */
  if (x == NULL)
    return NULL;
  HsObject *s = hs_str_from_cstr (vm, spec);
  HsObject *r = s != NULL ? hs_format_value (vm, x, s) : NULL;
  hs_xdecref (vm, s);
  hs_decref (vm, x);
  return r;
}

static HsObject *
builtin_bin (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return int_in_base (vm, "bin", args, nargs, kwnames, "#b");
}

static HsObject *
builtin_oct (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return int_in_base (vm, "oct", args, nargs, kwnames, "#o");
}

static HsObject *
builtin_hex (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return int_in_base (vm, "hex", args, nargs, kwnames, "#x");
}

static HsObject *
builtin_round (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *x = NULL, *nd = NULL;
  if (!hs_parse_args (vm, "round", args, nargs, kwnames, "number | ndigits", &x, &nd))
    return NULL;
  if (nd == hs_None)
    nd = NULL;
  /* the type's __round__ (a class's own, or the one it inherits from int or float; a
   * Fraction's), as CPython looks it up */
  HsObject *fn = HS_IS (x, &hs_int_type) || HS_IS (x, &hs_float_type)
                     ? NULL
                     : hs_type_lookup_borrow (x->type, hs_str_intern_cstr ("__round__"));
  if (fn == NULL)
    return hs_number_round (vm, x, nd);
  HsObject *bound = hs_descr_get (vm, fn, x, x->type), *r;
  if (bound == NULL)
    return NULL;
  r = hs_object_call (vm, bound, &nd, nd != NULL ? 1 : 0, NULL);
  hs_decref (vm, bound);
  return r;
}

static HsObject *
builtin_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *value = NULL, *spec = NULL;
  if (!hs_parse_args (vm, "format", args, nargs, kwnames, "value | format_spec /", &value, &spec))
    return NULL;
  if (spec != NULL && !hs_str_check (spec))
    {
      hs_err_format (vm, &hs_exc_TypeError, "format() argument 2 must be str, not %s",
                     hs_type_name (spec));
      return NULL;
    }
  return hs_format_value (vm, value, spec);
}

static HsObject *
builtin_divmod (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL;
  if (!hs_parse_args (vm, "divmod", args, nargs, kwnames, "x y /", &a, &b))
    return NULL;
  return hs_number_divmod (vm, a, b);
}

static HsObject *
builtin_pow (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *a = NULL, *b = NULL, *m = NULL;
  if (!hs_parse_args (vm, "pow", args, nargs, kwnames, "base exp | mod", &a, &b, &m))
    return NULL;
  return hs_number_pow (vm, a, b, m == hs_None ? NULL : m);
}

/* ---- iteration ----------------------------------------------------------------- */

/* sum()'s loop while the sum is an int of 64 bits (*acc, replaced) and so are the items
 * (CPython's i_result): TRUE when the items ended (*acc the sum, or NULL on error), FALSE
 * at the first other item, then added to the sum as objects in *acc. */
static gboolean
sum_ints (HsVM *vm, HsObject *it, HsObject **acc)
{
  gint64 total = hs_int_small_value (*acc), r;
  HsObject *item;
  HS_CLEAR (vm, *acc);
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      if ((HS_IS (item, &hs_int_type) || HS_IS (item, &hs_bool_type)) && hs_int_is_small (item)
          && !__builtin_add_overflow (total, hs_int_small_value (item), &r))
        {
          total = r;
          hs_decref (vm, item);
          continue;
        }
      HsObject *sum = hs_int_from_i64 (vm, total);
      *acc = sum != NULL ? hs_number_binop (vm, HS_BIN_ADD, sum, item) : NULL;
      hs_xdecref (vm, sum);
      hs_decref (vm, item);
      return *acc == NULL;
    }
  *acc = hs_err_occurred (vm) ? NULL : hs_int_from_i64 (vm, total);
  return TRUE;
}

/* The same while the sum is a float (CPython's f_result): float items and ints of 64 bits
 * (subclasses too) are added as doubles. */
static gboolean
sum_floats (HsVM *vm, HsObject *it, HsObject **acc)
{
  double total = hs_float_value (*acc);
  HsObject *item;
  HS_CLEAR (vm, *acc);
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      if (HS_IS (item, &hs_float_type))
        total += hs_float_value (item);
      else if (hs_int_check (item) && hs_int_is_small (item))
        total += (double)hs_int_small_value (item);
      else
        {
          HsObject *sum = hs_float_new (vm, total);
          *acc = sum != NULL ? hs_number_binop (vm, HS_BIN_ADD, sum, item) : NULL;
          hs_xdecref (vm, sum);
          hs_decref (vm, item);
          return *acc == NULL;
        }
      hs_decref (vm, item);
    }
  *acc = hs_err_occurred (vm) ? NULL : hs_float_new (vm, total);
  return TRUE;
}

static HsObject *
builtin_sum (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *it_src = NULL, *start = NULL;
  if (!hs_parse_args (vm, "sum", args, nargs, kwnames, "iterable / | start", &it_src, &start))
    return NULL;
  if (start != NULL && hs_str_check (start))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "sum() can't sum strings [use ''.join(seq) instead]");
      return NULL;
    }
  HsObject *it = hs_object_iter (vm, it_src);
  if (it == NULL)
    return NULL;
  HsObject *acc = start != NULL ? hs_incref (start) : hs_int_from_i64 (vm, 0);
  HsObject *item;
  /* CPython's fast paths, where nothing watches the objects made: the sum in a C integer
   * while the items are ints and it fits, then in a double while they are floats (or ints)
   * and it is one; the object when they stop */
  gboolean plain = vm->hooks == NULL && !vm->track_dirty, done = FALSE;
  if (plain && acc != NULL && HS_IS (acc, &hs_int_type) && hs_int_is_small (acc))
    done = sum_ints (vm, it, &acc);
  if (plain && !done && acc != NULL && HS_IS (acc, &hs_float_type))
    done = sum_floats (vm, it, &acc);
  while (!done && acc != NULL && (item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *r = hs_number_binop (vm, HS_BIN_ADD, acc, item);
      hs_decref (vm, item);
      hs_decref (vm, acc);
      acc = r;
    }
  hs_decref (vm, it);
  if (acc != NULL && hs_err_occurred (vm))
    HS_CLEAR (vm, acc);
  return acc;
}

static HsObject *
builtin_any_all (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean is_all)
{
  HsObject *src = NULL;
  if (!hs_parse_args (vm, is_all ? "all" : "any", args, nargs, kwnames, "!iterable", &src))
    return NULL;
  HsObject *it = hs_object_iter (vm, src);
  if (it == NULL)
    return NULL;
  HsObject *item;
  gboolean result = is_all;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      int t = hs_object_truth (vm, item);
      hs_decref (vm, item);
      if (t < 0)
        break;
      if (t != is_all)
        {
          result = !is_all;
          break;
        }
    }
  hs_decref (vm, it);
  return hs_err_occurred (vm) ? NULL : hs_bool_from (result);
}

HS_CFUNCTION_VARIANT (builtin_any, builtin_any_all, FALSE)
HS_CFUNCTION_VARIANT (builtin_all, builtin_any_all, TRUE)

static HsObject *
call_key (HsVM *vm, HsObject *key, HsObject *item)
{
  if (key == NULL || key == hs_None)
    return hs_incref (item);
  return hs_object_call (vm, key, &item, 1, NULL);
}

/* min() and max(): one iterable (with default=) or several arguments; key=. */
static HsObject *
min_max (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames, gboolean is_max)
{
  const char *name = is_max ? "max" : "min";
  HsObject *key = NULL, *dflt = NULL;
  for (gsize k = 0; k < nkw (kwnames); k++)
    {
      const char *kn = hs_str_utf8 (hs_tuple_get_borrow (kwnames, k));
      if (strcmp (kn, "key") == 0)
        key = args[nargs + k];
      else if (strcmp (kn, "default") == 0)
        dflt = args[nargs + k];
      else
        {
          hs_err_format (vm, &hs_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                         name, kn);
          return NULL;
        }
    }
  if (nargs == 0)
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s expected at least 1 argument, got 0", name);
      return NULL;
    }
  if (nargs > 1 && dflt != NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments", name);
      return NULL;
    }
  HsObject *tuple = NULL, *it;
  if (nargs == 1)
    it = hs_object_iter (vm, args[0]);
  else
    {
      tuple = hs_tuple_from_array (vm, args, nargs);
      it = tuple != NULL ? hs_object_iter (vm, tuple) : NULL;
      hs_xdecref (vm, tuple);
    }
  if (it == NULL)
    return NULL;
  HsObject *best = NULL, *best_key = NULL, *item;
  while ((item = hs_iter_next (vm, it)) != NULL)
    {
      HsObject *k = call_key (vm, key, item);
      if (k == NULL)
        {
          hs_decref (vm, item);
          break;
        }
      int better = 1;
      if (best != NULL)
        {
          better = hs_object_richcompare_bool (vm, k, best_key, is_max ? HS_CMP_GT : HS_CMP_LT);
          if (better < 0)
            {
              hs_decref (vm, item);
              hs_decref (vm, k);
              break;
            }
        }
      if (better)
        {
          hs_xdecref (vm, best);
          hs_xdecref (vm, best_key);
          best = item;
          best_key = k;
        }
      else
        {
          hs_decref (vm, item);
          hs_decref (vm, k);
        }
    }
  hs_decref (vm, it);
  hs_xdecref (vm, best_key);
  if (hs_err_occurred (vm))
    {
      hs_xdecref (vm, best);
      return NULL;
    }
  if (best == NULL)
    {
      if (dflt != NULL)
        return hs_incref (dflt);
      hs_err_format (vm, &hs_exc_ValueError, "%s() arg is an empty sequence", name);
    }
  return best;
}

HS_CFUNCTION_VARIANT (builtin_min, min_max, FALSE)
HS_CFUNCTION_VARIANT (builtin_max, min_max, TRUE)

static HsObject *
builtin_sorted (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (nargs != 1)
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     nargs == 0 ? "sorted expected 1 argument, got %" G_GSIZE_FORMAT
                                : "sorted expected 1 argument, got %" G_GSIZE_FORMAT,
                     nargs);
      return NULL;
    }
  HsObject *key = NULL, *reverse = NULL;
  if (!hs_parse_args (vm, "sort", args + 1, 0, kwnames, "| $ key reverse", &key, &reverse))
    return NULL;
  int rev = 0;
  if (reverse != NULL && (rev = hs_object_truth (vm, reverse)) < 0)
    return NULL;
  HsObject *l = hs_list_from_iterable (vm, args[0]);
  if (l == NULL)
    return NULL;
  /* CPython's sorted calls the list's sort method (vectorcall): a level while it sorts */
  if (!hs_recursion_enter (vm, " while calling a Python object"))
    {
      hs_decref (vm, l);
      return NULL;
    }
  int sorted = hs_list_sort (vm, l, key, rev);
  hs_recursion_leave (vm);
  if (sorted < 0)
    {
      hs_decref (vm, l);
      return NULL;
    }
  return l;
}

static HsObject *
builtin_isinstance (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL, *cls = NULL, *r = hs_False;
  if (!hs_parse_args (vm, "isinstance", args, nargs, kwnames, "obj cls /", &o, &cls))
    return NULL;
  if (hs_type_check (cls))
    return hs_class_isinstance (vm, o, (HsType *)cls);
  /* int | str stands for (int, str) (CPython 3.11); another object asks its type's
   * __instancecheck__ (typing.Iterable) */
  if (hs_alias_union_members (cls) != NULL)
    cls = hs_alias_union_members (cls);
  else if (!hs_tuple_check (cls))
    {
      HsObject *hook = hs_object_check_hook (vm, cls, "__instancecheck__", o);
      if (hook != hs_NotImplemented)
        return hook;
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "isinstance() arg 2 must be a type, a tuple of types, or a union");
      return NULL;
    }
  /* As CPython: the items are tried in order (isinstance(1, (int, 5)) is True), each
   * nested tuple one level against the recursion limit. */
  if (!hs_recursion_enter (vm, " in __instancecheck__"))
    return NULL;
  for (gsize i = 0; i < hs_tuple_len (cls) && r == hs_False; i++)
    {
      HsObject *sub[2] = { o, hs_tuple_get_borrow (cls, i) };
      r = builtin_isinstance (vm, sub, 2, NULL);
    }
  hs_recursion_leave (vm);
  return r;
}

static HsObject *
builtin_iter (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL, *sentinel = NULL;
  if (!hs_parse_args (vm, "iter", args, nargs, kwnames, "obj | sentinel /", &o, &sentinel))
    return NULL;
  if (sentinel == NULL)
    return hs_object_iter (vm, o);
  if (!hs_object_is_callable (o))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "iter(v, w): v must be callable");
      return NULL;
    }
  return hs_calliter_new (vm, o, sentinel);
}

static HsObject *
builtin_next (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *it = NULL, *dflt = NULL;
  if (!hs_parse_args (vm, "next", args, nargs, kwnames, "iterator | default /", &it, &dflt))
    return NULL;
  if (HS_TYPE (it)->iternext == NULL)
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object is not an iterator", hs_type_name (it));
      return NULL;
    }
  /* a generator's return value rides on the StopIteration, as CPython's gen_iternext
   * sets it */
  HsObject *returned = NULL;
  HsObject *v = HS_IS (it, &hs_generator_type) ? hs_vm_generator_resume (vm, it, hs_None, &returned)
                                               : hs_iter_next (vm, it);
  if (v != NULL || hs_err_occurred (vm))
    return v;
  if (dflt != NULL)
    {
      hs_xdecref (vm, returned);
      return hs_incref (dflt);
    }
  hs_err_set_stop_iteration (vm, returned);
  hs_xdecref (vm, returned);
  return NULL;
}

/* ---- attributes ---------------------------------------------------------------------- */

static gboolean
check_attr_name (HsVM *vm, HsObject *name, const char *fn)
{
  if (hs_str_check (name))
    return TRUE;
  hs_err_format (vm, &hs_exc_TypeError, "attribute name must be string, not '%s'",
                 hs_type_name (name));
  return FALSE;
}

static HsObject *
builtin_getattr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL, *name = NULL, *dflt = NULL;
  if (!hs_parse_args (vm, "getattr", args, nargs, kwnames, "object name | default /", &o, &name,
                      &dflt))
    return NULL;
  if (!check_attr_name (vm, name, "getattr"))
    return NULL;
  HsObject *r = hs_object_getattr (vm, o, name);
  if (r == NULL && dflt != NULL && hs_err_matches (vm, &hs_exc_AttributeError))
    {
      hs_err_clear (vm);
      return hs_incref (dflt);
    }
  return r;
}

static HsObject *
builtin_hasattr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL, *name = NULL;
  if (!hs_parse_args (vm, "hasattr", args, nargs, kwnames, "obj name /", &o, &name))
    return NULL;
  if (!check_attr_name (vm, name, "hasattr"))
    return NULL;
  HsObject *r = hs_object_getattr (vm, o, name);
  if (r == NULL)
    {
      if (!hs_err_matches (vm, &hs_exc_AttributeError))
        return NULL;
      hs_err_clear (vm);
      return hs_False;
    }
  hs_decref (vm, r);
  return hs_True;
}

static HsObject *
builtin_setattr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL, *name = NULL, *v = NULL;
  if (!hs_parse_args (vm, "setattr", args, nargs, kwnames, "obj name value /", &o, &name, &v))
    return NULL;
  if (!check_attr_name (vm, name, "setattr"))
    return NULL;
  return hs_object_setattr (vm, o, name, v) < 0 ? NULL : hs_None;
}

static HsObject *
builtin_delattr (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL, *name = NULL;
  if (!hs_parse_args (vm, "delattr", args, nargs, kwnames, "obj name /", &o, &name))
    return NULL;
  if (!check_attr_name (vm, name, "delattr"))
    return NULL;
  return hs_object_setattr (vm, o, name, NULL) < 0 ? NULL : hs_None;
}

static HsObject *
builtin_callable (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "callable", args, nargs, kwnames, "!obj", &o))
    return NULL;
  return hs_bool_from (hs_object_is_callable (o));
}

static HsObject *
builtin_ascii (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "ascii", args, nargs, kwnames, "!obj", &o))
    return NULL;
  return hs_object_ascii (vm, o);
}

/* ---- namespaces --------------------------------------------------------------------- */

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): what `import name`
 * does. Heapscope's modules have no packages, so fromlist only asks for __path__ and a relative
 * import has no parent to start from. */
static HsObject *
builtin___import__ (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *name = NULL, *globals = hs_None, *locals = hs_None, *fromlist = NULL, *level = NULL;
  gint64 lvl = 0;

  if (!hs_parse_args (vm, "__import__", args, nargs, kwnames,
                      "name | globals locals fromlist level", &name, &globals, &locals, &fromlist,
                      &level))
    return NULL;
  if (level != NULL && !hs_int_check (level))
    {
      hs_err_format (vm, &hs_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                     hs_type_name (level));
      return NULL;
    }
  if (level != NULL && !hs_int_as_i64 (level, &lvl))
    {
      hs_err_set_string (vm, &hs_exc_OverflowError, "Python int too large to convert to C int");
      return NULL;
    }
  if (!hs_str_check (name))
    {
      hs_err_set_string (vm, &hs_exc_TypeError, "module name must be a string");
      return NULL;
    }
  if (lvl < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "level must be >= 0");
      return NULL;
    }
  if (lvl > 0)
    {
      if (globals == hs_None)
        hs_err_set_string (vm, &hs_exc_KeyError, "'__name__' not in globals");
      else
        hs_err_set_string (vm, &hs_exc_ImportError,
                           "attempted relative import with no known parent package");
      return NULL;
    }
  if (hs_str_byte_len (name) == 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError, "Empty module name");
      return NULL;
    }
  HsObject *m = hs_import_module (vm, hs_str_utf8 (name));
  int truth = m != NULL && fromlist != NULL ? hs_object_truth (vm, fromlist) : 0;
  if (truth < 0 || (truth > 0 && hs_import_check_package (vm, m) < 0))
    HS_CLEAR (vm, m);
  return m;
}

static HsObject *
builtin_globals (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "globals", args, nargs, kwnames, ""))
    return NULL;
  return hs_incref (hs_vm_current_frame (vm)->globals);
}

/* locals() where they are a dict: the module's globals, a class body's namespace. A
 * function's variables live in its frame's slots, not in a dict Heapscope could show. */
static HsObject *
current_namespace (HsVM *vm, const char *name)
{
  HsFrame *f = hs_vm_current_frame (vm);
  if (f->ns != NULL)
    return hs_incref (f->ns);
  if (f->code->is_module)
    return hs_incref (f->globals);
  return unsupported (vm, name, " inside a function yet");
}

static HsObject *
builtin_locals (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  if (!hs_parse_args (vm, "locals", args, nargs, kwnames, ""))
    return NULL;
  return current_namespace (vm, "locals");
}

static HsObject *
builtin_vars (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "vars", args, nargs, kwnames, "|object /", &o))
    return NULL;
  if (o == NULL)
    return current_namespace (vm, "vars");
  HsObject *d = hs_object_getattr_cstr (vm, o, "__dict__");
  if (d == NULL && hs_err_matches (vm, &hs_exc_AttributeError))
    {
      hs_err_clear (vm);
      hs_err_set_string (vm, &hs_exc_TypeError, "vars() argument must have __dict__ attribute");
    }
  return d;
}

static HsObject *
builtin_dir (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *o = NULL;
  if (!hs_parse_args (vm, "dir", args, nargs, kwnames, "|object /", &o))
    return NULL;
  if (o != NULL)
    return hs_dir_of (vm, o);
  HsObject *ns = current_namespace (vm, "dir");
  if (ns == NULL)
    return NULL;
  /* a class body's namespace is not the globals: only the module's is */
  g_autoptr (GPtrArray) names = hs_dir_namespace (ns, ns == hs_vm_current_frame (vm)->globals);
  hs_decref (vm, ns);
  return hs_dir_list (vm, names);
}

/* ---- the namespace -------------------------------------------------------------- */

static const HsMethodDef builtin_defs[] = {
  { "__import__", builtin___import__ },
  { "abs", builtin_abs, HS_METH_O },
  { "aiter", builtin_aiter },
  { "anext", builtin_anext },
  { "ascii", builtin_ascii, HS_METH_O },
  { "bin", builtin_bin, HS_METH_O },
  { "breakpoint", builtin_breakpoint },
  { "bytearray", builtin_bytearray },
  { "bytes", builtin_bytes },
  { "compile", hs_builtin_compile },
  { "complex", builtin_complex },
  { "dir", builtin_dir },
  { "eval", hs_builtin_eval },
  { "exec", hs_builtin_exec },
  { "exit", hs_builtin_exit },
  { "globals", builtin_globals },
  { "help", builtin_help },
  { "hex", builtin_hex, HS_METH_O },
  { "locals", builtin_locals },
  { "oct", builtin_oct, HS_METH_O },
  { "open", builtin_open },
  { "quit", hs_builtin_exit },
  { "vars", builtin_vars },
  { "callable", builtin_callable, HS_METH_O },
  { "delattr", builtin_delattr },
  { "getattr", builtin_getattr },
  { "hasattr", builtin_hasattr },
  { "issubclass", hs_builtin_issubclass },
  { "setattr", builtin_setattr },
  { "all", builtin_all, HS_METH_O },
  { "any", builtin_any, HS_METH_O },
  { "chr", builtin_chr, HS_METH_O },
  { "divmod", builtin_divmod },
  { "format", builtin_format },
  { "hash", builtin_hash, HS_METH_O },
  { "id", builtin_id, HS_METH_O },
  { "input", builtin_input },
  { "isinstance", builtin_isinstance },
  { "iter", builtin_iter },
  { "len", builtin_len },
  { "max", builtin_max },
  { "min", builtin_min },
  { "next", builtin_next },
  { "ord", builtin_ord, HS_METH_O },
  { "pow", builtin_pow },
  { "print", builtin_print },
  { "repr", builtin_repr, HS_METH_O },
  { "round", builtin_round },
  { "sorted", builtin_sorted },
  { "sum", builtin_sum },
  { NULL, NULL },
};

static HsType *const builtin_types[] = {
  &hs_bool_type,      &hs_dict_type,         &hs_enumerate_type,   &hs_filter_type,
  &hs_float_type,     &hs_complex_type,      &hs_bytes_type,       &hs_bytearray_type,
  &hs_int_type,       &hs_list_type,         &hs_map_type,         &hs_object_type,
  &hs_range_type,     &hs_reversed_type,     &hs_slice_type,       &hs_str_type,
  &hs_tuple_type,     &hs_type_type,         &hs_zip_type,         &hs_set_type,
  &hs_frozenset_type, &hs_staticmethod_type, &hs_classmethod_type, &hs_property_type,
  &hs_super_type,     &hs_memoryview_type,
};

static HsObject *builtin_objs[G_N_ELEMENTS (builtin_defs)];

static gpointer
init_once (gpointer data)
{
  hs_module_runtime_init (); /* set, frozenset, module types */
  for (gsize i = 0; builtin_defs[i].name != NULL; i++)
    {
      builtin_objs[i] = hs_cfunction_new (NULL, &builtin_defs[i], NULL);
      hs_module_note_function_home (&builtin_defs[i], "builtins");
    }
  return NULL;
}

HsObject *
hs_builtins_new (HsVM *vm)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, init_once, NULL);
  HsObject *d = hs_dict_new (vm);
  if (d == NULL)
    return NULL;
  for (gsize i = 0; builtin_defs[i].name != NULL; i++)
    hs_dict_set_item (vm, d, hs_str_intern_cstr (builtin_defs[i].name), builtin_objs[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (builtin_types); i++)
    hs_dict_set_item (vm, d, hs_str_intern_cstr (builtin_types[i]->name),
                      (HsObject *)builtin_types[i]);
  hs_dict_set_item (vm, d, hs_str_intern_cstr ("NotImplemented"), hs_NotImplemented);
  hs_dict_set_item (vm, d, hs_str_intern_cstr ("Ellipsis"), hs_Ellipsis);
#define HS_ADD_EXC(exc_name, exc_base)                                                             \
  hs_dict_set_item (vm, d, hs_str_intern_cstr (#exc_name), (HsObject *)&hs_exc_##exc_name);
  HS_FOREACH_BUILTIN_EXCEPTION (HS_ADD_EXC)
#undef HS_ADD_EXC
  hs_dict_set_item (vm, d, hs_str_intern_cstr ("IOError"), (HsObject *)&hs_exc_OSError);
  hs_dict_set_item (vm, d, hs_str_intern_cstr ("EnvironmentError"), (HsObject *)&hs_exc_OSError);
  return d;
}
