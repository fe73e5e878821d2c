/* hs-suggest.c — "Did you mean" for NameError and AttributeError reports.
 *
 * CPython 3.11 offers the closest name by its own Levenshtein distance (moves cost 2, a
 * change of case 1) among at most 750 candidates, the first one in the candidates' order
 * winning a tie: for a NameError the frame's variables, then __main__'s globals, then the
 * builtins; for an AttributeError dir() of the object, which is sorted. The candidate
 * lists below are CPython's names, so a suggestion names what CPython would name even
 * where Heapscope leaves a built-in out.
 */
#include "config.h"

#include <string.h>

#include "hs-dict.h"
#include "hs-dir.h"
#include "hs-exceptions.h"
#include "hs-object-private.h"
#include "hs-str.h"
#include "hs-suggest.h"
#include "hs-vm-private.h"

static const char *const cpython_builtin_names
    = "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any "
      "ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr "
      "globals hasattr hash hex id input isinstance issubclass iter aiter len locals max min next "
      "anext oct ord pow print repr round setattr sorted sum vars None Ellipsis NotImplemented "
      "False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float "
      "frozenset property int list map object range reversed set slice staticmethod str super "
      "tuple type zip __debug__ BaseException BaseExceptionGroup Exception GeneratorExit "
      "KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError "
      "EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError "
      "StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning "
      "FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning "
      "EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning "
      "RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError "
      "ConnectionError FileExistsError FileNotFoundError InterruptedError IsADirectoryError "
      "NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError "
      "IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError "
      "UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError "
      "ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError "
      "UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit copyright "
      "credits license help";

#define MOVE_COST 2
#define CASE_COST 1
#define MAX_STRING_SIZE 40
#define MAX_CANDIDATE_ITEMS 750

static int
substitution_cost (char a, char b)
{
  if ((a & 31) != (b & 31))
    return MOVE_COST;
  if (a == b)
    return 0;
  if ('A' <= a && a <= 'Z')
    a += 'a' - 'A';
  if ('A' <= b && b <= 'Z')
    b += 'a' - 'A';
  return a == b ? CASE_COST : MOVE_COST;
}

/* CPython's Python/suggestions.c levenshtein_distance, with its cut-offs. */
static gsize
levenshtein (const char *a, gsize a_size, const char *b, gsize b_size, gsize max_cost)
{
  gsize buffer[MAX_STRING_SIZE];
  while (a_size && b_size && a[0] == b[0])
    a++, a_size--, b++, b_size--;
  while (a_size && b_size && a[a_size - 1] == b[b_size - 1])
    a_size--, b_size--;
  if (a_size == 0 || b_size == 0)
    return (a_size + b_size) * MOVE_COST;
  if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
    return max_cost + 1;
  if (b_size < a_size)
    {
      const char *t = a;
      a = b;
      b = t;
      gsize ts = a_size;
      a_size = b_size;
      b_size = ts;
    }
  if ((b_size - a_size) * MOVE_COST > max_cost)
    return max_cost + 1;
  gsize tmp = MOVE_COST;
  for (gsize i = 0; i < a_size; i++)
    {
      buffer[i] = tmp;
      tmp += MOVE_COST;
    }
  gsize result = 0;
  for (gsize bi = 0; bi < b_size; bi++)
    {
      char code = b[bi];
      gsize distance = result = bi * MOVE_COST;
      gsize minimum = G_MAXSIZE;
      for (gsize i = 0; i < a_size; i++)
        {
          gsize substitute = distance + substitution_cost (code, a[i]);
          distance = buffer[i];
          gsize insert_delete = MIN (result, distance) + MOVE_COST;
          result = MIN (insert_delete, substitute);
          buffer[i] = result;
          if (result < minimum)
            minimum = result;
        }
      if (minimum > max_cost)
        return max_cost + 1;
    }
  return result;
}

static const char *
best_suggestion (GPtrArray *names, const char *wrong)
{
  if (names->len >= MAX_CANDIDATE_ITEMS)
    return NULL;
  gsize wlen = strlen (wrong);
  gsize best = G_MAXSIZE;
  const char *suggestion = NULL;
  for (guint i = 0; i < names->len; i++)
    {
      const char *item = names->pdata[i];
      if (strcmp (item, wrong) == 0)
        continue;
      gsize ilen = strlen (item);
      gsize max_distance = (wlen + ilen + 3) * MOVE_COST / 6;
      if (best != G_MAXSIZE)
        max_distance = MIN (max_distance, best - 1);
      gsize d = levenshtein (wrong, wlen, item, ilen, max_distance);
      if (d > max_distance)
        continue;
      if (suggestion == NULL || d < best)
        {
          suggestion = item;
          best = d;
        }
    }
  return suggestion;
}

static void
add_words (GPtrArray *names, const char *const *words)
{
  for (const char *const *w = words; *w != NULL; w++)
    g_ptr_array_add (names, (gpointer)*w);
}

/* "Did you mean" for a NameError: the innermost frame's varnames, then the module's
 * globals (as CPython's __main__ has them), then CPython's builtins. */
static char *
name_error_suggestion (HsVM *vm, HsObject *exc)
{
  HsException *e = HS_EXCEPTION (exc);
  if (e->name == NULL || e->traceback == NULL || e->traceback->len == 0)
    return NULL;
  const char *wrong = hs_str_utf8 (e->name);
  HsCode *code = g_array_index (e->traceback, HsTracebackEntry, 0).code;
  char *result = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (int i = 0; i < code->nlocals; i++)
    g_ptr_array_add (names, (gpointer)hs_code_varname (code, i));
  const char *s = best_suggestion (names, wrong);
  g_auto (GStrv) builtins = g_strsplit (cpython_builtin_names, " ", -1);
  if (s == NULL && vm->globals != NULL)
    {
      g_ptr_array_set_size (names, 0);
      add_words (names, hs_dir_main_names);
      gsize pos = 0;
      HsObject *key;
      while (hs_dict_next (vm->globals, &pos, &key, NULL))
        if (HS_IS (key, &hs_str_type) && strcmp (hs_str_utf8 (key), "__name__") != 0)
          g_ptr_array_add (names, (gpointer)hs_str_utf8 (key));
      s = best_suggestion (names, wrong);
    }
  if (s == NULL)
    {
      g_ptr_array_set_size (names, 0);
      add_words (names, (const char *const *)builtins);
      s = best_suggestion (names, wrong);
    }
  if (s != NULL)
    result = g_strdup (s);
  return result;
}

static char *
attribute_error_suggestion (HsObject *exc)
{
  HsException *e = HS_EXCEPTION (exc);
  if (e->name == NULL || e->obj == NULL || !HS_IS (e->name, &hs_str_type))
    return NULL;
  g_autoptr (GPtrArray) names = hs_dir_names (e->obj);
  return g_strdup (best_suggestion (names, hs_str_utf8 (e->name)));
}

char *
hs_suggestion_for (HsVM *vm, HsObject *exc)
{
  if (HS_IS (exc, &hs_exc_NameError))
    return name_error_suggestion (vm, exc);
  if (HS_IS (exc, &hs_exc_AttributeError))
    return attribute_error_suggestion (exc);
  return NULL;
}
