/* fake-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The fake Bluesky service of test-sync-bluesky (see fake-bluesky.h):
 * what it answers to each XRPC call, and the faults a test asks for. */

#include <string.h>

#include <libsoup/soup.h>

#include "fake-bluesky.h"
#include "fake-bluesky-feed.h"
#include "fake-bluesky-thread.h"

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
new_item (FakeBluesky *f,
          JsonNode    *corpus,
          const char  *member)
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

void
fake_bluesky_add_posts (FakeBluesky *f,
                        guint        count)
{
  for (guint i = 0; i < count; i++)
    g_ptr_array_insert (f->posts, 0, new_item (f, f->search_corpus, "posts"));
}

void
fake_bluesky_add_notifications (FakeBluesky *f,
                                guint        count)
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
reply_session (FakeBluesky       *f,
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
create_session (FakeBluesky       *f,
                SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *input;

  f->creates++;
  if (!json_parser_load_from_data (parser, body->data, body->length, NULL) ||
      !(input = json_node_get_object (json_parser_get_root (parser))) ||
      g_strcmp0 (json_object_get_string_member_with_default (input, "identifier", ""), HANDLE) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (input, "password", ""),
                 f->password != NULL ? f->password : APP_PASSWORD) != 0)
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
serve_page (FakeBluesky       *f,
            SoupServerMessage *message,
            GHashTable        *query,
            GPtrArray         *items,
            const char        *member)
{
  g_auto(GStrv) reasons = dup_reasons (message);
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  g_autoptr(GDateTime) since_time = since != NULL ? g_date_time_new_from_iso8601 (since, NULL) : NULL;
  guint offset = cursor != NULL ? (guint) g_ascii_strtoull (cursor, NULL, 10) : 0;
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  g_autoptr(JsonObject) answer = json_object_new ();
  JsonArray *page = json_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *item = json_node_get_object (g_ptr_array_index (items, i));
      const char *indexed_at = json_object_get_string_member_with_default (item, "indexedAt", NULL);
      g_autoptr(GDateTime) indexed = indexed_at != NULL ? g_date_time_new_from_iso8601 (indexed_at, NULL) : NULL;

      /* searchPosts' since: posts from then on (the fake's posts are
       * indexed when created). */
      if (since_time != NULL && indexed != NULL && g_date_time_compare (indexed, since_time) < 0)
        continue;
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
serve_thread (FakeBluesky       *f,
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
serve_data (FakeBluesky       *f,
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

  if (fake_bluesky_feed_serve (f, message, path, query))
    return;

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
  FakeBluesky *f = user_data;
  const char *method = soup_server_message_get_method (message);

  /* One request per connection, as in test-sync.c, for LeakSanitizer. */
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  if (f->clock_ahead != 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC + f->clock_ahead);
      g_autofree char *date = soup_date_time_to_string (now, SOUP_DATE_HTTP);

      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Date", date);
    }

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
  else if (f->extra_route != NULL && f->extra_route (f, message, path, query))
    return;   /* a test's own routes win over the feed's */
  else if (g_str_equal (path, "/xrpc/app.bsky.feed.searchPosts") ||
           g_str_equal (path, "/xrpc/app.bsky.notification.listNotifications") ||
           g_str_equal (path, "/xrpc/app.bsky.feed.getPostThread") ||
           g_str_equal (path, "/xrpc/com.atproto.server.getSession") || fake_bluesky_feed_knows (path))
    serve_data (f, message, path, query);
  else
    reply_error (message, 404, "MethodNotImplemented");
}

void
fake_bluesky_set_up (FakeBluesky *f)
{
  g_autoptr(GUri) uri = NULL;

  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);

  f->search_corpus = load_corpus ("bluesky/real/searchPosts_q_redistricting.json");
  f->notification_corpus = load_corpus ("bluesky/real/listNotifications.json");
  f->posts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  f->notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  f->feed = fake_bluesky_feed_new ();
  f->clock = g_get_real_time () / G_USEC_PER_SEC - 7 * 24 * 60 * 60;

  /* "http://127.0.0.1:port/" for the source, "http://localhost:port" in
   * the DID document: another origin, so the test sees which is used. */
  uri = g_uri_parse (f->rig.base, G_URI_FLAGS_NONE, NULL);
  f->pds = g_strdup_printf ("http://localhost:%d", g_uri_get_port (uri));
  g_setenv ("CHORUS_PLC_DIRECTORY", f->rig.base, TRUE);
  g_setenv (PASSWORD_ENV, APP_PASSWORD, TRUE);
}

void
fake_bluesky_tear_down (FakeBluesky *f)
{
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
  fake_bluesky_feed_free (f->feed);
}
