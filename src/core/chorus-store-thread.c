/* chorus-store-thread.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-html.h"
#include "chorus-post-private.h"
#include "chorus-store-private.h"
#include "chorus-store-thread.h"

/* A whole conversation for the thread view, read in a worker with three
 * queries whatever its size (posts with their authors, then every media
 * row, then every poll with its options, each a walk of the
 * conversation's index), then put in reading order: a depth-first walk of
 * the reply tree, siblings oldest first. Posts whose parent is not in the
 * workspace start a tree of their own at depth 0, in time order. The walk
 * keeps its own stack, so a chain of thousands of replies costs no
 * recursion. */

#define CHECK_EVERY 1024

enum {
  COL_SUBJECT,
  COL_CONVERSATION_NETWORK,
  COL_ID,
  COL_URI,
  COL_URL,
  COL_NETWORK,
  COL_DISPLAY_NAME,
  COL_HANDLE,
  COL_SERVER,
  COL_AVATAR_URL,
  COL_PROFILE_URL,
  COL_CREATED_AT,
  COL_EDITED_AT,
  COL_LANGUAGE,
  COL_TEXT,
  COL_HTML,
  COL_REPLY_TO_URI,
  COL_IS_OWN,
  COL_LIKE_COUNT,
  COL_REPOST_COUNT,
  COL_REPLY_COUNT,
};

/* The conversation row comes once even when it has no posts, so that an
 * empty thread and a missing one can be told apart. */
static const char posts_sql[] =
  "SELECT " CHORUS_POST_ROW_COLUMNS
  " FROM conversations c"
  " LEFT JOIN posts p ON p.conversation_id = c.id"
  " LEFT JOIN identities i ON i.id = p.author_id"
  " WHERE c.id = ?1"
  " ORDER BY p.id";

static const char media_sql[] =
  "SELECT m.post_id, m.kind, m.url, m.preview_url, m.alt_text, m.width, m.height"
  " FROM posts p JOIN post_media m ON m.post_id = p.id"
  " WHERE p.conversation_id = ?1"
  " ORDER BY m.post_id, m.id";

static const char polls_sql[] =
  "SELECT l.post_id, l.id, l.voters_count, l.expires_at, l.multiple, l.refreshed_at,"
  "       o.title, o.votes"
  " FROM posts p JOIN polls l ON l.post_id = p.id"
  " LEFT JOIN poll_options o ON o.poll_id = l.id"
  " WHERE p.conversation_id = ?1"
  " ORDER BY l.post_id, o.position";

typedef struct
{
  GListModel *posts;
  char       *subject;
} Thread;

static void
thread_free (Thread *thread)
{
  g_clear_object (&thread->posts);
  g_free (thread->subject);
  g_free (thread);
}

static char *
dup_nonempty (sqlite3_stmt *stmt,
              int           column)
{
  char *text = _chorus_sql_dup_text (stmt, column);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* The html column holds markup made safe at ingest. Anything else found
 * there (HTML written by an older version, or by hand) goes through the
 * sanitizer again rather than reaching a label. */
static char *
build_markup (const char *html,
              const char *text,
              const char *base_uri)
{
  char *markup = NULL;

  if (html == NULL)
    return g_markup_escape_text (text != NULL ? text : "", -1);

  if (chorus_post_markup_is_safe (html))
    return g_strdup (html);

  chorus_html_convert_full (html, -1, base_uri, NULL, &markup, NULL);
  return markup;
}

/* A post from a row of CHORUS_POST_ROW_COLUMNS. */
ChorusPost *
_chorus_store_read_post (sqlite3_stmt *stmt)
{
  ChorusPost *post = _chorus_post_new ();
  g_autofree char *handle = NULL;
  g_autofree char *server = NULL;
  g_autofree char *html = NULL;

  post->id = sqlite3_column_int64 (stmt, COL_ID);
  post->uri = _chorus_sql_dup_text (stmt, COL_URI);
  post->url = dup_nonempty (stmt, COL_URL);
  post->network = dup_nonempty (stmt, COL_NETWORK);
  if (post->network == NULL)
    post->network = _chorus_sql_dup_text (stmt, COL_CONVERSATION_NETWORK);
  post->author_name = dup_nonempty (stmt, COL_DISPLAY_NAME);
  handle = _chorus_sql_dup_text (stmt, COL_HANDLE);
  server = _chorus_sql_dup_text (stmt, COL_SERVER);
  post->author_handle = chorus_format_handle (post->network, handle, server);
  post->author_avatar_url = dup_nonempty (stmt, COL_AVATAR_URL);
  post->author_profile_url = dup_nonempty (stmt, COL_PROFILE_URL);
  post->created_at = sqlite3_column_int64 (stmt, COL_CREATED_AT);
  post->edited_at = sqlite3_column_int64 (stmt, COL_EDITED_AT);
  post->language = dup_nonempty (stmt, COL_LANGUAGE);
  post->text = _chorus_sql_dup_text (stmt, COL_TEXT);
  html = _chorus_sql_dup_text (stmt, COL_HTML);
  post->markup = build_markup (html, post->text, post->url);
  post->reply_to_uri = dup_nonempty (stmt, COL_REPLY_TO_URI);
  post->is_own = sqlite3_column_int (stmt, COL_IS_OWN) != 0;
  post->like_count = sqlite3_column_int64 (stmt, COL_LIKE_COUNT);
  post->repost_count = sqlite3_column_int64 (stmt, COL_REPOST_COUNT);
  post->reply_count = sqlite3_column_int64 (stmt, COL_REPLY_COUNT);

  return post;
}

static sqlite3_stmt *
prepare_for (sqlite3     *db,
             const char  *sql,
             gint64       conversation_id,
             GError     **error)
{
  sqlite3_stmt *stmt = _chorus_sql_prepare (db, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, conversation_id);

  return stmt;
}

/* Fills @posts in time order, and @subject; FALSE with @error set when
 * the conversation does not exist or SQLite fails. */
static gboolean
read_posts (GTask      *task,
            sqlite3    *db,
            gint64      conversation_id,
            GPtrArray  *posts,
            char      **subject,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;
  int rc;

  if (!(stmt = prepare_for (db, posts_sql, conversation_id, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!found)
        *subject = dup_nonempty (stmt, COL_SUBJECT);
      found = TRUE;

      if (sqlite3_column_type (stmt, COL_ID) != SQLITE_NULL)
        g_ptr_array_add (posts, _chorus_store_read_post (stmt));

      if (posts->len % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "thread");
      return FALSE;
    }

  if (!found)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                   "No conversation %" G_GINT64_FORMAT, conversation_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_media (sqlite3     *db,
            gint64       conversation_id,
            GHashTable  *by_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = prepare_for (db, media_sql, conversation_id, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 post_id = sqlite3_column_int64 (stmt, 0);
      ChorusPost *post = g_hash_table_lookup (by_id, &post_id);
      g_autofree char *kind = NULL;
      g_autofree char *url = NULL;
      g_autofree char *preview_url = NULL;
      g_autofree char *alt_text = NULL;

      /* A post added after the first query was read. */
      if (post == NULL)
        continue;

      kind = _chorus_sql_dup_text (stmt, 1);
      url = dup_nonempty (stmt, 2);
      preview_url = dup_nonempty (stmt, 3);
      alt_text = dup_nonempty (stmt, 4);
      g_ptr_array_add (post->media,
                       chorus_post_media_new (kind, url, preview_url, alt_text,
                                              sqlite3_column_int (stmt, 5), sqlite3_column_int (stmt, 6)));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "media");
      return FALSE;
    }

  return TRUE;
}

static gint64
column_int64_or (sqlite3_stmt *stmt,
                 int           column,
                 gint64        fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;

  return sqlite3_column_int64 (stmt, column);
}

static gboolean
read_polls (sqlite3     *db,
            gint64       conversation_id,
            GHashTable  *by_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = prepare_for (db, polls_sql, conversation_id, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 post_id = sqlite3_column_int64 (stmt, 0);
      ChorusPost *post = g_hash_table_lookup (by_id, &post_id);
      g_autofree char *title = NULL;

      if (post == NULL)
        continue;

      if (post->poll == NULL)
        post->poll = chorus_post_poll_new (column_int64_or (stmt, 2, -1),
                                           column_int64_or (stmt, 3, 0),
                                           sqlite3_column_int (stmt, 4) != 0,
                                           column_int64_or (stmt, 5, 0));

      /* A poll without options still comes once, from the LEFT JOIN. */
      if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
        continue;

      title = _chorus_sql_dup_text (stmt, 6);
      chorus_post_poll_add_option (post->poll, title, column_int64_or (stmt, 7, -1));
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "polls");
      return FALSE;
    }

  return TRUE;
}

/* Reading order, with depths set. @posts is in time order; the parent of
 * a post is the post its reply_to_uri names, if that is in the thread.
 * Children lists are built newest first by prepending in reverse, so they
 * come out oldest first. A cycle (only possible in bad data) leaves its
 * posts unreached by the walk; they are then walked as roots too. */
static GPtrArray *
order_thread (GPtrArray *posts)
{
  guint n = posts->len;
  g_autoptr(GHashTable) by_uri = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gint *parent = g_new (gint, n);
  g_autofree gint *first_child = g_new (gint, n);
  g_autofree gint *next_sibling = g_new (gint, n);
  g_autofree gboolean *visited = g_new0 (gboolean, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (gint));
  GPtrArray *ordered = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      ChorusPost *post = g_ptr_array_index (posts, i);

      g_hash_table_insert (by_uri, post->uri, GINT_TO_POINTER (i + 1));
      first_child[i] = next_sibling[i] = -1;
    }

  for (guint i = n; i-- > 0;)
    {
      ChorusPost *post = g_ptr_array_index (posts, i);
      gint p = -1;

      if (post->reply_to_uri != NULL)
        p = GPOINTER_TO_INT (g_hash_table_lookup (by_uri, post->reply_to_uri)) - 1;

      parent[i] = p != (gint) i ? p : -1;
      if (parent[i] >= 0)
        {
          next_sibling[i] = first_child[parent[i]];
          first_child[parent[i]] = (gint) i;
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (gint root = 0; root < (gint) n; root++)
      {
        if (visited[root] || (pass == 0 && parent[root] >= 0))
          continue;

        g_array_append_val (stack, root);
        while (stack->len > 0)
          {
            gint i = g_array_index (stack, gint, stack->len - 1);
            ChorusPost *post = g_ptr_array_index (posts, i);

            g_array_set_size (stack, stack->len - 1);
            if (visited[i])
              continue;
            visited[i] = TRUE;

            if (i == root)
              post->depth = 0;
            else
              post->depth = ((ChorusPost *) g_ptr_array_index (posts, parent[i]))->depth + 1;
            g_ptr_array_add (ordered, g_object_ref (post));

            /* Pushed newest first, so that the oldest child is walked next. */
            g_array_set_size (children, 0);
            for (gint c = first_child[i]; c >= 0; c = next_sibling[c])
              g_array_append_val (children, c);
            for (guint k = children->len; k-- > 0;)
              g_array_append_val (stack, g_array_index (children, gint, k));
          }
      }

  return ordered;
}

static void
load_thread_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (source_object);
  gint64 conversation_id = *(gint64 *) task_data;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autofree char *subject = NULL;
  GListStore *store;
  Thread *thread;
  GError *error = NULL;

  if (!read_posts (task, connection->db, conversation_id, posts, &subject, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < posts->len; i++)
    {
      ChorusPost *post = g_ptr_array_index (posts, i);

      g_hash_table_insert (by_id, &post->id, post);
    }

  if (!read_media (connection->db, conversation_id, by_id, &error) ||
      !read_polls (connection->db, conversation_id, by_id, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  ordered = order_thread (posts);
  store = g_list_store_new (CHORUS_TYPE_POST);
  g_list_store_splice (store, 0, 0, ordered->pdata, ordered->len);

  thread = g_new0 (Thread, 1);
  thread->posts = G_LIST_MODEL (store);
  thread->subject = g_steal_pointer (&subject);
  g_task_return_pointer (task, thread, (GDestroyNotify) thread_free);
}

/**
 * chorus_store_load_thread_async:
 * @self: a #ChorusStore
 * @conversation_id: the conversation to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Reads every post of a conversation, with authors, media and polls, in
 * a worker thread, in reading order (see chorus_store_load_thread_finish()).
 */
void
chorus_store_load_thread_async (ChorusStore         *self,
                                gint64               conversation_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_store_load_thread_async);
  g_task_set_task_data (task, g_memdup2 (&conversation_id, sizeof conversation_id), g_free);
  g_task_run_in_thread (task, load_thread_worker);
}

/**
 * chorus_store_load_thread_finish:
 * @self: a #ChorusStore
 * @result: the #GAsyncResult given to the callback
 * @subject: (out) (optional) (nullable) (transfer full): the conversation's
 *   subject (a forum topic's title, a feed entry's), or %NULL
 * @error: a location for a #GError
 *
 * The posts come as a depth-first walk of the reply tree, replies oldest
 * first, each with its depth (0 for the root and for posts whose parent is
 * not in the workspace, which follow in time order).
 *
 * Returns: (transfer full): a #GListModel of #ChorusPost, or %NULL with
 *   @error set (%CHORUS_ERROR_NOT_FOUND when the conversation does not exist)
 */
GListModel *
chorus_store_load_thread_finish (ChorusStore   *self,
                                 GAsyncResult  *result,
                                 char         **subject,
                                 GError       **error)
{
  Thread *thread;
  GListModel *posts;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!(thread = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  posts = g_steal_pointer (&thread->posts);
  if (subject != NULL)
    *subject = g_steal_pointer (&thread->subject);
  thread_free (thread);

  return posts;
}
