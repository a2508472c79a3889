/* chorus-challenge.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-challenge.h"

/* A co-creation challenge, with its dates and totals. */

struct _ChorusChallenge
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *brief;
  char *hashtag;
  gint64 submissions_open;
  gint64 submissions_close;
  gint64 voting_open;
  gint64 voting_close;
  char *scale;
  guint submission_count;
  guint vote_count;
};

G_DEFINE_FINAL_TYPE (ChorusChallenge, chorus_challenge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_BRIEF,
  PROP_HASHTAG,
  PROP_SUBMISSIONS_OPEN,
  PROP_SUBMISSIONS_CLOSE,
  PROP_VOTING_OPEN,
  PROP_VOTING_CLOSE,
  PROP_SCALE,
  PROP_SUBMISSION_COUNT,
  PROP_VOTE_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_challenge_finalize (GObject *object)
{
  ChorusChallenge *self = (ChorusChallenge *)object;

  g_free (self->title);
  g_free (self->brief);
  g_free (self->hashtag);
  g_free (self->scale);

  G_OBJECT_CLASS (chorus_challenge_parent_class)->finalize (object);
}

static void
chorus_challenge_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChorusChallenge *self = CHORUS_CHALLENGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BRIEF:
      g_value_set_string (value, self->brief);
      break;

    case PROP_HASHTAG:
      g_value_set_string (value, self->hashtag);
      break;

    case PROP_SUBMISSIONS_OPEN:
      g_value_set_int64 (value, self->submissions_open);
      break;

    case PROP_SUBMISSIONS_CLOSE:
      g_value_set_int64 (value, self->submissions_close);
      break;

    case PROP_VOTING_OPEN:
      g_value_set_int64 (value, self->voting_open);
      break;

    case PROP_VOTING_CLOSE:
      g_value_set_int64 (value, self->voting_close);
      break;

    case PROP_SCALE:
      g_value_set_string (value, self->scale);
      break;

    case PROP_SUBMISSION_COUNT:
      g_value_set_uint (value, self->submission_count);
      break;

    case PROP_VOTE_COUNT:
      g_value_set_uint (value, self->vote_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_challenge_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChorusChallenge *self = CHORUS_CHALLENGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_BRIEF:
      self->brief = g_value_dup_string (value);
      break;

    case PROP_HASHTAG:
      self->hashtag = g_value_dup_string (value);
      break;

    case PROP_SUBMISSIONS_OPEN:
      self->submissions_open = g_value_get_int64 (value);
      break;

    case PROP_SUBMISSIONS_CLOSE:
      self->submissions_close = g_value_get_int64 (value);
      break;

    case PROP_VOTING_OPEN:
      self->voting_open = g_value_get_int64 (value);
      break;

    case PROP_VOTING_CLOSE:
      self->voting_close = g_value_get_int64 (value);
      break;

    case PROP_SCALE:
      self->scale = g_value_dup_string (value);
      break;

    case PROP_SUBMISSION_COUNT:
      self->submission_count = g_value_get_uint (value);
      break;

    case PROP_VOTE_COUNT:
      self->vote_count = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_challenge_class_init (ChorusChallengeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_challenge_finalize;
  object_class->get_property = chorus_challenge_get_property;
  object_class->set_property = chorus_challenge_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BRIEF] =
    g_param_spec_string ("brief", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HASHTAG] =
    g_param_spec_string ("hashtag", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBMISSIONS_OPEN] =
    g_param_spec_int64 ("submissions-open", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBMISSIONS_CLOSE] =
    g_param_spec_int64 ("submissions-close", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VOTING_OPEN] =
    g_param_spec_int64 ("voting-open", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VOTING_CLOSE] =
    g_param_spec_int64 ("voting-close", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SCALE] =
    g_param_spec_string ("scale", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBMISSION_COUNT] =
    g_param_spec_uint ("submission-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VOTE_COUNT] =
    g_param_spec_uint ("vote-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_challenge_init (ChorusChallenge *self)
{
}

gint64
chorus_challenge_get_id (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), 0);

  return self->id;
}

const char *
chorus_challenge_get_title (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), NULL);

  return self->title;
}

const char *
chorus_challenge_get_brief (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), NULL);

  return self->brief;
}

/* Without the leading "#". */
const char *
chorus_challenge_get_hashtag (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), NULL);

  return self->hashtag;
}

gint64
chorus_challenge_get_submissions_open (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), 0);

  return self->submissions_open;
}

gint64
chorus_challenge_get_submissions_close (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), 0);

  return self->submissions_close;
}

gint64
chorus_challenge_get_voting_open (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), 0);

  return self->voting_open;
}

gint64
chorus_challenge_get_voting_close (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), 0);

  return self->voting_close;
}

/* "score5" (0 to 5 stars) or "support" (one vote). */
const char *
chorus_challenge_get_scale (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), NULL);

  return self->scale;
}

guint
chorus_challenge_get_submission_count (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), 0);

  return self->submission_count;
}

/* Community votes that are not excluded. */
guint
chorus_challenge_get_vote_count (ChorusChallenge *self)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), 0);

  return self->vote_count;
}

/**
 * chorus_challenge_get_state:
 * @self: a #ChorusChallenge
 * @now: the current Unix time
 *
 * Where the challenge stands at @now, by its dates, in the same order as
 * chorus_format_challenge_phase(): "upcoming" (entries not open yet),
 * "submissions" (taking entries), "review" (entries closed, voting not
 * open yet), "voting" or "closed". The same words in every language.
 *
 * Returns: the state's key
 */
const char *
chorus_challenge_get_state (ChorusChallenge *self,
                            gint64           now)
{
  g_return_val_if_fail (CHORUS_IS_CHALLENGE (self), NULL);

  if (now < self->submissions_open)
    return "upcoming";
  if (now < self->submissions_close)
    return "submissions";
  if (now < self->voting_open)
    return "review";
  if (now < self->voting_close)
    return "voting";
  return "closed";
}
