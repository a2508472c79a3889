/* chorus-triage-bar.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-store-team.h"
#include "chorus-store-triage.h"
#include "chorus-team-member.h"
#include "chorus-triage-bar-private.h"
#include "chorus-triage-change.h"
#include "chorus-wrap-layout.h"

/* The controls a community team triages the selected conversations with:
 * status, assignee, priority, sentiment, "Mark as Unread", and tags as
 * chips. Every control acts on the whole selection with one bulk store
 * change, which writes one audit entry; "changed" hands its id and a
 * sentence to whoever shows the toast that offers Undo. When the values of
 * the selection differ, a dropdown says so ("Mixed Statuses"). The bar reads its
 * conversations again whenever the store says one of them changed, so it
 * follows undos and changes made elsewhere. Its children wrap like words
 * (ChorusWrapLayout), so it fits a narrow pane as well as a wide one.
 *
 * For keyboard shortcuts, the bar's "triage" action group has
 * triage.done (the first closed status), triage.assign (opens the
 * assignee list), triage.tag (opens "Add Tag…") and triage.unread; use
 * gtk_widget_activate_action() on the bar. */

G_DEFINE_FINAL_TYPE (ChorusTriageBar, chorus_triage_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GArray *
dup_ids (ChorusTriageBar *self)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->conversations->len);

  for (guint i = 0; i < self->conversations->len; i++)
    {
      gint64 id = chorus_conversation_get_id (g_ptr_array_index (self->conversations, i));

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
set_loads (ChorusTriageBar *self,
           guint            loads)
{
  gboolean was_loading = self->loads > 0;

  self->loads = loads;
  if (was_loading != (loads > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* A change that failed may have left a dropdown on the value it asked for. */
static void
after_change (GtkWidget    *widget,
              const GError *error)
{
  if (error != NULL)
    _chorus_triage_bar_refresh (CHORUS_TRIAGE_BAR (widget));
}

static gpointer
call_data (ChorusTriageBar *self,
           char            *message)
{
  return chorus_triage_call_new (GTK_WIDGET (self), message, after_change);
}

static ChorusStatus *
find_status (ChorusTriageBar *self,
             gint64           status_id)
{
  for (guint i = 0; i < self->statuses->len; i++)
    if (chorus_status_get_id (g_ptr_array_index (self->statuses, i)) == status_id)
      return g_ptr_array_index (self->statuses, i);

  return NULL;
}

static const char *
member_name (ChorusTriageBar *self,
             gint64           member_id)
{
  for (guint i = 0; i < self->members->len; i++)
    if (chorus_team_member_get_id (g_ptr_array_index (self->members, i)) == member_id)
      return chorus_team_member_get_name (g_ptr_array_index (self->members, i));

  return NULL;
}

static void
set_status (ChorusTriageBar *self,
            gint64           status_id)
{
  g_autoptr(GArray) ids = dup_ids (self);
  ChorusStatus *status = find_status (self, status_id);
  char *message;

  if (status == NULL || ids->len == 0)
    return;

  message = chorus_triage_message_status (ids->len, chorus_status_get_name (status),
                                          chorus_status_get_closed (status));
  chorus_store_set_status_async (self->store, ids, status_id, self->cancellable,
                                 chorus_triage_call_done_cb, call_data (self, message));
}

static void
set_assignee (ChorusTriageBar *self,
              gint64           member_id)
{
  g_autoptr(GArray) ids = dup_ids (self);
  char *message = chorus_triage_message_assignee (ids->len, member_name (self, member_id));

  chorus_store_set_assignee_async (self->store, ids, member_id, self->cancellable,
                                   chorus_triage_call_done_cb, call_data (self, message));
}

static void
set_priority (ChorusTriageBar *self,
              ChorusPriority   priority)
{
  g_autoptr(GArray) ids = dup_ids (self);
  char *message = chorus_triage_message_priority (ids->len, priority);

  chorus_store_set_priority_async (self->store, ids, priority, self->cancellable,
                                   chorus_triage_call_done_cb, call_data (self, message));
}

static void
on_drop_down_selected_cb (ChorusTriageBar *self,
                          GParamSpec      *pspec,
                          GtkDropDown     *drop_down)
{
  Choice *choice = drop_down == self->status.drop_down ? &self->status
                 : drop_down == self->assignee.drop_down ? &self->assignee
                 : &self->priority;
  guint position = gtk_drop_down_get_selected (drop_down);
  gint64 value;

  if (self->updating || self->conversations->len == 0 || position >= choice->values->len)
    return;

  if ((value = g_array_index (choice->values, gint64, position)) == MIXED)
    return;

  if (choice == &self->status)
    set_status (self, value);
  else if (choice == &self->assignee)
    set_assignee (self, value);
  else
    set_priority (self, (ChorusPriority) value);
}

void
_chorus_triage_bar_remove_tag (ChorusTriageBar *self,
                               GtkButton       *button)
{
  const char *name = g_object_get_data (G_OBJECT (button), "chorus-tag");
  g_autoptr(GArray) ids = dup_ids (self);
  char *message = chorus_triage_message_tag (ids->len, name, FALSE);

  chorus_store_remove_tag_async (self->store, ids, name, self->cancellable,
                                 chorus_triage_call_done_cb, call_data (self, message));
}

static void
on_tag_chosen_cb (ChorusTriageBar *self,
                  const char      *name)
{
  g_autoptr(GArray) ids = dup_ids (self);
  char *message;

  if (ids->len == 0)
    return;

  message = chorus_triage_message_tag (ids->len, name, TRUE);
  chorus_store_add_tag_async (self->store, ids, name, self->cancellable,
                              chorus_triage_call_done_cb, call_data (self, message));
}

typedef void (*ListStart) (ChorusStore          *store,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);

/* Lists of a store the bar no longer shows are dropped. */
static void
on_list_read (GtkWidget   *widget,
              ChorusStore *store,
              gpointer     target,
              GPtrArray   *items)
{
  ChorusTriageBar *self = CHORUS_TRIAGE_BAR (widget);
  GPtrArray **list = target;

  set_loads (self, self->loads - 1);
  if (items == NULL || store != self->store)
    return;

  g_ptr_array_unref (*list);
  *list = g_ptr_array_ref (items);
  _chorus_triage_bar_refresh (self);
}

static void
load_list (ChorusTriageBar         *self,
           ListStart                start,
           ChorusTriageListFinish   finish,
           GPtrArray              **list)
{
  set_loads (self, self->loads + 1);
  start (self->store, self->cancellable, chorus_triage_list_done_cb,
         chorus_triage_list_new (GTK_WIDGET (self), finish, on_list_read, list));
}

static void
load_lists (ChorusTriageBar *self)
{
  load_list (self, chorus_store_list_statuses_async, chorus_store_list_statuses_finish, &self->statuses);
  load_list (self, chorus_store_list_team_members_async, chorus_store_list_team_members_finish,
             &self->members);
  load_list (self, chorus_store_list_tags_async, chorus_store_list_tags_finish, &self->tags);
}

/* A new tag may have been made anywhere since the list was read. */
static void
on_tag_popover_show_cb (ChorusTriageBar *self)
{
  if (self->store != NULL)
    load_list (self, chorus_store_list_tags_async, chorus_store_list_tags_finish, &self->tags);
}

/* Reading a conversation again costs about a quarter of a millisecond on
 * the main thread (a point lookup: see chorus_store_load_conversation()),
 * so a bulk change to a large selection is read back a slice at a time,
 * with frames drawn in between. */
#define STALE_SLICE 32

static void
read_stale (ChorusTriageBar *self)
{
  guint n = MIN (self->stale->len, STALE_SLICE);

  for (guint i = 0; i < n; i++)
    {
      guint position = g_array_index (self->stale, guint, self->stale->len - 1);
      ChorusConversation *conversation = g_ptr_array_index (self->conversations, position);
      gint64 id = chorus_conversation_get_id (conversation);
      g_autoptr(GError) error = NULL;
      ChorusConversation *fresh;

      g_array_set_size (self->stale, self->stale->len - 1);

      /* Deleted meanwhile: the bar keeps what it knew, and a change to it
       * will say that it is gone. */
      if (!(fresh = chorus_store_load_conversation (self->store, id, &error)))
        {
          g_debug ("Conversation %" G_GINT64_FORMAT " could not be read again: %s", id, error->message);
          continue;
        }

      g_ptr_array_index (self->conversations, position) = fresh;
      g_object_unref (conversation);
    }
}

static gboolean
on_stale_idle_cb (gpointer data)
{
  ChorusTriageBar *self = data;

  read_stale (self);
  if (self->stale->len > 0)
    return G_SOURCE_CONTINUE;

  self->stale_id = 0;
  set_loads (self, self->loads - 1);
  _chorus_triage_bar_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
forget_stale (ChorusTriageBar *self)
{
  g_array_set_size (self->stale, 0);
  if (self->stale_id == 0)
    return;

  g_clear_handle_id (&self->stale_id, g_source_remove);
  set_loads (self, self->loads - 1);
}

/* No ids: any conversation may have changed (a status or member renamed:
 * ChorusStore::team-changed reads the lists again). */
static void
on_conversations_changed_cb (ChorusTriageBar *self,
                             GArray          *ids)
{
  g_autoptr(GHashTable) named = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint before = self->stale->len;

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (named, &g_array_index (ids, gint64, i));

  for (guint i = 0; i < self->conversations->len; i++)
    {
      gint64 id = chorus_conversation_get_id (g_ptr_array_index (self->conversations, i));

      if (ids->len == 0 || g_hash_table_contains (named, &id))
        g_array_append_val (self->stale, i);
    }

  /* A slice runs at once, so that a small selection shows the change
   * before the toast about it appears; the idle reads the rest. */
  if (self->stale_id != 0 || self->stale->len == before)
    return;

  read_stale (self);
  if (self->stale->len == 0)
    {
      _chorus_triage_bar_refresh (self);
      return;
    }

  set_loads (self, self->loads + 1);
  self->stale_id = g_idle_add (on_stale_idle_cb, self);
}

static void
done_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ChorusTriageBar *self = user_data;
  ChorusStatus *closed = _chorus_triage_bar_first_closed_status (self);

  if (closed == NULL || _chorus_triage_bar_all_have_status (self, chorus_status_get_id (closed)))
    return;

  set_status (self, chorus_status_get_id (closed));
}

/* GTK 4.8 has no call that opens a dropdown's list; the dropdown's own
 * toggle button does it when it becomes active. */
static void
assign_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ChorusTriageBar *self = user_data;
  GtkWidget *drop_down = GTK_WIDGET (self->assignee.drop_down);

  for (GtkWidget *child = gtk_widget_get_first_child (drop_down);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
}

static void
tag_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  ChorusTriageBar *self = user_data;

  gtk_menu_button_popup (self->add_tag_button);
}

static void
unread_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ChorusTriageBar *self = user_data;
  g_autoptr(GArray) ids = dup_ids (self);
  char *message = chorus_triage_message_unread (ids->len);

  chorus_store_set_read_async (self->store, ids, FALSE, self->cancellable,
                               chorus_triage_call_done_cb, call_data (self, message));
}

static void
sentiment_action (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  ChorusTriageBar *self = user_data;
  ChorusSentiment sentiment = chorus_triage_parse_sentiment (g_variant_get_string (value, NULL));
  g_autoptr(GArray) ids = dup_ids (self);
  char *message;

  g_simple_action_set_state (action, value);
  message = chorus_triage_message_sentiment (ids->len, sentiment);
  chorus_store_set_sentiment_async (self->store, ids, sentiment, self->cancellable,
                                    chorus_triage_call_done_cb, call_data (self, message));
}

static const GActionEntry action_entries[] = {
  { "done", done_action },
  { "assign", assign_action },
  { "tag", tag_action },
  { "unread", unread_action },
  { "sentiment", NULL, "s", "'automatic'", sentiment_action },
};

static void
set_store (ChorusTriageBar *self,
           ChorusStore     *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_set_object (&self->store, store);
  g_ptr_array_set_size (self->statuses, 0);
  g_ptr_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->tags, 0);

  if (store != NULL)
    {
      g_signal_connect_object (store, "conversations-changed", G_CALLBACK (on_conversations_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "team-changed", G_CALLBACK (load_lists), self, G_CONNECT_SWAPPED);
      load_lists (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
chorus_triage_bar_dispose (GObject *object)
{
  ChorusTriageBar *self = (ChorusTriageBar *)object;

  /* Dropdowns losing their models must not look like a person's choice. */
  self->updating = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->stale_id, g_source_remove);

  _chorus_triage_bar_clear_chips (self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "triage", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_TRIAGE_BAR);

  g_clear_object (&self->store);
  g_clear_object (&self->actions);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (chorus_triage_bar_parent_class)->dispose (object);
}

static void
chorus_triage_bar_finalize (GObject *object)
{
  ChorusTriageBar *self = (ChorusTriageBar *)object;

  g_array_unref (self->status.values);
  g_array_unref (self->assignee.values);
  g_array_unref (self->priority.values);
  g_ptr_array_unref (self->chips);
  g_array_unref (self->stale);
  g_ptr_array_unref (self->conversations);
  g_ptr_array_unref (self->statuses);
  g_ptr_array_unref (self->members);
  g_ptr_array_unref (self->tags);
  g_free (self->chips_key);

  G_OBJECT_CLASS (chorus_triage_bar_parent_class)->finalize (object);
}

static void
chorus_triage_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChorusTriageBar *self = CHORUS_TRIAGE_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, chorus_triage_bar_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_choice (GtkWidgetClass *widget_class,
             const char     *drop_down,
             const char     *names,
             gsize           offset)
{
  gtk_widget_class_bind_template_child_full (widget_class, drop_down, FALSE,
                                             offset + G_STRUCT_OFFSET (Choice, drop_down));
  gtk_widget_class_bind_template_child_full (widget_class, names, FALSE,
                                             offset + G_STRUCT_OFFSET (Choice, names));
}

static void
chorus_triage_bar_class_init (ChorusTriageBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_triage_bar_dispose;
  object_class->finalize = chorus_triage_bar_finalize;
  object_class->get_property = chorus_triage_bar_get_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CHORUS_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Whether statuses, members, tags or changed conversations are being
   * read from the store. */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  chorus_triage_class_add_signals (object_class);

  g_type_ensure (CHORUS_TYPE_TAG_POPOVER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-triage-bar.ui");
  bind_choice (widget_class, "status_drop_down", "status_names", G_STRUCT_OFFSET (ChorusTriageBar, status));
  bind_choice (widget_class, "assignee_drop_down", "assignee_names", G_STRUCT_OFFSET (ChorusTriageBar, assignee));
  bind_choice (widget_class, "priority_drop_down", "priority_names", G_STRUCT_OFFSET (ChorusTriageBar, priority));
  gtk_widget_class_bind_template_child (widget_class, ChorusTriageBar, sentiment_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusTriageBar, sentiment_icon);
  gtk_widget_class_bind_template_child (widget_class, ChorusTriageBar, sentiment_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusTriageBar, unread_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusTriageBar, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusTriageBar, tag_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_down_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_chosen_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, CHORUS_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "triagebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
chorus_triage_bar_init (ChorusTriageBar *self)
{
  self->status.values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->assignee.values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->priority.values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->chips = g_ptr_array_new ();
  self->stale = g_array_new (FALSE, FALSE, sizeof (guint));
  self->conversations = g_ptr_array_new_with_free_func (g_object_unref);
  self->statuses = g_ptr_array_new_with_free_func (g_object_unref);
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "triage", G_ACTION_GROUP (self->actions));

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  _chorus_triage_bar_init_why (self);
  _chorus_triage_bar_refresh (self);
}

/**
 * chorus_triage_bar_new:
 *
 * Returns: (transfer floating): a bar acting on no conversation yet
 */
GtkWidget *
chorus_triage_bar_new (void)
{
  return g_object_new (CHORUS_TYPE_TRIAGE_BAR, NULL);
}

/**
 * chorus_triage_bar_set_conversations:
 * @self: a #ChorusTriageBar
 * @store: (nullable): the workspace the conversations are in
 * @conversations: (nullable) (element-type ChorusConversation): the
 *   selection the bar acts on; none makes it insensitive
 *
 * Shows the triage state of @conversations. The bar keeps its own
 * references, and its own fresh copies once the store announces changes.
 */
void
chorus_triage_bar_set_conversations (ChorusTriageBar *self,
                                     ChorusStore     *store,
                                     GPtrArray       *conversations)
{
  g_return_if_fail (CHORUS_IS_TRIAGE_BAR (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  if (store != self->store)
    set_store (self, store);

  forget_stale (self);
  g_ptr_array_set_size (self->conversations, 0);
  for (guint i = 0; store != NULL && conversations != NULL && i < conversations->len; i++)
    {
      g_return_if_fail (CHORUS_IS_CONVERSATION (g_ptr_array_index (conversations, i)));
      g_ptr_array_add (self->conversations, g_object_ref (g_ptr_array_index (conversations, i)));
    }

  _chorus_triage_bar_refresh (self);
}

/**
 * chorus_triage_bar_get_conversations:
 * @self: a #ChorusTriageBar
 *
 * Returns: (transfer none) (element-type ChorusConversation): the
 *   conversations as the bar last read them
 */
GPtrArray *
chorus_triage_bar_get_conversations (ChorusTriageBar *self)
{
  g_return_val_if_fail (CHORUS_IS_TRIAGE_BAR (self), NULL);

  return self->conversations;
}

/**
 * chorus_triage_bar_get_store:
 * @self: a #ChorusTriageBar
 *
 * Returns: (transfer none) (nullable): the workspace the bar acts on
 */
ChorusStore *
chorus_triage_bar_get_store (ChorusTriageBar *self)
{
  g_return_val_if_fail (CHORUS_IS_TRIAGE_BAR (self), NULL);

  return self->store;
}

/**
 * chorus_triage_bar_get_loading:
 * @self: a #ChorusTriageBar
 *
 * Returns: whether the bar is still reading statuses, members, tags or
 *   changed conversations from the store
 */
gboolean
chorus_triage_bar_get_loading (ChorusTriageBar *self)
{
  g_return_val_if_fail (CHORUS_IS_TRIAGE_BAR (self), FALSE);

  return self->loads > 0;
}
