/* hs-trace-json.c — a trace as Python Tutor's JSON, plus Heapscope's own keys.
 *
 * Invariant: every reference that a mortal object's count includes appears in its step
 * as ["REF", id] outside the Heapscope keys (`refcounts`, `freed`, `gc`, `unreachable`):
 * frame variables, heap contents, and the values a frame holds (`heapscope_held`).
 * The format is documented in docs/trace-format.md.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hs-trace-private.h"

static void
put_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    {
      switch (*p)
        {
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          default:
            if (*p < 0x20)
              g_string_append_printf (out, "\\u%04x", *p);
            else
              g_string_append_c (out, (char)*p);
        }
    }
  g_string_append_c (out, '"');
}

/* Python's repr of a str back to its value: the repr is what the runtime printed, with
 * its quotes and \\-escapes. */
static char *
str_from_repr (const char *repr)
{
  gsize n = strlen (repr);
  GString *s = g_string_sized_new (n);

  for (gsize i = 1; i + 1 < n; i++)
    {
      char c = repr[i];
      if (c != '\\' || i + 2 >= n)
        {
          g_string_append_c (s, c);
          continue;
        }
      c = repr[++i];
      switch (c)
        {
          case 'n':
            g_string_append_c (s, '\n');
            break;
          case 't':
            g_string_append_c (s, '\t');
            break;
          case 'r':
            g_string_append_c (s, '\r');
            break;
          case 'x':
          case 'u':
          case 'U':
            {
              int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
              char hex[9] = { 0 };
              if (i + digits < n)
                {
                  memcpy (hex, repr + i + 1, digits);
                  g_string_append_unichar (s, (gunichar)strtoul (hex, NULL, 16));
                  i += digits;
                }
              break;
            }
          default:
            g_string_append_c (s, c);
            break;
        }
    }
  return g_string_free (s, FALSE);
}

static void
put_primitive (GString *out, const HsSnapValue *v)
{
  const char *t = v->type_name;

  if (g_strcmp0 (t, "str") == 0)
    {
      g_autofree char *s = str_from_repr (v->text);
      put_string (out, s);
    }
  else if (g_strcmp0 (t, "NoneType") == 0)
    g_string_append (out, "null");
  else if (g_strcmp0 (t, "bool") == 0)
    g_string_append (out, g_strcmp0 (v->text, "True") == 0 ? "true" : "false");
  else if (g_strcmp0 (t, "float") == 0 && strpbrk (v->text, "ni") != NULL)
    g_string_append_printf (out, "[\"SPECIAL_FLOAT\", \"%s\"]",
                            strstr (v->text, "nan") ? "NaN"
                            : v->text[0] == '-'     ? "-Infinity"
                                                    : "Infinity");
  else if (g_strcmp0 (t, "float") == 0 && strpbrk (v->text, ".e") == NULL)
    g_string_append_printf (out, "%s.0", v->text);
  else if ((g_strcmp0 (t, "int") == 0 || g_strcmp0 (t, "float") == 0)
           && strspn (v->text, "-+0123456789.e") == strlen (v->text))
    g_string_append (out, v->text);
  else
    put_string (out, v->text); /* a built-in function or type, by its repr */
}

static void
put_value (GString *out, const HsSnapValue *v)
{
  if (v->kind == HS_SNAP_VALUE_REF)
    g_string_append_printf (out, "[\"REF\", %" G_GUINT64_FORMAT "]", v->ref);
  else
    put_primitive (out, v);
}

static void
put_vars (GString *out, GArray *vars, const char *names_key, const char *values_key)
{
  g_string_append_printf (out, "\"%s\": {", values_key);
  for (guint i = 0; i < vars->len; i++)
    {
      HsSnapVar *var = &g_array_index (vars, HsSnapVar, i);
      if (i)
        g_string_append (out, ", ");
      put_string (out, var->name);
      g_string_append (out, ": ");
      put_value (out, &var->value);
    }
  g_string_append_printf (out, "}, \"%s\": [", names_key);
  for (guint i = 0; i < vars->len; i++)
    {
      if (i)
        g_string_append (out, ", ");
      put_string (out, g_array_index (vars, HsSnapVar, i).name);
    }
  g_string_append (out, "]");
}

static void
put_held (GString *out, GArray *held)
{
  g_string_append (out, "[");
  for (guint i = 0; i < held->len; i++)
    {
      HsSnapVar *var = &g_array_index (held, HsSnapVar, i);
      g_string_append (out, i ? ", [" : "[");
      put_string (out, var->name);
      g_string_append (out, ", ");
      put_value (out, &var->value);
      g_string_append (out, "]");
    }
  g_string_append (out, "]");
}

static void
put_frame (GString *out, HsSnapFrame *f)
{
  g_string_append (out, "{\"func_name\": ");
  put_string (out, f->func_name);
  g_string_append_printf (out,
                          ", \"frame_id\": %" G_GUINT64_FORMAT ", \"is_highlighted\": %s"
                          ", \"is_parent\": %s, \"is_zombie\": %s, \"parent_frame_id_list\": [",
                          f->frame_id, f->is_highlighted ? "true" : "false",
                          f->is_parent ? "true" : "false", f->is_zombie ? "true" : "false");
  for (guint i = 0; i < f->parent_frame_ids->len; i++)
    g_string_append_printf (out, "%s%" G_GUINT64_FORMAT, i ? ", " : "",
                            g_array_index (f->parent_frame_ids, guint64, i));
  g_string_append_printf (out, "], \"unique_hash\": \"%s_f%" G_GUINT64_FORMAT "%s%s\", ",
                          f->func_name, f->frame_id, f->is_parent ? "_p" : "",
                          f->is_zombie ? "_z" : "");
  put_vars (out, f->vars, "ordered_varnames", "encoded_locals");
  g_string_append (out, ", \"heapscope_held\": ");
  put_held (out, f->held);
  g_string_append (out, "}");
}

/* The function frames, oldest first: those Python Tutor lists, or the hidden ones. */
static void
put_frames (GString *out, HsSnapshot *snap, const char *key, gboolean hidden)
{
  gboolean first = TRUE;

  g_string_append_printf (out, ", \"%s\": [", key);
  for (guint i = 1; i < snap->frames->len; i++)
    {
      HsSnapFrame *f = g_ptr_array_index (snap->frames, i);
      if (f->is_hidden != hidden)
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      put_frame (out, f);
    }
  g_string_append (out, "]");
}

static const char *
heap_tag (HsSnapKind kind)
{
  switch (kind)
    {
      case HS_SNAP_LIST:
        return "LIST";
      case HS_SNAP_TUPLE:
        return "TUPLE";
      case HS_SNAP_DICT:
        return "DICT";
      case HS_SNAP_SET:
        return "SET";
      case HS_SNAP_CLASS:
        return "CLASS";
      case HS_SNAP_FUNCTION:
        return "FUNCTION";
      case HS_SNAP_PRIMITIVE:
        return "HEAP_PRIMITIVE";
      case HS_SNAP_INSTANCE:
      case HS_SNAP_OTHER:
      default:
        return "INSTANCE";
    }
}

/* Python Tutor lists a class's bases by name, `object` left out. */
static void
put_bases (GString *out, HsSnapshot *snap, HsSnapObject *o)
{
  const HsSnapValue *base = &o->class_ref;

  g_string_append (out, ", [");
  if (base->kind == HS_SNAP_VALUE_REF)
    {
      HsSnapObject *b = hs_snapshot_lookup (snap, base->ref);
      if (b != NULL)
        put_string (out, b->label ? b->label : b->type_name);
    }
  else if (base->text != NULL && g_str_has_prefix (base->text, "<class '")
           && g_str_has_suffix (base->text, "'>") && strcmp (base->text, "<class 'object'>") != 0)
    {
      /* a built-in base, recorded inline by its repr */
      g_autofree char *name = g_strndup (base->text + 8, strlen (base->text) - 10);
      put_string (out, name);
    }
  g_string_append (out, "]");
}

static int
cmp_cell_labels (gconstpointer a, gconstpointer b)
{
  const HsSnapCell *x = *(const HsSnapCell *const *)a, *y = *(const HsSnapCell *const *)b;
  return g_strcmp0 (x->label, y->label);
}

/* A list, tuple or dict of a type of a module (collections' deque, Counter, a namedtuple),
 * which Python Tutor writes as an instance of that type. */
static gboolean
is_module_container (HsSnapObject *o)
{
  return (o->kind == HS_SNAP_LIST && strcmp (o->type_name, "list") != 0)
         || (o->kind == HS_SNAP_TUPLE && strcmp (o->type_name, "tuple") != 0)
         || (o->kind == HS_SNAP_DICT && strcmp (o->type_name, "dict") != 0);
}

static void
put_heap_object (GString *out, HsSnapshot *snap, HsSnapObject *o)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_sized_new (o->cells->len);
  gboolean module_container = is_module_container (o);

  g_string_append_printf (out, "\"%" G_GUINT64_FORMAT "\": [\"%s\"", o->id,
                          module_container ? "INSTANCE" : heap_tag (o->kind));
  if (module_container)
    {
      g_string_append (out, ", ");
      put_string (out, o->type_name);
    }
  switch (o->kind)
    {
      case HS_SNAP_FUNCTION:
        g_string_append (out, ", ");
        put_string (out, o->label ? o->label : o->type_name);
        if (o->parent_frame_id != 0)
          g_string_append_printf (out, ", %" G_GUINT64_FORMAT, o->parent_frame_id);
        else
          g_string_append (out, ", null");
        break;
      case HS_SNAP_PRIMITIVE:
        {
          HsSnapValue v = { HS_SNAP_VALUE_PRIMITIVE, 0, o->label, o->type_name };
          g_string_append (out, ", ");
          put_string (out, o->type_name);
          g_string_append (out, ", ");
          put_primitive (out, &v);
          break;
        }
      case HS_SNAP_CLASS:
        g_string_append (out, ", ");
        put_string (out, o->label ? o->label : o->type_name);
        put_bases (out, snap, o);
        break;
      case HS_SNAP_INSTANCE:
      case HS_SNAP_OTHER:
        g_string_append (out, ", ");
        put_string (out, o->type_name);
        break;
      default:
        break;
    }
  for (guint i = 0; i < o->cells->len; i++)
    g_ptr_array_add (cells, &g_array_index (o->cells, HsSnapCell, i));
  /* Python Tutor sorts the attributes of classes and instances by name. */
  if (o->kind == HS_SNAP_INSTANCE || o->kind == HS_SNAP_CLASS)
    g_ptr_array_sort (cells, cmp_cell_labels);
  for (guint i = 0; i < cells->len; i++)
    {
      HsSnapCell *c = g_ptr_array_index (cells, i);
      g_string_append (out, ", ");
      if (o->kind == HS_SNAP_DICT)
        {
          g_string_append (out, "[");
          put_value (out, &c->key);
          g_string_append (out, ", ");
          put_value (out, &c->value);
          g_string_append (out, "]");
        }
      else if (o->kind == HS_SNAP_INSTANCE || o->kind == HS_SNAP_CLASS || o->kind == HS_SNAP_OTHER
               || o->kind == HS_SNAP_FUNCTION || module_container)
        {
          g_autofree char *index = c->label ? NULL : g_strdup_printf ("%u", i);
          g_string_append (out, "[");
          put_string (out, c->label ? c->label : index);
          g_string_append (out, ", ");
          put_value (out, &c->value);
          g_string_append (out, "]");
        }
      else
        put_value (out, &c->value);
    }
  g_string_append (out, "]");
}

static void
put_id_list (GString *out, const char *key, HsSnapshot *snap, guint flag)
{
  gboolean first = TRUE;
  g_string_append_printf (out, ", \"%s\": [", key);
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (!(o->flags & flag))
        continue;
      g_string_append_printf (out, "%s%" G_GUINT64_FORMAT, first ? "" : ", ", o->id);
      first = FALSE;
    }
  g_string_append (out, "]");
}

/* Instances' references to their class and classes' to their base: counted, so shown. */
static void
put_class_refs (GString *out, HsSnapshot *snap)
{
  gboolean first = TRUE;

  g_string_append (out, ", \"heapscope_class_refs\": {");
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (o->class_ref.kind != HS_SNAP_VALUE_REF || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      g_string_append_printf (out, "%s\"%" G_GUINT64_FORMAT "\": ", first ? "" : ", ", o->id);
      put_value (out, &o->class_ref);
      first = FALSE;
    }
  g_string_append (out, "}");
}

/* "heapscope_hidden_holders": {id: [[kind, name], ...]}: the references each count
 * includes whose holder the heap does not list. */
static void
put_hidden_holders (GString *out, HsSnapshot *snap)
{
  gboolean first = TRUE;

  g_string_append (out, ", \"heapscope_hidden_holders\": {");
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (o->recorded_holders->len == 0 || o->immortal || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      g_string_append_printf (out, "%s\"%" G_GUINT64_FORMAT "\": [", first ? "" : ", ", o->id);
      for (guint j = 0; j < o->recorded_holders->len; j++)
        {
          const HsSnapHolder *h = &g_array_index (o->recorded_holders, HsSnapHolder, j);
          g_string_append (out, j ? ", [" : "[");
          put_string (out, h->kind);
          g_string_append (out, ", ");
          put_string (out, h->name);
          g_string_append (out, "]");
        }
      g_string_append (out, "]");
      first = FALSE;
    }
  g_string_append (out, "}");
}

static void
put_heapscope_keys (GString *out, HsSnapshot *snap)
{
  gboolean first = TRUE;

  g_string_append (out, ", \"refcounts\": {");
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (o->immortal || (o->flags & HS_SNAP_FLAG_FREED))
        continue;
      g_string_append_printf (out, "%s\"%" G_GUINT64_FORMAT "\": %" G_GINT64_FORMAT,
                              first ? "" : ", ", o->id, o->refcount);
      first = FALSE;
    }
  g_string_append (out, "}");
  put_hidden_holders (out, snap);
  put_class_refs (out, snap);
  put_id_list (out, "freed", snap, HS_SNAP_FLAG_FREED);
  put_id_list (out, "unreachable", snap, HS_SNAP_FLAG_UNREACHABLE);
  g_string_append (out, ", \"gc\": {\"freed\": [");
  for (guint i = 0; i < snap->gc_freed->len; i++)
    g_string_append_printf (out, "%s%" G_GUINT64_FORMAT, i ? ", " : "",
                            g_array_index (snap->gc_freed, guint64, i));
  g_string_append (out, "]}");
}

static void
put_step (GString *out, HsSnapshot *snap)
{
  HsSnapFrame *globals = snap->frames->len ? g_ptr_array_index (snap->frames, 0) : NULL;
  gboolean first = TRUE;

  g_string_append_printf (out, "{\"line\": %d, \"event\": \"%s\", \"func_name\": ", snap->line,
                          snap->event);
  put_string (out, snap->func_name ? snap->func_name : "<module>");
  g_string_append (out, ", ");
  if (globals != NULL)
    put_vars (out, globals->vars, "ordered_globals", "globals");
  else
    g_string_append (out, "\"globals\": {}, \"ordered_globals\": []");
  g_string_append (out, ", \"heapscope_global_held\": ");
  if (globals != NULL)
    put_held (out, globals->held);
  else
    g_string_append (out, "[]");
  put_frames (out, snap, "stack_to_render", FALSE);
  put_frames (out, snap, "heapscope_hidden_frames", TRUE);
  g_string_append (out, ", \"heap\": {");
  for (guint i = 0; i < snap->objects->len; i++)
    {
      HsSnapObject *o = g_ptr_array_index (snap->objects, i);
      if (o->flags & HS_SNAP_FLAG_FREED)
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      put_heap_object (out, snap, o);
    }
  g_string_append (out, "}, \"stdout\": ");
  put_string (out, snap->stdout_text ? snap->stdout_text : "");
  if (snap->exception_msg != NULL)
    {
      g_string_append (out, ", \"exception_msg\": ");
      put_string (out, snap->exception_msg);
    }
  put_heapscope_keys (out, snap);
  g_string_append (out, "}");
}

G_DEFINE_QUARK (hs - trace - error - quark, hs_trace_error)

char *
hs_trace_to_json (HsTrace *trace, gsize max_bytes, GError **error)
{
  GString *out = g_string_new ("{\"code\": ");
  int n = hs_trace_get_n_steps (trace);

  put_string (out, trace->source);
  g_string_append (out, ", \"trace\": [");
  /* One replay, advanced step by step: the whole trace in time linear in its length. */
  HsRState *st = hs_rstate_new ();
  for (int k = 0; k < n; k++)
    {
      g_autoptr (HsSnapshot) snap = NULL;
      hs_trace_advance (trace, st, k);
      snap = hs_rstate_to_snapshot (st, trace, k);
      g_string_append (out, k ? ",\n" : "\n");
      put_step (out, snap);
      if (max_bytes > 0 && out->len > max_bytes)
        {
          /* Sizes are formatted first: a G_GSIZE_FORMAT inside _() hides the string from
           * xgettext. */
          g_autofree char *mb = g_strdup_printf ("%" G_GSIZE_FORMAT, max_bytes >> 20);
          g_set_error (error, HS_TRACE_ERROR, HS_TRACE_ERROR_TOO_LARGE,
                       _ ("the JSON trace would be larger than %s MB after %d of %d steps; "
                          "record fewer steps with --max-steps"),
                       mb, k + 1, n);
          hs_rstate_free (st);
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  hs_rstate_free (st);
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}
