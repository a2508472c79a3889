/* thread-view-fixture.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What test-thread-view.c shows: a workspace with a thread of every kind
 * of post, and the images its avatars and media point at, drawn here and
 * served from 127.0.0.1. */

#include "config.h"

#include <cairo.h>

#include "chorus-store-private.h"
#include "chorus-test-util.h"
#include "thread-view-fixture.h"

static GHashTable *images;       /* path → GBytes */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Images, drawn with cairo: a soft gradient with a few hills, in a hue
 * that the path picks, so that each avatar and picture differs. */
static GBytes *
draw_png (int    width,
          int    height,
          double hue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *sky = cairo_pattern_create_linear (0, 0, 0, height);
  g_autoptr(GByteArray) png = g_byte_array_new ();

  cairo_pattern_add_color_stop_rgb (sky, 0, 0.55 + 0.4 * hue, 0.75, 0.95 - 0.4 * hue);
  cairo_pattern_add_color_stop_rgb (sky, 1, 0.98, 0.85 - 0.3 * hue, 0.6);
  cairo_set_source (cr, sky);
  cairo_paint (cr);
  for (int i = 0; i < 3; i++)
    {
      cairo_set_source_rgb (cr, 0.15 + 0.1 * i, 0.35 + 0.15 * hue, 0.3 + 0.05 * i);
      cairo_move_to (cr, -width * 0.2 + i * width * 0.35, height);
      cairo_line_to (cr, width * (0.15 + i * 0.35), height * (0.45 + 0.1 * i));
      cairo_line_to (cr, width * (0.55 + i * 0.35), height);
      cairo_fill (cr);
    }

  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_pattern_destroy (sky);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
serve_image (SoupServer        *soup_server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  GBytes *png = g_hash_table_lookup (images, path);

  if (png == NULL)
    {
      gboolean wide = g_str_has_prefix (path, "/media/");

      png = draw_png (wide ? 640 : 96, wide ? 420 : 96, (g_str_hash (path) % 100) / 100.0);
      g_hash_table_insert (images, g_strdup (path), png);
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (png, NULL), g_bytes_get_size (png));
}

/* The workspace */

/* Returns: (transfer full): the address of the post called @name */
char *
thread_view_fixture_uri_of (const char *name)
{
  return g_strdup_printf ("https://social.example/users/x/statuses/%s", name);
}

static void
add_post (sqlite3    *db,
          gint64      conversation_id,
          const char *name,
          gint64      time,
          const char *parent,
          int         author,
          gboolean    own,
          const char *text,
          gint64      edited_at)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO posts (id, conversation_id, uri, url, author_id, created_at,"
                                       " edited_at, text, reply_to_uri, is_own, like_count, repost_count,"
                                       " reply_count) VALUES (?1, ?2, ?3, ?3 || '/web', ?4, ?5, nullif (?6, 0),"
                                       " ?7, ?8, ?9, ?10, ?11, ?12)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, (BASE_TIME + time) << CHORUS_POST_KEY_SHIFT);
  sqlite3_bind_int64 (stmt, 2, conversation_id);
  sqlite3_bind_text (stmt, 3, thread_view_fixture_uri_of (name), -1, g_free);
  sqlite3_bind_int (stmt, 4, author);
  sqlite3_bind_int64 (stmt, 5, BASE_TIME + time);
  sqlite3_bind_int64 (stmt, 6, edited_at);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_TRANSIENT);
  if (parent != NULL)
    sqlite3_bind_text (stmt, 8, thread_view_fixture_uri_of (parent), -1, g_free);
  sqlite3_bind_int (stmt, 9, own);
  sqlite3_bind_int64 (stmt, 10, time % 5);
  sqlite3_bind_int64 (stmt, 11, time % 3);
  sqlite3_bind_int64 (stmt, 12, time % 2);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* A thread with a brand answer, an edited reply, two pictures, a poll and
 * a chain of replies deeper than rows indent; an empty conversation; a
 * thread of 2,000 posts; and one started by someone whose name hides an
 * override and a zero-width space. */
void
thread_view_fixture_seed (const char *path,
                          const char *server_url)
{
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READWRITE, 5000);
  gint64 poll_id;

  g_clear_object (&store);
  chorus_test_seed_people (db);
  chorus_test_db_exec (db,
                       "INSERT INTO people (id, display_name, created_at) VALUES (5, 'Tallpine', 1000);"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name)"
                       " VALUES (5, 5, 'mastodon', 'social.example', 'tallpine', 'Tallpine Outdoor Co.');"
                       "UPDATE identities SET avatar_url = '%savatar/' || id || '.png';"
                       "INSERT INTO conversations (id, network, root_uri, subject, started_at, last_activity_at)"
                       " VALUES (1, 'mastodon', 'c1', 'Zipper on the Trail Runner jacket', 0, 0),"
                       " (2, 'bluesky', 'c2', NULL, 0, 0), (3, 'mastodon', 'c3', NULL, 0, 0),"
                       " (4, 'mastodon', 'c4', NULL, 0, 0);"
                       "INSERT INTO people (id, display_name, created_at) VALUES (6, '%s', 1000);"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name)"
                       " VALUES (6, 6, 'mastodon', 'social.example', 'kai', '%s');",
                       server_url, HOSTILE_NAME, HOSTILE_NAME);

  add_post (db, THREAD_ID, "root", 0, NULL, 1, FALSE, "The zipper on my Trail Runner jacket broke after two weeks.", 0);
  add_post (db, THREAD_ID, "brand", 10, "root", 5, TRUE, "So sorry, Ana! Could you send us your order number?", 0);
  add_post (db, THREAD_ID, "thanks", 20, "brand", 1, FALSE, "Sent! Thanks for the quick answer.", BASE_TIME + 25);
  add_post (db, THREAD_ID, "photos", 30, "root", 2, FALSE, "Same here, mine lasted a month. Photos:", 0);
  add_post (db, THREAD_ID, "poll", 40, "root", 5, TRUE, "Which colour should the next batch be?", 0);
  for (int i = 1; i <= CHAIN_LENGTH; i++)
    {
      g_autofree char *name = g_strdup_printf ("chain%d", i);
      g_autofree char *parent = i == 1 ? g_strdup ("photos") : g_strdup_printf ("chain%d", i - 1);
      g_autofree char *text = g_strdup_printf ("Reply number %d down the chain", i);

      add_post (db, THREAD_ID, name, 50 + i, parent, 3 + i % 2, FALSE, text, 0);
    }

  chorus_test_db_exec (db,
                       "UPDATE posts SET html = 'Same here, <b>mine</b> lasted a month. "
                       "<a href=\"https://tallpine.example/care\">Photos</a>:' WHERE uri LIKE '%%/photos';"
                       "INSERT INTO post_media (post_id, kind, url, preview_url, alt_text, width, height)"
                       " SELECT id, 'image', 'https://files.example/full/1.png', '%smedia/1.png',"
                       " 'A torn zipper on a green jacket', 640, 420 FROM posts WHERE uri LIKE '%%/photos';"
                       "INSERT INTO post_media (post_id, kind, url, preview_url, alt_text, width, height)"
                       " SELECT id, 'image', 'https://files.example/full/2.png', '%smedia/2.png',"
                       " NULL, 640, 420 FROM posts WHERE uri LIKE '%%/photos';"
                       "INSERT INTO polls (post_id, expires_at, multiple, voters_count)"
                       " SELECT id, %" G_GINT64_FORMAT ", 0, 10 FROM posts WHERE uri LIKE '%%/poll';",
                       server_url, server_url, g_get_real_time () / G_USEC_PER_SEC + 2 * 86400 + 3600);
  poll_id = sqlite3_last_insert_rowid (db);
  chorus_test_db_exec (db,
                       "INSERT INTO poll_options (poll_id, position, title, votes) VALUES"
                       " (%" G_GINT64_FORMAT ", 0, 'Forest green', 7), (%" G_GINT64_FORMAT ", 1, 'Glacier blue', 3)",
                       poll_id, poll_id);

  add_post (db, HOSTILE_ID, "hostile", 500, NULL, 6, FALSE, "Who am I?", 0);

  chorus_test_db_exec (db, "BEGIN");
  for (int i = 0; i < N_LARGE; i++)
    {
      g_autofree char *name = g_strdup_printf ("big%d", i);
      g_autofree char *parent = i > 0 ? g_strdup_printf ("big%d", (i - 1) / 2) : NULL;

      add_post (db, LARGE_ID, name, 1000 + i, parent, 1 + i % 5, i % 9 == 0, name, 0);
    }
  chorus_test_db_exec (db, "COMMIT");
  sqlite3_close (db);
}

/* Serves drawn PNGs for any path on 127.0.0.1; *@url gets its address,
 * ending with a slash. */
SoupServer *
thread_view_fixture_start_server (char **url)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  GSList *uris;

  images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  soup_server_add_handler (server, NULL, serve_image, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

void
thread_view_fixture_stop_server (SoupServer *server)
{
  soup_server_disconnect (server);
  g_object_unref (server);
  g_clear_pointer (&images, g_hash_table_unref);
}
