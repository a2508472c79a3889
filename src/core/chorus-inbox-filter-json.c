/* chorus-inbox-filter-json.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "chorus-error.h"
#include "chorus-inbox-filter-private.h"
#include "chorus-parse-json-private.h"

/* Saved views keep their filter as JSON in the workspace, which outlives
 * any one version of Chorus, so the form is stable and versioned:
 *
 *   {"version": 1, "search": "zipper*", "networks": ["mastodon"],
 *    "sources": [1], "statuses": [1, 2], "assignee": "member",
 *    "assignee-id": 3, "tags": [4], "sentiments": ["negative"],
 *    "languages": ["es"], "since": 1767225600, "until": 1769904000,
 *    "unread-only": true, "has-question": true, "segments": ["vip"]}
 *
 * Only what is set is written, in that order, so equal filters give equal
 * text. Reading ignores members it does not know (a later version may add
 * some without changing the meaning of these) and refuses anything else
 * it cannot make sense of with a sentence a person can read. */

#define FORMAT_VERSION 1

const char * const _chorus_inbox_sentiment_keys[CHORUS_INBOX_N_SENTIMENTS] = {
  "negative", "neutral", "positive",
};

const char * const _chorus_inbox_segment_keys[CHORUS_INBOX_N_SEGMENTS] = {
  "advocate", "detractor", "influencer", "employee", "vip",
};

static const char * const assignee_keys[] = {
  [CHORUS_INBOX_ASSIGNEE_ANY] = "any",
  [CHORUS_INBOX_ASSIGNEE_MINE] = "mine",
  [CHORUS_INBOX_ASSIGNEE_UNASSIGNED] = "unassigned",
  [CHORUS_INBOX_ASSIGNEE_MEMBER] = "member",
};

/* Writing */

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *strings)
{
  if (strings[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_ids (JsonBuilder  *builder,
         const char   *name,
         const gint64 *ids,
         gsize         n_ids)
{
  if (n_ids == 0)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (gsize i = 0; i < n_ids; i++)
    json_builder_add_int_value (builder, ids[i]);
  json_builder_end_array (builder);
}

static void
add_flags (JsonBuilder        *builder,
           const char         *name,
           guint               flags,
           const char * const *keys,
           guint               n_keys)
{
  if (flags == 0)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_keys; i++)
    {
      if (flags & (1u << i))
        json_builder_add_string_value (builder, keys[i]);
    }
  json_builder_end_array (builder);
}

static void
add_true (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  if (!value)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, TRUE);
}

/**
 * chorus_inbox_filter_serialize:
 * @self: a #ChorusInboxFilter
 *
 * Returns: (transfer full): @self as compact JSON, for a saved view; read
 *   it back with chorus_inbox_filter_deserialize()
 */
char *
chorus_inbox_filter_serialize (const ChorusInboxFilter *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const gint64 *ids;
  gsize n_ids;
  gint64 member_id, since, until;
  ChorusInboxAssignee assignee;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_int (builder, "version", FORMAT_VERSION);
  if (chorus_inbox_filter_get_search (self) != NULL)
    {
      json_builder_set_member_name (builder, "search");
      json_builder_add_string_value (builder, chorus_inbox_filter_get_search (self));
    }
  add_strings (builder, "networks", chorus_inbox_filter_get_networks (self));
  ids = chorus_inbox_filter_get_source_ids (self, &n_ids);
  add_ids (builder, "sources", ids, n_ids);
  ids = chorus_inbox_filter_get_status_ids (self, &n_ids);
  add_ids (builder, "statuses", ids, n_ids);
  assignee = chorus_inbox_filter_get_assignee (self, &member_id);
  if (assignee != CHORUS_INBOX_ASSIGNEE_ANY)
    {
      json_builder_set_member_name (builder, "assignee");
      json_builder_add_string_value (builder, assignee_keys[assignee]);
      if (assignee == CHORUS_INBOX_ASSIGNEE_MEMBER)
        add_int (builder, "assignee-id", member_id);
    }
  ids = chorus_inbox_filter_get_tag_ids (self, &n_ids);
  add_ids (builder, "tags", ids, n_ids);
  add_flags (builder, "sentiments", chorus_inbox_filter_get_sentiments (self),
             _chorus_inbox_sentiment_keys, CHORUS_INBOX_N_SENTIMENTS);
  add_strings (builder, "languages", chorus_inbox_filter_get_languages (self));
  chorus_inbox_filter_get_date_range (self, &since, &until);
  if (since != 0)
    add_int (builder, "since", since);
  if (until != 0)
    add_int (builder, "until", until);
  add_true (builder, "unread-only", chorus_inbox_filter_get_unread_only (self));
  add_true (builder, "has-question", chorus_inbox_filter_get_question_only (self));
  add_flags (builder, "segments", chorus_inbox_filter_get_segments (self),
             _chorus_inbox_segment_keys, CHORUS_INBOX_N_SEGMENTS);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Reading */

static gboolean
wrong_type (const char  *name,
            GError     **error)
{
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
               /* Translators: %s is the name of a field of a saved view, such as “networks”. */
               _("The field “%s” of the saved filter has the wrong type."), name);
  return FALSE;
}

static gboolean
is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The member @name if it holds a value of @type; %NULL in @node if it is
 * absent or null, which leaves the filter's default. */
static gboolean
get_value (JsonObject  *object,
           const char  *name,
           GType        type,
           JsonNode   **node,
           GError     **error)
{
  *node = json_object_get_member (object, name);

  if (*node == NULL || JSON_NODE_HOLDS_NULL (*node))
    {
      *node = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (*node) || json_node_get_value_type (*node) != type)
    return wrong_type (name, error);

  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *name,
          gint64      *value,
          GError     **error)
{
  JsonNode *node;

  if (!get_value (object, name, G_TYPE_INT64, &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *name,
           gboolean    *value,
           GError     **error)
{
  JsonNode *node;

  if (!get_value (object, name, G_TYPE_BOOLEAN, &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_string (JsonObject   *object,
             const char   *name,
             const char  **value,
             GError      **error)
{
  JsonNode *node;

  if (!get_value (object, name, G_TYPE_STRING, &node, error))
    return FALSE;
  if (node != NULL)
    *value = json_node_get_string (node);
  return TRUE;
}

/* The elements of an array member whose elements all pass @check. */
static JsonArray *
read_array (JsonObject  *object,
            const char  *name,
            gboolean   (*check) (JsonNode *node),
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return json_array_new ();
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (name, error);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!check (json_array_get_element (array, i)))
        {
          wrong_type (name, error);
          return NULL;
        }
    }

  return json_array_ref (array);
}

static gboolean
read_strings (JsonObject   *object,
              const char   *name,
              GStrv        *strings,
              GError      **error)
{
  g_autoptr(JsonArray) array = read_array (object, name, is_string, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  *strings = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_ids (JsonObject  *object,
          const char  *name,
          GArray     **ids,
          GError     **error)
{
  g_autoptr(JsonArray) array = read_array (object, name, is_integer, error);

  if (array == NULL)
    return FALSE;

  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);

      g_array_append_val (*ids, id);
    }
  return TRUE;
}

static gboolean
unknown_value (const char  *name,
               const char  *value,
               GError     **error)
{
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
               /* Translators: the first %s is the name of a field of a saved view, such as
                * “segments”, the second the value found there. */
               _("The field “%s” of the saved filter holds an unknown value, “%s”."), name, value);
  return FALSE;
}

static gboolean
find_key (const char * const *keys,
          guint               n_keys,
          const char         *name,
          const char         *value,
          guint              *index,
          GError            **error)
{
  for (guint i = 0; i < n_keys; i++)
    {
      if (g_strcmp0 (keys[i], value) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return unknown_value (name, value, error);
}

static gboolean
read_flags (JsonObject         *object,
            const char         *name,
            const char * const *keys,
            guint               n_keys,
            guint              *flags,
            GError            **error)
{
  g_auto(GStrv) names = NULL;

  if (!read_strings (object, name, &names, error))
    return FALSE;

  *flags = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint index;

      if (!find_key (keys, n_keys, name, names[i], &index, error))
        return FALSE;
      *flags |= 1u << index;
    }

  return TRUE;
}

static gboolean
read_assignee (JsonObject         *object,
               ChorusInboxFilter  *filter,
               GError            **error)
{
  const char *key = NULL;
  gint64 member_id = 0;
  guint assignee = CHORUS_INBOX_ASSIGNEE_ANY;

  if (!read_string (object, "assignee", &key, error) ||
      !read_int (object, "assignee-id", &member_id, error))
    return FALSE;
  if (key != NULL &&
      !find_key (assignee_keys, G_N_ELEMENTS (assignee_keys), "assignee", key, &assignee, error))
    return FALSE;

  chorus_inbox_filter_set_assignee (filter, assignee, member_id);
  return TRUE;
}

static gboolean
read_lists (JsonObject         *object,
            ChorusInboxFilter  *filter,
            GError            **error)
{
  g_auto(GStrv) networks = NULL;
  g_auto(GStrv) languages = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GArray) statuses = NULL;
  g_autoptr(GArray) tags = NULL;

  if (!read_strings (object, "networks", &networks, error) ||
      !read_ids (object, "sources", &sources, error) ||
      !read_ids (object, "statuses", &statuses, error) ||
      !read_ids (object, "tags", &tags, error) ||
      !read_strings (object, "languages", &languages, error))
    return FALSE;

  chorus_inbox_filter_set_networks (filter, (const char * const *) networks);
  chorus_inbox_filter_set_source_ids (filter, (const gint64 *) sources->data, sources->len);
  chorus_inbox_filter_set_status_ids (filter, (const gint64 *) statuses->data, statuses->len);
  chorus_inbox_filter_set_tag_ids (filter, (const gint64 *) tags->data, tags->len);
  chorus_inbox_filter_set_languages (filter, (const char * const *) languages);
  return TRUE;
}

static gboolean
read_scalars (JsonObject         *object,
              ChorusInboxFilter  *filter,
              GError            **error)
{
  const char *search = NULL;
  gint64 since = 0, until = 0;
  gboolean unread_only = FALSE, question_only = FALSE;
  guint sentiments = 0, segments = 0;

  if (!read_string (object, "search", &search, error) ||
      !read_int (object, "since", &since, error) ||
      !read_int (object, "until", &until, error) ||
      !read_bool (object, "unread-only", &unread_only, error) ||
      !read_bool (object, "has-question", &question_only, error) ||
      !read_flags (object, "sentiments", _chorus_inbox_sentiment_keys, CHORUS_INBOX_N_SENTIMENTS,
                   &sentiments, error) ||
      !read_flags (object, "segments", _chorus_inbox_segment_keys, CHORUS_INBOX_N_SEGMENTS,
                   &segments, error))
    return FALSE;

  chorus_inbox_filter_set_search (filter, search);
  chorus_inbox_filter_set_date_range (filter, since, until);
  chorus_inbox_filter_set_unread_only (filter, unread_only);
  chorus_inbox_filter_set_question_only (filter, question_only);
  chorus_inbox_filter_set_sentiments (filter, sentiments);
  chorus_inbox_filter_set_segments (filter, segments);
  return TRUE;
}

static gboolean
check_version (JsonObject  *object,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, "version");
  gint64 version;

  if (node == NULL || !is_integer (node) || (version = json_node_get_int (node)) < 1)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The saved filter has no valid version number."));
      return FALSE;
    }

  if (version > FORMAT_VERSION)
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_NEWER_VERSION,
                           _("The saved filter was made by a newer version of Chorus."));
      return FALSE;
    }

  return TRUE;
}

/**
 * chorus_inbox_filter_deserialize:
 * @data: what chorus_inbox_filter_serialize() returned
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the filter, or %NULL with @error set to
 *   %CHORUS_ERROR_PARSE for text that is not a saved filter, or
 *   %CHORUS_ERROR_NEWER_VERSION for one written by a newer version
 */
ChorusInboxFilter *
chorus_inbox_filter_deserialize (const char  *data,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ChorusInboxFilter) filter = chorus_inbox_filter_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What json-glib would leak or recurse too deeply on is no object. */
  if (_chorus_json_scan_shape (data, strlen (data), NULL) != CHORUS_JSON_SHAPE_OK)
    root = NULL;
  else if (json_parser_load_from_data (parser, data, -1, &local_error))
    root = json_parser_get_root (parser);
  else
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   /* Translators: %s says what is wrong, in the words of the JSON parser. */
                   _("The saved filter could not be read: %s"), local_error->message);
      return NULL;
    }

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                           _("The saved filter is not a JSON object."));
      return NULL;
    }

  object = json_node_get_object (root);
  if (!check_version (object, error) ||
      !read_scalars (object, filter, error) ||
      !read_lists (object, filter, error) ||
      !read_assignee (object, filter, error))
    return NULL;

  return g_steal_pointer (&filter);
}
