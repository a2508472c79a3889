/* chorus-wrap-layout.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-wrap-layout.h"

/* Lays a widget's children out like words in a paragraph: left to right
 * (right to left in RTL locales) at their natural widths, starting a new
 * line when the next one would not fit. GtkFlowBox aligns its children in
 * columns, which leaves wide gaps between controls of different widths,
 * and AdwWrapBox only came with libadwaita 1.6, so the triage bar, whose
 * dropdowns and tag chips must fit a pane of any width, uses this. A child
 * wider than a whole line gets the line, down to its minimum width; one
 * that expands horizontally also gets what its line leaves over, so a
 * wrapping label with a modest natural width (max-width-chars) sits beside
 * a campaign card's variant chip when there is room for it, and under it,
 * the whole width, when there is not. */

struct _ChorusWrapLayout
{
  GtkLayoutManager parent_instance;

  guint            spacing;
  guint            line_spacing;
};

G_DEFINE_FINAL_TYPE (ChorusWrapLayout, chorus_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_LINE_SPACING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GtkWidget *child;
  int        x;
  int        width;
} Item;

/* Gives the room left at the end of a line to its first child that
 * expands horizontally, moving those after it along. */
static void
expand_line (GArray *line,
             int     width)
{
  Item *last = &g_array_index (line, Item, line->len - 1);
  int extra = width - (last->x + last->width);
  gboolean expanding = FALSE;

  for (guint i = 0; extra > 0 && i < line->len; i++)
    {
      Item *item = &g_array_index (line, Item, i);

      if (expanding)
        item->x += extra;
      else if (gtk_widget_compute_expand (item->child, GTK_ORIENTATION_HORIZONTAL))
        {
          item->width += extra;
          expanding = TRUE;
        }
    }
}

/* Gives the children of one line their place, and returns its height:
 * the tallest child's, each measured at the width it gets. */
static int
place_line (GArray    *line,
            int        y,
            int        width,
            gboolean   allocate,
            gboolean   rtl)
{
  int height = 0;

  expand_line (line, width);
  for (guint i = 0; i < line->len; i++)
    {
      Item *item = &g_array_index (line, Item, i);
      int natural;

      gtk_widget_measure (item->child, GTK_ORIENTATION_VERTICAL, item->width, NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }

  for (guint i = 0; allocate && i < line->len; i++)
    {
      Item *item = &g_array_index (line, Item, i);
      GtkAllocation allocation = {
        rtl ? width - item->x - item->width : item->x, y, item->width, height
      };

      gtk_widget_size_allocate (item->child, &allocation, -1);
    }

  return height;
}

/* Fills lines no wider than @width; returns their total height. */
static int
flow (ChorusWrapLayout *self,
      GtkWidget        *widget,
      int               width,
      gboolean          allocate)
{
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (Item));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0 };
      int minimum, natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      item.width = MAX (minimum, MIN (natural, width));

      if (line->len > 0 && x + (int) self->spacing + item.width > width)
        {
          y += place_line (line, y, width, allocate, rtl) + self->line_spacing;
          g_array_set_size (line, 0);
        }

      item.x = line->len > 0 ? x + self->spacing : 0;
      x = item.x + item.width;
      g_array_append_val (line, item);
    }

  if (line->len > 0)
    return y + place_line (line, y, width, allocate, rtl);

  /* No child on the last line: take back the spacing before it. */
  return MAX (0, y - (int) self->line_spacing);
}

static GtkSizeRequestMode
chorus_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measure_widths (ChorusWrapLayout *self,
                GtkWidget        *widget,
                int              *minimum,
                int              *natural)
{
  guint n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural += child_natural + (n++ > 0 ? self->spacing : 0);
    }
}

static void
chorus_wrap_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  ChorusWrapLayout *self = CHORUS_WRAP_LAYOUT (manager);
  int min_width, nat_width;

  measure_widths (self, widget, &min_width, &nat_width);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
      return;
    }

  /* Without a width, the height of everything on one line. */
  *minimum = *natural = flow (self, widget, for_size < 0 ? nat_width : MAX (for_size, min_width), FALSE);
}

static void
chorus_wrap_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  flow (CHORUS_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static void
chorus_wrap_layout_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusWrapLayout *self = CHORUS_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_uint (value, self->spacing);
      break;

    case PROP_LINE_SPACING:
      g_value_set_uint (value, self->line_spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_wrap_layout_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusWrapLayout *self = CHORUS_WRAP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      chorus_wrap_layout_set_spacing (self, g_value_get_uint (value));
      break;

    case PROP_LINE_SPACING:
      chorus_wrap_layout_set_line_spacing (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_wrap_layout_class_init (ChorusWrapLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = chorus_wrap_layout_get_property;
  object_class->set_property = chorus_wrap_layout_set_property;

  layout_class->get_request_mode = chorus_wrap_layout_get_request_mode;
  layout_class->measure = chorus_wrap_layout_measure;
  layout_class->allocate = chorus_wrap_layout_allocate;

  properties [PROP_SPACING] =
    g_param_spec_uint ("spacing", NULL, NULL,
                       0, G_MAXINT16, 6,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LINE_SPACING] =
    g_param_spec_uint ("line-spacing", NULL, NULL,
                       0, G_MAXINT16, 6,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_wrap_layout_init (ChorusWrapLayout *self)
{
  self->spacing = 6;
  self->line_spacing = 6;
}

/**
 * chorus_wrap_layout_new:
 *
 * Returns: (transfer full): a layout with 6 pixels between children and lines
 */
GtkLayoutManager *
chorus_wrap_layout_new (void)
{
  return g_object_new (CHORUS_TYPE_WRAP_LAYOUT, NULL);
}

guint
chorus_wrap_layout_get_spacing (ChorusWrapLayout *self)
{
  g_return_val_if_fail (CHORUS_IS_WRAP_LAYOUT (self), 0);

  return self->spacing;
}

/**
 * chorus_wrap_layout_set_spacing:
 * @self: a #ChorusWrapLayout
 * @spacing: pixels between two children on a line
 */
void
chorus_wrap_layout_set_spacing (ChorusWrapLayout *self,
                                guint             spacing)
{
  g_return_if_fail (CHORUS_IS_WRAP_LAYOUT (self));

  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

guint
chorus_wrap_layout_get_line_spacing (ChorusWrapLayout *self)
{
  g_return_val_if_fail (CHORUS_IS_WRAP_LAYOUT (self), 0);

  return self->line_spacing;
}

/**
 * chorus_wrap_layout_set_line_spacing:
 * @self: a #ChorusWrapLayout
 * @line_spacing: pixels between two lines
 */
void
chorus_wrap_layout_set_line_spacing (ChorusWrapLayout *self,
                                     guint             line_spacing)
{
  g_return_if_fail (CHORUS_IS_WRAP_LAYOUT (self));

  if (self->line_spacing == line_spacing)
    return;

  self->line_spacing = line_spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_SPACING]);
}
