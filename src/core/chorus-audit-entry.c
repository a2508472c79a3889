/* chorus-audit-entry.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-audit-entry.h"

/* One change in the audit log, described for people. */

struct _ChorusAuditEntry
{
  GObject parent_instance;

  gint64 id;
  gint64 at;
  gint64 actor_id;
  char *action;
  char *description;
};

G_DEFINE_FINAL_TYPE (ChorusAuditEntry, chorus_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_ACTOR_ID,
  PROP_ACTION,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
chorus_audit_entry_finalize (GObject *object)
{
  ChorusAuditEntry *self = (ChorusAuditEntry *)object;

  g_free (self->action);
  g_free (self->description);

  G_OBJECT_CLASS (chorus_audit_entry_parent_class)->finalize (object);
}

static void
chorus_audit_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusAuditEntry *self = CHORUS_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_audit_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusAuditEntry *self = CHORUS_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_AT:
      self->at = g_value_get_int64 (value);
      break;

    case PROP_ACTOR_ID:
      self->actor_id = g_value_get_int64 (value);
      break;

    case PROP_ACTION:
      self->action = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_audit_entry_class_init (ChorusAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_audit_entry_finalize;
  object_class->get_property = chorus_audit_entry_get_property;
  object_class->set_property = chorus_audit_entry_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_audit_entry_init (ChorusAuditEntry *self)
{
}

gint64
chorus_audit_entry_get_id (ChorusAuditEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_AUDIT_ENTRY (self), 0);

  return self->id;
}

/* Unix time of the change. */
gint64
chorus_audit_entry_get_at (ChorusAuditEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_AUDIT_ENTRY (self), 0);

  return self->at;
}

/* The team member who made it, or 0 when unknown or removed. */
gint64
chorus_audit_entry_get_actor_id (ChorusAuditEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_AUDIT_ENTRY (self), 0);

  return self->actor_id;
}

/* What kind of change: "conversation.status", "undo"… */
const char *
chorus_audit_entry_get_action (ChorusAuditEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_AUDIT_ENTRY (self), NULL);

  return self->action;
}

/* One translated sentence, such as “Ana set the status to Done”. */
const char *
chorus_audit_entry_get_description (ChorusAuditEntry *self)
{
  g_return_val_if_fail (CHORUS_IS_AUDIT_ENTRY (self), NULL);

  return self->description;
}
