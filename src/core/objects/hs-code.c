/* hs-code.c — code objects: freeing, constants, disassembly.
 *
 * Invariant: a code object owns its arrays, its children and one reference to each of
 * its constants, unless it shares them (consts_shared: with its consts_tuple, or with an
 * earlier code of the module), and to the constant tuples equal to its constants or
 * variable names (and, for the module, to each of its literals); names and variable
 * names are immortal interned strings, which nothing owns.
 */
#include "config.h"

#include "hs-code.h"
#include "hs-vm-private.h"

static const char *const opcode_names[] = {
#define HS_OPCODE_NAME(name) #name,
  HS_FOREACH_OPCODE (HS_OPCODE_NAME)
#undef HS_OPCODE_NAME
};

const char *
hs_opcode_name (HsOpcode op)
{
  return op < HS_OP_COUNT ? opcode_names[op] : "?";
}

void
hs_code_free (HsVM *vm, HsCode *code)
{
  if (code == NULL)
    return;
  for (int i = 0; i < code->nchildren; i++)
    hs_code_free (vm, code->children[i]);
  hs_code_release_literals (vm, code);
  /* vm NULL: hs_vm_free has freed the constants already, with every object of the VM */
  for (int i = 0; vm != NULL && !code->consts_shared && i < code->nconsts; i++)
    hs_decref (vm, code->consts[i]);
  if (vm != NULL)
    {
      hs_xdecref (vm, code->consts_tuple);
      hs_xdecref (vm, code->varnames_tuple);
    }
  for (int i = 0; i < code->nlocals; i++)
    g_free (code->varnames[i]);
  g_free (code->children);
  g_free (code->cells);
  g_free (code->frees);
  g_free (code->exc_table);
  if (!code->consts_shared)
    g_free (code->consts);
  g_free (code->names);
  g_free (code->global_cache);
  g_free (code->attr_cache);
  g_free (code->varnames);
  g_free (code->varname_objs);
  g_free (code->code);
  g_free (code->pos);
  g_free (code->name);
  g_free (code->qualname);
  g_free (code->filename);
  g_free (code);
}

void
hs_code_release_literals (HsVM *vm, HsCode *code)
{
  for (int i = 0; vm != NULL && i < code->nliterals; i++)
    hs_decref (vm, code->literals[i]);
  g_clear_pointer (&code->literals, g_free);
  code->nliterals = 0;
}

void
hs_code_refs_own (const HsCode *code, HsVisitFn visit, gpointer data)
{
  for (int i = 0; !code->consts_shared && i < code->nconsts; i++)
    hs_visit_named (visit, code->consts[i], HS_REF_HIDDEN, "co_consts", data);
  if (code->consts_tuple != NULL)
    hs_visit_named (visit, code->consts_tuple, HS_REF_HIDDEN, "co_consts", data);
  if (code->varnames_tuple != NULL)
    hs_visit_named (visit, code->varnames_tuple, HS_REF_HIDDEN, "co_varnames", data);
  for (int i = 0; i < code->nliterals; i++)
    hs_visit_named (visit, code->literals[i], HS_REF_HIDDEN, "ast", data);
}

void
hs_code_refs (const HsCode *code, HsVisitFn visit, gpointer data)
{
  hs_code_refs_own (code, visit, data);
  for (int i = 0; i < code->nchildren; i++)
    hs_code_refs (code->children[i], visit, data);
}

char *
hs_code_disassemble (const HsCode *code)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "code %s (locals %d, stack %d)\n", code->name, code->nlocals,
                          code->stacksize);
  for (int i = 0; i < code->ncode; i++)
    {
      guint32 w = code->code[i];
      g_string_append_printf (s, "%4d %4d:%-3d %-20s %u\n", i, code->pos[i].line, code->pos[i].col,
                              hs_opcode_name (HS_INSTR_OP (w)), HS_INSTR_ARG (w));
    }
  for (int i = 0; i < code->nchildren; i++)
    {
      char *child = hs_code_disassemble (code->children[i]);
      g_string_append (s, child);
      g_free (child);
    }
  return g_string_free (s, FALSE);
}

const HsExcEntry *
hs_code_find_handler (const HsCode *code, int ip)
{
  for (int i = 0; i < code->nexc; i++)
    {
      const HsExcEntry *e = &code->exc_table[i];
      if (ip >= e->start && ip < e->end)
        return e;
      if (e->start > ip)
        break;
    }
  return NULL;
}
