/* test-thread.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The thread model on a real workspace: chorus_store_load_thread_async()
 * puts nested replies in reading order with their depths, keeps posts
 * whose parent is missing, attaches media and polls, makes every post's
 * markup safe, and orders a 2,000-post thread exactly as a plain
 * recursive walk does. Also the poll's shares and status line, and the
 * markup and link checks, which are pure functions. */

#include <string.h>

#include <sqlite3.h>

#include "chorus-error.h"
#include "chorus-post.h"
#include "chorus-store-private.h"
#include "chorus-store-thread.h"
#include "chorus-test-util.h"

#define BASE_TIME G_GINT64_CONSTANT (1700000000)
#define N_LARGE 2000

typedef struct
{
  ChorusTestWorkspace workspace;
  ChorusStore *store;
  sqlite3 *db;
} Fixture;

/* One post of a hand-made thread: its name makes its uri, @parent names
 * the post it answers ("gone" is not in the workspace). */
typedef struct
{
  const char *name;
  gint64      time;
  const char *parent;
  int         author;     /* an identity of chorus_test_seed_people() */
  gboolean    own;
  const char *text;
  const char *html;
} PostSpec;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "thread.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->db = chorus_test_db_open (f->workspace.path, SQLITE_OPEN_READWRITE, 5000);
  chorus_test_seed_people (f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->db, sqlite3_close);
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove_all (&f->workspace);
}

static char *
uri_of (const char *name)
{
  return g_strdup_printf ("https://social.example/users/x/statuses/%s", name);
}

static gint64
key_of (gint64 time,
        guint  tie)
{
  return ((BASE_TIME + time) << CHORUS_POST_KEY_SHIFT) + tie;
}

static void
add_conversation (sqlite3    *db,
                  gint64      id,
                  const char *subject)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO conversations (id, network, root_uri, subject,"
                                       " started_at, last_activity_at) VALUES (?1, 'mastodon', ?2, ?3, ?4, ?4)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, g_strdup_printf ("conversation:%" G_GINT64_FORMAT, id), -1, g_free);
  sqlite3_bind_text (stmt, 3, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, BASE_TIME);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
add_post (sqlite3        *db,
          gint64          conversation_id,
          const PostSpec *spec,
          guint           tie)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO posts (id, conversation_id, uri, url, author_id, created_at,"
                                       " text, html, reply_to_uri, is_own, like_count, repost_count, reply_count,"
                                       " language, edited_at)"
                                       " VALUES (?1, ?2, ?3, ?3 || '/web', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                       " 'en', ?13)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, key_of (spec->time, tie));
  sqlite3_bind_int64 (stmt, 2, conversation_id);
  sqlite3_bind_text (stmt, 3, uri_of (spec->name), -1, g_free);
  sqlite3_bind_int (stmt, 4, spec->author);
  sqlite3_bind_int64 (stmt, 5, BASE_TIME + spec->time);
  sqlite3_bind_text (stmt, 6, spec->text ? spec->text : spec->name, -1, SQLITE_STATIC);
  if (spec->html != NULL)
    sqlite3_bind_text (stmt, 7, spec->html, -1, SQLITE_STATIC);
  if (spec->parent != NULL)
    sqlite3_bind_text (stmt, 8, uri_of (spec->parent), -1, g_free);
  sqlite3_bind_int (stmt, 9, spec->own);
  sqlite3_bind_int64 (stmt, 10, spec->time * 3);
  sqlite3_bind_int64 (stmt, 11, spec->time * 2);
  sqlite3_bind_int64 (stmt, 12, spec->time);
  if (spec->time % 2 == 1)
    sqlite3_bind_int64 (stmt, 13, BASE_TIME + spec->time + 60);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static GListModel *
load_thread (ChorusStore  *store,
             gint64        conversation_id,
             char        **subject,
             GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_store_load_thread_async (store, conversation_id, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);

  return chorus_store_load_thread_finish (store, result, subject, error);
}

static ChorusPost *
post_at (GListModel *model,
         guint       position)
{
  ChorusPost *post = g_list_model_get_item (model, position);

  g_assert_nonnull (post);
  g_object_unref (post);       /* the model keeps it */
  return post;
}

/* Nested replies, siblings inserted out of order, a reply to a post that
 * is not in the workspace, a second root, and every field of a post. */
static const PostSpec nested[] = {
  { "c", 3, "r", 3, FALSE, "Third answer", NULL },
  { "r", 0, NULL, 1, FALSE, "Fish & chips <3", NULL },
  { "a1a", 6, "a1", 4, FALSE, NULL, NULL },
  { "b", 2, "r", 2, TRUE, "Brand answer", "<b>Brand</b> answer <a href=\"https://tallpine.example/\">here</a>" },
  { "a", 1, "r", 2, FALSE, NULL, NULL },
  { "o", 7, "gone", 3, FALSE, NULL, NULL },
  { "a1", 4, "a", 1, FALSE, NULL, NULL },
  { "n", 9, NULL, 4, FALSE, NULL, NULL },
  { "b1", 5, "b", 1, FALSE, NULL, NULL },
  { "o1", 8, "o", 2, FALSE, NULL, NULL },
};

static void
test_nested (Fixture       *f,
             gconstpointer  data)
{
  static const char * const order[] = { "r", "a", "a1", "a1a", "b", "b1", "c", "o", "o1", "n" };
  static const guint depths[] = { 0, 1, 2, 3, 1, 2, 1, 0, 1, 0 };
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  ChorusPost *post;

  add_conversation (f->db, 7, "Zipper broke");
  for (guint i = 0; i < G_N_ELEMENTS (nested); i++)
    add_post (f->db, 7, &nested[i], 0);

  model = load_thread (f->store, 7, &subject, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (subject, ==, "Zipper broke");
  g_assert_true (g_list_model_get_item_type (model) == CHORUS_TYPE_POST);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (order));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *uri = uri_of (order[i]);

      post = post_at (model, i);
      g_assert_cmpstr (chorus_post_get_uri (post), ==, uri);
      g_assert_cmpuint (chorus_post_get_depth (post), ==, depths[i]);
    }

  /* The root: Ana on Mastodon, text escaped into markup. */
  post = post_at (model, 0);
  g_assert_cmpint (chorus_post_get_id (post), ==, key_of (0, 0));
  g_assert_cmpstr (chorus_post_get_author_name (post), ==, "Ana Lima");
  g_assert_cmpstr (chorus_post_get_author_handle (post), ==, "@ana@social.example");
  g_assert_cmpstr (chorus_post_get_network (post), ==, "mastodon");
  g_assert_cmpstr (chorus_post_get_text (post), ==, "Fish & chips <3");
  g_assert_cmpstr (chorus_post_get_markup (post), ==, "Fish &amp; chips &lt;3");
  g_assert_cmpint (chorus_post_get_created_at (post), ==, BASE_TIME);
  g_assert_cmpint (chorus_post_get_edited_at (post), ==, 0);
  g_assert_null (chorus_post_get_reply_to_uri (post));
  g_assert_false (chorus_post_get_is_own (post));
  g_assert_cmpuint (chorus_post_get_media (post)->len, ==, 0);
  g_assert_null (chorus_post_get_poll (post));

  /* The brand's answer: Bo on Bluesky, markup kept as it is. */
  post = post_at (model, 4);
  g_assert_cmpstr (chorus_post_get_author_name (post), ==, "Bo Chen");
  g_assert_cmpstr (chorus_post_get_author_handle (post), ==, "@bo.bsky.social");
  g_assert_cmpstr (chorus_post_get_network (post), ==, "bluesky");
  g_assert_true (chorus_post_get_is_own (post));
  g_assert_cmpstr (chorus_post_get_markup (post), ==,
                   "<b>Brand</b> answer <a href=\"https://tallpine.example/\">here</a>");
  g_assert_cmpint (chorus_post_get_like_count (post), ==, 6);
  g_assert_cmpint (chorus_post_get_repost_count (post), ==, 4);
  g_assert_cmpint (chorus_post_get_reply_count (post), ==, 2);
  g_assert_cmpstr (chorus_post_get_language (post), ==, "en");

  /* An edited reply to a post that is not in the workspace. */
  post = post_at (model, 7);
  g_assert_cmpuint (chorus_post_get_depth (post), ==, 0);
  g_assert_cmpint (chorus_post_get_edited_at (post), ==, BASE_TIME + 7 + 60);
  g_assert_true (g_str_has_suffix (chorus_post_get_reply_to_uri (post), "/gone"));
  g_assert_true (g_str_has_suffix (chorus_post_get_url (post), "/o/web"));
}

/* Inserts a row of @columns into @table for the post @post_name, whose
 * id comes first; returns the new row's id. */
static gint64
add_to_post (sqlite3    *db,
             const char *table,
             const char *columns,
             const char *post_name,
             const char *values)
{
  g_autofree char *uri = uri_of (post_name);

  chorus_test_db_exec (db, "INSERT INTO %s (post_id, %s) SELECT id, %s FROM posts WHERE uri = '%s'",
                       table, columns, values, uri);
  return sqlite3_last_insert_rowid (db);
}

#define add_media(db, name, values) \
  add_to_post (db, "post_media", "kind, url, preview_url, alt_text, width, height", name, values)
#define add_poll(db, name, values) \
  add_to_post (db, "polls", "expires_at, multiple, voters_count, refreshed_at", name, values)

static void
test_media_and_polls (Fixture       *f,
                      gconstpointer  data)
{
  static const PostSpec posts[] = {
    { "root", 0, NULL, 1, FALSE, NULL, NULL },
    { "pics", 1, "root", 2, FALSE, NULL, NULL },
    { "vote", 2, "root", 3, TRUE, NULL, NULL },
    { "hidden", 3, "root", 4, FALSE, NULL, NULL },
    { "empty", 4, "root", 1, FALSE, NULL, NULL },
  };
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const ChorusPostMedia *media;
  const ChorusPostPoll *poll;
  const ChorusPostPollOption *option;
  GPtrArray *all;
  gint64 poll_id;

  add_conversation (f->db, 3, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    add_post (f->db, 3, &posts[i], 0);
  /* Another conversation's media and poll must not leak in. */
  add_conversation (f->db, 4, NULL);
  add_post (f->db, 4, &(PostSpec) { "elsewhere", 1, NULL, 1, FALSE, NULL, NULL }, 1);
  add_media (f->db, "elsewhere", "'image', 'https://img.example/other.png', NULL, NULL, 1, 1");
  add_poll (f->db, "elsewhere", "NULL, 0, 1, NULL");

  add_media (f->db, "pics", "'image', 'https://img.example/a.png', 'https://img.example/a-small.png',"
                            " 'A red tent', 640, 480");
  add_media (f->db, "pics", "'video', 'https://img.example/b.mp4', NULL, NULL, NULL, NULL");
  poll_id = add_poll (f->db, "vote", "1700086400, 0, 10, 1700000100");
  /* Options out of order: the poll's order is by position. */
  chorus_test_db_exec (f->db,
                       "INSERT INTO poll_options (poll_id, position, title, votes) VALUES"
                       " (%" G_GINT64_FORMAT ", 1, 'No', 3), (%" G_GINT64_FORMAT ", 0, 'Yes', 7)",
                       poll_id, poll_id);
  poll_id = add_poll (f->db, "hidden", "NULL, 1, NULL, NULL");
  chorus_test_db_exec (f->db,
                       "INSERT INTO poll_options (poll_id, position, title, votes) VALUES"
                       " (%" G_GINT64_FORMAT ", 0, 'Red', NULL)", poll_id);
  add_poll (f->db, "empty", "NULL, 0, 0, NULL");

  model = load_thread (f->store, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  g_assert_cmpuint (chorus_post_get_media (post_at (model, 0))->len, ==, 0);
  all = chorus_post_get_media (post_at (model, 1));
  g_assert_cmpuint (all->len, ==, 2);
  media = g_ptr_array_index (all, 0);
  g_assert_cmpstr (media->kind, ==, "image");
  g_assert_cmpstr (media->url, ==, "https://img.example/a.png");
  g_assert_cmpstr (media->preview_url, ==, "https://img.example/a-small.png");
  g_assert_cmpstr (media->alt_text, ==, "A red tent");
  g_assert_cmpint (media->width, ==, 640);
  g_assert_cmpint (media->height, ==, 480);
  g_assert_cmpstr (chorus_post_media_get_thumbnail_url (media), ==, "https://img.example/a-small.png");
  media = g_ptr_array_index (all, 1);
  g_assert_cmpstr (media->kind, ==, "video");
  g_assert_null (media->preview_url);
  g_assert_null (media->alt_text);
  g_assert_cmpint (media->width, ==, 0);
  /* A video without a preview has no thumbnail. */
  g_assert_null (chorus_post_media_get_thumbnail_url (media));
  g_assert_null (chorus_post_get_poll (post_at (model, 1)));

  poll = chorus_post_get_poll (post_at (model, 2));
  g_assert_nonnull (poll);
  g_assert_cmpint (poll->expires_at, ==, 1700086400);
  g_assert_false (poll->multiple);
  g_assert_cmpint (poll->voters_count, ==, 10);
  g_assert_cmpint (poll->refreshed_at, ==, 1700000100);
  g_assert_cmpuint (chorus_post_poll_get_n_options (poll), ==, 2);
  option = chorus_post_poll_get_option (poll, 0);
  g_assert_cmpstr (option->title, ==, "Yes");
  g_assert_cmpint (option->votes, ==, 7);
  option = chorus_post_poll_get_option (poll, 1);
  g_assert_cmpstr (option->title, ==, "No");
  g_assert_cmpint (option->votes, ==, 3);

  poll = chorus_post_get_poll (post_at (model, 3));
  g_assert_true (poll->multiple);
  g_assert_cmpint (poll->voters_count, ==, -1);
  g_assert_cmpint (poll->expires_at, ==, 0);
  g_assert_cmpint (chorus_post_poll_get_option (poll, 0)->votes, ==, -1);

  poll = chorus_post_get_poll (post_at (model, 4));
  g_assert_nonnull (poll);
  g_assert_cmpuint (chorus_post_poll_get_n_options (poll), ==, 0);
}

/* Whatever the html column holds, what comes out is safe markup. */
static void
test_markup (Fixture       *f,
             gconstpointer  data)
{
  static const PostSpec posts[] = {
    { "p0", 0, NULL, 1, FALSE, "Hi x",
      "<p>Hi <a href=\"https://x.example/\">x</a></p><script>alert(1)</script>" },
    { "p1", 1, NULL, 1, FALSE, "run", "<a href=\"javascript:alert(1)\">run</a>" },
    { "p2", 2, NULL, 1, FALSE, "@ana", "<p><a href=\"/u/ana\">@ana</a></p>" },
    { "p3", 3, NULL, 1, FALSE, "bold", "<b onclick=\"x()\">bold</b>" },
    { "p4", 4, NULL, 1, FALSE, "ok", "<i>ok</i> &amp; <s>old</s> <tt>code</tt>" },
  };
  static const char * const expected[] = {
    "Hi <a href=\"https://x.example/\">x</a>",
    "run",
    "<a href=\"https://social.example/u/ana\">@ana</a>",
    "<b>bold</b>",
    "<i>ok</i> &amp; <s>old</s> <tt>code</tt>",
  };
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  add_conversation (f->db, 9, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    add_post (f->db, 9, &posts[i], 0);

  model = load_thread (f->store, 9, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *markup = chorus_post_get_markup (post_at (model, i));

      g_assert_cmpstr (markup, ==, expected[i]);
      chorus_test_assert_markup (markup);
    }
}

static void
test_missing_and_empty (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;

  model = load_thread (f->store, 404, &subject, &error);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_assert_null (model);
  g_assert_null (subject);
  g_clear_error (&error);

  add_conversation (f->db, 5, "");
  model = load_thread (f->store, 5, &subject, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  /* An empty subject is no subject. */
  g_assert_null (subject);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  add_conversation (f->db, 1, NULL);
  add_post (f->db, 1, &nested[1], 0);

  g_cancellable_cancel (cancellable);
  chorus_store_load_thread_async (f->store, 1, cancellable, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  model = chorus_store_load_thread_finish (f->store, result, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (model);
}

/* Replies naming each other (only bad data does that) are still shown:
 * the older one starts a tree after the real ones. */
static void
test_cycle (Fixture       *f,
            gconstpointer  data)
{
  static const PostSpec posts[] = {
    { "root", 0, NULL, 1, FALSE, NULL, NULL },
    { "x", 1, "y", 2, FALSE, NULL, NULL },
    { "y", 2, "x", 3, FALSE, NULL, NULL },
    { "self", 3, "self", 4, FALSE, NULL, NULL },
  };
  static const char * const order[] = { "root", "self", "x", "y" };
  static const guint depths[] = { 0, 0, 0, 1 };
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  add_conversation (f->db, 2, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    add_post (f->db, 2, &posts[i], 0);

  model = load_thread (f->store, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (order));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *uri = uri_of (order[i]);
      ChorusPost *post = post_at (model, i);

      g_assert_cmpstr (chorus_post_get_uri (post), ==, uri);
      g_assert_cmpuint (chorus_post_get_depth (post), ==, depths[i]);
    }
}

/* The reference order: a plain recursive walk over children sorted by
 * key, written apart from the loader's. */
static void
walk (GPtrArray  *children,
      gint        node,
      guint       depth,
      GArray     *order,
      GArray     *depths)
{
  GArray *kids = g_ptr_array_index (children, node + 1);

  if (node >= 0)
    {
      g_array_append_val (order, node);
      g_array_append_val (depths, depth);
      depth++;
    }

  for (guint i = 0; kids != NULL && i < kids->len; i++)
    walk (children, g_array_index (kids, gint, i), depth, order, depths);
}

/* 2,000 posts: a random tree with a chain 300 replies deep, posts that
 * answer a missing one, and posts that share a second (same created_at,
 * keys told apart by the tie-breaker). */
static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint *parents = g_new (gint, N_LARGE);
  guint max_depth = 0;
  gint64 start;

  add_conversation (f->db, 11, NULL);
  chorus_test_db_exec (f->db, "BEGIN");
  for (guint i = 0; i <= N_LARGE; i++)
    g_ptr_array_add (children, g_array_new (FALSE, FALSE, sizeof (gint)));

  for (gint i = 0; i < N_LARGE; i++)
    {
      g_autofree char *name = g_strdup_printf ("n%d", i);
      g_autofree char *parent_name = NULL;
      PostSpec spec = { name, i / 3, NULL, 1 + i % 4, i % 17 == 0, NULL, NULL };

      if (i == 0)
        parents[i] = -1;
      else if (i <= 300)
        parents[i] = i - 1;
      else if (i % 97 == 0)
        parents[i] = -2;                       /* answers a missing post */
      else
        parents[i] = g_rand_int_range (rand, 0, i);

      if (parents[i] >= 0)
        spec.parent = parent_name = g_strdup_printf ("n%d", parents[i]);
      else if (parents[i] == -2)
        spec.parent = "gone";
      add_post (f->db, 11, &spec, i % 3);

      /* Posts are created in key order, so appending keeps children sorted. */
      g_array_append_val (g_ptr_array_index (children, MAX (parents[i], -1) + 1), i);
    }
  chorus_test_db_exec (f->db, "COMMIT");

  walk (children, -1, 0, order, depths);
  g_assert_cmpuint (order->len, ==, N_LARGE);

  start = g_get_monotonic_time ();
  model = load_thread (f->store, 11, NULL, &error);
  /* A figure for the record, not a bound. */
  g_test_message ("%d posts loaded in %.1f ms", N_LARGE, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_LARGE);

  for (guint k = 0; k < N_LARGE; k++)
    {
      ChorusPost *post = post_at (model, k);
      gint i = g_array_index (order, gint, k);

      g_assert_cmpint (chorus_post_get_id (post), ==, key_of (i / 3, i % 3));
      g_assert_cmpuint (chorus_post_get_depth (post), ==, g_array_index (depths, guint, k));
      max_depth = MAX (max_depth, chorus_post_get_depth (post));
    }

  g_assert_cmpuint (max_depth, >=, 300);
}

/* Pure functions */

static void
test_poll_status (void)
{
  g_autoptr(ChorusPostPoll) single = chorus_post_poll_new (10, BASE_TIME + 2 * 86400 - 5, FALSE, 0);
  g_autoptr(ChorusPostPoll) multiple = chorus_post_poll_new (12, BASE_TIME - 1, TRUE, 0);
  g_autoptr(ChorusPostPoll) hidden = chorus_post_poll_new (-1, BASE_TIME + 90, FALSE, 0);
  g_autoptr(ChorusPostPoll) untouched = chorus_post_poll_new (0, 0, FALSE, 0);
  g_autoptr(ChorusPostPoll) copy = NULL;
  char *text;

  chorus_post_poll_add_option (single, "Yes", 7);
  chorus_post_poll_add_option (single, "No", 3);
  chorus_post_poll_add_option (multiple, "Red", 9);
  chorus_post_poll_add_option (multiple, "Blue", 9);
  chorus_post_poll_add_option (multiple, "Green", 2);
  chorus_post_poll_add_option (hidden, "Maybe", -1);
  chorus_post_poll_add_option (untouched, "A", 0);

  g_assert_cmpint (chorus_post_poll_get_total (single), ==, 10);
  g_assert_cmpfloat_with_epsilon (chorus_post_poll_get_share (single, 0), 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (chorus_post_poll_get_share (single, 1), 0.3, 1e-9);
  g_assert_true (chorus_post_poll_is_leader (single, 0));
  g_assert_false (chorus_post_poll_is_leader (single, 1));
  g_assert_false (chorus_post_poll_is_closed (single, BASE_TIME));

  /* Several choices: shares of the 12 voters, ties lead together. */
  g_assert_cmpint (chorus_post_poll_get_total (multiple), ==, 12);
  g_assert_cmpfloat_with_epsilon (chorus_post_poll_get_share (multiple, 0), 0.75, 1e-9);
  g_assert_true (chorus_post_poll_is_leader (multiple, 0));
  g_assert_true (chorus_post_poll_is_leader (multiple, 1));
  g_assert_true (chorus_post_poll_is_closed (multiple, BASE_TIME));

  g_assert_cmpint (chorus_post_poll_get_total (hidden), ==, -1);
  g_assert_cmpfloat (chorus_post_poll_get_share (hidden, 0), ==, -1);
  g_assert_false (chorus_post_poll_is_leader (hidden, 0));
  g_assert_cmpfloat (chorus_post_poll_get_share (untouched, 0), ==, 0);
  g_assert_false (chorus_post_poll_is_leader (untouched, 0));

  text = chorus_post_poll_format_status (single, BASE_TIME);
  g_assert_cmpstr (text, ==, "10 votes · Ends in 2 days");
  g_free (text);
  text = chorus_post_poll_format_status (single, BASE_TIME + 86400 + 3600 * 18);
  g_assert_cmpstr (text, ==, "10 votes · Ends in 6 hours");
  g_free (text);
  text = chorus_post_poll_format_status (multiple, BASE_TIME);
  g_assert_cmpstr (text, ==, "12 people voted · Closed");
  g_free (text);
  text = chorus_post_poll_format_status (hidden, BASE_TIME);
  g_assert_cmpstr (text, ==, "Ends in 2 minutes");
  g_free (text);
  text = chorus_post_poll_format_status (untouched, BASE_TIME);
  g_assert_cmpstr (text, ==, "0 votes");
  g_free (text);

  copy = chorus_post_poll_copy (multiple);
  g_assert_cmpuint (chorus_post_poll_get_n_options (copy), ==, 3);
  g_assert_cmpstr (chorus_post_poll_get_option (copy, 2)->title, ==, "Green");
  g_assert_true (copy->multiple);
  g_assert_cmpint (copy->voters_count, ==, 12);
}

static void
test_safety (void)
{
  static const char * const safe_markup[] = {
    "", "plain", "a &amp; b", "<b>x</b><i>y</i><tt>z</tt><s>w</s>",
    "<a href=\"https://a.example/?q=1&amp;r=2\">a</a>", "<a href=\"mailto:x@y.example\">m</a>",
    "<a href=\"HTTP://A.EXAMPLE/\">caps</a>",
  };
  static const char * const unsafe_markup[] = {
    "<p>x</p>", "<span foreground=\"red\">x</span>", "<b class=\"x\">x</b>", "<a>x</a>",
    "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"data:text/html,x\">x</a>",
    "<a href=\"/relative\">x</a>", "<a href=\"https://a.example/\" title=\"t\">x</a>",
    "<b>unclosed", "a & b", "</chorus-markup><b>x", "<chorus-markup>x</chorus-markup>",
    "<big>x</big>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (safe_markup); i++)
    g_assert_true (chorus_post_markup_is_safe (safe_markup[i]));
  for (guint i = 0; i < G_N_ELEMENTS (unsafe_markup); i++)
    {
      g_test_message ("unsafe: %s", unsafe_markup[i]);
      g_assert_false (chorus_post_markup_is_safe (unsafe_markup[i]));
    }
  g_assert_false (chorus_post_markup_is_safe (NULL));
  g_assert_false (chorus_post_markup_is_safe ("\xff\xfe"));

  g_assert_true (chorus_post_link_is_safe ("https://a.example/"));
  g_assert_true (chorus_post_link_is_safe ("http://a.example/"));
  g_assert_true (chorus_post_link_is_safe ("MailTo:x@y.example"));
  g_assert_false (chorus_post_link_is_safe ("javascript:alert(1)"));
  g_assert_false (chorus_post_link_is_safe ("data:text/html;base64,PHA+"));
  g_assert_false (chorus_post_link_is_safe ("file:///etc/passwd"));
  g_assert_false (chorus_post_link_is_safe ("/relative"));
  g_assert_false (chorus_post_link_is_safe (NULL));
}

static void
test_tile_width (void)
{
  g_autoptr(ChorusPostMedia) photo = chorus_post_media_new ("image", NULL, NULL, NULL, 640, 480);
  g_autoptr(ChorusPostMedia) panorama = chorus_post_media_new ("image", NULL, NULL, NULL, 3000, 500);
  g_autoptr(ChorusPostMedia) strip = chorus_post_media_new ("image", NULL, NULL, NULL, 100, 1000);
  g_autoptr(ChorusPostMedia) unknown = chorus_post_media_new (NULL, "https://a.example/x", NULL, NULL, 0, 0);
  g_autoptr(ChorusPostMedia) sound = chorus_post_media_new ("audio", NULL, NULL, NULL, 640, 480);
  g_autoptr(ChorusPostMedia) copy = chorus_post_media_copy (photo);

  g_assert_cmpint (chorus_post_media_get_tile_width (photo, 160), ==, 213);
  g_assert_cmpint (chorus_post_media_get_tile_width (panorama, 160), ==, 320);
  g_assert_cmpint (chorus_post_media_get_tile_width (strip, 160), ==, 80);
  g_assert_cmpint (chorus_post_media_get_tile_width (unknown, 150), ==, 200);
  g_assert_cmpint (chorus_post_media_get_tile_width (sound, 160), ==, 160);

  /* No kind means an image, which is its own thumbnail. */
  g_assert_cmpstr (unknown->kind, ==, "image");
  g_assert_cmpstr (chorus_post_media_get_thumbnail_url (unknown), ==, "https://a.example/x");
  g_assert_null (chorus_post_media_get_thumbnail_url (sound));
  g_assert_cmpint (copy->width, ==, 640);
  g_assert_cmpstr (copy->kind, ==, "image");
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/chorus/thread/nested", test_nested);
  add_test ("/chorus/thread/media-and-polls", test_media_and_polls);
  add_test ("/chorus/thread/markup", test_markup);
  add_test ("/chorus/thread/missing-and-empty", test_missing_and_empty);
  add_test ("/chorus/thread/cancelled", test_cancelled);
  add_test ("/chorus/thread/cycle", test_cycle);
  add_test ("/chorus/thread/large", test_large);
  g_test_add_func ("/chorus/thread/poll-status", test_poll_status);
  g_test_add_func ("/chorus/thread/safety", test_safety);
  g_test_add_func ("/chorus/thread/tile-width", test_tile_width);

  return g_test_run ();
}
