/* fake-bluesky-upload.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The routes fake-bluesky-upload.h describes, on the fake PDS of
 * fake-bluesky.c: only there (the host "localhost"), signed in with the
 * token it gave last. */

#include <string.h>

#include <libsoup/soup.h>

#include "fake-bluesky-upload.h"

#define BLOB_LIMIT 1000000
#define FOLLOWERS  120

static void
blob_free (FakeBlueskyBlob *blob)
{
  g_free (blob->content_type);
  g_bytes_unref (blob->bytes);
  g_free (blob->cid);
  g_free (blob);
}

static void
reply_error (SoupServerMessage *message,
             guint              status,
             const char        *name)
{
  g_autofree char *json = g_strdup_printf ("{\"error\":\"%s\",\"message\":\"%s\"}", name, name);

  chorus_test_reply_json (message, status, json);
}

static void
upload_blob (FakeBlueskyUploads *uploads,
             SoupServerMessage  *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (message),
                                                            NULL);
  FakeBlueskyBlob *blob;
  g_autofree char *sha = NULL;
  g_autofree char *json = NULL;

  if (body->length > BLOB_LIMIT)
    {
      reply_error (message, 400, "BlobTooLarge");
      return;
    }

  blob = g_new0 (FakeBlueskyBlob, 1);
  blob->content_type = g_strdup (type);
  blob->bytes = g_bytes_new (body->data, body->length);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, blob->bytes);
  blob->cid = g_strdup_printf ("bafkrei%.20s", sha);
  g_ptr_array_add (uploads->blobs, blob);

  json = g_strdup_printf ("{\"blob\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"%s\"},\"mimeType\":\"%s\","
                          "\"size\":%" G_GSIZE_FORMAT "}}", blob->cid, type, (gsize) body->length);
  chorus_test_reply_json (message, 200, json);
}

static void
create_record (FakeBlueskyUploads *uploads,
               SoupServerMessage  *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *input;
  const char *rkey;

  uploads->creates++;
  g_assert_true (json_parser_load_from_data (parser, body->data, (gssize) body->length, NULL));
  input = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (input, "repo"), ==, DID);
  rkey = json_object_get_string_member (input, "rkey");
  if (g_hash_table_contains (uploads->records, rkey))
    {
      reply_error (message, 500, "InternalServerError");
      return;
    }

  g_hash_table_insert (uploads->records, g_strdup (rkey),
                       json_to_string (json_object_get_member (input, "record"), FALSE));
  json = g_strdup_printf ("{\"uri\":\"at://" DID "/%s/%s\",\"cid\":\"bafyrecord%s\"}",
                          json_object_get_string_member (input, "collection"), rkey, rkey);
  chorus_test_reply_json (message, 200, json);
}

static void
get_record (FakeBlueskyUploads *uploads,
            SoupServerMessage  *message,
            GHashTable         *query)
{
  const char *rkey = query != NULL ? g_hash_table_lookup (query, "rkey") : NULL;
  const char *record = rkey != NULL ? g_hash_table_lookup (uploads->records, rkey) : NULL;
  g_autofree char *json = NULL;

  uploads->lookups++;
  if (record == NULL)
    {
      reply_error (message, 400, "RecordNotFound");
      return;
    }

  json = g_strdup_printf ("{\"uri\":\"at://" DID "/%s/%s\",\"cid\":\"bafyrecord%s\",\"value\":%s}",
                          (char *) g_hash_table_lookup (query, "collection"), rkey, rkey, record);
  chorus_test_reply_json (message, 200, json);
}

static gboolean
route (FakeBluesky       *f,
       SoupServerMessage *message,
       const char        *path,
       GHashTable        *query)
{
  FakeBlueskyUploads *uploads = f->extra_data;
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");
  g_autofree char *expected = g_strconcat ("Bearer ", f->access, NULL);

  if (!g_str_equal (path, "/xrpc/com.atproto.repo.uploadBlob") &&
      !g_str_equal (path, "/xrpc/com.atproto.repo.createRecord") &&
      !g_str_equal (path, "/xrpc/com.atproto.repo.getRecord") &&
      !g_str_equal (path, "/xrpc/app.bsky.actor.getProfile"))
    return FALSE;

  if (g_strcmp0 (g_uri_get_host (soup_server_message_get_uri (message)), "localhost") != 0 ||
      f->access == NULL || g_strcmp0 (authorization, expected) != 0)
    {
      f->misplaced++;
      reply_error (message, 401, "AuthenticationRequired");
    }
  else if (g_str_equal (path, "/xrpc/com.atproto.repo.uploadBlob"))
    upload_blob (uploads, message);
  else if (g_str_equal (path, "/xrpc/com.atproto.repo.createRecord"))
    create_record (uploads, message);
  else if (g_str_equal (path, "/xrpc/com.atproto.repo.getRecord"))
    get_record (uploads, message, query);
  else
    chorus_test_reply_json (message, 200, "{\"did\":\"" DID "\",\"handle\":\"" HANDLE "\","
                                          "\"followersCount\":" G_STRINGIFY (FOLLOWERS) "}");

  return TRUE;
}

/* Adds the routes to @f, a fake set up with fake_bluesky_set_up(). */
void
fake_bluesky_uploads_install (FakeBlueskyUploads *uploads,
                              FakeBluesky        *f)
{
  uploads->blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) blob_free);
  uploads->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->extra_route = route;
  f->extra_data = uploads;
}

void
fake_bluesky_uploads_clear (FakeBlueskyUploads *uploads)
{
  g_clear_pointer (&uploads->blobs, g_ptr_array_unref);
  g_clear_pointer (&uploads->records, g_hash_table_unref);
}
