/* hs-decimal.h — what the two files of the `decimal` module share: hs-mod-decimal.c (Decimal
 * and its arithmetic) and hs-mod-decimal-context.c (Context, localcontext, the module).
 */
#pragma once

#include <gmp.h>

#include "hs-object.h"

G_BEGIN_DECLS

enum
{
  K_FINITE,
  K_INF,
  K_NAN,
  K_SNAN
};

typedef struct
{
  int sign; /* 1: negative */
  int kind;
  gint64 exp;
  mpz_t c;
} Num;

typedef struct
{
  HsObject header;
  Num n;
} HsDecimal;

/* The rounding modes, in the order of hs_decimal_rounding_names */
enum
{
  R_UP,
  R_DOWN,
  R_CEILING,
  R_FLOOR,
  R_HALF_UP,
  R_HALF_DOWN,
  R_HALF_EVEN,
  R_05UP
};

/* The signals, in the order of hs_decimal_signal_names */
enum
{
  S_INVALID = 1 << 0,
  S_FLOAT = 1 << 1,
  S_DIVZERO = 1 << 2,
  S_OVERFLOW = 1 << 3,
  S_UNDERFLOW = 1 << 4,
  S_SUBNORMAL = 1 << 5,
  S_INEXACT = 1 << 6,
  S_ROUNDED = 1 << 7,
  S_CLAMPED = 1 << 8,
};

typedef struct
{
  HsObject header;
  gint64 prec, emin, emax;
  int rounding, capitals, clamp;
  guint flags, traps;
  /* ctx.flags and ctx.traps (SignalDicts reading the words above), made with the context */
  HsObject *flags_dict, *traps_dict;
} HsContext;

typedef struct
{
  HsObject header;
  HsObject *local, *saved; /* Contexts; saved set by __enter__ */
} HsContextManager;

extern HsType hs_decimal_type, hs_decimal_context_type;
extern const char *const hs_decimal_rounding_names[8];
extern const char *const hs_decimal_signal_names[9];

#define NUM(o) (&((HsDecimal *)(o))->n)
#define CTX(o) ((HsContext *)(o))
/* the module dict's hidden entry holding the current context */
#define CONTEXT_KEY "__decimal_context__"

/* Decimal made ready, with its __new__ */
void hs_decimal_type_init (void);
void hs_decimal_num_init (Num *n);
void hs_decimal_num_set (Num *d, const Num *s);
/* the decimal module's dict, or NULL when it is not in sys.modules */
HsObject *hs_decimal_module_dict (HsVM *vm);
HsObject *hs_decimal_context_new (HsVM *vm);
/* ctx.traps (traps TRUE) or ctx.flags: a mapping of the signal classes to bools reading
 * ctx's word, not counting ctx (ctx holds it), and keeping the word once ctx is freed */
HsObject *hs_decimal_signal_dict_new (HsVM *vm, HsContext *ctx, gboolean traps);
HsObject *hs_decimal_context_copy (HsVM *vm, HsObject *src);
/* dict[name] = value for a Context the module's dict holds (not immortal, as
 * hs_module_add_take would make it): the diagram draws no arrow from a module, so the module
 * is listed among the value's holders (HS_FLAG_NAMESPACE), as a module attribute's store */
int hs_decimal_module_store (HsVM *vm, HsObject *dict, const char *name, HsObject *value);
/* the current context (borrowed), made on first use */
HsContext *hs_decimal_current (HsVM *vm);
/* n rounded to the context's precision; FALSE when a trapped signal raised */
gboolean hs_decimal_finish (HsVM *vm, HsContext *ctx, Num *n);
/* Decimal(value) (value NULL: Decimal()) */
HsObject *hs_decimal_of (HsVM *vm, HsObject *value);
/* a Decimal of r when ok (NULL otherwise), r cleared either way */
HsObject *hs_decimal_result (HsVM *vm, gboolean ok, Num *r);
/* the rounding mode named by o, or -1 with CPython's TypeError */
int hs_decimal_rounding_of (HsVM *vm, HsObject *o);
gboolean hs_decimal_no_args (HsVM *vm, const char *name, gsize nargs, HsObject *kwnames);

void hs_decimal_num_clear (Num *n);
/* the number of decimal digits of z (1 for 0) */
gint64 hs_decimal_ndigits (mpz_srcptr z);
/* z *= 10**k (k > 0) */
void hs_decimal_mul_pow10 (mpz_ptr z, gint64 k);
/* a finite n brought to exponent exp with `mode` (no precision check); returns the signals */
guint hs_decimal_rescale (Num *n, gint64 exp, int mode);
/* the plain (non-exponent) digits of a finite n, and the specification's
 * to-scientific-string */
void hs_decimal_plain_digits (const Num *n, GString *out);
void hs_decimal_to_string (const Num *n, gboolean caps, GString *out);
/* notes `status` in ctx's flags; raises as CPython when trapped (FALSE); `cond` names the
 * InvalidOperation condition or is NULL */
gboolean hs_decimal_add_status (HsVM *vm, HsContext *ctx, guint status, const char *cond);
/* n brought within ctx's precision and exponents (mode -1: ctx's rounding); FALSE if raised */
gboolean hs_decimal_round_to (HsVM *vm, HsContext *ctx, Num *n, int mode);

/* libmpdec's mpd_qfinalize: n brought within ctx's precision and exponent range, rounding by
 * `mode` (-1: the context's); returns the signals, noting none */
guint hs_decimal_finalize (Num *n, const HsContext *ctx, int mode);
/* a quiet NaN in r for an invalid operation; FALSE when InvalidOperation raised */
gboolean hs_decimal_invalid (HsVM *vm, HsContext *ctx, Num *r, const char *cond);
/* the NaN result of an operation with a NaN operand (b may be NULL): *done TRUE when there
 * was one; FALSE when it raised */
gboolean hs_decimal_nan_operands (HsVM *vm, HsContext *ctx, const Num *a, const Num *b, Num *r,
                                  gboolean *done);
/* the context of a method's only argument, `context=None` (NULL with an error) */
HsContext *hs_decimal_context_only (HsVM *vm, const char *name, HsObject **args, gsize nargs,
                                    HsObject *kwnames);
/* trailing zeros of an exact result removed while its exponent is below `ideal` */
void hs_decimal_reduce_to_ideal (Num *r, gint64 ideal);
/* sqrt(), exp(), ln(), log10() (hs-mod-decimal-math.c) */
HsObject *hs_decimal_m_sqrt (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_decimal_m_exp (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_decimal_m_ln (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_decimal_m_log10 (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* next_plus(), next_minus() (hs-mod-decimal-math.c) */
HsObject *hs_decimal_m_next_plus (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
HsObject *hs_decimal_m_next_minus (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);
/* n with the largest coefficient of ctx's precision and the exponent Etop */
void hs_decimal_max_finite (Num *n, const HsContext *ctx);
/* Decimal.__format__ (hs-mod-decimal-format.c) */
HsObject *hs_decimal_m_format (HsVM *vm, HsObject **args, gsize nargs, HsObject *kwnames);

G_END_DECLS
