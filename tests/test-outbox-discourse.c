/* test-outbox-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-store-ingest.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "outbox-test-util.h"

/* The outbox with Discourse, against a fake forum on 127.0.0.1 with one
 * topic longer than the first chunk /t/<id>.json holds. Discourse takes
 * no idempotency key, so an item that may have gone out is looked for in
 * the topic before it is sent again, however many posts came after it
 * (up to a bound). The forum checks Api-Key and
 * Api-Username, and can make a post and then lose the answer. */

#define KEY           "outbox-discourse-key-93b1"
#define KEY_ENV       "CHORUS_OUTBOX_TEST_DISCOURSE_KEY"
#define USERNAME      "brand"
#define TOPIC         101
#define FIRST_POSTS   25
#define CHUNK         20
#define TARGET_NUMBER 3
#define T0            G_GINT64_CONSTANT (1704067200)   /* 2024-01-01 */

typedef struct
{
  gint64  id;
  guint   number;
  char   *username;
  char   *raw;
  gint64  created_at;
  guint   reply_to;
} FakePost;

typedef struct
{
  ChorusTestSyncRig   rig;
  char               *base;         /* without the trailing slash */
  sqlite3            *db;
  ChorusOutboxSender *sender;
  gint64              source_id;
  gint64              target_id;
  GArray             *posts;        /* FakePost, by number from 1 */
  guint               creates;      /* POST /posts.json, refused ones included */
  guint               likes;        /* POST /post_actions */
  gboolean            liked;
  gboolean            lose_answer;  /* the next post is made, then answered 502 */
  gboolean            too_similar;  /* the next post is refused with 422 */
  guint               tail_reads;   /* /t/<id>/posts.json */
} Fixture;

/* The fake forum */

static void
clear_post (gpointer data)
{
  FakePost *post = data;

  g_free (post->username);
  g_free (post->raw);
}

static FakePost *
add_post (Fixture    *f,
          const char *username,
          const char *raw,
          gint64      created_at,
          guint       reply_to)
{
  FakePost post = { TOPIC * 1000 + f->posts->len + 1, f->posts->len + 1, g_strdup (username), g_strdup (raw),
                    created_at, reply_to };

  g_array_append_val (f->posts, post);
  return &g_array_index (f->posts, FakePost, f->posts->len - 1);
}

static void
append_post (Fixture  *f,
             GString  *json,
             FakePost *post)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (post->created_at);
  g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *raw = g_strescape (post->raw, NULL);
  g_autofree char *reply_to = post->reply_to > 0 ? g_strdup_printf ("%u", post->reply_to) : g_strdup ("null");

  g_string_append_printf (json, "{\"id\":%" G_GINT64_FORMAT ",\"username\":\"%s\",\"name\":\"%s\","
                          "\"avatar_template\":\"/letter/b/{size}.png\",\"created_at\":\"%s\",\"cooked\":\"<p>%s</p>\","
                          "\"raw\":\"%s\",\"post_number\":%u,\"post_type\":1,\"topic_id\":%d,"
                          "\"topic_slug\":\"late-parcel\","
                          "\"reply_to_post_number\":%s,\"yours\":%s,\"actions_summary\":[{\"id\":2,\"count\":%d%s}]}",
                          post->id, post->username, post->username, stamp, raw, raw, post->number, TOPIC,
                          reply_to, g_str_equal (post->username, USERNAME) ? "true" : "false", f->liked,
                          f->liked ? ",\"acted\":true" : "");
}

static gboolean
keyed (SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  return g_strcmp0 (soup_message_headers_get_one (headers, "Api-Key"), KEY) == 0 &&
         g_strcmp0 (soup_message_headers_get_one (headers, "Api-Username"), USERNAME) == 0;
}

static JsonObject *
read_input (SoupServerMessage *message,
            JsonParser        *parser)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  g_assert_true (json_parser_load_from_data (parser, body->data, (gssize) body->length, NULL));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
create_post (Fixture           *f,
             SoupServerMessage *message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *input = read_input (message, parser);
  g_autoptr(GString) json = g_string_new (NULL);
  FakePost *post;

  f->creates++;
  g_assert_cmpint (json_object_get_int_member (input, "topic_id"), ==, TOPIC);
  if (f->too_similar)
    {
      chorus_test_reply_json (message, 422, "{\"action\":\"create_post\",\"errors\":[\"Body is too similar to what "
                                            "you recently posted\"]}");
      return;
    }

  post = add_post (f, USERNAME, json_object_get_string_member (input, "raw"), g_get_real_time () / G_USEC_PER_SEC,
                   (guint) json_object_get_int_member_with_default (input, "reply_to_post_number", 0));
  append_post (f, json, post);
  if (f->lose_answer)
    {
      f->lose_answer = FALSE;
      chorus_test_reply_json (message, 502, "<html>Bad gateway</html>");
      return;
    }
  chorus_test_reply_json (message, 200, json->str);
}

/* /t/<id>.json: the first chunk and every id; /t/<id>/posts.json: the
 * posts asked for by id. */
static void
serve_topic (Fixture           *f,
             SoupServerMessage *message,
             gboolean           chunk)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (message));
  g_autoptr(GString) json = g_string_new ("{\"id\":101,\"title\":\"Late parcel\",\"post_stream\":{\"posts\":[");

  for (guint i = 0; i < f->posts->len; i++)
    {
      FakePost *post = &g_array_index (f->posts, FakePost, i);
      g_autofree char *wanted = g_strdup_printf ("post_ids%%5B%%5D=%" G_GINT64_FORMAT, post->id);

      if (chunk ? i < CHUNK : query != NULL && strstr (query, wanted) != NULL)
        {
          if (json->str[json->len - 1] == '}')
            g_string_append_c (json, ',');
          append_post (f, json, post);
        }
    }
  g_string_append (json, "]");
  if (chunk)
    {
      g_string_append (json, ",\"stream\":[");
      for (guint i = 0; i < f->posts->len; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (f->posts, FakePost, i).id);
      g_string_append (json, "]");
    }
  g_string_append (json, "}}");
  chorus_test_reply_json (message, 200, json->str);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;
  g_autofree char *topic = g_strdup_printf ("/t/%d.json", TOPIC);
  g_autofree char *tail = g_strdup_printf ("/t/%d/posts.json", TOPIC);
  g_autofree char *target = g_strdup_printf ("/posts/%d.json", TOPIC * 1000 + TARGET_NUMBER);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!keyed (message))
    chorus_test_reply_json (message, 403, "{\"errors\":[\"You are not permitted to view the requested resource.\"],"
                                          "\"error_type\":\"invalid_access\"}");
  else if (g_str_equal (path, "/posts.json"))
    create_post (f, message);
  else if (g_str_equal (path, "/post_actions"))
    {
      f->likes++;
      g_assert_cmpint (json_object_get_int_member (read_input (message, parser), "id"), ==,
                       TOPIC * 1000 + TARGET_NUMBER);
      g_assert_cmpint (json_object_get_int_member (read_input (message, parser), "post_action_type_id"), ==, 2);
      f->liked = TRUE;
      append_post (f, json, &g_array_index (f->posts, FakePost, TARGET_NUMBER - 1));
      chorus_test_reply_json (message, 200, json->str);
    }
  else if (g_str_equal (path, topic) || g_str_equal (path, tail))
    {
      g_assert_cmpstr (g_hash_table_lookup (query, "include_raw"), ==, "true");
      f->tail_reads += g_str_equal (path, tail);
      serve_topic (f, message, g_str_equal (path, topic));
    }
  else if (g_str_equal (path, target))
    {
      append_post (f, json, &g_array_index (f->posts, FakePost, TARGET_NUMBER - 1));
      chorus_test_reply_json (message, 200, json->str);
    }
  else
    chorus_test_reply_json (message, 404, "{\"errors\":[\"Not found\"]}");
}

/* The workspace */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *target_uri = NULL;
  g_autofree char *target_id = g_strdup_printf ("%d", TOPIC * 1000 + TARGET_NUMBER);
  g_autofree char *topic_uri = NULL;

  f->posts = g_array_new (FALSE, FALSE, sizeof (FakePost));
  g_array_set_clear_func (f->posts, clear_post);
  for (guint i = 0; i < FIRST_POSTS; i++)
    {
      g_autofree char *user = g_strdup_printf ("user%u", i % 4);

      add_post (f, user, "Still waiting for my parcel.", T0 + 60 * i, i > 0 ? 1 : 0);
    }

  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);
  f->base = g_strndup (f->rig.base, strlen (f->rig.base) - 1);
  g_setenv (KEY_ENV, KEY, TRUE);
  f->db = chorus_test_db_open (f->rig.workspace.path, SQLITE_OPEN_READWRITE, 5000);
  f->sender = chorus_outbox_sender_new (f->rig.store, f->rig.http);
  f->source_id = outbox_test_add_account (f->rig.store, "discourse", f->rig.base, USERNAME, KEY_ENV);

  target_uri = g_strdup_printf ("%s/t/%d/%d", f->base, TOPIC, TARGET_NUMBER);
  topic_uri = g_strdup_printf ("%s/t/%d/1", f->base, TOPIC);
  f->target_id = outbox_test_store_post (f->rig.store, f->source_id, "discourse", target_uri, target_id, topic_uri);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->sender);
  sqlite3_close (f->db);
  chorus_test_sync_rig_tear_down (&f->rig);
  g_array_unref (f->posts);
  g_free (f->base);
}

/* One own post in the thread: post @number of the topic, answering the
 * target. */
static void
assert_own_reply (Fixture *f,
                  guint    number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM posts WHERE is_own = 1 AND uri = '%s/t/%d/%u'"
                                          " AND reply_to_uri = '%s/t/%d/%d' AND conversation_id ="
                                          " (SELECT conversation_id FROM posts WHERE is_own = 0)",
                                          f->base, TOPIC, number, f->base, TOPIC, TARGET_NUMBER);

  g_assert_cmpint (outbox_test_query_int (f->db, "%s", sql), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM posts WHERE is_own = 1"), ==, 1);
}

static void
test_reply (Fixture       *f,
            gconstpointer  data)
{
  FakePost *made;

  outbox_test_queue_reply (f->rig.store, f->target_id, "Sorry, Ana: it left the warehouse today.");
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->posts->len, ==, FIRST_POSTS + 1);
  made = &g_array_index (f->posts, FakePost, FIRST_POSTS);
  g_assert_cmpstr (made->raw, ==, "Sorry, Ana: it left the warehouse today.");
  g_assert_cmpuint (made->reply_to, ==, TARGET_NUMBER);
  assert_own_reply (f, FIRST_POSTS + 1);
  g_assert_cmpint (outbox_test_count_items (f->db, "sent", 1), ==, 1);
}

/* The forum made the post and the answer was lost: the resend finds it
 * among the topic's latest posts (beyond the first chunk), and does not
 * post again. */
static void
test_lost_answer (Fixture       *f,
                  gconstpointer  data)
{
  ChorusOutboxSummary summary;

  f->lose_answer = TRUE;
  outbox_test_queue_reply (f->rig.store, f->target_id, "On its way!");
  summary = outbox_test_flush (f->sender);
  g_assert_cmpuint (summary.waiting, ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->db, "queued", 1), ==, 1);

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->tail_reads, ==, 1);
  g_assert_cmpuint (f->posts->len, ==, FIRST_POSTS + 1);
  assert_own_reply (f, FIRST_POSTS + 1);
  g_assert_cmpint (outbox_test_count_items (f->db, "sent", 2), ==, 1);
}

/* Members' posts after the item, one a second from now. */
static void
add_member_posts (Fixture *f,
                  guint    n)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < n; i++)
    add_post (f, "user1", "Mine came today, thanks!", now + 1 + i, 1);
}

/* The answer was lost, and more posts than a page came after it before
 * the resend: the resend reads back page by page until it finds it. */
static void
test_lost_answer_busy (Fixture       *f,
                       gconstpointer  data)
{
  f->lose_answer = TRUE;
  outbox_test_queue_reply (f->rig.store, f->target_id, "On its way!");
  g_assert_cmpuint (outbox_test_flush (f->sender).waiting, ==, 1);
  add_member_posts (f, CHUNK + 10);

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->tail_reads, ==, 2);
  g_assert_cmpuint (f->posts->len, ==, FIRST_POSTS + 1 + CHUNK + 10);
  assert_own_reply (f, FIRST_POSTS + 1);
  g_assert_cmpint (outbox_test_count_items (f->db, "sent", 2), ==, 1);
}

/* A crash before the post reached the forum, and many posts since: the
 * resend reads back only until the posts are older than the item, then
 * posts once. */
static void
test_never_sent_busy (Fixture       *f,
                      gconstpointer  data)
{
  outbox_test_queue_reply (f->rig.store, f->target_id, "On its way!");
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'sending', attempts = 1");
  add_member_posts (f, CHUNK + 10);

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->tail_reads, ==, 2);
  assert_own_reply (f, FIRST_POSTS + CHUNK + 10 + 1);
}

/* More posts since the lost answer than the resend reads back: it does
 * not post again, and says why. */
static void
test_lost_answer_too_busy (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *reason = NULL;

  f->lose_answer = TRUE;
  outbox_test_queue_reply (f->rig.store, f->target_id, "On its way!");
  g_assert_cmpuint (outbox_test_flush (f->sender).waiting, ==, 1);
  add_member_posts (f, 25 * CHUNK + 10);

  g_assert_cmpuint (outbox_test_flush (f->sender).failed, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->tail_reads, ==, 25);
  reason = chorus_test_db_query_text (f->db, "SELECT last_error FROM outbox");
  g_assert_cmpstr (reason, ==, "Could not tell whether this reply already reached 127.0.0.1: too many posts came "
                               "after it. Look for it in the topic before writing it again.");
}

/* The same words by the brand long before the item was queued are not
 * this item: it was never sent, and goes out now. */
static void
test_old_twin (Fixture       *f,
               gconstpointer  data)
{
  add_post (f, USERNAME, "On its way!", T0 + 3600, 2);
  outbox_test_queue_reply (f->rig.store, f->target_id, "On its way!");
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'sending', attempts = 1");

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->posts->len, ==, FIRST_POSTS + 2);
  assert_own_reply (f, FIRST_POSTS + 2);
}

static void
test_like (Fixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (chorus_store_queue_like (f->rig.store, f->target_id, NULL), >, 0);
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->likes, ==, 1);

  /* Found liked on a resend: sent, without liking again. */
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'sending'");
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->likes, ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->db, "sent", 2), ==, 1);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *reason = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  f->too_similar = TRUE;
  outbox_test_queue_reply (f->rig.store, f->target_id, "On its way!");
  g_assert_cmpuint (outbox_test_flush (f->sender).failed, ==, 1);
  reason = chorus_test_db_query_text (f->db, "SELECT last_error FROM outbox");
  expected = g_strdup ("127.0.0.1 refused the reply: Body is too similar to what you recently posted");
  g_assert_cmpstr (reason, ==, expected);

  /* Discourse has no reposts. */
  g_assert_cmpint (chorus_store_queue_repost (f->rig.store, f->target_id, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Discourse"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/outbox/discourse/reply", Fixture, NULL, fixture_set_up, test_reply, fixture_tear_down);
  g_test_add ("/chorus/outbox/discourse/lost-answer", Fixture, NULL, fixture_set_up, test_lost_answer,
              fixture_tear_down);
  g_test_add ("/chorus/outbox/discourse/lost-answer-busy", Fixture, NULL, fixture_set_up, test_lost_answer_busy,
              fixture_tear_down);
  g_test_add ("/chorus/outbox/discourse/never-sent-busy", Fixture, NULL, fixture_set_up, test_never_sent_busy,
              fixture_tear_down);
  g_test_add ("/chorus/outbox/discourse/lost-answer-too-busy", Fixture, NULL, fixture_set_up,
              test_lost_answer_too_busy, fixture_tear_down);
  g_test_add ("/chorus/outbox/discourse/old-twin", Fixture, NULL, fixture_set_up, test_old_twin, fixture_tear_down);
  g_test_add ("/chorus/outbox/discourse/like", Fixture, NULL, fixture_set_up, test_like, fixture_tear_down);
  g_test_add ("/chorus/outbox/discourse/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
