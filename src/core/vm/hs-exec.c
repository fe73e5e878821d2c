/* hs-exec.c — exec(), eval() and compile(): running code given as text,
 * and sys.displayhook for compile(..., 'single').
 *
 * Invariant: the text is compiled into code that lives as long as the run (vm->codes, so
 * the trace can name the code holding each constant, codes_version telling it the list
 * grew; tracebacks and functions borrow codes). CPython frees the code of exec("...") once
 * it ran, so its constants can count one reference more here. The code runs in a frame of its own
 * named "<module>", file "<string>" (or compile()'s file name), whose namespace (HsFrame.ns) is the
 * locals and whose globals are the globals: the caller's by default, so names the text binds at
 * module level are the program's. A syntax error in the text is a SyntaxError exception with
 * CPython's args (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
 */
#include "config.h"

#include <string.h>

#include "hs-builtins.h"
#include "hs-cell.h"
#include "hs-cfunction.h"
#include "hs-code-object.h"
#include "hs-compile.h"
#include "hs-dict.h"
#include "hs-exceptions.h"
#include "hs-function.h"
#include "hs-int.h"
#include "hs-module.h"
#include "hs-str.h"
#include "hs-tuple.h"
#include "hs-vm-internal.h"

/* ---- compiling ------------------------------------------------------------------- */

static HsObject *
int_or_none (HsVM *vm, int v, gboolean valid)
{
  return valid ? hs_int_from_i64 (vm, v) : hs_incref (hs_None);
}

/* The error's text as CPython's SyntaxError.text: the line with its newline when the source
 * has one there (the parser's texts leave it out). */
static char *
line_with_newline (const char *src, gsize len, HsSyntaxError *err)
{
  if (err->text == NULL || g_str_has_suffix (err->text, "\n") || err->lineno < 1)
    return g_strdup (err->text);
  const char *p = src, *end = src + len;
  for (int l = 1; l < err->lineno && p != NULL; l++)
    {
      p = memchr (p, '\n', end - p);
      p = p != NULL ? p + 1 : NULL;
    }
  gsize n = strlen (err->text);
  if (p != NULL && (gsize)(end - p) > n && memcmp (p, err->text, n) == 0 && p[n] == '\n')
    return g_strconcat (err->text, "\n", NULL);
  return g_strdup (err->text);
}

/* Raises the exception an HsSyntaxError describes (a refusal is a NotImplementedError). */
static void
raise_syntax_error (HsVM *vm, HsSyntaxError *err, const char *filename, const char *src, gsize len)
{
  if (err->construct != NULL || strcmp (err->type_name, "NotImplementedError") == 0)
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError, err->msg);
      return;
    }
  HsType *type = strcmp (err->type_name, "IndentationError") == 0 ? &hs_exc_IndentationError
                 : strcmp (err->type_name, "TabError") == 0       ? &hs_exc_TabError
                 : strcmp (err->type_name, "RecursionError") == 0 ? &hs_exc_RecursionError
                                                                  : &hs_exc_SyntaxError;
  if (type == &hs_exc_RecursionError)
    {
      hs_err_set_string (vm, type, err->msg);
      return;
    }
  if (strcmp (err->type_name, "MemoryError") == 0)
    {
      /* the parser's, too deep: no message, as CPython's (a new one: the preallocated
       * MemoryError is the VM's, drawn nowhere, and a program may keep this one) */
      hs_err_set_value (vm, &hs_exc_MemoryError, NULL);
      return;
    }
  g_autofree char *text = line_with_newline (src, len, err);
  HsObject *items[6] = {
    hs_str_new (vm, filename, strlen (filename)),
    int_or_none (vm, err->lineno, err->lineno > 0),
    int_or_none (vm, err->offset, err->lineno > 0),
    text != NULL ? hs_str_new (vm, text, strlen (text)) : hs_incref (hs_None),
    int_or_none (vm, err->end_lineno, err->lineno > 0),
    int_or_none (vm, err->end_offset, err->lineno > 0),
  };
  HsObject *detail = hs_tuple_from_array (vm, items, 6);
  HsObject *msg = hs_str_new (vm, err->msg, strlen (err->msg));
  HsObject *pair[2] = { msg, detail };
  HsObject *args = msg != NULL && detail != NULL ? hs_tuple_from_array (vm, pair, 2) : NULL;
  HsObject *exc = args != NULL ? hs_exception_new (vm, type, args) : NULL;
  for (int i = 0; i < 6; i++)
    hs_xdecref (vm, items[i]);
  hs_xdecref (vm, msg);
  hs_xdecref (vm, detail);
  hs_xdecref (vm, args);
  if (exc != NULL)
    {
      hs_err_set_object (vm, exc);
      hs_decref (vm, exc);
    }
}

/* compile(..., 'single') takes one statement (a line of simple ones, or one compound). */
static HsSyntaxError *
check_single (HsModule *mod, const char *src, gsize len)
{
  HsStmtList *body = &mod->body;
  if (body->len < 2 || body->items[1]->pos.lineno == body->items[0]->pos.end_lineno)
    return NULL;
  HsSyntaxError *err = g_new0 (HsSyntaxError, 1);
  HsPos pos = body->items[0]->pos;
  const char *line = src;
  for (int l = 1; l < pos.end_lineno && line != NULL; l++)
    {
      line = memchr (line, '\n', src + len - line);
      line = line != NULL ? line + 1 : NULL;
    }
  const char *eol = line != NULL ? memchr (line, '\n', src + len - line) : NULL;
  err->type_name = g_strdup ("SyntaxError");
  err->msg = g_strdup ("multiple statements found while compiling a single statement");
  err->lineno = err->end_lineno = pos.end_lineno;
  err->text
      = line != NULL ? g_strndup (line, eol != NULL ? (gsize)(eol - line) : strlen (line)) : NULL;
  err->offset = err->end_offset
      = err->text != NULL ? (int)g_utf8_strlen (err->text, pos.end_col_offset) + 1 : 0;
  return err;
}

/* Compiles text (a str) into code kept by the VM; NULL with the exception set. */
static HsCode *
compile_text (HsVM *vm, HsObject *text, const char *filename, HsCompileMode mode)
{
  const char *src = hs_str_utf8 (text);
  gsize len = hs_str_byte_len (text);
  if (memchr (src, '\0', len) != NULL)
    {
      hs_err_set_string (vm, &hs_exc_SyntaxError, "source code string cannot contain null bytes");
      return NULL;
    }
  if (mode == HS_COMPILE_EVAL)
    while (len > 0 && (*src == ' ' || *src == '\t'))
      src++, len--;
  /* CPython's tokenizer ends a string's last line with a newline (not eval()'s) */
  g_autofree char *with_newline = NULL;
  if (mode != HS_COMPILE_EVAL && len > 0 && src[len - 1] != '\n')
    {
      with_newline = g_strdup_printf ("%s\n", src);
      src = with_newline;
      len++;
    }
  g_autoptr (HsAstArena) arena = hs_ast_arena_new ();
  HsSyntaxError *err = NULL;
  HsModule *mod = mode == HS_COMPILE_EVAL ? hs_parse_eval (arena, src, len, &err)
                                          : hs_parse_module (arena, src, len, &err);
  if (mod != NULL && mode == HS_COMPILE_SINGLE)
    err = check_single (mod, src, len);
  HsCode *code = NULL;
  if (mod != NULL && err == NULL)
    {
      code = hs_compile_namespace (vm, mod, src, len, filename, mode, &err);
      /* CPython's compiler (not its parser) reads an error's text from the file, which
       * text given as a string is not */
      if (code == NULL)
        g_clear_pointer (&err->text, g_free);
    }
  if (code == NULL)
    {
      /* eval() text without a newline: an error past its end has no column in CPython */
      if (mode == HS_COMPILE_EVAL && err->text != NULL && (len == 0 || src[len - 1] != '\n')
          && err->offset > g_utf8_strlen (err->text, -1))
        err->offset = err->end_offset = 0;
      raise_syntax_error (vm, err, filename, src, len);
      hs_syntax_error_free (err);
      return NULL;
    }
  /* the parse tree is gone before the code runs */
  hs_code_release_literals (vm, code);
  g_ptr_array_add (vm->codes, code);
  vm->codes_version++;
  return code;
}

/* ---- running --------------------------------------------------------------------- */

/* What a function's variables are when exec() or eval() runs in it without a namespace: a
 * new dict of their values (CPython's frame locals snapshot). */
static HsObject *
locals_snapshot (HsVM *vm, HsFrame *f)
{
  HsObject *d = hs_dict_new (vm);
  for (int i = 0; d != NULL && i < f->code->nlocals; i++)
    {
      HsObject *v = f->locals[i];
      if (v != NULL && HS_IS (v, &hs_cell_type))
        v = HS_CELL (v)->ref;
      if (v != NULL && hs_dict_set_item (vm, d, f->code->varname_objs[i], v) < 0)
        HS_CLEAR (vm, d);
    }
  return d;
}

/* Runs code with the namespaces (borrowed); its result, or NULL with the exception set. */
static HsObject *
run_code (HsVM *vm, HsCode *code, HsObject *globals, HsObject *locals)
{
  if (hs_dict_get_item_cstr_borrow (vm, globals, "__builtins__") == NULL)
    {
      HsObject *builtins = hs_import_module (vm, "builtins");
      int r = builtins != NULL
                  ? hs_dict_set_item (vm, globals, hs_str_intern_cstr ("__builtins__"), builtins)
                  : -1;
      hs_xdecref (vm, builtins);
      if (r < 0)
        return NULL;
    }
  HsFrame *f = hs_vm_frame_push (vm, code, NULL, globals);
  if (f == NULL)
    return NULL;
  f->ns = hs_incref (locals);
  return hs_vm_eval_frame (vm, f);
}

static void
mark_library (HsCode *code, int flags)
{
  code->flags |= flags;
  for (int i = 0; i < code->nchildren; i++)
    mark_library (code->children[i], flags);
}

/* The library's text compiled, its code marked with flags; NULL with the exception set. */
static HsCode *
compile_library (HsVM *vm, const char *text, int flags)
{
  HsObject *src = hs_str_new (vm, text, strlen (text));
  HsCode *code = src != NULL ? compile_text (vm, src, "<string>", HS_COMPILE_EXEC) : NULL;

  hs_xdecref (vm, src);
  if (code != NULL)
    mark_library (code, flags);
  return code;
}

int
hs_exec_library_text_in (HsVM *vm, const char *text, HsObject *globals, HsObject *locals)
{
  HsObject *r;
  HsCode *code = compile_library (vm, text, HS_CODE_LIBRARY);

  if (code == NULL || (r = run_code (vm, code, globals, locals)) == NULL)
    return -1;
  hs_decref (vm, r);
  return 0;
}

HsObject *
hs_exec_library_text (HsVM *vm, const char *text, HsObject *globals)
{
  HsObject *locals = hs_dict_new (vm);

  if (locals != NULL && hs_exec_library_text_in (vm, text, globals, locals) < 0)
    HS_CLEAR (vm, locals);
  return locals;
}

/* What a module-level instance of the library holds (reprlib.aRepr's fillvalue, a constant
 * the program's own instances share) is immortal too: no drawn object holds it, so its count
 * could not be accounted for. Classes, functions and modules are not entered. */
static void
make_held_immortal (HsObject *child, const HsRef *ref, gpointer data)
{
  (void)ref;
  (void)data;
  if (hs_is_immortal (child))
    return;
  child->flags |= HS_FLAG_IMMORTAL;
  if (!hs_type_check (child) && !hs_module_check (child) && !HS_IS (child, &hs_function_type))
    hs_object_refs (child, make_held_immortal, NULL);
}

/* A function the library defined, immortal, and its defaults (timeit's stmt="pass", a str the
 * program's constants share), which the diagram never draws. */
static void
make_function_immortal (HsObject *v)
{
  v->flags |= HS_FLAG_IMMORTAL;
  if (!HS_IS (v, &hs_function_type))
    return;
  if (HS_FUNCTION (v)->defaults != NULL)
    make_held_immortal (HS_FUNCTION (v)->defaults, NULL, NULL);
  if (HS_FUNCTION (v)->kwdefaults != NULL)
    make_held_immortal (HS_FUNCTION (v)->kwdefaults, NULL, NULL);
}

/* A value the library defined at module level, immortal, and so what it holds that the diagram
 * never draws: a function's defaults, an instance's attributes (reprlib.aRepr's fillvalue);
 * a class's namespace (methods, their defaults) lives as long as it. */
static void
make_library_value_immortal (HsObject *v)
{
  HsObject *k, *x;
  if (hs_is_immortal (v))
    return;
  make_function_immortal (v);
  if (hs_type_check (v) && ((HsType *)v)->dict != NULL)
    for (gsize pos = 0; hs_dict_next (((HsType *)v)->dict, &pos, &k, &x);)
      make_function_immortal (x);
  else if (!HS_IS (v, &hs_function_type) && !hs_type_check (v) && !hs_module_check (v))
    hs_object_refs (v, make_held_immortal, NULL);
}

int
hs_exec_library_module (HsVM *vm, HsObject *dict, const HsMethodDef *primitives, const char *text)
{
  HsObject *r, *k, *v;
  HsCode *code;

  if ((primitives != NULL && hs_module_add_functions (vm, dict, primitives) < 0)
      || (code = compile_library (vm, text, HS_CODE_LIBRARY | HS_CODE_NO_TRACEBACK)) == NULL)
    return -1;
  if ((r = run_code (vm, code, dict, dict)) == NULL)
    return -1;
  hs_decref (vm, r);
  /* what the module defines lives as long as the VM, kept by the module table that the
   * diagram does not draw: immortal, as a module's values in C are (hs_module_add_take) */
  for (gsize pos = 0; hs_dict_next (dict, &pos, &k, &v);)
    make_library_value_immortal (v);
  return 0;
}

/* CPython's PyMapping_Check: the object supports obj[key] (a list does). */
static gboolean
is_mapping_like (HsObject *o)
{
  for (const HsType *t = o->type; t != NULL; t = t->base)
    if (t->getitem != NULL)
      return TRUE;
  return FALSE;
}

/* The namespaces exec() or eval() runs in: the given ones, or the caller's (new references
 * in *g and *l); FALSE with TypeError for ones of the wrong type. */
static gboolean
namespaces (HsVM *vm, const char *name, HsObject *globals, HsObject *locals, HsObject **g,
            HsObject **l)
{
  gboolean is_exec = strcmp (name, "exec") == 0;
  if (globals == hs_None)
    globals = NULL;
  if (locals == hs_None)
    locals = NULL;
  if (globals != NULL && !hs_dict_check (globals))
    {
      if (is_exec)
        hs_err_format (vm, &hs_exc_TypeError, "exec() globals must be a dict, not %s",
                       hs_type_name (globals));
      else
        hs_err_set_string (vm, &hs_exc_TypeError,
                           is_mapping_like (globals)
                               ? "globals must be a real dict; try eval(expr, {}, mapping)"
                               : "globals must be a dict");
      return FALSE;
    }
  if (locals != NULL && !hs_dict_check (locals))
    {
      if (is_mapping_like (locals))
        hs_err_format (vm, &hs_exc_NotImplementedError,
                       "%s() with locals that are not a dict is not supported by Heapscope yet",
                       name);
      else if (is_exec)
        hs_err_format (vm, &hs_exc_TypeError, "locals must be a mapping or None, not %s",
                       hs_type_name (locals));
      else
        hs_err_set_string (vm, &hs_exc_TypeError, "locals must be a mapping");
      return FALSE;
    }
  HsFrame *caller = hs_vm_current_frame (vm);
  if (globals != NULL)
    {
      *g = hs_incref (globals);
      *l = hs_incref (locals != NULL ? locals : globals);
      return TRUE;
    }
  *g = hs_incref (caller->globals);
  if (locals != NULL)
    *l = hs_incref (locals);
  else if (caller->ns != NULL)
    *l = hs_incref (caller->ns);
  else if (caller->code->is_module)
    *l = hs_incref (caller->globals);
  else if ((*l = locals_snapshot (vm, caller)) == NULL)
    {
      HS_CLEAR (vm, *g);
      return FALSE;
    }
  return TRUE;
}

/* exec() and eval(): source is a str or a code object. */
static HsObject *
exec_or_eval (HsVM *vm, const char *name, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *source = NULL, *globals = hs_None, *locals = hs_None;
  if (!hs_parse_args (vm, name, args, nargs, kwnames, "source |globals locals /", &source, &globals,
                      &locals))
    return NULL;
  gboolean is_eval = strcmp (name, "eval") == 0;
  HsCode *code = NULL;
  gboolean from_text = hs_str_check (source);
  if (!from_text && !hs_code_object_check (source))
    {
      hs_err_format (vm, &hs_exc_TypeError, "%s() arg 1 must be a string, bytes or code object",
                     name);
      return NULL;
    }
  HsObject *g = NULL, *l = NULL;
  if (!namespaces (vm, name, globals, locals, &g, &l))
    return NULL;
  code = from_text
             ? compile_text (vm, source, "<string>", is_eval ? HS_COMPILE_EVAL : HS_COMPILE_EXEC)
             : hs_code_object_code (source);
  HsObject *r = code != NULL ? run_code (vm, code, g, l) : NULL;
  hs_decref (vm, g);
  hs_decref (vm, l);
  if (r != NULL && !is_eval)
    {
      hs_decref (vm, r);
      r = hs_incref (hs_None);
    }
  return r;
}

HsObject *
hs_builtin_exec (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return exec_or_eval (vm, "exec", args, nargs, kwnames);
}

HsObject *
hs_builtin_eval (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  return exec_or_eval (vm, "eval", args, nargs, kwnames);
}

HsObject *
hs_builtin_compile (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames)
{
  HsObject *source = NULL, *filename = NULL, *mode = NULL, *flags = NULL, *dont_inherit = NULL,
           *optimize = NULL;
  if (!hs_parse_args (vm, "compile", args, nargs, kwnames,
                      "source filename mode |flags dont_inherit optimize", &source, &filename,
                      &mode, &flags, &dont_inherit, &optimize))
    return NULL;
  static const char *const modes[] = { "exec", "eval", "single" };
  int m = -1;
  for (int i = 0; hs_str_check (mode) && i < 3; i++)
    if (hs_str_equal_cstr (mode, modes[i]))
      m = i;
  gint64 fl = 0;
  if (!hs_str_check (filename))
    {
      hs_err_format (vm, &hs_exc_TypeError,
                     "compile() argument 'filename' must be str, bytes or os.PathLike, not %s",
                     hs_type_name (filename));
      return NULL;
    }
  if (!hs_str_check (mode))
    {
      hs_err_format (vm, &hs_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                     hs_type_name (mode));
      return NULL;
    }
  if (flags != NULL && (!hs_int_check (flags) || !hs_int_as_i64 (flags, &fl) || fl != 0))
    {
      hs_err_set_string (vm, &hs_exc_NotImplementedError,
                         "compile() with flags is not supported by Heapscope yet");
      return NULL;
    }
  if (m < 0)
    {
      hs_err_set_string (vm, &hs_exc_ValueError,
                         "compile() mode must be 'exec', 'eval' or 'single'");
      return NULL;
    }
  if (!hs_str_check (source))
    {
      hs_err_set_string (vm, &hs_exc_TypeError,
                         "compile() arg 1 must be a string, bytes or AST object");
      return NULL;
    }
  HsCode *code = compile_text (vm, source, hs_str_utf8 (filename), (HsCompileMode)m);
  return code != NULL ? hs_code_object_new (vm, code) : NULL;
}

/* sys.displayhook(value): its repr on a line of its own and `builtins._ = value`, unless it
 * is None. */
int
hs_vm_displayhook (HsVM *vm, HsObject *value)
{
  if (value == hs_None)
    return 0;
  HsObject *r = hs_object_repr (vm, value);
  if (r == NULL)
    return -1;
  int ok = hs_vm_write_output (vm, hs_str_utf8 (r), hs_str_byte_len (r)) == 0
           && hs_vm_write_output (vm, "\n", 1) == 0;
  hs_decref (vm, r);
  if (!ok)
    return -1;
  return hs_dict_set_item (vm, vm->builtins, hs_str_intern_cstr ("_"), value);
}
