/* hs-painter.c — a scene on a cairo context.
 *
 * Invariant: edges are drawn first, then nodes in scene order, then badges, so arrows
 * pass under boxes and no box hides a count. Every colour goes through `set_color` with
 * the alpha of what is being drawn, so a fading node fades as a whole.
 */
#include <math.h>

#include "hs-painter.h"
#include "hs-text.h"

#define CORNER 5.0
#define DOT_RADIUS 4.0
#define BADGE_H 18.0

void
hs_paint_options_init (HsPaintOptions *opts)
{
  opts->paint_background = TRUE;
  opts->show_badges = TRUE;
  opts->sink = NULL;
  opts->cache = NULL;
  opts->moving = FALSE;
  opts->still_ahead = (HsRect){ 0 };
}

/* The sink of this drawing, if any: kept on the context, so that every helper can reach it
 * without one more parameter. */
static const cairo_user_data_key_t sink_key;

static const HsPaintSink *
sink_of (cairo_t *cr)
{
  return cairo_get_user_data (cr, &sink_key);
}

static void
paint_fill (cairo_t *cr, gboolean preserve)
{
  const HsPaintSink *sink = sink_of (cr);

  if (sink == NULL)
    preserve ? cairo_fill_preserve (cr) : cairo_fill (cr);
  else
    {
      sink->fill (cr, sink->data);
      if (!preserve)
        cairo_new_path (cr);
    }
}

static void
paint_stroke (cairo_t *cr)
{
  const HsPaintSink *sink = sink_of (cr);

  if (sink == NULL)
    cairo_stroke (cr);
  else
    {
      sink->stroke (cr, sink->data);
      cairo_new_path (cr);
    }
}

/* `layout` at the current point (its top left). */
static void
show_text (cairo_t *cr, HsFont font, PangoLayout *layout)
{
  const HsPaintSink *sink = sink_of (cr);
  double x, y;

  if (sink == NULL)
    {
      pango_cairo_show_layout (cr, layout);
      return;
    }
  cairo_get_current_point (cr, &x, &y);
  sink->text (cr, font, layout, x, y, sink->data);
  cairo_new_path (cr);
}

static void
begin_group (cairo_t *cr, const char *id, const char *title)
{
  const HsPaintSink *sink = sink_of (cr);

  if (sink != NULL)
    sink->begin_group (id, title, sink->data);
}

static void
end_group (cairo_t *cr)
{
  const HsPaintSink *sink = sink_of (cr);

  if (sink != NULL)
    sink->end_group (sink->data);
}

static void
set_color (cairo_t *cr, const HsColor *c, double alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A header's background: rounded where it meets the node's rounded top corners. (No
 * clip to the node's shape: a non-rectangular clip costs a mask per node.) */
static void
top_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_line_to (cr, x + w, y + h);
  cairo_line_to (cr, x, y + h);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_text (cairo_t *cr, HsFont font, const char *text, const HsRect *r, HsCellAlign align,
           double pad)
{
  PangoLayout *layout = hs_text_layout (font, text);
  PangoRectangle logical;
  double x;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (align == HS_ALIGN_CENTER)
    x = r->x + (r->width - logical.width) / 2;
  else if (align == HS_ALIGN_RIGHT)
    x = r->x + r->width - pad - logical.width;
  else
    x = r->x + pad;
  cairo_move_to (cr, x - logical.x, r->y + (r->height - logical.height) / 2 - logical.y);
  show_text (cr, font, layout);
}

/* ---- edges ---------------------------------------------------------------------- */

/* An open "V" for class references: it reads as a different kind of link. */
static void
draw_open_arrowhead (cairo_t *cr, HsPoint base, HsPoint tip, double width)
{
  double dx = tip.x - base.x, dy = tip.y - base.y, len = hypot (dx, dy);
  double ux, uy, length = 10.0, half = 5.0;

  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, tip.x - ux * length - uy * half, tip.y - uy * length + ux * half);
  cairo_line_to (cr, tip.x, tip.y);
  cairo_line_to (cr, tip.x - ux * length + uy * half, tip.y - uy * length - ux * half);
  paint_stroke (cr);
}

static void
draw_arrowhead (cairo_t *cr, HsPoint base, HsPoint tip, double width)
{
  double dx = tip.x - base.x, dy = tip.y - base.y, len = hypot (dx, dy);
  double ux, uy, length = MAX (len, 9.0), half = length * 0.42;

  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, tip.x - ux * length - uy * half, tip.y - uy * length + ux * half);
  cairo_line_to (cr, tip.x - ux * length + uy * half, tip.y - uy * length - ux * half);
  cairo_close_path (cr);
  paint_fill (cr, FALSE);
}

/* The part of the scene the clip lets through, grown by what sticks out of boxes
 * (badges, captions, arrowheads): whatever lies outside is not drawn at all. */
typedef struct
{
  double x1, y1, x2, y2;
} Visible;

static gboolean
visible_rect (const Visible *v, double x, double y, double w, double h)
{
  return x + w >= v->x1 && y + h >= v->y1 && x <= v->x2 && y <= v->y2;
}

static gboolean
edge_visible (const Visible *v, const HsSceneEdge *edge)
{
  double x1 = edge->tip.x, y1 = edge->tip.y, x2 = x1, y2 = y1;

  for (guint i = 0; i < edge->n_points; i++)
    {
      x1 = MIN (x1, edge->points[i].x), x2 = MAX (x2, edge->points[i].x);
      y1 = MIN (y1, edge->points[i].y), y2 = MAX (y2, edge->points[i].y);
    }
  return visible_rect (v, x1, y1, x2 - x1, y2 - y1);
}

static gboolean
node_visible (const Visible *v, const HsSceneNode *node)
{
  const HsRect *r = &node->rect;

  return visible_rect (v, r->x - r->width * 0.25, r->y - r->height * 0.25, r->width * 1.5,
                       r->height * 1.5 + 24);
}

/* "×n" on a bundle edge, in a small pill at the middle of its curve. */
static void
draw_bundle_count (cairo_t *cr, const HsSceneEdge *edge, const HsTheme *theme, double alpha)
{
  g_autofree char *text = g_strdup_printf ("×%u", edge->n_refs);
  guint mid = (edge->n_points - 1) / 3 / 2 * 3; /* a segment start near the middle */
  const HsPoint *p = &edge->points[MIN (mid, edge->n_points - 4)];
  /* the point at t = 1/2 of that cubic segment */
  HsPoint m = { (p[0].x + 3 * p[1].x + 3 * p[2].x + p[3].x) / 8,
                (p[0].y + 3 * p[1].y + 3 * p[2].y + p[3].y) / 8 };
  int w, h;

  hs_text_size (HS_FONT_BADGE, text, &w, &h);
  set_color (cr, &theme->background, alpha);
  rounded_rect (cr, m.x - w / 2.0 - 4, m.y - h / 2.0 - 1, w + 8, h + 2, (h + 2) / 2.0);
  paint_fill (cr, TRUE);
  set_color (cr, &theme->edge, alpha);
  cairo_set_line_width (cr, 1);
  paint_stroke (cr);
  draw_text (cr, HS_FONT_BADGE, text,
             &(HsRect){ m.x - w / 2.0 - 4, m.y - h / 2.0 - 1, w + 8, h + 2 }, HS_ALIGN_CENTER, 0);
}

static void
stroke_curve (cairo_t *cr, const HsSceneEdge *edge)
{
  const HsPoint *p = edge->points;

  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 1; i + 2 < edge->n_points; i += 3)
    cairo_curve_to (cr, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, p[i + 2].x, p[i + 2].y);
  paint_stroke (cr);
}

/* What an edge is drawn in: its colour, and its alpha (`alpha` is that of its count's pill).
 * Class references are thin round dots in the dim text colour with an open head, so that
 * the containment arrows (solid, filled heads) stay what the eye follows. */
static const HsColor *
edge_color (const HsSceneEdge *edge, const HsTheme *theme, double *alpha, double *shape_alpha)
{
  *alpha = edge->alpha * (edge->from_freed ? 0.4 : 1.0);
  *shape_alpha = edge->is_class_ref ? *alpha * 0.9 : *alpha;
  return edge->is_class_ref ? &theme->text_dim : &theme->edge;
}

/* "×n" drawn on the edge: a bundle's, or the class references' into one class. */
static gboolean
edge_has_count (const HsSceneEdge *edge)
{
  return edge->n_refs > 1 && (edge->is_bundle || edge->is_class_ref);
}

/* An edge's curve and head, in the source already set on `cr`. */
static void
draw_edge_shape (cairo_t *cr, const HsSceneEdge *edge, const HsTheme *theme)
{
  const HsPoint *p = edge->points;

  if (edge->is_class_ref)
    {
      double width = MAX (theme->edge_width * 0.7, 1.2);

      cairo_set_line_width (cr, width);
      cairo_set_dash (cr, (double[]){ 0.01, width * 2.8 }, 2, 0);
      stroke_curve (cr, edge);
      cairo_set_dash (cr, NULL, 0, 0);
      draw_open_arrowhead (cr, p[edge->n_points - 1], edge->tip, width);
      return;
    }
  cairo_set_line_width (cr, edge->is_bundle ? theme->edge_width * 0.75 : theme->edge_width);
  if (edge->is_bundle)
    cairo_set_dash (cr, (double[]){ 2, 4 }, 2, 0);
  else if (edge->is_weak)
    cairo_set_dash (cr, (double[]){ 7, 5 }, 2, 0);
  else if (edge->to_summary || edge->from_freed)
    cairo_set_dash (cr, (double[]){ 5, 4 }, 2, 0);
  stroke_curve (cr, edge);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_arrowhead (cr, p[edge->n_points - 1], edge->tip, theme->edge_width);
}

static void
draw_edge (cairo_t *cr, const HsSceneEdge *edge, const HsTheme *theme)
{
  double alpha, shape_alpha;
  const HsColor *color = edge_color (edge, theme, &alpha, &shape_alpha);

  if (edge->n_points < 4 || alpha <= 0.005)
    return;
  set_color (cr, color, shape_alpha);
  draw_edge_shape (cr, edge, theme);
  if (edge_has_count (edge))
    draw_bundle_count (cr, edge, theme, alpha);
}

/* ---- nodes ---------------------------------------------------------------------- */

static double
node_alpha (const HsSceneNode *node)
{
  double alpha = node->alpha;

  if (node->flags & HS_SNAP_FLAG_FREED)
    alpha *= 0.5;
  if (node->is_zombie)
    alpha *= 0.6;
  return alpha;
}

static const HsColor *
cell_fill (const HsSceneNode *node, const HsSceneCell *cell, const HsTheme *theme)
{
  gboolean frame = node->role == HS_SCENE_NODE_FRAME;

  if (cell->role == HS_CELL_HEADER)
    return frame ? (node->is_highlighted ? &theme->frame_current : &theme->frame_header)
                 : &theme->object_header;
  if (cell->is_held_row)
    return &theme->held_fill;
  return NULL;
}

static gboolean
cell_bordered (const HsSceneCell *cell)
{
  return cell->role == HS_CELL_VALUE || cell->role == HS_CELL_KEY || cell->role == HS_CELL_ELLIPSIS;
}

/* A cell's grid lines, except where the cell meets its node's edge: there the node's
 * rounded outline is the border. (Stroking the whole rectangle left its square corners
 * and a light line poking out of the outline along the bottom and right of boxes.) */
static void
draw_cell_grid (cairo_t *cr, const HsSceneNode *node, const HsRect *r, const HsTheme *theme,
                double alpha)
{
  const HsRect *n = &node->rect;
  double x1 = r->x, y1 = r->y, x2 = r->x + r->width, y2 = r->y + r->height;

  set_color (cr, &theme->grid, alpha);
  cairo_set_line_width (cr, theme->line_width);
  if (y1 > n->y + 0.5)
    cairo_move_to (cr, x1, y1), cairo_line_to (cr, x2, y1);
  if (y2 < n->y + n->height - 0.5)
    cairo_move_to (cr, x1, y2), cairo_line_to (cr, x2, y2);
  if (x1 > n->x + 0.5)
    cairo_move_to (cr, x1, y1), cairo_line_to (cr, x1, y2);
  if (x2 < n->x + n->width - 0.5)
    cairo_move_to (cr, x2, y1), cairo_line_to (cr, x2, y2);
  paint_stroke (cr);
}

/* A header and its note ("list #12"), centred together; the note small and dim. The
 * colour of the text is set by the caller. */
static void
draw_text_and_note (cairo_t *cr, const HsSceneCell *cell, const HsTheme *theme, double alpha)
{
  const HsRect *r = &cell->rect;
  int text_w, note_w;
  double x;

  hs_text_size (hs_cell_font (cell->role), cell->text, &text_w, NULL);
  hs_text_size (HS_FONT_INDEX, cell->note, &note_w, NULL);
  x = r->x + (r->width - text_w - HS_NOTE_GAP - note_w) / 2;
  draw_text (cr, hs_cell_font (cell->role), cell->text, &(HsRect){ x, r->y, text_w, r->height },
             HS_ALIGN_LEFT, 0);
  set_color (cr, &theme->text_dim, alpha);
  draw_text (cr, HS_FONT_INDEX, cell->note,
             &(HsRect){ x + text_w + HS_NOTE_GAP, r->y, note_w, r->height }, HS_ALIGN_LEFT, 0);
}

static void
draw_cell (cairo_t *cr, const HsSceneNode *node, const HsSceneCell *cell, const HsTheme *theme,
           double alpha)
{
  const HsColor *fill = cell_fill (node, cell, theme);
  const HsRect *r = &cell->rect;

  alpha *= cell->alpha;
  if (alpha <= 0.005)
    return;
  if (fill != NULL)
    {
      set_color (cr, fill, alpha);
      if (cell->role == HS_CELL_HEADER && r->y <= node->rect.y + 0.5)
        top_rounded_rect (cr, r->x, r->y, r->width, r->height, CORNER);
      else
        cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      paint_fill (cr, FALSE);
    }
  if (cell_bordered (cell))
    draw_cell_grid (cr, node, r, theme, alpha);
  if (cell->is_ref)
    {
      set_color (cr, &theme->dot, alpha);
      cairo_arc (cr, r->x + r->width / 2, r->y + r->height / 2, DOT_RADIUS, 0, 2 * G_PI);
      paint_fill (cr, FALSE);
    }
  else if (cell->text != NULL && cell->text[0] != '\0')
    {
      set_color (cr,
                 cell->role == HS_CELL_INDEX || cell->role == HS_CELL_HELD
                         || cell->role == HS_CELL_EMPTY
                     ? &theme->text_dim
                     : &theme->text,
                 alpha);
      if (cell->note != NULL)
        draw_text_and_note (cr, cell, theme, alpha);
      else
        draw_text (cr, hs_cell_font (cell->role), cell->text, r, cell->align,
                   cell->role == HS_CELL_INDEX ? 2 : 9);
    }
}

/* The outline tells a node's state: an accent for new or changed, dashes for a leaked
 * cycle, a freed object or a finished frame. */
static void
draw_outline (cairo_t *cr, const HsSceneNode *node, const HsTheme *theme, double alpha)
{
  const HsRect *r = &node->rect;
  const HsColor *color = &theme->outline;
  double width = theme->line_width;
  gboolean dashed
      = node->is_zombie || node->role == HS_SCENE_NODE_SUMMARY || node->role == HS_SCENE_NODE_CHAIN;

  if (node->flags & HS_SNAP_FLAG_UNREACHABLE)
    color = &theme->unreachable_accent, width = 2.5, dashed = TRUE;
  else if (node->flags & HS_SNAP_FLAG_FREED)
    color = &theme->freed, width = 2, dashed = TRUE;
  else if (node->flags & HS_SNAP_FLAG_NEW)
    color = &theme->new_accent, width = 3;
  else if (node->flags & HS_SNAP_FLAG_CHANGED)
    color = &theme->changed_accent, width = 3;
  set_color (cr, color, alpha);
  cairo_set_line_width (cr, width);
  if (dashed)
    cairo_set_dash (cr, (double[]){ 6, 4 }, 2, 0);
  rounded_rect (cr, r->x, r->y, r->width, r->height, CORNER);
  paint_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (node->caption != NULL)
    {
      HsRect below = { r->x, r->y + r->height + 2, r->width, 18 };

      draw_text (cr, HS_FONT_CAPTION, node->caption, &below, HS_ALIGN_LEFT, 2);
    }
}

static void
draw_node (cairo_t *cr, const HsSceneNode *node, const HsTheme *theme)
{
  double alpha = node_alpha (node);
  const HsRect *r = &node->rect;

  if (alpha <= 0.005)
    return;
  cairo_save (cr);
  if (node->scale != 1.0)
    {
      cairo_translate (cr, r->x + r->width / 2, r->y + r->height / 2);
      cairo_scale (cr, node->scale, node->scale);
      cairo_translate (cr, -(r->x + r->width / 2), -(r->y + r->height / 2));
    }
  set_color (cr, hs_scene_node_is_frame_like (node) ? &theme->frame_fill : &theme->object_fill,
             alpha);
  rounded_rect (cr, r->x, r->y, r->width, r->height, CORNER);
  paint_fill (cr, FALSE);
  for (guint i = 0; i < node->cells->len; i++)
    draw_cell (cr, node, &g_array_index (node->cells, HsSceneCell, i), theme, alpha);
  draw_outline (cr, node, theme, alpha);
  cairo_restore (cr);
}

static void
draw_badge (cairo_t *cr, const HsSceneNode *node, const HsTheme *theme)
{
  double alpha = node_alpha (node);
  int text_w, text_h;
  double w, cx, cy;

  if (node->badge == NULL || alpha <= 0.005)
    return;
  hs_text_size (HS_FONT_BADGE, node->badge, &text_w, &text_h);
  w = MAX (BADGE_H, text_w + 10);
  cx = node->rect.x + node->rect.width - 2;
  cy = node->rect.y - 1;
  if (node->scale != 1.0)
    {
      double mx = node->rect.x + node->rect.width / 2, my = node->rect.y + node->rect.height / 2;

      cx = mx + (cx - mx) * node->scale;
      cy = my + (cy - my) * node->scale;
    }
  /* A pill on a ring of background colour: two fills cost less than a fill and a
   * stroke. */
  set_color (cr, &theme->background, alpha);
  rounded_rect (cr, cx - w / 2 - 0.75, cy - BADGE_H / 2 - 0.75, w + 1.5, BADGE_H + 1.5,
                BADGE_H / 2 + 0.75);
  paint_fill (cr, FALSE);
  set_color (cr, &theme->badge_fill, alpha);
  rounded_rect (cr, cx - w / 2 + 0.75, cy - BADGE_H / 2 + 0.75, w - 1.5, BADGE_H - 1.5,
                BADGE_H / 2 - 0.75);
  paint_fill (cr, FALSE);
  set_color (cr, &theme->badge_text, alpha);
  draw_text (cr, HS_FONT_BADGE, node->badge, &(HsRect){ cx - w / 2, cy - BADGE_H / 2, w, BADGE_H },
             HS_ALIGN_CENTER, 0);
}

/* "object-12", "frame-3", "chain-40", "summary": a node's id in an SVG, as its Graphviz name says.
 */
static char *
node_id (HsSceneNodeRole role, guint64 id)
{
  return role == HS_SCENE_NODE_SUMMARY ? g_strdup ("summary")
                                       : g_strdup_printf ("%s-%" G_GUINT64_FORMAT,
                                                          role == HS_SCENE_NODE_FRAME   ? "frame"
                                                          : role == HS_SCENE_NODE_CHAIN ? "chain"
                                                                                        : "object",
                                                          id);
}

/* What a reader of the SVG is told a node is: "list #12, 2 references". */
static char *
node_title (const HsSceneNode *node)
{
  const char *header = NULL;

  for (guint i = 0; i < node->cells->len && header == NULL; i++)
    if (g_array_index (node->cells, HsSceneCell, i).role == HS_CELL_HEADER)
      header = g_array_index (node->cells, HsSceneCell, i).text;
  if (node->role == HS_SCENE_NODE_CHAIN && node->cells->len > 0)
    header = g_array_index (node->cells, HsSceneCell, 0).text; /* "… 42 more Node" */
  if (node->role != HS_SCENE_NODE_OBJECT)
    return g_strdup (header ? header : "");
  return g_strdup_printf ("%s #%" G_GUINT64_FORMAT "%s%s", header ? header : "", node->id,
                          node->badge ? ", refcount " : "", node->badge ? node->badge : "");
}

static void
draw_node_group (cairo_t *cr, const HsSceneNode *node, const HsTheme *theme)
{
  g_autofree char *id = node_id (node->role, node->id);
  g_autofree char *title = node_title (node);

  begin_group (cr, id, title);
  draw_node (cr, node, theme);
  end_group (cr);
}

static void
draw_edge_group (cairo_t *cr, const HsSceneEdge *edge, const HsTheme *theme)
{
  g_autofree char *tail = node_id (edge->tail_role, edge->tail_id);
  g_autofree char *head = node_id (edge->head_role, edge->head_id);
  g_autofree char *id = g_strdup_printf ("edge-%s-%u-%s", tail, edge->tail_cell, head);

  begin_group (cr, id, NULL);
  draw_edge (cr, edge, theme);
  end_group (cr);
}

static void
draw_badge_group (cairo_t *cr, const HsSceneNode *node, const HsTheme *theme)
{
  g_autofree char *node_name = node_id (node->role, node->id);
  g_autofree char *id = g_strconcat ("badge-", node_name, NULL);

  if (node->badge == NULL)
    return;
  begin_group (cr, id, NULL);
  draw_badge (cr, node, theme);
  end_group (cr);
}

/* ---- the node and edge cache -------------------------------------------------- */

/* Room around a node's box in its image for what sticks out: the outline's width, and
 * its badge above and to the right, its caption below (see draw_badge, draw_outline). */
typedef struct
{
  double left, top, right, bottom;
} Margins;

static Margins
node_margins (const HsSceneNode *node, gboolean badge)
{
  Margins m = { 2, 2, 2, 2 };

  if (badge && node->badge != NULL)
    {
      int text_w;

      hs_text_size (HS_FONT_BADGE, node->badge, &text_w, NULL);
      m.top = BADGE_H / 2 + 3;
      m.right = MAX (m.right, MAX (BADGE_H, text_w + 10) / 2 + 1);
    }
  if (node->caption != NULL)
    m.bottom = 24;
  return m;
}

/* An edge's image is an alpha mask, at most this many device pixels: a longer edge is
 * stroked each frame (a mask that size would cost more to keep than to draw). */
#define EDGE_IMAGE_MAX_PIXELS (1 << 20)

/* A still layer is at most this many device pixels (a 4K screen's): past that, a scene
 * is drawn whole only for an export. */
#define STILL_MAX_PIXELS (3840 * 2160)

struct _HsPaintCache
{
  GHashTable *images; /* look (guint64*) -> CachedNode* */
  GHashTable *edges;  /* shape (guint64*) -> CachedEdge*: moving frames only */
  /* moving frames: the visible area's still edges (and background), drawn once for all the
   * frames of a tween (paint_still_layer) */
  cairo_surface_t *still; /* or NULL */
  /* its area, in device pixels from the whole pixels of the transform's offset */
  cairo_rectangle_int_t still_area;
  guint64 still_key; /* what it holds, at which scale and fraction of a pixel */
  guint generation;  /* of the current draw: images unused for two draws go */
  double scale;      /* user to device scale the images were drawn at */
  /* the images of the scale before, kept as they were: a zoom that goes back (a panel that
   * grows and shrinks again between steps) finds them; 0 when there are none */
  GHashTable *images_before;
  double scale_before;
  guint n_images_drawn; /* ever: hs_paint_cache_n_images_drawn */
  guint n_layers_drawn; /* ever: hs_paint_cache_n_layers_drawn */
  const HsTheme *theme;
  gboolean show_badges;
  /* the surfaces let go of, to be destroyed between frames (hs_paint_cache_release): cairo
   * copies a surface that was ever painted into a recording (GTK's frames are) when it is
   * destroyed, and a still layer is 2-4 MB, with the page faults of its copy */
  GPtrArray *retired;
};

typedef struct
{
  HsPaintCache *cache; /* whose `retired` takes the image */
  cairo_surface_t *surface;
  Margins margins;
  guint used; /* generation */
} CachedNode;

/* An edge's curve and head as coverage, for an edge that keeps its shape through a tween
 * (is_rigid), moved or fading. */
typedef struct
{
  HsPaintCache *cache;
  cairo_surface_t *mask; /* NULL: too large to keep */
  int x, y;              /* its top left from its first point, in device pixels */
  guint used;
} CachedEdge;

static void
cached_node_free (CachedNode *c)
{
  g_ptr_array_add (c->cache->retired, c->surface);
  g_free (c);
}

static void
cached_edge_free (CachedEdge *c)
{
  if (c->mask != NULL)
    g_ptr_array_add (c->cache->retired, c->mask);
  g_free (c);
}

HsPaintCache *
hs_paint_cache_new (void)
{
  HsPaintCache *cache = g_new0 (HsPaintCache, 1);

  cache->images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify)cached_node_free);
  cache->images_before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify)cached_node_free);
  cache->edges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify)cached_edge_free);
  cache->retired = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);
  return cache;
}

void
hs_paint_cache_free (HsPaintCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->images);
  g_hash_table_unref (cache->images_before);
  g_hash_table_unref (cache->edges);
  g_clear_pointer (&cache->still, cairo_surface_destroy);
  g_ptr_array_unref (cache->retired);
  g_free (cache);
}

void
hs_paint_cache_release (HsPaintCache *cache)
{
  g_return_if_fail (cache != NULL);
  g_ptr_array_set_size (cache->retired, 0);
}

gboolean
hs_paint_cache_has_retired (const HsPaintCache *cache)
{
  g_return_val_if_fail (cache != NULL, FALSE);
  return cache->retired->len > 0;
}

static void
retire_still (HsPaintCache *cache)
{
  if (cache->still != NULL)
    g_ptr_array_add (cache->retired, g_steal_pointer (&cache->still));
}

static guint64
mix (guint64 h, guint64 v)
{
  return (h ^ v) * 0x100000001b3ull;
}

static guint64
mix_str (guint64 h, const char *s)
{
  for (; s != NULL && *s; s++)
    h = mix (h, (guchar)*s);
  return mix (h, 0xff);
}

static guint64
mix_double (guint64 h, double d)
{
  return mix (h, (guint64)(gint64)llround (d * 64));
}

/* Everything the image of a node depends on but its position, alpha and scale; FALSE when
 * the node is in the middle of a change of its cells, which no later frame will look like. */
static gboolean
node_look (const HsSceneNode *n, guint64 *look)
{
  guint64 h = 0xcbf29ce484222325ull;

  h = mix (mix (mix (h, n->role), n->kind), n->flags);
  h = mix (mix (mix (h, n->is_highlighted), n->is_zombie), n->is_collapsed);
  h = mix_double (mix_double (h, n->rect.width), n->rect.height);
  h = mix_str (mix_str (h, n->badge), n->caption);
  for (guint i = 0; i < n->cells->len; i++)
    {
      const HsSceneCell *c = &g_array_index (n->cells, HsSceneCell, i);

      if (c->alpha != 0 && c->alpha != 1)
        return FALSE;
      h = mix (mix (mix (mix (h, c->role), c->is_ref), c->is_held_row), c->align);
      h = mix_double (mix_double (h, c->rect.x - n->rect.x), c->rect.y - n->rect.y);
      h = mix_double (mix_double (h, c->rect.width), c->rect.height);
      h = mix_str (mix_str (mix (h, c->alpha > 0), c->text), c->note);
    }
  *look = h;
  return TRUE;
}

/* The node alone, opaque and at full size, on an image at `scale` device pixels a unit. */
static cairo_surface_t *
draw_node_image (const HsSceneNode *node, const HsTheme *theme, gboolean badge, double scale,
                 const Margins *m)
{
  HsSceneNode n = *node;
  int w = (int)ceil ((node->rect.width + m->left + m->right) * scale);
  int h = (int)ceil ((node->rect.height + m->top + m->bottom) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  n.alpha = n.scale = 1;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, m->left - node->rect.x, m->top - node->rect.y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  draw_node (cr, &n, theme);
  if (badge)
    draw_badge (cr, &n, theme);
  cairo_destroy (cr);
  return surface;
}

/* Draws the node (and its badge) from its image, made now if it has none; FALSE when it
 * is better drawn directly. */
static gboolean
draw_node_cached (cairo_t *cr, HsPaintCache *cache, const HsSceneNode *node)
{
  guint64 look;
  CachedNode *c;
  double x, y;

  if (node->alpha <= 0.005)
    return TRUE;
  if (!node_look (node, &look))
    return FALSE;
  c = g_hash_table_lookup (cache->images, &look);
  if (c == NULL)
    {
      c = g_new0 (CachedNode, 1);
      c->cache = cache;
      c->margins = node_margins (node, cache->show_badges);
      c->surface
          = draw_node_image (node, cache->theme, cache->show_badges, cache->scale, &c->margins);
      g_hash_table_insert (cache->images, g_memdup2 (&look, sizeof look), c);
      cache->n_images_drawn++;
    }
  c->used = cache->generation;
  x = node->rect.x - c->margins.left, y = node->rect.y - c->margins.top;
  cairo_save (cr);
  if (node->scale != 1.0)
    {
      double cx = node->rect.x + node->rect.width / 2, cy = node->rect.y + node->rect.height / 2;

      cairo_translate (cr, cx, cy);
      cairo_scale (cr, node->scale, node->scale);
      cairo_translate (cr, -cx, -cy);
      cairo_translate (cr, x, y);
      cairo_scale (cr, 1 / cache->scale, 1 / cache->scale);
      cairo_set_source_surface (cr, c->surface, 0, 0);
    }
  else
    {
      /* to the nearest device pixel: the text stays as crisp as it was drawn */
      cairo_user_to_device (cr, &x, &y);
      cairo_identity_matrix (cr);
      cairo_set_source_surface (cr, c->surface, round (x), round (y));
    }
  cairo_paint_with_alpha (cr, node->alpha);
  cairo_restore (cr);
  return TRUE;
}

/* An edge's shape wherever it is: its style and its points from its first. */
static guint64
edge_shape (const HsSceneEdge *e)
{
  guint64 h = 0xcbf29ce484222325ull;
  HsPoint o = e->points[0];

  h = mix (mix (mix (mix (h, e->is_class_ref), e->is_bundle), e->is_weak), e->to_summary);
  h = mix (mix (h, e->from_freed), e->n_points);
  for (guint i = 1; i < e->n_points; i++)
    h = mix_double (mix_double (h, e->points[i].x - o.x), e->points[i].y - o.y);
  return mix_double (mix_double (h, e->tip.x - o.x), e->tip.y - o.y);
}

/* The coverage of `edge`'s shape at `scale`, its top left at (*x, *y) device pixels from
 * its first point; NULL when it would be too large. */
static cairo_surface_t *
draw_edge_mask (const HsSceneEdge *edge, const HsTheme *theme, double scale, int *x, int *y)
{
  HsPoint o = edge->points[0];
  double x1 = edge->tip.x, y1 = edge->tip.y, x2 = x1, y2 = y1, pad;
  cairo_surface_t *mask;
  cairo_t *cr;
  int w, h;

  for (guint i = 0; i < edge->n_points; i++)
    {
      x1 = MIN (x1, edge->points[i].x), x2 = MAX (x2, edge->points[i].x);
      y1 = MIN (y1, edge->points[i].y), y2 = MAX (y2, edge->points[i].y);
    }
  /* the line's width and the arrowhead's wings, which reach past the curve's points */
  pad = 4
        + 0.5
              * MAX (hypot (edge->tip.x - edge->points[edge->n_points - 1].x,
                            edge->tip.y - edge->points[edge->n_points - 1].y),
                     10);
  *x = (int)floor ((x1 - o.x - pad) * scale);
  *y = (int)floor ((y1 - o.y - pad) * scale);
  w = (int)ceil ((x2 - o.x + pad) * scale) - *x;
  h = (int)ceil ((y2 - o.y + pad) * scale) - *y;
  if ((double)w * h > EDGE_IMAGE_MAX_PIXELS)
    return NULL;
  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
  cr = cairo_create (mask);
  cairo_translate (cr, -*x, -*y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -o.x, -o.y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  draw_edge_shape (cr, edge, theme);
  cairo_destroy (cr);
  return mask;
}

/* Draws an edge of a moving frame through its mask, drawn when first seen, if it keeps its
 * shape through the tween (is_rigid: an edge whose ends move apart has a new shape every
 * frame); FALSE when it is to be drawn directly. To the nearest device pixel, as its nodes
 * are. */
static gboolean
draw_edge_cached (cairo_t *cr, HsPaintCache *cache, const HsSceneEdge *edge)
{
  double alpha, shape_alpha, x, y;
  const HsColor *color = edge_color (edge, cache->theme, &alpha, &shape_alpha);
  guint64 shape;
  CachedEdge *c;

  if (edge->n_points < 4 || alpha <= 0.005)
    return TRUE;
  if (edge_has_count (edge) || !edge->is_rigid)
    return FALSE; /* a count's pill has text in another colour */
  shape = edge_shape (edge);
  c = g_hash_table_lookup (cache->edges, &shape);
  if (c == NULL)
    {
      c = g_new0 (CachedEdge, 1);
      c->cache = cache;
      c->mask = draw_edge_mask (edge, cache->theme, cache->scale, &c->x, &c->y);
      g_hash_table_insert (cache->edges, g_memdup2 (&shape, sizeof shape), c);
    }
  c->used = cache->generation;
  if (c->mask == NULL)
    return FALSE;
  x = edge->points[0].x, y = edge->points[0].y;
  cairo_save (cr);
  cairo_user_to_device (cr, &x, &y);
  cairo_identity_matrix (cr);
  set_color (cr, color, shape_alpha);
  cairo_mask_surface (cr, c->mask, round (x) + c->x, round (y) + c->y);
  cairo_restore (cr);
  return TRUE;
}

/* A device rectangle holding the user-space rectangle of `v`. */
static cairo_rectangle_int_t
device_rect (cairo_t *cr, const Visible *v)
{
  double x[4] = { v->x1, v->x2, v->x1, v->x2 }, y[4] = { v->y1, v->y1, v->y2, v->y2 };
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (int i = 0; i < 4; i++)
    {
      cairo_user_to_device (cr, &x[i], &y[i]);
      x1 = MIN (x1, x[i]), x2 = MAX (x2, x[i]), y1 = MIN (y1, y[i]), y2 = MAX (y2, y[i]);
    }
  return (cairo_rectangle_int_t){ (int)floor (x1), (int)floor (y1),
                                  (int)ceil (x2) - (int)floor (x1),
                                  (int)ceil (y2) - (int)floor (y1) };
}

/* What a still layer drawn now would hold: the device transform but its whole pixels (a
 * scroll by whole pixels moves the layer, it does not change it) and every still edge. */
static guint64
still_key (const cairo_matrix_t *m, const HsScene *scene)
{
  guint64 h = 0xcbf29ce484222325ull;

  h = mix_double (mix_double (mix_double (mix_double (h, m->xx), m->yy), m->xy), m->yx);
  h = mix_double (mix_double (h, m->x0 - floor (m->x0)), m->y0 - floor (m->y0));
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *e = g_ptr_array_index (scene->edges, i);

      if (e->is_still)
        h = mix_double (mix_double (mix (h, edge_shape (e)), e->points[0].x), e->points[0].y);
    }
  return h;
}

static gboolean
rect_holds (const cairo_rectangle_int_t *outer, const cairo_rectangle_int_t *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y
         && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

/* Draws the still layer of `area` (device pixels from the whole-pixel offset of `m`):
 * the background and the still edges that cross it. */
static cairo_surface_t *
draw_still_layer (HsPaintCache *cache, const HsScene *scene, const cairo_matrix_t *m,
                  const cairo_rectangle_int_t *area, const Visible *v)
{
  cairo_surface_t *still
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, area->width, area->height);
  cairo_t *layer = cairo_create (still);

  cairo_translate (layer, -area->x - floor (m->x0), -area->y - floor (m->y0));
  cairo_transform (layer, m);
  cairo_set_line_join (layer, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (layer, CAIRO_LINE_CAP_ROUND);
  set_color (layer, &cache->theme->background, 1);
  cairo_paint (layer);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *edge = g_ptr_array_index (scene->edges, i);

      if (edge->is_still && edge_visible (v, edge))
        draw_edge (layer, edge, cache->theme);
    }
  cairo_destroy (layer);
  return still;
}

/* Paints the visible area in the background with `scene`'s still edges (is_still: a tween's
 * edges that no frame moves), drawn now unless the cache holds them: a moving frame then
 * draws only its moving edges. A layer drawn now covers `ahead` too (what the tween's next
 * frames will show, in scene units; may be empty), so that a view scrolling with the tween
 * moves it instead of drawing it again. Opaque, so painting it is a copy. FALSE when the
 * area is too large to keep (the edges are drawn one by one). */
static gboolean
paint_still_layer (cairo_t *cr, HsPaintCache *cache, const HsScene *scene, const Visible *v,
                   const HsRect *ahead)
{
  cairo_rectangle_int_t area = device_rect (cr, v);
  cairo_matrix_t m;
  guint64 key;

  if (area.width <= 0 || area.height <= 0 || (double)area.width * area.height > STILL_MAX_PIXELS)
    return FALSE;
  cairo_get_matrix (cr, &m);
  area.x -= (int)floor (m.x0), area.y -= (int)floor (m.y0);
  key = still_key (&m, scene);
  if (cache->still == NULL || key != cache->still_key || !rect_holds (&cache->still_area, &area))
    {
      Visible both = *v;
      cairo_rectangle_int_t wide;

      if (ahead->width > 0 && ahead->height > 0)
        {
          both.x1 = MIN (v->x1, ahead->x), both.y1 = MIN (v->y1, ahead->y);
          both.x2 = MAX (v->x2, ahead->x + ahead->width);
          both.y2 = MAX (v->y2, ahead->y + ahead->height);
        }
      wide = device_rect (cr, &both);
      wide.x -= (int)floor (m.x0), wide.y -= (int)floor (m.y0);
      if ((double)wide.width * wide.height <= STILL_MAX_PIXELS)
        area = wide;
      else
        both = *v;
      retire_still (cache);
      cache->still = draw_still_layer (cache, scene, &m, &area, &both);
      cache->still_area = area;
      cache->still_key = key;
      cache->n_layers_drawn++;
    }
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, cache->still, cache->still_area.x + floor (m.x0),
                            cache->still_area.y + floor (m.y0));
  cairo_paint (cr);
  cairo_restore (cr);
  return TRUE;
}

static gboolean
drop_unused_node (gpointer key, gpointer value, gpointer user_data)
{
  return ((CachedNode *)value)->used + 1 < *(guint *)user_data;
}

static gboolean
drop_unused_edge (gpointer key, gpointer value, gpointer user_data)
{
  return ((CachedEdge *)value)->used + 1 < *(guint *)user_data;
}

/* A new scale: the images of this one become the ones before, and those of the new one are
 * the ones kept from before if it is that scale again. */
static void
cache_rescale (HsPaintCache *cache, double scale)
{
  GHashTable *images = cache->images;

  cache->images = cache->images_before;
  cache->images_before = images;
  if (fabs (scale - cache->scale_before) > 1e-9)
    g_hash_table_remove_all (cache->images);
  cache->scale_before = cache->scale;
  cache->scale = scale;
  g_hash_table_remove_all (cache->edges);
  retire_still (cache);
}

/* Starts a draw with the cache: its images are for this scale, theme and badge choice. */
static void
cache_begin (HsPaintCache *cache, cairo_t *cr, const HsTheme *theme, gboolean show_badges)
{
  double sx = 1, sy = 0;

  cairo_user_to_device_distance (cr, &sx, &sy);
  sx = hypot (sx, sy);
  hs_paint_cache_release (cache); /* if nobody did between the draws */
  cache->generation++;
  g_hash_table_foreach_remove (cache->images, drop_unused_node, &cache->generation);
  g_hash_table_foreach_remove (cache->edges, drop_unused_edge, &cache->generation);
  if (theme != cache->theme || show_badges != cache->show_badges)
    {
      g_hash_table_remove_all (cache->images);
      g_hash_table_remove_all (cache->images_before);
      g_hash_table_remove_all (cache->edges);
      retire_still (cache);
      cache->scale_before = 0;
    }
  if (fabs (sx - cache->scale) > 1e-9)
    cache_rescale (cache, sx);
  cache->theme = theme;
  cache->show_badges = show_badges;
}

guint
hs_paint_cache_n_images_drawn (const HsPaintCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return cache->n_images_drawn;
}

guint
hs_paint_cache_n_layers_drawn (const HsPaintCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return cache->n_layers_drawn;
}

void
hs_painter_draw (cairo_t *cr, const HsScene *scene, const HsTheme *theme,
                 const HsPaintOptions *opts)
{
  HsPaintCache *cache;
  g_autofree gboolean *drawn = NULL;
  HsPaintOptions defaults;
  Visible visible;
  gboolean still;

  g_return_if_fail (cr != NULL && scene != NULL && theme != NULL);
  if (opts == NULL)
    {
      hs_paint_options_init (&defaults);
      opts = &defaults;
    }
  cairo_save (cr);
  cairo_set_user_data (cr, &sink_key, (void *)opts->sink, NULL);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_clip_extents (cr, &visible.x1, &visible.y1, &visible.x2, &visible.y2);
  cache = opts->sink == NULL ? opts->cache : NULL;
  if (cache != NULL)
    cache_begin (cache, cr, theme, opts->show_badges);
  if (cache != NULL && !opts->moving)
    retire_still (cache); /* settled: no tween to keep it for */
  /* the background is in the still layer, under its edges */
  still = cache != NULL && opts->moving && opts->paint_background
          && paint_still_layer (cr, cache, scene, &visible, &opts->still_ahead);
  if (opts->paint_background && !still)
    {
      set_color (cr, &theme->background, 1);
      cairo_rectangle (cr, 0, 0, scene->width, scene->height);
      paint_fill (cr, FALSE);
    }
  drawn = g_new0 (gboolean, scene->nodes->len);
  for (guint i = 0; i < scene->edges->len; i++)
    {
      const HsSceneEdge *edge = g_ptr_array_index (scene->edges, i);

      if (edge_visible (&visible, edge) && !(still && edge->is_still)
          && !(cache != NULL && opts->moving && draw_edge_cached (cr, cache, edge)))
        draw_edge_group (cr, edge, theme);
    }
  for (guint i = 0; i < scene->nodes->len; i++)
    if (node_visible (&visible, g_ptr_array_index (scene->nodes, i)))
      {
        drawn[i]
            = cache != NULL && draw_node_cached (cr, cache, g_ptr_array_index (scene->nodes, i));
        if (!drawn[i])
          draw_node_group (cr, g_ptr_array_index (scene->nodes, i), theme);
      }
  /* a cached node's image holds its badge */
  for (guint i = 0; opts->show_badges && i < scene->nodes->len; i++)
    if (!drawn[i] && node_visible (&visible, g_ptr_array_index (scene->nodes, i)))
      draw_badge_group (cr, g_ptr_array_index (scene->nodes, i), theme);
  cairo_set_user_data (cr, &sink_key, NULL, NULL);
  cairo_restore (cr);
}
