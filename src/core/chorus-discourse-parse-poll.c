/* chorus-discourse-parse-poll.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-discourse-parse.h"
#include "chorus-discourse-parse-private.h"
#include "chorus-html.h"
#include "chorus-parse-json-private.h"

/* Discourse polls: the one a post carries in its `polls`, and the one a
 * vote or a status change answers with. Option titles are cooked HTML. */

#define MAX_POLL_OPTIONS  256

static char *
dup_html_text (const char *html)
{
  g_autofree char *clipped = _chorus_parse_dup_text (html != NULL ? html : "", CHORUS_PARSE_MAX_TEXT);
  g_autofree char *markup = NULL;
  char *text = NULL;

  if (!chorus_html_convert (clipped, -1, &text, &markup, NULL))
    g_clear_pointer (&text, g_free);

  return text != NULL ? text : g_strdup ("");
}

/* Hidden results have no `votes`. */
ChorusIncomingPoll *
_chorus_discourse_parse_poll_object (JsonObject *object)
{
  g_autoptr(ChorusIncomingPoll) poll = NULL;
  JsonArray *options = _chorus_json_get_array (object, "options");
  guint n = MIN (_chorus_json_array_length (options), MAX_POLL_OPTIONS);

  if (options == NULL)
    return NULL;

  poll = chorus_incoming_poll_new ();
  poll->remote_id = _chorus_parse_dup_nonempty (_chorus_json_get_string (object, "name"));
  poll->expires_at = _chorus_parse_time (_chorus_json_get_string (object, "close"));
  poll->multiple = g_strcmp0 (_chorus_json_get_string (object, "type"), "multiple") == 0;
  poll->voters_count = MAX (_chorus_json_get_int (object, "voters", -1), -1);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *option = _chorus_json_array_object (options, i);
      g_autofree char *title = NULL;
      gint64 votes;

      if (option == NULL)
        continue;

      title = dup_html_text (_chorus_json_get_string (option, "html"));
      votes = _chorus_json_get_int (option, "votes", -1);
      g_ptr_array_add (poll->options, chorus_incoming_poll_option_new (title, MAX (votes, -1)));
    }

  return g_steal_pointer (&poll);
}

/**
 * chorus_discourse_parse_poll:
 * @data: the body of PUT /polls/vote or /polls/toggle_status (`poll`),
 *   or one poll object from a post's `polls`
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the poll; its remote_id is the
 *   poll's name within its post
 */
ChorusIncomingPoll *
chorus_discourse_parse_poll (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  ChorusIncomingPoll *poll;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  object = _chorus_json_object (root);
  if (_chorus_json_get_object (object, "poll") != NULL)
    object = _chorus_json_get_object (object, "poll");

  poll = _chorus_discourse_parse_poll_object (object);
  if (poll == NULL)
    _chorus_discourse_set_shape_error (error);

  return poll;
}
