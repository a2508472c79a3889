/* chorus-team-member.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-team-member.h"

/* A person of the team that triages the workspace. */

struct _ChorusTeamMember
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *email;
  char *role;
  gboolean is_me;
};

G_DEFINE_FINAL_TYPE (ChorusTeamMember, chorus_team_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_IS_ME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_team_member_finalize (GObject *object)
{
  ChorusTeamMember *self = (ChorusTeamMember *)object;

  g_free (self->name);
  g_free (self->email);
  g_free (self->role);

  G_OBJECT_CLASS (chorus_team_member_parent_class)->finalize (object);
}

static void
chorus_team_member_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusTeamMember *self = CHORUS_TEAM_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_IS_ME:
      g_value_set_boolean (value, self->is_me);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_team_member_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusTeamMember *self = CHORUS_TEAM_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_EMAIL:
      self->email = g_value_dup_string (value);
      break;

    case PROP_ROLE:
      self->role = g_value_dup_string (value);
      break;

    case PROP_IS_ME:
      self->is_me = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_team_member_class_init (ChorusTeamMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_team_member_finalize;
  object_class->get_property = chorus_team_member_get_property;
  object_class->set_property = chorus_team_member_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_ME] =
    g_param_spec_boolean ("is-me", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_team_member_init (ChorusTeamMember *self)
{
}

gint64
chorus_team_member_get_id (ChorusTeamMember *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_MEMBER (self), 0);

  return self->id;
}

const char *
chorus_team_member_get_name (ChorusTeamMember *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_MEMBER (self), NULL);

  return self->name;
}

const char *
chorus_team_member_get_email (ChorusTeamMember *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_MEMBER (self), NULL);

  return self->email;
}

/* "owner", "member" or "viewer". */
const char *
chorus_team_member_get_role (ChorusTeamMember *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_MEMBER (self), NULL);

  return self->role;
}

/* Whether this member is the person using this copy of Chorus: notes
 * and audit entries are written in their name. */
gboolean
chorus_team_member_get_is_me (ChorusTeamMember *self)
{
  g_return_val_if_fail (CHORUS_IS_TEAM_MEMBER (self), FALSE);

  return self->is_me;
}
