/* test-str.c — str methods, repr, interning, format(), str.format and `%` against
 * CPython 3.11.
 *
 * Expected strings were produced by python3.11: a value's repr, or "ExcType: message".
 * Arguments are written "s:text" (str), "i:123" (int), "f:1.5" (float), "b:True",
 * "n:" (None), "t:a|b" (tuple of str), "l:a|b" (list of str); "END" ends a list.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hs-error.h"
#include "hs-exceptions.h"
#include "hs-float.h"
#include "hs-format.h"
#include "hs-int.h"
#include "hs-list.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "core-test.h"

#define MAX_ARGS 6

typedef struct
{
  const char *recv;
  const char *method;
  const char *args[MAX_ARGS];
  const char *expected;
} MethodCase;

typedef struct
{
  const char *value;
  const char *spec;
  const char *expected;
} FormatCase;

typedef struct
{
  const char *fmt;
  const char *args[MAX_ARGS];
  const char *expected;
} PercentCase;

static const MethodCase method_cases[] = {
  { "hello World", "upper", { "END" }, "'HELLO WORLD'" },
  { "hello World", "lower", { "END" }, "'hello world'" },
  { "ß straße", "upper", { "END" }, "'SS STRASSE'" },
  { "hELLO wORLD", "capitalize", { "END" }, "'Hello world'" },
  { "they're bill's friends", "title", { "END" }, "\"They'Re Bill'S Friends\"" },
  { "ABC def", "swapcase", { "END" }, "'abc DEF'" },
  { "  hi  ", "strip", { "END" }, "'hi'" },
  { "  hi  ", "lstrip", { "END" }, "'hi  '" },
  { "  hi  ", "rstrip", { "END" }, "'  hi'" },
  { "xyhixy", "strip", { "s:xy", "END" }, "'hi'" },
  { "xyhixy", "strip", { "n:", "END" }, "'xyhixy'" },
  { "\t\n a \013", "strip", { "END" }, "'a'" },
  { "  a  b  c ", "split", { "END" }, "['a', 'b', 'c']" },
  { "a,b,,c", "split", { "s:,", "END" }, "['a', 'b', '', 'c']" },
  { "a b c", "split", { "n:", "i:1", "END" }, "['a', 'b c']" },
  { "a b c", "rsplit", { "n:", "i:1", "END" }, "['a b', 'c']" },
  { "  a b c  ", "rsplit", { "n:", "i:1", "END" }, "['  a b', 'c']" },
  { "  a b c  ", "split", { "n:", "i:1", "END" }, "['a', 'b c  ']" },
  { "a,b,c", "rsplit", { "s:,", "i:1", "END" }, "['a,b', 'c']" },
  { "abc", "split", { "s:", "END" }, "ValueError: empty separator" },
  { "a::b::c", "split", { "s:::", "i:-1", "END" }, "['a', 'b', 'c']" },
  { "", "split", { "END" }, "[]" },
  { "", "split", { "s:,", "END" }, "['']" },
  { "a\nb\015\nc\015d\n", "splitlines", { "END" }, "['a', 'b', 'c', 'd']" },
  { "a\nb\n\n", "splitlines", { "b:True", "END" }, "['a\\n', 'b\\n', '\\n']" },
  { "abc", "replace", { "s:", "s:-", "END" }, "'-a-b-c-'" },
  { "abc", "replace", { "s:", "s:-", "i:2", "END" }, "'-a-bc'" },
  { "aaa", "replace", { "s:a", "s:bb", "i:2", "END" }, "'bbbba'" },
  { "hello", "replace", { "s:l", "s:L", "END" }, "'heLLo'" },
  { "hello", "replace", { "s:z", "s:L", "END" }, "'hello'" },
  { "abcabc", "find", { "s:c", "i:3", "END" }, "5" },
  { "abcabc", "rfind", { "s:c", "i:0", "i:-1", "END" }, "2" },
  { "abc", "index", { "s:d", "END" }, "ValueError: substring not found" },
  { "abc", "rindex", { "s:a", "END" }, "0" },
  { "aaa", "count", { "s:", "END" }, "4" },
  { "aaa", "count", { "s:a", "i:1", "END" }, "2" },
  { "abcabc", "find", { "s:", "END" }, "0" },
  { "abc", "find", { "s:", "i:5", "END" }, "-1" },
  { "abc", "find", { "s:", "i:3", "END" }, "3" },
  { "héllo wörld", "find", { "s:w", "END" }, "6" },
  { "héllo", "rfind", { "s:l", "END" }, "3" },
  { "abc", "startswith", { "t:x|a", "END" }, "True" },
  { "abc", "endswith", { "s:bc", "i:0", "i:2", "END" }, "False" },
  { "abc",
    "startswith",
    { "i:1", "END" },
    "TypeError: startswith first arg must be str or a tuple of str, not int" },
  { "abc", "startswith", { "s:b", "i:1", "END" }, "True" },
  { "abc", "endswith", { "s:", "END" }, "True" },
  { "123", "isdigit", { "END" }, "True" },
  { "", "isdigit", { "END" }, "False" },
  { "½", "isnumeric", { "END" }, "True" },
  { "²", "isdigit", { "END" }, "True" },
  { "²", "isdecimal", { "END" }, "False" },
  { "abc", "isalpha", { "END" }, "True" },
  { "ab1", "isalnum", { "END" }, "True" },
  { " \t\n", "isspace", { "END" }, "True" },
  { "Ab", "isupper", { "END" }, "False" },
  { "A1", "isupper", { "END" }, "True" },
  { "a1", "islower", { "END" }, "True" },
  { "_a1", "isidentifier", { "END" }, "True" },
  { "1a", "isidentifier", { "END" }, "False" },
  { "Hello World", "istitle", { "END" }, "True" },
  { "-42", "zfill", { "i:6", "END" }, "'-00042'" },
  { "42", "zfill", { "i:1", "END" }, "'42'" },
  { "abc", "center", { "i:6", "s:*", "END" }, "'*abc**'" },
  { "abc", "center", { "i:7", "END" }, "'  abc  '" },
  { "ab", "center", { "i:5", "END" }, "'  ab '" },
  { "abc",
    "ljust",
    { "i:5", "s:xy", "END" },
    "TypeError: The fill character must be exactly one character long" },
  { "abc", "ljust", { "i:5", "s:.", "END" }, "'abc..'" },
  { "abc", "rjust", { "i:5", "END" }, "'  abc'" },
  { "abc", "partition", { "s:b", "END" }, "('a', 'b', 'c')" },
  { "abc", "rpartition", { "s:x", "END" }, "('', '', 'abc')" },
  { "abc", "partition", { "s:x", "END" }, "('abc', '', '')" },
  { "a.b.c", "rpartition", { "s:.", "END" }, "('a.b', '.', 'c')" },
  { "abc", "partition", { "s:", "END" }, "ValueError: empty separator" },
  { ",", "join", { "l:a|b|c", "END" }, "'a,b,c'" },
  { "", "join", { "l:", "END" }, "''" },
  { "-", "join", { "l:x", "END" }, "'x'" },
  { "{} {}", "format", { "i:1", "s:x", "END" }, "'1 x'" },
  { "{1}{0}", "format", { "i:1", "i:2", "END" }, "'21'" },
  { "{:>5}|{:<5}|{:^5}", "format", { "s:a", "s:b", "s:c", "END" }, "'    a|b    |  c  '" },
  { "{0!r:^9}", "format", { "s:ab", "END" }, "\"  'ab'   \"" },
  { "{:08.3f}", "format", { "f:-3.14159", "END" }, "'-003.142'" },
  { "{:,}", "format", { "i:1234567", "END" }, "'1,234,567'" },
  { "{{}}", "format", { "END" }, "'{}'" },
  { "{", "format", { "i:1", "END" }, "ValueError: Single '{' encountered in format string" },
  { "}", "format", { "i:1", "END" }, "ValueError: Single '}' encountered in format string" },
  { "{} {0}",
    "format",
    { "i:1", "END" },
    "ValueError: cannot switch from automatic field numbering to manual field specification" },
  { "{0} {}",
    "format",
    { "i:1", "END" },
    "ValueError: cannot switch from manual field specification to automatic field numbering" },
  { "{1}",
    "format",
    { "i:0", "END" },
    "IndexError: Replacement index 1 out of range for positional args tuple" },
  { "{}",
    "format",
    { "END" },
    "IndexError: Replacement index 0 out of range for positional args tuple" },
  { "{!x}", "format", { "i:1", "END" }, "ValueError: Unknown conversion specifier x" },
  { "{:{}}", "format", { "i:1", "i:4", "END" }, "'   1'" },
  { "{0[1]}", "format", { "l:a|b", "END" }, "'b'" },
  { "prefix", "removeprefix", { "s:pre", "END" }, "'fix'" },
  { "prefix", "removesuffix", { "s:fix", "END" }, "'pre'" },
};
static const FormatCase format_cases[] = {
  { "i:1234", ",", "'1,234'" },
  { "i:1234", "08,", "'0,001,234'" },
  { "i:1234", "09,", "'0,001,234'" },
  { "i:1234", "x,", "ValueError: Invalid format specifier 'x,' for object of type 'int'" },
  { "i:1234", ",x", "ValueError: Cannot specify ',' with 'x'." },
  { "i:12", "+c", "ValueError: Sign not allowed with integer format specifier 'c'" },
  { "i:12", ".2x", "ValueError: Precision not allowed in integer format specifier" },
  { "s:a", "+", "ValueError: Sign not allowed in string format specifier" },
  { "s:a", "#", "ValueError: Alternate form (#) not allowed in string format specifier" },
  { "s:a", ",", "ValueError: Cannot specify ',' with 's'." },
  { "i:1", "abc", "ValueError: Invalid format specifier 'abc' for object of type 'int'" },
  { "f:1.5", "abc", "ValueError: Invalid format specifier 'abc' for object of type 'float'" },
  { "s:a", "abc", "ValueError: Invalid format specifier 'abc' for object of type 'str'" },
  { "i:1", ">>>", "ValueError: Unknown format code '>' for object of type 'int'" },
  { "f:1.5", "=+10.3f", "'+    1.500'" },
  { "f:-1.5", "010", "'-0000001.5'" },
  { "f:1e6", ",.2f", "'1,000,000.00'" },
  { "f:1234567.0", "_", "'1_234_567.0'" },
  { "b:True", ">5", "'    1'" },
  { "b:True", "", "'True'" },
  { "f:-0.0", "+", "'-0.0'" },
  { "f:1.5", "E", "'1.500000E+00'" },
  { "f:nan", "F", "'NAN'" },
  { "i:12345678", "_b", "'1011_1100_0110_0001_0100_1110'" },
  { "i:255", "#X", "'0XFF'" },
  { "i:-255", "#x", "'-0xff'" },
  { "i:65", "c", "'A'" },
  { "i:-1", "c", "OverflowError: %c arg not in range(0x110000)" },
  { "i:1", "%", "'100.000000%'" },
  { "i:12", "e", "'1.200000e+01'" },
  { "i:1180591620717411303424", ",", "'1,180,591,620,717,411,303,424'" },
  { "f:0.1", ".20f", "'0.10000000000000000555'" },
  { "f:1.23456789e-7", ".3g", "'1.23e-07'" },
  { "i:12", "0=8", "'00000012'" },
  { "i:12", "^8", "'   12   '" },
  { "s:ab", "*^7", "'**ab***'" },
  { "i:5", "x<4", "'5xxx'" },
  { "f:100.0", ".3", "'1e+02'" },
  { "f:123.0", ".3", "'1.23e+02'" },
  { "f:1.0", ".3", "'1.0'" },
  { "f:1e20", ".3", "'1e+20'" },
  { "f:0.0001", ".3", "'0.0001'" },
  { "f:1234.5", ",", "'1,234.5'" },
  { "i:1234567", "_x", "'12_d687'" },
  { "i:12", "#010b", "'0b00001100'" },
  { "i:-12", "=+8", "'-     12'" },
  { "f:3.14159", "10.2f", "'      3.14'" },
  { "f:0.5", "%", "'50.000000%'" },
  { "f:1e16", "", "'1e+16'" },
  { "f:1.0", "5", "'  1.0'" },
  { "f:inf", "010.2f", "'0000000inf'" },
  { "s:ab", "^7", "'  ab   '" },
  { "s:ab", "05", "'ab000'" },
  { "i:12", "n", "'12'" },
  { "f:1.5", "n", "'1.5'" },
  { "f:12345.678", ",.2f", "'12,345.68'" },
  { "f:1e100", ",", "'1e+100'" },
  { "i:12", "s", "ValueError: Unknown format code 's' for object of type 'int'" },
  { "s:a", "d", "ValueError: Unknown format code 'd' for object of type 'str'" },
  { "f:1.5", "d", "ValueError: Unknown format code 'd' for object of type 'float'" },
  { "s:abc", ".2", "'ab'" },
  { "s:abc", "=5", "ValueError: '=' alignment not allowed in string format specifier" },
  { "i:5", "=05", "'00005'" },
  { "i:-5", "05", "'-0005'" },
  { "f:1.0", ".1", "'1e+00'" },
  { "f:0.5", ".0", "'0.5'" },
  { "f:12345.0", ".5", "'1.2345e+04'" },
  { "f:1.5", "#.3g", "'1.50'" },
  { "f:100.0", "#.3", "'1.00e+02'" },
  { "f:1e-5", ".3", "'1e-05'" },
  { "f:0.0", ".3", "'0.0'" },
  { "f:2.5", ".0f", "'2'" },
  { "f:1.5", "#", "'1.5'" },
  { "f:1e16", "#", "'1.e+16'" },
  { "f:12.0", "g", "'12'" },
  { "f:12.0", "#g", "'12.0000'" },
  { "f:1e-7", "g", "'1e-07'" },
  { "i:5", "<05", "'50000'" },
  { "f:-1234.5", "012,.1f", "'-0,001,234.5'" },
  { "s:héllo", "~^9", "'~~héllo~~'" },
  { "f:2.0", "#.0f", "'2.'" },
  { "i:0", "#o", "'0o0'" },
  { "f:1e300", "f",
    "'100000000000000005250476025520442024870446858110815915491585411551180245798890819578637137508"
    "0447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794"
    "7880900593689532349707999450811190389676408800746527427801424945792587888200568428381156694721"
    "96386865459400540160.000000'" },
};
static const PercentCase percent_cases[] = {
  { "%5s|%-5s|", { "s:a", "s:b", "END" }, "'    a|b    |'" },
  { "%.2e", { "f:1234.5", "END" }, "'1.23e+03'" },
  { "%x", { "i:255", "END" }, "'ff'" },
  { "%X", { "i:-255", "END" }, "'-FF'" },
  { "%o", { "i:8", "END" }, "'10'" },
  { "%#o", { "i:0", "END" }, "'0o0'" },
  { "%5.1f%%", { "f:99.5", "END" }, "' 99.5%'" },
  { "%s", { "n:", "END" }, "'None'" },
  { "%d", { "i:1180591620717411303424", "END" }, "'1180591620717411303424'" },
  { "%.3d", { "i:5", "END" }, "'005'" },
  { "%+.3d", { "i:5", "END" }, "'+005'" },
  { "% d", { "i:5", "END" }, "' 5'" },
  { "%-05d|", { "i:3", "END" }, "'3    |'" },
  { "%#x", { "i:0", "END" }, "'0x0'" },
  { "%c", { "i:1114112", "END" }, "OverflowError: %c arg not in range(0x110000)" },
  { "%c", { "s:é", "END" }, "'é'" },
  { "%a", { "s:é", "END" }, "\"'\\\\xe9'\"" },
  { "%r", { "s:é", "END" }, "\"'é'\"" },
  { "%f", { "s:x", "END" }, "TypeError: must be real number, not str" },
  { "%s %s",
    { "s:a", "s:b", "s:c", "END" },
    "TypeError: not all arguments converted during string formatting" },
  { "%d", { "n:", "END" }, "TypeError: %d format: a real number is required, not NoneType" },
  { "%10.4s|", { "s:abcdefg", "END" }, "'      abcd|'" },
  { "%*.*f", { "i:8", "i:2", "f:3.14159", "END" }, "'    3.14'" },
  { "%ld", { "i:5", "END" }, "'5'" },
  { "%.0f", { "f:2.5", "END" }, "'2'" },
  { "%g", { "f:1e20", "END" }, "'1e+20'" },
  { "%G", { "f:1e-20", "END" }, "'1E-20'" },
  { "%s", { "END" }, "TypeError: not enough arguments for format string" },
  { "", { "END" }, "''" },
  { "%i", { "f:3.9", "END" }, "'3'" },
  { "%x", { "b:True", "END" }, "'1'" },
  { "%d", { "f:1.5", "END" }, "'1'" },
  { "%s %s", { "i:1", "END" }, "TypeError: not enough arguments for format string" },
  { "%x", { "f:1.5", "END" }, "TypeError: %x format: an integer is required, not float" },
  { "%c", { "i:65", "END" }, "'A'" },
  { "%c", { "s:ab", "END" }, "TypeError: %c requires int or char" },
  { "%5.2f|%-6d|%+d|%05d",
    { "f:3.14159", "i:42", "i:5", "i:-3", "END" },
    "' 3.14|42    |+5|-0003'" },
  { "%r", { "s:a\nb", "END" }, "\"'a\\\\nb'\"" },
  { "%.3s", { "s:abcdef", "END" }, "'abc'" },
  { "%e", { "f:12345.678", "END" }, "'1.234568e+04'" },
  { "%g", { "f:0.00001", "END" }, "'1e-05'" },
  { "%#x %#o", { "i:255", "i:8", "END" }, "'0xff 0o10'" },
  { "%d", { "s:1", "END" }, "TypeError: %d format: a real number is required, not str" },
  { "%", { "END" }, "ValueError: incomplete format" },
  { "%z", { "i:1", "END" }, "ValueError: unsupported format character 'z' (0x7a) at index 1" },
  { "abc %", { "i:1", "END" }, "ValueError: incomplete format" },
  { "%d%%", { "i:5", "END" }, "'5%'" },
  { "%05f", { "f:inf", "END" }, "'00inf'" },
  { "%-8.3f|", { "f:-2.5", "END" }, "'-2.500  |'" },
  { "%+.1e", { "f:0.0", "END" }, "'+0.0e+00'" },
  { "%s", { "t:a|b", "END" }, "\"('a', 'b')\"" },
};
static const char *const repr_cases[][2] = {
  { "it's", "\"it's\"" },
  { "a'b\"c", "'a\\'b\"c'" },
  { "\001\177 é​", "'\\x01\\x7f\\xa0é\\u200b'" },
  { "tab\there\n", "'tab\\there\\n'" },
  { "back\\slash", "'back\\\\slash'" },
  { "\"", "'\"'" },
  { "'", "\"'\"" },
  { "", "''" },
  { "ü€😀", "'ü€😀'" },
  { "\033[0m", "'\\x1b[0m'" },
  { " ", "'\\u2028'" },
};

static HsObject *
split_strs (const char *v, gboolean tuple)
{
  g_auto (GStrv) parts = *v ? g_strsplit (v, "|", -1) : g_new0 (char *, 1);
  guint n = g_strv_length (parts);
  HsObject *r = tuple ? hs_tuple_new (vm, n) : hs_list_new (vm, n);

  for (guint i = 0; i < n; i++)
    {
      HsObject *s = hs_str_from_cstr (vm, parts[i]);
      if (tuple)
        hs_tuple_set_take (r, i, s);
      else
        hs_list_append_take (vm, r, s);
    }
  return r;
}

static HsObject *
decode (const char *a)
{
  const char *v = a + 2;
  switch (a[0])
    {
      case 's':
        return hs_str_from_cstr (vm, v);
      case 'i':
        return hs_int_from_str (vm, v, strlen (v), 10);
      case 'f':
        return hs_float_from_str (vm, v, strlen (v));
      case 'b':
        return hs_bool_from (strcmp (v, "True") == 0);
      case 'n':
        return hs_None;
      case 't':
        return split_strs (v, TRUE);
      case 'l':
        return split_strs (v, FALSE);
      default:
        g_assert_not_reached ();
    }
}

static gsize
decode_args (const char *const *in, HsObject **out)
{
  gsize n = 0;
  while (strcmp (in[n], "END") != 0)
    {
      out[n] = decode (in[n]);
      n++;
    }
  return n;
}

static void
release (HsObject **objs, gsize n)
{
  for (gsize i = 0; i < n; i++)
    hs_decref (vm, objs[i]);
}

static void
test_methods (void)
{
  int failures = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (method_cases); i++)
    {
      const MethodCase *c = &method_cases[i];
      HsObject *args[MAX_ARGS];
      gsize n = decode_args (c->args, args);
      HsObject *recv = hs_str_from_cstr (vm, c->recv);
      HsObject *m = hs_object_getattr_cstr (vm, recv, c->method);
      g_autofree char *got = NULL;

      g_assert_nonnull (m);
      got = core_test_outcome (hs_object_call (vm, m, args, n, NULL));
      if (strcmp (got, c->expected) != 0)
        {
          g_printerr ("%s.%s: got %s, want %s\n", c->recv, c->method, got, c->expected);
          failures++;
        }
      hs_decref (vm, m);
      hs_decref (vm, recv);
      release (args, n);
    }
  g_assert_cmpint (failures, ==, 0);
}

static void
test_format_spec (void)
{
  int failures = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      HsObject *v = decode (c->value), *spec = hs_str_from_cstr (vm, c->spec);
      g_autofree char *got = core_test_outcome (hs_format_value (vm, v, spec));
      if (strcmp (got, c->expected) != 0)
        {
          g_printerr ("format(%s, '%s'): got %s, want %s\n", c->value, c->spec, got, c->expected);
          failures++;
        }
      hs_decref (vm, v);
      hs_decref (vm, spec);
    }
  g_assert_cmpint (failures, ==, 0);
}

static void
test_percent (void)
{
  int failures = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (percent_cases); i++)
    {
      const PercentCase *c = &percent_cases[i];
      HsObject *args[MAX_ARGS];
      gsize n = decode_args (c->args, args);
      HsObject *tuple = hs_tuple_from_array (vm, args, n);
      HsObject *fmt = hs_str_from_cstr (vm, c->fmt);
      g_autofree char *got = core_test_outcome (hs_number_binop (vm, HS_BIN_MOD, fmt, tuple));
      if (strcmp (got, c->expected) != 0)
        {
          g_printerr ("'%s' %% ...: got %s, want %s\n", c->fmt, got, c->expected);
          failures++;
        }
      hs_decref (vm, fmt);
      hs_decref (vm, tuple);
      release (args, n);
    }
  g_assert_cmpint (failures, ==, 0);
}

static void
test_percent_single_and_mapping (void)
{
  HsObject *fmt = hs_str_from_cstr (vm, "%s!");
  HsObject *list = split_strs ("a|b", FALSE);
  HsObject *five = hs_int_from_i64 (vm, 5);
  HsObject *empty = hs_str_from_cstr (vm, "");
  g_autofree char *r1 = core_test_outcome (hs_str_percent_format (vm, fmt, list));
  g_autofree char *r2 = core_test_outcome (hs_str_percent_format (vm, empty, five));
  g_autofree char *r3 = core_test_outcome (hs_str_percent_format (vm, empty, list));
  g_assert_cmpstr (r1, ==, "\"['a', 'b']!\"");
  g_assert_cmpstr (r2, ==, "TypeError: not all arguments converted during string formatting");
  g_assert_cmpstr (r3, ==, "''");
  hs_decref (vm, fmt);
  hs_decref (vm, list);
}

static void
test_repr (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (repr_cases); i++)
    {
      HsObject *s = hs_str_from_cstr (vm, repr_cases[i][0]);
      HsObject *r = hs_object_repr (vm, s);
      g_assert_cmpstr (hs_str_utf8 (r), ==, repr_cases[i][1]);
      hs_decref (vm, r);
      hs_decref (vm, s);
    }
}

static void
test_interning (void)
{
  HsObject *a = hs_str_intern_cstr ("hello_world");
  HsObject *b = hs_str_intern ("hello_world!", 11);
  HsObject *c = hs_str_from_cstr (vm, "hello_world");
  HsObject *d = hs_str_from_cstr (vm, "ab"), *e = hs_str_from_cstr (vm, "ab");
  HsObject *x = hs_str_from_cstr (vm, "x"), *y = hs_str_from_cstr (vm, "xyz");
  HsObject *zero = hs_int_from_i64 (vm, 0);
  HsObject *x0 = hs_object_getitem (vm, y, zero);

  g_assert_true (a == b);
  g_assert_true (hs_is_immortal (a));
  g_assert_true (a != c); /* made at run time: not interned */
  g_assert_true (d != e);
  g_assert_false (hs_is_immortal (d));
  g_assert_true (x == x0); /* one-character strings are shared, as in CPython */
  g_assert_true (hs_str_from_cstr (vm, "") == hs_str_intern_cstr (""));
  g_assert_true (hs_str_is_intern_candidate ("abc_12", 6));
  g_assert_false (hs_str_is_intern_candidate ("a b", 3));
  hs_decref (vm, c);
  hs_decref (vm, d);
  hs_decref (vm, e);
  hs_decref (vm, y);
}

static void
test_index_slice (void)
{
  HsObject *s = hs_str_from_cstr (vm, "héllo wörld");
  HsObject *big = hs_int_from_str (vm, "100000000000000000000", 21, 10);
  HsObject *i1 = hs_int_from_i64 (vm, 1), *im1 = hs_int_from_i64 (vm, -1);
  HsObject *i20 = hs_int_from_i64 (vm, 20);
  g_autofree char *r1 = core_test_outcome (hs_object_getitem (vm, s, i1));
  g_autofree char *r2 = core_test_outcome (hs_object_getitem (vm, s, im1));
  g_autofree char *r3 = core_test_outcome (hs_object_getitem (vm, s, i20));
  g_autofree char *r4 = core_test_outcome (hs_object_getitem (vm, s, big));

  g_assert_cmpstr (r1, ==, "'é'");
  g_assert_cmpstr (r2, ==, "'d'");
  g_assert_cmpstr (r3, ==, "IndexError: string index out of range");
  g_assert_cmpstr (r4, ==, "IndexError: cannot fit 'int' into an index-sized integer");
  g_assert_cmpint (hs_object_len (vm, s), ==, 11);
  g_assert_cmpint (hs_str_byte_len (s), ==, 13);
  hs_decref (vm, s);
  hs_decref (vm, big);
}

static void
test_repeat_and_concat (void)
{
  HsObject *a = hs_str_from_cstr (vm, "ab"), *n3 = hs_int_from_i64 (vm, 3);
  HsObject *huge = hs_int_from_str (vm, "10000000000", 11, 10);
  HsObject *vhuge = hs_int_from_str (vm, "100000000000000000000", 21, 10);
  g_autofree char *r1 = core_test_outcome (hs_number_binop (vm, HS_BIN_MUL, a, n3));
  g_autofree char *r2 = core_test_outcome (hs_number_binop (vm, HS_BIN_MUL, n3, a));
  g_autofree char *r3 = core_test_outcome (hs_number_binop (vm, HS_BIN_MUL, a, huge));
  g_autofree char *r4 = core_test_outcome (hs_number_binop (vm, HS_BIN_MUL, a, vhuge));
  g_autofree char *r5 = core_test_outcome (hs_number_binop (vm, HS_BIN_ADD, a, n3));
  g_autofree char *r6 = core_test_outcome (hs_number_binop (vm, HS_BIN_ADD, a, a));
  g_assert_cmpstr (r1, ==, "'ababab'");
  g_assert_cmpstr (r2, ==, "'ababab'");
  g_assert_cmpstr (r3, ==, "MemoryError");
  g_assert_cmpstr (r4, ==, "OverflowError: cannot fit 'int' into an index-sized integer");
  g_assert_cmpstr (r5, ==, "TypeError: can only concatenate str (not \"int\") to str");
  g_assert_cmpstr (r6, ==, "'abab'");
  hs_decref (vm, a);
  hs_decref (vm, huge);
  hs_decref (vm, vhuge);
}

static void
test_compare_contains (void)
{
  HsObject *a = hs_str_from_cstr (vm, "apple"), *b = hs_str_from_cstr (vm, "apricot");
  HsObject *pp = hs_str_from_cstr (vm, "pp"), *one = hs_int_from_i64 (vm, 1);
  g_assert_cmpint (hs_object_richcompare_bool (vm, a, b, HS_CMP_LT), ==, 1);
  g_assert_cmpint (hs_object_richcompare_bool (vm, b, a, HS_CMP_GE), ==, 1);
  g_assert_cmpint (hs_object_contains (vm, a, pp), ==, 1);
  g_assert_cmpint (hs_object_contains (vm, b, pp), ==, 0);
  g_assert_cmpint (hs_object_contains (vm, a, one), ==, -1);
  hs_err_clear (vm);
  hs_decref (vm, a);
  hs_decref (vm, b);
  hs_decref (vm, pp);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/core/str/methods-vs-python", test_methods);
  g_test_add_func ("/core/str/format-spec", test_format_spec);
  g_test_add_func ("/core/str/percent", test_percent);
  g_test_add_func ("/core/str/percent-single-mapping", test_percent_single_and_mapping);
  g_test_add_func ("/core/str/repr", test_repr);
  g_test_add_func ("/core/str/interning", test_interning);
  g_test_add_func ("/core/str/index-slice", test_index_slice);
  g_test_add_func ("/core/str/repeat-concat", test_repeat_and_concat);
  g_test_add_func ("/core/str/compare-contains", test_compare_contains);
  return core_test_run ();
}
