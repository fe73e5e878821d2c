/* hs-trace-var-order.c — where a frame's variables go among its rows, as Python Tutor lists
 * them: the ranks HS_REC_VAR records carry, and the names it leaves out. */
#include "config.h"

#include <string.h>

#include "hs-trace-private.h"

#include "hs-code.h"
#include "hs-str.h"

static gboolean
lives_in_cell (HsCode *code, int slot)
{
  int nparams = code->nparams + code->nkwonly + ((code->flags & HS_CODE_VARARGS) != 0)
                + ((code->flags & HS_CODE_VARKEYWORDS) != 0);
  if (slot < nparams)
    return FALSE;
  for (int i = 0; i < code->ncells; i++)
    if (code->cells[i] == slot)
      return TRUE;
  for (int i = 0; i < code->nfrees; i++)
    if (code->frees[i] == slot)
      return TRUE;
  return FALSE;
}

/* A function's variable's place among its frame's rows, whenever it is bound: CPython's
 * co_varnames (the parameters, then the other locals) and then the variables that live in
 * cells, alphabetically, as Python Tutor lists f_locals. */
guint64
hs_trace_local_rank (HsCode *code, int slot)
{
  if (!lives_in_cell (code, slot))
    return (guint64)slot + 1;
  guint64 rank = (guint64)code->nlocals + 1;
  for (int j = 0; j < code->nlocals; j++)
    if (lives_in_cell (code, j)
        && strcmp (hs_code_varname (code, j), hs_code_varname (code, slot)) < 0)
      rank++;
  return rank;
}

/* `__name__` and its kind are the runtime's, not the learner's: not shown, but in a class
 * body, whose frame Python Tutor lists with what CPython puts in its namespace
 * (`__qualname__`, `__annotations__`), all but `__module__` and the names it never shows. */
gboolean
hs_trace_hides_var (HsObject *name, HsTraceVars kind)
{
  static const char *const never_shown[]
      = { "__module__", "__doc__", "__name__", "__builtins__", "__package__", "__exception__" };
  const char *s = hs_str_utf8 (name);
  gsize n = hs_str_byte_len (name);

  if (n <= 4 || !g_str_has_prefix (s, "__") || !g_str_has_suffix (s, "__"))
    return FALSE;
  if (kind != HS_TRACE_VARS_CLASS_BODY)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (never_shown); i++)
    if (strcmp (s, never_shown[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Python Tutor lists a frame's variables that are not in co_varnames sorted by name (the
 * frame of exec() text shows its namespace so): a rank from the name's first three bytes,
 * below __return__'s, orders them (names alike in those keep their order of binding). */
guint64
hs_trace_name_rank (HsObject *name)
{
  const guchar *b = (const guchar *)hs_str_utf8 (name);
  guint64 r = 0;
  for (int i = 0; i < 3; i++)
    {
      r = r << 8 | b[0];
      b += b[0] != 0;
    }
  return r + 1;
}
