/* hs-vm-life.c — a VM's life cycle: its configuration, the host's hooks and streams, making
 * and freeing it, running a program's source (prepare, parse, compile, eval) and what
 * happens at exit (finalization, the exit status). hs-vm.c holds the loop it runs.
 *
 * Invariant: a VM owns everything it made; hs_vm_free releases it all, the objects
 * first (hs_heap_fini), then the code objects whose constants they were.
 */
#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-cell.h"
#include "hs-class.h"
#include "hs-compile.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-finalize.h"
#include "hs-function.h"
#include "hs-generator.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-object-private.h"
#include "hs-source.h"
#include "hs-str.h"
#include "hs-vm-internal.h"
#include "hs-weakfinalize.h"

/* ---- configuration ------------------------------------------------------------------ */

void
hs_vm_config_init (HsVMConfig *config)
{
  config->max_line_steps = 0;
  config->recursion_limit = 1000;
  config->heap_limit_bytes = (gsize)1 << 29;
  config->output_limit_bytes = 10 * 1024 * 1024;
}

/* ---- the host's hooks and streams ------------------------------------------------- */

void
hs_vm_set_hooks (HsVM *vm, const HsVMHooks *hooks, gpointer data)
{
  vm->hooks = hooks;
  vm->hooks_data = data;
  vm->plain_lines = 0;
}

void
hs_vm_set_output (HsVM *vm, HsOutputFn fn, gpointer user_data)
{
  vm->output_fn = fn;
  vm->output_data = user_data;
}

void
hs_vm_set_error_output (HsVM *vm, HsOutputFn fn, gpointer user_data)
{
  vm->err_fn = fn;
  vm->err_data = user_data;
}

void
hs_vm_set_input (HsVM *vm, HsInputFn fn, gpointer user_data)
{
  vm->input_fn = fn;
  vm->input_data = user_data;
}

void
hs_vm_set_argv (HsVM *vm, int argc, const char *const *argv)
{
  g_strfreev (vm->argv);
  vm->argv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    vm->argv[i] = g_strdup (argv[i]);
}

void
hs_vm_cancel (HsVM *vm)
{
  g_atomic_int_set (&vm->cancel_requested, 1);
}

/* ---- VM life cycle ------------------------------------------------------------------ */

static HsObject *
str_key (const char *s)
{
  return hs_str_intern_cstr (s);
}

static void
clear_warning (gpointer data)
{
  g_free (((HsVMWarning *)data)->message);
}

const HsVMWarning *
hs_vm_get_warnings (HsVM *vm, guint *n_warnings)
{
  *n_warnings = vm->warnings->len;
  return (const HsVMWarning *)(gpointer)vm->warnings->data;
}

HsVM *
hs_vm_new (const HsVMConfig *config)
{
  hs_runtime_init ();
  HsVM *vm = g_new0 (HsVM, 1);
  if (config != NULL)
    vm->config = *config;
  else
    hs_vm_config_init (&vm->config);
  if (vm->config.recursion_limit <= 0)
    vm->config.recursion_limit = 1000;
  vm->int_max_str_digits = HS_INT_MAX_STR_DIGITS;
  hs_heap_init (vm);
  vm->next_frame_id = 1;
  vm->exc_top = &vm->exc_base;
  hs_vm_frames_init (vm);
  vm->codes = g_ptr_array_new ();
  vm->warnings = g_array_new (FALSE, FALSE, sizeof (HsVMWarning));
  g_array_set_clear_func (vm->warnings, clear_warning);
  vm->warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  vm->stop_exc = hs_exception_new (vm, &hs_exc_StopRun, NULL);
  vm->memory_exc = hs_exception_new (vm, &hs_exc_MemoryError, NULL);
  vm->memory_exc_shared = hs_exception_new (vm, &hs_exc_MemoryError, NULL);
  vm->builtins = hs_builtins_new (vm);
  return vm;
}

static void
reset_run_state (HsVM *vm)
{
  HS_CLEAR (vm, vm->last_exc);
  HS_CLEAR (vm, vm->exc);
  HS_CLEAR (vm, vm->exc_base.value);
  g_clear_pointer (&vm->last_syntax_error, hs_syntax_error_free);
  vm->stop_reason = HS_RUN_OK;
  vm->line_steps = 0;
  vm->plain_lines = 0;
  vm->output_bytes = 0;
}

void
hs_vm_free (HsVM *vm)
{
  if (vm == NULL)
    return;
  while (vm->frame != NULL)
    hs_vm_frame_pop (vm, vm->frame);
  hs_vm_drop_closing_frames (vm);
  hs_finalize_drop_pending (vm);
  hs_weakfinalize_drop_registry (vm);
  hs_weakref_drop_all (vm);
  reset_run_state (vm);
  HS_CLEAR (vm, vm->exc_base.value);
  HS_CLEAR (vm, vm->globals);
  HS_CLEAR (vm, vm->main_module);
  HS_CLEAR (vm, vm->sys_copy);
  HS_CLEAR (vm, vm->builtins);
  HS_CLEAR (vm, vm->stop_exc);
  HS_CLEAR (vm, vm->memory_exc);
  HS_CLEAR (vm, vm->memory_exc_shared);
  /* Code constants are objects on the live list, and garbage still alive (a cycle through
   * a dict keyed by a constant string) holds them: hs_heap_fini frees them with the rest,
   * then the codes go without touching them. Classes forget no subclass meanwhile. */
  g_clear_pointer (&vm->subclasses, g_hash_table_unref);
  hs_heap_fini (vm);
  g_clear_pointer (&vm->re_cache, g_hash_table_unref);
  g_clear_pointer (&vm->interned, g_hash_table_destroy);
  for (guint i = 0; i < vm->codes->len; i++)
    hs_code_free (NULL, vm->codes->pdata[i]);
  g_ptr_array_free (vm->codes, TRUE);
  g_array_unref (vm->warnings);
  g_hash_table_unref (vm->warned);
  hs_vm_frames_fini (vm);
  if (!vm->source_lent)
    g_free (vm->source);
  g_free (vm->filename);
  g_strfreev (vm->argv);
  if (vm->stdin_buf != NULL)
    g_string_free (vm->stdin_buf, TRUE);
  g_free (vm);
}

/* __main__'s dict as CPython's runner makes it for `python3 FILE`, in its order; there is no
 * import system here, so __loader__ is None where CPython's is a SourceFileLoader, and
 * __annotations__ comes with the first annotation (an empty dict in CPython). */
static HsObject *
new_globals (HsVM *vm)
{
  HsObject *g = hs_dict_new (vm);
  if (g == NULL)
    return NULL;
  HsObject *main_name = hs_str_intern_cstr ("__main__");
  HsObject *builtins = NULL, *file = NULL;
  if (hs_dict_set_item (vm, g, str_key ("__name__"), main_name) < 0
      || hs_dict_set_item (vm, g, str_key ("__doc__"), hs_None) < 0
      || hs_dict_set_item (vm, g, str_key ("__package__"), hs_None) < 0
      || hs_dict_set_item (vm, g, str_key ("__loader__"), hs_None) < 0
      || hs_dict_set_item (vm, g, str_key ("__spec__"), hs_None) < 0
      || (builtins = hs_import_module (vm, "builtins")) == NULL
      || hs_dict_set_item (vm, g, str_key ("__builtins__"), builtins) < 0
      || (file = hs_str_intern_cstr (vm->filename != NULL ? vm->filename : "<string>")) == NULL
      || hs_dict_set_item (vm, g, str_key ("__file__"), file) < 0
      || hs_dict_set_item (vm, g, str_key ("__cached__"), hs_None) < 0
      || hs_module_set_main (vm, g) < 0)
    {
      hs_xdecref (vm, builtins);
      hs_decref (vm, g);
      return NULL;
    }
  hs_decref (vm, builtins);
  return g;
}

static HsRunResult run_source_counted (HsVM *vm, const char *raw, char *owned, gsize len,
                                       const char *filename, gboolean lent);

/* Runs the program with what GMP allocates meanwhile counted in vm's heap. */
static HsRunResult
run_source (HsVM *vm, const char *raw, char *owned, gsize len, const char *filename, gboolean lent)
{
  HsVM *outer = hs_int_charge_to (vm);
  HsRunResult result = run_source_counted (vm, raw, owned, len, filename, lent);
  hs_int_charge_to (outer);
  return result;
}

HsRunResult
hs_vm_run_source (HsVM *vm, const char *source, gsize len, const char *filename)
{
  char *copy;

  /* Text that the check cannot refuse (UTF-8 without a NUL) is prepared from where it is:
   * a large program is not copied first (the trace recorder keeps its own). */
  if (g_utf8_validate (source, len, NULL))
    return run_source (vm, source, NULL, len, filename, FALSE);
  copy = g_malloc (len + 1); /* not g_strndup: a NUL byte is for the source check */
  memcpy (copy, source, len);
  copy[len] = '\0';
  return hs_vm_run_source_take (vm, copy, len, filename);
}

HsRunResult
hs_vm_run_source_take (HsVM *vm, char *raw, gsize len, const char *filename)
{
  return run_source (vm, raw, raw, len, filename, FALSE);
}

HsRunResult
hs_vm_run_source_lent (HsVM *vm, const char *source, gsize len, const char *filename)
{
  gboolean as_is = source[len] == '\0' && g_utf8_validate (source, len, NULL)
                   && memchr (source, '\r', len) == NULL
                   && !(len >= 3 && memcmp (source, "\xef\xbb\xbf", 3) == 0);

  if (!as_is)
    return hs_vm_run_source (vm, source, len, filename);
  return run_source (vm, source, NULL, len, filename, TRUE);
}

/* Runs raw (owned: the same bytes, which the VM takes, or NULL when they are the caller's
 * and valid UTF-8 without a NUL; `lent`: the caller's, kept as long as the VM needs them, and
 * as they would be prepared). */
/* Whether line is PEP 263's encoding declaration: ^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+ */
static gboolean
is_coding_line (const char *line, const char *end)
{
  while (line < end && (*line == ' ' || *line == '\t' || *line == '\f'))
    line++;
  if (line >= end || *line != '#')
    return FALSE;
  for (const char *p = line; p + 7 < end; p++)
    if (memcmp (p, "coding", 6) == 0 && (p[6] == ':' || p[6] == '='))
      {
        const char *q = p + 7;
        while (q < end && (*q == ' ' || *q == '\t'))
          q++;
        if (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == '.'))
          return TRUE;
      }
  return FALSE;
}

/* Whether CPython's tokenizer would know the file's encoding: a UTF-8 BOM, or a declaration
 * on its first line, or on its second after a comment or blank first line */
static gboolean
declares_encoding (const char *src, gsize len)
{
  const char *end = src + len;
  if (len >= 3 && memcmp (src, "\xef\xbb\xbf", 3) == 0)
    return TRUE;
  const char *nl = memchr (src, '\n', len), *first_end = nl != NULL ? nl : end;
  if (is_coding_line (src, first_end))
    return TRUE;
  const char *p = src;
  while (p < first_end && (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\r'))
    p++;
  if (nl == NULL || (p < first_end && *p != '#'))
    return FALSE;
  const char *second = nl + 1, *nl2 = memchr (second, '\n', end - second);
  return is_coding_line (second, nl2 != NULL ? nl2 : end);
}

static HsRunResult
run_source_counted (HsVM *vm, const char *raw, char *owned, gsize len, const char *filename,
                    gboolean lent)
{
  const char *source;

  reset_run_state (vm);
  g_atomic_int_set (&vm->cancel_requested, 0);
  if (!vm->source_lent)
    g_free (vm->source);
  g_free (vm->filename);
  vm->source = NULL;
  vm->source_lent = FALSE;
  vm->filename = g_strdup (filename);

  HsSyntaxError *serr = NULL;
  gsize raw_len = len;
  vm->source_declares_encoding = declares_encoding (raw, raw_len);
  g_autofree char *text = lent ? NULL : hs_source_prepare (raw, raw_len, filename, &len, &serr);
  if (lent)
    {
      vm->source = (char *)raw;
      vm->source_lent = TRUE;
    }
  else if (text == NULL)
    {
      vm->source = owned != NULL ? owned : g_strndup (raw, raw_len);
      vm->source_len = raw_len;
      vm->last_syntax_error = serr;
      return HS_RUN_EXCEPTION;
    }
  else
    {
      g_free (owned);
      /* the prepared text itself, shrunk to its size: no other copy of a large source */
      vm->source = g_realloc (g_steal_pointer (&text), len + 1);
    }
  vm->source_len = len;
  source = vm->source;
  g_array_set_size (vm->warnings, 0);
  g_hash_table_remove_all (vm->warned);
  /* The front end reads a statement at a time (only the code is kept whole: about 5 bytes a
   * byte of source, more for a tiny statement a line), none of it counted on the heap: a
   * source that could not fit under the limit is refused before its allocations exhaust the
   * process. */
  if (vm->config.heap_limit_bytes != 0 && len > vm->config.heap_limit_bytes / 10)
    {
      hs_err_format (vm, &hs_exc_MemoryError,
                     "the program is too large to compile: %.1f MB of source, at most %.1f MB "
                     "under the heap limit",
                     len / 1e6, vm->config.heap_limit_bytes / 10 / 1e6);
      vm->last_exc = hs_err_fetch (vm);
      return HS_RUN_EXCEPTION;
    }
  /* a statement at a time: its tree is freed once it is compiled */
  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  HsModuleCompiler *mc = hs_module_compiler_new (vm, source, len, filename);
  gboolean parsed = hs_parse_module_each (arena, source, len, hs_module_compiler_add, mc, &serr);
  HsCode *code = hs_module_compiler_finish (mc, parsed, parsed ? &serr : NULL);
  if (code == NULL)
    {
      vm->last_syntax_error = serr;
      return HS_RUN_EXCEPTION;
    }
  g_ptr_array_add (vm->codes, code);

  HS_CLEAR (vm, vm->globals);
  vm->globals = new_globals (vm);
  if (vm->globals == NULL)
    {
      vm->last_exc = hs_err_fetch (vm);
      return HS_RUN_EXCEPTION;
    }
  HsFrame *f = hs_vm_frame_push (vm, code, NULL, vm->globals);
  HsObject *r = f != NULL ? hs_vm_eval_frame (vm, f) : NULL;
  /* CPython frees the parse tree once the program has run */
  hs_code_release_literals (vm, code);
  if (r != NULL)
    {
      hs_decref (vm, r);
      return HS_RUN_OK;
    }
  if (vm->stop_reason != HS_RUN_OK)
    {
      hs_err_clear (vm);
      return vm->stop_reason;
    }
  vm->last_exc = hs_err_fetch (vm);
  return HS_RUN_EXCEPTION;
}

void
hs_vm_finalize (HsVM *vm, HsRunResult result)
{
  if ((result != HS_RUN_OK && result != HS_RUN_EXCEPTION) || vm->globals == NULL)
    return;
  /* CPython drops __main__ and collects what it kept as garbage: the collector finalizes
   * every suspended generator before it clears anything, in the order it tracks them (the
   * order they were made), the globals intact. */
  g_autoptr (GPtrArray) suspended = g_ptr_array_new ();
  for (HsObject *p = vm->live.next; vm->live_generators > 0 && p != &vm->live; p = p->next)
    if (HS_IS (p, &hs_generator_type) && HS_GENERATOR (p)->frame != NULL)
      g_ptr_array_add (suspended, hs_incref (p));
  vm->finalizing = TRUE;
  hs_vm_run_deferred (vm); /* those the uncaught exception's unwinding freed */
  for (guint i = 0; i < suspended->len; i++)
    {
      if (hs_vm_generator_close (vm, suspended->pdata[i]) < 0)
        hs_err_clear (vm); /* CPython reports it as unraisable */
      hs_decref (vm, suspended->pdata[i]);
    }
  hs_vm_run_deferred (vm); /* any a finally block made and left */
  hs_finalize_at_exit (vm);
  vm->finalizing = FALSE;
}

int
hs_vm_exit_status (HsVM *vm, HsRunResult result)
{
  if (result == HS_RUN_OK)
    return 0;
  /* CPython ends by SIGINT after an uncaught KeyboardInterrupt: a shell sees 128 + 2 */
  if (vm->last_exc != NULL && HS_ISINSTANCE (vm->last_exc, &hs_exc_KeyboardInterrupt))
    return 130;
  if (vm->last_exc == NULL || !HS_IS (vm->last_exc, &hs_exc_SystemExit))
    return 1;
  HsObject *code = hs_system_exit_code (vm->last_exc);
  gint64 status;
  if (code == hs_None)
    return 0;
  if (hs_int_check (code))
    return hs_int_as_i64 (code, &status) ? (int)(status & 0xff) : 0xff;
  return 1;
}

void
hs_vm_runtime_init (void)
{
  hs_type_ready (&hs_function_type);
  hs_type_ready (&hs_cell_type);
  hs_class_runtime_init ();
  hs_generator_runtime_init ();
}
