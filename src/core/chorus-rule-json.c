/* chorus-rule-json.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-parse-json-private.h"
#include "chorus-rule.h"

/* A rule's actions, as the rules table keeps them (its conditions are an
 * inbox filter, kept in that filter's own JSON). The workspace outlives
 * any one version of Chorus, so the form is stable and versioned:
 *
 *   {"version": 1, "tag": "billing", "assignee": 3, "status": 2, "priority": 3}
 *
 * Only the actions the rule has are written. Reading ignores members it
 * does not know, and refuses a newer version or a value of the wrong type
 * with a sentence a person can read. */

#define FORMAT_VERSION 1

/**
 * chorus_rule_serialize_actions:
 * @self: a #ChorusRule
 *
 * Returns: (transfer full): the actions of @self as JSON
 */
char *
chorus_rule_serialize_actions (ChorusRule *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CHORUS_IS_RULE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  if (chorus_rule_get_tag_name (self) != NULL)
    {
      json_builder_set_member_name (builder, "tag");
      json_builder_add_string_value (builder, chorus_rule_get_tag_name (self));
    }
  if (chorus_rule_get_assignee_id (self) > 0)
    {
      json_builder_set_member_name (builder, "assignee");
      json_builder_add_int_value (builder, chorus_rule_get_assignee_id (self));
    }
  if (chorus_rule_get_status_id (self) > 0)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, chorus_rule_get_status_id (self));
    }
  if (chorus_rule_get_priority (self) != CHORUS_RULE_NO_PRIORITY)
    {
      json_builder_set_member_name (builder, "priority");
      json_builder_add_int_value (builder, chorus_rule_get_priority (self));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
set_unreadable (GError **error)
{
  g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       _("The actions of this rule cannot be read."));
  return FALSE;
}

/* Member @name of @object as an integer in [0, @max], or @absent when it
 * is not there. */
static gboolean
read_int (JsonObject  *object,
          const char  *name,
          gint64       absent,
          gint64       max,
          gint64      *value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = absent;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > max)
    return set_unreadable (error);

  *value = json_node_get_int (node);
  return TRUE;
}

/**
 * chorus_rule_deserialize_actions:
 * @self: a #ChorusRule
 * @data: what chorus_rule_serialize_actions() wrote
 * @error: a location for a #GError
 *
 * Sets the actions of @self from @data; on error @self is unchanged.
 *
 * Returns: %TRUE, or %FALSE with @error set (%CHORUS_ERROR_INVALID_ARGUMENT)
 */
gboolean
chorus_rule_deserialize_actions (ChorusRule  *self,
                                 const char  *data,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *tag;
  gint64 version, assignee, status, priority;

  g_return_val_if_fail (CHORUS_IS_RULE (self), FALSE);

  if (data == NULL || _chorus_json_scan_shape (data, strlen (data), NULL) != CHORUS_JSON_SHAPE_OK ||
      !json_parser_load_from_data (parser, data, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return set_unreadable (error);

  object = json_node_get_object (json_parser_get_root (parser));
  if (!read_int (object, "version", 0, G_MAXINT, &version, error))
    return FALSE;
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %d is a version number of the saved format */
                   _("This rule was saved in format %d, which this version of Chorus cannot read."),
                   (int) version);
      return FALSE;
    }

  tag = json_object_get_member (object, "tag");
  if (tag != NULL && (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING))
    return set_unreadable (error);
  if (!read_int (object, "assignee", 0, G_MAXINT64, &assignee, error) ||
      !read_int (object, "status", 0, G_MAXINT64, &status, error) ||
      !read_int (object, "priority", CHORUS_RULE_NO_PRIORITY, G_MAXINT, &priority, error))
    return FALSE;

  chorus_rule_set_tag_name (self, tag != NULL ? json_node_get_string (tag) : NULL);
  chorus_rule_set_assignee_id (self, assignee);
  chorus_rule_set_status_id (self, status);
  chorus_rule_set_priority (self, (int) priority);
  return TRUE;
}
