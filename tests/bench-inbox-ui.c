/* bench-inbox-ui.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Conversations pane of the real window on the sample workspace at
 * 1,000,000 posts, measured in-process as a person would feel it:
 *
 *  - time to first frame: from creating a window with the workspace to the
 *    first frame painted while the list shows rows (a new window each run);
 *  - filter and search: from the change (the search entry's
 *    "search-changed", a view chosen in the sidebar, a quick filter
 *    toggled) to the first frame painted after the list's items changed;
 *  - resident memory (VmRSS, VmHWM) after opening and after the searches;
 *  - frame times while the list scrolls a page per frame for a few seconds.
 *
 *   bench-inbox-ui [DIR]
 *
 * The workspace is generated once into DIR (the build folder under meson),
 * with the name bench-inbox uses, so both share it; CHORUS_BENCH_POSTS sets
 * another size. Run it under Xvfb and a session bus:
 * xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- bench-inbox-ui */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>

#include "chorus-application.h"
#include "chorus-conversation-list.h"
#include "chorus-conversations-pane.h"
#include "chorus-inbox-sidebar.h"
#include "chorus-sample.h"
#include "chorus-window-private.h"

#define DEFAULT_POSTS 1000000
#define FIRST_FRAME_RUNS 7
#define CHANGE_RUNS 21
#define SCROLL_SECONDS 5
#define SETTLE_MS 50
#define TIMEOUT_S 120

/* The sidebar lists its built-in views first, Inbox then Assigned to Me,
 * Unassigned and Unread (see chorus-inbox-sidebar.c). */
#define INBOX_ROW 0
#define UNREAD_ROW 3

typedef enum
{
  CHANGE_SEARCH,
  CHANGE_VIEW,
  CHANGE_QUICK_FILTER,
} ChangeKind;

typedef struct
{
  const char *name;
  ChangeKind  kind;
  const char *arg;   /* the words typed, the sidebar row or the check button */
} Change;

/* Words from the sample's vocabulary (see bench-inbox.c): "tent" is in 5%
 * of posts, "the" in 30%, "propuesta" in 5; "zip*" matches 5%; wes_trails
 * wrote 124 posts; "defect" tags 11% of conversations. */
static const Change changes[] = {
  { "common word: tent", CHANGE_SEARCH, "tent" },
  { "very common word: the", CHANGE_SEARCH, "the" },
  { "rare word: propuesta", CHANGE_SEARCH, "propuesta" },
  { "prefix: zip*", CHANGE_SEARCH, "zip*" },
  { "phrase: \"the zipper\"", CHANGE_SEARCH, "\"the zipper\"" },
  { "from:wes_trails", CHANGE_SEARCH, "from:wes_trails" },
  { "tag:defect", CHANGE_SEARCH, "tag:defect" },
  { "sidebar view: Unread", CHANGE_VIEW, GUINT_TO_POINTER (UNREAD_ROW) },
  { "quick filter: Questions", CHANGE_QUICK_FILTER, "question_check" },
};

typedef struct
{
  ChorusApplication       *app;
  ChorusWindow            *window;
  ChorusConversationsPane *pane;
  GListModel              *model;            /* the pane's, watched for items-changed */
  gulong                   items_changed_id;

  gint64                   store_opened;     /* monotonic µs the window got its workspace, 0 before */
  gint64                   first_ids;        /* ... the list first had items */
  gint64                   first_frame;      /* ... of the window's first frame */
  gint64                   first_rows_frame; /* ... of the first frame showing rows */
  gboolean                 armed;            /* a change is being timed */
  gboolean                 items_changed;    /* since it was armed */
  gint64                   changed_at;       /* when the items first changed */
  gint64                   changed_frame;    /* first frame painted after that */

  gint64                   paint_start;      /* "before-paint" of the frame under way */
  GArray                  *intervals;        /* double ms between frames, while recording */
  GArray                  *work;             /* double ms from before-paint to after-paint */
  gint64                   last_paint;
} Bench;

static double
ms_between (gint64 start,
            gint64 end)
{
  return (end - start) / 1000.0;
}

static int
by_value (gconstpointer a,
          gconstpointer b)
{
  double difference = *(const double *) a - *(const double *) b;

  return (difference > 0) - (difference < 0);
}

/* Sorts @values and returns the smallest one that at least @fraction of
 * them do not exceed (the nearest rank). */
static double
percentile (GArray *values,
            double  fraction)
{
  double wanted = fraction * values->len;
  guint count = (guint) wanted;

  if (count < wanted)
    count++;
  g_array_sort (values, by_value);

  return g_array_index (values, double, count > 0 ? MIN (count, values->len) - 1 : 0);
}

static double
share_over (GArray *values,
            double  limit)
{
  guint over = 0;

  for (guint i = 0; i < values->len; i++)
    over += g_array_index (values, double, i) > limit;

  return values->len > 0 ? 100.0 * over / values->len : 0;
}

/* A line of /proc/self/status, such as VmRSS, in MiB. */
static double
status_mib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || !(line = strstr (status, key)))
    return -1;

  return g_ascii_strtod (line + strlen (key), NULL) / 1024.0;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *fired = user_data;

  *fired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean fired = FALSE;

  g_timeout_add (ms, on_timeout_cb, &fired);
  while (!fired)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*Done) (Bench *bench);

/* Runs the main loop until @done says so, or gives up. */
static void
wait_until (Bench      *bench,
            Done        done,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (TIMEOUT_S, on_timeout_cb, &timed_out);

  while (!done (bench) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Gave up waiting for %s after %d s", what, TIMEOUT_S);
  g_source_remove (timeout_id);
}

static gboolean
list_loaded (Bench *bench)
{
  return bench->model != NULL && !chorus_conversation_list_get_loading (CHORUS_CONVERSATION_LIST (bench->model));
}

static gboolean
rows_shown (Bench *bench)
{
  return bench->first_rows_frame != 0;
}

static gboolean
change_shown (Bench *bench)
{
  return bench->changed_frame != 0;
}

/* Until the list has listed everything its filter lets through, and the
 * frames that follow have been painted. */
static void
settle (Bench *bench)
{
  wait_until (bench, list_loaded, "the list to load");
  spin (SETTLE_MS);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Bench      *bench)
{
  if (bench->first_ids == 0 && g_list_model_get_n_items (model) > 0)
    bench->first_ids = g_get_monotonic_time ();

  if (bench->armed && !bench->items_changed)
    {
      bench->items_changed = TRUE;
      bench->changed_at = g_get_monotonic_time ();
    }
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Bench         *bench)
{
  bench->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  GListModel *model = bench->model;

  if (bench->first_frame == 0)
    bench->first_frame = now;

  if (bench->first_rows_frame == 0 && model != NULL && g_list_model_get_n_items (model) > 0 &&
      g_strcmp0 (chorus_conversations_pane_get_page (bench->pane), "list") == 0)
    bench->first_rows_frame = now;

  if (bench->armed && bench->items_changed && bench->changed_frame == 0)
    bench->changed_frame = now;

  if (bench->intervals != NULL)
    {
      double interval = ms_between (bench->last_paint, now);
      double work = ms_between (bench->paint_start, now);

      if (bench->last_paint != 0)
        g_array_append_val (bench->intervals, interval);
      g_array_append_val (bench->work, work);
    }
  bench->last_paint = now;
}

/* The store opens in a worker: the pane has a model once it has. */
static void
on_store_cb (ChorusWindow *window,
             GParamSpec   *pspec,
             Bench        *bench)
{
  GListModel *model = chorus_conversations_pane_get_model (bench->pane);

  bench->store_opened = g_get_monotonic_time ();
  if (bench->model != NULL)
    g_signal_handler_disconnect (bench->model, bench->items_changed_id);
  bench->model = model;
  bench->items_changed_id = model ? g_signal_connect (model, "items-changed",
                                                      G_CALLBACK (on_items_changed_cb), bench) : 0;
}

static void
close_window (Bench *bench)
{
  if (bench->model != NULL)
    g_signal_handler_disconnect (bench->model, bench->items_changed_id);
  bench->model = NULL;
  gtk_window_destroy (GTK_WINDOW (bench->window));
  bench->window = NULL;
  bench->pane = NULL;
  spin (200);
}

/* Time to first frame: a new window opening @path, until a frame shows
 * the list's rows. Leaves the last window open. */
static void
measure_first_frame (Bench      *bench,
                     const char *path,
                     GArray     *first_rows,
                     GArray     *any_frame)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint run = 0; run < FIRST_FRAME_RUNS; run++)
    {
      gint64 start;
      double ms;

      if (bench->window != NULL)
        close_window (bench);

      bench->store_opened = 0;
      bench->first_ids = 0;
      bench->first_frame = 0;
      bench->first_rows_frame = 0;

      start = g_get_monotonic_time ();
      bench->window = chorus_window_new (bench->app);
      bench->pane = CHORUS_CONVERSATIONS_PANE (bench->window->conversations_pane);
      g_signal_connect (bench->window, "notify::store", G_CALLBACK (on_store_cb), bench);
      gtk_window_present (GTK_WINDOW (bench->window));
      chorus_window_open_workspace (bench->window, file, CHORUS_WINDOW_OPEN_DEFAULT);
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "before-paint",
                        G_CALLBACK (on_before_paint_cb), bench);
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "after-paint",
                        G_CALLBACK (on_after_paint_cb), bench);

      wait_until (bench, rows_shown, "the first rows");

      ms = ms_between (start, bench->first_rows_frame);
      g_array_append_val (first_rows, ms);
      ms = ms_between (start, bench->first_frame);
      g_array_append_val (any_frame, ms);
      g_print ("  run %u: first frame %.0f ms, workspace open %.0f ms, first ids %.0f ms,"
               " first frame with rows %.0f ms (%u conversations shown then)\n",
               run + 1, ms, ms_between (start, bench->store_opened), ms_between (start, bench->first_ids),
               g_array_index (first_rows, double, first_rows->len - 1), g_list_model_get_n_items (bench->model));

      settle (bench);
    }
}

static GtkWidget *
pane_child (Bench      *bench,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bench->pane), CHORUS_TYPE_CONVERSATIONS_PANE,
                                                    name));
}

static void
select_view (Bench *bench,
             guint  row)
{
  /* The sidebar holds a scrolled window, which wraps its list in a
   * viewport. */
  GtkWidget *scroller = gtk_widget_get_first_child (pane_child (bench, "sidebar"));
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkListBox *views = GTK_LIST_BOX (gtk_viewport_get_child (GTK_VIEWPORT (viewport)));

  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, row));
}

/* What the search entry does once its delay is over, without the delay:
 * the text is set with the pane's handlers blocked, then "search-changed"
 * is emitted at once. The entry's own delayed emission comes later and
 * finds the filter unchanged. */
static void
set_search (Bench      *bench,
            const char *text,
            gint64     *start)
{
  GtkWidget *entry = pane_child (bench, "search_entry");

  g_signal_handlers_block_matched (entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, bench->pane);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_handlers_unblock_matched (entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, bench->pane);
  *start = g_get_monotonic_time ();
  g_signal_emit_by_name (entry, "search-changed");
}

/* Applies @change (or takes it back), from the moment *@start. */
static void
apply_change (Bench        *bench,
              const Change *change,
              gboolean      on,
              gint64       *start)
{
  switch (change->kind)
    {
    case CHANGE_SEARCH:
      set_search (bench, on ? change->arg : "", start);
      break;

    case CHANGE_VIEW:
      *start = g_get_monotonic_time ();
      select_view (bench, on ? GPOINTER_TO_UINT (change->arg) : INBOX_ROW);
      break;

    case CHANGE_QUICK_FILTER:
      *start = g_get_monotonic_time ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (pane_child (bench, change->arg)), on);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Milliseconds from @change to the first frame painted with the rows it
 * lets through; *@ids_ms gets the time until the list's items changed (the
 * first ids listed), *@all_ms until everything was listed. */
static double
time_change (Bench        *bench,
             const Change *change,
             double       *ids_ms,
             double       *all_ms)
{
  gint64 start;
  double ms;

  bench->armed = TRUE;
  bench->items_changed = FALSE;
  bench->changed_frame = 0;
  apply_change (bench, change, TRUE, &start);

  wait_until (bench, change_shown, change->name);
  ms = ms_between (start, bench->changed_frame);
  *ids_ms = ms_between (start, bench->changed_at);
  bench->armed = FALSE;

  wait_until (bench, list_loaded, change->name);
  *all_ms = ms_between (start, g_get_monotonic_time ());
  settle (bench);

  apply_change (bench, change, FALSE, &start);
  settle (bench);

  return ms;
}

static void
measure_changes (Bench  *bench,
                 GArray *all_first)
{
  g_print ("\nFilter and search, from the change to the first frame with its rows (ms, %u runs each;\n"
           "search timed from \"search-changed\", emitted at once: the entry's own delay of %u ms comes before it)\n",
           CHANGE_RUNS, gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (pane_child (bench, "search_entry"))));
  g_print ("  %-28s %9s %9s %9s %9s %12s %12s\n", "change", "matches", "median", "p95", "max", "ids, median",
           "all listed");

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) first_ids = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (double));
      guint matches;
      double ids_ms, all_ms;

      /* One first, so that every run finds the same warm caches. */
      time_change (bench, &changes[i], &ids_ms, &all_ms);
      apply_change (bench, &changes[i], TRUE, &(gint64) { 0 });
      settle (bench);
      matches = g_list_model_get_n_items (bench->model);
      apply_change (bench, &changes[i], FALSE, &(gint64) { 0 });
      settle (bench);

      for (guint run = 0; run < CHANGE_RUNS; run++)
        {
          double ms = time_change (bench, &changes[i], &ids_ms, &all_ms);

          g_array_append_val (shown, ms);
          g_array_append_val (first_ids, ids_ms);
          g_array_append_val (all_first, ms);
          g_array_append_val (listed, all_ms);
        }

      g_print ("  %-28s %9u %9.1f %9.1f %9.1f %12.1f %12.1f\n", changes[i].name, matches,
               percentile (shown, 0.5), percentile (shown, 0.95), percentile (shown, 1.0),
               percentile (first_ids, 0.5), percentile (listed, 0.5));
    }
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adjustment = user_data;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_CONTINUE;
}

/* A page per frame, from the top down, for SCROLL_SECONDS. */
static void
measure_scrolling (Bench  *bench,
                   GArray *intervals,
                   GArray *work)
{
  GtkWidget *list_view = pane_child (bench, "list_view");
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list_view,
                                                                               GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  guint tick_id;

  gtk_adjustment_set_value (adjustment, 0);
  settle (bench);

  bench->intervals = intervals;
  bench->work = work;
  bench->last_paint = 0;
  tick_id = gtk_widget_add_tick_callback (list_view, scroll_tick_cb, adjustment, NULL);
  spin (SCROLL_SECONDS * 1000);
  gtk_widget_remove_tick_callback (list_view, tick_id);
  bench->intervals = NULL;
  bench->work = NULL;

  g_print ("\nScrolled %u frames in %d s to %.0f px of %.0f (a page is %.0f px), %u conversations listed\n",
           work->len, SCROLL_SECONDS, gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment),
           gtk_adjustment_get_page_size (adjustment), g_list_model_get_n_items (bench->model));
}

static char *
prepare_workspace (const char *dir,
                   guint       n_posts)
{
  g_autofree char *name = g_strdup_printf ("bench-inbox-%u.chorus", n_posts);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_print ("Reusing %s\n", path);
  else
    {
      gint64 start = g_get_monotonic_time ();

      g_print ("Generating %s (%u posts)...\n", path, n_posts);
      if (!chorus_sample_generate (path, n_posts, 1, NULL, NULL, &error))
        g_error ("Could not generate the sample: %s", error->message);
      g_print ("Generated in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }

  return path;
}

static void
print_row (const char *what,
           const char *figure,
           const char *target,
           gboolean    met)
{
  g_print ("  %-44s %-34s %-14s %s\n", what, figure, target, *target == '\0' ? "" : met ? "met" : "MISSED");
}

static void
run (Bench      *bench,
     const char *path)
{
  g_autoptr(GArray) first_rows = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) any_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_changes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *figure = NULL;
  double rss_open, hwm_open, rss_searched, hwm_searched, first_median, change_median;

  g_print ("Time to first frame, new window each run (warm file cache)\n");
  measure_first_frame (bench, path, first_rows, any_frame);
  rss_open = status_mib ("VmRSS");
  hwm_open = status_mib ("VmHWM");
  g_print ("  %u conversations; pane shown: %s; VmRSS %.0f MiB, VmHWM %.0f MiB after opening\n",
           g_list_model_get_n_items (bench->model), chorus_window_get_visible_pane (bench->window),
           rss_open, hwm_open);

  measure_changes (bench, all_changes);
  rss_searched = status_mib ("VmRSS");
  hwm_searched = status_mib ("VmHWM");

  measure_scrolling (bench, intervals, work);

  g_print ("\ninbox-ui: the Conversations pane at %" G_GINT64_FORMAT " posts, %" G_GINT64_FORMAT
           " conversations (%s build, GSK_RENDERER=%s)\n",
           chorus_store_get_counter (bench->window->store, "posts"),
           chorus_store_get_counter (bench->window->store, "conversations"),
           BENCH_BUILD_TYPE, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("  %-44s %-34s %-14s %s\n", "figure", "measured", "target", "");

  first_median = percentile (first_rows, 0.5);
  figure = g_strdup_printf ("%.0f ms (min %.0f, max %.0f)", first_median, percentile (first_rows, 0),
                            percentile (first_rows, 1.0));
  print_row ("first frame with rows, median", figure, "< 1000 ms", first_median < 1000);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f ms", percentile (any_frame, 0.5));
  print_row ("first frame (any), median", figure, "", TRUE);
  g_clear_pointer (&figure, g_free);

  change_median = percentile (all_changes, 0.5);
  figure = g_strdup_printf ("%.1f ms (p95 %.1f)", change_median, percentile (all_changes, 0.95));
  print_row ("filter+search to first rows, all changes", figure, "< 100 ms med", change_median < 100);
  g_clear_pointer (&figure, g_free);

  figure = g_strdup_printf ("%.0f MiB (VmHWM %.0f)", rss_open, hwm_open);
  print_row ("RSS after opening", figure, "< 300 MB", hwm_open * 1.048576 < 300);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f MiB (VmHWM %.0f)", rss_searched, hwm_searched);
  print_row ("RSS after the searches", figure, "< 300 MB", hwm_searched * 1.048576 < 300);
  g_clear_pointer (&figure, g_free);

  figure = g_strdup_printf ("%.1f ms (p95 %.1f, max %.1f)", percentile (intervals, 0.5),
                            percentile (intervals, 0.95), percentile (intervals, 1.0));
  print_row ("scrolling: frame interval, median", figure, "", TRUE);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.0f%% over 16.7 ms, %.0f%% over 33 ms", share_over (intervals, 16.7),
                            share_over (intervals, 33.0));
  print_row ("scrolling: slow frames", figure, "", TRUE);
  g_clear_pointer (&figure, g_free);
  figure = g_strdup_printf ("%.1f ms (p95 %.1f, max %.1f)", percentile (work, 0.5), percentile (work, 0.95),
                            percentile (work, 1.0));
  print_row ("scrolling: work per frame, median", figure, "", TRUE);
  g_print ("  (machine reference, PERFORMANCE.md: first frame with 1M items 255 ms; scrolling a page per\n"
           "   frame, frame interval 16.4 ms, p95 26; work per frame 8.9 ms, p95 16)\n");
}

static void
on_activate_cb (GApplication *app,
                Bench        *bench)
{
  const char *dir = g_object_get_data (G_OBJECT (app), "bench-dir");
  const char *posts_env = g_getenv ("CHORUS_BENCH_POSTS");
  guint n_posts = posts_env != NULL ? (guint) strtoul (posts_env, NULL, 10) : DEFAULT_POSTS;
  g_autofree char *path = NULL;

  /* The application would open a window of its own. */
  g_signal_stop_emission_by_name (app, "activate");
  g_application_hold (app);

  path = prepare_workspace (dir, n_posts);
  run (bench, path);

  close_window (bench);
  g_application_release (app);
}

/* Defaults for an uninstalled run outside meson: the schemas beside the
 * tests' build folder, no settings written, and the renderer CI uses. */
static void
set_default_environment (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *tests_dir = exe ? g_path_get_dirname (exe) : g_strdup (".");
  g_autofree char *schemas = g_build_filename (tests_dir, "..", "data", NULL);

  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_BACKEND", "x11", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ChorusApplication) app = NULL;
  Bench bench = { NULL };

  set_default_environment ();
  setlocale (LC_ALL, "");
  app = chorus_application_new ();
  bench.app = app;
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data_full (G_OBJECT (app), "bench-dir", g_canonicalize_filename (argc > 1 ? argv[1] : ".", NULL), g_free);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), &bench);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
