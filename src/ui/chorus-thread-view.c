/* chorus-thread-view.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-outbox-item.h"
#include "chorus-post-row.h"
#include "chorus-store-thread.h"
#include "chorus-text.h"
#include "chorus-thread-view.h"

/* A whole conversation, in reading order: a header naming it, with "Open
 * Original", over a list of its posts. A GtkListView keeps threads of
 * thousands of posts smooth: only the rows on screen exist, and they are
 * recycled. Posts load in a worker; a newer request cancels an older one.
 * Every link and media address the rows want opened comes through
 * chorus_thread_view_open_uri(), which checks the scheme and emits
 * "open-uri"; its default handler shows the address in the browser. Likes
 * and reposts the rows ask for go out as "like-requested" and
 * "repost-requested", for whoever queues them (the reply composer), which
 * then tells the view what the outbox holds
 * (chorus_thread_view_set_outbox_items()). */

struct _ChorusThreadView
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkLabel           *title_label;
  GtkLabel           *network_label;
  GtkLabel           *count_label;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkSingleSelection *selection;

  ChorusMediaCache   *media_cache;
  ChorusStore        *store;
  gint64              conversation_id;
  GListModel         *posts;
  GCancellable       *cancellable;
  GPtrArray          *rows;              /* ChorusPostRow, set up by the factory */
  GHashTable         *liked;             /* post ids, with a like queued or sent */
  GHashTable         *reposted;          /* the same for reposts */
  gboolean            cannot_act;        /* the source cannot like or repost (a sample) */
};

G_DEFINE_FINAL_TYPE (ChorusThreadView, chorus_thread_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEDIA_CACHE,
  PROP_STORE,
  PROP_CONVERSATION_ID,
  PROP_LOADING,
  PROP_POSTS,
  N_PROPS
};

enum {
  OPEN_URI,
  LIKE_REQUESTED,
  REPOST_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char * const network_classes[] = { "mastodon", "bluesky", "discourse", "feed", NULL };

static void
set_page (ChorusThreadView *self,
          const char       *name)
{
  gboolean was_loading = chorus_thread_view_get_loading (self);
  gboolean loading = g_strcmp0 (name, "loading") == 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, loading);

  if (was_loading != loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static ChorusPost *
dup_post (ChorusThreadView *self,
          guint             position)
{
  if (self->posts == NULL)
    return NULL;

  return g_list_model_get_item (self->posts, position);
}

static void
update_actions (ChorusThreadView *self)
{
  g_autofree char *uri = chorus_thread_view_dup_original_uri (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "thread.open-original", uri != NULL);
}

/* The subject, or else who started the conversation, as letters that
 * cannot turn the header around; one that was nothing but invisible
 * characters is no title. */
static char *
dup_title (const char *subject,
           ChorusPost *root)
{
  const char *candidates[] = { subject, root ? chorus_post_get_author_name (root) : NULL,
                               root ? chorus_post_get_author_handle (root) : NULL };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *title = chorus_text_safe_name (candidates[i]);

      if (title != NULL && *title != '\0')
        return g_steal_pointer (&title);
    }

  return g_strdup (_("Conversation"));
}

static void
update_header (ChorusThreadView *self,
               const char       *subject)
{
  g_autoptr(ChorusPost) root = dup_post (self, 0);
  guint n_posts = g_list_model_get_n_items (self->posts);
  const char *network = root ? chorus_post_get_network (root) : NULL;
  g_autofree char *count = chorus_format_count (n_posts);
  g_autofree char *count_text = NULL;
  g_autofree char *title = dup_title (subject, root);

  gtk_label_set_label (self->title_label, title);

  for (guint i = 0; network_classes[i]; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->network_label), network_classes[i]);
  if (network != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->network_label), network);
  gtk_label_set_label (self->network_label, chorus_format_network (network));

  /* Translators: how many posts a conversation has; %s is a number formatted for the locale. */
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s post", "%s posts", n_posts), count);
  gtk_label_set_label (self->count_label, count_text);
}

static void
show_error (ChorusThreadView *self,
            const GError     *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
    description = g_strdup (_("It is no longer in this workspace."));
  else
    /* Translators: %s says what went wrong, in the system's words. */
    description = g_strdup_printf (_("The workspace could not be read: %s"), error->message);

  adw_status_page_set_description (self->error_page, description);
  set_page (self, "error");
}

static void
on_thread_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ChorusThreadView) self = user_data;
  g_autoptr(GListModel) posts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;

  posts = chorus_store_load_thread_finish (CHORUS_STORE (object), result, &subject, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (posts == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->posts, posts);
  gtk_single_selection_set_model (self->selection, posts);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  update_header (self, subject);
  update_actions (self);
  set_page (self, g_list_model_get_n_items (posts) > 0 ? "thread" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTS]);
}

/* Thumbnails only go to the media folder of the workspace shown. */
static ChorusMediaCache *
get_usable_cache (ChorusThreadView *self)
{
  if (self->media_cache == NULL || chorus_media_cache_get_store (self->media_cache) != self->store)
    return NULL;

  return self->media_cache;
}

static void
on_row_open_uri_cb (ChorusPostRow    *row,
                    const char       *uri,
                    ChorusThreadView *self)
{
  chorus_thread_view_open_uri (self, uri);
}

static void
on_row_like_requested_cb (ChorusPostRow    *row,
                          gint64            post_id,
                          ChorusThreadView *self)
{
  g_signal_emit (self, signals[LIKE_REQUESTED], 0, post_id);
}

static void
on_row_repost_requested_cb (ChorusPostRow    *row,
                            gint64            post_id,
                            ChorusThreadView *self)
{
  g_signal_emit (self, signals[REPOST_REQUESTED], 0, post_id);
}

static void
update_acted (ChorusThreadView *self,
              ChorusPostRow    *row)
{
  ChorusPost *post = chorus_post_row_get_post (row);
  gint64 id = post != NULL ? chorus_post_get_id (post) : 0;

  chorus_post_row_set_acted (row, !self->cannot_act, g_hash_table_contains (self->liked, &id),
                             g_hash_table_contains (self->reposted, &id));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ChorusThreadView         *self)
{
  GtkWidget *row = chorus_post_row_new ();

  g_signal_connect_object (row, "open-uri", G_CALLBACK (on_row_open_uri_cb), self, 0);
  g_signal_connect_object (row, "like-requested", G_CALLBACK (on_row_like_requested_cb), self, 0);
  g_signal_connect_object (row, "repost-requested", G_CALLBACK (on_row_repost_requested_cb), self, 0);
  g_ptr_array_add (self->rows, g_object_ref (row));
  gtk_list_item_set_child (item, row);
}

static void
on_factory_teardown_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        ChorusThreadView         *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  /* Also while the view is disposed, its list going first. */
  if (row != NULL && self->rows != NULL)
    g_ptr_array_remove_fast (self->rows, row);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ChorusThreadView         *self)
{
  ChorusPostRow *row = CHORUS_POST_ROW (gtk_list_item_get_child (item));

  chorus_post_row_set_post (row, NULL);
  chorus_post_row_set_media_cache (row, get_usable_cache (self));
  chorus_post_row_set_post (row, gtk_list_item_get_item (item));
  update_acted (self, row);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ChorusThreadView         *self)
{
  chorus_post_row_set_post (CHORUS_POST_ROW (gtk_list_item_get_child (item)), NULL);
}

static gboolean
chorus_thread_view_real_open_uri (ChorusThreadView *self,
                                  const char       *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static void
open_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChorusThreadView *self = CHORUS_THREAD_VIEW (widget);
  g_autofree char *uri = chorus_thread_view_dup_original_uri (self);

  if (uri != NULL)
    chorus_thread_view_open_uri (self, uri);
}

static void
chorus_thread_view_dispose (GObject *object)
{
  ChorusThreadView *self = (ChorusThreadView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_THREAD_VIEW);
  g_clear_object (&self->posts);
  g_clear_object (&self->store);
  g_clear_object (&self->media_cache);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->liked, g_hash_table_unref);
  g_clear_pointer (&self->reposted, g_hash_table_unref);

  G_OBJECT_CLASS (chorus_thread_view_parent_class)->dispose (object);
}

static void
chorus_thread_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusThreadView *self = CHORUS_THREAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEDIA_CACHE:
      g_value_set_object (value, self->media_cache);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONVERSATION_ID:
      g_value_set_int64 (value, self->conversation_id);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, chorus_thread_view_get_loading (self));
      break;

    case PROP_POSTS:
      g_value_set_object (value, self->posts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_thread_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusThreadView *self = CHORUS_THREAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEDIA_CACHE:
      chorus_thread_view_set_media_cache (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_thread_view_class_init (ChorusThreadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_thread_view_dispose;
  object_class->get_property = chorus_thread_view_get_property;
  object_class->set_property = chorus_thread_view_set_property;

  properties [PROP_MEDIA_CACHE] =
    g_param_spec_object ("media-cache", NULL, NULL,
                         CHORUS_TYPE_MEDIA_CACHE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CHORUS_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_POSTS] =
    g_param_spec_object ("posts", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChorusThreadView::open-uri:
   * @self: the thread view
   * @uri: an http, https or mailto address
   *
   * Emitted for a link, a media tile or "Open Original". The default
   * handler opens @uri in the browser; a handler that returns %TRUE
   * opens it some other way (or not at all) instead.
   *
   * Returns: %TRUE when @uri has been dealt with
   */
  signals [OPEN_URI] =
    g_signal_new_class_handler ("open-uri",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (chorus_thread_view_real_open_uri),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /**
   * ChorusThreadView::like-requested:
   * @self: the thread view
   * @post_id: the post whose Like (Favourite) was pressed
   */
  signals [LIKE_REQUESTED] =
    g_signal_new ("like-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ChorusThreadView::repost-requested:
   * @self: the thread view
   * @post_id: the post whose Repost (Boost) was pressed
   */
  signals [REPOST_REQUESTED] =
    g_signal_new ("repost-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CHORUS_TYPE_POST_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-thread-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, network_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, list_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusThreadView, selection);

  gtk_widget_class_install_action (widget_class, "thread.open-original", NULL, open_original_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_thread_view_init (ChorusThreadView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->liked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->reposted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (on_factory_teardown_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  set_page (self, "none");
}

/**
 * chorus_thread_view_new:
 * @media_cache: (nullable): where avatars and thumbnails come from, for
 *   the window's workspace
 *
 * Returns: (transfer floating): a new, empty thread view
 */
GtkWidget *
chorus_thread_view_new (ChorusMediaCache *media_cache)
{
  g_return_val_if_fail (!media_cache || CHORUS_IS_MEDIA_CACHE (media_cache), NULL);

  return g_object_new (CHORUS_TYPE_THREAD_VIEW, "media-cache", media_cache, NULL);
}

/**
 * chorus_thread_view_get_media_cache:
 *
 * Returns: (transfer none) (nullable): where avatars and thumbnails come from
 */
ChorusMediaCache *
chorus_thread_view_get_media_cache (ChorusThreadView *self)
{
  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (self), NULL);

  return self->media_cache;
}

/**
 * chorus_thread_view_set_media_cache:
 * @self: a #ChorusThreadView
 * @media_cache: (nullable): the cache of the workspace shown; images of a
 *   thread from another workspace show as placeholders
 */
void
chorus_thread_view_set_media_cache (ChorusThreadView *self,
                                    ChorusMediaCache *media_cache)
{
  g_return_if_fail (CHORUS_IS_THREAD_VIEW (self));
  g_return_if_fail (!media_cache || CHORUS_IS_MEDIA_CACHE (media_cache));

  if (g_set_object (&self->media_cache, media_cache))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_CACHE]);
}

/**
 * chorus_thread_view_show:
 * @self: a #ChorusThreadView
 * @store: (nullable): the workspace, or %NULL to show nothing
 * @conversation_id: the conversation to show
 *
 * Loads the conversation and shows it once it is read, a spinner until
 * then, or what went wrong.
 */
void
chorus_thread_view_show (ChorusThreadView *self,
                         ChorusStore      *store,
                         gint64            conversation_id)
{
  g_return_if_fail (CHORUS_IS_THREAD_VIEW (self));
  g_return_if_fail (!store || CHORUS_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->posts);
  g_hash_table_remove_all (self->liked);
  g_hash_table_remove_all (self->reposted);
  g_set_object (&self->store, store);
  self->conversation_id = store != NULL ? MAX (conversation_id, 0) : 0;
  update_actions (self);

  if (self->store == NULL || self->conversation_id == 0)
    set_page (self, "none");
  else
    {
      self->cancellable = g_cancellable_new ();
      set_page (self, "loading");
      chorus_store_load_thread_async (self->store, self->conversation_id, self->cancellable,
                                      on_thread_loaded_cb, g_object_ref (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTS]);
}

/**
 * chorus_thread_view_get_store:
 *
 * Returns: (transfer none) (nullable): the workspace of the thread shown
 */
ChorusStore *
chorus_thread_view_get_store (ChorusThreadView *self)
{
  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (self), NULL);

  return self->store;
}

gint64
chorus_thread_view_get_conversation_id (ChorusThreadView *self)
{
  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (self), 0);

  return self->conversation_id;
}

gboolean
chorus_thread_view_get_loading (ChorusThreadView *self)
{
  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0;
}

/**
 * chorus_thread_view_get_posts:
 *
 * Returns: (transfer none) (nullable): the #ChorusPost items shown, in
 *   reading order, once loaded
 */
GListModel *
chorus_thread_view_get_posts (ChorusThreadView *self)
{
  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (self), NULL);

  return self->posts;
}

/**
 * chorus_thread_view_dup_original_uri:
 * @self: a #ChorusThreadView
 *
 * What "Open Original" opens: the selected post's page on its network,
 * or else the first post's.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL when there is none
 */
char *
chorus_thread_view_dup_original_uri (ChorusThreadView *self)
{
  g_autoptr(ChorusPost) post = NULL;
  guint selected;

  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (self), NULL);

  selected = gtk_single_selection_get_selected (self->selection);
  post = dup_post (self, selected != GTK_INVALID_LIST_POSITION ? selected : 0);

  if (post == NULL || !chorus_post_link_is_safe (chorus_post_get_url (post)))
    return NULL;

  return g_strdup (chorus_post_get_url (post));
}

/**
 * chorus_thread_view_open_uri:
 * @self: a #ChorusThreadView
 * @uri: an address from a post
 *
 * Emits #ChorusThreadView::open-uri for @uri, unless it is anything but
 * an http, https or mailto address.
 *
 * Returns: whether @uri was opened
 */
gboolean
chorus_thread_view_open_uri (ChorusThreadView *self,
                             const char       *uri)
{
  gboolean handled = FALSE;

  g_return_val_if_fail (CHORUS_IS_THREAD_VIEW (self), FALSE);

  if (!chorus_post_link_is_safe (uri))
    {
      g_debug ("Not opening a link that is not http, https or mailto");
      return FALSE;
    }

  g_signal_emit (self, signals[OPEN_URI], 0, uri, &handled);
  return handled;
}

/**
 * chorus_thread_view_set_outbox_items:
 * @self: a #ChorusThreadView
 * @items: (element-type ChorusOutboxItem): what the outbox holds about the
 *   conversation shown, whatever its state
 *
 * Presses the Like and Repost buttons of the posts liked or reposted,
 * about to be, or failed to be (until the item is cancelled), and
 * releases the others.
 */
void
chorus_thread_view_set_outbox_items (ChorusThreadView *self,
                                     GPtrArray        *items)
{
  g_return_if_fail (CHORUS_IS_THREAD_VIEW (self));
  g_return_if_fail (items != NULL);

  if (self->rows == NULL)
    return;

  g_hash_table_remove_all (self->liked);
  g_hash_table_remove_all (self->reposted);
  for (guint i = 0; i < items->len; i++)
    {
      ChorusOutboxItem *item = g_ptr_array_index (items, i);
      ChorusOutboxState state = chorus_outbox_item_get_state (item);
      ChorusOutboxKind kind = chorus_outbox_item_get_kind (item);
      gint64 post_id = chorus_outbox_item_get_target_post_id (item);

      /* A failed one is retried or cancelled from the composer's list. */
      if (state == CHORUS_OUTBOX_STATE_CANCELLED || post_id == 0)
        continue;
      if (kind == CHORUS_OUTBOX_KIND_LIKE)
        g_hash_table_add (self->liked, g_memdup2 (&post_id, sizeof post_id));
      else if (kind == CHORUS_OUTBOX_KIND_REPOST)
        g_hash_table_add (self->reposted, g_memdup2 (&post_id, sizeof post_id));
    }

  for (guint i = 0; i < self->rows->len; i++)
    update_acted (self, g_ptr_array_index (self->rows, i));
}

/**
 * chorus_thread_view_set_can_act:
 * @self: a #ChorusThreadView
 * @can_act: whether the conversation's source can like and repost; the
 *   reply composer knows (a sample source cannot send anything)
 *
 * Shows or hides the posts' Like and Repost buttons.
 */
void
chorus_thread_view_set_can_act (ChorusThreadView *self,
                                gboolean          can_act)
{
  g_return_if_fail (CHORUS_IS_THREAD_VIEW (self));

  if (self->cannot_act == !can_act)
    return;

  self->cannot_act = !can_act;
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    update_acted (self, g_ptr_array_index (self->rows, i));
}
