/* chorus-challenge-export.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-challenge-export.h"
#include "chorus-challenge-report.h"
#include "chorus-clean-image.h"
#include "chorus-error.h"
#include "chorus-ranking-export.h"
#include "chorus-results-format.h"

/* A challenge's results saved where the person chooses: the ranking as
 * CSV, the PDF report, or the winners' images into a folder, each image
 * without its metadata (chorus-clean-image.c). The file chooser is the
 * native one; the writing happens in a worker, and a toast says how it
 * went. */

typedef struct
{
  ChorusChallengeExportKind  kind;
  ChorusChallenge           *challenge;
  ChorusRanking             *ranking;
  ChorusAwards              *awards;
  GtkWidget                 *parent;
  GFile                     *file;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->challenge);
  chorus_ranking_unref (export->ranking);
  chorus_awards_unref (export->awards);
  g_object_unref (export->parent);
  g_clear_object (&export->file);
  g_free (export);
}

/* A file name made of @text, without the characters file systems refuse. */
static char *
safe_name (const char *text)
{
  return g_strdelimit (g_strdup (text), "/\\:*?\"<>|", '-');
}

/**
 * chorus_challenge_export_images:
 * @awards: a challenge's winners
 * @folder: where their images go, as "1st Title.png"…
 * @error: a location for a #GError
 *
 * Blocking: call it from a worker. Each winner's image is written as a
 * PNG without any of its metadata.
 *
 * Returns: how many images were written; 0 with @error set when one
 *   could not be
 */
guint
chorus_challenge_export_images (ChorusAwards  *awards,
                                const char    *folder,
                                GError       **error)
{
  guint written = 0;

  g_return_val_if_fail (awards != NULL, 0);
  g_return_val_if_fail (folder != NULL, 0);

  for (guint i = 0; i < chorus_awards_get_n_winners (awards); i++)
    {
      const ChorusWinner *winner = chorus_awards_get_winner (awards, i);
      g_autofree char *place = chorus_format_place (winner->place);
      g_autofree char *name = g_strdup_printf ("%s %s.png", place, winner->title);
      g_autofree char *file = safe_name (name);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      g_autoptr(GError) local_error = NULL;

      if (winner->image_path == NULL ||
          !chorus_clean_image_save (winner->image_path, path, &local_error))
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED,
                       /* Translators: the first %s is a design entry's title, the second why its image
                        * could not be saved. */
                       _("The image of “%s” could not be saved: %s"), winner->title,
                       local_error != NULL ? local_error->message : _("it is not in the workspace"));
          return 0;
        }
      written++;
    }
  return written;
}

static char *
write_export (Export  *export,
              GError **error)
{
  g_autofree char *path = g_file_get_path (export->file);
  g_autofree char *csv = NULL;
  guint written;

  if (path == NULL)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_FAILED, _("Results can only be saved to local folders."));
      return NULL;
    }

  switch (export->kind)
    {
    case CHORUS_CHALLENGE_EXPORT_CSV:
      csv = chorus_ranking_dup_csv (export->ranking);
      return g_file_set_contents (path, csv, -1, error) ? g_strdup (_("Ranking saved")) : NULL;
    case CHORUS_CHALLENGE_EXPORT_PDF:
      return chorus_challenge_report_write_pdf (export->challenge, export->ranking, export->awards, path, error)
             ? g_strdup (_("Report saved")) : NULL;
    case CHORUS_CHALLENGE_EXPORT_IMAGES:
    default:
      if ((written = chorus_challenge_export_images (export->awards, path, error)) == 0)
        return NULL;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: a toast; %u is how many images were saved. */
                                           "%u winning image saved without its metadata",
                                           "%u winning images saved without their metadata", written),
                              written);
    }
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  char *message = write_export (task_data, &error);

  if (message != NULL)
    g_task_return_pointer (task, message, g_free);
  else
    g_task_return_error (task, error);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  GtkWidget *overlay = gtk_widget_get_ancestor (export->parent, ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message != NULL ? message
                                                                                          : error->message));
}

static void
on_chosen_cb (GtkNativeDialog *chooser,
              int              response,
              gpointer         user_data)
{
  Export *export = user_data;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (export->file == NULL)
    {
      export_free (export);
      return;
    }

  task = g_task_new (NULL, NULL, on_written_cb, NULL);
  g_task_set_source_tag (task, chorus_challenge_export);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, write_worker);
}

static GtkFileChooserNative *
new_chooser (GtkWidget                 *parent,
             ChorusChallengeExportKind  kind,
             ChorusChallenge           *challenge)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  if (kind == CHORUS_CHALLENGE_EXPORT_IMAGES)
    return gtk_file_chooser_native_new (_("Save Winning Images Into"), window, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Save Here"), NULL);

  chooser = gtk_file_chooser_native_new (kind == CHORUS_CHALLENGE_EXPORT_PDF ? _("Export Report")
                                                                             : _("Export Ranking"),
                                         window, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  if (kind == CHORUS_CHALLENGE_EXPORT_PDF)
    /* Translators: the file name a challenge's report is saved as; %s is the challenge's title. */
    name = g_strdup_printf (_("%s report.pdf"), chorus_challenge_get_title (challenge));
  else
    /* Translators: the file name a challenge's ranking is saved as; %s is the challenge's title. */
    name = g_strdup_printf (_("%s ranking.csv"), chorus_challenge_get_title (challenge));
  file = safe_name (name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file);
  return chooser;
}

/**
 * chorus_challenge_export:
 * @parent: the widget asking, whose window the chooser belongs to
 * @kind: what to save
 *
 * Asks where, then saves.
 */
void
chorus_challenge_export (GtkWidget                 *parent,
                         ChorusChallengeExportKind  kind,
                         ChorusChallenge           *challenge,
                         ChorusRanking             *ranking,
                         ChorusAwards              *awards)
{
  GtkFileChooserNative *chooser;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (CHORUS_IS_CHALLENGE (challenge));
  g_return_if_fail (ranking != NULL && awards != NULL);

  export = g_new0 (Export, 1);
  export->kind = kind;
  export->challenge = g_object_ref (challenge);
  export->ranking = chorus_ranking_ref (ranking);
  export->awards = chorus_awards_ref (awards);
  export->parent = g_object_ref (parent);

  chooser = new_chooser (parent, kind, challenge);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
