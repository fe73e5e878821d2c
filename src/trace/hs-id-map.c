/* hs-id-map.c — see hs-id-map.h. */
#include "hs-id-map.h"

#include <string.h>

#include "hs-huge-pages.h"

void
hs_id_map_init (HsIdMap *map)
{
  map->keys = NULL;
  map->values = NULL;
  map->mask = 0;
  map->shift = 0;
  map->len = 0;
}

/* A big map's slots are huge pages (hs-huge-pages.h): the map of a replay state of half a
 * million objects is 16 MiB, 4,096 page faults of several microseconds each where it grew. */
static void
slots_free (guint64 *keys, gpointer *values, gsize slots)
{
  hs_big_free (keys, slots * sizeof *keys);
  hs_big_free (values, slots * sizeof *values);
}

void
hs_id_map_clear (HsIdMap *map)
{
  if (map->keys != NULL)
    slots_free (map->keys, map->values, map->mask + 1);
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

  map->keys = hs_big_alloc0 (n * sizeof *map->keys);
  map->values = hs_big_alloc0 (n * sizeof *map->values);
  map->mask = n - 1;
  map->shift = g_bit_storage (n - 1);
  map->len = 0;
  for (gsize i = 0; i < slots; i++)
    if (keys[i] != 0)
      put (map, keys[i], values[i]);
  if (keys != NULL)
    slots_free (keys, values, slots);
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
