/* test-media-cache.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* ChorusMediaCache against a SoupServer on 127.0.0.1: images stored by
 * the SHA-256 of their bytes in the workspace's media folder, one request
 * per address (at once, later, and after the cache is made again), the
 * four kinds told by their first bytes, and refusals (too large, not an
 * image, gone, not https) in words a person reads. */

#include <string.h>

#include <libsoup/soup.h>

#include "chorus-media-cache.h"
#include "chorus-test-util.h"

/* A 1×1 PNG, as a file on disk has it. */
static const guint8 png_bytes[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static const char jpeg_bytes[] = "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01 and the rest of a photo";
static const char gif_bytes[] = "GIF89a\x01\x00\x01\x00 and the rest of an animation";
static const char webp_bytes[] = "RIFF\x24\x00\x00\x00WEBPVP8 and the rest of a picture";
static const char html_bytes[] = "<!DOCTYPE html><html><body>Not found, but 200 OK</body></html>";

#define BIG_SIZE 4096
#define SMALL_LIMIT 1024

typedef struct
{
  ChorusTestSyncRig  rig;
  GHashTable        *requests;   /* path → count */
} Fixture;

static void
serve (SoupServerMessage *message,
       const char        *content_type,
       gconstpointer      data,
       gsize              length)
{
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, data, length);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *f = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (f->requests, path));

  g_hash_table_insert (f->requests, g_strdup (path), GUINT_TO_POINTER (count + 1));

  if (strcmp (path, "/ok.png") == 0 || strcmp (path, "/same.png") == 0)
    serve (message, "image/png", png_bytes, sizeof png_bytes);
  else if (strcmp (path, "/octet.png") == 0)
    serve (message, "application/octet-stream", png_bytes, sizeof png_bytes);
  else if (strcmp (path, "/photo.jpg") == 0)
    serve (message, "image/jpeg", jpeg_bytes, sizeof jpeg_bytes - 1);
  else if (strcmp (path, "/anim.gif") == 0)
    serve (message, "image/gif", gif_bytes, sizeof gif_bytes - 1);
  else if (strcmp (path, "/pic.webp") == 0)
    serve (message, "image/webp", webp_bytes, sizeof webp_bytes - 1);
  else if (strcmp (path, "/fake.png") == 0)
    serve (message, "image/png", html_bytes, sizeof html_bytes - 1);
  else if (strcmp (path, "/bomb.png") == 0)
    {
      /* The 1×1 PNG, saying it is 100,000 × 100,000 pixels. */
      g_autofree guint8 *bomb = g_memdup2 (png_bytes, sizeof png_bytes);
      static const guint8 sides[] = { 0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0 };

      memcpy (bomb + 16, sides, sizeof sides);
      serve (message, "image/png", bomb, sizeof png_bytes);
    }
  else if (strcmp (path, "/big.png") == 0)
    {
      g_autofree guint8 *big = g_malloc0 (BIG_SIZE);

      memcpy (big, png_bytes, sizeof png_bytes);
      serve (message, "image/png", big, BIG_SIZE);
    }
  else
    soup_server_message_set_status (message, 404, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  chorus_test_sync_rig_set_up (&f->rig, handle, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  chorus_test_sync_rig_tear_down (&f->rig);
  g_hash_table_unref (f->requests);
}

static guint
requests_for (Fixture    *f,
              const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->requests, path));
}

static char *
url_for (Fixture    *f,
         const char *path)
{
  /* rig.base ends with a slash. */
  return g_strconcat (f->rig.base, path + 1, NULL);
}

static char *
fetch (ChorusMediaCache  *cache,
       const char        *url,
       gsize              max_bytes,
       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_media_cache_fetch_async (cache, url, max_bytes, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);

  return chorus_media_cache_fetch_finish (cache, result, error);
}

/* Where the image with @data goes, worked out from the layout the store
 * documents: <workspace>-media/<first two hex digits>/<sha256>.<ext>. */
static char *
expected_path (Fixture       *f,
               gconstpointer  data,
               gsize          length,
               const char    *extension)
{
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
  g_autofree char *prefix = g_strndup (sha256, 2);
  g_autofree char *dir = g_strconcat (f->rig.workspace.path, "-media", NULL);
  g_autofree char *file = g_strconcat (sha256, ".", extension, NULL);

  return g_build_filename (dir, prefix, file, NULL);
}

static char *
marker_path (Fixture    *f,
             const char *url)
{
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *prefix = g_strndup (sha256, 2);
  g_autofree char *dir = g_strconcat (f->rig.workspace.path, "-media", NULL);
  g_autofree char *file = g_strconcat (sha256, ".url", NULL);

  return g_build_filename (dir, prefix, file, NULL);
}

static void
assert_file (const char    *path,
             gconstpointer  data,
             gsize          length)
{
  gsize read_length;
  g_autofree char *contents = chorus_test_read_file (path, &read_length);

  g_assert_cmpmem (contents, read_length, data, length);
}

static void
test_download (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autofree char *url = url_for (f, "/ok.png");
  g_autofree char *expected = expected_path (f, png_bytes, sizeof png_bytes, "png");
  g_autofree char *marker = marker_path (f, url);
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, png_bytes, sizeof png_bytes);
  g_autofree char *marker_text = g_strconcat (sha256, ".png\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;

  g_assert_true (chorus_media_cache_get_store (cache) == f->rig.store);

  path = fetch (cache, url, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  assert_file (path, png_bytes, sizeof png_bytes);
  assert_file (marker, marker_text, strlen (marker_text));
  g_assert_cmpuint (requests_for (f, "/ok.png"), ==, 1);

  again = fetch (cache, url, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, expected);
  g_assert_cmpuint (requests_for (f, "/ok.png"), ==, 1);
}

/* The same bytes from two addresses: one file, two markers. */
static void
test_content_addressed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autofree char *first_url = url_for (f, "/ok.png");
  g_autofree char *second_url = url_for (f, "/same.png");
  g_autofree char *third_url = url_for (f, "/octet.png");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *first_marker = marker_path (f, first_url);
  g_autofree char *second_marker = marker_path (f, second_url);
  g_autoptr(GError) error = NULL;

  first = fetch (cache, first_url, 0, &error);
  g_assert_no_error (error);
  second = fetch (cache, second_url, 0, &error);
  g_assert_no_error (error);
  /* What the server calls it does not matter: the bytes are a PNG. */
  third = fetch (cache, third_url, 0, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, ==, third);
  g_assert_true (g_file_test (first_marker, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second_marker, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (first_marker, !=, second_marker);
}

static void
test_concurrent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autofree char *url = url_for (f, "/ok.png");
  g_autofree char *expected = expected_path (f, png_bytes, sizeof png_bytes, "png");
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;

  chorus_media_cache_fetch_async (cache, url, 0, NULL, chorus_test_async_result_cb, &first);
  chorus_media_cache_fetch_async (cache, url, 0, NULL, chorus_test_async_result_cb, &second);
  chorus_test_wait_async_result (&first);
  chorus_test_wait_async_result (&second);

  first_path = chorus_media_cache_fetch_finish (cache, first, &error);
  g_assert_no_error (error);
  second_path = chorus_media_cache_fetch_finish (cache, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_path, ==, expected);
  g_assert_cmpstr (second_path, ==, expected);
  g_assert_cmpuint (requests_for (f, "/ok.png"), ==, 1);
}

/* A new cache on the same workspace (the next run of the app) finds the
 * image through its marker; a damaged marker means fetching it again. */
static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autofree char *url = url_for (f, "/ok.png");
  g_autofree char *expected = expected_path (f, png_bytes, sizeof png_bytes, "png");
  g_autofree char *marker = marker_path (f, url);
  g_autoptr(GError) error = NULL;
  char *path;

  path = fetch (cache, url, 0, &error);
  g_assert_no_error (error);
  g_free (path);
  chorus_test_finalize_object (g_steal_pointer (&cache));

  cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  path = fetch (cache, url, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpuint (requests_for (f, "/ok.png"), ==, 1);
  g_free (path);
  chorus_test_finalize_object (g_steal_pointer (&cache));

  g_assert_true (g_file_set_contents (marker, "../../../../etc/passwd", -1, NULL));
  cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  path = fetch (cache, url, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpuint (requests_for (f, "/ok.png"), ==, 2);
  g_free (path);
}

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  static const struct {
    const char *path;
    const char *bytes;
    gsize       length;
    const char *extension;
  } kinds[] = {
    { "/photo.jpg", jpeg_bytes, sizeof jpeg_bytes - 1, "jpg" },
    { "/anim.gif", gif_bytes, sizeof gif_bytes - 1, "gif" },
    { "/pic.webp", webp_bytes, sizeof webp_bytes - 1, "webp" },
  };
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *url = url_for (f, kinds[i].path);
      g_autofree char *expected = expected_path (f, kinds[i].bytes, kinds[i].length, kinds[i].extension);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = fetch (cache, url, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (path, ==, expected);
      assert_file (path, kinds[i].bytes, kinds[i].length);
    }
}

static void
assert_refused (Fixture    *f,
                const char *url,
                gsize       max_bytes,
                int         code,
                const char *message)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autofree char *marker = marker_path (f, url);
  g_autofree char *media_dir = g_strconcat (f->rig.workspace.path, "-media", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fetch (cache, url, max_bytes, &error);

  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (media_dir, G_FILE_TEST_EXISTS));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *big = url_for (f, "/big.png");
  g_autofree char *fake = url_for (f, "/fake.png");
  g_autofree char *bomb = url_for (f, "/bomb.png");
  g_autofree char *missing = url_for (f, "/missing.png");

  assert_refused (f, big, SMALL_LIMIT, G_IO_ERROR_MESSAGE_TOO_LARGE, "The image is too large.");
  assert_refused (f, fake, 0, G_IO_ERROR_INVALID_DATA, "This is not an image.");
  assert_refused (f, bomb, 0, G_IO_ERROR_MESSAGE_TOO_LARGE, "The image is too large.");
  assert_refused (f, missing, 0, G_IO_ERROR_NOT_FOUND, "The image is no longer on its server.");
  g_assert_cmpuint (requests_for (f, "/missing.png"), ==, 1);

  /* No request at all for what is not https:// or on this machine. */
  assert_refused (f, "http://images.example/a.png", 0, G_IO_ERROR_NOT_SUPPORTED, NULL);
  assert_refused (f, "file:///etc/hostname", 0, G_IO_ERROR_INVALID_ARGUMENT, NULL);
}

/* The default cap is 5 MB: the 4 kB image passes without a limit given. */
static void
test_default_limit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autofree char *url = url_for (f, "/big.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fetch (cache, url, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_cmpint (CHORUS_MEDIA_CACHE_DEFAULT_MAX_BYTES, ==, 5 * 1024 * 1024);
}

/* A caller that cancels leaves the download to the others; once every
 * caller has, a new request starts afresh. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ChorusMediaCache) cache = chorus_media_cache_new (f->rig.store, f->rig.http);
  g_autofree char *url = url_for (f, "/ok.png");
  g_autofree char *expected = expected_path (f, png_bytes, sizeof png_bytes, "png");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GAsyncResult) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *none;

  chorus_media_cache_fetch_async (cache, url, 0, cancellable, chorus_test_async_result_cb, &cancelled);
  chorus_media_cache_fetch_async (cache, url, 0, NULL, chorus_test_async_result_cb, &kept);
  g_cancellable_cancel (cancellable);
  chorus_test_wait_async_result (&cancelled);
  chorus_test_wait_async_result (&kept);

  none = chorus_media_cache_fetch_finish (cache, cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
  g_clear_error (&error);
  path = chorus_media_cache_fetch_finish (cache, kept, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpuint (requests_for (f, "/ok.png"), ==, 1);
  g_clear_object (&cancelled);
  g_clear_pointer (&path, g_free);

  /* Alone, and cancelled: the download stops; the next one works. */
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  g_free (url);
  url = url_for (f, "/anim.gif");
  chorus_media_cache_fetch_async (cache, url, 0, cancellable, chorus_test_async_result_cb, &cancelled);
  g_cancellable_cancel (cancellable);
  chorus_test_wait_async_result (&cancelled);
  none = chorus_media_cache_fetch_finish (cache, cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
  g_clear_error (&error);

  g_free (expected);
  expected = expected_path (f, gif_bytes, sizeof gif_bytes - 1, "gif");
  path = fetch (cache, url, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
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

  add_test ("/chorus/media-cache/download", test_download);
  add_test ("/chorus/media-cache/content-addressed", test_content_addressed);
  add_test ("/chorus/media-cache/concurrent", test_concurrent);
  add_test ("/chorus/media-cache/restart", test_restart);
  add_test ("/chorus/media-cache/kinds", test_kinds);
  add_test ("/chorus/media-cache/refused", test_refused);
  add_test ("/chorus/media-cache/default-limit", test_default_limit);
  add_test ("/chorus/media-cache/cancel", test_cancel);

  return g_test_run ();
}
