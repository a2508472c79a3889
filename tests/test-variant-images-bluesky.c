/* test-variant-images-bluesky.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Variant posts with images on Bluesky, against the fake service of
 * fake-bluesky.c with the PDS routes of fake-bluesky-upload.c: the image
 * goes up as a blob, byte for byte with its Content-Type, and the record
 * embeds that blob with its alt text and aspect ratio; a post that may
 * have gone out is looked up by its key before anything is uploaded or
 * written again. */

#include <string.h>

#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-sources.h"
#include "chorus-test-util.h"
#include "fake-bluesky-upload.h"
#include "variant-image-util.h"

#define PINE_TEXT "Pines at dawn: the Trail Runner is out."
#define LAKE_TEXT "A lake at noon: the Trail Runner is out."
#define PINE_ALT  "Three pines on a ridge at dawn, their shadows long on the snow"

typedef struct
{
  FakeBluesky         bluesky;
  FakeBlueskyUploads  uploads;
  ChorusHttp         *http;
  ChorusOutboxSender *sender;
  sqlite3            *db;
  ChorusMediaInfo    *image;
  gint64              campaign_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const bodies[] = { PINE_TEXT, LAKE_TEXT, NULL };
  static const char * const alts[] = { PINE_ALT, NULL };
  ChorusSourceSettings settings = { "@" HANDLE, TRUE, NULL, NULL, NULL, PASSWORD_ENV };
  ChorusStore *store;
  ChorusMediaInfo *images[] = { NULL, NULL };
  g_autoptr(GError) error = NULL;

  fake_bluesky_set_up (&f->bluesky);
  fake_bluesky_uploads_install (&f->uploads, &f->bluesky);
  store = f->bluesky.rig.store;
  f->bluesky.source_id = chorus_store_add_account (store, "bluesky", f->bluesky.rig.base, HANDLE, &settings, &error);
  g_assert_no_error (error);
  f->http = chorus_http_new ();
  chorus_http_set_backoff (f->http, 1, 2);
  f->sender = chorus_outbox_sender_new (store, f->http);
  f->db = chorus_test_db_open (chorus_store_get_path (store), SQLITE_OPEN_READWRITE, 5000);

  f->image = images[0] = variant_image_add_png (store, 48, 27, TRUE);
  f->campaign_id = variant_image_create_campaign (store, bodies, images, alts);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpuint (f->bluesky.misplaced, ==, 0);
  g_clear_object (&f->sender);
  g_clear_object (&f->http);
  sqlite3_close (f->db);
  chorus_media_info_free (f->image);
  fake_bluesky_uploads_clear (&f->uploads);
  fake_bluesky_tear_down (&f->bluesky);
}

static ChorusOutboxSummary
flush (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusOutboxSummary summary = { 0, };

  chorus_outbox_sender_flush_async (f->sender, 0, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_outbox_sender_flush_finish (f->sender, result, &summary, &error));
  g_assert_no_error (error);
  return summary;
}

static void
launch (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (chorus_store_launch_variant_posts (f->bluesky.rig.store, f->campaign_id, &f->bluesky.source_id,
                                                      1, 0, 3, &error), >, 0);
  g_assert_no_error (error);
}

/* The record the PDS holds whose text starts with @text. */
static JsonObject *
find_record (Fixture    *f,
             const char *text)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, f->uploads.records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *record;

      g_assert_true (json_parser_load_from_data (parser, value, -1, NULL));
      record = json_node_get_object (json_parser_get_root (parser));
      if (g_str_has_prefix (json_object_get_string_member (record, "text"), text))
        return json_object_ref (record);
    }

  g_assert_not_reached ();
}

static void
assert_blob_is_image (Fixture         *f,
                      FakeBlueskyBlob *blob)
{
  g_autofree char *path = chorus_media_dup_path (f->bluesky.rig.store, f->image->sha256, f->image->mime_type);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (blob->bytes, NULL), g_bytes_get_size (blob->bytes), contents, length);
  g_assert_cmpstr (blob->content_type, ==, "image/png");
}

/* The embed of the pine post: the blob as the PDS gave it, the alt text
 * and the image's proportions. */
static void
assert_embedded (Fixture         *f,
                 FakeBlueskyBlob *blob)
{
  g_autoptr(JsonObject) pine = find_record (f, PINE_TEXT);
  g_autoptr(JsonObject) lake = find_record (f, LAKE_TEXT);
  JsonObject *embed = json_object_get_object_member (pine, "embed");
  JsonObject *image = json_array_get_object_element (json_object_get_array_member (embed, "images"), 0);
  JsonObject *ref = json_object_get_object_member (json_object_get_object_member (image, "image"), "ref");
  JsonObject *ratio = json_object_get_object_member (image, "aspectRatio");

  g_assert_cmpstr (json_object_get_string_member (embed, "$type"), ==, "app.bsky.embed.images");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (embed, "images")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (ref, "$link"), ==, blob->cid);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (image, "image"), "mimeType"), ==,
                   "image/png");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (image, "image"), "size"), ==,
                   (gint64) f->image->size);
  g_assert_cmpstr (json_object_get_string_member (image, "alt"), ==, PINE_ALT);
  g_assert_cmpint (json_object_get_int_member (ratio, "width"), ==, 48);
  g_assert_cmpint (json_object_get_int_member (ratio, "height"), ==, 27);
  g_assert_false (json_object_has_member (lake, "embed"));
}

static void
test_embed (Fixture       *f,
            gconstpointer  data)
{
  ChorusOutboxSummary summary;

  launch (f);
  summary = flush (f);
  g_assert_cmpuint (summary.sent, ==, 2);
  g_assert_cmpuint (summary.failed, ==, 0);

  g_assert_cmpuint (f->uploads.blobs->len, ==, 1);
  assert_blob_is_image (f, g_ptr_array_index (f->uploads.blobs, 0));
  assert_embedded (f, g_ptr_array_index (f->uploads.blobs, 0));
  g_assert_cmpuint (f->uploads.creates, ==, 2);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count(*) FROM run_posts WHERE remote_id LIKE 'at://%'"),
                   ==, 2);
}

/* Interrupted after the record was written: the resend finds it under
 * its key, and uploads and writes nothing more. Interrupted after the
 * upload only: the resend uploads again (the same blob) and writes the
 * record once. */
static void
test_resend (Fixture       *f,
             gconstpointer  data)
{
  launch (f);
  g_assert_cmpuint (flush (f).sent, ==, 2);

  /* As a crash before the answer was recorded leaves the item. */
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'sending' WHERE payload LIKE '%%\"image\"%%'");
  g_assert_cmpuint (flush (f).sent, ==, 1);
  g_assert_cmpuint (f->uploads.blobs->len, ==, 1);
  g_assert_cmpuint (f->uploads.creates, ==, 2);
  g_assert_cmpuint (f->uploads.lookups, ==, 1);

  /* As a crash between the upload and the record leaves it. */
  g_hash_table_remove_all (f->uploads.records);
  chorus_test_db_exec (f->db, "UPDATE outbox SET state = 'sending' WHERE payload LIKE '%%\"image\"%%'");
  g_assert_cmpuint (flush (f).sent, ==, 1);
  g_assert_cmpuint (f->uploads.lookups, ==, 2);
  g_assert_cmpuint (f->uploads.blobs->len, ==, 2);
  g_assert_cmpuint (f->uploads.creates, ==, 3);
  g_assert_cmpuint (g_hash_table_size (f->uploads.records), ==, 1);
  assert_blob_is_image (f, g_ptr_array_index (f->uploads.blobs, 1));
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count(*) FROM outbox WHERE state = 'sent'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* No keyring: the session is kept in the process (see test-outbox-bluesky.c). */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/chorus-test-bus", TRUE);

  g_test_add ("/chorus/variant-images-bluesky/embed", Fixture, NULL, fixture_set_up, test_embed, fixture_tear_down);
  g_test_add ("/chorus/variant-images-bluesky/resend", Fixture, NULL, fixture_set_up, test_resend,
              fixture_tear_down);

  return g_test_run ();
}
