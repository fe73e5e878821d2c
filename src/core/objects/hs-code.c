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

#include <string.h>

#include "hs-str.h"
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
  g_free (code->children);
  g_free (code->cells);
  g_free (code->frees);
  g_free (code->exc_table);
  if (!code->consts_shared)
    g_free (code->consts);
  g_free (code->global_cache);
  g_free (code->attr_cache);
  if (code->arrays_apart)
    {
      g_free (code->code);
      g_free (code->postab);
      g_free (code->pos_groups);
    }
  g_free (code->lines);
  g_ref_string_release (code->filename);
  g_free (code); /* with its names, instructions, positions, name and qualname */
}

/* ---- positions: per instruction, a varint tag, 0 when the position is the previous
 * entry's (an HS_OP_LINE and the instruction it stands before share theirs), else 1 + the
 * line's change << 2 | 2 if it spans lines | 1 if it has anchors; then, unless 0, varints of
 * the end line's distance from the line (if it spans lines), the column + 1, the end column's
 * distance from the column, and anchor_left, anchor_right + 1 (if it has anchors); signed
 * numbers zigzag-encoded. The first entry of a group counts from an all-zero position with no
 * anchors. Most entries take 3 bytes, a repeat 1. */

static const HsCodePos group_start = { 0, 0, 0, 0, -1, -1 };

static void
put_varint (GByteArray *out, guint32 v)
{
  while (v >= 0x80)
    {
      guint8 b = (guint8)(v | 0x80);
      g_byte_array_append (out, &b, 1);
      v >>= 7;
    }
  guint8 b = (guint8)v;
  g_byte_array_append (out, &b, 1);
}

static guint32
zigzag (gint32 v)
{
  return ((guint32)v << 1) ^ (guint32)(v >> 31);
}

static guint32
get_varint (const guint8 **p)
{
  guint32 v = 0;
  for (int shift = 0;; shift += 7)
    {
      guint8 b = *(*p)++;
      v |= (guint32)(b & 0x7f) << shift;
      if (b < 0x80)
        return v;
    }
}

static gint32
unzigzag (guint32 v)
{
  return (gint32)(v >> 1) ^ -(gint32)(v & 1);
}

static gint32
get_signed (const guint8 **p)
{
  return unzigzag (get_varint (p));
}

void
hs_code_pos_writer_init (HsCodePosWriter *w)
{
  w->bytes = g_byte_array_new ();
  w->groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  w->n = 0;
  w->prev = group_start;
}

void
hs_code_pos_writer_add (HsCodePosWriter *w, const HsCodePos *p)
{
  GByteArray *out = w->bytes;
  gboolean spans = p->end_line != p->line, anchored = p->anchor_left >= 0;

  if (w->n++ % HS_CODE_POS_GROUP == 0)
    {
      g_array_append_val (w->groups, out->len);
      w->prev = group_start;
    }
  if (memcmp (p, &w->prev, sizeof *p) == 0)
    {
      put_varint (out, 0);
      return;
    }
  put_varint (out, 1 + (zigzag (p->line - w->prev.line) << 2 | (guint32)spans << 1 | anchored));
  if (spans)
    put_varint (out, zigzag (p->end_line - p->line));
  put_varint (out, (guint32)(p->col + 1));
  put_varint (out, zigzag (p->end_col - p->col));
  if (anchored)
    {
      put_varint (out, (guint32)p->anchor_left);
      put_varint (out, (guint32)(p->anchor_right + 1));
    }
  w->prev = *p;
  if (!anchored) /* as hs_code_pos reads it */
    w->prev.anchor_left = w->prev.anchor_right = -1;
}

gsize
hs_code_pos_writer_size (const HsCodePosWriter *w)
{
  return w->groups->len * sizeof (guint32) + w->bytes->len;
}

void
hs_code_pos_writer_finish (HsCodePosWriter *w, HsCode *code, gpointer room)
{
  gsize ngroups = w->groups->len;

  g_assert (w->n == code->ncode);
  if (room == NULL)
    {
      guint len = w->bytes->len;
      code->postab = g_realloc (g_byte_array_free (w->bytes, FALSE), MAX (1, len));
      code->pos_groups
          = g_renew (guint32, (guint32 *)(void *)g_array_free (w->groups, FALSE), MAX (1, ngroups));
    }
  else
    {
      code->pos_groups = room;
      code->postab = (guint8 *)room + ngroups * sizeof (guint32);
      memcpy (code->pos_groups, w->groups->data, ngroups * sizeof (guint32));
      memcpy (code->postab, w->bytes->data, w->bytes->len);
      g_array_free (w->groups, TRUE);
      g_byte_array_free (w->bytes, TRUE);
    }
  w->groups = NULL;
  w->bytes = NULL;
}

/* Reads one entry at *b into p (the previous entry's position, or group_start). */
static inline void
read_pos (const guint8 **b, HsCodePos *p)
{
  guint32 tag = get_varint (b);

  if (tag-- == 0)
    return;
  p->line += unzigzag (tag >> 2);
  p->end_line = p->line + ((tag & 2) ? get_signed (b) : 0);
  p->col = (gint32)get_varint (b) - 1;
  p->end_col = p->col + get_signed (b);
  p->anchor_left = (tag & 1) ? (gint32)get_varint (b) : -1;
  p->anchor_right = (tag & 1) ? (gint32)get_varint (b) - 1 : -1;
}

HsCodePos
hs_code_pos (const HsCode *code, int ip)
{
  if (ip < 0)
    return (HsCodePos){ code->firstlineno, -1, code->firstlineno, -1, -1, -1 };
  const guint8 *b = code->postab + code->pos_groups[ip / HS_CODE_POS_GROUP];
  HsCodePos p = group_start;
  for (int i = ip - ip % HS_CODE_POS_GROUP; i <= ip; i++)
    read_pos (&b, &p);
  return p;
}

int
hs_code_line_cached (HsCode *code, int ip)
{
  gint32 *lines = g_atomic_pointer_get (&code->lines);

  if (ip < 0 || ip >= code->ncode)
    return hs_code_line (code, ip);
  if (lines == NULL)
    {
      const guint8 *b = code->postab;
      HsCodePos p = group_start;

      lines = g_new (gint32, code->ncode);
      for (int i = 0; i < code->ncode; i++)
        {
          if (i % HS_CODE_POS_GROUP == 0)
            p = group_start;
          read_pos (&b, &p);
          lines[i] = p.line;
        }
      /* a code run by VMs on two threads (the library's) may be filled by both: one wins */
      if (!g_atomic_pointer_compare_and_exchange (&code->lines, NULL, lines))
        {
          g_free (lines);
          lines = g_atomic_pointer_get (&code->lines);
        }
    }
  return lines[ip];
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

const char *
hs_code_varname (const HsCode *code, int i)
{
  return hs_str_utf8 (code->varname_objs[i]);
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
      HsCodePos p = hs_code_pos (code, i);
      g_string_append_printf (s, "%4d %4d:%-3d %-20s %u\n", i, p.line, p.col,
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
