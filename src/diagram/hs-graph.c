/* hs-graph.c — a snapshot as a cgraph graph of HTML-like table nodes.
 *
 * Each frame and drawn object becomes a grid of cells whose sizes we measure ourselves
 * with the painter's fonts. Graphviz gets only what the layout needs: a node whose cells
 * hold references gets an HTML label of empty boxes of those exact sizes, in which every
 * cell that holds a reference carries a PORT from which its edge leaves; any other node
 * is a fixed-size box. Either way the box Graphviz places is the box we draw. (The DOT
 * export, opts->cell_text, writes the whole grid with its text instead.)
 *
 * Invariant: nodes are added frames first (outermost first), then objects in id order,
 * and each node's edges in cell order, so that dot (with ordering=out) sees the same
 * input order from one step to the next.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-diagram-private.h"
#include "hs-text.h"

/* Sizes in pixels, which are Graphviz points at scale 1. */
#define PAD_X 9
#define MIN_VALUE_W 36
#define MIN_EMPTY_W 44
#define MIN_NAME_W 40
#define HEADER_H 26
#define INDEX_H 15
#define ROW_H 30
#define CAPTION_H 20
#define FRAME_MIN_W 180
#define FRAME_QUANTUM 40
#define NOTE_MARGIN 8

/* Cell keys: a kind in the high byte, an element index below. */
enum
{
  KEY_HEADER = 0 << 24,
  KEY_INDEX = 1 << 24,
  KEY_VALUE = 2 << 24,
  KEY_KEY = 3 << 24,
  KEY_NAME = 4 << 24,
  KEY_HELD_NAME = 5 << 24,
  KEY_HELD_VALUE = 6 << 24,
  KEY_ELLIPSIS = 7 << 24,
  KEY_EMPTY = 8 << 24,
  KEY_LABEL = 9 << 24,
  KEY_COLLAPSED = 10 << 24,
  KEY_BUNDLE = 11 << 24, /* edges only: a collapsed object's bundle, low bits from the head */
  KEY_WEAK = 12 << 24,   /* a weak reference's row for what it refers to: its value */
  KEY_WEAK_NAME = 13 << 24,
};

typedef struct
{
  HsCellRole role;
  guint key;
  const char *text; /* borrowed from the snapshot or the grid's strings; NULL for refs */
  const char *note; /* small and dim after the text (an object's id), or NULL */
  gboolean is_ref;
  gboolean held;
  gboolean weak; /* a weak reference: a dashed arrow, counted by no badge */
  guint64 ref;
  char port[16];
  HsCellAlign align;
  int row, col, colspan;
} GridCell;

typedef struct
{
  GArray *cells;    /* of GridCell */
  GPtrArray *owned; /* strings made for this grid */
  int n_rows, n_cols;
  int caption_h;
  int min_width;          /* the last column widens to reach it (frames share one width) */
  int quantum;            /* the width is rounded up to a multiple of this (0: exact) */
  gboolean ports_below;   /* edges leave their cells downwards (see is_row_of_cells) */
  const HsSnapshot *snap; /* what a value's own object tells (value_length) */
} Grid;

typedef struct
{
  const HsSnapshot *snap;
  const HsDiagramOptions *opts;
  HsDiagram *diagram;
  GHashTable *drawn; /* ids of drawn objects (a chain's marker under its id) */
  HsChains *chains;
  Agsym_t *sym_label;
  /* Nodes without ports (the DOT export declares only the shape: all its labels are HTML) */
  Agsym_t *sym_shape, *sym_fixedsize, *sym_width, *sym_height;
  Agsym_t *sym_tailport;
  Agsym_t *sym_badge;
  Agsym_t *sym_style;
  Agnode_t *summary;
  guint summary_index;
  GString *html;
  GArray *wanted; /* of WantedEdge, in node then cell order */
} Builder;

typedef struct
{
  guint node_index;
  guint cell_index;
  guint64 ref;
  guint bundle;      /* > 0: a collapsed object's references to `ref`, drawn as one edge */
  gboolean is_class; /* the object's class_ref, leaving from its header */
  gboolean is_weak;  /* a weak reference's, leaving its KEY_WEAK row */
} WantedEdge;

static const char *ellipsis = "…";

G_DEFINE_QUARK (hs - diagram - error - quark, hs_diagram_error)

void
hs_diagram_options_init (HsDiagramOptions *opts)
{
  opts->elide_threshold = HS_DIAGRAM_DEFAULT_ELIDE_THRESHOLD;
  opts->max_objects = HS_DIAGRAM_DEFAULT_MAX_OBJECTS;
  opts->chain_threshold = HS_DIAGRAM_DEFAULT_CHAIN_THRESHOLD;
  opts->fold_budget = HS_DIAGRAM_DEFAULT_FOLD_BUDGET;
  opts->cell_text = FALSE;
  opts->expanded_ids = NULL;
  opts->collapsed_ids = NULL;
  opts->collapsed_types = NULL;
}

char *
hs_diagram_node_name (HsSceneNodeRole role, guint64 id)
{
  switch (role)
    {
      case HS_SCENE_NODE_FRAME:
        return g_strdup_printf ("f%" G_GUINT64_FORMAT, id);
      case HS_SCENE_NODE_OBJECT:
        return g_strdup_printf ("o%" G_GUINT64_FORMAT, id);
      case HS_SCENE_NODE_CHAIN:
        return g_strdup_printf ("c%" G_GUINT64_FORMAT, id);
      case HS_SCENE_NODE_SUMMARY:
      default:
        return g_strdup ("summary");
    }
}

/* ---- grids ---------------------------------------------------------------- */

static void
grid_init (Grid *grid, const HsSnapshot *snap)
{
  grid->snap = snap;
  grid->cells = g_array_new (FALSE, TRUE, sizeof (GridCell));
  grid->owned = g_ptr_array_new_with_free_func (g_free);
  grid->n_rows = grid->n_cols = 0;
  grid->caption_h = 0;
  grid->min_width = 0;
  grid->quantum = 0;
  grid->ports_below = FALSE;
}

static void
grid_clear (Grid *grid)
{
  g_array_unref (grid->cells);
  g_ptr_array_unref (grid->owned);
}

static const char *
grid_own (Grid *grid, char *text)
{
  g_ptr_array_add (grid->owned, text);
  return text;
}

static GridCell *
grid_add (Grid *grid, int row, int col, int colspan, HsCellRole role, guint key, const char *text)
{
  GridCell cell = { 0 };

  cell.role = role;
  cell.key = key;
  cell.text = text;
  cell.row = row;
  cell.col = col;
  cell.colspan = colspan;
  cell.align = role == HS_CELL_EMPTY                          ? HS_ALIGN_CENTER
               : role == HS_CELL_NAME || role == HS_CELL_HELD ? HS_ALIGN_RIGHT
               : role == HS_CELL_HEADER || role == HS_CELL_INDEX || role == HS_CELL_ELLIPSIS
                   ? HS_ALIGN_CENTER
                   : HS_ALIGN_LEFT;
  g_array_append_val (grid->cells, cell);
  grid->n_rows = MAX (grid->n_rows, row + 1);
  grid->n_cols = MAX (grid->n_cols, col + colspan);
  return &g_array_index (grid->cells, GridCell, grid->cells->len - 1);
}

/* A long value (a 1000-character string) would make its cell, and so its whole frame or
 * object, thousands of pixels wide: show its start and end around an ellipsis. */
#define VALUE_MAX_CHARS 40

/* The length (len()) of the str, bytes or bytearray whose repr is `text`: what the
 * recorder noted when it clipped the text (`len`), else its characters or bytes between the
 * quotes, an escape counting once; *bytes says which. -1 for another value. */
static gint64
value_length (const char *type_name, const char *text, guint64 len, gboolean *bytes)
{
  const char *p, *end = text + strlen (text);
  gint64 n = 0;
  char quote;

  *bytes = g_str_has_prefix (text, "b'") || g_str_has_prefix (text, "b\"")
           || g_str_has_prefix (text, "bytearray(b");
  if (!*bytes && g_strcmp0 (type_name, "str") != 0)
    return -1;
  if (len > 0)
    return (gint64)len;
  if ((p = strpbrk (text, "'\"")) == NULL)
    return -1;
  for (quote = *p++; p < end && *p != quote; n++)
    if (*p != '\\')
      p = g_utf8_next_char (p);
    else /* \n, \xhh, \uhhhh, \Uhhhhhhhh */
      p += MIN (end - p, p[1] == 'x' ? 4 : p[1] == 'u' ? 6 : p[1] == 'U' ? 10 : 2);
  return n;
}

/* `text` (the repr of a value of type `type_name`), shortened when long, saying then how
 * long a str or bytes value is: "'abc…xyz' (12,345 characters)". `len`: the length the
 * recorder noted (HsSnapObject.value_len), or 0. */
static const char *
shorten_value (Grid *grid, const char *text, const char *type_name, guint64 len)
{
  glong n = text ? g_utf8_strlen (text, -1) : 0;
  const char *tail;
  g_autofree char *head = NULL;
  g_autofree char *count = NULL;
  gboolean bytes;
  gint64 length;

  if (n <= VALUE_MAX_CHARS)
    return text;
  if ((length = value_length (type_name, text, len, &bytes)) < 0)
    {
      head = g_utf8_substring (text, 0, VALUE_MAX_CHARS - 10);
      tail = g_utf8_offset_to_pointer (text, n - 8);
      return grid_own (grid, g_strconcat (head, "…", tail, NULL));
    }
  /* less of the value, so that its length fits in about as wide a cell */
  head = g_utf8_substring (text, 0, VALUE_MAX_CHARS - 24);
  tail = g_utf8_offset_to_pointer (text, n - 6);
  /* grouped as the locale groups thousands */
  count = g_strdup_printf ("%'" G_GINT64_FORMAT, length);
  return grid_own (grid,
                   g_strdup_printf (bytes ? g_dngettext (GETTEXT_PACKAGE, "%s…%s (%s byte)",
                                                         "%s…%s (%s bytes)", (gulong)length)
                                          : g_dngettext (GETTEXT_PACKAGE, "%s…%s (%s character)",
                                                         "%s…%s (%s characters)", (gulong)length),
                                    head, tail, count));
}

/* The length the recorder noted of the value `value` shows (its own object's), or 0. */
static guint64
noted_len (const Grid *grid, const HsSnapValue *value)
{
  const HsSnapObject *obj;

  if (grid->snap == NULL || value->ref == 0)
    return 0;
  obj = g_hash_table_lookup (grid->snap->inline_objects, &value->ref);
  return obj != NULL ? obj->value_len : 0;
}

static GridCell *
grid_add_value (Grid *grid, int row, int col, HsCellRole role, guint key, const HsSnapValue *value,
                char port_letter, guint index)
{
  gboolean is_ref = value->kind == HS_SNAP_VALUE_REF;
  GridCell *cell = grid_add (
      grid, row, col, 1, role, key,
      is_ref ? NULL : shorten_value (grid, value->text, value->type_name, noted_len (grid, value)));

  cell->is_ref = is_ref;
  cell->ref = value->ref;
  if (is_ref)
    g_snprintf (cell->port, sizeof cell->port, "%c%u", port_letter, index);
  return cell;
}

static int
role_height (HsCellRole role)
{
  return role == HS_CELL_HEADER ? HEADER_H : role == HS_CELL_INDEX ? INDEX_H : ROW_H;
}

static int
cell_needed_width (const GridCell *cell)
{
  int width = 0;

  if (cell->text != NULL && cell->text[0] != '\0')
    hs_text_size (hs_cell_font (cell->role), cell->text, &width, NULL);
  if (cell->note != NULL)
    {
      int note_w;

      hs_text_size (HS_FONT_INDEX, cell->note, &note_w, NULL);
      /* and room on both sides, so that the badge on the corner leaves the note readable */
      width += HS_NOTE_GAP + note_w + 2 * NOTE_MARGIN;
    }
  width += 2 * (cell->role == HS_CELL_INDEX ? 3 : PAD_X);
  if (cell->role == HS_CELL_VALUE || cell->role == HS_CELL_KEY)
    width = MAX (width, MIN_VALUE_W);
  if (cell->role == HS_CELL_EMPTY)
    width = MAX (width, MIN_EMPTY_W);
  if (cell->role == HS_CELL_NAME || cell->role == HS_CELL_HELD)
    width = MAX (width, MIN_NAME_W);
  return width;
}

static void
grid_widen (const Grid *grid, int *col_w)
{
  int width = 0;

  for (int c = 0; c < grid->n_cols; c++)
    width += col_w[c];
  if (width < grid->min_width)
    col_w[grid->n_cols - 1] += grid->min_width - width;
  width = MAX (width, grid->min_width);
  if (grid->quantum > 1 && width % grid->quantum != 0)
    col_w[grid->n_cols - 1] += grid->quantum - width % grid->quantum;
}

/* Column widths and row heights: the widest single-column cell sets a column; a cell
 * spanning several columns that needs more widens them evenly. */
static void
grid_measure (const Grid *grid, int *col_w, int *row_h)
{
  memset (col_w, 0, sizeof (int) * grid->n_cols);
  memset (row_h, 0, sizeof (int) * grid->n_rows);
  for (guint i = 0; i < grid->cells->len; i++)
    {
      const GridCell *cell = &g_array_index (grid->cells, GridCell, i);

      row_h[cell->row] = MAX (row_h[cell->row], role_height (cell->role));
      if (cell->colspan == 1)
        col_w[cell->col] = MAX (col_w[cell->col], cell_needed_width (cell));
    }
  for (guint i = 0; i < grid->cells->len; i++)
    {
      const GridCell *cell = &g_array_index (grid->cells, GridCell, i);
      int have = 0, need;

      if (cell->colspan == 1)
        continue;
      for (int c = cell->col; c < cell->col + cell->colspan; c++)
        have += col_w[c];
      need = cell_needed_width (cell) - have;
      for (int c = cell->col; need > 0 && c < cell->col + cell->colspan; c++)
        col_w[c] += need / cell->colspan
                    + (c == cell->col + cell->colspan - 1 ? need % cell->colspan : 0);
    }
  grid_widen (grid, col_w);
}

static int
grid_width (const Grid *grid)
{
  int *col_w = g_newa (int, grid->n_cols), *row_h = g_newa (int, grid->n_rows), width = 0;

  grid_measure (grid, col_w, row_h);
  for (int c = 0; c < grid->n_cols; c++)
    width += col_w[c];
  return width;
}

/* ---- filling grids from the snapshot ---------------------------------------- */

static void
fill_frame (Grid *grid, const HsSnapFrame *frame)
{
  int row = 1;

  /* The module's frame is what Python Tutor and most teaching material call it. */
  grid_add (grid, 0, 0, 2, HS_CELL_HEADER, KEY_HEADER,
            g_strcmp0 (frame->func_name, "<module>") == 0 ? _ ("Global frame") : frame->func_name);
  for (guint i = 0; i < frame->vars->len; i++, row++)
    {
      const HsSnapVar *var = &g_array_index (frame->vars, HsSnapVar, i);

      grid_add (grid, row, 0, 1, HS_CELL_NAME, KEY_NAME | i, var->name);
      grid_add_value (grid, row, 1, HS_CELL_VALUE, KEY_VALUE | i, &var->value, 'v', i);
    }
  for (guint i = 0; i < frame->held->len; i++, row++)
    {
      const HsSnapVar *var = &g_array_index (frame->held, HsSnapVar, i);

      /* Held labels are a fixed English vocabulary of the trace engine, marked there. */
      grid_add (grid, row, 0, 1, HS_CELL_HELD, KEY_HELD_NAME | i, _ (var->name))->held = TRUE;
      grid_add_value (grid, row, 1, HS_CELL_VALUE, KEY_HELD_VALUE | i, &var->value, 'h', i)->held
          = TRUE;
    }
  if (row == 1)
    grid_add (grid, 1, 0, 2, HS_CELL_EMPTY, KEY_EMPTY, NULL);
}

static void
fill_sequence_column (Grid *grid, int col, const HsSnapObject *obj, guint i, gboolean indexed)
{
  const HsSnapCell *cell = &g_array_index (obj->cells, HsSnapCell, i);
  const char *label = cell->label ? cell->label : grid_own (grid, g_strdup_printf ("%u", i));

  if (indexed)
    grid_add (grid, 1, col, 1, HS_CELL_INDEX, KEY_INDEX | i, label);
  grid_add_value (grid, indexed ? 2 : 1, col, HS_CELL_VALUE, KEY_VALUE | i, &cell->value, 'v', i)
      ->align
      = HS_ALIGN_CENTER;
}

/* Lists and tuples: a row of small indices over a row of values; sets: values only. */
static void
fill_sequence (Grid *grid, const HsSnapObject *obj, guint threshold)
{
  gboolean indexed = obj->kind != HS_SNAP_SET;
  guint n = obj->cells->len, head, tail;
  int col = 0;

  grid->ports_below = TRUE;
  hs_elide_plan (n, threshold, &head, &tail);
  if (obj->n_omitted > 0 && tail == 0)
    {
      /* drawn whole (expanded) but a view left cells out: the marker stands for them */
      head = obj->omitted_at;
      tail = n - head;
    }
  for (guint i = 0; i < head; i++)
    fill_sequence_column (grid, col++, obj, i, indexed);
  if (tail > 0)
    {
      if (indexed)
        grid_add (grid, 1, col, 1, HS_CELL_INDEX, KEY_INDEX | (KEY_ELLIPSIS >> 8), "");
      grid_add (grid, indexed ? 2 : 1, col++, 1, HS_CELL_ELLIPSIS, KEY_ELLIPSIS, ellipsis);
    }
  for (guint i = n - tail; i < n; i++)
    fill_sequence_column (grid, col++, obj, i, indexed);
  if (n == 0)
    grid_add (grid, 1, col++, 1, HS_CELL_EMPTY, KEY_EMPTY, _ ("empty"));
  grid_add (grid, 0, 0, col, HS_CELL_HEADER, KEY_HEADER, obj->type_name);
}

static void
fill_row (Grid *grid, int row, const HsSnapObject *obj, guint i)
{
  const HsSnapCell *cell = &g_array_index (obj->cells, HsSnapCell, i);

  if (cell->label == NULL)
    grid_add_value (grid, row, 0, HS_CELL_KEY, KEY_KEY | i, &cell->key, 'k', i)->align
        = HS_ALIGN_RIGHT;
  else
    grid_add (grid, row, 0, 1, HS_CELL_NAME, KEY_NAME | i, cell->label);
  grid_add_value (grid, row, 1, HS_CELL_VALUE, KEY_VALUE | i, &cell->value, 'v', i);
}

/* Dicts, instances, classes, functions and others: a header, then name|value rows. */
static void
fill_rows (Grid *grid, const HsSnapObject *obj, const char *header, guint threshold)
{
  guint n = obj->cells->len, head, tail;
  int row = 1;

  grid_add (grid, 0, 0, 2, HS_CELL_HEADER, KEY_HEADER, header);
  /* a bytearray's or a range's repr, shortened as a value is (a 10 MB bytearray's drew a box
   * half a million pixels wide) */
  if (obj->label != NULL && (obj->kind == HS_SNAP_OTHER || (obj->flags & HS_SNAP_FLAG_GLOBALS)))
    grid_add (grid, row++, 0, 2, HS_CELL_VALUE, KEY_LABEL,
              shorten_value (grid, obj->label, obj->type_name, obj->value_len));
  if (obj->weak_ref.kind == HS_SNAP_VALUE_REF)
    {
      grid_add (grid, row, 0, 1, HS_CELL_NAME, KEY_WEAK_NAME, _ ("weakly"));
      grid_add_value (grid, row++, 1, HS_CELL_VALUE, KEY_WEAK, &obj->weak_ref, 'w', 0)->weak = TRUE;
    }
  else if (obj->weak_ref.text != NULL) /* the object it referred to died */
    grid_add (grid, row++, 0, 2, HS_CELL_VALUE, KEY_LABEL, _ ("dead"))->align = HS_ALIGN_CENTER;
  hs_elide_plan (n, threshold, &head, &tail);
  for (guint i = 0; i < head; i++)
    fill_row (grid, row++, obj, i);
  if (tail > 0)
    grid_add (grid, row++, 0, 2, HS_CELL_ELLIPSIS, KEY_ELLIPSIS, ellipsis);
  for (guint i = n - tail; i < n; i++)
    fill_row (grid, row++, obj, i);
  if (row == 1 && obj->kind == HS_SNAP_DICT)
    grid_add (grid, row++, 0, 2, HS_CELL_EMPTY, KEY_EMPTY, _ ("empty"));
}

static void
fill_primitive (Grid *grid, const HsSnapObject *obj)
{
  grid_add (grid, 0, 0, 1, HS_CELL_INDEX, KEY_HEADER, obj->type_name);
  grid_add (grid, 1, 0, 1, HS_CELL_VALUE, KEY_LABEL,
            shorten_value (grid, obj->label, obj->type_name, obj->value_len))
      ->align
      = HS_ALIGN_CENTER;
}

static const char *
object_header (Grid *grid, const HsSnapObject *obj)
{
  switch (obj->kind)
    {
      case HS_SNAP_CLASS:
        if (obj->bases != NULL) /* several bases: all named, the arrow goes to the first */
          {
            GString *h = g_string_new ("class ");
            g_string_append (h, obj->label ? obj->label : obj->type_name);
            for (guint i = 0; i < obj->bases->len; i++)
              g_string_append_printf (h, "%s%s", i ? ", " : "(",
                                      (char *)g_ptr_array_index (obj->bases, i));
            g_string_append_c (h, ')');
            return grid_own (grid, g_string_free (h, FALSE));
          }
        return grid_own (grid,
                         g_strdup_printf ("class %s", obj->label ? obj->label : obj->type_name));
      case HS_SNAP_FUNCTION:
        return obj->label ? obj->label : obj->type_name;
      case HS_SNAP_DICT: /* a defaultdict names its default factory */
        return obj->label && !(obj->flags & HS_SNAP_FLAG_GLOBALS)
                   ? grid_own (grid, g_strdup_printf ("%s(%s)", obj->type_name, obj->label))
                   : obj->type_name;
      default:
        return obj->type_name;
    }
}

/* A collapsed object: its header and how much it holds, nothing else. */
static void
fill_collapsed (Grid *grid, const HsSnapObject *obj)
{
  guint n = obj->cells->len;
  const char *what;

  switch (obj->kind)
    {
      case HS_SNAP_INSTANCE:
      case HS_SNAP_CLASS:
      case HS_SNAP_FUNCTION:
        what = g_dngettext (GETTEXT_PACKAGE, "%u attribute", "%u attributes", n);
        break;
      case HS_SNAP_PRIMITIVE:
        what = NULL;
        break;
      default:
        what = g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n);
        break;
    }
  grid_add (grid, 0, 0, 1, HS_CELL_HEADER, KEY_HEADER, object_header (grid, obj));
  grid_add (grid, 1, 0, 1, HS_CELL_EMPTY, KEY_COLLAPSED,
            what ? grid_own (grid, g_strdup_printf (what, n)) : "…");
}

static void
fill_object (Grid *grid, const HsSnapObject *obj, guint threshold)
{
  switch (obj->kind)
    {
      case HS_SNAP_LIST:
      case HS_SNAP_TUPLE:
      case HS_SNAP_SET:
        fill_sequence (grid, obj, threshold);
        break;
      case HS_SNAP_PRIMITIVE:
        fill_primitive (grid, obj);
        break;
      case HS_SNAP_CLASS:
      case HS_SNAP_FUNCTION:
      case HS_SNAP_DICT:
      case HS_SNAP_INSTANCE:
      case HS_SNAP_OTHER:
      default:
        fill_rows (grid, obj, object_header (grid, obj), threshold);
        break;
    }
}

/* ---- grid -> scene node + HTML label ----------------------------------------- */

/* A cell of the DOT export's label, with its text (FIXEDSIZE false: as wide as needed). */
static void
html_cell (GString *html, const GridCell *cell, int width, int height)
{
  g_string_append_printf (html, "<TD WIDTH=\"%d\" HEIGHT=\"%d\"", width, height);
  if (cell->colspan > 1)
    g_string_append_printf (html, " COLSPAN=\"%d\"", cell->colspan);
  if (cell->port[0])
    g_string_append_printf (html, " PORT=\"%s\"", cell->port);
  g_string_append_c (html, '>');
  if (cell->text != NULL && cell->text[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (cell->text, -1);

      g_string_append (html, escaped);
      if (cell->note != NULL)
        g_string_append_printf (html, " %s", cell->note);
    }
  else if (cell->is_ref)
    g_string_append (html, "•");
  g_string_append (html, "</TD>");
}

/* Row-major order, which the HTML table and the scene cells both need. */
static gint
compare_grid_cells (gconstpointer a, gconstpointer b)
{
  const GridCell *ca = a, *cb = b;

  if (ca->row != cb->row)
    return ca->row - cb->row;
  return ca->col - cb->col;
}

#define HTML_TABLE "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"

/* The label of the DOT export: the grid as it is, with the cells' text. */
static void
html_grid (GString *html, const Grid *grid, const int *col_x, const int *row_h)
{
  int row = -1;

  g_string_append (html, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
                         "CELLPADDING=\"2\">");
  for (guint i = 0; i < grid->cells->len; i++)
    {
      const GridCell *gc = &g_array_index (grid->cells, GridCell, i);

      if (gc->row != row)
        {
          g_string_append (html, row < 0 ? "<TR>" : "</TR><TR>");
          row = gc->row;
        }
      html_cell (html, gc, col_x[gc->col + gc->colspan] - col_x[gc->col], row_h[gc->row]);
    }
  if (grid->caption_h > 0)
    g_string_append_printf (html,
                            "</TR><TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\" "
                            "COLSPAN=\"%d\"></TD>",
                            col_x[grid->n_cols], grid->caption_h, grid->n_cols);
  g_string_append (html, "</TR></TABLE>");
}

/* An empty cell is exactly WIDTH x HEIGHT (no padding, no border): no FIXEDSIZE needed,
 * and every attribute less is less for Graphviz to parse. */
static void
html_box (GString *html, int width, int height, const char *port)
{
  g_string_append_printf (html, "<TD WIDTH=\"%d\" HEIGHT=\"%d\"", width, height);
  if (port != NULL)
    g_string_append_printf (html, " PORT=\"%s\"", port);
  g_string_append (html, "></TD>");
}

/* One row of the label for the cells [first, end) of a grid row that holds references:
 * a nested one-row table where each stretch without one is a single empty box. */
static void
html_port_row (GString *html, const Grid *grid, guint first, guint end, const int *col_x,
               int height)
{
  int x = 0, width = col_x[grid->n_cols];

  g_string_append (html, "<TR><TD>" HTML_TABLE "<TR>");
  for (guint i = first; i < end; i++)
    {
      const GridCell *gc = &g_array_index (grid->cells, GridCell, i);

      if (!gc->is_ref)
        continue;
      if (col_x[gc->col] > x)
        html_box (html, col_x[gc->col] - x, height, NULL);
      x = col_x[gc->col + gc->colspan];
      html_box (html, x - col_x[gc->col], height, gc->port);
    }
  if (x < width)
    html_box (html, width - x, height, NULL);
  g_string_append (html, "</TR></TABLE></TD></TR>");
}

/* Whether the cells [first, end) of a row hold one reference, in the row's last cell, whose
 * edge leaves to the right (rows of frames, dicts and instances): then the whole row can
 * be that port, and no nested table is needed. */
static gboolean
row_port_is_east_end (const Grid *grid, guint first, guint end)
{
  const GridCell *last = &g_array_index (grid->cells, GridCell, end - 1);

  if (grid->ports_below || !last->is_ref || last->col + last->colspan != grid->n_cols)
    return FALSE;
  for (guint i = first; i + 1 < end; i++)
    if (g_array_index (grid->cells, GridCell, i).is_ref)
      return FALSE;
  return TRUE;
}

/* The label dot lays out: only the geometry and the ports of references (the class
 * port only serves the DOT export), as one column of rows, the rows without ports
 * merged into one box. Graphviz sizes a one-row or one-column table
 * directly but a grid by solving two network-simplex problems, which cost more than
 * the rest of the layout. */
static void
html_rows (GString *html, const Grid *grid, const int *col_x, const int *row_y)
{
  int width = col_x[grid->n_cols], blank_from = 0; /* top of the rows not yet written */
  guint i = 0;

  g_string_append (html, HTML_TABLE);
  for (int r = 0; r < grid->n_rows; r++)
    {
      guint first = i;
      gboolean ports = FALSE;

      for (; i < grid->cells->len && g_array_index (grid->cells, GridCell, i).row == r; i++)
        ports |= g_array_index (grid->cells, GridCell, i).is_ref;
      if (!ports)
        continue;
      if (row_y[r] > blank_from)
        {
          g_string_append (html, "<TR>");
          html_box (html, width, row_y[r] - blank_from, NULL);
          g_string_append (html, "</TR>");
        }
      if (row_port_is_east_end (grid, first, i))
        {
          /* The edge leaves the middle of the row's right end either way. */
          g_string_append (html, "<TR>");
          html_box (html, width, row_y[r + 1] - row_y[r],
                    g_array_index (grid->cells, GridCell, i - 1).port);
          g_string_append (html, "</TR>");
        }
      else
        html_port_row (html, grid, first, i, col_x, row_y[r + 1] - row_y[r]);
      blank_from = row_y[r + 1];
    }
  if (row_y[grid->n_rows] + grid->caption_h > blank_from)
    {
      g_string_append (html, "<TR>");
      html_box (html, width, row_y[grid->n_rows] + grid->caption_h - blank_from, NULL);
      g_string_append (html, "</TR>");
    }
  g_string_append (html, "</TABLE>");
}

/* Fills the node's cells and rectangle, and b->html with its label, left empty when the
 * node needs none (see add_node). */
static void
grid_emit (Builder *b, Grid *grid, HsSceneNode *node)
{
  gboolean refs = FALSE;
  int *col_w = g_newa (int, grid->n_cols), *row_h = g_newa (int, grid->n_rows);
  int *col_x = g_newa (int, grid->n_cols + 1), *row_y = g_newa (int, grid->n_rows + 1);

  g_array_sort (grid->cells, compare_grid_cells);
  grid_measure (grid, col_w, row_h);
  col_x[0] = row_y[0] = 0;
  for (int c = 0; c < grid->n_cols; c++)
    col_x[c + 1] = col_x[c] + col_w[c];
  for (int r = 0; r < grid->n_rows; r++)
    row_y[r + 1] = row_y[r] + row_h[r];

  for (guint i = 0; i < grid->cells->len; i++)
    {
      const GridCell *gc = &g_array_index (grid->cells, GridCell, i);
      HsSceneCell *cell = hs_scene_node_add_cell (node, gc->role, gc->key, gc->text);
      int width = col_x[gc->col + gc->colspan] - col_x[gc->col];

      cell->rect = (HsRect){ col_x[gc->col], row_y[gc->row], width, row_h[gc->row] };
      cell->is_ref = gc->is_ref;
      cell->is_held_row = gc->held;
      cell->align = gc->align;
      cell->note = g_strdup (gc->note);
      cell->port = gc->port[0] ? g_strdup (gc->port) : NULL;
      if (gc->is_ref)
        {
          WantedEdge wanted = {
            b->diagram->scene->nodes->len - 1, node->cells->len - 1, gc->ref, 0, FALSE, gc->weak
          };

          g_array_append_val (b->wanted, wanted);
          refs = TRUE;
        }
    }
  g_string_truncate (b->html, 0);
  if (b->opts->cell_text)
    html_grid (b->html, grid, col_x, row_h);
  else if (refs)
    html_rows (b->html, grid, col_x, row_y);
  node->rect = (HsRect){ 0, 0, col_x[grid->n_cols], row_y[grid->n_rows] };
}

/* Adds the node to the graph and the scene, with the grid's label and geometry. */
static HsSceneNode *
add_node (Builder *b, HsSceneNodeRole role, guint64 id, Grid *grid)
{
  HsDiagram *d = b->diagram;
  HsSceneNode *node = hs_scene_add_node (d->scene, role, id);
  g_autofree char *name = hs_diagram_node_name (role, id);
  Agnode_t *n = agnode (d->graph, name, TRUE);

  grid_emit (b, grid, node);
  if (b->html->len > 0)
    {
      char *label = agstrdup_html (d->graph, b->html->str);

      agxset (n, b->sym_label, label);
      agstrfree (d->graph, label);
    }
  else
    {
      /* No port: a plain box of the same size, which spares Graphviz an HTML parse
       * (an XML parser per label, the largest part of the layout). */
      char inches[G_ASCII_DTOSTR_BUF_SIZE];

      agxset (n, b->sym_shape, "box");
      agxset (n, b->sym_fixedsize, "true");
      agxset (n, b->sym_width,
              g_ascii_formatd (inches, sizeof inches, "%.5f", node->rect.width / 72.0));
      agxset (n, b->sym_height,
              g_ascii_formatd (inches, sizeof inches, "%.5f",
                               (node->rect.height + grid->caption_h) / 72.0));
    }
  g_ptr_array_add (d->gv_nodes, n);
  g_array_append_val (d->caption_space, grid->caption_h);
  return node;
}

/* ---- nodes and edges ---------------------------------------------------------- */

static gboolean
same_name (const HsSnapFrame *a, const HsSnapFrame *b)
{
  return g_strcmp0 (a->func_name, b->func_name) == 0;
}

/* A recursion's marker: "… 24 more frames of fact()", or of a cycle's functions in the
 * order they call each other ("… 24 more frames of f(), g()"). */
static void
fill_recursion_marker (Grid *grid, const HsChain *chain)
{
  g_autoptr (GString) funcs = g_string_new (NULL);
  guint n = chain->hidden->len;

  for (guint i = 0; i < chain->period; i++)
    {
      const HsSnapFrame *frame = g_ptr_array_index (chain->hidden, i);
      gboolean named = FALSE;

      /* a cycle may call one function twice (f, f, g): named once */
      for (guint j = 0; j < i && !named; j++)
        named = same_name (frame, g_ptr_array_index (chain->hidden, j));
      if (!named)
        g_string_append_printf (funcs, "%s%s()", funcs->len > 0 ? ", " : "", frame->func_name);
    }
  grid_add (grid, 0, 0, 1, HS_CELL_ELLIPSIS, KEY_ELLIPSIS,
            grid_own (grid, g_strdup_printf (
                                /* Translators: %s names the functions, as "fact()" or, for
                                 * functions calling each other in turn, "f(), g()" */
                                g_dngettext (GETTEXT_PACKAGE, "… %u more frame of %s",
                                             "… %u more frames of %s", n),
                                n, funcs->str)));
}

static void add_frame_bundles (Builder *b, const HsChain *chain);

/* Frames share one width, so that the stack reads as an aligned column; a recursion's
 * marker stands in it for the frames it hides. */
static void
add_frames (Builder *b)
{
  Agraph_t *stack = agsubg (b->diagram->graph, (char *)"stack", TRUE);
  guint n = b->snap->frames->len;
  Grid *grids = g_new (Grid, n);
  const HsChain **chains = g_new0 (const HsChain *, n);
  Agnode_t *above = NULL;
  int width = 0;

  agsafeset (stack, (char *)"rank", (char *)"source", (char *)"");
  for (guint i = 0; i < n; i++)
    {
      const HsSnapFrame *frame = g_ptr_array_index (b->snap->frames, i);

      grid_init (&grids[i], b->snap);
      chains[i] = hs_chains_lookup_frame (b->chains, frame->frame_id);
      if (chains[i] == NULL)
        fill_frame (&grids[i], frame);
      else if (chains[i]->marker == (frame->frame_id | HS_SCENE_FRAME_CHAIN_BIT))
        fill_recursion_marker (&grids[i], chains[i]);
      else
        continue; /* hidden behind the marker */
      width = MAX (width, grid_width (&grids[i]));
    }
  for (guint i = 0; i < n; i++)
    {
      const HsSnapFrame *frame = g_ptr_array_index (b->snap->frames, i);
      HsSceneNode *node;
      Agnode_t *gv;

      if (grids[i].cells->len == 0)
        {
          grid_clear (&grids[i]);
          continue;
        }
      /* A frame's width moves every object to its right: a generous minimum and whole
       * steps absorb most changes (a new held row, a longer value) without a jump. */
      grids[i].min_width = MAX (width, FRAME_MIN_W);
      grids[i].quantum = FRAME_QUANTUM;
      if (chains[i] != NULL)
        {
          node = add_node (b, HS_SCENE_NODE_CHAIN, chains[i]->marker, &grids[i]);
          node->kind = HS_SNAP_OTHER;
          add_frame_bundles (b, chains[i]);
        }
      else
        {
          node = add_node (b, HS_SCENE_NODE_FRAME, frame->frame_id, &grids[i]);
          node->is_highlighted = frame->is_highlighted;
          node->is_zombie = frame->is_zombie;
          node->is_expanded
              = hs_chains_is_expanded_key (b->chains, frame->frame_id | HS_SCENE_FRAME_CHAIN_BIT);
        }
      grid_clear (&grids[i]);
      gv = g_ptr_array_index (b->diagram->gv_nodes, b->diagram->gv_nodes->len - 1);
      agsubnode (stack, gv, TRUE);
      /* An invisible flat edge keeps callers above callees in the column. */
      if (above != NULL)
        agsafeset (agedge (b->diagram->graph, above, gv, NULL, TRUE), (char *)"style",
                   (char *)"invis", (char *)"");
      above = gv;
    }
  g_free (chains);
  g_free (grids);
}

static const char *
object_caption (const HsSnapObject *obj)
{
  if (obj->flags & HS_SNAP_FLAG_FREED)
    return _ ("freed");
  if (obj->flags & HS_SNAP_FLAG_UNREACHABLE)
    return _ ("unreachable");
  /* No arrow explains its badge: what holds it is hidden (a loop's iterator). */
  if (obj->flags & HS_SNAP_FLAG_HIDDEN_HELD)
    return _ ("held out of view");
  return NULL;
}

static void
bundle_count (GArray *targets, GHashTable *index, const HsSnapValue *value)
{
  gpointer found;

  if (value->kind != HS_SNAP_VALUE_REF)
    return;
  if (g_hash_table_lookup_extended (index, &value->ref, NULL, &found))
    g_array_index (targets, WantedEdge, GPOINTER_TO_UINT (found)).bundle++;
  else
    {
      WantedEdge wanted = { 0, 0, value->ref, 1, FALSE };

      g_array_append_val (targets, wanted);
      g_hash_table_insert (index, (gpointer)&value->ref, GUINT_TO_POINTER (targets->len - 1));
    }
}

static void
bundle_count_vars (GArray *targets, GHashTable *index, GArray *vars)
{
  for (guint i = 0; i < vars->len; i++)
    bundle_count (targets, index, &g_array_index (vars, HsSnapVar, i).value);
}

/* Whether value refers to a hidden node of chain `within` (NULL: of none). */
static gboolean
is_link_within (Builder *b, const HsChain *within, const HsSnapValue *value)
{
  return within != NULL && value->kind == HS_SNAP_VALUE_REF
         && hs_chains_lookup (b->chains, value->ref) == within;
}

/* The bundles counted in `targets`, leaving the node added last. */
static void
want_bundles (Builder *b, GArray *targets)
{
  for (guint i = 0; i < targets->len; i++)
    {
      WantedEdge *wanted = &g_array_index (targets, WantedEdge, i);

      wanted->node_index = b->diagram->scene->nodes->len - 1;
      wanted->cell_index = KEY_BUNDLE | (guint)(wanted->ref & 0xffffff);
      g_array_append_val (b->wanted, *wanted);
    }
}

/* A collapsed object draws none of its cells, yet the objects it refers to still count
 * its references in their badges: an honest picture needs as many arrows as the badge
 * says. Rather than one arrow per hidden cell (which would leave from nowhere), each
 * distinct target gets ONE thin dashed bundle edge from the collapsed box, labelled
 * "×n" when it stands for n > 1 references, so that solid arrows plus bundle counts
 * still add up to every drawn badge. Targets only the collapsed object reaches are not
 * drawn at all (hs-elide.c), so no badge goes unexplained. */
static void
add_bundles (Builder *b, const HsSnapObject *const *objs, guint n_objs)
{
  g_autoptr (GArray) targets = g_array_new (FALSE, FALSE, sizeof (WantedEdge));
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  const HsChain *within = hs_chains_lookup (b->chains, objs[0]->id);

  /* a chain's links between its hidden nodes stay behind its marker with them: not
   * counted at all (200,000 of them for l.extend(zip(l, ...))) */
  for (guint o = 0; o < n_objs; o++)
    {
      const GArray *cells = objs[o]->cells;

      for (guint i = 0; i < cells->len; i++)
        {
          const HsSnapCell *cell = &g_array_index (cells, HsSnapCell, i);

          if (!is_link_within (b, within, &cell->key))
            bundle_count (targets, index, &cell->key);
          if (!is_link_within (b, within, &cell->value))
            bundle_count (targets, index, &cell->value);
        }
    }
  want_bundles (b, targets);
}

/* A recursion's marker bundles what its hidden frames' variables and held values refer
 * to, as a chain's marker does its nodes' references. */
static void
add_frame_bundles (Builder *b, const HsChain *chain)
{
  g_autoptr (GArray) targets = g_array_new (FALSE, FALSE, sizeof (WantedEdge));
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < chain->hidden->len; i++)
    {
      const HsSnapFrame *frame = g_ptr_array_index (chain->hidden, i);

      bundle_count_vars (targets, index, frame->vars);
      bundle_count_vars (targets, index, frame->held);
    }
  want_bundles (b, targets);
}

/* The class reference is wanted after the node's cells and bundles (input order). A
 * chain's marker wants one for the `n_refs` references its hidden nodes hold to the class;
 * it leaves from the marker's only cell. */
static void
add_class_ref (Builder *b, guint64 class_id, const HsSceneNode *node, guint n_refs)
{
  WantedEdge wanted = { b->diagram->scene->nodes->len - 1, 0, class_id, n_refs, TRUE };

  for (guint i = 0; i < node->cells->len; i++)
    if (g_array_index (node->cells, HsSceneCell, i).key == KEY_HEADER
        || node->role == HS_SCENE_NODE_CHAIN)
      {
        wanted.cell_index = i;
        g_array_append_val (b->wanted, wanted);
        return;
      }
}

/* Every box shows the id the What happened panel names it by ("list #12"), quietly; a
 * cached value (a small int: ∞) is the one object of its value, and the panel names it by
 * its value. The DOT export adds the count there too (an xlabel badge per node made dot
 * many times slower). */
static void
grid_set_id_note (Grid *grid, const HsSnapObject *obj, gboolean with_count)
{
  /* an immortal object has no count to follow, and a static one's id is no address */
  if (obj->immortal)
    return;
  for (guint i = 0; i < grid->cells->len; i++)
    {
      GridCell *cell = &g_array_index (grid->cells, GridCell, i);

      if (cell->key != KEY_HEADER)
        continue;
      if (with_count && !obj->immortal)
        cell->note
            = grid_own (grid, g_strdup_printf ("#%" G_GUINT64_FORMAT ", refcount %" G_GINT64_FORMAT,
                                               obj->id, obj->refcount));
      else
        cell->note = grid_own (grid, g_strdup_printf ("#%" G_GUINT64_FORMAT, obj->id));
    }
}

static void
add_object (Builder *b, const HsSnapObject *obj)
{
  gboolean collapsed = hs_diagram_options_is_collapsed (b->opts, obj);
  HsSceneNode *node;
  Grid grid;

  grid_init (&grid, b->snap);
  if (collapsed)
    fill_collapsed (&grid, obj);
  else
    fill_object (&grid, obj, hs_elide_threshold_for (b->opts, obj));
  grid_set_id_note (&grid, obj, b->opts->cell_text);
  if (object_caption (obj) != NULL)
    {
      int caption_w;

      hs_text_size (HS_FONT_CAPTION, object_caption (obj), &caption_w, NULL);
      grid.caption_h = CAPTION_H;
      grid.min_width = caption_w + 6;
    }
  node = add_node (b, HS_SCENE_NODE_OBJECT, obj->id, &grid);
  grid_clear (&grid);
  node->kind = obj->kind;
  node->flags = obj->flags;
  node->is_collapsed = collapsed;
  node->is_expanded = !collapsed && hs_diagram_options_is_expanded (b->opts, obj)
                      && (obj->cells->len > b->opts->elide_threshold
                          || hs_chains_is_expanded_key (b->chains, obj->id));
  if (collapsed)
    add_bundles (b, &obj, 1);
  if (obj->class_ref.kind == HS_SNAP_VALUE_REF)
    add_class_ref (b, obj->class_ref.ref, node, 1);
  node->caption = g_strdup (object_caption (obj));
  if (!obj->immortal && obj->hidden_holders->len > 0)
    {
      node->hidden_holders = g_new0 (char *, obj->hidden_holders->len + 1);
      for (guint i = 0; i < obj->hidden_holders->len; i++)
        node->hidden_holders[i] = g_strdup (g_ptr_array_index (obj->hidden_holders, i));
    }
  node->badge
      = obj->immortal ? g_strdup ("∞") : g_strdup_printf ("%" G_GINT64_FORMAT, obj->refcount);
  agxset (g_ptr_array_index (b->diagram->gv_nodes, b->diagram->gv_nodes->len - 1), b->sym_badge,
          node->badge);
}

static void
add_summary (Builder *b, guint left_out)
{
  HsSceneNode *node;
  Grid grid;

  grid_init (&grid, b->snap);
  grid_add (&grid, 0, 0, 1, HS_CELL_NAME, KEY_LABEL,
            grid_own (&grid, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+ %u more object",
                                                           "+ %u more objects", left_out),
                                              left_out)))
      ->align
      = HS_ALIGN_CENTER;
  node = add_node (b, HS_SCENE_NODE_SUMMARY, 0, &grid);
  grid_clear (&grid);
  node->kind = HS_SNAP_OTHER;
  b->summary_index = b->diagram->scene->nodes->len - 1;
  b->summary = g_ptr_array_index (b->diagram->gv_nodes, b->summary_index);
}

static gboolean
is_row_of_cells (const HsSceneNode *node)
{
  return node->role == HS_SCENE_NODE_OBJECT
         && (node->kind == HS_SNAP_LIST || node->kind == HS_SNAP_TUPLE
             || node->kind == HS_SNAP_SET);
}

/* A class reference takes no part in the layout, not even in the DOT export: dot would
 * rank the class right of its instances and route the edges backwards in loops (and with
 * constraint=false, one such edge per instance made dot take minutes at 400 instances),
 * while the containment arrows should decide where things go. hs-layout.c draws the
 * class references into one class as a single dotted curve of its own ("×n"); every box
 * names its class in its header. */
static void
add_class_edge (Builder *b, HsPendingEdge *pending, guint n_refs)
{
  pending->is_class = TRUE;
  pending->bundle = n_refs;
  g_array_append_val (b->diagram->edges, *pending);
}

/* One edge per drawn reference, leaving from its cell's port; a reference to an object
 * the cap left out points at the summary node. */
static void
add_edge (Builder *b, const WantedEdge *wanted)
{
  HsDiagram *d = b->diagram;
  HsSceneNode *node = g_ptr_array_index (d->scene->nodes, wanted->node_index);
  HsSceneCell *cell;
  HsPendingEdge pending
      = { NULL, wanted->node_index, wanted->cell_index, HS_SCENE_NODE_OBJECT, wanted->ref, FALSE, 0,
          0,    wanted->is_class,   wanted->is_weak };
  Agnode_t *head = NULL;
  const HsChain *chain = hs_chains_lookup (b->chains, wanted->ref);
  char port[24];

  if (chain != NULL)
    {
      /* into a chain's hidden node (a doubly linked list's last node refers back): the
       * marker that stands for it */
      pending.head_role = HS_SCENE_NODE_CHAIN;
      pending.head_id = chain->marker;
    }
  if (g_hash_table_contains (b->drawn, &pending.head_id))
    {
      g_autofree char *name = hs_diagram_node_name (pending.head_role, pending.head_id);

      head = agnode (d->graph, name, FALSE);
    }
  if (wanted->bundle > 0 && !wanted->is_class)
    {
      const HsSnapObject *target = hs_snapshot_lookup (b->snap, wanted->ref);

      /* Bundles go to drawn mortal objects only: what is left out, or immortal (a small
       * int a recursion's hidden frames name), has no count to explain. */
      if (head == NULL || (target != NULL && target->immortal))
        return;
      pending.bundle = wanted->bundle;
      pending.bundle_key = wanted->cell_index;
      pending.tail_cell = G_MAXUINT;
      pending.edge = agedge (d->graph, g_ptr_array_index (d->gv_nodes, wanted->node_index), head,
                             NULL, TRUE);
      agxset (pending.edge, b->sym_tailport, "e");
      agxset (pending.edge, b->sym_style, "dashed");
      g_array_append_val (d->edges, pending);
      return;
    }
  cell = &g_array_index (node->cells, HsSceneCell, wanted->cell_index);
  if (head == NULL && (wanted->is_class || wanted->is_weak))
    return; /* nothing to explain: the badge of what is left out does not count it */
  if (head == NULL)
    {
      if (b->summary == NULL)
        return;
      head = b->summary;
      pending.head_role = HS_SCENE_NODE_SUMMARY;
      pending.head_id = 0;
      pending.to_summary = TRUE;
    }
  if (wanted->is_class)
    {
      add_class_edge (b, &pending, MAX (wanted->bundle, 1));
      return;
    }
  pending.edge
      = agedge (d->graph, g_ptr_array_index (d->gv_nodes, wanted->node_index), head, NULL, TRUE);
  /* A row of cells (list, tuple, set) sends its arrows down out of each cell, so that
   * three references to one object are three distinct arrows; rows of a table (frames,
   * dicts, instances) send them out of their right side. */
  g_snprintf (port, sizeof port, "%s:%s", cell->port, is_row_of_cells (node) ? "s" : "e");
  agxset (pending.edge, b->sym_tailport, port);
  if (wanted->is_weak)
    agxset (pending.edge, b->sym_style, "dashed");
  g_array_append_val (d->edges, pending);
}

/* The middle of a long chain: "… 42 more Node", its hidden nodes' references bundled (the
 * link to the chain's last node among them) and their class references counted; a folded
 * subtree likewise: "▸ 37 more Node". */
static void
add_chain_marker (Builder *b, const HsChain *chain)
{
  const HsSnapObject *first = g_ptr_array_index (chain->hidden, 0);
  guint n = chain->n_nodes, n_class = 0;
  HsSceneNode *node;
  Grid grid;

  grid_init (&grid, b->snap);
  grid_add (
      &grid, 0, 0, 1, HS_CELL_ELLIPSIS, KEY_ELLIPSIS,
      grid_own (&grid, g_strdup_printf (
                           chain->subtree
                               /* a folded subtree, its type name: "▸ 37 more Node" */
                               ? g_dngettext (GETTEXT_PACKAGE, "▸ %u more %s", "▸ %u more %s", n)
                               : g_dngettext (GETTEXT_PACKAGE, "… %u more %s", "… %u more %s", n),
                           n, first->type_name)));
  node = add_node (b, HS_SCENE_NODE_CHAIN, chain->marker, &grid);
  grid_clear (&grid);
  node->kind = first->kind;
  node->is_subtree = chain->subtree;
  add_bundles (b, (const HsSnapObject *const *)chain->hidden->pdata, chain->hidden->len);
  for (guint i = 0; i < n; i++)
    n_class += ((const HsSnapObject *)g_ptr_array_index (chain->hidden, i))->class_ref.kind
               == HS_SNAP_VALUE_REF;
  /* a chain is of one type: its nodes share one class */
  if (n_class > 0)
    add_class_ref (b, first->class_ref.ref, node, n_class);
}

static void
add_objects (Builder *b)
{
  for (guint i = 0; i < b->snap->objects->len; i++)
    {
      const HsSnapObject *obj = g_ptr_array_index (b->snap->objects, i);
      const HsChain *chain = hs_chains_lookup (b->chains, obj->id);

      if (!g_hash_table_contains (b->drawn, &obj->id))
        continue;
      if (chain != NULL)
        add_chain_marker (b, chain);
      else
        add_object (b, obj);
    }
}

static Agraph_t *
graph_new (Builder *b)
{
  Agraph_t *g = agopen ((char *)"heapscope", Agdirected, NULL);

  agattr (g, AGRAPH, (char *)"rankdir", (char *)"LR");
  agattr (g, AGRAPH, (char *)"ordering", (char *)"out");
  agattr (g, AGRAPH, (char *)"nodesep", (char *)"0.3");
  agattr (g, AGRAPH, (char *)"ranksep", (char *)"0.55");
  /* Graphviz 2.43's classic ranking (class1/cleanup1) frees virtual edges that mincross
   * then reads (valgrind: invalid read in decompose) for our rank=source frame stack:
   * it crashed on 63 of the 269 corpus programs. newrank ranks by another path. */
  agattr (g, AGRAPH, (char *)"newrank", (char *)"true");
  agattr (g, AGRAPH, (char *)"fontname", (char *)"Sans");
  b->sym_shape = agattr (g, AGNODE, (char *)"shape", (char *)"plain");
  if (!b->opts->cell_text)
    {
      b->sym_fixedsize = agattr (g, AGNODE, (char *)"fixedsize", (char *)"false");
      b->sym_width = agattr (g, AGNODE, (char *)"width", (char *)"0.75");
      b->sym_height = agattr (g, AGNODE, (char *)"height", (char *)"0.5");
    }
  agattr (g, AGNODE, (char *)"fontname", (char *)"Monospace");
  b->sym_label = agattr (g, AGNODE, (char *)"label", (char *)"");
  b->sym_badge = agattr (g, AGNODE, (char *)"hs_badge", (char *)"");
  b->sym_tailport = agattr (g, AGEDGE, (char *)"tailport", (char *)"");
  agattr (g, AGEDGE, (char *)"arrowsize", (char *)"0.8");
  b->sym_style = agattr (g, AGEDGE, (char *)"style", (char *)"");
  return g;
}

HsDiagram *
hs_diagram_new (const HsSnapshot *snap, const HsDiagramOptions *opts)
{
  HsDiagramOptions defaults;
  HsDiagram *d = g_new0 (HsDiagram, 1);
  Builder b = { 0 };
  guint left_out = 0;

  g_return_val_if_fail (snap != NULL, NULL);
  if (opts == NULL)
    hs_diagram_options_init (&defaults);
  b.snap = snap;
  b.opts = opts ? opts : &defaults;
  b.diagram = d;
  b.html = g_string_sized_new (1024);
  b.wanted = g_array_new (FALSE, FALSE, sizeof (WantedEdge));
  d->scene = hs_scene_new ();
  d->gv_nodes = g_ptr_array_new ();
  d->caption_space = g_array_new (FALSE, FALSE, sizeof (int));
  d->edges = g_array_new (FALSE, FALSE, sizeof (HsPendingEdge));
  b.chains = hs_chains_find (snap, b.opts);
  b.drawn = hs_elide_select_objects (snap, b.opts, b.chains, &left_out);
  d->scene->n_elided_objects = left_out;

  hs_graphviz_lock ();
  d->graph = graph_new (&b);
  add_frames (&b);
  add_objects (&b);
  if (left_out > 0)
    add_summary (&b, left_out);
  for (guint i = 0; i < b.wanted->len; i++)
    add_edge (&b, &g_array_index (b.wanted, WantedEdge, i));
  hs_graphviz_unlock ();

  g_hash_table_unref (b.drawn);
  hs_chains_free (b.chains);
  g_array_unref (b.wanted);
  g_string_free (b.html, TRUE);
  return d;
}

Agraph_t *
hs_diagram_get_graph (HsDiagram *diagram)
{
  g_return_val_if_fail (diagram != NULL, NULL);
  return diagram->graph;
}
