/* chorus-kiosk-window.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-kiosk-window.h"
#include "chorus-store-kiosk.h"
#include "chorus-submission.h"
#include "chorus-thumbnailer.h"

/* Voting at an event, full screen: each person who steps up gets a turn
 * with a token of its own, sees the accepted entries one by one in an
 * order shuffled for them (so that no entry gains from coming first),
 * scores or supports each, and hands over with Next Voter. Authors are
 * never shown, and nothing identifies the voter. Escape leaves only from
 * the welcome page, so that a voter cannot close the kiosk by mistake.
 *
 * A turn left idle (no key, click, touch, scroll or pointer move, no vote)
 * for #ChorusKioskWindow:idle-timeout seconds ends by itself and the
 * kiosk goes back to its welcome page for the next person; the last
 * #ChorusKioskWindow:idle-countdown seconds are counted down in a notice
 * with Keep Voting. The votes cast in the turn were written as they were
 * cast, so they stay. */

#define IMAGE_SIZE 720
#define IDLE_TICK_MS 250

struct _ChorusKioskWindow
{
  AdwWindow        parent_instance;

  ChorusStore     *store;
  ChorusChallenge *challenge;
  GPtrArray       *entries;      /* ChorusSubmission, accepted, this turn's order */
  GHashTable      *votes;        /* submission id → score + 2 (0 = none) */
  char            *token;
  guint            position;
  gboolean         support;
  GCancellable    *cancellable;
  GCancellable    *picture_cancellable;  /* the image shown, dropped for the next */

  GtkStack        *stack;
  GtkLabel        *welcome_detail;
  GtkButton       *start_button;
  GtkPicture      *picture;
  GtkLabel        *entry_title;
  GtkLabel        *progress;
  GtkBox          *score_box;
  GtkLabel        *error_label;
  GtkButton       *back_button;
  GtkButton       *next_button;
  GtkLabel        *thanks_detail;
  GtkRevealer     *idle_revealer;
  GtkLabel        *idle_label;
  gboolean         updating;

  guint            idle_timeout;   /* seconds */
  guint            idle_countdown; /* seconds */
  gint64           last_input;     /* monotonic µs */
  guint            idle_tick_id;
};

G_DEFINE_FINAL_TYPE (ChorusKioskWindow, chorus_kiosk_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_IDLE_TIMEOUT,
  PROP_IDLE_COUNTDOWN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
in_turn (ChorusKioskWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  return g_strcmp0 (page, "vote") == 0 || g_strcmp0 (page, "thanks") == 0;
}

/* The voter did something: the turn's idle time starts again. */
static void
note_input (ChorusKioskWindow *self)
{
  self->last_input = g_get_monotonic_time ();
  gtk_revealer_set_reveal_child (self->idle_revealer, FALSE);
}

/* Nobody there: the welcome page waits for the next voter, who gets a
 * token of their own when they start. */
static void
end_idle_turn (ChorusKioskWindow *self)
{
  gtk_revealer_set_reveal_child (self->idle_revealer, FALSE);
  g_hash_table_remove_all (self->votes);
  g_clear_pointer (&self->token, g_free);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
}

static gboolean
on_idle_tick_cb (gpointer user_data)
{
  ChorusKioskWindow *self = user_data;
  gint64 left_us;
  guint left;
  g_autofree char *text = NULL;

  if (!in_turn (self))
    {
      self->idle_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  left_us = (gint64) self->idle_timeout * G_USEC_PER_SEC - (g_get_monotonic_time () - self->last_input);
  if (left_us <= 0)
    {
      self->idle_tick_id = 0;
      end_idle_turn (self);
      return G_SOURCE_REMOVE;
    }

  left = (guint) ((left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  if (left > self->idle_countdown)
    return G_SOURCE_CONTINUE;

  /* Translators: a notice on the kiosk when nobody has touched it for a while. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Still there? This turn ends in %u second.",
                                       "Still there? This turn ends in %u seconds.", left), left);
  if (g_strcmp0 (text, gtk_label_get_label (self->idle_label)) != 0)
    gtk_label_set_label (self->idle_label, text);
  gtk_revealer_set_reveal_child (self->idle_revealer, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
watch_idle (ChorusKioskWindow *self)
{
  note_input (self);
  if (self->idle_tick_id == 0 && self->idle_timeout > 0)
    self->idle_tick_id = g_timeout_add (IDLE_TICK_MS, on_idle_tick_cb, self);
}

static void
on_input_cb (ChorusKioskWindow *self)
{
  note_input (self);
}

static gboolean
on_key_pressed_cb (ChorusKioskWindow *self)
{
  note_input (self);
  return GDK_EVENT_PROPAGATE;
}

/* Any key, press, scroll or pointer move on the window counts. */
static void
add_input_controllers (ChorusKioskWindow *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_input_cb), self);
  g_signal_connect_swapped (scroll, "scroll-begin", G_CALLBACK (on_input_cb), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_input_cb), self);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static int
vote_of (ChorusKioskWindow *self,
         ChorusSubmission  *entry)
{
  gpointer value = g_hash_table_lookup (self->votes, GINT_TO_POINTER ((int) chorus_submission_get_id (entry)));

  return value != NULL ? GPOINTER_TO_INT (value) - 2 : CHORUS_KIOSK_WITHDRAW;
}

static void
on_picture_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ChorusKioskWindow) self = user_data;
  g_autoptr(GdkTexture) texture = chorus_thumbnailer_load_finish (result, NULL);

  if (texture != NULL)
    gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
show_entry (ChorusKioskWindow *self)
{
  ChorusSubmission *entry = g_ptr_array_index (self->entries, self->position);
  int vote = vote_of (self, entry);
  g_autofree char *progress = NULL;
  guint i = 0;

  /* Translators: where a kiosk voter is: "Design 3 of 15". */
  progress = g_strdup_printf (_("Design %u of %u"), self->position + 1, self->entries->len);
  gtk_label_set_label (self->progress, progress);
  gtk_label_set_label (self->entry_title, chorus_submission_get_title (entry));
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chorus_submission_get_title (entry), -1);
  /* An image still loading for the entry before would land on this one. */
  g_cancellable_cancel (self->picture_cancellable);
  g_clear_object (&self->picture_cancellable);
  self->picture_cancellable = g_cancellable_new ();
  chorus_thumbnailer_load_async (chorus_submission_get_image_path (entry), IMAGE_SIZE, self->picture_cancellable,
                                 on_picture_loaded_cb, g_object_ref (self));

  self->updating = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->score_box)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child),
                                  self->support ? vote == CHORUS_KIOSK_SUPPORT : vote == (int) i);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), self->position > 0);
  gtk_button_set_label (self->next_button, self->position + 1 < self->entries->len ? _("_Next") : _("_Finish"));
}

static void
on_voted_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChorusKioskWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (chorus_store_set_kiosk_vote_finish (CHORUS_STORE (object), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_score_toggled_cb (GtkToggleButton   *button,
                     ChorusKioskWindow *self)
{
  ChorusSubmission *entry;
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "chorus-score"));
  gpointer key;

  if (self->updating)
    return;
  note_input (self);
  /* Pressing a score lets go of the one before: only the press counts. */
  if (!gtk_toggle_button_get_active (button) && !self->support)
    return;

  entry = g_ptr_array_index (self->entries, self->position);
  key = GINT_TO_POINTER ((int) chorus_submission_get_id (entry));
  if (!gtk_toggle_button_get_active (button))
    score = CHORUS_KIOSK_WITHDRAW;

  if (score == CHORUS_KIOSK_WITHDRAW)
    g_hash_table_remove (self->votes, key);
  else
    g_hash_table_insert (self->votes, key, GINT_TO_POINTER (score + 2));
  chorus_store_set_kiosk_vote_async (self->store, chorus_submission_get_id (entry), self->token, score,
                                     self->cancellable, on_voted_cb, g_object_ref (self));
}

static void
build_score_buttons (ChorusKioskWindow *self)
{
  GtkToggleButton *group = NULL;

  if (self->support)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_("I Support This Design"));

      g_object_set_data (G_OBJECT (button), "chorus-score", GINT_TO_POINTER (CHORUS_KIOSK_SUPPORT));
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect (button, "toggled", G_CALLBACK (on_score_toggled_cb), self);
      gtk_box_append (self->score_box, button);
      return;
    }

  for (int score = 0; score <= 5; score++)
    {
      g_autofree char *label = g_strdup_printf ("%d", score);
      /* Translators: the accessible name of a kiosk's score button. */
      g_autofree char *name = g_strdup_printf (_("Score %d of 5"), score);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "chorus-score", GINT_TO_POINTER (score));
      gtk_widget_add_css_class (button, "chorus-kiosk-score");
      gtk_widget_add_css_class (button, "circular");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_score_toggled_cb), self);
      gtk_box_append (self->score_box, button);
    }
}

/* A new turn: a new token, no votes, a new order. */
static void
start_turn (ChorusKioskWindow *self)
{
  g_autoptr(GRand) rand = g_rand_new ();

  g_free (self->token);
  self->token = g_uuid_string_random ();
  g_hash_table_remove_all (self->votes);
  for (guint i = self->entries->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer swap = self->entries->pdata[i - 1];

      self->entries->pdata[i - 1] = self->entries->pdata[j];
      self->entries->pdata[j] = swap;
    }
  self->position = 0;
  show_entry (self);
  gtk_stack_set_visible_child_name (self->stack, "vote");
  watch_idle (self);
}

static void
finish_turn (ChorusKioskWindow *self)
{
  guint n = g_hash_table_size (self->votes);
  g_autofree char *detail = NULL;

  /* Translators: said to a kiosk voter at the end of their turn. */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "You voted on %u design. Please hand over to the next person.",
                                         "You voted on %u designs. Please hand over to the next person.", n), n);
  gtk_label_set_label (self->thanks_detail, detail);
  gtk_stack_set_visible_child_name (self->stack, "thanks");
}

static void
kiosk_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChorusKioskWindow *self = CHORUS_KIOSK_WINDOW (widget);

  note_input (self);
  if (g_str_equal (action_name, "kiosk.start") || g_str_equal (action_name, "kiosk.next-voter"))
    start_turn (self);
  else if (g_str_equal (action_name, "kiosk.next"))
    {
      if (self->position + 1 < self->entries->len)
        {
          self->position++;
          show_entry (self);
        }
      else
        finish_turn (self);
    }
  else if (g_str_equal (action_name, "kiosk.back") && self->position > 0)
    {
      self->position--;
      show_entry (self);
    }
  else if (g_str_equal (action_name, "kiosk.leave"))
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_escape_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  ChorusKioskWindow *self = CHORUS_KIOSK_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "welcome") == 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_entries_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusKioskWindow) self = user_data;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  all = chorus_store_list_submissions_finish (CHORUS_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_strcmp0 (chorus_submission_get_moderation (all->pdata[i]), "accepted") == 0)
      g_ptr_array_add (self->entries, g_object_ref (all->pdata[i]));

  if (all == NULL || self->entries->len == 0 || now < chorus_challenge_get_voting_open (self->challenge) ||
      now >= chorus_challenge_get_voting_close (self->challenge))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Translators: the kiosk's welcome; %u is how many designs there are. */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u design to look at. Your votes are anonymous.",
                                         "%u designs to look at. Your votes are anonymous.", self->entries->len),
                            self->entries->len);
  gtk_label_set_label (self->welcome_detail, detail);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
}

static void
chorus_kiosk_window_dispose (GObject *object)
{
  ChorusKioskWindow *self = CHORUS_KIOSK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->idle_tick_id, g_source_remove);
  g_cancellable_cancel (self->picture_cancellable);
  g_clear_object (&self->picture_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->challenge);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->votes, g_hash_table_unref);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (chorus_kiosk_window_parent_class)->dispose (object);
}

static void
chorus_kiosk_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChorusKioskWindow *self = CHORUS_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_timeout);
      break;

    case PROP_IDLE_COUNTDOWN:
      g_value_set_uint (value, self->idle_countdown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_kiosk_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ChorusKioskWindow *self = CHORUS_KIOSK_WINDOW (object);
  guint *field;

  switch (prop_id)
    {
    case PROP_IDLE_TIMEOUT:
      field = &self->idle_timeout;
      break;

    case PROP_IDLE_COUNTDOWN:
      field = &self->idle_countdown;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (*field == g_value_get_uint (value))
    return;

  *field = g_value_get_uint (value);
  g_object_notify_by_pspec (object, pspec);
  /* A turn under way keeps to the new time, counted from now. */
  if (in_turn (self))
    watch_idle (self);
}

static void
chorus_kiosk_window_class_init (ChorusKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_kiosk_window_dispose;
  object_class->get_property = chorus_kiosk_window_get_property;
  object_class->set_property = chorus_kiosk_window_set_property;

  /**
   * ChorusKioskWindow:idle-timeout:
   *
   * How many seconds a voter's turn may sit without any input before it
   * ends by itself; 0 never ends it.
   */
  properties [PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       0, G_MAXUINT, CHORUS_KIOSK_IDLE_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChorusKioskWindow:idle-countdown:
   *
   * For how many of the last seconds of an idle turn a notice counts
   * down, with Keep Voting.
   */
  properties [PROP_IDLE_COUNTDOWN] =
    g_param_spec_uint ("idle-countdown", NULL, NULL,
                       0, G_MAXUINT, CHORUS_KIOSK_IDLE_COUNTDOWN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, welcome_detail);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, entry_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, score_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, thanks_detail);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, idle_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChorusKioskWindow, idle_label);

  gtk_widget_class_install_action (widget_class, "kiosk.start", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "kiosk.next", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "kiosk.next-voter", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "kiosk.leave", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "kiosk.keep-voting", NULL, kiosk_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape_cb, NULL);
}

static void
chorus_kiosk_window_init (ChorusKioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->votes = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
  self->idle_timeout = CHORUS_KIOSK_IDLE_TIMEOUT;
  self->idle_countdown = CHORUS_KIOSK_IDLE_COUNTDOWN;
  add_input_controllers (self);
}

/**
 * chorus_kiosk_window_new:
 * @parent: the main window
 * @store: the workspace
 * @challenge: the challenge voted on
 *
 * Returns: (transfer none): the kiosk, full screen once presented
 */
ChorusKioskWindow *
chorus_kiosk_window_new (GtkWindow       *parent,
                         ChorusStore     *store,
                         ChorusChallenge *challenge)
{
  ChorusKioskWindow *self;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (challenge), NULL);

  self = g_object_new (CHORUS_TYPE_KIOSK_WINDOW, "transient-for", parent, "modal", TRUE,
                       "title", chorus_challenge_get_title (challenge), NULL);
  self->store = g_object_ref (store);
  self->challenge = g_object_ref (challenge);
  self->support = g_strcmp0 (chorus_challenge_get_scale (challenge), "support") == 0;
  build_score_buttons (self);

  chorus_store_list_submissions_async (store, chorus_challenge_get_id (challenge), self->cancellable,
                                       on_entries_cb, g_object_ref (self));
  return self;
}

/* "loading", "empty", "welcome", "vote" or "thanks". */
const char *
chorus_kiosk_window_get_page (ChorusKioskWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_KIOSK_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
chorus_kiosk_window_get_n_entries (ChorusKioskWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_KIOSK_WINDOW (self), 0);

  return self->entries->len;
}

/* Whether the notice that the turn is about to end shows (all of it), and its words. */
const char *
chorus_kiosk_window_get_idle_notice (ChorusKioskWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_KIOSK_WINDOW (self), NULL);

  return gtk_revealer_get_reveal_child (self->idle_revealer) && gtk_revealer_get_child_revealed (self->idle_revealer)
           ? gtk_label_get_label (self->idle_label)
           : NULL;
}
