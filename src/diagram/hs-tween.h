/* hs-tween.h — the scenes between two steps, for every frame of an animation.
 *
 * hs_scene_tween (hs-scene.h) makes one in-between scene; an animation asks for one every
 * frame, so a tween is prepared once (nodes, cells and edges matched, curves resampled)
 * and each frame then only sets the numbers that move.
 */
#pragma once

#include "hs-scene.h"

G_BEGIN_DECLS

typedef struct _HsTween HsTween;

/* The tween from `a` to `b` (either may be NULL), which it borrows: they must outlive it. */
HsTween *hs_tween_new (const HsScene *a, const HsScene *b);
void hs_tween_free (HsTween *tween);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTween, hs_tween_free)

/* The scene at 0 <= t <= 1, as hs_scene_tween draws it; owned by the tween and valid until
 * its next frame. Its edges that are the same in every frame are marked is_still. */
const HsScene *hs_tween_frame (HsTween *tween, double t);

/* The last frame's scene, now the caller's (a tween made before the first frame draws at
 * t = 0); the next frame is made anew. */
HsScene *hs_tween_steal (HsTween *tween);

G_END_DECLS
