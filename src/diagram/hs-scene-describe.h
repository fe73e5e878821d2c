/* hs-scene-describe.h — a scene in words, for readers who cannot see it (the diagram's
 * accessible description) and for moving through it from the keyboard.
 *
 * The words are read from the scene itself, cell by cell and arrow by arrow, so they say
 * exactly what is drawn: "Global frame: a refers to list #12; n is 3." and "list #12, 2
 * references: [0] 1, [1] refers to dict #14."
 */
#pragma once

#include "hs-scene.h"

G_BEGIN_DECLS

/* A node's name as drawn: "Global frame", "f", "list #12" (new string). */
char *hs_scene_node_name (const HsSceneNode *node);
/* One node in a sentence: its name, its count and its rows (translated; new string). */
char *hs_scene_describe_node (const HsScene *scene, const HsSceneNode *node);
/* The whole scene, one sentence per node, frames first (translated; new string). */
char *hs_scene_describe (const HsScene *scene);

/* The nodes `node`'s arrows point at, in the order of its cells, each once (borrowed;
 * free the array). */
GPtrArray *hs_scene_node_targets (const HsScene *scene, const HsSceneNode *node);
/* The nodes whose arrows point at `node`, in scene order, each once (borrowed). */
GPtrArray *hs_scene_node_holders (const HsScene *scene, const HsSceneNode *node);

G_END_DECLS
