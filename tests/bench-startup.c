/* bench-startup.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>

#include "chorus-application.h"
#include "chorus-conversations-pane.h"
#include "chorus-window-private.h"

/* Time from exec to the first frame, and to the first frame that shows the
 * inbox's rows, with the resident memory then: `bench-startup WORKSPACE`. The clock starts at the
 * kernel's record of the process start, so linking and GTK start-up count. */

static double
seconds_since_process_start (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  struct timespec now;
  double start;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !(after_name = strrchr (stat, ')')))
    return -1;

  /* Field 22 (starttime) counts clock ticks since boot; fields after the
   * command name start at field 3. */
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 20)
    return -1;

  start = g_ascii_strtod (fields[19], NULL) / (double) sysconf (_SC_CLK_TCK);
  clock_gettime (CLOCK_BOOTTIME, &now);

  return (double) now.tv_sec + (double) now.tv_nsec / 1e9 - start;
}

static long
resident_kib (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return -1;

  fields = g_strsplit (statm, " ", -1);
  return (long) (g_ascii_strtoll (fields[1], NULL, 10) * sysconf (_SC_PAGESIZE) / 1024);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   ChorusWindow  *window)
{
  static gboolean first_frame_seen;
  GListModel *model;

  if (!first_frame_seen)
    {
      first_frame_seen = TRUE;
      g_print ("first frame: %.0f ms, RSS %ld MiB\n",
               seconds_since_process_start () * 1000.0, resident_kib () / 1024);
    }

  model = chorus_conversations_pane_get_model (CHORUS_CONVERSATIONS_PANE (window->conversations_pane));
  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return;

  g_print ("first frame with rows: %.0f ms, RSS %ld MiB, %u conversations\n",
           seconds_since_process_start () * 1000.0, resident_kib () / 1024,
           g_list_model_get_n_items (model));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_activate_cb (GApplication *app,
                const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChorusWindow *window = chorus_window_new (CHORUS_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  chorus_window_open_workspace (window, file, CHORUS_WINDOW_OPEN_DEFAULT);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ChorusApplication) app = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: bench-startup WORKSPACE\n");
      return 2;
    }

  setlocale (LC_ALL, "");
  app = chorus_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), argv[1]);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
