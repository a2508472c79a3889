/* chorus-person-panel.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-person-panel.h"
#include "chorus-person-panel-private.h"
#include "chorus-store-people.h"
#include "chorus-text.h"
#include "chorus-triage-change.h"

/* The person beside the thread: who wrote the conversation, their
 * accounts on each network (with a link to each profile), the segments
 * the team put them in (pill toggles that write at once), the CRM fields
 * imported for them, the team's notes about them (saved with the button
 * or when the text view loses focus), and every conversation they took
 * part in with how long the brand took to answer. The person and their
 * history load in two workers; a newer load cancels an older one, and the
 * history is read again whenever the store says a conversation changed.
 * Who might be the same person, with Merge and Not the Same, and whether
 * the person asked not to be suggested, load in a third worker
 * (chorus-person-panel-merges.c). Changes report through "changed" and
 * "failed", as the triage bar does, with the audit id that
 * chorus_store_undo_async() takes, so that the toast can undo them. */

G_DEFINE_FINAL_TYPE (ChorusPersonPanel, chorus_person_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
segment_label (guint index)
{
  switch (index)
    {
    case 0:
      return C_("segment", "Advocate");
    case 1:
      return C_("segment", "Detractor");
    case 2:
      return C_("segment", "Influencer");
    case 3:
      return C_("segment", "Employee");
    default:
      return C_("segment", "VIP");
    }
}

void
_chorus_person_panel_set_loads (ChorusPersonPanel *self,
                                guint              loads)
{
  gboolean was_loading = self->loads > 0;

  self->loads = loads;
  if (was_loading != (loads > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_chorus_person_panel_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      /* The placeholder is a child too, but not a row. */
      if (!GTK_IS_LIST_BOX_ROW (child))
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          while (next != NULL && !GTK_IS_LIST_BOX_ROW (next))
            next = gtk_widget_get_next_sibling (next);
          if (next == NULL)
            return;
          child = next;
        }
      gtk_list_box_remove (list, child);
    }
}

static char *
dup_notes_text (ChorusPersonPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_actions (ChorusPersonPanel *self)
{
  g_autofree char *text = dup_notes_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save-notes",
                                 self->person != NULL && g_strcmp0 (text, self->saved_notes) != 0);
}

static void
show_person (ChorusPersonPanel *self,
             ChorusPerson      *person)
{
  GPtrArray *identities = chorus_person_get_identities (person);
  ChorusPersonSegments segments = chorus_person_get_segments (person);
  g_autofree char *display_name = chorus_text_safe_name (chorus_person_get_display_name (person));

  g_set_object (&self->person, person);
  adw_avatar_set_text (self->avatar, display_name);
  gtk_label_set_label (self->name_label, display_name);

  _chorus_person_panel_clear_list (self->identities_list);
  for (guint i = 0; i < identities->len; i++)
    gtk_list_box_append (self->identities_list, _chorus_person_panel_make_identity_row (GTK_WIDGET (self), g_ptr_array_index (identities, i)));

  _chorus_person_panel_clear_list (self->fields_list);
  for (guint i = 0; i < chorus_person_get_n_fields (person); i++)
    {
      const char *name = chorus_person_get_field_name (person, i);
      const char *value = chorus_person_get_field_value (person, i);

      gtk_list_box_append (self->fields_list, _chorus_person_panel_make_field_row (name, value));
    }

  self->updating = TRUE;
  for (guint i = 0; i < CHORUS_PERSON_N_SEGMENTS; i++)
    gtk_toggle_button_set_active (self->segment_buttons[i], (segments & (1 << i)) != 0);
  self->updating = FALSE;

  g_free (self->saved_notes);
  self->saved_notes = g_strdup (chorus_person_get_notes (person));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), self->saved_notes, -1);

  gtk_stack_set_visible_child_name (self->state_stack, "person");
  update_actions (self);
}

/* Says when the list holds only the newest of the person's conversations. */
static void
show_history_more (ChorusPersonPanel   *self,
                   ChorusPersonHistory *history)
{
  g_autofree char *total = chorus_format_count (history->n_conversations);
  g_autofree char *text = NULL;
  gboolean cut = history->n_conversations > history->conversations->len;

  if (cut)
    /* Translators: below a person's conversations; %u is how many are
     * listed, %s how many there are in all, formatted for the locale. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing the newest %u of %s conversation",
                                         "Showing the newest %u of %s conversations",
                                         history->n_conversations),
                            history->conversations->len, total);

  gtk_label_set_label (self->history_more_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->history_more_label), cut);
}

static void
show_history (ChorusPersonPanel   *self,
              ChorusPersonHistory *history)
{
  g_autofree char *median = NULL;
  g_autofree char *text = NULL;

  _chorus_person_panel_clear_list (self->history_list);
  for (guint i = 0; i < history->conversations->len; i++)
    gtk_list_box_append (self->history_list, _chorus_person_panel_make_history_row (g_ptr_array_index (history->conversations, i)));
  self->history_rows = history->conversations->len;

  if (history->median_first_reply >= 0)
    {
      median = chorus_format_duration (history->median_first_reply);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: above a person's conversations; %s is a duration
                                            * such as "2 h"; %u the number of conversations the brand answered. */
                                           "Median first reply: %s (%u conversation answered)",
                                           "Median first reply: %s (%u conversations answered)",
                                           history->replied),
                              median, history->replied);
    }
  else if (history->conversations->len > 0)
    text = g_strdup (_("No conversation of theirs has been answered yet."));

  gtk_label_set_label (self->median_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->median_label), text != NULL);
  show_history_more (self, history);
}

static void
on_person_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ChorusPersonPanel) self = user_data;
  g_autoptr(ChorusPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = chorus_store_load_person_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _chorus_person_panel_set_loads (self, self->loads - 1);
  gtk_spinner_stop (self->spinner);
  if (person == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  show_person (self, person);
}

static void
on_history_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ChorusPersonPanel) self = user_data;
  g_autoptr(ChorusPersonHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  history = chorus_store_list_person_conversations_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _chorus_person_panel_set_loads (self, self->loads - 1);
  if (history == NULL)
    {
      /* The person shows without their history; the toast says why. */
      g_signal_emit_by_name (self, "failed", error);
      return;
    }

  show_history (self, history);
}

static void
load_history (ChorusPersonPanel *self)
{
  _chorus_person_panel_set_loads (self, self->loads + 1);
  chorus_store_list_person_conversations_async (self->store, self->person_id, self->load_cancellable,
                                                on_history_listed_cb, g_object_ref (self));
}

static void
reload (ChorusPersonPanel *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  _chorus_person_panel_set_loads (self, 0);

  if (self->store == NULL || self->person_id <= 0)
    {
      g_clear_object (&self->person);
      _chorus_person_panel_clear_suggestions (self);
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      update_actions (self);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  if (self->person == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
    }
  _chorus_person_panel_set_loads (self, 1);
  chorus_store_load_person_async (self->store, self->person_id, self->load_cancellable,
                                  on_person_loaded_cb, g_object_ref (self));
  load_history (self);
  _chorus_person_panel_load_suggestions (self);
}

/* No ids: anything may have changed, a merge or the undo of a change to
 * a person among them, so the person is read again too. */
static void
on_conversations_changed_cb (ChorusPersonPanel *self,
                             GArray            *ids)
{
  if (ids->len == 0 && self->store != NULL && self->person_id > 0)
    reload (self);
  else if (self->person != NULL && self->loads == 0)
    load_history (self);
}

/* Changes */

typedef struct
{
  ChorusPersonPanel *self;
  char              *message;
  guint              segment;   /* the toggle to turn back on failure, or CHORUS_PERSON_N_SEGMENTS */
} Change;

static void
change_free (Change *change)
{
  g_object_unref (change->self);
  g_free (change->message);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static Change *
change_new (ChorusPersonPanel *self,
            char              *message,
            guint              segment)
{
  Change *change = g_new0 (Change, 1);

  change->self = g_object_ref (self);
  change->message = message;
  change->segment = segment;

  return change;
}

static void
on_change_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Change) change = user_data;
  g_autoptr(GError) error = NULL;
  ChorusPersonPanel *self = change->self;
  gint64 audit_id;

  /* A change that committed is reported even after the panel went away
   * (its template children are gone then). */
  if ((audit_id = chorus_store_person_change_finish (CHORUS_STORE (object), result, &error)) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->state_stack == NULL)
        return;
      if (change->segment < CHORUS_PERSON_N_SEGMENTS)
        {
          GtkToggleButton *button = self->segment_buttons[change->segment];

          self->updating = TRUE;
          gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
          self->updating = FALSE;
        }
      else
        {
          /* The notes were not saved: the button offers it again. */
          g_clear_pointer (&self->saved_notes, g_free);
          update_actions (self);
        }
      g_signal_emit_by_name (self, "failed", error);
      return;
    }

  g_signal_emit_by_name (self, "changed", audit_id, change->message);
}

static void
on_segment_toggled_cb (GtkToggleButton   *button,
                       ChorusPersonPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "chorus-segment"));
  gboolean add = gtk_toggle_button_get_active (button);
  char *message;

  if (self->updating || self->store == NULL || self->person == NULL)
    return;

  if (add)
    /* Translators: a toast; %s is a segment such as "Advocate". */
    message = g_strdup_printf (_("Added to the “%s” segment"), segment_label (index));
  else
    /* Translators: a toast; %s is a segment such as "Advocate". */
    message = g_strdup_printf (_("Removed from the “%s” segment"), segment_label (index));

  chorus_store_set_person_segment_async (self->store, chorus_person_get_id (self->person), 1 << index, add,
                                         FALSE, self->cancellable, on_change_done_cb,
                                         change_new (self, message, index));
}

static void
save_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChorusPersonPanel *self = CHORUS_PERSON_PANEL (widget);
  g_autofree char *text = dup_notes_text (self);

  if (self->store == NULL || self->person == NULL || g_strcmp0 (text, self->saved_notes) == 0)
    return;

  /* Counted as saved now, so that leaving the box again does not write it
   * twice; a failure makes it unsaved again. */
  g_free (self->saved_notes);
  self->saved_notes = g_strdup (text);
  update_actions (self);
  chorus_store_set_person_notes_async (self->store, chorus_person_get_id (self->person), text,
                                       self->cancellable, on_change_done_cb,
                                       change_new (self, g_strdup (_("Notes saved")),
                                                   CHORUS_PERSON_N_SEGMENTS));
}

static void
on_notes_focus_leave_cb (ChorusPersonPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "person.save-notes", NULL);
}

static void
on_notes_changed_cb (ChorusPersonPanel *self)
{
  update_actions (self);
}

static void
build_segment_buttons (ChorusPersonPanel *self)
{
  for (guint i = 0; i < CHORUS_PERSON_N_SEGMENTS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (segment_label (i));

      gtk_widget_add_css_class (button, "chorus-segment");
      g_object_set_data (G_OBJECT (button), "chorus-segment", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_segment_toggled_cb), self, 0);
      gtk_flow_box_append (self->segments_box, button);
      self->segment_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
chorus_person_panel_dispose (GObject *object)
{
  ChorusPersonPanel *self = (ChorusPersonPanel *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_PERSON_PANEL);
  memset (self->segment_buttons, 0, sizeof self->segment_buttons);

  g_clear_object (&self->store);
  g_clear_object (&self->person);
  g_clear_pointer (&self->saved_notes, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->network_badges);

  G_OBJECT_CLASS (chorus_person_panel_parent_class)->dispose (object);
}

static void
chorus_person_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChorusPersonPanel *self = CHORUS_PERSON_PANEL (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loads > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_person_panel_class_init (ChorusPersonPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_person_panel_dispose;
  object_class->get_property = chorus_person_panel_get_property;

  properties [PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Whether the person or their history are being read from the store. */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  chorus_triage_class_add_signals (object_class);

  gtk_widget_class_install_action (widget_class, "person.save-notes", NULL, save_notes_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-person-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, state_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, avatar);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, identities_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, opt_out_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, segments_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, fields_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, median_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, history_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusPersonPanel, history_more_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_person_panel_init (ChorusPersonPanel *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->network_badges = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  build_segment_buttons (self);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_notes_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->median_label), FALSE);
  update_actions (self);
}

/**
 * chorus_person_panel_new:
 *
 * Returns: (transfer floating): a panel showing nobody yet
 */
GtkWidget *
chorus_person_panel_new (void)
{
  return g_object_new (CHORUS_TYPE_PERSON_PANEL, NULL);
}

/**
 * chorus_person_panel_show:
 * @self: a #ChorusPersonPanel
 * @store: (nullable): the workspace
 * @person_id: a person of @store, or 0 for none
 *
 * Shows a person, who loads in workers. Notes edited for the person shown
 * before are saved first.
 */
void
chorus_person_panel_show (ChorusPersonPanel *self,
                          ChorusStore       *store,
                          gint64             person_id)
{
  g_return_if_fail (CHORUS_IS_PERSON_PANEL (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  if (person_id != self->person_id || store != self->store)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "person.save-notes", NULL);
      g_clear_object (&self->person);
      _chorus_person_panel_clear_suggestions (self);
      _chorus_person_panel_clear_list (self->history_list);
      self->history_rows = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->median_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->history_more_label), FALSE);
    }

  if (store != self->store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }

  if (person_id != self->person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }

  reload (self);
}

/**
 * chorus_person_panel_get_person_id:
 * @self: a #ChorusPersonPanel
 *
 * Returns: the person asked for, or 0
 */
gint64
chorus_person_panel_get_person_id (ChorusPersonPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), 0);

  return self->person_id;
}

/**
 * chorus_person_panel_get_person:
 * @self: a #ChorusPersonPanel
 *
 * Returns: (transfer none) (nullable): the person shown, once loaded
 */
ChorusPerson *
chorus_person_panel_get_person (ChorusPersonPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), NULL);

  return self->person;
}

/**
 * chorus_person_panel_get_loading:
 * @self: a #ChorusPersonPanel
 *
 * Returns: whether the person or their history are still being read
 */
gboolean
chorus_person_panel_get_loading (ChorusPersonPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), FALSE);

  return self->loads > 0;
}

/**
 * chorus_person_panel_get_segment_button:
 * @self: a #ChorusPersonPanel
 * @segment: exactly one segment
 *
 * Returns: (transfer none): the pill that puts the person into @segment
 */
GtkToggleButton *
chorus_person_panel_get_segment_button (ChorusPersonPanel    *self,
                                        ChorusPersonSegments  segment)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), NULL);
  g_return_val_if_fail (chorus_person_segment_key (segment) != NULL, NULL);

  for (guint i = 0; i < CHORUS_PERSON_N_SEGMENTS; i++)
    if (segment == (ChorusPersonSegments) (1 << i))
      return self->segment_buttons[i];

  return NULL;
}

/**
 * chorus_person_panel_get_n_history_rows:
 * @self: a #ChorusPersonPanel
 *
 * Returns: how many conversations the history shows
 */
guint
chorus_person_panel_get_n_history_rows (ChorusPersonPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), 0);

  return self->history_rows;
}

/**
 * chorus_person_panel_get_history_row:
 * @self: a #ChorusPersonPanel
 * @index: a row, newest conversation first
 *
 * Returns: (transfer none): the #AdwActionRow of that conversation; its
 *   suffix label says how fast the brand replied
 */
GtkWidget *
chorus_person_panel_get_history_row (ChorusPersonPanel *self,
                                     guint              index)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), NULL);
  g_return_val_if_fail (index < self->history_rows, NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->history_list, (int) index));
}

/**
 * chorus_person_panel_get_median_text:
 * @self: a #ChorusPersonPanel
 *
 * Returns: what the line above the history says (empty when hidden)
 */
const char *
chorus_person_panel_get_median_text (ChorusPersonPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_PERSON_PANEL (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->median_label))
           ? gtk_label_get_label (self->median_label) : "";
}
