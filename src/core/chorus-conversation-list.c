/* chorus-conversation-list.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-conversation-list.h"
#include "chorus-store-inbox.h"

/* The inbox as a GListModel that scales to a million posts: a worker thread
 * lists the ordered ids the filter lets through (an index walk, see
 * chorus-inbox-query.c), and each ChorusConversation is built only when a
 * row asks for it. A small cache keeps the rows on screen from being
 * rebuilt on every bind. For another filter, a first page comes first and
 * the rest follows once the first page is drawn, so a search for a common
 * word shows its first rows before all its matches are known. The first load (one index walk: 35 ms
 * at a million posts) and reloads list everything at once: views see the
 * whole list at once, and a reload signals only what changed. */

#define CACHE_LIMIT 512

/* Enough rows to fill a list as tall as a 4K screen (rows are about 86
 * pixels tall): each row of a first page is bound and laid out before the
 * first frame that shows the search, so a longer one only delays it. */
#define FIRST_PAGE 25

struct _ChorusConversationList
{
  GObject       parent_instance;

  ChorusStore       *store;
  ChorusInboxFilter *filter;
  GArray            *ids;
  GHashTable        *cache;          /* id → ChorusConversation */
  gboolean           keep_cache;     /* the next listing is the rest of a first page */
  GArray            *rest_ids;       /* that rest, waiting for rest_idle_id to put it in */
  guint              rest_idle_id;   /* lists the rest, or puts it in */
  GCancellable      *cancellable;
  guint              loading : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChorusConversationList, chorus_conversation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
chorus_conversation_list_get_item_type (GListModel *model)
{
  return CHORUS_TYPE_CONVERSATION;
}

static guint
chorus_conversation_list_get_n_items (GListModel *model)
{
  ChorusConversationList *self = CHORUS_CONVERSATION_LIST (model);

  return self->ids->len;
}

static gpointer
chorus_conversation_list_get_item (GListModel *model,
                                   guint       position)
{
  ChorusConversationList *self = CHORUS_CONVERSATION_LIST (model);
  g_autoptr(GError) error = NULL;
  ChorusConversation *conversation;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);

  if ((conversation = g_hash_table_lookup (self->cache, &id)))
    return g_object_ref (conversation);

  if (!(conversation = chorus_store_load_conversation (self->store, id, &error)))
    {
      /* Deleted since the ids were listed: an empty placeholder keeps the
       * model's promise of an item until the next reload. */
      g_debug ("Conversation %" G_GINT64_FORMAT " vanished: %s", id, error->message);
      conversation = g_object_new (CHORUS_TYPE_CONVERSATION, "id", id, NULL);
    }

  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);

  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (conversation));

  return conversation;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = chorus_conversation_list_get_item_type;
  iface->get_n_items = chorus_conversation_list_get_n_items;
  iface->get_item = chorus_conversation_list_get_item;
}

static void
set_loading (ChorusConversationList *self,
             gboolean                loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Tell views only about the part that changed: ids shared at the start and
 * at the end of both lists keep their rows. */
static void
swap_ids (ChorusConversationList *self,
          GArray                 *ids,
          GPtrArray              *conversations)
{
  g_autoptr(GArray) old_ids = self->ids;
  guint old_len = old_ids->len;
  guint new_len = ids->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;

  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old_ids, gint64, old_len - 1 - suffix) ==
         g_array_index (ids, gint64, new_len - 1 - suffix))
    suffix++;

  self->ids = g_array_ref (ids);

  /* The rest of a list whose first page just came: the rows on screen
   * are as fresh as its conversations, and keep them. */
  if (self->keep_cache)
    self->keep_cache = FALSE;
  else
    g_hash_table_remove_all (self->cache);

  /* A first page brings its conversations: the rows it shows cost the
   * main thread no query. */
  for (guint i = 0; conversations != NULL && i < conversations->len; i++)
    {
      ChorusConversation *conversation = g_ptr_array_index (conversations, i);
      gint64 id = chorus_conversation_get_id (conversation);

      g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (conversation));
    }

  if (old_len - prefix - suffix > 0 || new_len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);

  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Returns: %TRUE if @ids replaced the list; %FALSE if the listing was
 * cancelled (the one that replaced it carries on) or failed. */
static gboolean
apply_listing (ChorusConversationList *self,
               GArray                 *ids,
               GPtrArray              *conversations,
               const GError           *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  if (ids == NULL)
    {
      g_warning ("Could not list conversations: %s", error->message);
      set_loading (self, FALSE);
      return FALSE;
    }

  swap_ids (self, ids, conversations);
  return TRUE;
}

/* The rest of a list whose first page just came is listed, and then put
 * in, when the main loop has nothing more urgent, such as drawing that
 * first page: listing it took a core from the drawing, and when the rest
 * came quickly (a search of a hundred matches), binding and laying out
 * its rows delayed the first frame that showed the search. */
static gboolean
apply_rest_cb (gpointer user_data)
{
  ChorusConversationList *self = user_data;
  g_autoptr(GArray) ids = g_steal_pointer (&self->rest_ids);

  self->rest_idle_id = 0;
  swap_ids (self, ids, NULL);
  set_loading (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
drop_rest (ChorusConversationList *self)
{
  g_clear_handle_id (&self->rest_idle_id, g_source_remove);
  g_clear_pointer (&self->rest_ids, g_array_unref);
}

static void
on_ids_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ChorusConversationList) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = chorus_store_list_conversation_ids_finish (CHORUS_STORE (object), result, &error);

  if (ids != NULL && self->keep_cache)
    {
      drop_rest (self);
      self->rest_ids = g_steal_pointer (&ids);
      self->rest_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_rest_cb, self, NULL);
      return;
    }

  if (apply_listing (self, ids, NULL, error))
    set_loading (self, FALSE);
}

static gboolean
list_rest_cb (gpointer user_data)
{
  ChorusConversationList *self = user_data;

  self->rest_idle_id = 0;
  chorus_store_list_conversation_ids_async (self->store, self->filter, self->cancellable,
                                            on_ids_listed_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
on_first_page_listed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ChorusConversationList) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) conversations = NULL;
  g_autoptr(GError) error = NULL;

  ids = chorus_store_list_first_page_finish (CHORUS_STORE (object), result, &conversations, &error);

  if (!apply_listing (self, ids, conversations, error))
    return;

  /* A short first page is the whole list. Otherwise the rest grows the
   * list behind it: swap_ids() finds the first page unchanged. */
  if (ids->len < FIRST_PAGE)
    set_loading (self, FALSE);
  else
    {
      self->keep_cache = TRUE;
      self->rest_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, list_rest_cb, self, NULL);
    }
}

static void
start_listing (ChorusConversationList *self,
               gboolean                first_page_first)
{
  self->keep_cache = FALSE;
  drop_rest (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  if (first_page_first)
    chorus_store_list_first_page_async (self->store, self->filter, FIRST_PAGE, self->cancellable,
                                        on_first_page_listed_cb, g_object_ref (self));
  else
    chorus_store_list_conversation_ids_async (self->store, self->filter, self->cancellable,
                                              on_ids_listed_cb, g_object_ref (self));
}

static void
chorus_conversation_list_dispose (GObject *object)
{
  ChorusConversationList *self = (ChorusConversationList *)object;

  drop_rest (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (chorus_conversation_list_parent_class)->dispose (object);
}

static void
chorus_conversation_list_finalize (GObject *object)
{
  ChorusConversationList *self = (ChorusConversationList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->filter, chorus_inbox_filter_free);

  G_OBJECT_CLASS (chorus_conversation_list_parent_class)->finalize (object);
}

static void
chorus_conversation_list_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ChorusConversationList *self = CHORUS_CONVERSATION_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_conversation_list_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ChorusConversationList *self = CHORUS_CONVERSATION_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILTER:
      chorus_conversation_list_set_filter (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_conversation_list_class_init (ChorusConversationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_conversation_list_dispose;
  object_class->finalize = chorus_conversation_list_finalize;
  object_class->get_property = chorus_conversation_list_get_property;
  object_class->set_property = chorus_conversation_list_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CHORUS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        CHORUS_TYPE_INBOX_FILTER,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_conversation_list_init (ChorusConversationList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter = chorus_inbox_filter_new ();
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/**
 * chorus_conversation_list_new:
 * @store: the workspace
 *
 * Returns: (transfer full): a list that starts empty and fills itself from
 *   @store; see #ChorusConversationList:loading
 */
ChorusConversationList *
chorus_conversation_list_new (ChorusStore *store)
{
  ChorusConversationList *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);

  self = g_object_new (CHORUS_TYPE_CONVERSATION_LIST, "store", store, NULL);
  start_listing (self, FALSE);

  return self;
}

ChorusStore *
chorus_conversation_list_get_store (ChorusConversationList *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION_LIST (self), NULL);

  return self->store;
}

gboolean
chorus_conversation_list_get_loading (ChorusConversationList *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION_LIST (self), FALSE);

  return self->loading;
}

/**
 * chorus_conversation_list_get_filter:
 *
 * Returns: (transfer none): what the list shows; never %NULL, an empty
 *   filter when it shows everything
 */
const ChorusInboxFilter *
chorus_conversation_list_get_filter (ChorusConversationList *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION_LIST (self), NULL);

  return self->filter;
}

/**
 * chorus_conversation_list_set_filter:
 * @self: a #ChorusConversationList
 * @filter: (nullable): what to show; %NULL for every conversation
 *
 * Lists the conversations @filter lets through instead, cancelling a
 * listing still running: a first page, then the rest. Nothing happens if
 * @filter equals the current one. "mine" means the team member marked as
 * me; with none, it lets nothing through.
 */
void
chorus_conversation_list_set_filter (ChorusConversationList  *self,
                                     const ChorusInboxFilter *filter)
{
  g_return_if_fail (CHORUS_IS_CONVERSATION_LIST (self));

  if (chorus_inbox_filter_equal (self->filter, filter))
    return;

  g_clear_pointer (&self->filter, chorus_inbox_filter_free);
  self->filter = filter != NULL ? chorus_inbox_filter_copy (filter) : chorus_inbox_filter_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);

  /* Set at construction, before there is a store: the first load comes. */
  if (self->store != NULL)
    start_listing (self, TRUE);
}

/**
 * chorus_conversation_list_reload:
 * @self: a #ChorusConversationList
 *
 * Lists the ids again in a worker thread; a reload still running is
 * cancelled.
 */
void
chorus_conversation_list_reload (ChorusConversationList *self)
{
  g_return_if_fail (CHORUS_IS_CONVERSATION_LIST (self));

  start_listing (self, FALSE);
}

/**
 * chorus_conversation_list_refresh:
 * @ids: (element-type gint64): the conversations that changed; empty
 *   when any may have
 *
 * Builds the items of changed conversations again, in place: after a
 * triage change, rows show the new status, assignee or tags without the
 * list being listed again (which would lose the selection and the
 * scroll position).
 */
void
chorus_conversation_list_refresh (ChorusConversationList *self,
                                  GArray                 *ids)
{
  g_autoptr(GHashTable) changed = NULL;

  g_return_if_fail (CHORUS_IS_CONVERSATION_LIST (self));
  g_return_if_fail (ids != NULL);

  if (ids->len == 0)
    {
      g_hash_table_remove_all (self->cache);
      if (self->ids->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, self->ids->len, self->ids->len);
      return;
    }

  changed = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    {
      g_hash_table_remove (self->cache, &g_array_index (ids, gint64, i));
      g_hash_table_add (changed, &g_array_index (ids, gint64, i));
    }

  /* One pass over the list, whatever the number of changes: a row may
   * show a conversation the cache has let go of. */
  for (guint position = 0; position < self->ids->len; position++)
    if (g_hash_table_contains (changed, &g_array_index (self->ids, gint64, position)))
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/**
 * chorus_conversation_list_dup_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids listed, in order
 */
GArray *
chorus_conversation_list_dup_ids (ChorusConversationList *self)
{
  GArray *ids;

  g_return_val_if_fail (CHORUS_IS_CONVERSATION_LIST (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids->len);
  g_array_append_vals (ids, self->ids->data, self->ids->len);

  return ids;
}
