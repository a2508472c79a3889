/* test-sync-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "chorus-error.h"
#include "chorus-http.h"
#include "chorus-secrets.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"
#include "chorus-test-util.h"
#include "fake-bluesky-thread.h"

/* The Bluesky connector through the sync engine, against a fake service
 * on 127.0.0.1: the entryway (resolveHandle, createSession,
 * refreshSession), a PLC directory, and a PDS reached as "localhost"
 * that serves searchPosts and listNotifications, built from the corpus,
 * newest first with offset cursors as the AppView's search has, and
 * getPostThread (NotFound unless a test asks for threads). The app
 * password comes from an environment variable, so only the keyring test
 * needs a keyring. */

#define HANDLE         "ana.test"
#define DID            "did:plc:chorustestana2222222222"
#define APP_PASSWORD   "abcd-efgh-ijkl-mnop"
#define WRONG_PASSWORD "wxyz-wxyz-wxyz-wxyz"
#define PASSWORD_ENV   "CHORUS_TEST_BLUESKY_PASSWORD"
#define TOKEN_PREFIX   "jwt-secret-"
#define FAKE_PAGE      10
#define POST_SPACING   (15 * 60)

typedef struct
{
  ChorusTestSyncRig rig;           /* rig.base: the entryway, as the source names it */
  char             *pds;           /* the same server, as the DID document names it */
  gint64            source_id;

  JsonNode         *search_corpus;
  JsonNode         *notification_corpus;
  GPtrArray        *posts;         /* JsonNode, newest first */
  GPtrArray        *notifications;
  gint64            clock;         /* indexedAt of the next new item */
  guint             serial;

  char             *access;        /* the tokens the server gave last */
  char             *refresh;
  guint             tokens;
  gboolean          access_expired;
  guint             expire_access_after;  /* data calls, 0 for never */
  gboolean          refuse_refresh;
  gboolean          break_older_pages;
  guint             fail_429;
  guint             fail_500;
  gboolean          serve_threads;
  gboolean          fail_threads;

  guint             resolves;
  guint             plc_lookups;
  guint             creates;
  guint             refreshes;
  guint             searches;
  guint             listings;
  guint             checks;
  guint             threads;
  guint             misplaced;     /* data calls not to the PDS, or without the token */
  guint             served_mentions;
  char             *last_query;
  char             *last_reasons;
} Fixture;

static GString *logged;

/* Fake service */

static JsonNode *
load_corpus (const char *relative)
{
  g_autofree char *path = g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), relative, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("Cannot read %s: %s", relative, error->message);

  return json_parser_steal_root (parser);
}

/* A corpus item under a new URI, indexed at the fake clock. */
static JsonNode *
new_item (Fixture    *f,
          JsonNode   *corpus,
          const char *member)
{
  JsonArray *templates = json_object_get_array_member (json_node_get_object (corpus), member);
  guint n = json_array_get_length (templates);
  JsonObject *template = json_array_get_object_element (templates, f->serial % n);
  JsonObject *author = json_object_get_object_member (template, "author");
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (f->clock);
  g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.123Z");
  g_autofree char *uri = g_strdup_printf ("at://%s/app.bsky.feed.post/chorus%s%u",
                                          json_object_get_string_member (author, "did"), member, f->serial);
  g_autofree char *cid = g_strdup_printf ("bafychorus%u", f->serial);
  GList *names = json_object_get_members (template);

  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (item, l->data, json_node_copy (json_object_get_member (template, l->data)));
  g_list_free (names);

  json_object_set_string_member (item, "uri", uri);
  json_object_set_string_member (item, "cid", cid);
  json_object_set_string_member (item, "indexedAt", stamp);
  f->serial++;
  f->clock += POST_SPACING;

  return json_node_init_object (json_node_alloc (), item);
}

static void
add_posts (Fixture *f,
           guint    count)
{
  for (guint i = 0; i < count; i++)
    g_ptr_array_insert (f->posts, 0, new_item (f, f->search_corpus, "posts"));
}

static void
add_notifications (Fixture *f,
                   guint    count)
{
  for (guint i = 0; i < count; i++)
    g_ptr_array_insert (f->notifications, 0, new_item (f, f->notification_corpus, "notifications"));
}

static void
reply_error (SoupServerMessage *message,
             guint              status,
             const char        *name)
{
  g_autofree char *json = g_strdup_printf ("{\"error\":\"%s\",\"message\":\"Refused\"}", name);

  chorus_test_reply_json (message, status, json);
}

static void
reply_session (Fixture           *f,
               SoupServerMessage *message)
{
  g_autofree char *json = NULL;

  f->tokens++;
  g_free (f->access);
  g_free (f->refresh);
  f->access = g_strdup_printf (TOKEN_PREFIX "access-%u", f->tokens);
  f->refresh = g_strdup_printf (TOKEN_PREFIX "refresh-%u", f->tokens);
  f->access_expired = FALSE;
  json = g_strdup_printf ("{\"did\":\"" DID "\",\"handle\":\"" HANDLE "\",\"accessJwt\":\"%s\","
                          "\"refreshJwt\":\"%s\",\"active\":true}", f->access, f->refresh);
  chorus_test_reply_json (message, 200, json);
}

static gboolean
has_bearer (SoupServerMessage *message,
            const char        *token)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                    "Authorization");
  g_autofree char *expected = g_strconcat ("Bearer ", token, NULL);

  return token != NULL && g_strcmp0 (value, expected) == 0;
}

static void
create_session (Fixture           *f,
                SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *input;

  f->creates++;
  if (!json_parser_load_from_data (parser, body->data, body->length, NULL) ||
      !(input = json_node_get_object (json_parser_get_root (parser))) ||
      g_strcmp0 (json_object_get_string_member_with_default (input, "identifier", ""), HANDLE) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (input, "password", ""), APP_PASSWORD) != 0)
    reply_error (message, 401, "AuthenticationRequired");
  else
    reply_session (f, message);
}

/* The reasons asked for, a repeated parameter that the query table folds. */
static GStrv
dup_reasons (SoupServerMessage *message)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (message));
  g_auto(GStrv) pairs = g_strsplit (query != NULL ? query : "", "&", -1);
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();

  for (guint i = 0; pairs[i] != NULL; i++)
    if (g_str_has_prefix (pairs[i], "reasons="))
      g_strv_builder_add (reasons, pairs[i] + strlen ("reasons="));

  return g_strv_builder_end (reasons);
}

static void
serve_page (Fixture           *f,
            SoupServerMessage *message,
            GHashTable        *query,
            GPtrArray         *items,
            const char        *member)
{
  g_auto(GStrv) reasons = dup_reasons (message);
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  guint offset = cursor != NULL ? (guint) g_ascii_strtoull (cursor, NULL, 10) : 0;
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  g_autoptr(JsonObject) answer = json_object_new ();
  JsonArray *page = json_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (items, i));

      if (reasons[0] == NULL ||
          g_strv_contains ((const char * const *) reasons, json_object_get_string_member (item, "reason")))
        g_ptr_array_add (matching, g_ptr_array_index (items, i));
    }

  for (guint i = offset; i < matching->len && i < offset + FAKE_PAGE; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (matching, i));
      const char *reason = json_object_get_string_member_with_default (item, "reason", "");

      if (g_str_equal (reason, "mention") || g_str_equal (reason, "reply") || g_str_equal (reason, "quote"))
        f->served_mentions++;
      json_array_add_element (page, json_node_copy (g_ptr_array_index (matching, i)));
    }

  json_object_set_array_member (answer, member, page);
  if (offset + FAKE_PAGE < matching->len)
    {
      g_autofree char *next = g_strdup_printf ("%u", offset + FAKE_PAGE);

      json_object_set_string_member (answer, "cursor", next);
    }
  root = json_node_init_object (json_node_alloc (), answer);
  json = json_to_string (root, FALSE);
  chorus_test_reply_json (message, 200, json);
}

static JsonObject *
find_item (GPtrArray  *items,
           const char *uri)
{
  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (items, i));

      if (g_strcmp0 (json_object_get_string_member (item, "uri"), uri) == 0)
        return item;
    }

  return NULL;
}

static void
serve_thread (Fixture           *f,
              SoupServerMessage *message,
              GHashTable        *query)
{
  const char *uri = query != NULL ? g_hash_table_lookup (query, "uri") : NULL;
  JsonObject *item = NULL;
  JsonArray *templates;
  g_autofree char *json = NULL;

  f->threads++;
  if (uri != NULL && !(item = find_item (f->notifications, uri)))
    item = find_item (f->posts, uri);

  if (f->fail_threads)
    reply_error (message, 500, "InternalServerError");
  else if (!f->serve_threads || item == NULL)
    reply_error (message, 400, "NotFound");
  else
    {
      templates = json_object_get_array_member (json_node_get_object (f->search_corpus), "posts");
      json = fake_bluesky_thread_new (item, json_object_get_object_member (json_array_get_object_element (templates, 0),
                                                                           "author"));
      chorus_test_reply_json (message, 200, json);
    }
}

static void
serve_data (Fixture           *f,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query)
{
  const char *host = g_uri_get_host (soup_server_message_get_uri (message));
  gboolean search = g_str_equal (path, "/xrpc/app.bsky.feed.searchPosts");

  if (g_strcmp0 (host, "localhost") != 0 || !has_bearer (message, f->access))
    {
      f->misplaced++;
      reply_error (message, 401, "AuthenticationRequired");
      return;
    }

  if (g_str_equal (path, "/xrpc/com.atproto.server.getSession"))
    {
      f->checks++;
      if (f->access_expired)
        reply_error (message, 400, "ExpiredToken");
      else
        chorus_test_reply_json (message, 200, "{\"did\":\"" DID "\",\"handle\":\"" HANDLE "\"}");
      return;
    }

  if (g_str_equal (path, "/xrpc/app.bsky.feed.getPostThread"))
    {
      serve_thread (f, message, query);
      return;
    }

  if (search)
    {
      f->searches++;
      g_free (f->last_query);
      f->last_query = g_strdup (query != NULL ? g_hash_table_lookup (query, "q") : NULL);
      g_assert_cmpstr (g_hash_table_lookup (query, "sort"), ==, "latest");
    }
  else
    {
      g_auto(GStrv) reasons = dup_reasons (message);

      f->listings++;
      g_free (f->last_reasons);
      f->last_reasons = g_strjoinv (",", reasons);
    }

  if (f->expire_access_after > 0 && --f->expire_access_after == 0)
    f->access_expired = TRUE;

  if (f->access_expired)
    reply_error (message, 400, "ExpiredToken");
  else if (f->fail_429 > 0 && f->fail_429--)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "0");
      reply_error (message, 429, "RateLimitExceeded");
    }
  else if (f->fail_500 > 0 && f->fail_500--)
    reply_error (message, 500, "InternalServerError");
  else if (f->break_older_pages && query != NULL && g_hash_table_lookup (query, "cursor") != NULL)
    reply_error (message, 502, "UpstreamFailure");
  else
    serve_page (f, message, query, search ? f->posts : f->notifications, search ? "posts" : "notifications");
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;
  const char *method = soup_server_message_get_method (message);

  /* One request per connection, as in test-sync.c, for LeakSanitizer. */
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");

  if (g_str_equal (path, "/xrpc/com.atproto.identity.resolveHandle"))
    {
      f->resolves++;
      if (query != NULL && g_strcmp0 (g_hash_table_lookup (query, "handle"), HANDLE) == 0)
        chorus_test_reply_json (message, 200, "{\"did\":\"" DID "\"}");
      else
        reply_error (message, 400, "InvalidRequest");
    }
  else if (g_str_equal (path, "/" DID))
    {
      g_autofree char *json = g_strdup_printf ("{\"id\":\"" DID "\",\"alsoKnownAs\":[\"at://" HANDLE "\"],"
                                               "\"service\":[{\"id\":\"#atproto_pds\",\"type\":"
                                               "\"AtprotoPersonalDataServer\",\"serviceEndpoint\":\"%s\"}]}",
                                               f->pds);

      f->plc_lookups++;
      chorus_test_reply_json (message, 200, json);
    }
  else if (g_str_equal (path, "/xrpc/com.atproto.server.createSession") && g_str_equal (method, "POST"))
    create_session (f, message);
  else if (g_str_equal (path, "/xrpc/com.atproto.server.refreshSession") && g_str_equal (method, "POST"))
    {
      f->refreshes++;
      if (f->refuse_refresh || !has_bearer (message, f->refresh))
        reply_error (message, 400, "ExpiredToken");
      else
        reply_session (f, message);
    }
  else if (g_str_equal (path, "/xrpc/app.bsky.feed.searchPosts") ||
           g_str_equal (path, "/xrpc/app.bsky.notification.listNotifications") ||
           g_str_equal (path, "/xrpc/app.bsky.feed.getPostThread") ||
           g_str_equal (path, "/xrpc/com.atproto.server.getSession"))
    serve_data (f, message, path, query);
  else
    reply_error (message, 404, "MethodNotImplemented");
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GUri) uri = NULL;

  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);

  f->search_corpus = load_corpus ("bluesky/real/searchPosts_q_redistricting.json");
  f->notification_corpus = load_corpus ("bluesky/real/listNotifications.json");
  f->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  f->notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  f->clock = g_get_real_time () / G_USEC_PER_SEC - 7 * 24 * 60 * 60;

  /* "http://127.0.0.1:port/" for the source, "http://localhost:port" in
   * the DID document: another origin, so the test sees which is used. */
  uri = g_uri_parse (f->rig.base, G_URI_FLAGS_NONE, NULL);
  f->pds = g_strdup_printf ("http://localhost:%d", g_uri_get_port (uri));
  g_setenv ("CHORUS_PLC_DIRECTORY", f->rig.base, TRUE);
  g_setenv (PASSWORD_ENV, APP_PASSWORD, TRUE);
  g_string_truncate (logged, 0);
}

static gboolean
clear_secret (const char *server,
              const char *kind)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_secrets_clear_async ("bluesky", server, HANDLE, kind, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);

  return chorus_secrets_clear_finish (result, NULL);
}

static void
assert_no_secrets (const char *text)
{
  g_assert_null (strstr (text, TOKEN_PREFIX));
  g_assert_null (strstr (text, APP_PASSWORD));
  g_assert_null (strstr (text, WRONG_PASSWORD));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Whatever reached a keyring goes (without one, this fails at once). */
  clear_secret (f->rig.base, CHORUS_SECRET_KIND_REFRESH_TOKEN);
  clear_secret (f->rig.base, CHORUS_SECRET_KIND_APP_PASSWORD);

  g_assert_cmpuint (f->misplaced, ==, 0);
  assert_no_secrets (logged->str);

  chorus_test_sync_rig_tear_down (&f->rig);
  g_ptr_array_unref (f->posts);
  g_ptr_array_unref (f->notifications);
  json_node_unref (f->search_corpus);
  json_node_unref (f->notification_corpus);
  g_free (f->access);
  g_free (f->refresh);
  g_free (f->last_query);
  g_free (f->last_reasons);
  g_free (f->pds);
}

/* Helpers */

static void
add_source (Fixture    *f,
            gboolean    mentions,
            const char *hashtags,
            const char *keywords,
            const char *secret_env)
{
  ChorusSourceSettings settings = { "@" HANDLE, mentions, hashtags, keywords, NULL, secret_env };
  g_autoptr(GError) error = NULL;

  f->source_id = chorus_store_add_account (f->rig.store, "bluesky", f->rig.base, HANDLE, &settings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->source_id, >, 0);
}

/* The source as the workspace now has it: the only one. */
static ChorusSource *
find_source (Fixture *f)
{
  g_autoptr(GPtrArray) sources = chorus_store_list_sources (f->rig.store, NULL);

  g_assert_cmpuint (sources->len, ==, 1);

  return chorus_test_find_source (f->rig.store, f->source_id);
}

static gint64
count_posts (Fixture *f)
{
  sqlite3 *db = _chorus_store_get_db (f->rig.store);

  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(DISTINCT uri) FROM posts"), ==,
                   chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts"));

  return chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts");
}

static void
assert_synced (ChorusSyncSummary summary)
{
  g_assert_cmpuint (summary.sources_failed, ==, 0);
  g_assert_cmpuint (summary.sources_synced, ==, 1);
}

/* Tests */

static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  ChorusSyncSummary summary;

  add_posts (f, 30);
  add_source (f, FALSE, NULL, "redistricting", PASSWORD_ENV);

  /* A stream's first sync takes its newest page only. */
  summary = chorus_test_sync_now (f->rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.posts_new, ==, FAKE_PAGE);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE);
  g_assert_cmpuint (f->searches, ==, 1);
  g_assert_cmpstr (f->last_query, ==, "redistricting");

  /* Then the walk stops at the page reaching what it saw. */
  add_posts (f, 3);
  summary = chorus_test_sync_now (f->rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.posts_new, ==, 3);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 3);
  g_assert_cmpuint (f->searches, ==, 2);

  /* More new posts than a page: it walks back two. */
  add_posts (f, 15);
  summary = chorus_test_sync_now (f->rig.engine);
  assert_synced (summary);
  g_assert_cmpuint (summary.posts_new, ==, 15);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 3 + 15);
  g_assert_cmpuint (f->searches, ==, 4);

  /* One sign-in, then the session is renewed; identity every sync. */
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->refreshes, ==, 2);
  g_assert_cmpuint (f->resolves, ==, 3);
  g_assert_cmpuint (f->plc_lookups, ==, 3);
}

static void
test_mentions_and_hashtags (Fixture       *f,
                            gconstpointer  data)
{
  add_notifications (f, 60);
  add_posts (f, 5);
  add_source (f, TRUE, "coffee", NULL, PASSWORD_ENV);

  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->listings, ==, 1);
  g_assert_cmpstr (f->last_reasons, ==, "mention,reply,quote");
  g_assert_cmpstr (f->last_query, ==, "#coffee");
  g_assert_cmpuint (f->served_mentions, ==, FAKE_PAGE);
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 5);
}

/* Replies come with the posts they answer and the replies below them, in
 * one conversation; a thread that cannot be read costs nothing else. */
static void
test_threads (Fixture       *f,
              gconstpointer  data)
{
  sqlite3 *db = _chorus_store_get_db (f->rig.store);
  gint64 replies;

  f->serve_threads = TRUE;
  add_notifications (f, 40);
  add_source (f, TRUE, NULL, NULL, PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));

  replies = chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts WHERE uri LIKE '%chorusnotifications%'"
                                          " AND uri NOT LIKE '%reply' AND reply_to_uri IS NOT NULL");
  g_assert_cmpint (replies, >, 0);
  g_assert_cmpuint (f->threads, ==, (guint) replies);
  /* Each reply's parent is stored, in the reply's conversation... */
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts r JOIN posts p"
                                                 " ON p.uri = r.reply_to_uri AND p.conversation_id = r.conversation_id"
                                                 " WHERE r.uri LIKE '%chorusnotifications%'"
                                                 "  AND r.uri NOT LIKE '%reply'"),
                   ==, replies);
  /* ...and so is the reply below it. */
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts b JOIN posts r"
                                                 " ON r.uri = b.reply_to_uri AND r.conversation_id = b.conversation_id"
                                                 " WHERE b.uri LIKE '%chorusnotifications%reply'"),
                   ==, replies);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT COUNT(*) FROM posts WHERE text = 'A reply below it.'"),
                   ==, replies);

  /* A server that fails every thread: the mentions still arrive. */
  f->fail_threads = TRUE;
  add_notifications (f, 5);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->served_mentions, >, FAKE_PAGE);
}

static void
test_refresh_refused (Fixture       *f,
                      gconstpointer  data)
{
  add_posts (f, 5);
  add_source (f, FALSE, "coffee", NULL, PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));

  /* A refresh token the server no longer takes: sign in again, once. */
  f->refuse_refresh = TRUE;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->refreshes, ==, 1);
  g_assert_cmpuint (f->creates, ==, 2);

  f->refuse_refresh = FALSE;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->refreshes, ==, 2);
  g_assert_cmpuint (f->creates, ==, 2);
}

static void
test_wrong_password (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ChorusSource) source = NULL;
  g_autoptr(ChorusSource) fixed = NULL;
  ChorusSyncSummary summary;

  g_setenv (PASSWORD_ENV, WRONG_PASSWORD, TRUE);
  add_posts (f, 5);
  add_source (f, TRUE, NULL, NULL, PASSWORD_ENV);

  summary = chorus_test_sync_now (f->rig.engine);
  g_assert_cmpuint (summary.sources_failed, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->listings, ==, 0);

  source = find_source (f);
  g_assert_true (chorus_source_get_needs_reauth (source));
  g_assert_nonnull (strstr (chorus_source_get_last_error (source), "@" HANDLE));
  assert_no_secrets (chorus_source_get_last_error (source));
  g_assert_nonnull (strstr (logged->str, "did not accept"));   /* the logs are read */

  /* With the right one, the source is well again. */
  g_setenv (PASSWORD_ENV, APP_PASSWORD, TRUE);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  fixed = find_source (f);
  g_assert_false (chorus_source_get_needs_reauth (fixed));
  g_assert_null (chorus_source_get_last_error (fixed));
}

static void
test_missing_password (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ChorusSource) source = NULL;

  g_unsetenv (PASSWORD_ENV);
  add_source (f, TRUE, NULL, NULL, PASSWORD_ENV);

  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).sources_failed, ==, 1);
  source = find_source (f);
  g_assert_true (chorus_source_get_needs_reauth (source));
  g_assert_nonnull (strstr (chorus_source_get_last_error (source), PASSWORD_ENV));
  g_assert_cmpuint (f->creates, ==, 0);
}

static void
test_retries (Fixture       *f,
              gconstpointer  data)
{
  add_posts (f, 5);
  add_source (f, FALSE, "coffee", NULL, PASSWORD_ENV);
  f->fail_429 = 1;
  f->fail_500 = 1;

  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->searches, ==, 3);
  g_assert_cmpint (count_posts (f), ==, 5);
}

static void
test_interrupted_walk (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *mark = NULL;
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;

  add_posts (f, 30);
  add_source (f, FALSE, NULL, "redistricting", PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  mark = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_nonnull (mark);

  /* The walk's second page fails: the mark does not move (whether the
   * first page's posts were written is the pager's business). */
  add_posts (f, 25);
  f->break_older_pages = TRUE;
  g_assert_cmpuint (chorus_test_sync_now (f->rig.engine).sources_failed, ==, 1);
  g_assert_cmpint (count_posts (f), <=, 2 * FAKE_PAGE);
  after = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_cmpstr (after, ==, mark);

  /* So the next walk starts from the top again and misses nothing. */
  f->break_older_pages = FALSE;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpint (count_posts (f), ==, FAKE_PAGE + 25);
  moved = chorus_store_dup_cursor (f->rig.store, f->source_id, "search:redistricting");
  g_assert_cmpstr (moved, >, mark);
}

static void
test_expired_during_sync (Fixture       *f,
                          gconstpointer  data)
{
  add_posts (f, 5);
  add_source (f, FALSE, NULL, "one\ntwo", PASSWORD_ENV);
  assert_synced (chorus_test_sync_now (f->rig.engine));

  /* The second stream's request finds the session expired: it is renewed
   * and the streams are read again. */
  f->expire_access_after = 2;
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->checks, ==, 1);
  g_assert_cmpuint (f->refreshes, ==, 2);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpint (count_posts (f), ==, 5);
}

/* Keyring */

static gboolean
skip_without_keyring (void)
{
  static gsize probed = 0;
  static gboolean usable = FALSE;

  if (g_once_init_enter (&probed))
    {
      g_autoptr(GAsyncResult) result = NULL;

      chorus_secrets_set_timeout (5);
      chorus_secrets_store_async ("bluesky", "https://probe.invalid", HANDLE, CHORUS_SECRET_KIND_TOKEN,
                                  "probe", NULL, chorus_test_async_result_cb, &result);
      chorus_test_wait_async_result (&result);
      usable = chorus_secrets_store_finish (result, NULL);
      g_clear_object (&result);
      if (usable)
        {
          chorus_secrets_clear_async ("bluesky", "https://probe.invalid", HANDLE, CHORUS_SECRET_KIND_TOKEN,
                                      NULL, chorus_test_async_result_cb, &result);
          chorus_test_wait_async_result (&result);
          chorus_secrets_clear_finish (result, NULL);
        }
      g_once_init_leave (&probed, 1);
    }

  if (!usable)
    g_test_skip ("no unlocked keyring; build-aux/chorus-test provides one");

  return !usable;
}

static void
test_keyring (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *kept;

  if (skip_without_keyring ())
    return;

  chorus_secrets_store_async ("bluesky", f->rig.base, HANDLE, CHORUS_SECRET_KIND_APP_PASSWORD, APP_PASSWORD,
                              NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_secrets_store_finish (result, NULL));
  g_clear_object (&result);

  add_posts (f, 5);
  add_source (f, FALSE, "coffee", NULL, NULL);
  assert_synced (chorus_test_sync_now (f->rig.engine));
  assert_synced (chorus_test_sync_now (f->rig.engine));
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->refreshes, ==, 1);

  /* The keyring holds the newest refresh token, for the next process. */
  chorus_secrets_lookup_async ("bluesky", f->rig.base, HANDLE, CHORUS_SECRET_KIND_REFRESH_TOKEN, NULL, NULL,
                               chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  kept = chorus_secrets_lookup_finish (result, NULL);
  g_assert_cmpstr (kept, ==, f->refresh);
  chorus_secrets_free (kept);
}

/* Logs are kept, to check that no secret reaches them; debug messages
 * go no further. */
static GLogFunc default_log_handler;

static void
record_log_handler (const char     *domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  static GMutex lock;

  g_mutex_lock (&lock);
  g_string_append_printf (logged, "%s\n", message);
  g_mutex_unlock (&lock);

  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) == 0)
    default_log_handler (domain, log_level, message, user_data);
}

static void
add_test (const char    *path,
          void         (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Without a session bus, keyring calls fail at once rather than look
   * for one to start. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chorus-test-bus", TRUE);

  logged = g_string_new (NULL);
  default_log_handler = g_log_set_default_handler (record_log_handler, NULL);
  g_log_set_debug_enabled (TRUE);

  add_test ("/chorus/sync-bluesky/incremental", test_incremental);
  add_test ("/chorus/sync-bluesky/mentions-and-hashtags", test_mentions_and_hashtags);
  add_test ("/chorus/sync-bluesky/threads", test_threads);
  add_test ("/chorus/sync-bluesky/refresh-refused", test_refresh_refused);
  add_test ("/chorus/sync-bluesky/wrong-password", test_wrong_password);
  add_test ("/chorus/sync-bluesky/missing-password", test_missing_password);
  add_test ("/chorus/sync-bluesky/retries", test_retries);
  add_test ("/chorus/sync-bluesky/interrupted-walk", test_interrupted_walk);
  add_test ("/chorus/sync-bluesky/expired-during-sync", test_expired_during_sync);
  add_test ("/chorus/sync-bluesky/keyring", test_keyring);

  return g_test_run ();
}
