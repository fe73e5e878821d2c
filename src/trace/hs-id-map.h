/* hs-id-map.h — a table from object ids to pointers, for the replay state.
 *
 * Invariant: open addressing with linear probing on the ids themselves, at most half
 * full, with no tombstones (a removal shifts the entries after it back), so a lookup
 * reads one or two slots of the key array and never an object: a replay of a keyframe
 * holding half a million ints makes that many entries, and a view of a long list tests
 * that many ids.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 *keys; /* 0: an empty slot (no object has id 0) */
  gpointer *values;
  gsize mask;  /* slots - 1, or 0 before the first insert */
  guint shift; /* log2 (slots) */
  gsize len;
} HsIdMap;

void hs_id_map_init (HsIdMap *map);
void hs_id_map_clear (HsIdMap *map);
/* Empties the map, keeping its slots (a replay state made again from a keyframe refills
 * it to the same size). */
void hs_id_map_remove_all (HsIdMap *map);
/* Adds or replaces; `id` is not 0 and `value` not NULL. */
void hs_id_map_insert (HsIdMap *map, guint64 id, gpointer value);
/* The value removed, or NULL. */
gpointer hs_id_map_remove (HsIdMap *map, guint64 id);
/* The keys (guint64*) of a GHashTable, each with its value. */
void hs_id_map_add_table (HsIdMap *map, GHashTable *table);

static inline gsize
hs_id_map_slot (const HsIdMap *map, guint64 id)
{
  /* Ids are allocation serials, mostly in runs: an odd multiplier maps any run shorter
   * than the table to distinct slots a few cache lines apart, in order, so replaying a
   * keyframe and freeing a state walk memory forwards (a scrambling hash made both
   * several times slower, and the identity made long clusters) */
  return (gsize)((id ^ (id >> map->shift)) * 11) & map->mask;
}

static inline gpointer
hs_id_map_lookup (const HsIdMap *map, guint64 id)
{
  if (map->len == 0)
    return NULL;
  for (gsize i = hs_id_map_slot (map, id); map->keys[i] != 0; i = (i + 1) & map->mask)
    if (map->keys[i] == id)
      return map->values[i];
  return NULL;
}

/* Walks the entries: `*pos` starts at 0; FALSE at the end. No insert or remove between. */
static inline gboolean
hs_id_map_next (const HsIdMap *map, gsize *pos, gpointer *value)
{
  for (; map->len > 0 && *pos <= map->mask; (*pos)++)
    if (map->keys[*pos] != 0)
      {
        *value = map->values[(*pos)++];
        return TRUE;
      }
  return FALSE;
}

G_END_DECLS
