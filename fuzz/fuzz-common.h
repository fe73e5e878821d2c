/* fuzz-common.h — what every harness shares: only text the CLI would accept reaches the
 * core (valid UTF-8, no NUL bytes: hs_cli_read_source refuses the rest before parsing). */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <string.h>

static inline gboolean
fuzz_source_ok (const uint8_t *data, size_t size)
{
  return memchr (data, '\0', size) == NULL && g_utf8_validate ((const char *)data, size, NULL);
}
