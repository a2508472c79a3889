/* bench-inbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the inbox takes to list what a filter or a search lets through,
 * on the sample workspace at 1,000,000 posts: for each query, the time from
 * asking to having the first 50 ids (what the list model shows first) and
 * to having them all, through the public async calls, so a worker thread
 * and the main loop are included. Median and p95 over RUNS runs each.
 *
 *   bench-inbox [DIR]
 *
 * The workspace is generated once into DIR (the build folder under meson)
 * and reused; CHORUS_BENCH_POSTS sets another size. */

#include <stdlib.h>

#include "chorus-sample.h"
#include "chorus-store-inbox.h"

#define RUNS 21
#define FIRST_PAGE 50
#define DEFAULT_POSTS 1000000

typedef struct
{
  const char *name;
  const char *json;
} Query;

/* Words chosen from the sample's vocabulary: "tent" is in 5% of posts,
 * "the" in 30%, "propuesta" in 5; "zip*" matches 5%; wes_trails wrote 124
 * posts and the brand's tallpine 81,000; "defect" tags 11% of conversations. */
static const Query queries[] = {
  { "no filter", "{\"version\": 1}" },
  { "common word", "{\"version\": 1, \"search\": \"tent\"}" },
  { "very common word", "{\"version\": 1, \"search\": \"the\"}" },
  { "rare word", "{\"version\": 1, \"search\": \"propuesta\"}" },
  { "prefix", "{\"version\": 1, \"search\": \"zip*\"}" },
  { "phrase", "{\"version\": 1, \"search\": \"\\\"the zipper\\\"\"}" },
  { "from: a member", "{\"version\": 1, \"search\": \"from:wes_trails\"}" },
  { "from: the brand", "{\"version\": 1, \"search\": \"from:@tallpine@social.example\"}" },
  { "tag:", "{\"version\": 1, \"search\": \"tag:defect\"}" },
  { "status + assignee", "{\"version\": 1, \"statuses\": [1, 2], \"assignee\": \"mine\"}" },
  { "unread", "{\"version\": 1, \"unread-only\": true}" },
  { "segment vip", "{\"version\": 1, \"segments\": [\"vip\"]}" },
  { "question + negative + es", "{\"version\": 1, \"has-question\": true, \"sentiments\": [\"negative\"],"
    " \"languages\": [\"es\"]}" },
  { "word + status + unread", "{\"version\": 1, \"search\": \"tent\", \"statuses\": [1, 2],"
    " \"unread-only\": true}" },
  { "prefix + lang: + tag:", "{\"version\": 1, \"search\": \"cremall* lang:es tag:defect\"}" },
  { "from: + word + status", "{\"version\": 1, \"search\": \"from:tallpine repair\", \"statuses\": [3, 4]}" },
};

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

/* Milliseconds from asking to having the ids; @n_ids gets how many. */
static double
time_listing (ChorusStore             *store,
              const ChorusInboxFilter *filter,
              gboolean                 first_page,
              guint                   *n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  Wait wait = { NULL };
  gint64 start = g_get_monotonic_time ();
  gint64 end;

  if (first_page)
    chorus_store_list_first_conversation_ids_async (store, filter, FIRST_PAGE, NULL, on_done_cb, &wait);
  else
    chorus_store_list_conversation_ids_async (store, filter, NULL, on_done_cb, &wait);

  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();

  ids = first_page ? chorus_store_list_first_conversation_ids_finish (store, wait.result, &error)
                   : chorus_store_list_conversation_ids_finish (store, wait.result, &error);
  g_object_unref (wait.result);
  if (ids == NULL)
    g_error ("Listing failed: %s", error->message);

  *n_ids = ids->len;
  return (end - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The nearest-rank percentile of the sorted @values. */
static double
percentile (GArray *values,
            double  fraction)
{
  guint rank = (guint) (fraction * values->len + 0.999999);

  return g_array_index (values, double, CLAMP (rank, 1, values->len) - 1);
}

static ChorusStore *
open_workspace (const char *dir,
                guint       n_posts)
{
  g_autofree char *name = g_strdup_printf ("bench-inbox-%u.chorus", n_posts);
  g_autofree char *folder = g_canonicalize_filename (dir, NULL);   /* workspaces open by absolute path */
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  ChorusStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      gint64 start = g_get_monotonic_time ();

      g_print ("Generating %s (%u posts)...\n", path, n_posts);
      if (!chorus_sample_generate (path, n_posts, 1, NULL, NULL, &error))
        g_error ("Could not generate the sample: %s", error->message);
      g_print ("Generated in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }
  else
    g_print ("Reusing %s\n", path);

  if (!(store = chorus_store_open (path, CHORUS_STORE_OPEN_EXISTING, &error)))
    g_error ("Could not open %s: %s", path, error->message);

  g_print ("%" G_GINT64_FORMAT " posts, %" G_GINT64_FORMAT " conversations\n\n",
           chorus_store_get_counter (store, "posts"), chorus_store_get_counter (store, "conversations"));
  return store;
}

static void
measure (ChorusStore *store,
         const Query *query,
         GArray      *all_first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusInboxFilter) filter = chorus_inbox_filter_deserialize (query->json, &error);
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_first = 0, n_all = 0;

  if (filter == NULL)
    g_error ("%s: %s", query->json, error->message);

  /* One of each first, so that every run finds the same warm caches. */
  time_listing (store, filter, TRUE, &n_first);
  time_listing (store, filter, FALSE, &n_all);

  for (guint run = 0; run < RUNS; run++)
    {
      double ms = time_listing (store, filter, TRUE, &n_first);

      g_array_append_val (first, ms);
      g_array_append_val (all_first, ms);
      ms = time_listing (store, filter, FALSE, &n_all);
      g_array_append_val (all, ms);
    }

  g_array_sort (first, compare_doubles);
  g_array_sort (all, compare_doubles);
  g_print ("%-26s %9u %11.2f %9.2f %11.1f %9.1f\n", query->name, n_all,
           percentile (first, 0.5), percentile (first, 0.95), percentile (all, 0.5), percentile (all, 0.95));
}

int
main (int   argc,
      char *argv[])
{
  const char *posts_env = g_getenv ("CHORUS_BENCH_POSTS");
  guint n_posts = posts_env != NULL ? (guint) strtoul (posts_env, NULL, 10) : DEFAULT_POSTS;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GArray) all_first = g_array_new (FALSE, FALSE, sizeof (double));

  store = open_workspace (argc > 1 ? argv[1] : ".", n_posts);

  g_print ("Time to ids, in ms, median and p95 of %u runs\n", RUNS);
  g_print ("%-26s %9s %11s %9s %11s %9s\n", "query", "matches", "first 50", "p95", "all", "p95");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    measure (store, &queries[i], all_first);

  g_array_sort (all_first, compare_doubles);
  g_print ("\nFirst 50 ids, all %u queries together: median %.2f ms, p95 %.2f ms (target: median under 100 ms)\n",
           (guint) G_N_ELEMENTS (queries), percentile (all_first, 0.5), percentile (all_first, 0.95));

  return 0;
}
