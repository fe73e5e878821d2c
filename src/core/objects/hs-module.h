/* hs-module.h — module objects and the runtime side of `import`.
 *
 * Invariant: vm->modules (a dict, a VM root) is sys.modules: it maps each imported name to
 * its module object, and `__main__` to the program's module, whose dict is its globals;
 * `import m` binds what it holds, and makes the module again once the program deleted its
 * entry. A module's attributes are its dict (`__name__` included). Only the built-in
 * modules of hs-module.c's table can be made; any other name raises ModuleNotFoundError
 * with CPython's message.
 */
#pragma once

#include "hs-object.h"

G_BEGIN_DECLS

typedef struct
{
  HsObject header;
  HsObject *name; /* str */
  HsObject *dict; /* attributes, owned */
} HsModuleObject;

extern HsType hs_module_type;

/* A module, of ModuleType or of a class derived from it. */
static inline gboolean
hs_module_check (const HsObject *o)
{
  return hs_type_is_subtype (o->type, &hs_module_type);
}

/* An empty module of `type` (module or a class derived from it), as module.__new__ makes
 * it: an empty dict, no name until its __init__. */
HsObject *hs_module_new_empty (HsVM *vm, HsType *type);
/* The module's repr from its dict alone (no attribute lookup runs a class's Python code),
 * as the recorder draws it. */
HsObject *hs_module_repr_plain (HsVM *vm, HsObject *module);

/* Readies the module type and the built-in modules' types (once per process). */
void hs_module_runtime_init (void);

/* `import name`: the module object (new reference), created and cached on first use;
 * NULL with ModuleNotFoundError "No module named 'x'" (for "a.b": "No module named 'a'",
 * or "No module named 'math.x'; 'math' is not a package"). */
HsObject *hs_import_module (HsVM *vm, const char *name);
/* module.name of the module `import module` gives (a built-in module's class, abc.ABCMeta):
 * a new reference, or NULL with the error. */
HsObject *hs_import_attr (HsVM *vm, const char *module, const char *name);
/* Makes the `__main__` module, whose dict is `globals`, and enters it in sys.modules (the
 * VM keeps it too, as CPython's runner does); -1 on MemoryError. */
int hs_module_set_main (HsVM *vm, HsObject *globals);
/* What CPython's import does with a fromlist: it asks the module for `__path__` (a
 * package's; Heapscope has none), which a module's __getattr__ answers. 0, or -1 with an
 * error other than AttributeError. */
int hs_import_check_package (HsVM *vm, HsObject *module);
/* `from module import name`: the attribute (new reference), or ImportError
 * "cannot import name 'x' from 'math' (unknown location)". */
HsObject *hs_import_from (HsVM *vm, HsObject *module, HsObject *name);
/* `from module import *` into the namespace ns: the names of the module's `__all__`, or
 * else those of its dict that do not start with '_', in order; 0, or -1 with the error
 * (CPython's AttributeError for a name of __all__ it lacks). */
int hs_module_import_star (HsVM *vm, HsObject *module, HsObject *ns);
/* The module's attribute dict (borrowed). */
HsObject *hs_module_dict (HsObject *module);

/* What `f.__module__` says of the built-in function made from def: the name of the module
 * CPython 3.11 defines it in (noted by hs_module_add_functions, or by the builtins for
 * theirs), "" for None, NULL when nothing was noted. */
const char *hs_module_function_home (const HsMethodDef *def);
void hs_module_note_function_home (const HsMethodDef *def, const char *module);

/* For the built-in modules: adds one immortal built-in function per def to `dict`
 * (defs NULL-terminated). -1 on MemoryError. */
int hs_module_add_functions (HsVM *vm, HsObject *dict, const HsMethodDef *defs);
/* Adds dict[name] = value, stealing value (NULL: returns -1 with the error kept). */
int hs_module_add_take (HsVM *vm, HsObject *dict, const char *name, HsObject *value);
/* Adds the function of `def` under another name than its __name__ (hashlib.md5, whose
 * __name__ is 'openssl_md5'). */
int hs_module_add_function_as (HsVM *vm, HsObject *dict, const char *name, const HsMethodDef *def);
/* For a module written in Python whose functions of `defs` CPython writes in C (csv.reader,
 * warnings.warn): each Python function moves to a hidden name and the built-in function of
 * its def takes its place, so that type(), repr and __module__ are CPython's; the def's C
 * function calls the Python one through hs_module_call_python. -1 with the error set. */
int hs_module_add_builtins_over_python (HsVM *vm, HsObject *dict, const HsMethodDef *defs);
/* Calls the Python function `name` of the imported `module` that a built-in function has
 * taken the place of (hs_module_add_builtins_over_python) with the arguments given. */
HsObject *hs_module_call_python (HsVM *vm, const char *module, const char *name, HsObject **args,
                                 gsize nargs, HsObject *kwnames);
/* A class a built-in module defines at import (abc.ABC, enum.Enum, typing's bases), made
 * through type's machinery by `meta` from `base` (or none) and the namespace `ns`, which it
 * steals (NULL: returns NULL with the error kept); its type names the module. */
HsObject *hs_module_class_new (HsVM *vm, const char *module, HsType *meta, const char *name,
                               HsObject *base, HsObject *ns);

/* Initialisers of the built-in modules (hs-mod-*.c): fill the module's dict. */
int hs_mod_csv_init (HsVM *vm, HsObject *dict);
int hs_mod_difflib_init (HsVM *vm, HsObject *dict);
int hs_mod_gc_init (HsVM *vm, HsObject *dict);
int hs_mod_inspect_init (HsVM *vm, HsObject *dict);
int hs_mod_logging_init (HsVM *vm, HsObject *dict);
int hs_mod_sys_init (HsVM *vm, HsObject *dict);
int hs_mod_math_init (HsVM *vm, HsObject *dict);
int hs_mod_random_init (HsVM *vm, HsObject *dict);
void hs_mod_random_runtime_init (void);
int hs_mod_copy_init (HsVM *vm, HsObject *dict);
int hs_mod_copyreg_init (HsVM *vm, HsObject *dict);
int hs_mod_collections_init (HsVM *vm, HsObject *dict);
void hs_mod_collections_runtime_init (void);
int hs_mod_collections_abc_init (HsVM *vm, HsObject *dict);
void hs_mod_collections_abc_runtime_init (void);
int hs_mod_operator_init (HsVM *vm, HsObject *dict);
void hs_mod_operator_runtime_init (void);
int hs_mod_functools_init (HsVM *vm, HsObject *dict);
int hs_mod_heapq_init (HsVM *vm, HsObject *dict);
void hs_mod_heapq_runtime_init (void);
int hs_mod_contextlib_init (HsVM *vm, HsObject *dict);
int hs_mod_pprint_init (HsVM *vm, HsObject *dict);
int hs_mod_reprlib_init (HsVM *vm, HsObject *dict);
int hs_mod_timeit_init (HsVM *vm, HsObject *dict);
int hs_mod_traceback_init (HsVM *vm, HsObject *dict);
int hs_mod_warnings_init (HsVM *vm, HsObject *dict);
int hs_mod_queue_init (HsVM *vm, HsObject *dict);
void hs_mod_queue_runtime_init (void);
void hs_mod_contextlib_runtime_init (void);
int hs_mod_itertools_init (HsVM *vm, HsObject *dict);
int hs_mod_decimal_init (HsVM *vm, HsObject *dict);
void hs_mod_decimal_runtime_init (void);
int hs_mod_fractions_init (HsVM *vm, HsObject *dict);
void hs_mod_fractions_runtime_init (void);
/* fractions.Fraction (immortal, borrowed), which numbers registers as a Rational. */
HsObject *hs_mod_fractions_type (void);
int hs_mod_numbers_init (HsVM *vm, HsObject *dict);
void hs_mod_numbers_runtime_init (void);
int hs_mod_calendar_init (HsVM *vm, HsObject *dict);
void hs_mod_calendar_runtime_init (void);
int hs_mod_string_init (HsVM *vm, HsObject *dict);
void hs_mod_string_runtime_init (void);
int hs_mod_weakref_init (HsVM *vm, HsObject *dict);
void hs_mod_weakref_runtime_init (void);
int hs_mod_time_init (HsVM *vm, HsObject *dict);
void hs_mod_itertools_runtime_init (void);
int hs_mod_bisect_init (HsVM *vm, HsObject *dict);
int hs_mod_base64_init (HsVM *vm, HsObject *dict);
int hs_mod_binascii_init (HsVM *vm, HsObject *dict);
void hs_mod_binascii_runtime_init (void);
int hs_mod_hashlib_init (HsVM *vm, HsObject *dict);
void hs_mod_hashlib_runtime_init (void);
int hs_mod_struct_init (HsVM *vm, HsObject *dict);
void hs_mod_struct_runtime_init (void);
int hs_mod_array_init (HsVM *vm, HsObject *dict);
void hs_mod_array_runtime_init (void);
int hs_mod_unicodedata_init (HsVM *vm, HsObject *dict);
int hs_mod_keyword_init (HsVM *vm, HsObject *dict);
int hs_mod_cmath_init (HsVM *vm, HsObject *dict);
/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)'s arguments, for math's and cmath's, in
 * CPython's order: a and b by `convert` (real and imaginary part), the tolerances, then
 * their check ("tolerances must be non-negative"). */
gboolean hs_math_isclose_args (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames,
                               int (*convert) (HsVM *, HsObject *, double[2]), double a[2],
                               double b[2], double *rel_tol, double *abs_tol);
void hs_mod_functools_runtime_init (void);
void hs_mod_copy_runtime_init (void);
int hs_mod_typing_init (HsVM *vm, HsObject *dict);
int hs_mod_types_init (HsVM *vm, HsObject *dict);
void hs_mod_typing_runtime_init (void);
int hs_mod_future_init (HsVM *vm, HsObject *dict);
void hs_mod_future_runtime_init (void);
int hs_mod_dataclasses_init (HsVM *vm, HsObject *dict);
void hs_mod_dataclasses_runtime_init (void);
/* Whether a class's __repr__ (borrowed) is the one @dataclass generates (pprint breaks such an
 * instance into its fields as it breaks a dict). */
gboolean hs_dataclass_repr_is_generated (const HsObject *repr);
int hs_mod_abc_init (HsVM *vm, HsObject *dict);
void hs_mod_abc_runtime_init (void);
void hs_mod_types_runtime_init (void);
int hs_mod_statistics_init (HsVM *vm, HsObject *dict);
void hs_mod_statistics_runtime_init (void);
int hs_mod_json_init (HsVM *vm, HsObject *dict);
void hs_mod_json_runtime_init (void);
int hs_mod_io_init (HsVM *vm, HsObject *dict);
void hs_mod_io_runtime_init (void);
int hs_mod_re_init (HsVM *vm, HsObject *dict);
void hs_mod_re_runtime_init (void);
int hs_mod_textwrap_init (HsVM *vm, HsObject *dict);
void hs_mod_textwrap_runtime_init (void);
int hs_mod_enum_init (HsVM *vm, HsObject *dict);
int hs_mod_datetime_init (HsVM *vm, HsObject *dict);
void hs_mod_enum_runtime_init (void);
/* copy.copy(x) and copy.deepcopy(x, memo) (memo NULL or None: a new one), for the types
 * of other modules that copy themselves. */
HsObject *hs_copy_shallow (HsVM *vm, HsObject *x);
HsObject *hs_copy_deep (HsVM *vm, HsObject *x, HsObject *memo);

struct tm;
/* time.struct_time of a broken-down time (hs-mod-time.c); with_zone FALSE: its tm_zone
 * and tm_gmtoff are None (datetime's timetuple()). */
HsObject *hs_time_struct_from_tm (HsVM *vm, const struct tm *tm, gboolean with_zone);
/* The C library's strftime of tm in the "C" locale, as a str. */
HsObject *hs_time_strftime_tm (HsVM *vm, const char *format, const struct tm *tm);

/* sys.getsizeof's figure for obj, as CPython 3.11 reports it on 64-bit Linux, or 0 where
 * Heapscope cannot tell it (its layout differs from CPython's). */
gsize hs_sys_getsizeof (HsObject *obj);

G_END_DECLS
