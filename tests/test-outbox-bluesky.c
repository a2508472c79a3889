/* test-outbox-bluesky.c
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

/* The outbox with Bluesky, against a fake PDS on 127.0.0.1 that signs in
 * (resolveHandle, createSession, refreshSession, getSession), reads posts
 * (getPosts), resolves mentioned handles, and keeps records by
 * collection and key (createRecord, getRecord) as a PDS does: a key that
 * is taken cannot be created again (a 500, as some PDS versions answer). */

#define HANDLE        "brand.test"
#define DID           "did:plc:chorusoutboxbrand222222"
#define FRIEND_DID    "did:plc:chorusoutboxfriend22222"
#define PASSWORD      "abcd-efgh-ijkl-mnop"
#define PASSWORD_ENV  "CHORUS_OUTBOX_TEST_BLUESKY_PASSWORD"
#define TARGET_URI    "at://did:plc:chorusoutboxana2222222222/app.bsky.feed.post/3kaaaaaaaaa2a"
#define ROOT_URI      "at://did:plc:chorusoutboxbo22222222222/app.bsky.feed.post/3kbbbbbbbbb2b"
#define TARGET_CID    "bafytargetcid"
#define ROOT_CID      "bafyrootcid"

typedef struct
{
  ChorusTestSyncRig  rig;
  sqlite3           *db;
  ChorusOutboxSender *sender;
  gint64             source_id;
  gint64             target_id;
  GHashTable        *records;      /* "collection/rkey" → the createRecord input's JSON */
  guint              creates;      /* createRecord calls, refused ones included */
  guint              lookups;      /* getRecord calls */
  guint              post_reads;   /* getPosts calls */
  gboolean           refuse_text;  /* createRecord answers 400 for posts */
  char              *access;
} Fixture;

/* The fake PDS */

static void
reply_error (SoupServerMessage *message,
             guint              status,
             const char        *name)
{
  g_autofree char *json = g_strdup_printf ("{\"error\":\"%s\",\"message\":\"%s refused\"}", name, name);

  chorus_test_reply_json (message, status, json);
}

static void
reply_session (Fixture           *f,
               SoupServerMessage *message)
{
  g_autofree char *json = NULL;

  g_free (f->access);
  f->access = g_strdup_printf ("access-%u", g_random_int ());
  json = g_strdup_printf ("{\"did\":\"" DID "\",\"handle\":\"" HANDLE "\",\"accessJwt\":\"%s\","
                          "\"refreshJwt\":\"refresh-%u\",\"active\":true}", f->access, g_random_int ());
  chorus_test_reply_json (message, 200, json);
}

static gboolean
signed_in (Fixture           *f,
           SoupServerMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                    "Authorization");
  g_autofree char *expected = g_strconcat ("Bearer ", f->access, NULL);

  return f->access != NULL && g_strcmp0 (value, expected) == 0;
}

static char *
record_key (const char *collection,
            const char *rkey)
{
  return g_strconcat (collection, "/", rkey, NULL);
}

static void
serve_get_posts (Fixture           *f,
                 SoupServerMessage *message,
                 GHashTable        *query)
{
  f->post_reads++;
  if (g_strcmp0 (g_hash_table_lookup (query, "uris"), TARGET_URI) != 0)
    {
      chorus_test_reply_json (message, 200, "{\"posts\":[]}");
      return;
    }

  chorus_test_reply_json (message, 200,
                          "{\"posts\":[{\"uri\":\"" TARGET_URI "\",\"cid\":\"" TARGET_CID "\","
                          "\"author\":{\"did\":\"did:plc:chorusoutboxana2222222222\",\"handle\":\"ana.test\"},"
                          "\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Where is it?\","
                          "\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"reply\":{"
                          "\"root\":{\"uri\":\"" ROOT_URI "\",\"cid\":\"" ROOT_CID "\"},"
                          "\"parent\":{\"uri\":\"" ROOT_URI "\",\"cid\":\"" ROOT_CID "\"}}},"
                          "\"indexedAt\":\"2026-01-01T00:00:01.000Z\"}]}");
}

/* getRecord answers with what createRecord stored. */
static void
serve_get_record (Fixture           *f,
                  SoupServerMessage *message,
                  GHashTable        *query)
{
  g_autofree char *key = record_key (g_hash_table_lookup (query, "collection"), g_hash_table_lookup (query, "rkey"));
  const char *input = g_hash_table_lookup (f->records, key);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_autofree char *value = NULL;

  f->lookups++;
  if (g_strcmp0 (g_hash_table_lookup (query, "repo"), DID) != 0 || input == NULL)
    {
      reply_error (message, 400, "RecordNotFound");
      return;
    }

  g_assert_true (json_parser_load_from_data (parser, input, -1, NULL));
  value = json_to_string (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "record"),
                          FALSE);
  json = g_strdup_printf ("{\"uri\":\"at://" DID "/%s\",\"cid\":\"bafy%s\",\"value\":%s}", key,
                          (char *) g_hash_table_lookup (query, "rkey"), value);
  chorus_test_reply_json (message, 200, json);
}

static void
serve_create_record (Fixture           *f,
                     SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *input = g_strndup (body->data, body->length);
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;
  JsonObject *object;
  const char *collection;
  const char *rkey;

  f->creates++;
  g_assert_true (json_parser_load_from_data (parser, input, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  collection = json_object_get_string_member (object, "collection");
  rkey = json_object_get_string_member (object, "rkey");
  key = record_key (collection, rkey);

  if (g_strcmp0 (json_object_get_string_member (object, "repo"), DID) != 0)
    reply_error (message, 400, "InvalidRequest");
  else if (f->refuse_text && g_str_equal (collection, "app.bsky.feed.post"))
    reply_error (message, 400, "InvalidRequest");
  else if (g_hash_table_contains (f->records, key))
    reply_error (message, 500, "InternalServerError");
  else
    {
      g_hash_table_insert (f->records, g_steal_pointer (&key), g_steal_pointer (&input));
      json = g_strdup_printf ("{\"uri\":\"at://" DID "/%s/%s\",\"cid\":\"bafy%s\","
                              "\"commit\":{\"cid\":\"bafycommit\",\"rev\":\"3l\"}}", collection, rkey, rkey);
      chorus_test_reply_json (message, 200, json);
    }
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;
  const char *handle = query != NULL ? g_hash_table_lookup (query, "handle") : NULL;

  if (g_str_equal (path, "/xrpc/com.atproto.identity.resolveHandle"))
    chorus_test_reply_json (message, g_strcmp0 (handle, HANDLE) == 0 || g_strcmp0 (handle, "friend.test") == 0
                            ? 200 : 400,
                            g_strcmp0 (handle, HANDLE) == 0 ? "{\"did\":\"" DID "\"}"
                            : g_strcmp0 (handle, "friend.test") == 0 ? "{\"did\":\"" FRIEND_DID "\"}"
                            : "{\"error\":\"InvalidRequest\"}");
  else if (g_str_equal (path, "/xrpc/com.atproto.server.createSession") ||
           g_str_equal (path, "/xrpc/com.atproto.server.refreshSession"))
    reply_session (f, message);
  else if (!signed_in (f, message))
    reply_error (message, g_str_has_prefix (path, "/xrpc/") ? 401 : 404, "AuthenticationRequired");
  else if (g_str_equal (path, "/xrpc/com.atproto.server.getSession"))
    chorus_test_reply_json (message, 200, "{\"did\":\"" DID "\",\"handle\":\"" HANDLE "\"}");
  else if (g_str_equal (path, "/xrpc/app.bsky.feed.getPosts"))
    serve_get_posts (f, message, query);
  else if (g_str_equal (path, "/xrpc/com.atproto.repo.getRecord"))
    serve_get_record (f, message, query);
  else if (g_str_equal (path, "/xrpc/com.atproto.repo.createRecord"))
    serve_create_record (f, message);
  else
    reply_error (message, 404, "NotFound");
}

/* The workspace */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  chorus_test_sync_rig_set_up (&f->rig, on_request_cb, f);
  g_setenv ("CHORUS_PLC_DIRECTORY", f->rig.base, TRUE);
  g_setenv (PASSWORD_ENV, PASSWORD, TRUE);
  f->db = chorus_test_db_open (f->rig.workspace.path, SQLITE_OPEN_READWRITE, 5000);
  f->sender = chorus_outbox_sender_new (f->rig.store, f->rig.http);
  f->source_id = outbox_test_add_account (f->rig.store, "bluesky", f->rig.base, HANDLE, PASSWORD_ENV);

  /* A reply in someone else's thread; its cid is not known. */
  f->target_id = outbox_test_store_post (f->rig.store, f->source_id, "bluesky", TARGET_URI, NULL, ROOT_URI);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->sender);
  sqlite3_close (f->db);
  chorus_test_sync_rig_tear_down (&f->rig);
  g_hash_table_unref (f->records);
  g_free (f->access);
}

static char *
payload_text (Fixture    *f,
              const char *member)
{
  g_autofree char *sql = g_strdup_printf ("SELECT json_extract (payload, '$.%s') FROM outbox ORDER BY id DESC LIMIT 1",
                                          member);

  return chorus_test_db_query_text (f->db, sql);
}

static JsonObject *
stored_record (Fixture    *f,
               JsonParser *parser,
               const char *collection,
               const char *rkey)
{
  g_autofree char *key = record_key (collection, rkey);
  const char *input = g_hash_table_lookup (f->records, key);

  g_assert_nonnull (input);
  g_assert_true (json_parser_load_from_data (parser, input, -1, NULL));
  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "record");
}

/* The facet of @feature covering @covered in @text, as byte offsets. */
static void
assert_facet (JsonArray  *facets,
              const char *text,
              const char *covered,
              const char *member,
              const char *value)
{
  gint64 start = strstr (text, covered) - text;
  gint64 end = start + (gint64) strlen (covered);

  for (guint i = 0; i < json_array_get_length (facets); i++)
    {
      JsonObject *facet = json_array_get_object_element (facets, i);
      JsonObject *index = json_object_get_object_member (facet, "index");
      JsonObject *feature = json_array_get_object_element (json_object_get_array_member (facet, "features"), 0);

      if (json_object_get_int_member (index, "byteStart") == start &&
          json_object_get_int_member (index, "byteEnd") == end)
        {
          g_assert_cmpstr (json_object_get_string_member (feature, member), ==, value);
          return;
        }
    }

  g_error ("No facet for “%s” at bytes %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, covered, start, end);
}

static void
test_reply (Fixture       *f,
            gconstpointer  data)
{
  const char *text = "¡Gracias @friend.test! Mira https://example.com/ayuda (y #envíos) @nobody.test";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rkey = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sql = NULL;
  JsonObject *record;
  JsonObject *reply;
  JsonArray *facets;

  g_assert_cmpint (chorus_store_queue_reply (f->rig.store, f->target_id, text, &error), >, 0);
  g_assert_no_error (error);
  rkey = payload_text (f, "rkey");
  g_assert_cmpuint (strlen (rkey), ==, 13);
  g_assert_cmpuint (strspn (rkey, "234567abcdefghijklmnopqrstuvwxyz"), ==, 13);

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpuint (f->post_reads, ==, 1);
  g_assert_cmpuint (f->lookups, ==, 0);

  /* Under the key it was given, answering the target in its thread. */
  record = stored_record (f, parser, "app.bsky.feed.post", rkey);
  g_assert_cmpstr (json_object_get_string_member (record, "text"), ==, text);
  reply = json_object_get_object_member (record, "reply");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "root"), "uri"), ==, ROOT_URI);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "root"), "cid"), ==, ROOT_CID);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "parent"), "uri"), ==,
                   TARGET_URI);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "parent"), "cid"), ==,
                   TARGET_CID);

  /* Byte offsets, after the two-byte "¡"; the unknown handle stays text. */
  facets = json_object_get_array_member (record, "facets");
  g_assert_cmpuint (json_array_get_length (facets), ==, 3);
  assert_facet (facets, text, "@friend.test", "did", FRIEND_DID);
  assert_facet (facets, text, "https://example.com/ayuda", "uri", "https://example.com/ayuda");
  assert_facet (facets, text, "#envíos", "tag", "envíos");

  /* The brand's own reply, in the thread. */
  uri = g_strdup_printf ("at://" DID "/app.bsky.feed.post/%s", rkey);
  sql = g_strdup_printf ("SELECT count(*) FROM posts WHERE is_own = 1 AND uri = '%s' AND reply_to_uri = '" TARGET_URI
                         "' AND remote_id = 'bafy%s' AND conversation_id = (SELECT conversation_id FROM posts"
                         " WHERE uri = '" TARGET_URI "')", uri, rkey);
  g_assert_cmpint (outbox_test_query_int (f->db, "%s", sql), ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->db, "sent", 1), ==, 1);
}

/* A resend after a crash looks for its key first: found, it is sent. */
static void
test_resend_finds_record (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *rkey = NULL;
  g_autofree char *key = NULL;

  g_assert_cmpint (chorus_store_queue_reply (f->rig.store, f->target_id, "Done.", NULL), >, 0);
  rkey = payload_text (f, "rkey");

  /* The first attempt reached the PDS; Chorus died before the answer. */
  key = record_key ("app.bsky.feed.post", rkey);
  g_hash_table_insert (f->records, g_steal_pointer (&key),
                       g_strdup ("{\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Done.\","
                                 "\"createdAt\":\"2026-01-02T00:00:00.000Z\",\"reply\":{"
                                 "\"root\":{\"uri\":\"" ROOT_URI "\",\"cid\":\"" ROOT_CID "\"},"
                                 "\"parent\":{\"uri\":\"" TARGET_URI "\",\"cid\":\"" TARGET_CID "\"}}}}"));
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'sending', attempts = 1");

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->lookups, ==, 1);
  g_assert_cmpuint (f->creates, ==, 0);
  g_assert_cmpuint (g_hash_table_size (f->records), ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->db, "sent", 2), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM posts"
                                                 " WHERE is_own = 1 AND text = 'Done.'"), ==, 1);
}

/* Not found under its key: written now, once, under that key. */
static void
test_resend_writes_once (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *rkey = NULL;

  g_assert_cmpint (chorus_store_queue_reply (f->rig.store, f->target_id, "Done.", NULL), >, 0);
  rkey = payload_text (f, "rkey");
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'sending', attempts = 1");

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->lookups, ==, 1);
  g_assert_cmpuint (f->creates, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (stored_record (f, parser, "app.bsky.feed.post", rkey), "text"),
                   ==, "Done.");

  /* A create refused because the key is taken means it went out. */
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'queued', attempts = 0");
  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 1);
  g_assert_cmpuint (f->creates, ==, 2);
  g_assert_cmpuint (g_hash_table_size (f->records), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM posts WHERE is_own = 1"), ==, 1);
}

static void
test_like_and_repost (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *like_rkey = NULL;
  g_autofree char *repost_rkey = NULL;
  JsonObject *subject;

  /* Known cid: nothing to read first. */
  chorus_test_db_exec (f->db, "UPDATE posts SET remote_id = '" TARGET_CID "'");
  g_assert_cmpint (chorus_store_queue_like (f->rig.store, f->target_id, NULL), >, 0);
  like_rkey = payload_text (f, "rkey");
  g_assert_cmpint (chorus_store_queue_repost (f->rig.store, f->target_id, NULL), >, 0);
  repost_rkey = payload_text (f, "rkey");

  g_assert_cmpuint (outbox_test_flush (f->sender).sent, ==, 2);
  g_assert_cmpuint (f->post_reads, ==, 0);
  subject = json_object_get_object_member (stored_record (f, parser, "app.bsky.feed.like", like_rkey), "subject");
  g_assert_cmpstr (json_object_get_string_member (subject, "uri"), ==, TARGET_URI);
  g_assert_cmpstr (json_object_get_string_member (subject, "cid"), ==, TARGET_CID);
  subject = json_object_get_object_member (stored_record (f, parser, "app.bsky.feed.repost", repost_rkey), "subject");
  g_assert_cmpstr (json_object_get_string_member (subject, "uri"), ==, TARGET_URI);
  g_assert_cmpint (outbox_test_query_int (f->db, "SELECT count(*) FROM outbox"
                                                 " WHERE remote_uri LIKE 'at://" DID "/app.bsky.feed.%%'"),
                                          ==, 2);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *reason = NULL;

  f->refuse_text = TRUE;
  g_assert_cmpint (chorus_store_queue_reply (f->rig.store, f->target_id, "Hello", NULL), >, 0);
  g_assert_cmpuint (outbox_test_flush (f->sender).failed, ==, 1);
  /* The refusal was checked against the key before it was believed. */
  g_assert_cmpuint (f->lookups, ==, 1);
  reason = chorus_test_db_query_text (f->db, "SELECT last_error FROM outbox");
  g_assert_cmpstr (reason, ==, "Bluesky refused the reply: InvalidRequest refused");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* No keyring: the session is kept in the process. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chorus-test-bus", TRUE);

  g_test_add ("/chorus/outbox/bluesky/reply", Fixture, NULL, fixture_set_up, test_reply, fixture_tear_down);
  g_test_add ("/chorus/outbox/bluesky/resend-finds-record", Fixture, NULL, fixture_set_up,
              test_resend_finds_record, fixture_tear_down);
  g_test_add ("/chorus/outbox/bluesky/resend-writes-once", Fixture, NULL, fixture_set_up,
              test_resend_writes_once, fixture_tear_down);
  g_test_add ("/chorus/outbox/bluesky/like-and-repost", Fixture, NULL, fixture_set_up, test_like_and_repost,
              fixture_tear_down);
  g_test_add ("/chorus/outbox/bluesky/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
