/* test-parser.c — the parser against CPython 3.11.
 *
 * tests/parser/ok/NAME.py must parse to exactly CPython's
 * `ast.dump(ast.parse(src), include_attributes=True)` (stored in NAME.ast), positions included;
 * tests/parser/err/NAME.py must fail with CPython's exception type, message, line, offsets and
 * text (stored in NAME.err). tests/parser/regen.py regenerates both with python3; this test
 * only reads the stored files. */
#include "hs-ast.h"

#include <string.h>

static char *
parser_dir (const char *sub)
{
  const char *root = g_getenv ("HS_SOURCE_DIR");
  return root ? g_build_filename (root, "tests", "parser", sub, NULL) : NULL;
}

/* Sorted names of the *.py files in dir. */
static GPtrArray *
list_py (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *n;
  while (d && (n = g_dir_read_name (d)))
    if (g_str_has_suffix (n, ".py"))
      g_ptr_array_add (names, g_strdup (n));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  return names;
}

static char *
sibling (const char *dir, const char *py, const char *ext)
{
  g_autofree char *stem = g_strndup (py, strlen (py) - 3);
  g_autofree char *base = g_strconcat (stem, ext, NULL);
  return g_build_filename (dir, base, NULL);
}

static char *
read_file (const char *path, gsize *len)
{
  char *s = NULL;
  g_assert_true (g_file_get_contents (path, &s, len, NULL));
  return s;
}

static void
test_ok_corpus (void)
{
  g_autofree char *dir = parser_dir ("ok");
  if (dir == NULL)
    {
      g_test_skip ("HS_SOURCE_DIR not set");
      return;
    }
  g_autoptr (GPtrArray) names = list_py (dir);
  g_assert_cmpuint (names->len, >=, 10);
  for (guint i = 0; i < names->len; i++)
    {
      const char *py = names->pdata[i];
      g_autofree char *path = g_build_filename (dir, py, NULL);
      g_autofree char *ast_path = sibling (dir, py, ".ast");
      gsize len;
      g_autofree char *src = read_file (path, &len);
      g_autofree char *expected = read_file (ast_path, NULL);
      g_strchomp (expected);
      g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
      g_autoptr (HsSyntaxError) err = NULL;
      HsModule *m = hs_parse_module (arena, src, len, &err);
      if (m == NULL)
        g_error ("%s: unexpected %s: %s (line %d)", py, err->type_name, err->msg, err->lineno);
      g_autofree char *got = hs_ast_dump_full (m, TRUE);
      if (strcmp (got, expected) != 0)
        g_test_message ("%s differs from CPython", py);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_error_corpus (void)
{
  g_autofree char *dir = parser_dir ("err");
  if (dir == NULL)
    {
      g_test_skip ("HS_SOURCE_DIR not set");
      return;
    }
  g_autoptr (GPtrArray) names = list_py (dir);
  g_assert_cmpuint (names->len, >=, 30);
  for (guint i = 0; i < names->len; i++)
    {
      const char *py = names->pdata[i];
      g_autofree char *path = g_build_filename (dir, py, NULL);
      g_autofree char *err_path = sibling (dir, py, ".err");
      gsize len;
      g_autofree char *src = read_file (path, &len);
      g_autofree char *expected = read_file (err_path, NULL);
      g_auto (GStrv) lines = g_strsplit (expected, "\n", 5);
      g_assert_cmpuint (g_strv_length (lines), >=, 4);
      g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
      g_autoptr (HsSyntaxError) err = NULL;
      HsModule *m = hs_parse_module (arena, src, len, &err);
      if (m != NULL)
        g_error ("%s: parsed, but CPython reports %s", py, lines[1]);
      g_autofree char *got
          = g_strdup_printf ("%s\n%s\n%d %d %d %d\n%s", err->type_name, err->msg, err->lineno,
                             err->offset, err->end_lineno, err->end_offset, err->text);
      g_autofree char *want
          = g_strdup_printf ("%s\n%s\n%s\n%s", lines[0], lines[1], lines[2], lines[3]);
      if (strcmp (got, want) != 0)
        g_test_message ("%s differs from CPython", py);
      g_assert_cmpstr (got, ==, want);
    }
}

static HsModule *
parse (HsAstArena *arena, const char *src, HsSyntaxError **err)
{
  return hs_parse_module (arena, src, strlen (src), err);
}

static void
assert_dump (const char *src, const char *expected)
{
  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  g_autoptr (HsSyntaxError) err = NULL;
  HsModule *m = parse (arena, src, &err);
  g_assert_nonnull (m);
  g_autofree char *got = hs_ast_dump (m);
  g_assert_cmpstr (got, ==, expected);
}

/* Dumps without attributes, as `ast.dump(tree)` prints them (checked by hand with python3). */
static void
test_dump (void)
{
  assert_dump ("x = 1\n", "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                          "value=Constant(value=1))], type_ignores=[])");
  assert_dump ("a < b < c\n",
               "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), Lt()], "
               "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], "
               "type_ignores=[])");
  assert_dump ("f'{x=}'\n", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), "
                            "FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], "
                            "type_ignores=[])");
  assert_dump ("del a[1:2, ::3]\n",
               "Module(body=[Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), "
               "slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), "
               "Slice(step=Constant(value=3))], ctx=Load()), ctx=Del())])], type_ignores=[])");
  assert_dump ("x = 0x_ff + 1e3 + 2j\n",
               "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
               "value=BinOp(left=BinOp(left=Constant(value=255), op=Add(), "
               "right=Constant(value=1000.0)), op=Add(), right=Constant(value=2j)))], "
               "type_ignores=[])");
}

static void
test_constants (void)
{
  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  HsModule *m = parse (arena, "'a\\tb' 'c\\x41\\u00e9'\n", NULL);
  g_assert_nonnull (m);
  HsExpr *c = m->body.items[0]->u.value;
  g_assert_cmpint (c->kind, ==, HS_EXPR_CONSTANT);
  g_assert_cmpint (c->u.constant.kind, ==, HS_CONST_STR);
  g_assert_cmpstr (c->u.constant.value, ==, "a\tbcAé");
  g_assert_cmpuint (c->u.constant.len, ==, 7);
  m = parse (arena, "1_000\n", NULL);
  c = m->body.items[0]->u.value;
  g_assert_cmpint (c->u.constant.kind, ==, HS_CONST_INT);
  g_assert_cmpstr (c->u.constant.text, ==, "1_000");
}

/* Hostile nesting gives CPython's MemoryError, never a stack overflow. */
static void
test_deep_nesting (void)
{
  const char *prefixes[] = { "-", "not ", "lambda: ", "~", "+" };
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      GString *s = g_string_new ("x = ");
      for (int k = 0; k < 100000; k++)
        g_string_append (s, prefixes[i]);
      g_string_append (s, "1\n");
      g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
      g_autoptr (HsSyntaxError) err = NULL;
      g_assert_null (hs_parse_module (arena, s->str, s->len, &err));
      /* CPython 3.11's parser past its 6,000 levels */
      g_assert_cmpstr (err->type_name, ==, "MemoryError");
      g_assert_cmpstr (err->msg, ==, "");
      g_assert_cmpint (err->lineno, ==, 0);
      g_string_free (s, TRUE);
    }
  /* moderate nesting is fine */
  GString *s = g_string_new ("x = ");
  for (int k = 0; k < 500; k++)
    g_string_append (s, "-");
  g_string_append (s, "1 if a else 2 if b else 3\n");
  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  g_assert_nonnull (hs_parse_module (arena, s->str, s->len, NULL));
  g_string_free (s, TRUE);
}

/* A 10,000-line program parses well under 100 ms. */
static void
test_speed (void)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 1000; i++)
    g_string_append_printf (s,
                            "def f%d(a, b=2, *args, **kw):\n"
                            "    x = [i * 2 for i in range(a) if i %% 3]\n"
                            "    d = {'k': x, 'v': (a, b)}\n"
                            "    if a > b and not kw:\n"
                            "        return f'{a!r} {b:>5}' + str(len(x))\n"
                            "    for k, v in d.items():\n"
                            "        print(k, v, sep=', ')\n"
                            "    while a < 10:\n"
                            "        a += 1\n"
                            "    return a\n",
                            i);
  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  gint64 t0 = g_get_monotonic_time ();
  HsModule *m = hs_parse_module (arena, s->str, s->len, NULL);
  gint64 us = g_get_monotonic_time () - t0;
  g_assert_nonnull (m);
  g_assert_cmpint (m->body.len, ==, 1000);
  g_test_message ("10,000 lines parsed in %" G_GINT64_FORMAT " us", us);
  /* generous bound: sanitizers and slow CI machines */
  g_assert_cmpint (us, <, 1000 * 1000);
  g_string_free (s, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/parser/cpython-ast-corpus", test_ok_corpus);
  g_test_add_func ("/core/parser/cpython-error-corpus", test_error_corpus);
  g_test_add_func ("/core/parser/dump", test_dump);
  g_test_add_func ("/core/parser/constants", test_constants);
  g_test_add_func ("/core/parser/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/parser/speed", test_speed);
  return g_test_run ();
}
