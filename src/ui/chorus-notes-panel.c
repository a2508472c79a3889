/* chorus-notes-panel.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-audit-entry.h"
#include "chorus-format.h"
#include "chorus-note.h"
#include "chorus-notes-panel.h"
#include "chorus-store-team.h"
#include "chorus-store-triage.h"
#include "chorus-team-member.h"
#include "chorus-text.h"
#include "chorus-triage-change.h"

/* One conversation's internal notes and history. Notes are what the team
 * tells itself about a conversation: each shows its author and when it
 * was written, and the person using Chorus can delete their own (after a
 * confirmation, and undoably, like every triage change). A text view
 * below adds a note (the button, or Ctrl+Enter). The "History" expander
 * lists the conversation's audit entries, newest first. Everything loads
 * in workers and again whenever the store says the conversation changed;
 * a newer load cancels an older one. Adding and deleting report through
 * "changed" and "failed", as the triage bar does. */

struct _ChorusNotesPanel
{
  GtkWidget     parent_instance;

  GtkWidget    *box;              /* bound so that disposing unparents it */
  GtkListBox   *notes_list;
  GtkTextView  *note_view;
  GtkButton    *add_button;
  GtkExpander  *history_expander;
  GtkListBox   *history_list;

  ChorusStore  *store;
  gint64        conversation_id;
  gint64        me_id;            /* the member marked as "me", or 0 */
  GListStore   *notes;            /* ChorusNote, oldest first */
  GListStore   *history;          /* ChorusAuditEntry, newest first */
  GCancellable *cancellable;      /* changes; cancelled in dispose */
  GCancellable *load_cancellable; /* the current load */
  guint         loads;
  gboolean      adding;
};

G_DEFINE_FINAL_TYPE (ChorusNotesPanel, chorus_notes_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONVERSATION_ID,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_loads (ChorusNotesPanel *self,
           guint             loads)
{
  gboolean was_loading = self->loads > 0;

  self->loads = loads;
  if (was_loading != (loads > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static char *
dup_draft (ChorusNotesPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
update_actions (ChorusNotesPanel *self)
{
  g_autofree char *draft = dup_draft (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.add",
                                 self->store != NULL && self->conversation_id > 0 &&
                                 !self->adding && *draft != '\0');
}

/* The relative time a row shows, with the full date and clock time as its
 * tooltip. */
static GtkWidget *
make_time_label (gint64 then)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (then);
  g_autofree char *relative = chorus_format_relative_time (g_get_real_time () / G_USEC_PER_SEC, then);
  g_autofree char *date = chorus_format_date (then);
  g_autofree char *clock = local ? g_date_time_format (local, C_("time of today", "%H:%M")) : NULL;
  g_autofree char *full = NULL;
  GtkWidget *label = gtk_label_new (relative);

  /* Translators: when a note was written or a change made: a date, then a clock time. */
  full = g_strdup_printf (C_("date and time", "%s, %s"), date, clock ? clock : "");
  gtk_widget_set_tooltip_text (label, full);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");

  return label;
}

static void on_delete_clicked_cb (ChorusNotesPanel *self,
                                  GtkButton        *button);

static GtkWidget *
make_delete_button (ChorusNotesPanel *self,
                    ChorusNote       *note)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "chorus-note-delete");
  gtk_widget_set_tooltip_text (button, _("Delete Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Note"), -1);
  g_object_set_data_full (G_OBJECT (button), "chorus-note", g_object_ref (note), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);

  return button;
}

static GtkWidget *
make_text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

/* A row of the boxed lists: two lines, the first's end closer to the edge
 * when it holds a button. */
static GtkWidget *
make_row (GtkWidget *first,
          GtkWidget *second,
          int        margin_end)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, margin_end);
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* Notes whose author is the member marked as "me" are the person's own;
 * so are notes written while nobody was marked, when nobody still is. */
static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  ChorusNotesPanel *self = user_data;
  ChorusNote *note = item;
  g_autofree char *author = chorus_text_safe_name (chorus_note_get_author_name (note));
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author_label;
  GtkWidget *time_label = make_time_label (chorus_note_get_created_at (note));
  GtkWidget *body_label = make_text_label (chorus_note_get_body (note));

  /* Translators: the author of a note whose writer is not known. */
  author_label = gtk_label_new (author != NULL && *author != '\0' ? author : C_("note author", "Someone"));
  gtk_label_set_ellipsize (GTK_LABEL (author_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (author_label), 0);
  gtk_widget_add_css_class (author_label, "heading");
  gtk_widget_set_hexpand (time_label, TRUE);
  gtk_box_append (GTK_BOX (header), author_label);
  gtk_box_append (GTK_BOX (header), time_label);
  if (chorus_note_get_author_id (note) == self->me_id)
    gtk_box_append (GTK_BOX (header), make_delete_button (self, note));

  gtk_label_set_selectable (GTK_LABEL (body_label), TRUE);

  return make_row (header, body_label, 8);
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  ChorusAuditEntry *entry = item;

  return make_row (make_text_label (chorus_audit_entry_get_description (entry)),
                   make_time_label (chorus_audit_entry_get_at (entry)), 12);
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* A list the panel could not read is reported like a failed change; the
 * panel keeps what it showed. */
static void
on_list_read (GtkWidget   *widget,
              ChorusStore *store,
              gpointer     target,
              GPtrArray   *items)
{
  ChorusNotesPanel *self = CHORUS_NOTES_PANEL (widget);

  set_loads (self, self->loads - 1);
  if (items != NULL)
    replace_all (target, items);
}

/* Which notes are the person's own decides how their rows look, so the
 * notes are read once the team is. */
static void
on_members_read (GtkWidget   *widget,
                 ChorusStore *store,
                 gpointer     target,
                 GPtrArray   *members)
{
  ChorusNotesPanel *self = CHORUS_NOTES_PANEL (widget);

  set_loads (self, self->loads - 1);
  if (members == NULL)
    return;

  self->me_id = 0;
  for (guint i = 0; i < members->len; i++)
    if (chorus_team_member_get_is_me (g_ptr_array_index (members, i)))
      self->me_id = chorus_team_member_get_id (g_ptr_array_index (members, i));

  set_loads (self, self->loads + 1);
  chorus_store_list_notes_async (store, self->conversation_id, self->load_cancellable, chorus_triage_list_done_cb,
                                 chorus_triage_list_new (widget, chorus_store_list_notes_finish, on_list_read,
                                                         self->notes));
}

static void
reload (ChorusNotesPanel *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->store == NULL || self->conversation_id <= 0)
    {
      set_loads (self, 0);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  self->loads = 0;
  set_loads (self, 2);
  chorus_store_list_team_members_async (self->store, self->load_cancellable, chorus_triage_list_done_cb,
                                        chorus_triage_list_new (GTK_WIDGET (self),
                                                                chorus_store_list_team_members_finish,
                                                                on_members_read, NULL));
  chorus_store_list_audit_async (self->store, self->conversation_id, self->load_cancellable,
                                 chorus_triage_list_done_cb,
                                 chorus_triage_list_new (GTK_WIDGET (self), chorus_store_list_audit_finish,
                                                         on_list_read, self->history));
}

static void
on_conversations_changed_cb (ChorusNotesPanel *self,
                             GArray           *ids)
{
  gboolean named = ids->len == 0;

  for (guint i = 0; !named && i < ids->len; i++)
    named = g_array_index (ids, gint64, i) == self->conversation_id;

  if (named)
    reload (self);
}

static void
after_add (GtkWidget    *widget,
           const GError *error)
{
  ChorusNotesPanel *self = CHORUS_NOTES_PANEL (widget);

  /* The panel went away while the note was being written. */
  if (self->note_view == NULL)
    return;

  self->adding = FALSE;
  if (error == NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  update_actions (self);
}

static void
on_delete_response_cb (ChorusNotesPanel *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  ChorusNote *note = g_object_get_data (G_OBJECT (dialog), "chorus-note");

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;

  chorus_store_delete_note_async (self->store, chorus_note_get_id (note), self->cancellable,
                                  chorus_triage_call_done_cb,
                                  chorus_triage_call_new (GTK_WIDGET (self), chorus_triage_message_note (FALSE),
                                                          NULL));
}

static void
on_delete_clicked_cb (ChorusNotesPanel *self,
                      GtkButton        *button)
{
  ChorusNote *note = g_object_get_data (G_OBJECT (button), "chorus-note");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete Note?"),
                                   _("The note will be deleted for everyone on the team."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("Cancel"),
                                    "delete", _("Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "chorus-note", g_object_ref (note), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChorusNotesPanel *self = CHORUS_NOTES_PANEL (widget);
  g_autofree char *body = dup_draft (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (*body == '\0' || self->adding || self->store == NULL || self->conversation_id <= 0)
    return;

  g_array_append_val (ids, self->conversation_id);
  self->adding = TRUE;
  update_actions (self);
  chorus_store_add_note_async (self->store, ids, body, self->cancellable, chorus_triage_call_done_cb,
                               chorus_triage_call_new (widget, chorus_triage_message_note (TRUE), after_add));
}

static void
on_buffer_changed_cb (ChorusNotesPanel *self)
{
  update_actions (self);
}

static void
chorus_notes_panel_dispose (GObject *object)
{
  ChorusNotesPanel *self = (ChorusNotesPanel *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_NOTES_PANEL);

  g_clear_object (&self->store);
  g_clear_object (&self->notes);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);

  G_OBJECT_CLASS (chorus_notes_panel_parent_class)->dispose (object);
}

static void
chorus_notes_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusNotesPanel *self = CHORUS_NOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONVERSATION_ID:
      g_value_set_int64 (value, self->conversation_id);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, chorus_notes_panel_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_notes_panel_class_init (ChorusNotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_notes_panel_dispose;
  object_class->get_property = chorus_notes_panel_get_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CHORUS_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Whether the notes or the history are being read from the store. */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  chorus_triage_class_add_signals (object_class);

  gtk_widget_class_install_action (widget_class, "notes.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-notes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesPanel, box);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesPanel, notes_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesPanel, note_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesPanel, history_expander);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesPanel, history_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_notes_panel_init (ChorusNotesPanel *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->notes = g_list_store_new (CHORUS_TYPE_NOTE);
  self->history = g_list_store_new (CHORUS_TYPE_AUDIT_ENTRY);
  self->cancellable = g_cancellable_new ();
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (self->notes), create_note_row, self, NULL);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history), create_history_row, self, NULL);

  /* Before the text view's own keys, which would start a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger, gtk_named_action_new ("notes.add")));
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), shortcuts);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/**
 * chorus_notes_panel_new:
 *
 * Returns: (transfer floating): a panel showing no conversation yet
 */
GtkWidget *
chorus_notes_panel_new (void)
{
  return g_object_new (CHORUS_TYPE_NOTES_PANEL, NULL);
}

/**
 * chorus_notes_panel_show:
 * @self: a #ChorusNotesPanel
 * @store: (nullable): the workspace
 * @conversation_id: a conversation of @store, or 0 for none
 *
 * Shows the notes and history of a conversation, which load in workers.
 * A draft written for another conversation is dropped.
 */
void
chorus_notes_panel_show (ChorusNotesPanel *self,
                         ChorusStore      *store,
                         gint64            conversation_id)
{
  g_return_if_fail (CHORUS_IS_NOTES_PANEL (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  if (store != self->store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }

  if (conversation_id != self->conversation_id)
    {
      self->conversation_id = conversation_id;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
      g_list_store_remove_all (self->notes);
      g_list_store_remove_all (self->history);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION_ID]);
    }

  update_actions (self);
  reload (self);
}

/**
 * chorus_notes_panel_get_store:
 * @self: a #ChorusNotesPanel
 *
 * Returns: (transfer none) (nullable): the workspace shown
 */
ChorusStore *
chorus_notes_panel_get_store (ChorusNotesPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_PANEL (self), NULL);

  return self->store;
}

/**
 * chorus_notes_panel_get_conversation_id:
 * @self: a #ChorusNotesPanel
 *
 * Returns: the conversation shown, or 0
 */
gint64
chorus_notes_panel_get_conversation_id (ChorusNotesPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_PANEL (self), 0);

  return self->conversation_id;
}

/**
 * chorus_notes_panel_get_loading:
 * @self: a #ChorusNotesPanel
 *
 * Returns: whether the notes or the history are still being read
 */
gboolean
chorus_notes_panel_get_loading (ChorusNotesPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_PANEL (self), FALSE);

  return self->loads > 0;
}

/**
 * chorus_notes_panel_get_notes:
 * @self: a #ChorusNotesPanel
 *
 * Returns: (transfer none): the #ChorusNote items shown, oldest first
 */
GListModel *
chorus_notes_panel_get_notes (ChorusNotesPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_PANEL (self), NULL);

  return G_LIST_MODEL (self->notes);
}

/**
 * chorus_notes_panel_get_history:
 * @self: a #ChorusNotesPanel
 *
 * Returns: (transfer none): the #ChorusAuditEntry items shown, newest first
 */
GListModel *
chorus_notes_panel_get_history (ChorusNotesPanel *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_PANEL (self), NULL);

  return G_LIST_MODEL (self->history);
}
