/* chorus-rule.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-rule-private.h"
#include "chorus-search-private.h"

/* A triage rule: "when a new customer post matches these conditions, then
 * tag, assign, set the status or the priority of its conversation". The
 * conditions are the part of an inbox filter a post can be checked
 * against (text, networks, languages, author segments), kept as a
 * #ChorusInboxFilter so that the dry run counts what matches now with the
 * inbox's own FTS5 query. At ingest the text is matched here, without SQL,
 * as posts_fts would match it: every word or phrase of the search text,
 * folded for case and Latin diacritics, must occur in the post. */

struct _ChorusRule
{
  GObject             parent_instance;

  gint64              id;
  char               *name;
  gboolean            enabled;
  int                 position;
  ChorusInboxFilter  *conditions;
  ChorusSearchQuery  *search;      /* the conditions' text, parsed */
  char               *tag_name;
  gint64              assignee_id;
  gint64              status_id;
  int                 priority;
};

G_DEFINE_FINAL_TYPE (ChorusRule, chorus_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The folded words of @text, each between spaces: " the new zip ". */
char *
_chorus_rule_fold_text (const char *text)
{
  g_autoptr(GArray) tokens = _chorus_search_tokenize (text != NULL ? text : "");
  GString *words = g_string_new (" ");

  for (guint i = 0; i < tokens->len; i++)
    {
      g_string_append (words, g_array_index (tokens, ChorusSearchToken, i).folded);
      g_string_append_c (words, ' ');
    }

  return g_string_free (words, FALSE);
}

/* Whether @term's words follow each other in @words (see
 * _chorus_rule_fold_text ()); the last one only has to start a word when the
 * term is a prefix. */
static gboolean
words_hold_term (const char             *words,
                 const ChorusSearchTerm *term)
{
  g_autofree char *joined = g_strjoinv (" ", term->tokens);
  g_autofree char *needle = g_strconcat (" ", joined, term->prefix ? "" : " ", NULL);

  return strstr (words, needle) != NULL;
}

static gboolean
text_matches (const ChorusSearchQuery *search,
              const char              *words)
{
  for (guint i = 0; search->terms != NULL && i < search->terms->len; i++)
    {
      if (!words_hold_term (words, g_ptr_array_index (search->terms, i)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
strv_holds (const char * const *list,
            const char         *value,
            gboolean            ignore_case)
{
  if (list == NULL || list[0] == NULL)
    return TRUE;
  if (value == NULL)
    return FALSE;

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (ignore_case ? g_ascii_strcasecmp (list[i], value) == 0 : g_str_equal (list[i], value))
        return TRUE;
    }

  return FALSE;
}

static void
chorus_rule_finalize (GObject *object)
{
  ChorusRule *self = (ChorusRule *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->conditions, chorus_inbox_filter_free);
  g_clear_pointer (&self->search, chorus_search_query_free);
  g_clear_pointer (&self->tag_name, g_free);

  G_OBJECT_CLASS (chorus_rule_parent_class)->finalize (object);
}

static void
chorus_rule_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ChorusRule *self = CHORUS_RULE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_rule_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ChorusRule *self = CHORUS_RULE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      chorus_rule_set_name (self, g_value_get_string (value));
      break;

    case PROP_ENABLED:
      chorus_rule_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_rule_class_init (ChorusRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_rule_finalize;
  object_class->get_property = chorus_rule_get_property;
  object_class->set_property = chorus_rule_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_rule_init (ChorusRule *self)
{
  self->name = g_strdup ("");
  self->enabled = TRUE;
  self->conditions = chorus_inbox_filter_new ();
  self->search = chorus_search_query_parse ("");
  self->priority = CHORUS_RULE_NO_PRIORITY;
}

/**
 * chorus_rule_new:
 *
 * Returns: (transfer full): an enabled rule with no conditions and no actions
 */
ChorusRule *
chorus_rule_new (void)
{
  return g_object_new (CHORUS_TYPE_RULE, NULL);
}

/**
 * chorus_rule_copy:
 * @self: a #ChorusRule
 *
 * Returns: (transfer full): a rule equal to @self, for an editor to change
 */
ChorusRule *
chorus_rule_copy (ChorusRule *self)
{
  ChorusRule *copy;

  g_return_val_if_fail (CHORUS_IS_RULE (self), NULL);

  copy = chorus_rule_new ();
  copy->id = self->id;
  chorus_rule_set_name (copy, self->name);
  copy->enabled = self->enabled;
  copy->position = self->position;
  chorus_rule_set_conditions (copy, self->conditions);
  chorus_rule_set_tag_name (copy, self->tag_name);
  copy->assignee_id = self->assignee_id;
  copy->status_id = self->status_id;
  copy->priority = self->priority;

  return copy;
}

gint64
chorus_rule_get_id (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), 0);

  return self->id;
}

void
chorus_rule_set_id (ChorusRule *self,
                    gint64      id)
{
  g_return_if_fail (CHORUS_IS_RULE (self));

  self->id = id;
}

const char *
chorus_rule_get_name (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), NULL);

  return self->name;
}

void
chorus_rule_set_name (ChorusRule *self,
                      const char *name)
{
  g_return_if_fail (CHORUS_IS_RULE (self));

  if (name == NULL)
    name = "";
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
chorus_rule_get_enabled (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), FALSE);

  return self->enabled;
}

void
chorus_rule_set_enabled (ChorusRule *self,
                         gboolean    enabled)
{
  g_return_if_fail (CHORUS_IS_RULE (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

int
chorus_rule_get_position (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), 0);

  return self->position;
}

void
chorus_rule_set_position (ChorusRule *self,
                          int         position)
{
  g_return_if_fail (CHORUS_IS_RULE (self));

  self->position = position;
}

/**
 * chorus_rule_get_conditions:
 * @self: a #ChorusRule
 *
 * What a post must match: its search text (words and phrases, all
 * required), networks, languages and author segments (any of each list;
 * an empty list means any). The other parts of an inbox filter are never
 * set.
 *
 * Returns: (transfer none): the conditions
 */
const ChorusInboxFilter *
chorus_rule_get_conditions (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), NULL);

  return self->conditions;
}

/**
 * chorus_rule_set_conditions:
 * @self: a #ChorusRule
 * @conditions: (nullable): an inbox filter; only its search text,
 *   networks, languages and segments are kept
 *
 * Sets what a post must match; %NULL matches every post.
 */
void
chorus_rule_set_conditions (ChorusRule              *self,
                            const ChorusInboxFilter *conditions)
{
  ChorusInboxFilter *kept = chorus_inbox_filter_new ();

  g_return_if_fail (CHORUS_IS_RULE (self));

  if (conditions != NULL)
    {
      chorus_inbox_filter_set_search (kept, chorus_inbox_filter_get_search (conditions));
      chorus_inbox_filter_set_networks (kept, chorus_inbox_filter_get_networks (conditions));
      chorus_inbox_filter_set_languages (kept, chorus_inbox_filter_get_languages (conditions));
      chorus_inbox_filter_set_segments (kept, chorus_inbox_filter_get_segments (conditions));
    }

  chorus_inbox_filter_free (self->conditions);
  self->conditions = kept;
  chorus_search_query_free (self->search);
  self->search = chorus_search_query_parse (chorus_inbox_filter_get_search (kept));
}

/**
 * chorus_rule_has_conditions:
 * @self: a #ChorusRule
 *
 * Returns: whether the rule narrows what it matches at all
 */
gboolean
chorus_rule_has_conditions (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), FALSE);

  return !chorus_inbox_filter_is_empty (self->conditions);
}

const char *
chorus_rule_get_tag_name (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), NULL);

  return self->tag_name;
}

/**
 * chorus_rule_set_tag_name:
 * @self: a #ChorusRule
 * @tag_name: (nullable): the tag to add, created when missing; %NULL or
 *   blank for none
 */
void
chorus_rule_set_tag_name (ChorusRule *self,
                          const char *tag_name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (tag_name != NULL ? tag_name : ""));

  g_return_if_fail (CHORUS_IS_RULE (self));

  g_free (self->tag_name);
  self->tag_name = stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
}

gint64
chorus_rule_get_assignee_id (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), 0);

  return self->assignee_id;
}

/**
 * chorus_rule_set_assignee_id:
 * @self: a #ChorusRule
 * @member_id: the team member to assign, or 0 for none
 */
void
chorus_rule_set_assignee_id (ChorusRule *self,
                             gint64      member_id)
{
  g_return_if_fail (CHORUS_IS_RULE (self));

  self->assignee_id = MAX (member_id, 0);
}

gint64
chorus_rule_get_status_id (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), 0);

  return self->status_id;
}

/**
 * chorus_rule_set_status_id:
 * @self: a #ChorusRule
 * @status_id: the status to set, or 0 for none
 */
void
chorus_rule_set_status_id (ChorusRule *self,
                           gint64      status_id)
{
  g_return_if_fail (CHORUS_IS_RULE (self));

  self->status_id = MAX (status_id, 0);
}

int
chorus_rule_get_priority (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), CHORUS_RULE_NO_PRIORITY);

  return self->priority;
}

/**
 * chorus_rule_set_priority:
 * @self: a #ChorusRule
 * @priority: a #ChorusPriority, or %CHORUS_RULE_NO_PRIORITY
 */
void
chorus_rule_set_priority (ChorusRule *self,
                          int         priority)
{
  g_return_if_fail (CHORUS_IS_RULE (self));

  self->priority = priority >= 0 ? priority : CHORUS_RULE_NO_PRIORITY;
}

/**
 * chorus_rule_has_actions:
 * @self: a #ChorusRule
 *
 * Returns: whether the rule does anything when it matches
 */
gboolean
chorus_rule_has_actions (ChorusRule *self)
{
  g_return_val_if_fail (CHORUS_IS_RULE (self), FALSE);

  return self->tag_name != NULL || self->assignee_id > 0 || self->status_id > 0 ||
         self->priority != CHORUS_RULE_NO_PRIORITY;
}

/**
 * chorus_rule_matches:
 * @self: a #ChorusRule
 * @text: (nullable): the plain text of a post
 * @network: (nullable): its network ("mastodon", …)
 * @language: (nullable): its language code, when known
 * @segments: the segments of its author
 *
 * Whether a post meets every condition of @self: all words and phrases
 * of the search text, compared without case or Latin diacritics ("cafe"
 * finds "Café"), a "word*" prefix as in the search box; one of the
 * networks, languages (any case) and segments when the rule lists some.
 * Whether the rule is enabled is not checked here.
 *
 * Returns: %TRUE when the post matches
 */
gboolean
chorus_rule_matches (ChorusRule          *self,
                     const char          *text,
                     const char          *network,
                     const char          *language,
                     ChorusInboxSegments  segments)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (CHORUS_IS_RULE (self), FALSE);

  words = _chorus_rule_fold_text (text);
  return _chorus_rule_matches_folded (self, words, network, language, segments);
}

/* chorus_rule_matches() for text that _chorus_rule_fold_text() folded,
 * so that many rules fold a post once. */
gboolean
_chorus_rule_matches_folded (ChorusRule          *self,
                             const char          *words,
                             const char          *network,
                             const char          *language,
                             ChorusInboxSegments  segments)
{
  ChorusInboxSegments wanted = chorus_inbox_filter_get_segments (self->conditions);

  if (wanted != 0 && (wanted & segments) == 0)
    return FALSE;

  return strv_holds (chorus_inbox_filter_get_networks (self->conditions), network, FALSE) &&
         strv_holds (chorus_inbox_filter_get_languages (self->conditions), language, TRUE) &&
         text_matches (self->search, words);
}
