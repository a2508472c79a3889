/* chorus-submission-tile.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-results-format.h"
#include "chorus-submission-tile.h"
#include "chorus-text.h"
#include "chorus-thumbnailer.h"

#define THUMBNAIL_SIZE 176

struct _ChorusSubmissionTile
{
  GtkWidget         parent_instance;

  GtkWidget        *tile_box;
  GtkPicture       *picture;
  GtkLabel         *title_label;
  GtkLabel         *author_label;
  GtkLabel         *votes_label;
  GtkLabel         *moderation_label;
  GtkWidget        *winner_badge;
  GtkImage         *winner_icon;
  GtkLabel         *winner_label;

  ChorusSubmission *submission;
  char             *badge;          /* what the winner badge says, or NULL */
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (ChorusSubmissionTile, chorus_submission_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUBMISSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
on_thumbnail_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ChorusSubmissionTile) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = chorus_thumbnailer_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      g_debug ("No thumbnail: %s", error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->picture), "chorus-missing-image");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->picture), _("The image is missing from the workspace folder"));
      return;
    }

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static char *
build_votes_text (ChorusSubmission *submission)
{
  guint votes = chorus_submission_get_vote_count (submission);
  double mean = chorus_submission_get_mean_score (submission);
  g_autofree char *count = chorus_format_count (votes);
  g_autofree char *votes_text = NULL;

  /* Translators: %s is a number formatted for the locale. */
  votes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s vote", "%s votes", votes), count);

  if (mean <= 0)
    return g_steal_pointer (&votes_text);

  /* Translators: "42 votes · ★ 4.2", a vote count and a mean score out of 5. */
  return g_strdup_printf (_("%s · ★ %.1f"), votes_text, mean);
}

/* A medal for the podium, from the icon theme when it has one; later
 * places show their ordinal alone. */
static void
update_winner_icon (ChorusSubmissionTile *self,
                    guint                 place)
{
  static const char * const medals[] = { "trophy-gold", "trophy-silver", "trophy-bronze" };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  const char *icon = place >= 1 && place <= G_N_ELEMENTS (medals) ? medals[place - 1] : NULL;

  if (icon != NULL && !gtk_icon_theme_has_icon (theme, icon))
    icon = NULL;
  gtk_image_set_from_icon_name (self->winner_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->winner_icon), icon != NULL);
}

/* The badge of an entry among the challenge's winners: its place on the
 * image, and the same in words for assistive technologies. */
static void
update_winner_badge (ChorusSubmissionTile *self)
{
  guint place = self->submission ? chorus_submission_get_winner_place (self->submission) : 0;
  g_autofree char *ordinal = place > 0 ? chorus_format_place (place) : NULL;

  g_clear_pointer (&self->badge, g_free);
  gtk_widget_set_visible (self->winner_badge, place > 0);
  if (place == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  /* Translators: the badge of a winning design, read out by screen readers; %s is its place, such as “1st”. */
  self->badge = g_strdup_printf (_("Winner, %s place"), ordinal);
  gtk_label_set_label (self->winner_label, ordinal);
  gtk_widget_set_tooltip_text (self->winner_badge, self->badge);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->winner_label), GTK_ACCESSIBLE_PROPERTY_LABEL, self->badge, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->badge,
                                  -1);
  update_winner_icon (self, place);
}

static void
update (ChorusSubmissionTile *self)
{
  ChorusSubmission *s = self->submission;
  const char *moderation = s ? chorus_submission_get_moderation (s) : NULL;
  g_autofree char *author = s ? chorus_text_safe_name (chorus_submission_get_author_name (s)) : NULL;
  g_autofree char *votes = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->picture), "chorus-missing-image");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->picture), NULL);
  update_winner_badge (self);

  if (s == NULL)
    return;

  if (author == NULL || *author == '\0')
    {
      g_free (author);
      author = chorus_text_safe_name (chorus_submission_get_author_handle (s));
    }

  gtk_label_set_label (self->title_label, chorus_submission_get_title (s));
  gtk_label_set_label (self->author_label, author ? author : _("Added by hand"));
  votes = build_votes_text (s);
  gtk_label_set_label (self->votes_label, votes);

  gtk_widget_set_visible (GTK_WIDGET (self->moderation_label), g_strcmp0 (moderation, "pending") == 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chorus_submission_get_title (s),
                                  -1);

  self->cancellable = g_cancellable_new ();
  chorus_thumbnailer_load_async (chorus_submission_get_image_path (s),
                                 THUMBNAIL_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->cancellable, on_thumbnail_loaded_cb, g_object_ref (self));
}

static void
chorus_submission_tile_dispose (GObject *object)
{
  ChorusSubmissionTile *self = (ChorusSubmissionTile *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_SUBMISSION_TILE);
  g_clear_object (&self->submission);
  g_clear_pointer (&self->badge, g_free);

  G_OBJECT_CLASS (chorus_submission_tile_parent_class)->dispose (object);
}

static void
chorus_submission_tile_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ChorusSubmissionTile *self = CHORUS_SUBMISSION_TILE (object);

  switch (prop_id)
    {
    case PROP_SUBMISSION:
      g_value_set_object (value, self->submission);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_submission_tile_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ChorusSubmissionTile *self = CHORUS_SUBMISSION_TILE (object);

  switch (prop_id)
    {
    case PROP_SUBMISSION:
      chorus_submission_tile_set_submission (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_submission_tile_class_init (ChorusSubmissionTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_submission_tile_dispose;
  object_class->get_property = chorus_submission_tile_get_property;
  object_class->set_property = chorus_submission_tile_set_property;

  properties [PROP_SUBMISSION] =
    g_param_spec_object ("submission", NULL, NULL,
                         CHORUS_TYPE_SUBMISSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-submission-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, tile_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, picture);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, author_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, votes_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, moderation_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, winner_badge);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, winner_icon);
  gtk_widget_class_bind_template_child (widget_class, ChorusSubmissionTile, winner_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_submission_tile_init (ChorusSubmissionTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusSubmission *
chorus_submission_tile_get_submission (ChorusSubmissionTile *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION_TILE (self), NULL);

  return self->submission;
}

void
chorus_submission_tile_set_submission (ChorusSubmissionTile *self,
                                       ChorusSubmission     *submission)
{
  g_return_if_fail (CHORUS_IS_SUBMISSION_TILE (self));
  g_return_if_fail (!submission || CHORUS_IS_SUBMISSION (submission));

  if (!g_set_object (&self->submission, submission))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMISSION]);
}

gboolean
chorus_submission_tile_has_thumbnail (ChorusSubmissionTile *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION_TILE (self), FALSE);

  return gtk_picture_get_paintable (self->picture) != NULL;
}

/* Returns: (nullable): what the winner badge says to assistive
 * technologies, such as “Winner, 1st place”, or %NULL when the entry is
 * not among the winners */
const char *
chorus_submission_tile_get_badge (ChorusSubmissionTile *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION_TILE (self), NULL);

  return self->badge;
}
