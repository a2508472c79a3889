/* test-variant-images.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Variant posts with images, against the fake Mastodon server
 * (fake-mastodon-media.c): the image goes up with its alt text as the
 * upload's description, byte for byte, is waited for while the server
 * processes it, and the status names it; a launch refuses an image the
 * network would refuse (Bluesky's 1,000,000 bytes, the instance's own
 * limit once a sync has read it) or that is gone from the media folder,
 * and a poll refuses variants with images; an image gone at send time
 * fails its item, saying so, and Retry sends it once the file is back. */

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-outbox.h"
#include "chorus-pretest-discourse.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-campaigns.h"
#include "chorus-sync-engine.h"
#include "chorus-test-util.h"
#include "fake-mastodon.h"
#include "outbox-test-util.h"
#include "variant-image-util.h"

#define TOKEN       "variant-images-token-51f0"
#define TOKEN_ENV   "CHORUS_VARIANT_IMAGES_TEST_TOKEN"
#define TAG         "chorusvariantimages"
#define DAWN_TEXT   "Dawn on the ridge: the Trail Runner is out."
#define DUSK_TEXT   "Dusk in the valley: the Trail Runner is out."
#define DAWN_ALT    "A runner on a ridge at dawn, mist in the valley below"

typedef struct
{
  OutboxTestBench   b;
  FakeMastodon     *server;
  ChorusMediaInfo  *image;
  char             *image_path;
  gint64            campaign_id;
  gint              pid;         /* chorusctl, while the server may kill it */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const bodies[] = { DAWN_TEXT, DUSK_TEXT, NULL };
  static const char * const alts[] = { DAWN_ALT, NULL };
  FakeMastodonConfig config = { 0, };
  ChorusMediaInfo *images[] = { NULL, NULL };

  config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = 2;
  f->server = fake_mastodon_start (&config);
  g_setenv (TOKEN_ENV, TOKEN, TRUE);
  outbox_test_bench_set_up (&f->b, fake_mastodon_get_url (f->server), TOKEN_ENV,
                            "https://fake.example/users/ana/statuses/1", "1");

  /* A real image of 40 × 30 pixels, on the first variant only. */
  f->image = images[0] = variant_image_add_png (f->b.store, 40, 30, TRUE);
  f->image_path = chorus_media_dup_path (f->b.store, f->image->sha256, f->image->mime_type);
  f->campaign_id = variant_image_create_campaign (f->b.store, bodies, images, alts);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  outbox_test_bench_tear_down (&f->b);
  fake_mastodon_stop (f->server);
  chorus_media_info_free (f->image);
  g_free (f->image_path);
}

static gint64
launch (Fixture *f,
        gint64   source_id)
{
  g_autoptr(GError) error = NULL;
  gint64 run = chorus_store_launch_variant_posts (f->b.store, f->campaign_id, &source_id, 1, 0, 11, &error);

  g_assert_no_error (error);
  g_assert_cmpint (run, >, 0);
  return run;
}

static void
assert_launch_refused (Fixture    *f,
                       gint64      source_id,
                       gint        code,
                       const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (chorus_store_launch_variant_posts (f->b.store, f->campaign_id, &source_id, 1, 0, 11, &error), ==,
                   0);
  g_assert_error (error, CHORUS_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM pretest_runs"), ==, 0);
}

/* The statuses the server received, by their text: their media_ids,
 * "-" when they have none. */
static char *
dup_status_media (Fixture    *f,
                  const char *text)
{
  g_autoptr(GPtrArray) writes = fake_mastodon_dup_writes (f->server);
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint i = 0; i < writes->len; i++)
    {
      FakeMastodonWrite *write = g_ptr_array_index (writes, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *body;
      JsonArray *ids;

      if (!g_str_equal (write->path, "/api/v1/statuses"))
        continue;
      g_assert_true (json_parser_load_from_data (parser, write->body, -1, NULL));
      body = json_node_get_object (json_parser_get_root (parser));
      if (!g_str_has_prefix (json_object_get_string_member (body, "status"), text))
        continue;

      ids = json_object_has_member (body, "media_ids") ? json_object_get_array_member (body, "media_ids") : NULL;
      g_string_append_printf (found, "%s%s", found->len > 0 ? " " : "",
                              ids == NULL ? "-" : json_array_get_string_element (ids, 0));
      g_assert_true (ids == NULL || json_array_get_length (ids) == 1);
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
assert_upload_is_image (Fixture            *f,
                        FakeMastodonUpload *upload)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (f->image_path, &contents, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (upload->bytes, NULL), g_bytes_get_size (upload->bytes), contents, length);
  g_assert_cmpstr (upload->content_type, ==, "image/png");
  g_assert_cmpstr (upload->filename, ==, "image.png");
  g_assert_cmpstr (upload->description, ==, DAWN_ALT);
}

/* The image goes up with its alt text, and the status names it. */
static void
test_mastodon (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) uploads = NULL;
  g_autofree char *dawn = NULL;
  g_autofree char *dusk = NULL;
  ChorusOutboxSummary summary;
  FakeMastodonUpload *upload;

  launch (f, f->b.source_id);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM outbox WHERE payload LIKE '%%\"image\"%%'"),
                   ==, 1);

  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 2);
  g_assert_cmpuint (summary.failed, ==, 0);

  uploads = fake_mastodon_dup_uploads (f->server);
  g_assert_cmpuint (uploads->len, ==, 1);
  upload = g_ptr_array_index (uploads, 0);
  assert_upload_is_image (f, upload);
  g_assert_true (upload->attached);

  dawn = dup_status_media (f, DAWN_TEXT);
  dusk = dup_status_media (f, DUSK_TEXT);
  g_assert_cmpstr (dawn, ==, upload->id);
  g_assert_cmpstr (dusk, ==, "-");
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 2);
  g_assert_cmpuint (fake_mastodon_get_media_reads (f->server), ==, 0);

  /* The brand's post in the workspace shows its image, with the alt text. */
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM post_media m JOIN posts p ON p.id = m.post_id"
                                                   " WHERE p.is_own AND m.alt_text = '" DAWN_ALT "'"), ==, 1);
}

/* A 202: the image is asked for until it is processed, then posted. */
static void
test_mastodon_processing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) uploads = NULL;
  g_autofree char *dawn = NULL;
  ChorusOutboxSummary summary;

  fake_mastodon_configure_media (f->server, 2, 0);
  launch (f, f->b.source_id);
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 2);

  /* Two reads answered 206, the third 200 with its url. */
  g_assert_cmpuint (fake_mastodon_get_media_reads (f->server), ==, 3);
  uploads = fake_mastodon_dup_uploads (f->server);
  g_assert_cmpuint (uploads->len, ==, 1);
  dawn = dup_status_media (f, DAWN_TEXT);
  g_assert_cmpstr (dawn, ==, ((FakeMastodonUpload *) g_ptr_array_index (uploads, 0))->id);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).status_posts, ==, 2);
}

/* The file gone at send time fails its item, saying so; the other goes
 * out. Put back, Retry sends it, once. */
static void
test_missing_at_send (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uploads = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *failure = NULL;
  g_autofree char *dawn = NULL;
  ChorusOutboxSummary summary;
  gsize length;
  gint64 item;

  launch (f, f->b.source_id);
  g_assert_true (g_file_get_contents (f->image_path, &contents, &length, NULL));
  g_assert_cmpint (g_unlink (f->image_path), ==, 0);

  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 1);
  g_assert_cmpuint (summary.failed, ==, 1);
  failure = chorus_test_db_query_text (f->b.db, "SELECT last_error FROM outbox WHERE state = 'failed'");
  g_assert_nonnull (strstr (failure, "The image is missing from the workspace’s media folder"));
  g_assert_nonnull (strstr (failure, "Put the file back, then retry."));
  uploads = fake_mastodon_dup_uploads (f->server);
  g_assert_cmpuint (uploads->len, ==, 0);
  g_clear_pointer (&uploads, g_ptr_array_unref);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 1);

  g_assert_true (g_file_set_contents (f->image_path, contents, (gssize) length, NULL));
  item = outbox_test_query_int (f->b.db, "SELECT id FROM outbox WHERE state = 'failed'");
  g_assert_true (chorus_store_retry_outbox_item (f->b.store, item, &error));
  g_assert_no_error (error);
  summary = outbox_test_flush (f->b.sender);
  g_assert_cmpuint (summary.sent, ==, 1);

  uploads = fake_mastodon_dup_uploads (f->server);
  g_assert_cmpuint (uploads->len, ==, 1);
  assert_upload_is_image (f, g_ptr_array_index (uploads, 0));
  dawn = dup_status_media (f, DAWN_TEXT);
  g_assert_cmpstr (dawn, ==, ((FakeMastodonUpload *) g_ptr_array_index (uploads, 0))->id);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 2);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "sent", 1), ==, 1);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "sent", 2), ==, 1);
}

/* Better alt text after the launch goes with the posts not sent yet. */
static void
test_alt_after_launch (Fixture       *f,
                       gconstpointer  data)
{
  static const char better[] = "A runner in a red jacket on a ridge at dawn";
  g_autoptr(ChorusCampaignDraft) draft = chorus_campaign_draft_new ("Trail poster");
  g_autoptr(GPtrArray) uploads = NULL;
  g_autoptr(GError) error = NULL;
  ChorusVariantDraft *variant;

  launch (f, f->b.source_id);
  g_free (draft->metric);
  draft->metric = g_strdup ("likes");
  variant = chorus_campaign_draft_add_variant (draft, DAWN_TEXT);
  variant->image_sha256 = g_strdup (f->image->sha256);
  variant->image_type = g_strdup (f->image->mime_type);
  variant->image_alt = g_strdup (better);
  chorus_campaign_draft_add_variant (draft, DUSK_TEXT);
  g_assert_true (chorus_store_edit_campaign (f->b.store, f->campaign_id, draft, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 2);
  uploads = fake_mastodon_dup_uploads (f->server);
  g_assert_cmpuint (uploads->len, ==, 1);
  g_assert_cmpstr (((FakeMastodonUpload *) g_ptr_array_index (uploads, 0))->description, ==, better);
}

/* The status made, its answer lost: the next flush uploads the image
 * again (the first copy stays unattached) and sends the status with the
 * same key, which gives back the status made, not a second one. */
static void
test_lost_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) uploads = NULL;
  g_autofree char *dawn = NULL;
  g_autofree char *expected = NULL;

  /* The seed puts the variant with the image first. */
  launch (f, f->b.source_id);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT v.position FROM outbox o"
                                                   " JOIN run_posts p ON p.outbox_id = o.id"
                                                   " JOIN variants v ON v.id = p.variant_id ORDER BY o.id LIMIT 1"),
                   ==, 1);
  fake_mastodon_add_post_fault (f->server, 1, FAKE_MASTODON_FAULT_DROP);

  outbox_test_flush (f->b.sender);
  g_assert_cmpint (outbox_test_count_items (f->b.db, "queued", 1), ==, 1);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 1);

  g_assert_cmpuint (outbox_test_flush (f->b.sender).sent, ==, 2);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 2);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).status_posts, ==, 3);

  uploads = fake_mastodon_dup_uploads (f->server);
  g_assert_cmpuint (uploads->len, ==, 2);
  assert_upload_is_image (f, g_ptr_array_index (uploads, 1));
  g_assert_true (((FakeMastodonUpload *) g_ptr_array_index (uploads, 0))->attached);
  g_assert_false (((FakeMastodonUpload *) g_ptr_array_index (uploads, 1))->attached);
  /* Two requests, each naming its upload; one status, with the first. */
  dawn = dup_status_media (f, DAWN_TEXT);
  expected = g_strdup_printf ("%s %s", ((FakeMastodonUpload *) g_ptr_array_index (uploads, 0))->id,
                              ((FakeMastodonUpload *) g_ptr_array_index (uploads, 1))->id);
  g_assert_cmpstr (dawn, ==, expected);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(DISTINCT remote_id) FROM run_posts"), ==, 2);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM post_media"), ==, 1);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM posts WHERE is_own"), ==, 2);
}

/* The server's thread: "outbox send" is killed as it asks whether the
 * image is processed, after the upload, before any status of its. */
static void
on_request_cb (guint       number,
               const char *path,
               gpointer    user_data)
{
  Fixture *f = user_data;
  gint pid = g_atomic_int_get (&f->pid);

  if (pid > 0 && g_str_has_prefix (path, "/api/v1/media/") && g_atomic_int_compare_and_exchange (&f->pid, pid, 0))
    kill (pid, SIGKILL);
}

static void
run_outbox_send (Fixture  *f,
                 gboolean  killed)
{
  g_autofree char *program = chorus_test_chorusctl_path ();
  const char *argv[] = { program, "--workspace", f->b.workspace.path, "outbox", "send", NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, TOKEN_ENV, TOKEN, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  if (killed)
    g_atomic_int_set (&f->pid, (gint) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10));
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);

  if (killed)
    {
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
    }
  else
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

/* Killed between the upload and the status: the item is left 'sending',
 * and the next run uploads again and posts the status once. */
static void
test_killed_after_upload (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) uploads = NULL;
  g_autofree char *dawn = NULL;
  g_autofree char *integrity = NULL;
  gint64 dawn_item;

  if (chorus_test_skip_without_chorusctl ())
    return;

  fake_mastodon_configure_media (f->server, 1, 0);
  fake_mastodon_set_request_func (f->server, on_request_cb, f);
  launch (f, f->b.source_id);
  /* chorusctl reads the file's header, which the open store's WAL holds. */
  chorus_test_db_exec (f->b.db, "PRAGMA wal_checkpoint (TRUNCATE)");
  dawn_item = outbox_test_query_int (f->b.db, "SELECT id FROM outbox WHERE payload LIKE '%%\"image\"%%'");

  run_outbox_send (f, TRUE);
  integrity = chorus_test_db_query_text (f->b.db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT attempts FROM outbox WHERE id = %" G_GINT64_FORMAT
                                                   " AND state = 'sending'", dawn_item), ==, 1);
  g_clear_pointer (&dawn, g_free);
  dawn = dup_status_media (f, DAWN_TEXT);
  g_assert_cmpstr (dawn, ==, "");

  run_outbox_send (f, FALSE);
  fake_mastodon_set_request_func (f->server, NULL, NULL);

  g_clear_pointer (&dawn, g_free);
  dawn = dup_status_media (f, DAWN_TEXT);
  uploads = fake_mastodon_dup_uploads (f->server);
  g_assert_cmpuint (uploads->len, ==, 2);
  g_assert_false (((FakeMastodonUpload *) g_ptr_array_index (uploads, 0))->attached);
  g_assert_true (((FakeMastodonUpload *) g_ptr_array_index (uploads, 1))->attached);
  assert_upload_is_image (f, g_ptr_array_index (uploads, 1));
  g_assert_cmpstr (dawn, ==, ((FakeMastodonUpload *) g_ptr_array_index (uploads, 1))->id);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).created, ==, 2);
  g_assert_cmpuint (fake_mastodon_get_stats (f->server).status_posts, ==, 2);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT attempts FROM outbox WHERE id = %" G_GINT64_FORMAT
                                                   " AND state = 'sent'", dawn_item), ==, 2);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM posts WHERE is_own"), ==, 2);
}

/* What each network takes, checked before anything is queued. */
static void
test_launch_limits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ChorusHttp) http = chorus_http_new ();
  g_autoptr(ChorusSyncEngine) engine = chorus_sync_engine_new (f->b.store, http);
  g_autoptr(ChorusMediaInfo) large = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *message = NULL;
  g_autofree char *moved = g_strconcat (f->image_path, ".away", NULL);
  gint64 bluesky;

  /* The instance's own limit, once a sync has read it. */
  fake_mastodon_configure_media (f->server, 0, 1000);
  chorus_test_sync_now (engine);
  assert_launch_refused (f, f->b.source_id, CHORUS_ERROR_INVALID_ARGUMENT,
                         "The image of variant A is larger than 1.0\xc2\xa0kB, the largest image this Mastodon server "
                         "takes. Choose a smaller one.");
  fake_mastodon_configure_media (f->server, 0, 16 * 1024 * 1024);
  chorus_test_sync_now (engine);

  /* Bluesky takes 1,000,000 bytes. */
  bluesky = outbox_test_add_account (f->b.store, "bluesky", fake_mastodon_get_url (f->server), "brand.test",
                                     TOKEN_ENV);
  large = variant_image_add_png (f->b.store, 640, 600, TRUE);
  g_assert_cmpuint (large->size, >, 1000000);
  chorus_test_db_exec (f->b.db, "UPDATE variants SET image_sha256 = '%s' WHERE position = 1", large->sha256);
  assert_launch_refused (f, bluesky, CHORUS_ERROR_INVALID_ARGUMENT,
                         "The image of variant A is larger than 1.0\xc2\xa0MB, the largest image Bluesky takes. "
                         "Choose a smaller one.");

  /* Gone from the media folder. */
  chorus_test_db_exec (f->b.db, "UPDATE variants SET image_sha256 = '%s' WHERE position = 1", f->image->sha256);
  g_assert_cmpint (g_rename (f->image_path, moved), ==, 0);
  missing = g_filename_display_name (f->image_path);
  message = g_strdup_printf ("The image of variant A is missing from the workspace’s media folder (%s). Put the file "
                             "back, or choose the image again.", missing);
  assert_launch_refused (f, f->b.source_id, CHORUS_ERROR_NOT_FOUND, message);

  /* Back, it fits both. */
  g_assert_cmpint (g_rename (moved, f->image_path), ==, 0);
  {
    gint64 both[] = { f->b.source_id, bluesky };
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (chorus_store_launch_variant_posts (f->b.store, f->campaign_id, both, 2, 0, 11, &error), >, 0);
    g_assert_no_error (error);
  }
}

/* A poll shows text only: a campaign with images is refused, naming them. */
static void
test_polls_refused (Fixture       *f,
                    gconstpointer  data)
{
  static const char one[] = "Variant A has an image, and a poll shows only text: its votes would not be about the "
                            "variants as they are. Put them to the community as variant posts, or remove the image "
                            "to poll on the texts alone.";
  static const char two[] = "Variants A, B have images, and a poll shows only text: its votes would not be about "
                            "the variants as they are. Put them to the community as variant posts, or remove the "
                            "images to poll on the texts alone.";
  ChorusDiscoursePollPlace place = { 0, "Which poster do you like best?", 4 };
  gint64 forum = outbox_test_add_account (f->b.store, "discourse", fake_mastodon_get_url (f->server), "brand",
                                          TOKEN_ENV);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (chorus_store_launch_mastodon_poll (f->b.store, f->campaign_id, f->b.source_id,
                                                      "Which one?", 86400, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, one);
  g_clear_error (&error);

  chorus_test_db_exec (f->b.db, "UPDATE variants SET image_sha256 = '%s', image_type = 'image/png',"
                                " image_alt = 'The same poster' WHERE position = 2", f->image->sha256);
  g_assert_cmpint (chorus_store_launch_discourse_poll (f->b.store, f->campaign_id, forum, &place, "Which one?",
                                                       86400, FALSE, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, two);
  g_clear_error (&error);
  g_assert_cmpint (outbox_test_query_int (f->b.db, "SELECT count(*) FROM pretest_runs"), ==, 0);

  /* Without images, the texts can be polled. */
  chorus_test_db_exec (f->b.db, "UPDATE variants SET image_sha256 = NULL, image_type = NULL, image_alt = NULL");
  g_assert_cmpint (chorus_store_launch_mastodon_poll (f->b.store, f->campaign_id, f->b.source_id,
                                                      "Which one?", 86400, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *path;
    void (*func) (Fixture *, gconstpointer);
  } tests[] = {
    { "/chorus/variant-images/mastodon", test_mastodon },
    { "/chorus/variant-images/mastodon-processing", test_mastodon_processing },
    { "/chorus/variant-images/missing-at-send", test_missing_at_send },
    { "/chorus/variant-images/alt-after-launch", test_alt_after_launch },
    { "/chorus/variant-images/lost-answer", test_lost_answer },
    { "/chorus/variant-images/killed-after-upload", test_killed_after_upload },
    { "/chorus/variant-images/launch-limits", test_launch_limits },
    { "/chorus/variant-images/polls-refused", test_polls_refused },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, NULL, fixture_set_up, tests[i].func, fixture_tear_down);

  return g_test_run ();
}
