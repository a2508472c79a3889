/* chorus-store-audit.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-audit-awards-private.h"
#include "chorus-format.h"
#include "chorus-parse-json-private.h"
#include "chorus-store-triage.h"
#include "chorus-store-triage-private.h"
#include "chorus-text.h"

/* What a conversation's side pane reads: its notes, and its history from
 * the audit log, each entry told as one translated sentence built from the
 * entry's action and detail (see chorus-store-triage.c for the detail).
 * Whole sentences only, one per case, so that translators can order the
 * words as their language needs. */

/* A conversation's entries: its own, the bulk changes that named it, and
 * the undos of either. Bulk entries have no single subject, so their ids
 * are searched in the detail; there are far fewer of them than of single
 * changes, which the subject index finds. */
#define AUDIT_SQL \
  "WITH mine (id) AS (" \
  "  SELECT id FROM audit_log WHERE subject_type = 'conversation' AND subject_id = ?1" \
  "  UNION ALL" \
  "  SELECT id FROM audit_log WHERE subject_type = 'conversations' AND json_valid (detail)" \
  "    AND EXISTS (SELECT 1 FROM json_each (detail, '$.ids') WHERE value = ?1))" \
  " SELECT a.id, a.at, a.actor_id, m.name, a.action, a.detail" \
  " FROM audit_log a LEFT JOIN team_members m ON m.id = a.actor_id" \
  " WHERE a.id IN mine" \
  " UNION ALL" \
  " SELECT a.id, a.at, a.actor_id, m.name, a.action, a.detail" \
  " FROM audit_log a LEFT JOIN team_members m ON m.id = a.actor_id" \
  " WHERE a.subject_type = 'audit' AND a.subject_id IN mine" \
  " ORDER BY 1 DESC"

#define NOTES_SQL \
  "SELECT n.id, n.conversation_id, n.author_id, m.name, n.body, n.created_at" \
  " FROM notes n LEFT JOIN team_members m ON m.id = n.author_id" \
  " WHERE n.conversation_id = ?1 ORDER BY n.created_at, n.id"

static const char *
priority_name (gint64 priority)
{
  switch (priority)
    {
    case CHORUS_PRIORITY_LOW:
      return C_("priority", "Low");
    case CHORUS_PRIORITY_NORMAL:
      return C_("priority", "Normal");
    case CHORUS_PRIORITY_HIGH:
      return C_("priority", "High");
    default:
      return C_("priority", "None");
    }
}

static const char *
sentiment_name (gint64 sentiment)
{
  if (sentiment < 0)
    return C_("sentiment", "Negative");
  if (sentiment > 0)
    return C_("sentiment", "Positive");
  return C_("sentiment", "Neutral");
}

/* Whether the change emptied the field: nobody assigned, or the sentiment
 * back to automatic. */
static gboolean
after_is_null (JsonObject *detail)
{
  JsonNode *after = _chorus_json_get_member (detail, "after");

  return after == NULL || JSON_NODE_HOLDS_NULL (after);
}

static char *
describe_status (const char *actor,
                 JsonObject *detail,
                 const char *legacy,
                 guint       n)
{
  JsonObject *status = _chorus_json_get_object (detail, "status");
  const char *name;

  /* Entries from before JSON details held the built-in status's key. */
  if (detail == NULL)
    name = chorus_format_status (legacy, NULL);
  else
    name = chorus_format_status (_chorus_json_get_string (status, "builtin"),
                                 _chorus_json_get_string (status, "name"));

  if (n == 1)
    /* Translators: an audit log entry. The first %s is a team member's
     * name, the second a conversation status such as “Done”. */
    return g_strdup_printf (_("%s set the status to %s"), actor, name);

  if (_chorus_json_get_bool (status, "closed"))
    /* Translators: an audit log entry for a change to many conversations
     * at once. %s is a team member's name, %d how many. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s closed %d conversation",
                                         "%s closed %d conversations", n),
                            actor, (int) n);

  /* Translators: an audit log entry for a change to many conversations at
   * once. The first %s is a team member's name, %d how many conversations,
   * the second %s a status such as “Waiting”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s set the status of %d conversation to %s",
                                       "%s set the status of %d conversations to %s", n),
                          actor, (int) n, name);
}

static char *
describe_assignee (const char *actor,
                   JsonObject *detail,
                   guint       n)
{
  const char *member = _chorus_json_get_string (detail, "member");

  if (after_is_null (detail) || member == NULL)
    {
      if (n == 1)
        /* Translators: an audit log entry. %s is a team member's name. */
        return g_strdup_printf (_("%s unassigned the conversation"), actor);
      /* Translators: an audit log entry. %s is a team member's name, %d how many conversations. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s unassigned %d conversation",
                                           "%s unassigned %d conversations", n),
                              actor, (int) n);
    }

  if (n == 1)
    /* Translators: an audit log entry. Both %s are team members' names:
     * who made the change, then who the conversation was given to. */
    return g_strdup_printf (_("%s assigned the conversation to %s"), actor, member);
  /* Translators: an audit log entry. The first %s is a team member's name,
   * %d how many conversations, the second %s who they were given to. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s assigned %d conversation to %s",
                                       "%s assigned %d conversations to %s", n),
                          actor, (int) n, member);
}

static char *
describe_tag (const char *actor,
              JsonObject *detail,
              gboolean    added,
              guint       n)
{
  const char *tag = _chorus_json_get_string (_chorus_json_get_object (detail, "tag"), "name");

  if (tag == NULL)
    tag = "";

  if (added && n == 1)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a tag's. */
    return g_strdup_printf (_("%s added the tag “%s”"), actor, tag);
  if (added)
    /* Translators: an audit log entry. The first %s is a team member's
     * name, the second a tag's; %d is how many conversations. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s added the tag “%s” to %d conversation",
                                         "%s added the tag “%s” to %d conversations", n),
                            actor, tag, (int) n);
  if (n == 1)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a tag's. */
    return g_strdup_printf (_("%s removed the tag “%s”"), actor, tag);
  /* Translators: an audit log entry. The first %s is a team member's name,
   * the second a tag's; %d is how many conversations. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s removed the tag “%s” from %d conversation",
                                       "%s removed the tag “%s” from %d conversations", n),
                          actor, tag, (int) n);
}

static char *
describe_priority (const char *actor,
                   JsonObject *detail,
                   guint       n)
{
  gint64 priority = _chorus_json_get_int (detail, "after", CHORUS_PRIORITY_NONE);

  if (priority == CHORUS_PRIORITY_NONE && n == 1)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s cleared the priority"), actor);
  if (priority == CHORUS_PRIORITY_NONE)
    /* Translators: an audit log entry. %s is a team member's name, %d how many conversations. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s cleared the priority of %d conversation",
                                         "%s cleared the priority of %d conversations", n),
                            actor, (int) n);
  if (n == 1)
    /* Translators: an audit log entry. The first %s is a team member's
     * name, the second a priority: “Low”, “Normal” or “High”. */
    return g_strdup_printf (_("%s set the priority to %s"), actor, priority_name (priority));
  /* Translators: an audit log entry. The first %s is a team member's name,
   * %d how many conversations, the second %s a priority such as “High”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s set the priority of %d conversation to %s",
                                       "%s set the priority of %d conversations to %s", n),
                          actor, (int) n, priority_name (priority));
}

static char *
describe_unread (const char *actor,
                 JsonObject *detail,
                 guint       n)
{
  gboolean unread = _chorus_json_get_int (detail, "after", 0) != 0;

  if (!unread && n == 1)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s marked the conversation as read"), actor);
  if (!unread)
    /* Translators: an audit log entry. %s is a team member's name, %d how many conversations. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s marked %d conversation as read",
                                         "%s marked %d conversations as read", n),
                            actor, (int) n);
  if (n == 1)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s marked the conversation as unread"), actor);
  /* Translators: an audit log entry. %s is a team member's name, %d how many conversations. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s marked %d conversation as unread",
                                       "%s marked %d conversations as unread", n),
                          actor, (int) n);
}

static char *
describe_sentiment (const char *actor,
                    JsonObject *detail,
                    guint       n)
{
  const char *sentiment = sentiment_name (_chorus_json_get_int (detail, "after", 0));

  if (after_is_null (detail) && n == 1)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s set the sentiment back to automatic"), actor);
  if (after_is_null (detail))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: an audit log entry. %s is a team member's
                                          * name, %d how many conversations. */
                                         "%s set the sentiment of %d conversation back to automatic",
                                         "%s set the sentiment of %d conversations back to automatic", n),
                            actor, (int) n);
  if (n == 1)
    /* Translators: an audit log entry. The first %s is a team member's
     * name, the second a sentiment: “Negative”, “Neutral” or “Positive”. */
    return g_strdup_printf (_("%s set the sentiment to %s"), actor, sentiment);
  /* Translators: an audit log entry. The first %s is a team member's name,
   * %d how many conversations, the second %s a sentiment such as “Positive”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s set the sentiment of %d conversation to %s",
                                       "%s set the sentiment of %d conversations to %s", n),
                          actor, (int) n, sentiment);
}

static char *
describe_note (const char *actor,
               gboolean    added,
               guint       n)
{
  if (!added)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s deleted a note"), actor);
  if (n == 1)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s added a note"), actor);
  /* Translators: an audit log entry. %s is a team member's name, %d how many conversations. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s added a note to %d conversation",
                                       "%s added a note to %d conversations", n),
                          actor, (int) n);
}

static char *
describe_undo (const char *actor,
               JsonObject *detail)
{
  ChorusField field;

  if (g_strcmp0 (_chorus_json_get_string (detail, "action"), "person-merge") == 0)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s undid a merge"), actor);
  if (!_chorus_field_from_action (_chorus_json_get_string (detail, "action"), &field))
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s undid a change"), actor);

  switch (field)
    {
    case CHORUS_FIELD_STATUS:
      /* Translators: an audit log entry. %s is a team member's name. */
      return g_strdup_printf (_("%s undid a status change"), actor);
    case CHORUS_FIELD_ASSIGNEE:
      /* Translators: an audit log entry. %s is a team member's name. */
      return g_strdup_printf (_("%s undid an assignment"), actor);
    case CHORUS_FIELD_TAG_ADD:
    case CHORUS_FIELD_TAG_REMOVE:
      /* Translators: an audit log entry. %s is a team member's name. */
      return g_strdup_printf (_("%s undid a tag change"), actor);
    case CHORUS_FIELD_PRIORITY:
      /* Translators: an audit log entry. %s is a team member's name. */
      return g_strdup_printf (_("%s undid a priority change"), actor);
    case CHORUS_FIELD_UNREAD:
      /* Translators: an audit log entry. %s is a team member's name. */
      return g_strdup_printf (_("%s undid a change to the read state"), actor);
    case CHORUS_FIELD_SENTIMENT:
      /* Translators: an audit log entry. %s is a team member's name. */
      return g_strdup_printf (_("%s undid a sentiment change"), actor);
    case CHORUS_FIELD_NOTE_ADD:
    case CHORUS_FIELD_NOTE_DELETE:
      /* Translators: an audit log entry. %s is a team member's name. */
      return g_strdup_printf (_("%s undid a change to the notes"), actor);
    case CHORUS_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* The saved replies of the reply composer; @detail holds the reply's name. */
static char *
describe_saved_reply (const char *actor,
                      const char *action,
                      JsonObject *detail)
{
  const char *name = _chorus_json_get_string (detail, "name") ? _chorus_json_get_string (detail, "name") : "";

  if (g_str_equal (action, "saved-reply-add"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a saved reply's. */
    return g_strdup_printf (_("%s added the saved reply “%s”"), actor, name);
  if (g_str_equal (action, "saved-reply-delete"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a saved reply's. */
    return g_strdup_printf (_("%s deleted the saved reply “%s”"), actor, name);
  if (g_str_equal (action, "saved-reply-move"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a saved reply's. */
    return g_strdup_printf (_("%s moved the saved reply “%s”"), actor, name);
  /* Translators: an audit log entry. The first %s is a team member's name, the second a saved reply's. */
  return g_strdup_printf (_("%s edited the saved reply “%s”"), actor, name);
}

/* Campaigns of the Pre-tests pane; @detail holds the campaign's name. */
static char *
describe_vote (const char *actor,
               const char *action,
               JsonObject *detail)
{
  const char *reason = _chorus_json_get_string (detail, "reason") ? _chorus_json_get_string (detail, "reason") : "";

  if (g_str_equal (action, "vote-exclude"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second why a vote in a
     * design challenge no longer counts, in their words. */
    return g_strdup_printf (_("%s excluded a vote: %s"), actor, reason);
  /* Translators: an audit log entry. The first %s is a team member's name, the second why a vote in a
   * design challenge counts again, in their words. */
  return g_strdup_printf (_("%s counted a vote again: %s"), actor, reason);
}

static char *
describe_campaign (const char *actor,
                   const char *action,
                   JsonObject *detail)
{
  const char *name = _chorus_json_get_string (detail, "name") ? _chorus_json_get_string (detail, "name") : "";
  const char *after = _chorus_json_get_string (detail, "after") ? _chorus_json_get_string (detail, "after") : "";
  const char *before = _chorus_json_get_string (detail, "before") ? _chorus_json_get_string (detail, "before") : "";

  if (g_str_equal (action, "campaign-create"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s created the campaign “%s”"), actor, name);
  if (g_str_equal (action, "campaign-launch") &&
      g_strcmp0 (_chorus_json_get_string (detail, "instrument"), "variant_posts") == 0)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s scheduled posts of each variant of the campaign “%s”"), actor, name);
  if (g_str_equal (action, "campaign-launch") &&
      g_strcmp0 (_chorus_json_get_string (detail, "instrument"), "discourse_poll") == 0)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s put the campaign “%s” to a forum poll"), actor, name);
  if (g_str_equal (action, "campaign-launch") &&
      g_strcmp0 (_chorus_json_get_string (detail, "instrument"), "mastodon_poll") == 0)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s put the campaign “%s” to a Mastodon poll"), actor, name);
  if (g_str_equal (action, "campaign-launch"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s put the campaign “%s” to the community"), actor, name);
  if (g_str_equal (action, "campaign-results") && _chorus_json_get_string (detail, "from") != NULL)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's,
     * the third where the results came from (a file's name). */
    return g_strdup_printf (_("%s added results to the campaign “%s” from “%s”"), actor, name,
                            _chorus_json_get_string (detail, "from"));
  if (g_str_equal (action, "campaign-results"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s added results to the campaign “%s”"), actor, name);
  if (g_str_equal (action, "campaign-decision"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a variant's,
     * the third a campaign's. */
    return g_strdup_printf (_("%s chose “%s” in the campaign “%s”"), actor,
                            _chorus_json_get_string (detail, "variant_label") ? _chorus_json_get_string (detail, "variant_label") : "",
                            name);
  if (g_str_equal (action, "campaign-state") && g_str_equal (after, "paused"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s paused the campaign “%s”"), actor, name);
  if (g_str_equal (action, "campaign-state") && g_str_equal (after, "running"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s resumed the campaign “%s”"), actor, name);
  if (g_str_equal (action, "campaign-state") && g_str_equal (after, "archived"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s archived the campaign “%s”"), actor, name);
  if (g_str_equal (action, "campaign-state") && g_str_equal (before, "archived"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s took the campaign “%s” out of the archive"), actor, name);
  if (g_str_equal (action, "campaign-state"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
    return g_strdup_printf (_("%s closed the campaign “%s”"), actor, name);
  /* Translators: an audit log entry. The first %s is a team member's name, the second a campaign's. */
  return g_strdup_printf (_("%s edited the campaign “%s”"), actor, name);
}

/* Challenges of the Designs pane; @detail holds the challenge's title. */
static char *
describe_challenge (const char *actor,
                    const char *action,
                    JsonObject *detail)
{
  const char *title = _chorus_json_get_string (detail, "title") ? _chorus_json_get_string (detail, "title") : "";

  if (g_str_equal (action, "challenge-create"))
    /* Translators: an audit log entry. The first %s is a team member's name, the second a design challenge's. */
    return g_strdup_printf (_("%s created the challenge “%s”"), actor, title);
  /* Translators: an audit log entry. The first %s is a team member's name, the second a design challenge's. */
  return g_strdup_printf (_("%s edited the challenge “%s”"), actor, title);
}

static char *
describe_moderation (const char *actor,
                     JsonObject *detail)
{
  const char *name = _chorus_json_get_string (detail, "name") ? _chorus_json_get_string (detail, "name") : "";
  const char *after = _chorus_json_get_string (detail, "after");

  if (g_strcmp0 (after, "accepted") == 0)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a design entry's title. */
    return g_strdup_printf (_("%s accepted the entry “%s”"), actor, name);
  if (g_strcmp0 (after, "rejected") == 0)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a design entry's
     * title, the third why it was rejected. */
    return g_strdup_printf (_("%s rejected the entry “%s”: %s"), actor, name,
                            _chorus_json_get_string (detail, "reason") ? _chorus_json_get_string (detail, "reason") : "");
  /* Translators: an audit log entry. The first %s is a team member's name, the second a design entry's title. */
  return g_strdup_printf (_("%s put the entry “%s” back for review"), actor, name);
}

/* A juror's scorecard submitted (chorus-store-jury.c); @detail names the
 * juror and the challenge, and counts the scores. */
static char *
describe_scorecard (const char *actor,
                    JsonObject *detail)
{
  const char *juror = _chorus_json_get_string (detail, "juror_name") ? _chorus_json_get_string (detail, "juror_name") : "";
  const char *name = _chorus_json_get_string (detail, "name") ? _chorus_json_get_string (detail, "name") : "";
  int scores = (int) _chorus_json_get_int (detail, "scores", 0);

  /* Translators: an audit log entry. The first %s is a team member's name, the second a juror's (often the
   * same person), the third a design challenge's title; %d is how many scores the card holds. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s submitted the jury scorecard of %s for “%s” with %d score",
                                       "%s submitted the jury scorecard of %s for “%s” with %d scores", scores),
                          actor, juror, name, scores);
}

/* One sentence for the entry; @actor_name is %NULL when the member who
 * made it was removed, or nobody was marked as "me". */
char *
_chorus_audit_describe (const char *action,
                        const char *detail,
                        const char *actor_name)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = NULL;
  JsonArray *ids;
  g_autofree char *isolated = NULL;
  g_autofree char *person = NULL;
  const char *actor;
  ChorusField field;
  char *awards;
  guint n;

  /* Names go inside our sentences isolated, so a name in another
   * direction, or one carrying a bidi override, cannot reorder them. */
  if (actor_name == NULL || *actor_name == '\0')
    /* Translators: who made a change in the audit log, when nobody on the team is known to have. */
    actor = _("Someone");
  else
    actor = isolated = chorus_text_isolate (actor_name);

  if (detail != NULL && (root = _chorus_json_load (detail, -1, NULL)) != NULL)
    object = _chorus_json_object (root);
  ids = _chorus_json_get_array (object, "ids");
  n = MAX (1, _chorus_json_array_length (ids));

  if (g_strcmp0 (action, "undo") == 0)
    return describe_undo (actor, object);
  if (g_strcmp0 (action, "rule.apply") == 0)
    /* Translators: an audit log entry; %s is the name of a triage rule. */
    return g_strdup_printf (_("The rule “%s” triaged this conversation"),
                            _chorus_json_get_string (object, "name") ? _chorus_json_get_string (object, "name") : "");
  if (g_str_has_prefix (action != NULL ? action : "", "person-segment-"))
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s changed this person’s segments"), actor);
  if (g_strcmp0 (action, "person-notes") == 0)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s edited the notes on this person"), actor);
  if (g_str_has_prefix (action != NULL ? action : "", "saved-reply-"))
    return describe_saved_reply (actor, action, object);
  if (g_str_has_prefix (action != NULL ? action : "", "campaign-"))
    return describe_campaign (actor, action, object);
  if (g_strcmp0 (action, "person-rename") == 0)
    /* Translators: an audit log entry. %s is a team member's name. */
    return g_strdup_printf (_("%s renamed this person"), actor);
  if (g_strcmp0 (action, "crm-import") == 0)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a file's. */
    return g_strdup_printf (_("%s imported CRM fields from “%s”"), actor,
                            _chorus_json_get_string (object, "file") ? _chorus_json_get_string (object, "file") : "");
  if (g_strcmp0 (action, "status.kind") == 0 && _chorus_json_get_string (object, "name") != NULL)
    return g_strdup_printf (_chorus_json_get_bool (object, "closed")
                            /* Translators: an audit log entry. The first %s is a team member's name,
                             * the second a conversation status's. */
                            ? _("%s made the status “%s” close conversations")
                            /* Translators: an audit log entry. The first %s is a team member's name,
                             * the second a conversation status's. */
                            : _("%s made the status “%s” keep conversations open"),
                            actor, _chorus_json_get_string (object, "name"));
  if (g_strcmp0 (action, "submission-moderation") == 0)
    return describe_moderation (actor, object);
  if (g_strcmp0 (action, "submission-add") == 0)
    /* Translators: an audit log entry. The first %s is a team member's name, the second a design entry's
     * title, the third the name of the person who made it. */
    return g_strdup_printf (_("%s added the entry “%s” by %s"), actor,
                            _chorus_json_get_string (object, "name") ? _chorus_json_get_string (object, "name") : "",
                            (person = chorus_text_isolate (_chorus_json_get_string (object, "submitter"))));
  if (g_strcmp0 (action, "vote-exclude") == 0 || g_strcmp0 (action, "vote-include") == 0)
    return describe_vote (actor, action, object);
  if (g_strcmp0 (action, "challenge-create") == 0 || g_strcmp0 (action, "challenge-edit") == 0)
    return describe_challenge (actor, action, object);
  if (g_strcmp0 (action, "jury-scorecard") == 0)
    return describe_scorecard (actor, object);
  if ((awards = _chorus_audit_describe_awards (actor, action, object)) != NULL)
    return awards;
  if (g_strcmp0 (action, "person-merge") == 0)
    /* Translators: an audit log entry. The first %s is a team member's
     * name, the second the name of the person merged into this one. */
    return g_strdup_printf (_("%s merged “%s” into this person"), actor,
                            (person = chorus_text_isolate (_chorus_json_get_string (object, "merged_name"))));
  if (g_strcmp0 (action, "person-merge-dismiss") == 0)
    /* Translators: an audit log entry. The first %s is a team member's
     * name, the second the name of a person suggested as the same one. */
    return g_strdup_printf (_("%s said “%s” is not the same person"), actor,
                            (person = chorus_text_isolate (_chorus_json_get_string (object, "other_name"))));
  if (!_chorus_field_from_action (action, &field))
    /* Translators: an audit log entry of a kind this version of Chorus
     * does not know. %s is a team member's name. */
    return g_strdup_printf (_("%s made a change"), actor);

  switch (field)
    {
    case CHORUS_FIELD_STATUS:
      return describe_status (actor, object, detail, n);
    case CHORUS_FIELD_ASSIGNEE:
      return describe_assignee (actor, object, n);
    case CHORUS_FIELD_TAG_ADD:
    case CHORUS_FIELD_TAG_REMOVE:
      return describe_tag (actor, object, field == CHORUS_FIELD_TAG_ADD, n);
    case CHORUS_FIELD_PRIORITY:
      return describe_priority (actor, object, n);
    case CHORUS_FIELD_UNREAD:
      return describe_unread (actor, object, n);
    case CHORUS_FIELD_SENTIMENT:
      return describe_sentiment (actor, object, n);
    case CHORUS_FIELD_NOTE_ADD:
    case CHORUS_FIELD_NOTE_DELETE:
      return describe_note (actor, field == CHORUS_FIELD_NOTE_ADD, n);
    case CHORUS_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static gpointer
build_audit_entry (sqlite3_stmt *stmt)
{
  g_autofree char *actor = _chorus_sql_dup_text (stmt, 3);
  g_autofree char *description = _chorus_audit_describe ((const char *) sqlite3_column_text (stmt, 4),
                                                         (const char *) sqlite3_column_text (stmt, 5),
                                                         actor);

  return g_object_new (CHORUS_TYPE_AUDIT_ENTRY,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "at", sqlite3_column_int64 (stmt, 1),
                       "actor-id", sqlite3_column_int64 (stmt, 2),
                       "action", (const char *) sqlite3_column_text (stmt, 4),
                       "description", description,
                       NULL);
}

static gpointer
build_note (sqlite3_stmt *stmt)
{
  g_autofree char *author = _chorus_sql_dup_text (stmt, 3);
  g_autofree char *body = _chorus_sql_dup_text (stmt, 4);

  return g_object_new (CHORUS_TYPE_NOTE,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "conversation-id", sqlite3_column_int64 (stmt, 1),
                       "author-id", sqlite3_column_int64 (stmt, 2),
                       "author-name", author,
                       "body", body,
                       "created-at", sqlite3_column_int64 (stmt, 5),
                       NULL);
}

/**
 * chorus_store_list_audit_async:
 * @self: a #ChorusStore
 * @conversation_id: a conversation
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists the conversation's history in a worker: its changes, single or
 * bulk, and their undos.
 */
void
chorus_store_list_audit_async (ChorusStore         *self,
                               gint64               conversation_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_read_async (self, AUDIT_SQL, build_audit_entry, conversation_id, chorus_store_list_audit_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_list_audit_finish:
 *
 * Returns: (transfer full) (element-type ChorusAuditEntry): the entries,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_audit_finish (ChorusStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_audit_async, error);
}

/**
 * chorus_store_list_notes_async:
 * @self: a #ChorusStore
 * @conversation_id: a conversation
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context
 * @user_data: data for @callback
 *
 * Lists the conversation's internal notes in a worker.
 */
void
chorus_store_list_notes_async (ChorusStore         *self,
                               gint64               conversation_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_read_async (self, NOTES_SQL, build_note, conversation_id, chorus_store_list_notes_async,
                            cancellable, callback, user_data);
}

/**
 * chorus_store_list_notes_finish:
 *
 * Returns: (transfer full) (element-type ChorusNote): the conversation's
 *   notes, oldest first as in a thread, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_notes_finish (ChorusStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _chorus_store_read_finish (self, result, chorus_store_list_notes_async, error);
}
