/* hs-id-map.c — see hs-id-map.h. */
#include "hs-id-map.h"

#include <string.h>

void
hs_id_map_init (HsIdMap *map)
{
  map->keys = NULL;
  map->values = NULL;
  map->mask = 0;
  map->shift = 0;
  map->len = 0;
}

void
hs_id_map_clear (HsIdMap *map)
{
  g_free (map->keys);
  g_free (map->values);
  hs_id_map_init (map);
}

void
hs_id_map_remove_all (HsIdMap *map)
{
  if (map->keys != NULL)
    memset (map->keys, 0, (map->mask + 1) * sizeof *map->keys);
  map->len = 0;
}

static void
put (HsIdMap *map, guint64 id, gpointer value)
{
  gsize i = hs_id_map_slot (map, id);

  while (map->keys[i] != 0 && map->keys[i] != id)
    i = (i + 1) & map->mask;
  map->len += map->keys[i] == 0;
  map->keys[i] = id;
  map->values[i] = value;
}

static void
grow (HsIdMap *map)
{
  guint64 *keys = map->keys;
  gpointer *values = map->values;
  gsize slots = map->keys ? map->mask + 1 : 0;
  gsize n = MAX (slots * 2, 16);

  map->keys = g_new0 (guint64, n);
  map->values = g_new (gpointer, n);
  map->mask = n - 1;
  map->shift = g_bit_storage (n - 1);
  map->len = 0;
  for (gsize i = 0; i < slots; i++)
    if (keys[i] != 0)
      put (map, keys[i], values[i]);
  g_free (keys);
  g_free (values);
}

void
hs_id_map_insert (HsIdMap *map, guint64 id, gpointer value)
{
  g_assert (id != 0 && value != NULL);
  if (map->keys == NULL || 2 * (map->len + 1) > map->mask + 1)
    grow (map);
  put (map, id, value);
}

gpointer
hs_id_map_remove (HsIdMap *map, guint64 id)
{
  gsize i, j;
  gpointer value;

  if (map->len == 0)
    return NULL;
  for (i = hs_id_map_slot (map, id); map->keys[i] != id; i = (i + 1) & map->mask)
    if (map->keys[i] == 0)
      return NULL;
  value = map->values[i];
  /* Back-shift: an entry after the hole moves into it unless its home slot lies
   * cyclically in (i, j], where the probe for it would still find it. */
  for (j = (i + 1) & map->mask; map->keys[j] != 0; j = (j + 1) & map->mask)
    {
      gsize home = hs_id_map_slot (map, map->keys[j]);
      if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
        continue;
      map->keys[i] = map->keys[j];
      map->values[i] = map->values[j];
      i = j;
    }
  map->keys[i] = 0;
  map->len--;
  return value;
}

void
hs_id_map_add_table (HsIdMap *map, GHashTable *table)
{
  GHashTableIter it;
  gpointer key, value;

  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, &key, &value))
    hs_id_map_insert (map, *(guint64 *)key, value);
}
