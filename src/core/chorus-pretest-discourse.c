/* chorus-pretest-discourse.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-pretest-discourse.h"
#include "chorus-pretest-launch-private.h"
#include "chorus-pretest-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* A pre-test run on a Discourse poll, from the store's side. Launching
 * checks what the forum would refuse (the account can post, each variant
 * is one line of text, the options differ, a new topic's title is long
 * enough), then writes the run, one run_posts row per variant (its
 * position is the option's index in the poll), and one outbox item of
 * kind "poll", all in one transaction. The item's body is the post's raw
 * markdown: the question, then the poll block
 *
 *   [poll type=regular results=always public=false close=2026-01-02T10:00:00Z]
 *   * Variant A
 *   * Variant B
 *   [/poll]
 *
 * Its payload holds where the post goes ("topic_id", or "title" and
 * "category_id"), "public" and the run's id. Discourse names a poll
 * without a name "poll", so the run's remote_id is the post's id. */

G_DEFINE_BOXED_TYPE (ChorusRunVoter, chorus_run_voter, chorus_run_voter_copy, chorus_run_voter_free)

ChorusRunVoter *
chorus_run_voter_copy (const ChorusRunVoter *voter)
{
  ChorusRunVoter *copy = g_new0 (ChorusRunVoter, 1);

  copy->variant_id = voter->variant_id;
  copy->username = g_strdup (voter->username);
  copy->first_seen_at = voter->first_seen_at;
  return copy;
}

void
chorus_run_voter_free (ChorusRunVoter *voter)
{
  if (voter == NULL)
    return;

  g_free (voter->username);
  g_free (voter);
}

/* What launch_write () launches. */
typedef struct
{
  gint64    campaign_id;
  gint64    source_id;
  gint64    topic_id;
  char     *title;            /* trimmed, or NULL */
  gint64    category_id;
  char     *question;         /* trimmed, or NULL when not valid text */
  gint64    duration;
  gboolean  public_voters;
} Launch;

static void
launch_free (Launch *launch)
{
  g_free (launch->title);
  g_free (launch->question);
  g_free (launch);
}

static char *
dup_trimmed (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) ? g_strstrip (g_strdup (text)) : NULL;
}

static Launch *
launch_new (gint64                          campaign_id,
            gint64                          source_id,
            const ChorusDiscoursePollPlace *place,
            const char                     *question,
            gint64                          duration,
            gboolean                        public_voters)
{
  Launch *launch = g_new0 (Launch, 1);

  launch->campaign_id = campaign_id;
  launch->source_id = source_id;
  launch->topic_id = place != NULL ? place->topic_id : 0;
  launch->title = place != NULL ? dup_trimmed (place->title) : NULL;
  launch->category_id = place != NULL ? place->category_id : 0;
  launch->question = dup_trimmed (question);
  launch->duration = duration;
  launch->public_voters = public_voters;
  return launch;
}

static gboolean
check_place (Launch  *launch,
             GError **error)
{
  glong length;

  if (launch->topic_id > 0)
    return TRUE;

  if (launch->title == NULL || *launch->title == '\0')
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("A new topic needs a title: write one, or choose a topic to post the poll in."));

  length = g_utf8_strlen (launch->title, -1);
  if (length < CHORUS_DISCOURSE_POLL_MIN_TITLE_LENGTH)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: the first %u is the title's length, the second the shortest
                                 * the forum takes. */
                                "The topic’s title is %u character long, and the forum takes titles of at least %u.",
                                "The topic’s title is %u characters long, and the forum takes titles of at least %u.",
                                (gulong) length),
                   (guint) length, (guint) CHORUS_DISCOURSE_POLL_MIN_TITLE_LENGTH);
      return FALSE;
    }

  if (length > CHORUS_DISCOURSE_POLL_MAX_TITLE_LENGTH || strchr (launch->title, '\n') != NULL)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("The topic’s title must be a single line of at most 255 characters."));

  if (launch->category_id < 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("This category is not one of the forum’s."));

  return TRUE;
}

static gboolean
check_question (Launch  *launch,
                GError **error)
{
  if (launch->question == NULL)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT, _("The poll’s question is not valid text."));

  if (*launch->question == '\0')
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT, _("A poll needs a question."));

  if (strstr (launch->question, "[poll") != NULL || strstr (launch->question, "[/poll") != NULL)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("The question may not hold a poll of its own: remove its “[poll]” block."));

  if (launch->duration < 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT,
                                 _("A poll cannot close before it opens: choose a later date."));

  return TRUE;
}

/* Each variant is one line of the poll: Discourse takes no empty option,
 * no line break inside one, and no two alike. */
static gboolean
check_options (GArray  *options,
               GError **error)
{
  if (!_chorus_pretest_check_options (options, error))
    return FALSE;

  if (options->len > CHORUS_DISCOURSE_POLL_MAX_OPTIONS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: the first %u is how many variants the campaign has, the second how
                                 * many options a Discourse poll may have. */
                                "This campaign has %u variants, and a forum poll allows %u option.",
                                "This campaign has %u variants, and a forum poll allows %u options.",
                                CHORUS_DISCOURSE_POLL_MAX_OPTIONS),
                   options->len, (guint) CHORUS_DISCOURSE_POLL_MAX_OPTIONS);
      return FALSE;
    }

  for (guint i = 0; i < options->len; i++)
    {
      ChorusPretestOption *option = &g_array_index (options, ChorusPretestOption, i);
      guint number = i + 1;

      if (*option->body == '\0')
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %u is a variant's number, such as 2. */
                       _("Variant %u has no text to offer as a poll option."), number);
          return FALSE;
        }

      if (strpbrk (option->body, "\r\n") != NULL)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %u is a variant's number, such as 2. */
                       _("Variant %u has more than one line, and a forum poll’s options are one line each."),
                       number);
          return FALSE;
        }

      if (g_utf8_strlen (option->body, -1) > CHORUS_DISCOURSE_POLL_MAX_OPTION_LENGTH)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: the first %u is a variant's number, the second the longest option,
                        * %s the variant's text. */
                       _("Variant %u is too long for a forum poll option (at most %u characters): %s"),
                       number, (guint) CHORUS_DISCOURSE_POLL_MAX_OPTION_LENGTH, option->body);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (g_str_equal (g_array_index (options, ChorusPretestOption, j).body, option->body))
          {
            g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                         /* Translators: %u and %u are two variants' numbers, such as 1 and 3. */
                         _("Variants %u and %u say the same thing, and a forum poll’s options must differ."),
                         j + 1, number);
            return FALSE;
          }
    }

  return TRUE;
}

/* The post's markdown: the question, then the poll. */
static char *
build_raw (Launch *launch,
           GArray *options,
           gint64  now)
{
  GString *raw = g_string_new (launch->question);

  g_string_append_printf (raw, "\n\n[poll type=regular results=always public=%s",
                          launch->public_voters ? "true" : "false");
  if (launch->duration > 0)
    {
      g_autoptr(GDateTime) close = g_date_time_new_from_unix_utc (now + launch->duration);
      g_autofree char *stamp = g_date_time_format (close, "%Y-%m-%dT%H:%M:%SZ");

      g_string_append_printf (raw, " close=%s", stamp);
    }
  g_string_append (raw, "]\n");
  for (guint i = 0; i < options->len; i++)
    g_string_append_printf (raw, "* %s\n", g_array_index (options, ChorusPretestOption, i).body);
  g_string_append (raw, "[/poll]\n");

  return g_string_free (raw, FALSE);
}

static gint64
insert_item (sqlite3     *db,
             Launch      *launch,
             gint64       run_id,
             const char  *raw,
             gint64       now,
             GError     **error)
{
  g_autoptr(JsonObject) payload = json_object_new ();

  if (launch->topic_id > 0)
    json_object_set_int_member (payload, "topic_id", launch->topic_id);
  else
    {
      json_object_set_string_member (payload, "title", launch->title);
      json_object_set_int_member (payload, "category_id", launch->category_id);
    }
  json_object_set_boolean_member (payload, "public", launch->public_voters);
  json_object_set_int_member (payload, "run_id", run_id);
  json_object_set_int_member (payload, "campaign_id", launch->campaign_id);

  return _chorus_pretest_insert_item (db, launch->source_id, raw, payload, now, error);
}

static gint64
launch_write (sqlite3  *db,
              gpointer  data,
              GArray   *changed,
              GError  **error)
{
  Launch *launch = data;
  g_autoptr(GArray) options = NULL;
  g_autofree char *name = NULL;
  g_autofree char *raw = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 run_id;
  gint64 outbox_id;

  if (!_chorus_pretest_check_poster (db, launch->source_id, CHORUS_INSTRUMENT_DISCOURSE_POLL, NULL, error) ||
      !check_place (launch, error) ||
      !check_question (launch, error) ||
      !(name = _chorus_pretest_check_campaign_for (db, launch->campaign_id, CHORUS_INSTRUMENT_DISCOURSE_POLL,
                                                   error)) ||
      !(options = _chorus_pretest_load_options (db, launch->campaign_id, error)) ||
      !check_options (options, error))
    return 0;

  raw = build_raw (launch, options, now);
  if (!(run_id = _chorus_pretest_insert_run (db, launch->campaign_id, "discourse_poll", launch->source_id,
                                             launch->question, launch->duration, now, error)) ||
      !(outbox_id = insert_item (db, launch, run_id, raw, now, error)) ||
      !_chorus_pretest_insert_run_posts (db, run_id, launch->source_id, outbox_id, options, now, error) ||
      !_chorus_pretest_finish_launch (db, launch->campaign_id, name, "discourse_poll", run_id, error))
    return 0;

  return run_id;
}

/**
 * chorus_store_launch_discourse_poll:
 * @self: a #ChorusStore
 * @campaign_id: a campaign that is not over and has no forum poll running
 * @source_id: the Discourse account (an API key with a username) to post from
 * @place: where the poll goes: an existing topic, or a new topic's title
 *   and category (see #ChorusDiscoursePollPlace)
 * @question: the text above the poll
 * @duration_seconds: how long the poll stays open, or 0 for no close date
 * @public_voters: whether the forum shows who voted for what; Chorus then
 *   keeps the voters (chorus_store_list_run_voters()). A forum whose admins
 *   turned public polls off refuses the post, and the run's send error
 *   says to launch again without public voters.
 * @error: a location for a #GError
 *
 * Starts a pre-test run on a Discourse poll whose options are the
 * campaign's variants (their body, one line each), in order, and queues
 * the post in the outbox; a draft campaign becomes running. Nothing is
 * written when something does not fit. Blocking: call it from a worker
 * thread, or use chorus_store_launch_discourse_poll_async().
 *
 * Returns: the new run's id, or 0 with @error set
 *   (%CHORUS_ERROR_NOT_FOUND, %CHORUS_ERROR_INVALID_ARGUMENT or
 *   %CHORUS_ERROR_EXISTS, in words a person can act on)
 */
gint64
chorus_store_launch_discourse_poll (ChorusStore                     *self,
                                    gint64                           campaign_id,
                                    gint64                           source_id,
                                    const ChorusDiscoursePollPlace  *place,
                                    const char                      *question,
                                    gint64                           duration_seconds,
                                    gboolean                         public_voters,
                                    GError                         **error)
{
  Launch *launch;
  gint64 id;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);
  g_return_val_if_fail (place != NULL, 0);

  launch = launch_new (campaign_id, source_id, place, question, duration_seconds, public_voters);
  id = _chorus_store_write (self, launch_write, launch, error);
  launch_free (launch);

  return id;
}

void
chorus_store_launch_discourse_poll_async (ChorusStore                    *self,
                                          gint64                          campaign_id,
                                          gint64                          source_id,
                                          const ChorusDiscoursePollPlace *place,
                                          const char                     *question,
                                          gint64                          duration_seconds,
                                          gboolean                        public_voters,
                                          GCancellable                   *cancellable,
                                          GAsyncReadyCallback             callback,
                                          gpointer                        user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (place != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_write_async (self, launch_write,
                             launch_new (campaign_id, source_id, place, question, duration_seconds, public_voters),
                             (GDestroyNotify) launch_free, chorus_store_launch_discourse_poll_async,
                             cancellable, callback, user_data);
}

/**
 * chorus_store_launch_discourse_poll_finish:
 *
 * Returns: the new run's id, or 0 with @error set
 */
gint64
chorus_store_launch_discourse_poll_finish (ChorusStore   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return _chorus_store_write_finish (self, result, error);
}

/**
 * chorus_store_list_run_voters:
 * @self: a #ChorusStore
 * @run_id: a Discourse poll run with public voters
 * @error: a location for a #GError
 *
 * Who voted for what in a public forum poll, as far as the syncs saw,
 * by variant then username. Empty for a poll that is not public.
 * Blocking, but quick.
 *
 * Returns: (transfer container) (element-type ChorusRunVoter): the
 *   voters, or %NULL with @error set
 */
GPtrArray *
chorus_store_list_run_voters (ChorusStore  *self,
                              gint64        run_id,
                              GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) voters = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_run_voter_free);
  int rc;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  connection = _chorus_store_connection_new (self);
  if (!(stmt = _chorus_sql_prepare_with_id (connection->db, "SELECT v.variant_id, v.username, v.first_seen_at"
                                            " FROM run_voters v JOIN variants w ON w.id = v.variant_id"
                                            " WHERE v.run_id = ?1 ORDER BY w.position, v.username",
                                            run_id, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusRunVoter *voter = g_new0 (ChorusRunVoter, 1);

      voter->variant_id = sqlite3_column_int64 (stmt, 0);
      voter->username = _chorus_sql_dup_text (stmt, 1);
      voter->first_seen_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (voters, voter);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, connection->db, "run voters");
      return NULL;
    }

  return g_steal_pointer (&voters);
}
