/* chorus-challenge-collect.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-session.h"
#include "chorus-challenge-collect.h"
#include "chorus-challenge-votes-private.h"
#include "chorus-error.h"
#include "chorus-image-format.h"
#include "chorus-secrets.h"
#include "chorus-store-triage-private.h"

/* Co-creation challenges fed by the networks, run by the sync engine
 * after each source's sync.
 *
 * Following: see chorus-challenge-follow.c.
 *
 * Entries: a post of the source becomes an entry of each open challenge
 * whose hashtag it carries (see chorus-hashtag.c) when it was posted
 * within the submission window and has an image; the first image, at full
 * size, is the entry's. The image is downloaded through the media cache
 * (at most CHORUS_ENTRY_IMAGE_MAX_BYTES; only JPEG, PNG, GIF and WebP, told
 * by their first bytes; written to a temporary file and renamed, under
 * its SHA-256), measured from its header in a worker, and only then is
 * the entry written, moderation pending, submitted when the post was. So
 * an entry always has its image (submissions.image_sha256 is never
 * empty). A post whose image could not be stored waits in pending_entries
 * with the reason: tried again at the next sync after a failure that may
 * pass (a 5xx, a dropped connection), never again after a refusal (too
 * large, not an image, gone) unless its post names another image. A post
 * is one entry however often it is read or edited (the
 * submissions_origin_post index).
 *
 * Votes: during a challenge's voting window (both ends included), the
 * likes and boosts of each entry that came from a post of this source and
 * is not rejected, read from the source's server (chorus-challenge-votes.c)
 * with its sign-in when it has one (Bluesky: the account's PDS, with a
 * session renewed for it), and for a Mastodon post from another server,
 * from that server's public API too (chorus-challenge-votes-origin.c).
 * At most MAX_TARGETS entries a sync, those read least recently first.
 * Each voter becomes an identity, as a post's author does, and one vote
 * per kind; a vote withdrawn is removed at the next read of every page.
 * Mastodon does not say when someone voted: cast_at is when a sync first
 * saw the vote, so a like given before voting opened and still there
 * counts from the first read. Bluesky says when a like was made: a like
 * made outside the voting window does not count and is not kept; a
 * repost, undated, is dated when seen, as on Mastodon.
 *
 * Scores: on a "score5" challenge, the direct replies to each such entry's
 * post that give a score ("5/5", "4 stars", "★★★★"), read after its likes
 * and boosts (chorus-challenge-votes-replies.c): a "reply_score" vote per
 * person, their latest reply with a score, dated when the reply was last
 * written, which counts only within the voting window as a Bluesky like;
 * a reply deleted or edited to say no score withdraws it at the next
 * complete read. Replies whose scores disagree or go beyond their scale
 * do not count, and the entry's vote_reads notice says how many. A
 * "support" challenge does not read replies: it ranks by support, and a
 * score says more than support ("1/5" is not support). The entry's author
 * scoring their own entry is stored, and flagged by the ranking
 * (chorus-integrity.c).
 *
 * Polls: on a forum's source, the public polls of posts that carry an
 * open challenge's hashtag, whose options name entries by their titles
 * (chorus-challenge-polls.c); each voter's choice is a "poll" vote, read
 * and withdrawn as a like is, per poll. Feeds' entries are collected,
 * without votes.
 *
 * Failures: the first one ends the run and is the run's error, which the
 * engine records as the source's health; what was stored stays, and an
 * entry whose image failed does not stop the others. */

#define MAX_TARGETS 50

typedef struct
{
  ChorusStore            *store;
  ChorusHttp             *http;
  ChorusMediaCache       *cache;
  ChorusSource           *source;
  const ChorusVoteReader *reader;
  char                   *base;            /* where votes are read: the server, or Bluesky's PDS */
  char                   *authorization;   /* "Bearer <token>" or a forum's key, wiped when freed, or NULL */
  ChorusBlueskyLogin     *login;           /* a Bluesky source's, once votes are read */
  gint64                  now;
  GPtrArray              *candidates;      /* ChorusEntryCandidate */
  GPtrArray              *targets;         /* ChorusVoteTarget */
  GPtrArray              *poll_posts;      /* ChorusPollPost, on a forum */
  guint                   next_candidate;
  guint                   next_target;
  ChorusVoteKind          next_kind;
  GError                 *entry_failure;   /* the first image that could not be stored */
  guint                   entries_failed;
  ChorusCollectResult     result;
} Collect;

static void
collect_free (Collect *collect)
{
  g_clear_object (&collect->store);
  g_clear_object (&collect->http);
  g_clear_object (&collect->cache);
  g_clear_object (&collect->source);
  g_free (collect->base);
  chorus_secrets_free (collect->authorization);
  g_clear_pointer (&collect->login, chorus_bluesky_login_free);
  g_clear_pointer (&collect->candidates, g_ptr_array_unref);
  g_clear_pointer (&collect->targets, g_ptr_array_unref);
  g_clear_pointer (&collect->poll_posts, g_ptr_array_unref);
  g_clear_error (&collect->entry_failure);
  g_free (collect);
}

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void next_entry (GTask *task);
static void next_vote  (GTask *task);

/* The end: the first image's failure, if any, is the run's error. */
static void
finish (GTask *task)
{
  Collect *collect = g_task_get_task_data (task);
  guint n = collect->entries_failed;

  if (collect->entry_failure == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  return_error (task, g_error_new (CHORUS_ERROR, CHORUS_ERROR_FAILED,
                                   /* Translators: %u is a number of entries, %s why the first failed. */
                                   g_dngettext (GETTEXT_PACKAGE, "%u challenge entry could not be collected; the reason: %s",
                                                "%u challenge entries could not be collected; the first reason: %s", n),
                                   n, collect->entry_failure->message));
}

/* Steps: work for a worker, then what follows on the main thread. */

typedef gboolean (*StepWork) (Collect   *collect,
                              gpointer   data,
                              GError   **error);
typedef void     (*StepNext) (GTask     *task,
                              gpointer   data);

typedef struct
{
  Collect        *collect;
  StepWork        work;
  StepNext        next;
  gpointer        data;
  GDestroyNotify  data_free;
} Step;

static void
step_free (Step *step)
{
  if (step->data_free != NULL)
    step->data_free (step->data);
  g_free (step);
}

static void
step_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Step *step = task_data;
  GError *error = NULL;

  if (!step->work (step->collect, step->data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_step_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Step *step = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return_error (task, error);
  else
    step->next (task, step->data);
}

/* Runs @work with @data (taken) in a worker, then @next, unless @work
 * failed, which ends the run. */
static void
run_step (GTask          *task,
          StepWork        work,
          gpointer        data,
          GDestroyNotify  data_free,
          StepNext        next)
{
  Collect *collect = g_task_get_task_data (task);
  g_autoptr(GTask) worker = g_task_new (collect->store, g_task_get_cancellable (task), on_step_done_cb, task);
  Step *step = g_new0 (Step, 1);

  step->collect = collect;
  step->work = work;
  step->next = next;
  step->data = data;
  step->data_free = data_free;
  g_task_set_source_tag (worker, run_step);
  g_task_set_task_data (worker, step, (GDestroyNotify) step_free);
  g_task_run_in_thread (worker, step_worker);
}

/* Votes */

static gboolean
store_votes (Collect   *collect,
             gpointer   read,
             GError   **error)
{
  return _chorus_store_write (collect->store, _chorus_collect_store_votes, read, error) != 0;
}

static void
votes_stored (GTask    *task,
              gpointer  data)
{
  Collect *collect = g_task_get_task_data (task);
  ChorusVoteRead *read = data;

  collect->result.votes_added += read->added;
  collect->result.votes_removed += read->removed;
  if (read->last || read->kind == CHORUS_VOTE_POLL)
    {
      collect->next_target++;
      collect->next_kind = CHORUS_VOTE_LIKE;
    }
  else
    collect->next_kind = read->kind + 1;

  next_vote (task);
}

static void
on_votes_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  GError *error = NULL;
  ChorusVoteRead *read;

  if (!(read = _chorus_votes_read_finish (result, &error)))
    {
      return_error (task, error);
      return;
    }

  /* Likes, reposts, then, where scores count, replies; a post gone is
   * gone for all of them. A poll is not the entry's post: its read is not
   * the entry's (vote_reads). */
  read->last = read->kind != CHORUS_VOTE_POLL &&
               (read->kind == (read->target->scored ? CHORUS_VOTE_REPLY_SCORE : CHORUS_VOTE_REPOST) ||
                read->notice != NULL);
  if (read->notice == NULL)
    read->notice = _chorus_vote_read_dup_reply_notice (read);
  read->now = collect->now;
  run_step (task, store_votes, read, (GDestroyNotify) _chorus_vote_read_free, votes_stored);
}

/* The sign-in's headers, in @headers, or NULL without one: a forum's
 * key and account, or a bearer token. */
static const char * const *
fill_headers (Collect    *collect,
              const char *headers[5])
{
  const char *account = chorus_source_get_account (collect->source);

  if (collect->authorization == NULL)
    return NULL;

  headers[0] = "Authorization";
  headers[1] = collect->authorization;
  headers[2] = headers[3] = headers[4] = NULL;
  if (g_str_equal (collect->reader->network, "discourse"))
    {
      headers[0] = "Api-Key";
      headers[2] = account != NULL ? "Api-Username" : NULL;
      headers[3] = account;
    }

  return headers;
}

static void
next_vote (GTask *task)
{
  Collect *collect = g_task_get_task_data (task);
  const char *headers[5];
  ChorusVoteTarget *target;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      return_error (task, error);
      return;
    }

  if (collect->next_target >= collect->targets->len)
    {
      finish (task);
      return;
    }

  target = g_ptr_array_index (collect->targets, collect->next_target);
  _chorus_votes_read_async (collect->http, collect->reader, collect->base, fill_headers (collect, headers), target,
                            target->option_id != NULL ? CHORUS_VOTE_POLL : collect->next_kind,
                            g_task_get_cancellable (task), on_votes_read_cb, task);
}

static void
on_poll_targets_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(collect->targets = _chorus_poll_targets_read_finish (result, &error)))
    {
      return_error (task, error);
      return;
    }

  next_vote (task);
}

/* Signed in, when the source can: a forum's polls first, then the votes. */
static void
signed_in (GTask *task)
{
  Collect *collect = g_task_get_task_data (task);
  const char *headers[5];

  if (collect->targets != NULL)
    {
      next_vote (task);
      return;
    }

  _chorus_poll_targets_read_async (collect->http, collect->base, fill_headers (collect, headers), collect->poll_posts,
                                   g_task_get_cancellable (task), on_poll_targets_cb, task);
}

static void
set_authorization (Collect    *collect,
                   const char *token)
{
  gboolean forum = g_str_equal (collect->reader->network, "discourse");

  chorus_secrets_free (collect->authorization);
  collect->authorization = g_strconcat (forum ? "" : "Bearer ", token, NULL);
}

static void
on_token_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token;

  /* Who voted on a public post is public: without the sign-in (the
   * connector has just said why), read anyway. */
  if ((token = chorus_secrets_lookup_finish (result, &error)) != NULL)
    set_authorization (collect, token);
  else
    g_debug ("Reading a challenge's votes without signing in: %s", error->message);
  chorus_secrets_free (token);

  signed_in (task);
}

static void
on_bluesky_signed_in_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  GError *error = NULL;

  if (!chorus_bluesky_login_open_finish (collect->login, result, &error))
    {
      return_error (task, error);
      return;
    }

  g_free (collect->base);
  collect->base = g_strdup (chorus_bluesky_login_get_pds (collect->login));
  set_authorization (collect, chorus_bluesky_login_get_access_token (collect->login));
  next_vote (task);
}

/* Signs in where the source can, then reads. */
static void
sign_in (GTask *task)
{
  Collect *collect = g_task_get_task_data (task);
  ChorusSource *source = collect->source;
  gboolean forum = g_str_equal (collect->reader->network, "discourse");

  if (g_str_equal (collect->reader->network, "bluesky"))
    {
      /* Bluesky's votes are read from the account's PDS, signed in: a
       * session of its own, renewed with the token the connector kept. */
      collect->login = chorus_bluesky_login_new (collect->http, source);
      chorus_bluesky_login_open_async (collect->login, g_task_get_cancellable (task), on_bluesky_signed_in_cb, task);
    }
  else if (chorus_source_get_account (source) == NULL && chorus_source_get_secret_env (source) == NULL)
    signed_in (task);
  else
    chorus_secrets_lookup_async (chorus_source_get_network (source), chorus_source_get_server_url (source),
                                 chorus_source_get_account (source),
                                 forum ? CHORUS_SECRET_KIND_API_KEY : CHORUS_SECRET_KIND_TOKEN,
                                 chorus_source_get_secret_env (source), g_task_get_cancellable (task),
                                 on_token_cb, task);
}

static void
targets_listed (GTask    *task,
                gpointer  data)
{
  Collect *collect = g_task_get_task_data (task);
  GPtrArray *listed = collect->poll_posts != NULL ? collect->poll_posts : collect->targets;

  if (listed->len == 0)
    finish (task);
  else
    sign_in (task);
}

/* The entries whose votes are read, or on a forum, the posts whose polls
 * vote. */
static gboolean
list_targets (Collect   *collect,
              gpointer   data,
              GError   **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (collect->store);
  gint64 source_id = chorus_source_get_id (collect->source);

  if (g_str_equal (collect->reader->network, "discourse"))
    return (collect->poll_posts = _chorus_collect_list_poll_posts (connection->db, source_id, collect->now,
                                                                   error)) != NULL;

  collect->targets = _chorus_collect_list_targets (connection->db, source_id, collect->now, MAX_TARGETS, error);
  return collect->targets != NULL;
}

/* Once the entries are in, those of this source that are being voted on. */
static void
start_votes (GTask *task)
{
  Collect *collect = g_task_get_task_data (task);

  if (collect->reader == NULL)
    finish (task);
  else
    run_step (task, list_targets, NULL, NULL, targets_listed);
}

/* Entries */

/* Whether an image's download failed for good: it would fail again. */
static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

/* The stored image's SHA-256 and type, from its name in the media folder
 * ("<sha256>.<extension>"), and its size, from its header. */
static void
measure (ChorusEntryImage *image,
         const char       *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  const ChorusImageFormat *format;
  char *dot = strchr (name, '.');
  gsize length;

  if (dot == NULL || !(format = chorus_image_format_for_extension (dot + 1)))
    {
      image->notice = g_strdup (_("The image is not one Chorus keeps."));
      image->refused = TRUE;
      return;
    }

  *dot = '\0';
  image->sha256 = g_strdup (name);
  image->mime_type = format->mime_type;

  /* The size is a courtesy: an image whose header Chorus cannot read is
   * kept without one. */
  if (g_file_get_contents (path, &contents, &length, NULL) &&
      !chorus_image_format_read_size (format, (const guint8 *) contents, length, &image->width, &image->height))
    image->width = image->height = 0;
}

typedef struct
{
  ChorusEntryImage *image;
  char             *path;       /* or NULL when the download failed */
} EntryJob;

static void
entry_job_free (EntryJob *job)
{
  _chorus_entry_image_free (job->image);
  g_free (job->path);
  g_free (job);
}

static gboolean
store_entry (Collect   *collect,
             gpointer   data,
             GError   **error)
{
  EntryJob *job = data;

  if (job->path != NULL)
    measure (job->image, job->path);

  return _chorus_store_write (collect->store, _chorus_collect_store_entry, job->image, error) != 0;
}

static void
entry_stored (GTask    *task,
              gpointer  data)
{
  Collect *collect = g_task_get_task_data (task);
  EntryJob *job = data;

  if (job->image->submission_id > 0)
    collect->result.entries_added++;

  if (job->image->sha256 == NULL)
    {
      collect->result.entries_waiting++;
      collect->entries_failed++;
      if (collect->entry_failure == NULL)
        collect->entry_failure = g_error_new_literal (CHORUS_ERROR, CHORUS_ERROR_FAILED, job->image->notice);
    }

  collect->next_candidate++;
  next_entry (task);
}

static void
on_image_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Collect *collect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  EntryJob *job = g_new0 (EntryJob, 1);

  job->image = g_new0 (ChorusEntryImage, 1);
  job->image->candidate = g_ptr_array_index (collect->candidates, collect->next_candidate);
  job->path = chorus_media_cache_fetch_finish (CHORUS_MEDIA_CACHE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      entry_job_free (job);
      return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->path == NULL)
    {
      job->image->refused = is_refusal (error);
      job->image->notice = g_strdup (error->message);
    }

  run_step (task, store_entry, job, (GDestroyNotify) entry_job_free, entry_stored);
}

static void
next_entry (GTask *task)
{
  Collect *collect = g_task_get_task_data (task);
  ChorusEntryCandidate *candidate;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      return_error (task, error);
      return;
    }

  if (collect->next_candidate >= collect->candidates->len)
    {
      start_votes (task);
      return;
    }

  candidate = g_ptr_array_index (collect->candidates, collect->next_candidate);
  chorus_media_cache_fetch_async (collect->cache, candidate->image_url, CHORUS_ENTRY_IMAGE_MAX_BYTES,
                                  g_task_get_cancellable (task), on_image_cb, task);
}

static void
candidates_listed (GTask    *task,
                   gpointer  data)
{
  next_entry (task);
}

static gboolean
list_candidates (Collect   *collect,
                 gpointer   data,
                 GError   **error)
{
  g_autoptr(ChorusStoreConnection) connection = _chorus_store_connection_new (collect->store);

  collect->candidates = _chorus_collect_list_candidates (connection->db, chorus_source_get_id (collect->source),
                                                         collect->now, error);
  return collect->candidates != NULL;
}

/**
 * chorus_challenge_collect_async:
 * @store: the workspace
 * @http: the HTTP client
 * @cache: where entries' images are downloaded to
 * @source: the source just synced
 * @cancellable: (nullable): stops between steps
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Collects the challenges' entries among @source's posts and reads the
 * votes on them, as described at the top of this file.
 */
void
chorus_challenge_collect_async (ChorusStore         *store,
                                ChorusHttp          *http,
                                ChorusMediaCache    *cache,
                                ChorusSource        *source,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  Collect *collect;

  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (CHORUS_IS_HTTP (http));
  g_return_if_fail (CHORUS_IS_MEDIA_CACHE (cache));
  g_return_if_fail (CHORUS_IS_SOURCE (source));

  collect = g_new0 (Collect, 1);
  collect->store = g_object_ref (store);
  collect->http = g_object_ref (http);
  collect->cache = g_object_ref (cache);
  collect->source = g_object_ref (source);
  collect->reader = _chorus_vote_reader_for (chorus_source_get_network (source));
  collect->base = g_strstrip (g_strdup (chorus_source_get_server_url (source)));
  if (g_str_has_suffix (collect->base, "/"))
    collect->base[strlen (collect->base) - 1] = '\0';
  collect->now = g_get_real_time () / G_USEC_PER_SEC;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_challenge_collect_async);
  g_task_set_task_data (task, collect, (GDestroyNotify) collect_free);
  run_step (task, list_candidates, NULL, NULL, candidates_listed);
}

/**
 * chorus_challenge_collect_finish:
 * @result: the result
 * @collected: (out caller-allocates) (optional): what the run did, even
 *   when it failed part of the way
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set, in words for a person
 */
gboolean
chorus_challenge_collect_finish (GAsyncResult         *result,
                                 ChorusCollectResult  *collected,
                                 GError              **error)
{
  Collect *collect;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  collect = g_task_get_task_data (G_TASK (result));
  if (collected != NULL)
    *collected = collect->result;

  return g_task_propagate_boolean (G_TASK (result), error);
}
