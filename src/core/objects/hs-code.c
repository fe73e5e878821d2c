/* hs-code.c — code objects: freeing, constants, disassembly.
 *
 * Invariant: a code object owns its arrays, its children and the constants it made
 * immortal (those that were mortal when the compiler created them); process-wide
 * immortal constants (small ints, interned strings, None, True, False) are shared.
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

/* Constants marked immortal by the compiler carry this scratch mark so the code knows
 * it must free them (process-wide immortal objects never have it). */
#define CONST_OWNED_FLAG (1u << 30)

void
hs_code_make_const (HsObject *obj)
{
  if (hs_is_immortal (obj))
    return;
  obj->flags |= HS_FLAG_IMMORTAL | CONST_OWNED_FLAG;
}

void
hs_code_release_const (HsVM *vm, HsObject *obj)
{
  /* vm NULL: hs_vm_free has freed the constants already, with every object of the VM */
  if (vm == NULL || !(obj->flags & CONST_OWNED_FLAG))
    return;
  obj->flags &= ~(guint32)(HS_FLAG_IMMORTAL | CONST_OWNED_FLAG);
  obj->refcount = 1;
  hs_decref (vm, obj);
}

void
hs_code_free (HsVM *vm, HsCode *code)
{
  if (code == NULL)
    return;
  for (int i = 0; i < code->nchildren; i++)
    hs_code_free (vm, code->children[i]);
  /* last first: a constant tuple comes after its items, which must outlive it */
  for (int i = code->nconsts - 1; i >= 0; i--)
    hs_code_release_const (vm, code->consts[i]);
  for (int i = 0; i < code->nnames; i++)
    hs_code_release_const (vm, code->names[i]);
  for (int i = 0; i < code->nlocals; i++)
    {
      g_free (code->varnames[i]);
      hs_code_release_const (vm, code->varname_objs[i]);
    }
  g_free (code->children);
  g_free (code->cells);
  g_free (code->frees);
  g_free (code->exc_table);
  g_free (code->consts);
  g_free (code->names);
  g_free (code->varnames);
  g_free (code->varname_objs);
  g_free (code->code);
  g_free (code->pos);
  g_free (code->name);
  g_free (code->qualname);
  g_free (code->filename);
  g_free (code);
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
