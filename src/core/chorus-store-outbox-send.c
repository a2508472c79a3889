/* chorus-store-outbox-send.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-parse-json-private.h"
#include "chorus-pretest-mastodon.h"
#include "chorus-pretest-variants.h"
#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-store-sources.h"
#include "chorus-store-triage-private.h"

/* The outbox's rows as the sender sees them (see chorus-outbox-sender.c):
 * what each source has to send, in order; the claim, a committed
 * transaction that marks an item 'sending' with one more attempt before
 * anything leaves for the network; and what each attempt came to. An item
 * with attempts behind it may already be on the network, and is resent
 * only in ways that cannot make a second copy. */

#define PENDING_KINDS "('reply', 'like', 'repost', 'poll', 'post')"
/* A queued item waits for its time; one found 'sending' was interrupted
 * after its time had come. */
#define IS_DUE(o) "(" o "state = 'sending' OR " o "not_before IS NULL OR " o "not_before <= ?2)"
/* A pre-test's post waits while its run is paused; one found 'sending'
 * was interrupted and is finished whatever the run's state. */
#define IS_HELD(o) \
  "(" o "state = 'queued' AND EXISTS (SELECT 1 FROM run_posts rp JOIN pretest_runs r ON r.id = rp.run_id" \
  " WHERE rp.outbox_id = " o "id AND r.state <> 'running'))"
#define FRESH_RECORD_SECONDS (5 * 60)

void
_chorus_outbox_job_free (ChorusOutboxJob *job)
{
  if (job == NULL)
    return;

  g_free (job->body);
  g_free (job->idempotency_key);
  g_clear_pointer (&job->payload, json_object_unref);
  g_clear_pointer (&job->image, g_bytes_unref);
  g_clear_pointer (&job->image_info, chorus_media_info_free);
  g_free (job);
}

/* A payload member, or NULL. */
const char *
_chorus_outbox_job_get_string (ChorusOutboxJob *job,
                               const char      *member)
{
  return _chorus_json_get_string (job->payload, member);
}

gint64
_chorus_outbox_job_get_int (ChorusOutboxJob *job,
                            const char      *member)
{
  return _chorus_json_get_int (job->payload, member, 0);
}

/* Whether an earlier attempt may have reached the network: then it may
 * only be sent again in a way that cannot make a second copy. */
gboolean
_chorus_outbox_job_may_have_gone (ChorusOutboxJob *job)
{
  return job->attempts > 1;
}

/**
 * _chorus_outbox_job_load_image:
 * @job: an item about to be sent
 * @store: its workspace
 * @error: a location for a #GError
 *
 * Reads the item's image, when it has one, from the media folder: at
 * send time, so that a file restored after a failure goes out on Retry.
 * Blocking: a worker's job.
 *
 * Returns: %FALSE with @error set in words a person can act on (the file
 *   is gone, or is no longer the image that was added)
 */
gboolean
_chorus_outbox_job_load_image (ChorusOutboxJob  *job,
                               ChorusStore      *store,
                               GError          **error)
{
  JsonObject *image = _chorus_json_get_object (job->payload, "image");

  g_clear_pointer (&job->image, g_bytes_unref);
  g_clear_pointer (&job->image_info, chorus_media_info_free);
  if (image == NULL)
    return TRUE;

  job->image = chorus_media_load (store, _chorus_json_get_string (image, "sha256"),
                                  _chorus_json_get_string (image, "type"), &job->image_info, error);
  return job->image != NULL;
}

/* The image's alt text, or NULL. */
const char *
_chorus_outbox_job_get_image_alt (ChorusOutboxJob *job)
{
  return _chorus_json_get_string (_chorus_json_get_object (job->payload, "image"), "alt");
}

static JsonObject *
parse_payload (const char *text)
{
  g_autoptr(JsonNode) root = text != NULL ? _chorus_json_load (text, -1, NULL) : NULL;
  JsonObject *object = _chorus_json_object (root);

  return object != NULL ? json_object_ref (object) : json_object_new ();
}

/**
 * _chorus_store_outbox_pending_sources:
 * @self: a #ChorusStore
 * @only_source: a source, or 0 for all
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the sources with
 *   replies, likes, reposts, polls or posts to send now (see
 *   chorus_store_next_outbox_due() for those that wait), the one waiting
 *   longest first
 */
GArray *
_chorus_store_outbox_pending_sources (ChorusStore  *self,
                                      gint64        only_source,
                                      GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "SELECT source_id FROM outbox WHERE state IN ('queued', 'sending')"
                                    " AND kind IN " PENDING_KINDS " AND (?1 = 0 OR source_id = ?1)"
                                    " AND " IS_DUE ("") " AND NOT " IS_HELD ("outbox.") " GROUP BY source_id ORDER BY min (id)",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, only_source);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (sources, id);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, connection->db, "outbox sources");
      return NULL;
    }

  return g_steal_pointer (&sources);
}

/**
 * _chorus_store_outbox_pending_jobs:
 * @self: a #ChorusStore
 * @source_id: a source
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type ChorusOutboxJob): what @source_id
 *   has to send, in the order it was queued; those found 'sending' were
 *   interrupted
 */
GPtrArray *
_chorus_store_outbox_pending_jobs (ChorusStore  *self,
                                   gint64        source_id,
                                   GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_outbox_job_free);
  int rc;

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "SELECT o.id, o.kind, o.body, o.idempotency_key, o.payload, o.attempts,"
                                    "  o.created_at, coalesce (p.conversation_id, 0)"
                                    " FROM outbox o LEFT JOIN posts p ON p.id = o.target_post_id"
                                    " WHERE o.source_id = ?1 AND o.state IN ('queued', 'sending')"
                                    "  AND o.kind IN " PENDING_KINDS " AND " IS_DUE ("o.") " AND NOT " IS_HELD ("o.")
                                    " ORDER BY o.id",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ChorusOutboxJob *job = g_new0 (ChorusOutboxJob, 1);

      job->id = sqlite3_column_int64 (stmt, 0);
      job->source_id = source_id;
      job->kind = chorus_outbox_kind_from_string ((const char *) sqlite3_column_text (stmt, 1));
      job->body = _chorus_sql_dup_text (stmt, 2);
      job->idempotency_key = _chorus_sql_dup_text (stmt, 3);
      job->payload = parse_payload ((const char *) sqlite3_column_text (stmt, 4));
      job->attempts = (guint) sqlite3_column_int (stmt, 5);
      job->created_at = sqlite3_column_int64 (stmt, 6);
      job->conversation_id = sqlite3_column_int64 (stmt, 7);
      if (job->conversation_id == 0)
        job->conversation_id = _chorus_outbox_job_get_int (job, "conversation_id");
      g_ptr_array_add (jobs, job);
    }

  if (rc != SQLITE_DONE)
    {
      _chorus_set_sqlite_error (error, connection->db, "outbox jobs");
      return NULL;
    }

  return g_steal_pointer (&jobs);
}

/* Keeps every text an attempt carries, for Discourse's check before a
 * resend; an item never tried whose Bluesky record time has grown old
 * gets a new key and time (nothing can have reached the network yet). */
static void
prepare_payload (ChorusOutboxJob *job,
                 guint            attempts_before,
                 gint64           now)
{
  JsonArray *bodies = _chorus_json_get_array (job->payload, "sent_bodies");
  gboolean known = FALSE;

  if (attempts_before == 0 && _chorus_outbox_job_get_string (job, "rkey") != NULL &&
      now - _chorus_outbox_job_get_int (job, "created_at") > FRESH_RECORD_SECONDS)
    {
      g_autofree char *rkey = _chorus_outbox_new_tid (now * G_USEC_PER_SEC);

      json_object_set_string_member (job->payload, "rkey", rkey);
      json_object_set_int_member (job->payload, "created_at", now);
    }

  if (job->body == NULL)
    return;

  if (bodies == NULL)
    {
      bodies = json_array_new ();
      json_object_set_array_member (job->payload, "sent_bodies", bodies);
    }

  for (guint i = 0; i < json_array_get_length (bodies); i++)
    known |= g_strcmp0 (json_array_get_string_element (bodies, i), job->body) == 0;
  if (!known)
    json_array_add_string_element (bodies, job->body);
}

static gboolean
read_claimable (sqlite3          *db,
                ChorusOutboxJob  *job,
                guint            *attempts,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "SELECT body, payload, attempts FROM outbox"
                                    " WHERE id = ?1 AND state IN ('queued', 'sending')"
                                    " AND NOT " IS_HELD ("outbox."), error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, job->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND, "outbox item %" G_GINT64_FORMAT " was taken",
                   job->id);
      return FALSE;
    }

  g_free (job->body);
  job->body = _chorus_sql_dup_text (stmt, 0);
  g_clear_pointer (&job->payload, json_object_unref);
  job->payload = parse_payload ((const char *) sqlite3_column_text (stmt, 1));
  *attempts = (guint) sqlite3_column_int (stmt, 2);
  return TRUE;
}

typedef struct
{
  ChorusOutboxJob *job;
  gint64           now;
} Claim;

static gint64
claim_write (sqlite3  *db,
             gpointer  data,
             GArray   *changed,
             GError  **error)
{
  Claim *claim = data;
  ChorusOutboxJob *job = claim->job;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *payload = NULL;
  guint attempts;

  if (!read_claimable (db, job, &attempts, error))
    return 0;

  prepare_payload (job, attempts, claim->now);
  node = json_node_init_object (json_node_alloc (), job->payload);
  payload = json_to_string (node, FALSE);

  if (!(stmt = _chorus_sql_prepare (db, "UPDATE outbox SET state = 'sending', attempts = attempts + 1,"
                                    "  payload = ?2 WHERE id = ?1", error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_text (stmt, 2, payload, -1, SQLITE_STATIC);
  if (!_chorus_sql_step_done (db, stmt, "claim", error))
    return 0;

  job->attempts = attempts + 1;
  return job->id;
}

/**
 * _chorus_store_outbox_claim:
 * @self: a #ChorusStore
 * @job: an item to send, updated with its text and payload as they are now
 * @now: the time, in Unix seconds
 * @error: a location for a #GError
 *
 * Marks @job 'sending' with one more attempt, committed before it
 * returns: from then on it may be on the network.
 *
 * Returns: %FALSE with @error set (%CHORUS_ERROR_NOT_FOUND when the item
 *   was cancelled or is no longer waiting)
 */
gboolean
_chorus_store_outbox_claim (ChorusStore      *self,
                            ChorusOutboxJob  *job,
                            gint64            now,
                            GError          **error)
{
  Claim claim = { job, now };

  return _chorus_store_write (self, claim_write, &claim, error) > 0;
}

/**
 * _chorus_store_outbox_settle:
 * @self: a #ChorusStore
 * @id: an item the sender claimed
 * @state: sent, failed, or queued (to try again)
 * @remote_uri: (nullable): what the network made of it, once sent
 * @last_error: (nullable): why it was not sent
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set
 */
gboolean
_chorus_store_outbox_settle (ChorusStore        *self,
                             gint64              id,
                             ChorusOutboxState   state,
                             const char         *remote_uri,
                             const char         *last_error,
                             GError            **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (connection->db,
                                    "UPDATE outbox SET state = ?2, remote_uri = coalesce (?3, remote_uri),"
                                    "  last_error = ?4,"
                                    "  sent_at = CASE WHEN ?2 = 'sent' THEN strftime ('%s', 'now') END"
                                    " WHERE id = ?1 AND state IN ('sending', 'queued')",
                                    error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, chorus_outbox_state_to_string (state), -1, SQLITE_STATIC);
  if (remote_uri != NULL)
    sqlite3_bind_text (stmt, 3, remote_uri, -1, SQLITE_STATIC);
  if (last_error != NULL)
    sqlite3_bind_text (stmt, 4, last_error, -1, SQLITE_STATIC);

  return _chorus_sql_step_done (connection->db, stmt, "settle", error);
}

/**
 * _chorus_store_outbox_note_failure:
 * @self: a #ChorusStore
 * @source_id: a source that could not be signed in
 * @jobs: (element-type ChorusOutboxJob): its queue
 * @failure: why
 * @error: a location for a #GError
 *
 * The source keeps its queue; each item says why it waits, and a refused
 * sign-in shows on the source too.
 *
 * Returns: %FALSE with @error set
 */
gboolean
_chorus_store_outbox_note_failure (ChorusStore   *self,
                                   gint64         source_id,
                                   GPtrArray     *jobs,
                                   const GError  *failure,
                                   GError       **error)
{
  for (guint i = 0; i < jobs->len; i++)
    {
      ChorusOutboxJob *job = g_ptr_array_index (jobs, i);

      if (!_chorus_store_outbox_settle (self, job->id, CHORUS_OUTBOX_STATE_QUEUED, NULL, failure->message, error))
        return FALSE;
    }

  return !g_error_matches (failure, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN) ||
         chorus_store_record_sync (self, source_id, failure, error);
}

/**
 * _chorus_store_outbox_record:
 * @self: a #ChorusStore
 * @job: the item the sender claimed
 * @result: what sending it came to; its post is taken
 * @error: a location for a #GError
 *
 * Settles @job. A reply or a poll goes into the workspace as the brand's
 * own post before the item is marked sent, and a poll's run learns the
 * poll's id: a crash in between resends it, which finds the same post
 * again. A refused sign-in shows on the source.
 *
 * Returns: %FALSE with @error set
 */
gboolean
_chorus_store_outbox_record (ChorusStore         *self,
                             ChorusOutboxJob     *job,
                             ChorusOutboxResult  *result,
                             GError             **error)
{
  GError *why = result->error;
  g_autoptr(GError) not_stored = NULL;
  g_autofree char *poll_id = NULL;
  g_autofree char *post_uri = NULL;
  g_autofree char *post_id = NULL;

  if (job->kind == CHORUS_OUTBOX_KIND_POLL && result->post != NULL)
    {
      /* Mastodon reads a poll by its own id, Discourse by its post's (a
       * poll Chorus posts there is always named "poll"). */
      if (g_strcmp0 (result->post->network, "discourse") == 0)
        poll_id = g_strdup (result->post->remote_id);
      else
        poll_id = result->post->poll != NULL ? g_strdup (result->post->poll->remote_id) : NULL;
      post_uri = g_strdup (result->post->uri);
    }

  /* A variant post is known by its status id on Mastodon, its URI on Bluesky. */
  if (job->kind == CHORUS_OUTBOX_KIND_POST && result->post != NULL)
    {
      post_uri = g_strdup (result->post->uri);
      post_id = g_strdup (g_strcmp0 (result->post->network, "bluesky") == 0 ? result->post->uri
                                                                              : result->post->remote_id);
    }

  if (result->post != NULL)
    {
      g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();

      g_ptr_array_add (posts, g_steal_pointer (&result->post));
      if (!chorus_store_ingest (self, job->source_id, posts, NULL, &not_stored))
        g_debug ("The sent reply %" G_GINT64_FORMAT " was not stored: %s", job->id, not_stored->message);
    }

  if (job->kind == CHORUS_OUTBOX_KIND_POLL && result->outcome == CHORUS_OUTBOX_SENT &&
      !chorus_store_record_mastodon_poll_sent (self, job->id, poll_id, post_uri, error))
    return FALSE;

  if (job->kind == CHORUS_OUTBOX_KIND_POST && result->outcome == CHORUS_OUTBOX_SENT &&
      !chorus_store_record_variant_post_sent (self, job->id, post_id, post_uri, result->followers, error))
    return FALSE;

  if (g_error_matches (why, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN) &&
      !chorus_store_record_sync (self, job->source_id, why, error))
    return FALSE;

  return _chorus_store_outbox_settle (self, job->id, _chorus_outbox_result_state (result), result->remote_uri,
                                      why != NULL && !g_error_matches (why, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                        ? why->message : NULL,
                                      error);
}

/**
 * chorus_store_next_outbox_due:
 * @self: a #ChorusStore
 * @error: a location for a #GError
 *
 * When the next item that waits for its time (a pre-test's scheduled
 * post) may be sent, so that the application can flush the outbox then.
 * Blocking, but quick.
 *
 * Returns: the earliest time, in Unix seconds, among queued items that
 *   have one (it may be past), or 0 when none waits, or with @error set
 */
gint64
chorus_store_next_outbox_due (ChorusStore  *self,
                              GError      **error)
{
  g_autoptr(ChorusStoreConnection) connection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CHORUS_IS_STORE (self), 0);

  connection = _chorus_store_connection_new (self);
  if (!(stmt = _chorus_sql_prepare (connection->db, "SELECT coalesce (min (not_before), 0) FROM outbox"
                                    " WHERE state = 'queued' AND not_before IS NOT NULL"
                                    " AND NOT " IS_HELD ("outbox."), error)))
    return 0;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, connection->db, "next outbox item");
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}
