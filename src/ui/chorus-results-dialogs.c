/* chorus-results-dialogs.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-challenge-results-private.h"
#include "chorus-format.h"
#include "chorus-outbox.h"
#include "chorus-results-dialogs-private.h"
#include "chorus-results-format.h"
#include "chorus-store-awards.h"
#include "chorus-store-ranking.h"

/* What the Results view changes, each through a dialog that asks for
 * what the change needs (a place and a note, a reason, the announcement's
 * text) and then the store, in a worker: a winner chosen or taken back,
 * a winner announced, a vote excluded or counted again. Rewards have
 * their own (chorus-results-reward-dialog.c). A response stays disabled
 * until what it needs is there. */

typedef struct
{
  ChorusChallengeResults *self;
  char                   *message;
  ChorusResultsFinish     finish;
  gboolean                send;
} Done;

/* Tells the view what came of a change; @user_data is from
 * _chorus_results_done_new(). */
void
_chorus_results_on_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  Done *done = user_data;
  g_autoptr(GError) error = NULL;

  done->finish (CHORUS_STORE (object), result, &error);
  _chorus_results_changed (done->self, done->message, error);
  /* The announcement goes out now, not after the next sync. */
  if (error == NULL && done->send)
    gtk_widget_activate_action (GTK_WIDGET (done->self), "win.send-outbox", NULL);

  g_object_unref (done->self);
  g_free (done->message);
  g_free (done);
}

/**
 * _chorus_results_done_new:
 * @message: (transfer full): the toast once the change is written
 * @finish: reads the store call's result
 * @send: whether the change queued something for the outbox to send
 *
 * Returns: user data for _chorus_results_on_done_cb()
 */
gpointer
_chorus_results_done_new (ChorusChallengeResults *self,
                          char                   *message,
                          ChorusResultsFinish     finish,
                          gboolean                send)
{
  Done *done = g_new0 (Done, 1);

  done->self = g_object_ref (self);
  done->message = message;
  done->finish = finish;
  done->send = send;
  return done;
}

/* A dialog with Cancel and @response, closed by Cancel or Escape. */
AdwMessageDialog *
_chorus_results_dialog_new (ChorusChallengeResults *self,
                            const char             *heading,
                            const char             *body,
                            const char             *response,
                            const char             *label,
                            AdwResponseAppearance   appearance)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                             : NULL,
                                                                         heading, body));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, response, label);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
on_required_changed_cb (GtkEditable      *editable,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (editable), "chorus-response"),
                                           *text != '\0');
}

/* An entry that @response needs filled in. */
GtkWidget *
_chorus_results_required_entry (AdwMessageDialog *dialog,
                                const char       *response,
                                const char       *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_max_length (GTK_ENTRY (entry), CHORUS_AWARD_TEXT_MAX_CHARS);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_object_set_data_full (G_OBJECT (entry), "chorus-response", g_strdup (response), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_required_changed_cb), dialog, 0);
  adw_message_dialog_set_response_enabled (dialog, response, FALSE);
  return entry;
}

/* What a dialog asks about, kept on it until its response. */
typedef struct
{
  ChorusChallengeResults *self;
  gint64                  id;         /* an entry, or a vote */
  guint                   place;
  GArray                 *places;     /* free places, by the drop-down's positions */
  GtkWidget              *entry;
  GtkDropDown            *drop_down;
  GtkTextBuffer          *text;
} Ask;

static void
ask_free (Ask *ask)
{
  g_object_unref (ask->self);
  g_clear_pointer (&ask->places, g_array_unref);
  g_free (ask);
}

static Ask *
ask_new (AdwMessageDialog       *dialog,
         ChorusChallengeResults *self,
         gint64                  id)
{
  Ask *ask = g_new0 (Ask, 1);

  ask->self = g_object_ref (self);
  ask->id = id;
  g_object_set_data_full (G_OBJECT (dialog), "chorus-ask", ask, (GDestroyNotify) ask_free);
  return ask;
}

static char *
entry_text (Ask *ask)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry)));
}

static gint64
challenge_id (ChorusChallengeResults *self)
{
  return chorus_ranking_get_challenge_id (self->ranking);
}

/* Choosing a winner */

static void
on_choose_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Ask              *ask)
{
  ChorusChallengeResults *self = ask->self;
  g_autofree char *note = entry_text (ask);
  guint place = g_array_index (ask->places, guint, gtk_drop_down_get_selected (ask->drop_down));
  /* Translators: a toast; %s is a design entry's title. */
  char *message = g_strdup_printf (_("“%s” is among the winners"), _chorus_results_entry_title (self, ask->id));

  chorus_store_choose_winner_async (self->store, challenge_id (self), ask->id, place, note, NULL,
                                    _chorus_results_on_done_cb,
                                    _chorus_results_done_new (self, message, chorus_store_winner_change_finish,
                                                              FALSE));
}

static void
choose_winner (ChorusChallengeResults *self,
               gint64                  submission_id)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  Ask *ask;

  /* Translators: a dialog's title; %s is a design entry's title. */
  heading = g_strdup_printf (_("Choose “%s” as a Winner"), _chorus_results_entry_title (self, submission_id));
  dialog = _chorus_results_dialog_new (self, heading,
                                       _("Pick its place and say why it wins. The note stays in the challenge’s "
                                         "history."),
                                       "choose", _("_Choose Winner"), ADW_RESPONSE_SUGGESTED);
  ask = ask_new (dialog, self, submission_id);
  ask->places = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint place = 1; place <= CHORUS_WINNER_MAX_PLACE; place++)
    if (chorus_awards_place_is_free (self->awards, place))
      {
        g_autofree char *name = chorus_format_place (place);

        g_array_append_val (ask->places, place);
        g_strv_builder_add (names, name);
      }

  if (ask->places->len == 0)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      _chorus_results_toast (self, _("Every place from 1st to 10th is taken: remove a winner first."));
      return;
    }

  strings = g_strv_builder_end (names);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  ask->drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) strings));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Place"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->drop_down));
  ask->entry = _chorus_results_required_entry (dialog, "choose", _("Why it wins, such as “Jury favourite”"));
  gtk_box_append (GTK_BOX (box), ask->entry);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect (dialog, "response::choose", G_CALLBACK (on_choose_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Taking a place back */

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Ask              *ask)
{
  ChorusChallengeResults *self = ask->self;
  g_autofree char *reason = entry_text (ask);
  /* Translators: a toast; %s is a design entry's title. */
  char *message = g_strdup_printf (_("“%s” is no longer among the winners"),
                                   _chorus_results_entry_title (self, ask->id));

  chorus_store_remove_winner_async (self->store, challenge_id (self), ask->place, reason, NULL,
                                    _chorus_results_on_done_cb,
                                    _chorus_results_done_new (self, message, chorus_store_winner_change_finish,
                                                              FALSE));
}

static void
remove_winner (ChorusChallengeResults *self,
               const ChorusWinner     *winner)
{
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  Ask *ask;

  /* Translators: a dialog's title; %s is a design entry's title. */
  heading = g_strdup_printf (_("Remove “%s” from the Winners?"), winner->title);
  dialog = _chorus_results_dialog_new (self, heading,
                                       _("Its place becomes free. Say why; the reason stays in the challenge’s "
                                         "history."),
                                       "remove", _("_Remove"), ADW_RESPONSE_DESTRUCTIVE);
  ask = ask_new (dialog, self, winner->submission_id);
  ask->place = winner->place;
  ask->entry = _chorus_results_required_entry (dialog, "remove", _("Reason, such as “The author is an employee”"));
  adw_message_dialog_set_extra_child (dialog, ask->entry);

  g_signal_connect (dialog, "response::remove", G_CALLBACK (on_remove_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Announcing a winner */

static char *
dup_announcement (Ask *ask)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (ask->text, &start, &end);
  return gtk_text_buffer_get_text (ask->text, &start, &end, FALSE);
}

static void
on_announcement_changed_cb (GtkTextBuffer    *buffer,
                            AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "chorus-ask");
  const ChorusWinner *winner = chorus_awards_find_winner (ask->self->awards, ask->id);
  g_autofree char *text = dup_announcement (ask);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint length = chorus_outbox_count_length (winner->network, text);
  g_autofree char *counter = NULL;

  /* Translators: the length of a reply being written, and the most it may hold, e.g. "123 / 500". */
  counter = g_strdup_printf (_("%u / %u"), length, winner->reply_limit);
  gtk_label_set_label (GTK_LABEL (ask->entry), counter);
  if (length > winner->reply_limit)
    gtk_widget_add_css_class (ask->entry, "error");
  else
    gtk_widget_remove_css_class (ask->entry, "error");
  adw_message_dialog_set_response_enabled (dialog, "announce", *stripped != '\0' && length <= winner->reply_limit);
}

static void
on_announce_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Ask              *ask)
{
  ChorusChallengeResults *self = ask->self;
  g_autofree char *text = dup_announcement (ask);

  chorus_store_announce_winner_async (self->store, challenge_id (self), ask->place, text, NULL,
                                      _chorus_results_on_done_cb,
                                      _chorus_results_done_new (self, g_strdup (_("Announcement queued")),
                                                                chorus_store_winner_change_finish, TRUE));
}

static GtkWidget *
build_announcement (Ask        *ask,
                    const char *draft)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  ask->text = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (ask->text, draft, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, 360, 110);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Announcement"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  /* The counter, kept where the other dialogs keep their entry. */
  ask->entry = gtk_label_new (NULL);
  gtk_widget_set_halign (ask->entry, GTK_ALIGN_END);
  gtk_widget_add_css_class (ask->entry, "caption");
  gtk_widget_add_css_class (ask->entry, "numeric");
  gtk_box_append (GTK_BOX (box), ask->entry);
  return box;
}

static void
announce (ChorusChallengeResults *self,
          const ChorusWinner     *winner)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *draft = chorus_format_announcement (winner->place, winner->author, winner->title,
                                                       chorus_ranking_get_hashtag (self->ranking));
  AdwMessageDialog *dialog;
  Ask *ask;

  /* Translators: a dialog's title; %s is a design entry's title. */
  heading = g_strdup_printf (_("Announce “%s”"), winner->title);
  /* Translators: %s is a network, such as "Mastodon". */
  body = g_strdup_printf (_("Chorus replies to the post this entry came from, on %s. The outbox sends it once, "
                            "now or as soon as the network can be reached."),
                          chorus_format_network (winner->network));
  dialog = _chorus_results_dialog_new (self, heading, body, "announce", _("_Queue Announcement"),
                                       ADW_RESPONSE_SUGGESTED);
  ask = ask_new (dialog, self, winner->submission_id);
  ask->place = winner->place;
  adw_message_dialog_set_extra_child (dialog, build_announcement (ask, draft));
  g_signal_connect_object (ask->text, "changed", G_CALLBACK (on_announcement_changed_cb), dialog, 0);
  on_announcement_changed_cb (ask->text, dialog);

  g_signal_connect (dialog, "response::announce", G_CALLBACK (on_announce_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Excluding a vote, and counting it again */

static const ChorusRankedVote *
find_vote (ChorusChallengeResults *self,
           gint64                  vote_id)
{
  for (guint i = 0; self->ranking != NULL && i < chorus_ranking_get_n_votes (self->ranking); i++)
    if (chorus_ranking_get_vote (self->ranking, i)->id == vote_id)
      return chorus_ranking_get_vote (self->ranking, i);
  return NULL;
}

static void
on_vote_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Ask              *ask)
{
  ChorusChallengeResults *self = ask->self;
  g_autofree char *reason = entry_text (ask);
  gboolean exclude = g_str_equal (response, "exclude");
  char *message = g_strdup (exclude ? _("Vote excluded") : _("Vote counted again"));
  gpointer done = _chorus_results_done_new (self, message, chorus_store_vote_change_finish, FALSE);

  if (exclude)
    chorus_store_exclude_vote_async (self->store, ask->id, reason, NULL, _chorus_results_on_done_cb, done);
  else
    chorus_store_include_vote_async (self->store, ask->id, reason, NULL, _chorus_results_on_done_cb, done);
}

static void
change_vote (ChorusChallengeResults *self,
             gint64                  vote_id,
             gboolean                exclude)
{
  const ChorusRankedVote *vote = find_vote (self, vote_id);
  const char *title;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Ask *ask;

  if (vote == NULL)
    return;

  title = _chorus_results_entry_title (self, vote->submission_id);
  if (exclude)
    /* Translators: the first %s is who voted (a handle), the second a design entry's title. */
    body = g_strdup_printf (_("The vote of %s on “%s” will count nowhere. Say why; the reason stays in the "
                              "challenge’s history."), vote->voter, title);
  else
    /* Translators: the first %s is who voted (a handle), the second a design entry's title. */
    body = g_strdup_printf (_("Say why the vote of %s on “%s” should count again."), vote->voter, title);

  dialog = _chorus_results_dialog_new (self, exclude ? _("Exclude This Vote?") : _("Count This Vote Again?"), body,
                                       exclude ? "exclude" : "include", exclude ? _("_Exclude") : _("_Include"),
                                       exclude ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  ask = ask_new (dialog, self, vote_id);
  ask->entry = _chorus_results_required_entry (dialog, exclude ? "exclude" : "include",
                                               exclude ? _("Reason, such as “Account made for this vote”")
                                                       : _("Reason, such as “Checked: a real customer”"));
  adw_message_dialog_set_extra_child (dialog, ask->entry);

  g_signal_connect (dialog, exclude ? "response::exclude" : "response::include", G_CALLBACK (on_vote_response_cb),
                    ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
winner_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (widget);
  gint64 submission_id = g_variant_get_int64 (parameter);
  const ChorusWinner *winner;

  if (self->ranking == NULL || self->awards == NULL || self->store == NULL)
    return;

  winner = chorus_awards_find_winner (self->awards, submission_id);
  if (g_str_equal (action_name, "results.choose-winner") && winner == NULL)
    choose_winner (self, submission_id);
  else if (g_str_equal (action_name, "results.remove-winner") && winner != NULL)
    remove_winner (self, winner);
  else if (g_str_equal (action_name, "results.announce") && winner != NULL && winner->cannot_announce == NULL)
    announce (self, winner);
}

static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusChallengeResults *self = CHORUS_CHALLENGE_RESULTS (widget);

  if (self->store != NULL)
    change_vote (self, g_variant_get_int64 (parameter), g_str_equal (action_name, "results.exclude-vote"));
}

void
_chorus_results_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "results.choose-winner", "x", winner_action);
  gtk_widget_class_install_action (widget_class, "results.remove-winner", "x", winner_action);
  gtk_widget_class_install_action (widget_class, "results.announce", "x", winner_action);
  gtk_widget_class_install_action (widget_class, "results.exclude-vote", "x", vote_action);
  gtk_widget_class_install_action (widget_class, "results.include-vote", "x", vote_action);
  _chorus_results_class_add_reward_actions (widget_class);
}
