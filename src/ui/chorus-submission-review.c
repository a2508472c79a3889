/* chorus-submission-review.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-store-moderation.h"
#include "chorus-submission-review.h"
#include "chorus-text.h"

/* One entry of a challenge, large, with what the moderation queue can do
 * with it: accept it, reject it with a reason (the reason is required,
 * and kept), or put it back for review. An AdwMessageDialog whose extra
 * child shows the image and the reason field. */

typedef struct
{
  ChorusStore                *store;
  ChorusSubmission           *submission;
  ChorusSubmissionReviewDone  done;
  gpointer                    user_data;
  GtkWidget                  *dialog;
  GtkEditable                *reason;
  char                       *decision;
} Review;

static void
review_free (Review *review)
{
  g_clear_object (&review->store);
  g_clear_object (&review->submission);
  g_clear_object (&review->user_data);
  g_free (review->decision);
  g_free (review);
}

/* The dialog owns its review; the write in flight keeps the dialog. */
static void
on_moderated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWidget) dialog = user_data;
  Review *review = g_object_get_data (G_OBJECT (dialog), "chorus-review");
  g_autoptr(GError) error = NULL;
  const char *title = chorus_submission_get_title (review->submission);
  g_autofree char *message = NULL;

  if (chorus_store_moderate_submission_finish (CHORUS_STORE (object), result, &error))
    {
      if (g_str_equal (review->decision, "accepted"))
        /* Translators: a toast; %s is a design entry's title. */
        message = g_strdup_printf (_("Accepted “%s”"), title);
      else if (g_str_equal (review->decision, "rejected"))
        /* Translators: a toast; %s is a design entry's title. */
        message = g_strdup_printf (_("Rejected “%s”"), title);
      else
        /* Translators: a toast; %s is a design entry's title. */
        message = g_strdup_printf (_("“%s” is back for review"), title);
    }

  review->done (review->user_data, message, error);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                gpointer          user_data)
{
  Review *review = user_data;

  if (g_str_equal (response, "close"))
    return;

  review->decision = g_strdup (response);
  chorus_store_moderate_submission_async (review->store, chorus_submission_get_id (review->submission), response,
                                          gtk_editable_get_text (review->reason), NULL, on_moderated_cb,
                                          g_object_ref (dialog));
}

static void
on_reason_changed_cb (GtkEditable *editable,
                      gpointer     user_data)
{
  Review *review = user_data;
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (review->dialog), "rejected", *reason != '\0');
}

static GtkWidget *
build_body (Review *review)
{
  ChorusSubmission *submission = review->submission;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *picture = gtk_picture_new_for_filename (chorus_submission_get_image_path (submission));
  GtkWidget *reason = gtk_entry_new ();
  GtkWidget *caption = gtk_label_new (_("A rejection needs a reason; it stays with the entry."));

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (picture, 360, 300);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chorus_submission_get_title (submission), -1);
  gtk_box_append (GTK_BOX (box), picture);

  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, such as “Not an original design”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_max_length (GTK_ENTRY (reason), CHORUS_MODERATION_REASON_MAX_CHARS);
  if (chorus_submission_get_moderation_reason (submission) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (reason), chorus_submission_get_moderation_reason (submission));
  gtk_box_append (GTK_BOX (box), reason);

  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);

  review->reason = GTK_EDITABLE (reason);
  return box;
}

/* Who made the entry, on a line, then where it stands, on another: two
 * whole sentences rather than one built from pieces. */
static char *
describe (ChorusSubmission *submission)
{
  const char *moderation = chorus_submission_get_moderation (submission);
  const char *author = chorus_submission_get_author_name (submission);
  const char *handle = chorus_submission_get_author_handle (submission);
  g_autofree char *isolated_author = chorus_text_isolate (author);
  g_autofree char *isolated_handle = chorus_text_isolate (handle);
  g_autofree char *by = NULL;
  const char *state;

  if (author != NULL && handle != NULL && *handle != '\0')
    /* Translators: who made a design entry: a name, then a handle such as @ana@social.example. */
    by = g_strdup_printf (_("Made by %s (%s)."), isolated_author, isolated_handle);
  else if (author != NULL)
    /* Translators: who made a design entry: a name. */
    by = g_strdup_printf (_("Made by %s."), isolated_author);
  else
    by = g_strdup (_("Nobody is named as its maker."));

  if (g_strcmp0 (moderation, "accepted") == 0)
    state = _("This entry is in the challenge.");
  else if (g_strcmp0 (moderation, "rejected") == 0)
    state = _("This entry was rejected.");
  else
    state = _("This entry waits for review.");

  return g_strconcat (by, "\n", state, NULL);
}

/**
 * chorus_submission_review_present:
 * @parent: a widget in the window the dialog belongs to
 * @store: the workspace
 * @submission: the entry
 * @done: called once a decision is written or refused
 * @user_data: (type GObject): for @done, kept while the dialog is open
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
chorus_submission_review_present (GtkWidget                  *parent,
                                  ChorusStore                *store,
                                  ChorusSubmission           *submission,
                                  ChorusSubmissionReviewDone  done,
                                  gpointer                    user_data)
{
  Review *review = g_new0 (Review, 1);
  GtkRoot *root = gtk_widget_get_root (parent);
  const char *moderation = chorus_submission_get_moderation (submission);
  g_autofree char *body = describe (submission);
  AdwMessageDialog *dialog;

  review->store = g_object_ref (store);
  review->submission = g_object_ref (submission);
  review->done = done;
  review->user_data = g_object_ref (user_data);
  review->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           chorus_submission_get_title (submission), body);
  dialog = ADW_MESSAGE_DIALOG (review->dialog);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-review", review, (GDestroyNotify) review_free);

  adw_message_dialog_set_extra_child (dialog, build_body (review));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (g_strcmp0 (moderation, "pending") != 0)
    adw_message_dialog_add_response (dialog, "pending", _("Back to _Review"));
  if (g_strcmp0 (moderation, "rejected") != 0)
    {
      adw_message_dialog_add_response (dialog, "rejected", _("_Reject"));
      adw_message_dialog_set_response_appearance (dialog, "rejected", ADW_RESPONSE_DESTRUCTIVE);
    }
  if (g_strcmp0 (moderation, "accepted") != 0)
    {
      adw_message_dialog_add_response (dialog, "accepted", _("_Accept"));
      adw_message_dialog_set_response_appearance (dialog, "accepted", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "accepted");
    }
  adw_message_dialog_set_close_response (dialog, "close");

  if (adw_message_dialog_has_response (dialog, "rejected"))
    {
      g_signal_connect (review->reason, "changed", G_CALLBACK (on_reason_changed_cb), review);
      on_reason_changed_cb (review->reason, review);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), review);
  gtk_window_present (GTK_WINDOW (dialog));
  return review->dialog;
}
