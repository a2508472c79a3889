/* bench-designs-ui.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Designs pane of the real window opening a challenge with 10,000
 * entries, measured in-process:
 *
 *  - from selecting the challenge to its entries listed, to the first
 *    thumbnail painted, and to every tile on screen showing its thumbnail
 *    (cold: no thumbnail of these files was made before in this process);
 *  - the same after jumping to five places further down the gallery;
 *  - frame intervals while the gallery scrolls a row per frame;
 *  - resident memory (VmRSS, VmHWM) after opening and after scrolling.
 *
 *   bench-designs-ui [DIR]
 *
 * The workspace is made once into DIR: the sample workspace, whose running
 * challenge then gets 10,000 more accepted entries. Each is a distinct file
 * (a sample image with bytes of its own after the image's end, which
 * decoders skip), so that every thumbnail is decoded, as with real
 * entries. CHORUS_BENCH_ENTRIES sets another count. Run it under Xvfb:
 * xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- bench-designs-ui */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>

#include "bench-util.h"
#include "chorus-application.h"
#include "chorus-challenge.h"
#include "chorus-designs-pane.h"
#include "chorus-sample.h"
#include "chorus-store-private.h"
#include "chorus-submission-tile.h"
#include "chorus-window-private.h"

#define DEFAULT_ENTRIES 10000
#define JUMPS 5
#define SCROLL_SECONDS 4
#define TIMEOUT_S 120

typedef struct
{
  ChorusApplication *app;
  ChorusWindow      *window;
  ChorusDesignsPane *pane;
  GtkScrolledWindow *scrolled;
  gint64             challenge_id;
  guint              n_entries;
  gint64             last_paint;
  GArray            *intervals;
} Bench;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
wait_until (gboolean   (*done) (Bench *bench),
            Bench       *bench,
            const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!done (bench))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
collect_tiles (GtkWidget *widget,
               GPtrArray *tiles)
{
  if (CHORUS_IS_SUBMISSION_TILE (widget))
    {
      g_ptr_array_add (tiles, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_tiles (child, tiles);
}

/* The tiles inside the gallery's viewport, and how many show a thumbnail. */
static guint
tiles_on_screen (Bench *bench,
                 guint *with_thumbnail)
{
  g_autoptr(GPtrArray) tiles = g_ptr_array_new ();
  GtkWidget *viewport = GTK_WIDGET (bench->scrolled);
  int height = gtk_widget_get_height (viewport);
  guint shown = 0;

  *with_thumbnail = 0;
  collect_tiles (gtk_scrolled_window_get_child (bench->scrolled), tiles);
  for (guint i = 0; i < tiles->len; i++)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (tiles->pdata[i]) ||
          !gtk_widget_compute_bounds (tiles->pdata[i], viewport, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      shown++;
      *with_thumbnail += chorus_submission_tile_has_thumbnail (tiles->pdata[i]);
    }
  return shown;
}

static gboolean
has_workspace (Bench *bench)
{
  return chorus_window_get_store (bench->window) != NULL &&
         g_list_model_get_n_items (chorus_designs_pane_get_challenges (bench->pane)) > 0;
}

static gboolean
entries_listed (Bench *bench)
{
  return g_list_model_get_n_items (chorus_designs_pane_get_submissions (bench->pane)) >= bench->n_entries;
}

static gboolean
first_thumbnail (Bench *bench)
{
  guint with_thumbnail;

  tiles_on_screen (bench, &with_thumbnail);
  return with_thumbnail > 0;
}

static gboolean
screen_full (Bench *bench)
{
  guint with_thumbnail;
  guint shown = tiles_on_screen (bench, &with_thumbnail);

  return shown > 0 && with_thumbnail == shown;
}

/* The sample, whose running challenge gets @n_entries more entries. */
static char *
prepare_workspace (const char *dir,
                   guint       n_entries)
{
  g_autofree char *name = g_strdup_printf ("bench-designs-%u.chorus", n_entries);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GPtrArray) bases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 start = g_get_monotonic_time ();
  sqlite3 *db;
  gint64 challenge;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("Reusing %s\n", path);
      return path;
    }

  g_print ("Generating %s (%u entries)...\n", path, n_entries);
  if (!chorus_sample_generate (path, 2000, 1, NULL, NULL, &error) ||
      !(store = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, &error)))
    g_error ("Could not make the workspace: %s", error->message);
  db = _chorus_store_get_db (store);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT s.challenge_id, s.image_sha256 FROM submissions s"
                                       " JOIN challenges c ON c.id = s.challenge_id"
                                       " WHERE s.image_type = 'image/png' AND c.voting_close_at > strftime ('%s', 'now')",
                                       -1, &read, NULL), ==, SQLITE_OK);
  while (sqlite3_step (read) == SQLITE_ROW)
    {
      g_autofree char *file = chorus_store_dup_media_path (store, (const char *) sqlite3_column_text (read, 1), "png");
      char *contents;
      gsize length;

      challenge = sqlite3_column_int64 (read, 0);
      if (g_file_get_contents (file, &contents, &length, NULL))
        g_ptr_array_add (bases, g_bytes_new_take (contents, length));
    }
  g_assert_cmpuint (bases->len, >, 0);

  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO submissions (challenge_id, title, image_sha256, image_type,"
                                       " moderation, submitted_at) VALUES (?1, ?2, ?3, 'image/png', 'accepted',"
                                       " strftime ('%s', 'now') - ?4)", -1, &insert, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      GBytes *base = bases->pdata[i % bases->len];
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autofree char *tail = g_strdup_printf ("chorus-bench-entry-%06u", i);
      g_autofree char *sha = NULL;
      g_autofree char *file = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *title = g_strdup_printf ("Entry %u", i + 1);

      g_byte_array_append (bytes, g_bytes_get_data (base, NULL), g_bytes_get_size (base));
      g_byte_array_append (bytes, (const guint8 *) tail, strlen (tail));
      sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes->data, bytes->len);
      file = chorus_store_dup_media_path (store, sha, "png");
      folder = g_path_get_dirname (file);
      g_mkdir_with_parents (folder, 0755);
      if (!g_file_set_contents (file, (const char *) bytes->data, bytes->len, &error))
        g_error ("%s", error->message);

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, challenge);
      sqlite3_bind_text (insert, 2, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, sha, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 4, (int) i);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_print ("Made in %.1f s\n", ms_since (start) / 1000);

  return path;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->intervals != NULL && bench->last_paint != 0)
    {
      double ms = (now - bench->last_paint) / 1000.0;

      g_array_append_val (bench->intervals, ms);
    }
  bench->last_paint = now;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adjustment = user_data;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 220);
  return G_SOURCE_CONTINUE;
}

static void
print_row (const char *what,
           const char *figure)
{
  g_print ("  %-50s %s\n", what, figure);
}

static void
run (Bench      *bench,
     const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) jumps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) scrolled = g_ptr_array_new ();
  g_autofree char *figure = NULL;
  GtkAdjustment *adjustment;
  double listed, first, full, rss_open, hwm_open;
  gint64 start;
  guint tick;

  bench->window = chorus_window_new (bench->app);
  bench->pane = CHORUS_DESIGNS_PANE (bench->window->designs_pane);
  gtk_window_set_default_size (GTK_WINDOW (bench->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (bench->window));
  chorus_window_open_workspace (bench->window, file, CHORUS_WINDOW_OPEN_DEFAULT);
  wait_until (has_workspace, bench, "the challenges");
  chorus_window_set_visible_pane (bench->window, "designs");
  bench_spin (200);

  /* The pane opens on its first challenge; the big one is chosen. */
  {
    GListModel *challenges = chorus_designs_pane_get_challenges (bench->pane);

    start = g_get_monotonic_time ();
    for (guint i = 0; i < g_list_model_get_n_items (challenges); i++)
      {
        g_autoptr(ChorusChallenge) challenge = g_list_model_get_item (challenges, i);

        if (chorus_challenge_get_submission_count (challenge) >= bench->n_entries)
          chorus_designs_pane_select (bench->pane, i);
      }
  }
  wait_until (entries_listed, bench, "the entries");
  listed = ms_since (start);

  collect_tiles (GTK_WIDGET (bench->pane), scrolled);
  g_assert_cmpuint (scrolled->len, >, 0);
  bench->scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (scrolled->pdata[0], GTK_TYPE_SCROLLED_WINDOW));
  wait_until (first_thumbnail, bench, "the first thumbnail");
  first = ms_since (start);
  wait_until (screen_full, bench, "a screen of thumbnails");
  full = ms_since (start);
  rss_open = bench_status_mib ("VmRSS");
  hwm_open = bench_status_mib ("VmHWM");

  adjustment = gtk_scrolled_window_get_vadjustment (bench->scrolled);
  for (guint i = 1; i <= JUMPS; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * i / (JUMPS + 1));
      bench_spin (16);
      wait_until (screen_full, bench, "a screen of thumbnails after a jump");
      ms = ms_since (start);
      g_array_append_val (jumps, ms);
    }

  gtk_adjustment_set_value (adjustment, 0);
  bench_spin (500);
  bench->intervals = intervals;
  bench->last_paint = 0;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), bench);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (bench->scrolled), scroll_tick_cb, adjustment, NULL);
  bench_spin (SCROLL_SECONDS * 1000);
  gtk_widget_remove_tick_callback (GTK_WIDGET (bench->scrolled), tick);
  bench->intervals = NULL;

  g_print ("\ndesigns-ui: a challenge with %u entries (%s build, GSK_RENDERER=%s)\n", bench->n_entries,
           BENCH_BUILD_TYPE, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  figure = g_strdup_printf ("%.0f ms", listed);
  print_row ("challenge chosen to entries listed", figure);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f ms", first);
  print_row ("... to the first thumbnail", figure);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f ms", full);
  print_row ("... to a screen of thumbnails", figure);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f ms (max %.0f)", bench_percentile (jumps, 0.5), bench_percentile (jumps, 1.0));
  print_row ("jump further down to a screen of thumbnails, median", figure);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.1f ms (p95 %.1f, %u frames)", bench_percentile (intervals, 0.5),
                            bench_percentile (intervals, 0.95), intervals->len);
  print_row ("scrolling a row per frame: frame interval", figure);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f MiB (VmHWM %.0f)", rss_open, hwm_open);
  print_row ("RSS after opening", figure);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f MiB (VmHWM %.0f)", bench_status_mib ("VmRSS"), bench_status_mib ("VmHWM"));
  print_row ("RSS after jumping and scrolling", figure);

  gtk_window_destroy (GTK_WINDOW (bench->window));
}

static void
on_activate_cb (GApplication *app,
                Bench        *bench)
{
  const char *dir = g_object_get_data (G_OBJECT (app), "bench-dir");
  const char *count = g_getenv ("CHORUS_BENCH_ENTRIES");
  g_autofree char *path = NULL;

  bench->n_entries = count != NULL ? (guint) g_ascii_strtoull (count, NULL, 10) : DEFAULT_ENTRIES;
  path = prepare_workspace (dir, bench->n_entries);
  g_application_hold (app);
  run (bench, path);
  g_application_release (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ChorusApplication) app = NULL;
  Bench bench = { NULL };

  setlocale (LC_ALL, "");
  app = chorus_application_new ();
  bench.app = app;
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data_full (G_OBJECT (app), "bench-dir", g_canonicalize_filename (argc > 1 ? argv[1] : ".", NULL), g_free);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), &bench);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
