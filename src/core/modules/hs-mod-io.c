/* hs-mod-io.c — the `io` module: StringIO (objects/hs-stringio.c).
 *
 * Invariant: programs have no real files (open() is refused), so io offers only the
 * in-memory text file (and io.UnsupportedOperation, which sys.stdin.write raises); print(file=...)
 * and json.dump/load write to and read from it through its write() and read() methods, as they
 * would any object that has them.
 */
#include "config.h"

#include "hs-module.h"
#include "hs-stdio.h"
#include "hs-stringio.h"

void
hs_mod_io_runtime_init (void)
{
  hs_stringio_runtime_init ();
  hs_stdio_runtime_init ();
}

int
hs_mod_io_init (HsVM *vm, HsObject *dict)
{
  if (hs_module_add_take (vm, dict, "StringIO", hs_incref ((HsObject *)&hs_stringio_type)) < 0)
    return -1;
  return hs_module_add_take (vm, dict, "UnsupportedOperation",
                             hs_incref ((HsObject *)&hs_unsupported_operation_type));
}
