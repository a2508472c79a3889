/* chorus-submission.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-submission.h"

/* One entry to a challenge. */

struct _ChorusSubmission
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *author_name;
  char *author_handle;
  char *network;
  char *image_path;
  char *image_sha256;
  char *moderation;
  char *moderation_reason;
  guint vote_count;
  double mean_score;
  guint winner_place;
};

G_DEFINE_FINAL_TYPE (ChorusSubmission, chorus_submission, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHOR_NAME,
  PROP_AUTHOR_HANDLE,
  PROP_NETWORK,
  PROP_IMAGE_PATH,
  PROP_IMAGE_SHA256,
  PROP_MODERATION,
  PROP_MODERATION_REASON,
  PROP_VOTE_COUNT,
  PROP_MEAN_SCORE,
  PROP_WINNER_PLACE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_submission_finalize (GObject *object)
{
  ChorusSubmission *self = (ChorusSubmission *)object;

  g_free (self->title);
  g_free (self->author_name);
  g_free (self->author_handle);
  g_free (self->network);
  g_free (self->image_path);
  g_free (self->image_sha256);
  g_free (self->moderation);
  g_free (self->moderation_reason);

  G_OBJECT_CLASS (chorus_submission_parent_class)->finalize (object);
}

static void
chorus_submission_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChorusSubmission *self = CHORUS_SUBMISSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;

    case PROP_AUTHOR_HANDLE:
      g_value_set_string (value, self->author_handle);
      break;

    case PROP_NETWORK:
      g_value_set_string (value, self->network);
      break;

    case PROP_IMAGE_PATH:
      g_value_set_string (value, self->image_path);
      break;

    case PROP_IMAGE_SHA256:
      g_value_set_string (value, self->image_sha256);
      break;

    case PROP_MODERATION:
      g_value_set_string (value, self->moderation);
      break;

    case PROP_MODERATION_REASON:
      g_value_set_string (value, self->moderation_reason);
      break;

    case PROP_VOTE_COUNT:
      g_value_set_uint (value, self->vote_count);
      break;

    case PROP_MEAN_SCORE:
      g_value_set_double (value, self->mean_score);
      break;

    case PROP_WINNER_PLACE:
      g_value_set_uint (value, self->winner_place);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_submission_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChorusSubmission *self = CHORUS_SUBMISSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_AUTHOR_NAME:
      self->author_name = g_value_dup_string (value);
      break;

    case PROP_AUTHOR_HANDLE:
      self->author_handle = g_value_dup_string (value);
      break;

    case PROP_NETWORK:
      self->network = g_value_dup_string (value);
      break;

    case PROP_IMAGE_PATH:
      self->image_path = g_value_dup_string (value);
      break;

    case PROP_IMAGE_SHA256:
      self->image_sha256 = g_value_dup_string (value);
      break;

    case PROP_MODERATION:
      self->moderation = g_value_dup_string (value);
      break;

    case PROP_MODERATION_REASON:
      self->moderation_reason = g_value_dup_string (value);
      break;

    case PROP_VOTE_COUNT:
      self->vote_count = g_value_get_uint (value);
      break;

    case PROP_MEAN_SCORE:
      self->mean_score = g_value_get_double (value);
      break;

    case PROP_WINNER_PLACE:
      self->winner_place = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_submission_class_init (ChorusSubmissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_submission_finalize;
  object_class->get_property = chorus_submission_get_property;
  object_class->set_property = chorus_submission_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTHOR_HANDLE] =
    g_param_spec_string ("author-handle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NETWORK] =
    g_param_spec_string ("network", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IMAGE_PATH] =
    g_param_spec_string ("image-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IMAGE_SHA256] =
    g_param_spec_string ("image-sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODERATION] =
    g_param_spec_string ("moderation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODERATION_REASON] =
    g_param_spec_string ("moderation-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VOTE_COUNT] =
    g_param_spec_uint ("vote-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEAN_SCORE] =
    g_param_spec_double ("mean-score", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WINNER_PLACE] =
    g_param_spec_uint ("winner-place", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_submission_init (ChorusSubmission *self)
{
}

gint64
chorus_submission_get_id (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), 0);

  return self->id;
}

const char *
chorus_submission_get_title (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->title;
}

const char *
chorus_submission_get_author_name (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->author_name;
}

const char *
chorus_submission_get_author_handle (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->author_handle;
}

/* Where the entry came from, or %NULL for a file added by hand. */
const char *
chorus_submission_get_network (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->network;
}

/* The image in the workspace's media folder. */
const char *
chorus_submission_get_image_path (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->image_path;
}

const char *
chorus_submission_get_image_sha256 (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->image_sha256;
}

/* "pending", "accepted" or "rejected". */
const char *
chorus_submission_get_moderation (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->moderation;
}

/* Why it was rejected, or %NULL. */
const char *
chorus_submission_get_moderation_reason (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), NULL);

  return self->moderation_reason;
}

/* Community votes that are not excluded. */
guint
chorus_submission_get_vote_count (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), 0);

  return self->vote_count;
}

/* Mean of the 0 to 5 scores, or 0 without any. */
double
chorus_submission_get_mean_score (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), 0);

  return self->mean_score;
}

/* The place the entry won (1 for the first), or 0 when it is not among
 * the challenge's winners. */
guint
chorus_submission_get_winner_place (ChorusSubmission *self)
{
  g_return_val_if_fail (CHORUS_IS_SUBMISSION (self), 0);

  return self->winner_place;
}
