/* hs-inspect.c — the inspection API (hs-inspect.h): read-only views of the VM's frames,
 * roots and heap for tools, so they need none of the VM's private headers.
 *
 * Invariant: nothing here changes what the program sees: a repr that raises is dropped,
 * and no accessor allocates on the VM's heap except through the program's own repr.
 */
#include "config.h"

#include "hs-dict.h"
#include "hs-error.h"
#include "hs-format.h"
#include "hs-frame.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-recursion.h"
#include "hs-str.h"

HsFrame *
hs_inspect_frame_back (const HsFrame *f)
{
  return f->back;
}

guint64
hs_inspect_frame_id (const HsFrame *f)
{
  return f->id;
}

HsCode *
hs_inspect_frame_code (const HsFrame *f)
{
  return f->code;
}

int
hs_inspect_frame_line (const HsFrame *f)
{
  return hs_code_line (f->code, f->ip);
}

HsObject *const *
hs_inspect_frame_locals (const HsFrame *f)
{
  return f->locals;
}

HsObject *const *
hs_inspect_frame_stack (const HsFrame *f, int *n)
{
  *n = f->sp;
  return f->stack;
}

HsObject *const *
hs_inspect_frame_call_held (const HsFrame *f, guint *n)
{
  *n = f->n_call_held;
  return f->call_held;
}

HsObject *
hs_inspect_frame_namespace (const HsFrame *f)
{
  return f->ns;
}

HsObject *
hs_inspect_frame_func (const HsFrame *f)
{
  return f->func;
}

HsObject *
hs_inspect_frame_generator (const HsFrame *f)
{
  return f->gen;
}

gboolean
hs_inspect_frame_at_yield (const HsFrame *f)
{
  return hs_frame_at_yield (f);
}

HsObject *
hs_inspect_frame_globals (const HsFrame *f)
{
  return f->globals;
}

guint64
hs_inspect_frame_parent_id (const HsFrame *f)
{
  return f->parent_frame_id;
}

HsObject *
hs_inspect_globals (HsVM *vm)
{
  return vm->globals;
}

HsObject *
hs_inspect_handled_exception (HsVM *vm)
{
  return vm->exc_base.value;
}

HsObject *const *
hs_inspect_vm_held (HsVM *vm, HsVMHeld which, guint *n)
{
  GPtrArray *objs = which == HS_VM_HELD_DEL_RUNNING   ? vm->del_running
                    : which == HS_VM_HELD_DEL_PENDING ? vm->del_pending
                                                      : vm->finalize_registry;
  *n = objs != NULL ? objs->len : 0;
  return objs != NULL ? (HsObject *const *)objs->pdata : NULL;
}

HsObject *
hs_inspect_raised_exception (HsVM *vm)
{
  return vm->exc;
}

gboolean
hs_inspect_holds_listed (HsVM *vm)
{
  return vm->eval_depth - vm->listed_calls == 1;
}

HsCode *const *
hs_inspect_codes (HsVM *vm, guint *n, guint *version)
{
  *n = vm->codes->len;
  *version = vm->codes_version;
  return (HsCode *const *)vm->codes->pdata;
}

const HsSyntaxError *
hs_inspect_syntax_error (HsVM *vm)
{
  return vm->last_syntax_error;
}

static char *
text_of (HsVM *vm, HsObject *s)
{
  char *text;

  if (s == NULL)
    {
      hs_err_clear (vm);
      return NULL;
    }
  text = g_strdup (hs_str_utf8 (s));
  hs_decref (vm, s);
  return text;
}

/* The recorder's view is outside the program: the program's recursion limit does not
 * apply to it (an exception raised at the limit still has its message); the C stack's
 * check does. */
static char *
text_outside_limit (HsVM *vm, HsObject *(*text) (HsVM *, HsObject *), HsObject *obj)
{
  int depth = vm->depth;
  /* the exception the program is raising stays its own: a failure here (str of an int
   * past sys.get_int_max_str_digits()) would chain it as its __context__, and clearing
   * that would free it under the program */
  HsObject *raising = vm->exc;
  HsObject *s;
  char *t;

  vm->depth = 0;
  vm->exc = NULL;
  s = text (vm, obj);
  vm->depth = depth;
  t = text_of (vm, s);
  hs_err_clear (vm);
  vm->exc = raising;
  return t;
}

char *
hs_inspect_repr (HsVM *vm, HsObject *obj)
{
  return text_outside_limit (vm, hs_object_repr, obj);
}

char *
hs_inspect_str (HsVM *vm, HsObject *obj)
{
  return text_outside_limit (vm, hs_object_str, obj);
}

gboolean
hs_inspect_str_repr (HsVM *vm, HsObject *str, GString *out)
{
  /* str_repr's check of the size, with room for its str's header */
  gsize bytes = HS_STR (str)->byte_len * 4 + 2 + 256;

  /* hooks on: making the str would be seen (an alloc hook) */
  if (!HS_IS (str, &hs_str_type) || vm->hooks != NULL || bytes > hs_format_text_room (vm)
      || hs_stack_exhausted ())
    return FALSE;
  hs_str_repr_append (out, str);
  vm->next_id++;
  return TRUE;
}

gboolean
hs_inspect_str_origin (HsVM *vm, HsObject *str, guint64 *from_id, gsize *from_len)
{
  guint64 id = str->id;

  if (vm->str_origins[id % G_N_ELEMENTS (vm->str_origins)].id != id)
    return FALSE;
  *from_id = vm->str_origins[id % G_N_ELEMENTS (vm->str_origins)].from_id;
  *from_len = vm->str_origins[id % G_N_ELEMENTS (vm->str_origins)].from_len;
  return TRUE;
}

gboolean
hs_inspect_str_repr_tail (HsVM *vm, HsObject *str, gsize from, char quote, GString *out)
{
  gsize bytes = HS_STR (str)->byte_len * 4 + 2 + 256;

  if (!HS_IS (str, &hs_str_type) || vm->hooks != NULL || bytes > hs_format_text_room (vm)
      || hs_stack_exhausted () || from > HS_STR (str)->byte_len)
    return FALSE;
  hs_str_repr_body_append (out, HS_STR (str)->data + from, HS_STR (str)->byte_len - from, quote);
  g_string_append_c (out, quote);
  vm->next_id++;
  return TRUE;
}

gboolean
hs_inspect_str_repr_ends (HsVM *vm, HsObject *str, gsize head, gsize tail, GString *out_head,
                          GString *out_tail)
{
  const char *data, *end, *head_end, *tail_start;
  char quote;

  if (!HS_IS (str, &hs_str_type) || HS_STR (str)->byte_len <= head + tail || vm->hooks != NULL
      || HS_STR (str)->byte_len * 4 + 2 + 256 > hs_format_text_room (vm) || hs_stack_exhausted ())
    return FALSE;
  data = HS_STR (str)->data;
  end = data + HS_STR (str)->byte_len;
  /* a character's escape takes at least its own bytes: whole characters, head and tail
   * bytes of them, give at least as many of the repr */
  for (head_end = data + head; (*head_end & 0xc0) == 0x80; head_end++)
    ;
  for (tail_start = end - tail; (*tail_start & 0xc0) == 0x80; tail_start--)
    ;
  quote = hs_str_repr_quote (memchr (data, '\'', end - data) != NULL,
                             memchr (data, '"', end - data) != NULL);
  g_string_append_c (out_head, quote);
  hs_str_repr_body_append (out_head, data, head_end - data, quote);
  hs_str_repr_body_append (out_tail, tail_start, end - tail_start, quote);
  g_string_append_c (out_tail, quote);
  vm->next_id++;
  return TRUE;
}

void
hs_inspect_serials (HsVM *vm, HsSerials *mark)
{
  mark->next_id = vm->next_id;
  mark->next_frame_id = vm->next_frame_id;
  mark->collections = vm->gc.collections;
}

/* The live list is in id order (hs_live_link appends): its last object is the newest. */
void
hs_inspect_give_back_serials (HsVM *vm, const HsSerials *mark)
{
  if (vm->next_id == mark->next_id && vm->next_frame_id == mark->next_frame_id)
    return;
  if (vm->gc.collections != mark->collections
      || (vm->live.prev != &vm->live && vm->live.prev->id >= mark->next_id))
    return;
  vm->next_id = mark->next_id;
  vm->next_frame_id = mark->next_frame_id;
}

HsObject *
hs_inspect_live_first (HsVM *vm)
{
  return hs_inspect_live_next (vm, &vm->live);
}

HsObject *
hs_inspect_live_next (HsVM *vm, HsObject *obj)
{
  return obj->next != &vm->live ? obj->next : NULL;
}

void
hs_inspect_track_dirty (HsVM *vm, gboolean track)
{
  vm->track_dirty = track;
}

/* How many references into target obj holds: a module any, itself or in its dict (it is
 * drawn by name; the program's globals are drawn as the module frame), anything else its
 * hidden globals (a function's, a generator frame's). */
static guint
holds (HsVM *vm, HsObject *obj, HsObject *target)
{
  if (hs_module_check (obj))
    {
      HsObject *dict = hs_module_dict (obj);
      return hs_object_refs_to (obj, target)
             + (dict != NULL && dict != target && dict != vm->globals
                    ? hs_object_refs_to (dict, target)
                    : 0);
    }
  if (HS_IS (obj, &hs_function_type))
    return HS_FUNCTION (obj)->globals == target;
  if (HS_IS (obj, &hs_generator_type) && hs_generator_frame (obj) != NULL)
    return hs_generator_frame (obj)->holds_globals && hs_generator_frame (obj)->globals == target;
  return 0;
}

static char *
holder_name (HsObject *obj)
{
  if (hs_module_check (obj))
    return g_strdup (
        ((HsModuleObject *)obj)->name != NULL ? hs_str_utf8 (((HsModuleObject *)obj)->name) : "?");
  if (HS_IS (obj, &hs_function_type))
    return g_strdup_printf ("%s.__globals__", HS_FUNCTION (obj)->code->qualname);
  return g_strdup (hs_generator_frame (obj)->code->qualname);
}

void
hs_inspect_namespace_holders (HsVM *vm, HsObject *o, HsHolderFn fn, gpointer data)
{
  if (!(o->flags & HS_FLAG_NAMESPACE))
    return;
  if (o == vm->modules)
    fn ("interpreter", "sys.modules", data);
  if (o == vm->globals) /* CPython 3.11's PyEval_EvalCode runs the program as a function */
    fn ("interpreter", "<module> function", data);
  for (guint i = 0, n = vm->sys_copy != NULL ? hs_object_refs_to (vm->sys_copy, o) : 0; i < n; i++)
    fn ("module", "sys (its dict's copy)", data);
  for (HsObject *p = vm->live.next; p != &vm->live; p = p->next)
    {
      guint n = holds (vm, p, o);
      g_autofree char *name = n > 0 ? holder_name (p) : NULL;
      for (guint i = 0; i < n; i++)
        fn (hs_module_check (p)            ? "module"
            : HS_IS (p, &hs_function_type) ? "function"
                                           : "generator",
            name, data);
    }
  for (HsFrame *f = vm->frame; f != NULL; f = f->back)
    if (f->holds_globals && f->globals == o && f->gen == NULL)
      fn ("frame", f->code->qualname, data);
}
