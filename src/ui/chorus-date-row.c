/* chorus-date-row.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-challenge-draft.h"
#include "chorus-date-row.h"
#include "chorus-format.h"

/* A row for one date of a challenge: its title, and a button showing the
 * date that opens a calendar. A picked day becomes its local midnight, or
 * its last second for a row that closes something (end-of-day). A time
 * set from the workspace is kept to the second until a day is picked. */

struct _ChorusDateRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *button;
  GtkCalendar  *calendar;
  gint64        time;
  gboolean      end_of_day;
  gboolean      showing;     /* the calendar is being moved to the time */
};

G_DEFINE_FINAL_TYPE (ChorusDateRow, chorus_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TIME,
  PROP_END_OF_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_time (ChorusDateRow *self)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (self->time);
  g_autofree char *date = chorus_format_date (self->time);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, date,
                                  -1);
  if (local != NULL)
    {
      self->showing = TRUE;
      gtk_calendar_select_day (self->calendar, local);
      self->showing = FALSE;
    }
}

static void
on_calendar_day_selected_cb (ChorusDateRow *self,
                             GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->showing)
    return;

  day = gtk_calendar_get_date (calendar);
  chorus_date_row_set_time (self, chorus_challenge_day_bound (day, self->end_of_day));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
on_title_changed_cb (ChorusDateRow *self,
                     GParamSpec    *pspec,
                     gpointer       user_data)
{
  show_time (self);
}

static void
chorus_date_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChorusDateRow *self = CHORUS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;

    case PROP_END_OF_DAY:
      g_value_set_boolean (value, self->end_of_day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_date_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChorusDateRow *self = CHORUS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      chorus_date_row_set_time (self, g_value_get_int64 (value));
      break;

    case PROP_END_OF_DAY:
      self->end_of_day = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_date_row_class_init (ChorusDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = chorus_date_row_get_property;
  object_class->set_property = chorus_date_row_set_property;

  /**
   * ChorusDateRow:time:
   *
   * The Unix time shown; a picked day sets it to that day's local
   * midnight, or its last second with #ChorusDateRow:end-of-day.
   */
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_OF_DAY] =
    g_param_spec_boolean ("end-of-day", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_date_row_init (ChorusDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  self->calendar = GTK_CALENDAR (calendar);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->button);

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
  self->time = g_get_real_time () / G_USEC_PER_SEC;
  show_time (self);
}

gint64
chorus_date_row_get_time (ChorusDateRow *self)
{
  g_return_val_if_fail (CHORUS_IS_DATE_ROW (self), 0);

  return self->time;
}

void
chorus_date_row_set_time (ChorusDateRow *self,
                          gint64         time)
{
  g_return_if_fail (CHORUS_IS_DATE_ROW (self));

  if (self->time == time)
    return;

  self->time = time;
  show_time (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

gboolean
chorus_date_row_get_end_of_day (ChorusDateRow *self)
{
  g_return_val_if_fail (CHORUS_IS_DATE_ROW (self), FALSE);

  return self->end_of_day;
}
