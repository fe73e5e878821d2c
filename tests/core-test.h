/* core-test.h — what the core's value tests (test-int*.c, test-float.c, test-str.c) share:
 * one VM, numbers from literal text, results written as CPython prints them (a value's repr,
 * or "ExcType: message" when it raises) and the runner of operator tables.
 */
#pragma once

#include <glib.h>

#include "hs-vm-private.h"

typedef struct
{
  const char *a;
  HsBinOp op;
  const char *b;
  const char *expected;
} BinopCase;

/* A number parsed from text in a base (0 for float()). */
typedef struct
{
  const char *text;
  int base;
  const char *expected;
} StrCase;

extern HsVM *vm;

void core_test_init (int *argc, char ***argv);
int core_test_run (void);
HsObject *core_test_number (const char *lit);
char *core_test_outcome (HsObject *result);
void core_test_check_binops (const BinopCase *cases, gsize n_cases);
