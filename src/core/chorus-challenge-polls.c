/* chorus-challenge-polls.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "chorus-challenge-votes-private.h"
#include "chorus-discourse-parse.h"
#include "chorus-error.h"
#include "chorus-parse-json-private.h"

/* Forum polls as challenge votes: the rule.
 *
 * A Discourse post that carries the hashtag of a challenge whose voting
 * is open, and has a poll, votes in that challenge (the posts are listed
 * by chorus-store-collect-polls.c from what the forum's sync stored). Its
 * poll is read again (GET /posts/:id.json); each option whose text is an
 * entry's exact title (letter case, Unicode forms and spaces around it
 * aside) names that entry, and every person who chose that option gives
 * the entry one "poll" vote: a score of 5 on a "score5" challenge,
 * support on a "support" one. A person counts once per entry, however
 * many polls name it; choosing another option moves the vote at the next
 * complete read. The voters are read from GET /polls/voters.json, which
 * Discourse answers only for a public poll whose results show: a poll
 * that is not public, or hides its results, gives no votes (its counts
 * alone cannot be tied to people, so they could not be counted once per
 * person). Discourse does not say when someone voted: a vote is dated
 * when a sync first saw it, as a Mastodon like is.
 *
 * Mastodon polls never name their voters (the API gives counts only), nor
 * do Bluesky's (it has none): they cannot be counted once per person, and
 * Chorus does not count them. */

#define VOTERS_PER_PAGE 50

/* Voters */

static char *
poll_page_url (const char       *base,
               ChorusVoteTarget *target,
               ChorusVoteKind    kind,
               const char       *token)
{
  g_autofree char *post = g_uri_escape_string (target->remote_id, NULL, FALSE);
  g_autofree char *poll = g_uri_escape_string (target->poll_name, NULL, FALSE);
  g_autofree char *option = g_uri_escape_string (target->option_id, NULL, FALSE);

  return g_strdup_printf ("%s/polls/voters.json?post_id=%s&poll_name=%s&option_id=%s&page=%s&limit=%d", base, post,
                          poll, option, token != NULL ? token : "1", VOTERS_PER_PAGE);
}

/* Worker thread: a page of one option's voters; a full page names the
 * next by its number. */
static gboolean
poll_parse (ChorusVotePage  *page,
            GError         **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (page->response, &length);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *voters;
  JsonArray *chose;
  guint n;

  if (!(root = _chorus_json_load (body != NULL ? body : "", (gssize) length, error)))
    return FALSE;

  if (!(voters = _chorus_json_get_object (_chorus_json_object (root), "voters")))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_PARSE, _("The forum’s reply is not a list of voters."));
      return FALSE;
    }

  chose = _chorus_json_get_array (voters, page->target->option_id);
  n = _chorus_json_array_length (chose);
  page->voters = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_voter_free);
  for (guint i = 0; i < n; i++)
    {
      ChorusIncomingAuthor *author = chorus_discourse_author_from_user (page->base,
                                                                        _chorus_json_array_object (chose, i));
      ChorusVoter *voter;

      if (author == NULL)
        continue;
      voter = _chorus_voter_new (author, 0);
      voter->score = page->target->scored ? 5.0 : NAN;
      g_ptr_array_add (page->voters, voter);
    }

  if (n >= VOTERS_PER_PAGE)
    page->token = g_strdup_printf ("%u", page->number + 1);

  return TRUE;
}

const ChorusVoteReader _chorus_discourse_poll_reader = {
  "discourse", poll_page_url, poll_parse,
};

/* Polls: which options name which entries */

typedef struct
{
  ChorusHttp *http;
  char       *base;
  GStrv       headers;
  GPtrArray  *posts;       /* ChorusPollPost */
  guint       next;
  GPtrArray  *targets;     /* ChorusVoteTarget */
} PollRead;

typedef struct
{
  ChorusPollPost     *post;      /* borrowed */
  ChorusHttpResponse *response;
  GPtrArray          *targets;   /* out */
} PollParse;

static void
poll_read_free (PollRead *read)
{
  g_clear_object (&read->http);
  g_free (read->base);
  g_strfreev (read->headers);
  g_clear_pointer (&read->posts, g_ptr_array_unref);
  g_clear_pointer (&read->targets, g_ptr_array_unref);
  g_free (read);
}

static void
poll_parse_free (PollParse *parse)
{
  g_clear_pointer (&parse->response, chorus_http_response_free);
  g_clear_pointer (&parse->targets, g_ptr_array_unref);
  g_free (parse);
}

/* What a title and an option's text are compared by. */
static char *
dup_title_key (const char *title)
{
  g_autofree char *normal = g_utf8_normalize (title != NULL ? title : "", -1, G_NORMALIZE_ALL_COMPOSE);
  char *key = g_utf8_casefold (normal != NULL ? normal : "", -1);

  return g_strstrip (key);
}

/* The entry @title names, or 0. */
static gint64
find_entry (ChorusPollPost *post,
            const char     *title)
{
  g_autofree char *wanted = dup_title_key (title);

  if (*wanted == '\0')
    return 0;

  for (guint i = 0; i < post->entry_titles->len; i++)
    {
      g_autofree char *key = dup_title_key (g_ptr_array_index (post->entry_titles, i));

      if (g_str_equal (key, wanted))
        return g_array_index (post->entry_ids, gint64, i);
    }

  return 0;
}

static JsonObject *
find_poll (JsonObject *object,
           const char *name)
{
  JsonArray *polls = _chorus_json_get_array (object, "polls");

  for (guint i = 0; i < _chorus_json_array_length (polls); i++)
    {
      JsonObject *poll = _chorus_json_array_object (polls, i);

      if (g_strcmp0 (_chorus_json_get_string (poll, "name"), name) == 0)
        return poll;
    }

  return NULL;
}

static void
add_target (PollParse  *parse,
            gint64      submission_id,
            const char *option_id)
{
  ChorusPollPost *post = parse->post;
  ChorusVoteTarget *target = g_new0 (ChorusVoteTarget, 1);

  target->submission_id = submission_id;
  target->post_id = post->post_id;
  target->remote_id = g_strdup (post->remote_id);
  target->voting_open_at = post->voting_open_at;
  target->voting_close_at = post->voting_close_at;
  target->scored = post->scored;
  target->poll_name = g_strdup (post->poll_name);
  target->option_id = g_strdup (option_id);
  g_ptr_array_add (parse->targets, target);
}

/* Worker thread: the options of a public poll, with its results shown,
 * that name entries. */
static gboolean
parse_poll_post (PollParse  *parse,
                 GError    **error)
{
  gsize length;
  const char *body = chorus_http_response_get_body (parse->response, &length);
  g_autoptr(JsonNode) root = _chorus_json_load (body != NULL ? body : "", (gssize) length, error);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ChorusIncomingPoll) poll = NULL;
  g_autofree char *json = NULL;
  JsonObject *object;
  JsonArray *options;

  if (root == NULL)
    return FALSE;

  parse->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_vote_target_free);
  object = find_poll (_chorus_json_object (root), parse->post->poll_name);
  if (object == NULL || !_chorus_json_get_bool (object, "public") ||
      _chorus_json_get_string (_chorus_json_object (root), "deleted_at") != NULL)
    return TRUE;

  node = json_node_init_object (json_node_alloc (), object);
  json = json_to_string (node, FALSE);
  if (!(poll = chorus_discourse_parse_poll (json, -1, error)))
    return FALSE;

  options = _chorus_json_get_array (object, "options");
  for (guint i = 0; i < poll->options->len && i < _chorus_json_array_length (options); i++)
    {
      ChorusIncomingPollOption *option = g_ptr_array_index (poll->options, i);
      const char *id = _chorus_json_get_string (_chorus_json_array_object (options, i), "id");
      gint64 entry = find_entry (parse->post, option->title);

      /* Hidden results have no counts, and no voters to read. */
      if (option->votes < 0)
        return TRUE;
      if (entry > 0 && id != NULL)
        add_target (parse, entry, id);
    }

  return TRUE;
}

static void
parse_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (!parse_poll_post (task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void read_next (GTask *task);

static void
on_parsed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  PollRead *read = g_task_get_task_data (task);
  PollParse *parse = g_task_get_task_data (G_TASK (result));
  g_autofree char *host = chorus_http_dup_host (read->base);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s is a forum's host; what went wrong follows. */
      g_prefix_error (&error, _("%s sent a challenge poll Chorus cannot read: "), host);
      return_error (task, error);
      return;
    }

  g_ptr_array_extend_and_steal (read->targets, g_steal_pointer (&parse->targets));
  read->next++;
  read_next (task);
}

static void
on_post_fetched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  PollRead *read = g_task_get_task_data (task);
  g_autoptr(ChorusHttpResponse) response = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autofree char *host = chorus_http_dup_host (read->base);
  GError *error = NULL;
  PollParse *parse;

  if (!(response = chorus_http_get_finish (CHORUS_HTTP (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: %s is a forum's host; what went wrong follows. */
        g_prefix_error (&error, _("Chorus could not read a challenge poll from %s: "), host);
      return_error (task, error);
      return;
    }

  /* A post gone gives no votes now; those read before stay. */
  if (response->status == 404 || response->status == 410)
    {
      read->next++;
      read_next (task);
      return;
    }

  if (response->status != 200)
    {
      return_error (task, g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                       /* Translators: %s is a forum's host, %u an HTTP status code. */
                                       _("%s did not share a challenge poll (HTTP %u)."), host, response->status));
      return;
    }

  parse = g_new0 (PollParse, 1);
  parse->post = g_ptr_array_index (read->posts, read->next);
  parse->response = g_steal_pointer (&response);
  worker = g_task_new (NULL, g_task_get_cancellable (task), on_parsed_cb, task);
  g_task_set_source_tag (worker, on_post_fetched_cb);
  g_task_set_task_data (worker, parse, (GDestroyNotify) poll_parse_free);
  g_task_run_in_thread (worker, parse_worker);
}

static void
read_next (GTask *task)
{
  PollRead *read = g_task_get_task_data (task);
  ChorusPollPost *post;
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;

  if (read->next >= read->posts->len)
    {
      g_task_return_pointer (task, g_steal_pointer (&read->targets), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }

  post = g_ptr_array_index (read->posts, read->next);
  escaped = g_uri_escape_string (post->remote_id, NULL, FALSE);
  url = g_strdup_printf ("%s/posts/%s.json", read->base, escaped);
  chorus_http_get_async (read->http, url, (const char * const *) read->headers, g_task_get_cancellable (task),
                         on_post_fetched_cb, task);
}

/**
 * _chorus_poll_targets_read_async:
 * @http: the HTTP client
 * @base: the forum, without a trailing slash
 * @headers: (nullable) (array zero-terminated=1): request headers (the
 *   sign-in), as name, value pairs
 * @posts: (element-type ChorusPollPost): the posts whose polls vote
 * @cancellable: (nullable): stops between posts
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads each post's poll, as described at the top of this file, for the
 * options that name entries.
 */
void
_chorus_poll_targets_read_async (ChorusHttp          *http,
                                 const char          *base,
                                 const char * const  *headers,
                                 GPtrArray           *posts,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  PollRead *read;

  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (base != NULL && posts != NULL);

  read = g_new0 (PollRead, 1);
  read->http = g_object_ref (http);
  read->base = g_strdup (base);
  read->headers = g_strdupv ((char **) headers);
  read->posts = g_ptr_array_ref (posts);
  read->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_vote_target_free);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _chorus_poll_targets_read_async);
  g_task_set_task_data (task, read, (GDestroyNotify) poll_read_free);
  read_next (task);
}

/**
 * _chorus_poll_targets_read_finish:
 *
 * Returns: (transfer full) (element-type ChorusVoteTarget): one target
 *   per option that names an entry, its voters to read with
 *   #_chorus_discourse_poll_reader; %NULL with @error set
 */
GPtrArray *
_chorus_poll_targets_read_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
