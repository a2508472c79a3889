/* bench-sync.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE   /* RUSAGE_THREAD */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bench-reference.h"
#include "chorus-http.h"
#include "chorus-mastodon-parse.h"
#include "chorus-store-ingest.h"
#include "chorus-store-sources.h"
#include "chorus-sync-engine.h"
#include "chorus-test-util.h"
#include "fake-mastodon.h"

/* A Mastodon hashtag catching up on 100,000 new statuses (CHORUS_BENCH_POSTS
 * sets another number) from a fake server in a thread of its own: the
 * sync's time, rate, pages and peak memory. Then, in the same run and over
 * the same pages, each stage alone, one after the other: fetching (one
 * request at a time, as the pager does), json-glib parsing with a walk of
 * the fields an app reads (the machine's bare baseline), the app's own
 * parse, and the app's writes in batches of 1,000 into a fresh workspace.
 * Last, the same pages through the machine's bare reference pipeline
 * (bench-reference.c: fetch, json-glib parse and a raw SQLite + FTS5
 * upsert overlapping on three threads), the end-to-end figure that
 * PERFORMANCE.md judges the app's rate against, measured in this run. */

#define TAG         "benchtag"
#define TOKEN       "bench-token"
#define TOKEN_ENV   "CHORUS_BENCH_TOKEN"
#define FIRST       40
#define BATCH       1000

typedef struct
{
  double fetch;
  double parse;       /* json-glib alone */
  double app_parse;   /* chorus_mastodon_parse_statuses () */
  double write;
  double write_cpu;
  guint  pages;
  guint  posts;
  gsize  bytes;
} Stages;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static ChorusSyncSummary
sync_now (ChorusSyncEngine *engine)
{
  ChorusSyncSummary summary = chorus_test_sync_now (engine);

  g_assert_cmpuint (summary.sources_failed, ==, 0);
  return summary;
}

/* A number from a /proc/self file, after @label; -1 when missing. */
static gint64
read_proc (const char *file,
           const char *label)
{
  g_autofree char *path = g_build_filename ("/proc/self", file, NULL);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL) || !(line = strstr (contents, label)))
    return -1;

  return g_ascii_strtoll (line + strlen (label), NULL, 10);
}

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* CPU seconds of each live thread, by thread id, named "tid name". */
static GHashTable *
read_thread_cpu (void)
{
  GHashTable *threads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      char *open;
      char *close;
      double *seconds = g_new (double, 1);

      if (!g_file_get_contents (path, &stat, NULL, NULL) || !(open = strchr (stat, '(')) ||
          !(close = strrchr (stat, ')')))
        continue;
      *close = '\0';
      fields = g_strsplit (close + 2, " ", -1);   /* from field 3, state */
      *seconds = (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
      g_hash_table_insert (threads, g_strdup_printf ("%s %s", tid, open + 1), seconds);
    }

  return threads;
}

/* What each thread used between @before and now, of @cpu in all. */
static void
print_thread_cpu (GHashTable *before,
                  double      cpu,
                  double      wall)
{
  g_autoptr(GHashTable) after = read_thread_cpu ();
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  double listed = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *earlier = g_hash_table_lookup (before, key);
      double used = *(double *) value - (earlier != NULL ? *earlier : 0);

      listed += used;
      if (used >= 0.05)
        g_print ("    thread %-24s %6.2f s CPU (busy %3.0f%% of the sync)\n", (char *) key, used,
                 100 * used / wall);
    }
  g_print ("    %-31s %6.2f s CPU\n", "threads that ended since", cpu - listed);
}

static void
write_batch (ChorusStore *store,
             GPtrArray   *batch,
             Stages      *stages)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds (RUSAGE_THREAD);

  if (!chorus_store_ingest (store, 0, batch, NULL, &error))
    g_error ("Writing failed: %s", error->message);
  stages->write += seconds_since (start);
  stages->write_cpu += cpu_seconds (RUSAGE_THREAD) - cpu;
  g_ptr_array_set_size (batch, 0);
}

/* Each stage alone over the pages from @first_url on, writing into @store. */
static void
time_stages (const char  *first_url,
             ChorusStore *store,
             Stages      *stages)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GPtrArray) batch = chorus_incoming_post_array_new ();
  g_autofree char *url = g_strdup (first_url);
  gsize seen = 0;

  while (url != NULL)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) posts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *prev = NULL;
      const char *link;
      gint64 start;

      start = g_get_monotonic_time ();
      if (!(body = soup_session_send_and_read (session, message, NULL, &error)))
        g_error ("Fetching failed: %s", error->message);
      stages->fetch += seconds_since (start);
      link = soup_message_headers_get_one (soup_message_get_response_headers (message), "Link");

      start = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error))
        g_error ("Parsing failed: %s", error->message);
      seen += bench_reference_walk_statuses (json_parser_get_root (parser));
      stages->parse += seconds_since (start);

      start = g_get_monotonic_time ();
      posts = chorus_mastodon_parse_statuses (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
      stages->app_parse += seconds_since (start);
      g_assert_no_error (error);

      stages->pages++;
      stages->posts += posts->len;
      stages->bytes += g_bytes_get_size (body);
      g_ptr_array_extend_and_steal (batch, g_steal_pointer (&posts));
      if (batch->len >= BATCH)
        write_batch (store, batch, stages);

      g_clear_pointer (&url, g_free);
      if (link != NULL && chorus_parse_link_header (link, NULL, &prev) && prev != NULL && stages->posts > 0 &&
          g_bytes_get_size (body) > 2)
        url = g_steal_pointer (&prev);
    }

  if (batch->len > 0)
    write_batch (store, batch, stages);
  g_assert_cmpuint (seen, >, 0);
}

static void
print_rate (const char *what,
            double      seconds,
            guint       posts,
            double      sync_seconds)
{
  g_print ("  %-44s %7.2f s  %8.0f posts/s  (%3.0f%% of the sync's time)\n", what, seconds, posts / seconds,
           100.0 * seconds / sync_seconds);
}

/* A workspace in @dir with a source that signs in with a token from the
 * environment and follows TAG, synced once (the newest page). */
static ChorusSyncEngine *
set_up_source (FakeMastodon  *server,
               const char    *dir,
               char         **cursor)
{
  g_autofree char *path = g_build_filename (dir, "bench.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(ChorusHttp) http = chorus_http_new ();
  g_autoptr(GError) error = NULL;
  ChorusSourceSettings settings = { 0, };
  ChorusSyncEngine *engine;
  gint64 source_id;

  g_setenv (TOKEN_ENV, TOKEN, TRUE);
  settings.display_name = "Bench";
  settings.watch_hashtags = TAG;
  settings.secret_env = TOKEN_ENV;
  source_id = chorus_store_add_account (store, "mastodon", fake_mastodon_get_url (server), "brand", &settings,
                                        &error);
  g_assert_no_error (error);

  engine = chorus_sync_engine_new (store, http);
  sync_now (engine);
  *cursor = chorus_store_dup_cursor (store, source_id, "tag:" TAG);
  g_assert_nonnull (*cursor);

  return engine;
}

/* The catch-up on @more statuses; returns its time. */
static double
time_sync (FakeMastodon     *server,
           ChorusSyncEngine *engine,
           guint             more)
{
  g_autoptr(GHashTable) threads = NULL;
  FakeMastodonStats before;
  FakeMastodonStats after;
  ChorusSyncSummary summary;
  struct rusage usage;
  double seconds;
  double cpu;
  gint64 written;
  gint64 start;

  fake_mastodon_append (server, more);
  before = fake_mastodon_get_stats (server);
  threads = read_thread_cpu ();
  written = read_proc ("io", "write_bytes: ");
  cpu = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  summary = sync_now (engine);
  seconds = seconds_since (start);
  cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  written = read_proc ("io", "write_bytes: ") - written;
  getrusage (RUSAGE_SELF, &usage);
  after = fake_mastodon_get_stats (server);

  g_print ("sync-100k: a Mastodon hashtag catching up on %u statuses\n", more);
  g_print ("  posts stored        %u new\n", summary.posts_new);
  g_print ("  time                %.2f s\n", seconds);
  g_print ("  rate                %.0f posts/s\n", summary.posts_new / seconds);
  g_print ("  pages               %u (%u requests)\n", after.list_requests - before.list_requests,
           after.requests - before.requests);
  g_print ("  CPU                 %.2f s (%.0f%% of one core; this machine has %ld)\n", cpu, 100 * cpu / seconds,
           sysconf (_SC_NPROCESSORS_ONLN));
  print_thread_cpu (threads, cpu, seconds);
  g_print ("  written to disk     %.1f MB\n", written / 1e6);
  g_print ("  peak RSS            %ld KiB (ru_maxrss), %" G_GINT64_FORMAT " KiB (VmHWM)\n",
           usage.ru_maxrss, read_proc ("status", "VmHWM:"));
  g_assert_cmpuint (summary.posts_new, ==, more);

  return seconds;
}

static void
print_stages (FakeMastodon *server,
              const char   *dir,
              const char   *cursor,
              guint         posts,
              double        sync_seconds)
{
  g_autofree char *path = g_build_filename (dir, "stages.chorus", NULL);
  g_autofree char *reference_path = g_build_filename (dir, "reference.db", NULL);
  g_autofree char *first_url = g_strdup_printf ("%s/api/v1/timelines/tag/" TAG "?limit=40&min_id=%s",
                                                fake_mastodon_get_url (server), cursor);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  Stages stages = { 0, };
  double reference;
  double app_rate;
  guint reference_posts;

  time_stages (first_url, store, &stages);
  g_print ("each stage alone, in this run (%u pages, %u posts, %.1f MB of JSON):\n", stages.pages, stages.posts,
           stages.bytes / 1e6);
  print_rate ("fetch, one request at a time", stages.fetch, stages.posts, sync_seconds);
  print_rate ("json-glib parse + field walk (bare baseline)", stages.parse, stages.posts, sync_seconds);
  print_rate ("app parse (chorus_mastodon_parse_statuses)", stages.app_parse, stages.posts, sync_seconds);
  print_rate ("app write (chorus_store_ingest, 1,000/batch)", stages.write, stages.posts, sync_seconds);
  g_print ("  %-44s %7.2f s\n", "  of which CPU", stages.write_cpu);
  print_rate ("sum of the app's stages, one after another", stages.fetch + stages.app_parse + stages.write,
              stages.posts, sync_seconds);

  /* The same pages through the machine's bare pipeline: what PERFORMANCE.md
   * measures the app against, here measured again in this run. */
  reference = bench_reference_pipeline (first_url, reference_path, &reference_posts);
  g_assert_cmpuint (reference_posts, ==, stages.posts);
  app_rate = posts / sync_seconds;
  g_print ("machine reference, end to end in this run (fetch || json-glib parse || SQLite+FTS5 upsert, "
           "1,000/txn): %7.2f s  %8.0f posts/s\n", reference, reference_posts / reference);
  g_print ("app %.0f posts/s = %.0f%% of this run's reference (PERFORMANCE.md: 8,100/s; aim >= 70%%)\n", app_rate,
           100.0 * app_rate / (reference_posts / reference));
}

int
main (int   argc,
      char *argv[])
{
  const char *more_env = g_getenv ("CHORUS_BENCH_POSTS");
  guint more = more_env != NULL ? (guint) g_ascii_strtoull (more_env, NULL, 10) : 100000;
  g_autofree char *dir = chorus_test_make_temp_dir ();
  g_autofree char *cursor = NULL;
  FakeMastodonConfig config = { 0, };
  ChorusSyncEngine *engine;
  FakeMastodon *server;
  double seconds;

  if ((config.corpus_dir = g_getenv ("CHORUS_CORPUS_DIR")) == NULL)
    g_error ("Set CHORUS_CORPUS_DIR (meson sets it for the benchmark)");
  config.tag = TAG;
  config.token = TOKEN;
  config.statuses = FIRST;
  server = fake_mastodon_start (&config);

  engine = set_up_source (server, dir, &cursor);
  seconds = time_sync (server, engine, more);
  g_object_unref (engine);

  /* The same pages again, one stage at a time. */
  print_stages (server, dir, cursor, more, seconds);

  fake_mastodon_stop (server);
  chorus_test_remove_tree (dir);

  return 0;
}
