/* chorus-pretest-mastodon.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-outbox.h"
#include "chorus-pretest-launch-private.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-pretest-private.h"
#include "chorus-store-private.h"
#include "chorus-store-triage-private.h"

/* A pre-test run on a Mastodon poll, from the store's side. Launching
 * checks everything the server would refuse (the source can post, the
 * variants fit the instance's poll limits, the duration is allowed), then
 * writes the run, one run_posts row per variant (its position is the
 * variant's option index) and the outbox item that posts the poll, all in
 * one transaction. The outbox sends it once (chorus-outbox-mastodon.c) and
 * calls chorus_store_record_mastodon_poll_sent(); the Mastodon sync then
 * reads the votes (chorus-pretest-mastodon-refresh.c). */

/* The instance's limits, as the sync keeps them: "key=value" pairs in the
 * "instance" stream's cursor (see chorus-mastodon-sync.c). */
static void
parse_limits (const char       *cursor,
              ChorusPollLimits *limits,
              gint64           *max_characters,
              gint64           *max_image_bytes)
{
  g_auto(GStrv) pairs = g_strsplit (cursor != NULL ? cursor : "", " ", -1);
  guint found = 0;

  limits->max_options = CHORUS_POLL_DEFAULT_MAX_OPTIONS;
  limits->max_characters_per_option = CHORUS_POLL_DEFAULT_MAX_CHARACTERS_PER_OPTION;
  limits->min_expiration = CHORUS_POLL_DEFAULT_MIN_EXPIRATION;
  limits->max_expiration = CHORUS_POLL_DEFAULT_MAX_EXPIRATION;
  *max_characters = CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT;
  *max_image_bytes = CHORUS_OUTBOX_MASTODON_DEFAULT_IMAGE_BYTES;

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      guint64 value;
      gint64 *target = NULL;

      if (equals == NULL ||
          !g_ascii_string_to_unsigned (equals + 1, 10, 0, G_MAXINT64, &value, NULL))
        continue;

      if (g_str_has_prefix (pairs[i], "max_poll_options="))
        target = &limits->max_options;
      else if (g_str_has_prefix (pairs[i], "max_characters_per_option="))
        target = &limits->max_characters_per_option;
      else if (g_str_has_prefix (pairs[i], "min_poll_expiration="))
        target = &limits->min_expiration;
      else if (g_str_has_prefix (pairs[i], "max_poll_expiration="))
        target = &limits->max_expiration;
      else if (g_str_has_prefix (pairs[i], "max_characters=") && value > 0)
        *max_characters = (gint64) value;
      else if (g_str_has_prefix (pairs[i], "image_size_limit=") && value > 0)
        *max_image_bytes = (gint64) value;

      if (target != NULL)
        {
          *target = (gint64) value;
          found++;
        }
    }

  limits->known = found == 4;
}

/* The instance's limits as the last sync read them, or Mastodon's
 * defaults; @max_image_bytes may be NULL. */
gboolean
_chorus_pretest_read_limits (sqlite3           *db,
                             gint64             source_id,
                             ChorusPollLimits  *limits,
                             gint64            *max_characters,
                             gint64            *max_image_bytes,
                             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 image_bytes;
  int rc;

  if (!(stmt = _chorus_sql_prepare_with_id (db, "SELECT cursor FROM source_cursors"
                                            " WHERE source_id = ?1 AND stream = 'instance'",
                                            source_id, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, db, "poll limits");
      return FALSE;
    }

  parse_limits (rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL, limits, max_characters,
                &image_bytes);
  if (max_image_bytes != NULL)
    *max_image_bytes = image_bytes;
  return TRUE;
}

/* Each variant is an option: there must be two to choose between, no
 * more than the server takes, each short enough and different. */
static gboolean
check_options (GArray                  *options,
               const ChorusPollLimits  *limits,
               GError                 **error)
{
  if (!_chorus_pretest_check_options (options, error))
    return FALSE;

  if (options->len > limits->max_options)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: the first %u is how many variants the campaign has, the
                                 * second how many options a poll may have on the account's server. */
                                "This campaign has %u variants, and polls on this server allow %u option.",
                                "This campaign has %u variants, and polls on this server allow %u options.",
                                (gulong) limits->max_options),
                   options->len, (guint) limits->max_options);
      return FALSE;
    }

  for (guint i = 0; i < options->len; i++)
    {
      ChorusPretestOption *option = &g_array_index (options, ChorusPretestOption, i);
      glong length = g_utf8_strlen (option->body, -1);

      if (length == 0)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %u is a variant's number, from 1. */
                       _("Variant %u has no text to offer as a poll option."), i + 1);
          return FALSE;
        }

      if (length > limits->max_characters_per_option)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: the first %u is a variant's number, the second its
                                     * length, the third the longest option the server allows. */
                                    "Variant %u is %u characters long, and polls on this server allow %u per option.",
                                    "Variant %u is %u characters long, and polls on this server allow %u per option.",
                                    (gulong) length),
                       i + 1, (guint) length, (guint) limits->max_characters_per_option);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (g_str_equal (g_array_index (options, ChorusPretestOption, j).body, option->body))
          {
            g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                         /* Translators: %u and %u are two variants' numbers, from 1. */
                         _("Variants %u and %u say the same thing, and a poll’s options must differ."), j + 1, i + 1);
            return FALSE;
          }
    }

  return TRUE;
}

static gboolean
check_duration (gint64                   duration,
                const ChorusPollLimits  *limits,
                GError                 **error)
{
  g_autofree char *limit = NULL;

  if (duration < limits->min_expiration)
    {
      limit = chorus_format_duration (limits->min_expiration);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a duration, such as "5 min". */
                   _("Polls on this server stay open at least %s: choose a longer duration."), limit);
      return FALSE;
    }

  if (duration > limits->max_expiration)
    {
      limit = chorus_format_duration (limits->max_expiration);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a duration, such as "30 days". */
                   _("Polls on this server stay open at most %s: choose a shorter duration."), limit);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_question (const char  *question,
                gint64       max_characters,
                GError     **error)
{
  guint length;

  if (question == NULL || !g_utf8_validate (question, -1, NULL))
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT, _("The poll’s question is not valid text."));

  length = chorus_outbox_count_length ("mastodon", question);
  if (length == 0)
    return _chorus_pretest_fail (error, CHORUS_ERROR_INVALID_ARGUMENT, _("A poll needs a question."));

  if (length > max_characters)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: the first %u is the question's length, the second the
                                 * longest post the account's server allows. */
                                "The question is %u character long, and posts on this server allow %u.",
                                "The question is %u characters long, and posts on this server allow %u.", length),
                   length, (guint) max_characters);
      return FALSE;
    }

  return TRUE;
}

/* What launch_write () launches. */
typedef struct
{
  gint64  campaign_id;
  gint64  source_id;
  char   *question;           /* trimmed */
  gint64  duration;
} Launch;

static void
launch_free (Launch *launch)
{
  g_free (launch->question);
  g_free (launch);
}

static Launch *
launch_new (gint64      campaign_id,
            gint64      source_id,
            const char *question,
            gint64      duration)
{
  Launch *launch = g_new0 (Launch, 1);

  launch->campaign_id = campaign_id;
  launch->source_id = source_id;
  launch->question = question != NULL && g_utf8_validate (question, -1, NULL) ? g_strstrip (g_strdup (question))
                                                                               : NULL;
  launch->duration = duration;
  return launch;
}

/* The outbox item: its payload carries what the server needs (the
 * options, how long it stays open) and which run it belongs to. */
static gint64
insert_item (sqlite3  *db,
             Launch   *launch,
             gint64    run_id,
             GArray   *options,
             gint64    now,
             GError  **error)
{
  g_autoptr(JsonObject) payload = json_object_new ();
  JsonArray *titles = json_array_new ();

  for (guint i = 0; i < options->len; i++)
    json_array_add_string_element (titles, g_array_index (options, ChorusPretestOption, i).body);
  json_object_set_array_member (payload, "options", titles);
  json_object_set_int_member (payload, "expires_in", launch->duration);
  json_object_set_int_member (payload, "run_id", run_id);
  json_object_set_int_member (payload, "campaign_id", launch->campaign_id);

  return _chorus_pretest_insert_item (db, launch->source_id, launch->question, payload, now, error);
}

static gint64
launch_write (sqlite3  *db,
              gpointer  data,
              GArray   *changed,
              GError  **error)
{
  Launch *launch = data;
  ChorusPollLimits limits;
  g_autoptr(GArray) options = NULL;
  g_autofree char *name = NULL;
  gint64 max_characters;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 run_id;
  gint64 outbox_id;

  if (!_chorus_pretest_check_poster (db, launch->source_id, CHORUS_INSTRUMENT_MASTODON_POLL, NULL, error) ||
      !_chorus_pretest_read_limits (db, launch->source_id, &limits, &max_characters, NULL, error) ||
      !check_question (launch->question, max_characters, error) ||
      !(name = _chorus_pretest_check_campaign_for (db, launch->campaign_id, CHORUS_INSTRUMENT_MASTODON_POLL, error)) ||
      !(options = _chorus_pretest_load_options (db, launch->campaign_id, error)) ||
      !check_options (options, &limits, error) ||
      !check_duration (launch->duration, &limits, error))
    return 0;

  if (!(run_id = _chorus_pretest_insert_run (db, launch->campaign_id, "mastodon_poll", launch->source_id,
                                              launch->question, launch->duration, now, error)) ||
      !(outbox_id = insert_item (db, launch, run_id, options, now, error)) ||
      !_chorus_pretest_insert_run_posts (db, run_id, launch->source_id, outbox_id, options, now, error) ||
      !_chorus_pretest_finish_launch (db, launch->campaign_id, name, "mastodon_poll", run_id, error))
    return 0;

  return run_id;
}

/**
 * chorus_store_get_poll_limits:
 * @self: a #ChorusStore
 * @source_id: a Mastodon source
 * @limits: (out caller-allocates): its server's poll limits
 * @error: a location for a #GError
 *
 * The limits the last sync of @source_id read from its server, or
 * Mastodon's defaults (4 options of 50 characters, open from 5 minutes to
 * a month) when no sync has read them yet; @limits->known tells which.
 * Blocking, but quick.
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_get_poll_limits (ChorusStore       *self,
                              gint64             source_id,
                              ChorusPollLimits  *limits,
                              GError           **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  gint64 max_characters;

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);
  g_return_val_if_fail (limits != NULL, FALSE);

  connection = _chorus_store_connection_new (self);
  return _chorus_pretest_read_limits (connection->db, source_id, limits, &max_characters, NULL, error);
}

/**
 * chorus_store_launch_mastodon_poll:
 * @self: a #ChorusStore
 * @campaign_id: a campaign that is not over and has no Mastodon poll running
 * @source_id: the Mastodon account to post the poll from
 * @question: the poll's text
 * @duration_seconds: how long the poll stays open
 * @error: a location for a #GError
 *
 * Starts a pre-test run on a Mastodon poll whose options are the
 * campaign's variants (their body), in order, and queues the poll in the
 * outbox; a draft campaign becomes running. Everything is checked against
 * the server's limits first (see chorus_store_get_poll_limits()), and
 * nothing is written when something does not fit. Blocking: call it from
 * a worker thread, or use chorus_store_launch_mastodon_poll_async().
 *
 * Returns: the new run's id, or 0 with @error set
 *   (%CHORUS_ERROR_NOT_FOUND, %CHORUS_ERROR_INVALID_ARGUMENT or
 *   %CHORUS_ERROR_EXISTS, in words a person can act on)
 */
gint64
chorus_store_launch_mastodon_poll (ChorusStore  *self,
                                   gint64        campaign_id,
                                   gint64        source_id,
                                   const char   *question,
                                   gint64        duration_seconds,
                                   GError      **error)
{
  Launch *launch;
  gint64 id;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  launch = launch_new (campaign_id, source_id, question, duration_seconds);
  id = _chorus_store_write (self, launch_write, launch, error);
  launch_free (launch);

  return id;
}

void
chorus_store_launch_mastodon_poll_async (ChorusStore         *self,
                                         gint64               campaign_id,
                                         gint64               source_id,
                                         const char          *question,
                                         gint64               duration_seconds,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (CHORUS_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _chorus_store_write_async (self, launch_write, launch_new (campaign_id, source_id, question, duration_seconds),
                             (GDestroyNotify) launch_free, chorus_store_launch_mastodon_poll_async,
                             cancellable, callback, user_data);
}

/**
 * chorus_store_launch_mastodon_poll_finish:
 *
 * Returns: the new run's id, or 0 with @error set
 */
gint64
chorus_store_launch_mastodon_poll_finish (ChorusStore   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return _chorus_store_write_finish (self, result, error);
}

/* What record_write () records. */
typedef struct
{
  gint64      outbox_id;
  const char *poll_id;
  const char *status_uri;
} Sent;

static gint64
record_write (sqlite3  *db,
              gpointer  data,
              GArray   *changed,
              GError  **error)
{
  Sent *sent = data;
  g_autoptr(sqlite3_stmt) run = NULL;
  g_autoptr(sqlite3_stmt) posts = NULL;

  if (!(run = _chorus_sql_prepare (db, "UPDATE pretest_runs SET remote_id = coalesce (?2, remote_id)"
                                   " WHERE id IN (SELECT run_id FROM run_posts WHERE outbox_id = ?1)", error)) ||
      !(posts = _chorus_sql_prepare (db, "UPDATE run_posts SET post_id ="
                                     "  coalesce ((SELECT id FROM posts WHERE uri = ?2), post_id)"
                                     " WHERE outbox_id = ?1", error)))
    return 0;

  sqlite3_bind_int64 (run, 1, sent->outbox_id);
  sqlite3_bind_text (run, 2, sent->poll_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (posts, 1, sent->outbox_id);
  sqlite3_bind_text (posts, 2, sent->status_uri, -1, SQLITE_STATIC);

  if (!_chorus_sql_step_done (db, run, "sent poll", error) || !_chorus_sql_step_done (db, posts, "sent poll", error))
    return 0;

  return sent->outbox_id;
}

/**
 * chorus_store_record_mastodon_poll_sent:
 * @self: a #ChorusStore
 * @outbox_id: the outbox item that posted a poll
 * @poll_id: (nullable): the poll's id on its server (for a Discourse
 *   poll, the id of the post that carries it)
 * @status_uri: (nullable): the status that carries it, already stored
 * @error: a location for a #GError
 *
 * Links the item's run to what the server made of it: the run keeps the
 * poll's id, which the sync reads the votes of, and each of its variants
 * the post. Doing it again changes nothing, so a send repeated after a
 * crash records the same. Blocking.
 *
 * Returns: %FALSE with @error set
 */
gboolean
chorus_store_record_mastodon_poll_sent (ChorusStore  *self,
                                        gint64        outbox_id,
                                        const char   *poll_id,
                                        const char   *status_uri,
                                        GError      **error)
{
  Sent sent = { outbox_id, poll_id, status_uri };

  g_return_val_if_fail (CHORUS_IS_STORE (self), FALSE);

  return _chorus_store_write (self, record_write, &sent, error) > 0;
}
