/* test-corpus.c — the differential corpus: every tests/programs/NAME.py is run in-process
 * through the core's public API and must print exactly what CPython 3.11 printed.
 *
 * Invariant: the expected files (NAME.out, NAME.err, NAME.status) are CPython's output,
 * recorded by tests/regen-expected.py with the corpus directory replaced by `<dir>` (and an
 * object's address in stderr by `0x...`); this
 * test normalises Heapscope's stderr the same way and never edits or weakens them. One
 * GLib test case per program, /corpus/NAME, so a failure names the program. The programs
 * of tests/refusals/ run as /refusals/NAME against hand-written expected files.
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "hs-vm.h"

#define PLACEHOLDER "<dir>"
#define ADDRESS " at 0x..."
#define CONTEXT_LINES 3
#define MAX_DIFF_CELLS (4 * 1024 * 1024)

typedef struct
{
  char *dir;  /* absolute corpus directory */
  char *name; /* program name without .py */
} CorpusCase;

static void
corpus_case_free (gpointer data)
{
  CorpusCase *c = data;

  g_free (c->dir);
  g_free (c->name);
  g_free (c);
}

static void
collect_output (const char *text, gsize len, gpointer user_data)
{
  g_string_append_len ((GString *)user_data, text, len);
}

/* Replaces every occurrence of `dir` by the placeholder, as regen-expected.py does. */
static char *
normalise_paths (const char *text, const char *dir)
{
  g_autoptr (GString) s = g_string_new (text);
  g_autoptr (GRegex) address = g_regex_new (" at 0x[0-9a-f]+", 0, 0, NULL);

  g_string_replace (s, dir, PLACEHOLDER, 0);
  /* An address in a report ("Exception ignored in: <function A.__del__ at 0x...>")
   * differs from run to run: regen-expected.py stores it as ADDRESS. */
  return g_regex_replace_literal (address, s->str, -1, 0, ADDRESS, 0, NULL);
}

static char *
read_expected (const char *dir, const char *name, const char *ext)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.%s", dir, name, ext);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_test_message ("cannot read %s: %s (run tests/regen-expected.py)", path, error->message);
      return NULL;
    }
  return contents;
}

/* Prints one line of a diff; makes invisible trailing whitespace visible. */
static void
diff_line (char mark, const char *line)
{
  gsize len = strlen (line);

  if (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
    g_test_message ("%c%s⏎", mark, line);
  else
    g_test_message ("%c%s", mark, line);
}

/* Fills lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]. */
static guint *
lcs_table (char **a, guint na, char **b, guint nb)
{
  guint *t = g_new0 (guint, (gsize)(na + 1) * (nb + 1));

  for (guint i = na; i-- > 0;)
    for (guint j = nb; j-- > 0;)
      {
        guint *cell = &t[i * (nb + 1) + j];

        if (g_str_equal (a[i], b[j]))
          *cell = t[(i + 1) * (nb + 1) + j + 1] + 1;
        else
          *cell = MAX (t[(i + 1) * (nb + 1) + j], t[i * (nb + 1) + j + 1]);
      }
  return t;
}

typedef struct
{
  char mark;
  const char *line;
} DiffEntry;

/* Emits a unified-style diff (without hunk headers) showing changed lines with a
 * little context; equal runs longer than the context are elided with "...". */
static void
print_diff (const char *what, const char *expected, const char *actual)
{
  g_auto (GStrv) a = g_strsplit (expected, "\n", -1);
  g_auto (GStrv) b = g_strsplit (actual, "\n", -1);
  guint na = g_strv_length (a), nb = g_strv_length (b);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (DiffEntry));
  g_autofree guint *t = NULL;
  guint i = 0, j = 0;

  g_test_message ("%s differs (-expected from CPython, +actual from Heapscope):", what);
  if ((guint64)(na + 1) * (nb + 1) > MAX_DIFF_CELLS)
    {
      g_test_message ("  (too long to diff: %u vs %u lines)", na, nb);
      return;
    }
  t = lcs_table (a, na, b, nb);
  while (i < na || j < nb)
    {
      DiffEntry e;

      if (i < na && j < nb && g_str_equal (a[i], b[j]))
        e = (DiffEntry){ ' ', a[i++] }, j++;
      else if (i < na && (j == nb || t[(i + 1) * (nb + 1) + j] >= t[i * (nb + 1) + j + 1]))
        e = (DiffEntry){ '-', a[i++] };
      else
        e = (DiffEntry){ '+', b[j++] };
      g_array_append_val (entries, e);
    }

  for (guint k = 0; k < entries->len; k++)
    {
      DiffEntry *e = &g_array_index (entries, DiffEntry, k);
      gboolean near_change = FALSE;

      for (guint m = (k > CONTEXT_LINES ? k - CONTEXT_LINES : 0);
           m <= k + CONTEXT_LINES && m < entries->len; m++)
        if (g_array_index (entries, DiffEntry, m).mark != ' ')
          near_change = TRUE;
      if (near_change)
        diff_line (e->mark, e->line);
      else if (k > 0 && g_array_index (entries, DiffEntry, k - 1).mark == ' ')
        {
          /* print "..." once at the start of an elided run */
          gboolean prev_shown = FALSE;
          guint p = k - 1;

          for (guint m = (p > CONTEXT_LINES ? p - CONTEXT_LINES : 0);
               m <= p + CONTEXT_LINES && m < entries->len; m++)
            if (g_array_index (entries, DiffEntry, m).mark != ' ')
              prev_shown = TRUE;
          if (prev_shown)
            g_test_message (" ...");
        }
    }
}

static gboolean
check_equal (const char *name, const char *what, const char *expected, const char *actual)
{
  if (g_strcmp0 (expected, actual) == 0)
    return TRUE;
  g_test_message ("%s: %s mismatch", name, what);
  print_diff (what, expected ? expected : "", actual ? actual : "");
  return FALSE;
}

/* The program's standard input (NAME.in), handed out line by line as CPython's input()
 * reads it. */
typedef struct
{
  const char *text;
  gsize len, pos;
} CorpusInput;

static char *
next_input_line (gsize *len, gpointer user_data)
{
  CorpusInput *in = user_data;
  const char *start = in->text + in->pos;
  const char *nl;
  gsize n;
  if (in->pos >= in->len)
    return NULL;
  nl = memchr (start, '\n', in->len - in->pos);
  n = nl != NULL ? (gsize)(nl - start) + 1 : in->len - in->pos;
  in->pos += n;
  *len = n;
  return g_strndup (start, n);
}

static void
test_program (gconstpointer data)
{
  const CorpusCase *c = data;
  g_autofree char *py_path = g_strdup_printf ("%s/%s.py", c->dir, c->name);
  g_autofree char *source = NULL;
  gsize source_len = 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *want_out = read_expected (c->dir, c->name, "out");
  g_autofree char *want_err = read_expected (c->dir, c->name, "err");
  g_autofree char *want_status = read_expected (c->dir, c->name, "status");
  g_autofree char *in_path = g_strdup_printf ("%s/%s.in", c->dir, c->name);
  CorpusInput input = { "", 0, 0 };
  g_autofree char *in_text = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) err_out = g_string_new (NULL);
  g_autofree char *err = NULL;
  g_autofree char *status = NULL;
  HsVMConfig config;
  HsRunResult result;
  gboolean ok = TRUE;

  if (!g_file_get_contents (py_path, &source, &source_len, &error))
    {
      g_test_fail_printf ("cannot read %s: %s", py_path, error->message);
      return;
    }
  if (want_out == NULL || want_err == NULL || want_status == NULL)
    {
      g_test_fail_printf ("%s: expected files missing", c->name);
      return;
    }

  if (g_file_get_contents (in_path, &in_text, &input.len, NULL))
    input.text = in_text;

  /* A step limit far above what any corpus program needs keeps a looping core from
   * hanging the whole suite; the mismatch is then reported like any other. */
  hs_vm_config_init (&config);
  config.max_line_steps = 50 * 1000 * 1000;
  {
    g_autoptr (HsVM) vm = hs_vm_new (&config);

    hs_vm_set_output (vm, collect_output, out);
    hs_vm_set_error_output (vm, collect_output, err_out);
    hs_vm_set_input (vm, next_input_line, &input);
    result = hs_vm_run_source (vm, source, source_len, py_path);
    if (result != HS_RUN_OK)
      {
        g_autofree char *report = hs_vm_format_error (vm);
        g_string_append (err_out, report);
      }
    hs_vm_finalize (vm, result);
    status = g_strdup_printf ("%d\n", hs_vm_exit_status (vm, result));
  }
  err = normalise_paths (err_out->str, c->dir);

  ok &= check_equal (c->name, "stdout", want_out, out->str);
  ok &= check_equal (c->name, "stderr", want_err, err);
  ok &= check_equal (c->name, "exit status", want_status, status);
  if (!ok)
    g_test_fail_printf ("%s: output differs from CPython (see the diff above)", c->name);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* Registers /PREFIX/NAME for every NAME.py in dir, in sorted order. */
static guint
add_corpus (const char *dir, const char *prefix)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (d == NULL)
    return 0;
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".py"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 3));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      CorpusCase *c = g_new0 (CorpusCase, 1);
      g_autofree char *path = NULL;

      c->dir = g_strdup (dir);
      c->name = g_strdup (g_ptr_array_index (names, i));
      path = g_strdup_printf ("/%s/%s", prefix, c->name);
      g_test_add_data_func_full (path, c, test_program, corpus_case_free);
    }
  return names->len;
}

static void
test_no_corpus (void)
{
  g_test_fail_printf ("no corpus programs found: is HS_SOURCE_DIR set to the source tree?");
}

int
main (int argc, char **argv)
{
  const char *source_dir = g_getenv ("HS_SOURCE_DIR");
  g_autofree char *abs_source = NULL;
  g_autofree char *programs = NULL;
  guint count;

  /* Keep going after a failing program: one core bug must not hide the others, and
   * GLib's TAP mode bails out at the first failure otherwise. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  for (int i = 0; i < argc; i++)
    args[i] = argv[i];
  args[argc++] = (char *)"--keep-going";
  argv = args;

  g_test_init (&argc, &argv, NULL);
  hs_runtime_init ();

  abs_source = g_canonicalize_filename (source_dir ? source_dir : ".", NULL);
  programs = g_build_filename (abs_source, "tests", "programs", NULL);
  count = add_corpus (programs, "corpus");
  if (count == 0)
    g_test_add_func ("/corpus/none-found", test_no_corpus);
  /* Valid Python that Heapscope refuses (NotImplementedError naming the construct and
   * the line): the expected files are Heapscope's, written by hand, since CPython runs
   * these programs; the integration test refusals-are-valid-python checks that it can. */
  {
    g_autofree char *refusals = g_build_filename (abs_source, "tests", "refusals", NULL);

    add_corpus (refusals, "refusals");
  }

  return g_test_run ();
}
