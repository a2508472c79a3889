/* chorus-outbox-sender.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-outbox-private.h"
#include "chorus-outbox-sender.h"
#include "chorus-store-sources.h"

/* Sends what the outbox holds, source by source, one item at a time in
 * the order they were queued, so that a thread reads as it was written.
 *
 * Each item is claimed ('sending', one more attempt, committed) before
 * its network's module sends it, then settled: 'sent' (a reply stored
 * first as the brand's own post in its thread), 'failed' when the network
 * refused it, or 'queued' again when there was no answer or the server
 * asked to wait; then the rest of that source's queue waits too, in
 * order, as it does after a refused sign-in, which also marks the source.
 *
 * Exactly once: an item claimed before (found 'sending' after a crash, or
 * queued again after a lost answer) may be on the network already; each
 * module resends it only in ways that cannot make a second copy (see
 * chorus-outbox-mastodon.c, -bluesky.c and -discourse.c), and sends are
 * never repeated by the HTTP layer. Flushes asked for while one runs wait
 * their turn.
 *
 * A variant post's image is read from the media folder once its item is
 * claimed; when the file is gone, the item fails saying so, and Retry
 * sends it once the file is back. */

struct _ChorusOutboxSender
{
  GObject       parent_instance;

  ChorusStore  *store;
  ChorusHttp   *http;
  ChorusHttp   *once;
  GQueue        waiting;      /* GTask, flushes asked for while one runs */
  gboolean      sending;
};

G_DEFINE_FINAL_TYPE (ChorusOutboxSender, chorus_outbox_sender, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_HTTP,
  PROP_SENDING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  ITEM_STARTED,
  ITEM_FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  gint64               only_source;
  GArray              *source_ids;
  GPtrArray           *sources;      /* ChorusSource, all of the workspace's */
  guint                next_source;
  ChorusSource        *source;       /* borrowed from sources */
  ChorusOutboxChannel *channel;
  GPtrArray           *jobs;         /* ChorusOutboxJob */
  guint                next_job;
  ChorusOutboxJob     *job;          /* borrowed from jobs */
  ChorusOutboxResult  *result;
  GError              *failure;      /* why the source could not be signed in */
  GError              *unsendable;   /* why the claimed job cannot go out (its image is gone) */
  ChorusOutboxSummary  summary;
} Flush;

static void next_source (GTask *task);
static void next_job    (GTask *task);
static void start_flush (GTask *task);

static void
flush_free (Flush *flush)
{
  g_clear_pointer (&flush->source_ids, g_array_unref);
  g_clear_pointer (&flush->sources, g_ptr_array_unref);
  g_clear_pointer (&flush->channel, _chorus_outbox_channel_free);
  g_clear_pointer (&flush->jobs, g_ptr_array_unref);
  g_clear_pointer (&flush->result, _chorus_outbox_result_free);
  g_clear_error (&flush->failure);
  g_clear_error (&flush->unsendable);
  g_free (flush);
}

static void
set_sending (ChorusOutboxSender *self,
             gboolean            sending)
{
  if (self->sending == sending)
    return;

  self->sending = sending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDING]);
}

/* Ends the flush, and starts the next one asked for. */
static void
finish (GTask  *task,
        GError *error)
{
  g_autoptr(ChorusOutboxSender) self = g_object_ref (g_task_get_source_object (task));
  GTask *next = g_queue_pop_head (&self->waiting);

  set_sending (self, FALSE);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);

  /* The callback may have started one already. */
  if (next != NULL && self->sending)
    g_queue_push_head (&self->waiting, next);
  else if (next != NULL)
    start_flush (next);
}

/* Store work, in a worker thread */

typedef gboolean (*StoreStep) (ChorusOutboxSender  *self,
                               Flush               *flush,
                               GError             **error);

typedef struct
{
  StoreStep  step;
  Flush     *flush;
} StepData;

static void
step_thread (GTask        *step_task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  StepData *data = task_data;
  GError *error = NULL;

  if (data->step (source_object, data->flush, &error))
    g_task_return_boolean (step_task, TRUE);
  else
    g_task_return_error (step_task, error);
}

/* Runs @step in a worker, then @done on this thread with @task (taken)
 * as its user data. Store steps are never cancelled: what they record
 * must be recorded. */
static void
run_step (GTask               *task,
          StoreStep            step,
          GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step_task = g_task_new (g_task_get_source_object (task), NULL, done, task);
  StepData *data = g_new0 (StepData, 1);

  data->step = step;
  data->flush = g_task_get_task_data (task);
  g_task_set_task_data (step_task, data, g_free);
  g_task_run_in_thread (step_task, step_thread);
}

static gboolean
load_sources_step (ChorusOutboxSender  *self,
                   Flush               *flush,
                   GError             **error)
{
  return (flush->source_ids = _chorus_store_outbox_pending_sources (self->store, flush->only_source, error)) &&
         (flush->sources = chorus_store_list_sources (self->store, error));
}

static gboolean
load_jobs_step (ChorusOutboxSender  *self,
                Flush               *flush,
                GError             **error)
{
  return (flush->jobs = _chorus_store_outbox_pending_jobs (self->store, chorus_source_get_id (flush->source),
                                                           error)) != NULL;
}

/* An image is read once the item is claimed, as it is then: a file
 * that is gone fails this item, not the flush. */
static gboolean
claim_step (ChorusOutboxSender  *self,
            Flush               *flush,
            GError             **error)
{
  g_clear_error (&flush->unsendable);
  if (!_chorus_store_outbox_claim (self->store, flush->job, g_get_real_time () / G_USEC_PER_SEC, error))
    return FALSE;

  _chorus_outbox_job_load_image (flush->job, self->store, &flush->unsendable);
  return TRUE;
}

static gboolean
note_failure_step (ChorusOutboxSender  *self,
                   Flush               *flush,
                   GError             **error)
{
  return _chorus_store_outbox_note_failure (self->store, chorus_source_get_id (flush->source), flush->jobs,
                                            flush->failure, error);
}

static gboolean
settle_step (ChorusOutboxSender  *self,
             Flush               *flush,
             GError             **error)
{
  return _chorus_store_outbox_record (self->store, flush->job, flush->result, error);
}

/* Last: when the next scheduled item is due, for the caller to flush
 * again then (not knowing fails nothing that was sent). */
static gboolean
due_step (ChorusOutboxSender  *self,
          Flush               *flush,
          GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  flush->summary.next_due = chorus_store_next_outbox_due (self->store, &local_error);
  if (local_error != NULL)
    g_warning ("Could not read when the outbox is next due: %s", local_error->message);

  return TRUE;
}

/* Steps */

static void
emit_finished (GTask             *task,
               ChorusOutboxJob   *job,
               ChorusOutboxState  state,
               const GError      *error)
{
  Flush *flush = g_task_get_task_data (task);
  gboolean pretest = job->kind == CHORUS_OUTBOX_KIND_POLL || job->kind == CHORUS_OUTBOX_KIND_POST;

  switch (state)
    {
    case CHORUS_OUTBOX_STATE_SENT:
      flush->summary.sent++;
      flush->summary.sent_pretest += pretest;
      break;
    case CHORUS_OUTBOX_STATE_FAILED:
      flush->summary.failed++;
      flush->summary.failed_pretest += pretest;
      break;
    case CHORUS_OUTBOX_STATE_QUEUED:
    case CHORUS_OUTBOX_STATE_SENDING:
    case CHORUS_OUTBOX_STATE_CANCELLED:
    default:
      flush->summary.waiting++;
      break;
    }

  g_signal_emit (g_task_get_source_object (task), signals[ITEM_FINISHED], 0, job->id,
                 chorus_outbox_state_to_string (state), error);
}

/* Takes @task. */
static gboolean
step_failed (GTask        *task,
             GAsyncResult *result)
{
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return FALSE;

  finish (task, error);
  return TRUE;
}

static void
on_settled_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Flush *flush = g_task_get_task_data (task);
  ChorusOutboxState state = _chorus_outbox_result_state (flush->result);

  if (step_failed (task, result))
    return;

  emit_finished (task, flush->job, state, flush->result->error);

  /* Later items must not overtake one that waits, and a refused sign-in
   * refuses them all. */
  if (state == CHORUS_OUTBOX_STATE_QUEUED ||
      g_error_matches (flush->result->error, CHORUS_ERROR, CHORUS_ERROR_NEEDS_SIGN_IN))
    {
      flush->summary.waiting += flush->jobs->len - flush->next_job;
      next_source (task);
    }
  else
    next_job (task);
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Flush *flush = g_task_get_task_data (task);

  g_clear_pointer (&flush->result, _chorus_outbox_result_free);
  flush->result = _chorus_outbox_send_finish (result);
  g_clear_pointer (&flush->job->image, g_bytes_unref);
  run_step (task, settle_step, on_settled_cb);
}

static ChorusOutboxSendFunc
find_send_func (ChorusSource *source)
{
  const char *network = chorus_source_get_network (source);

  if (g_str_equal (network, "mastodon"))
    return _chorus_outbox_mastodon_send_async;
  if (g_str_equal (network, "bluesky"))
    return _chorus_outbox_bluesky_send_async;

  return _chorus_outbox_discourse_send_async;
}

static void
on_claimed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Flush *flush = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Cancelled or changed meanwhile: not this flush's any more. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND))
        next_job (task);
      else
        finish (task, g_steal_pointer (&error));
      return;
    }

  g_signal_emit (object, signals[ITEM_STARTED], 0, flush->job->id);
  if (flush->unsendable != NULL)
    {
      g_clear_pointer (&flush->result, _chorus_outbox_result_free);
      flush->result = _chorus_outbox_result_new (CHORUS_OUTBOX_REFUSED, g_steal_pointer (&flush->unsendable));
      run_step (task, settle_step, on_settled_cb);
      return;
    }

  find_send_func (flush->source) (flush->channel, flush->job, g_task_get_cancellable (task), on_sent_cb, task);
}

static void
next_job (GTask *task)
{
  Flush *flush = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      finish (task, error);
      return;
    }

  if (flush->next_job >= flush->jobs->len)
    {
      next_source (task);
      return;
    }

  flush->job = g_ptr_array_index (flush->jobs, flush->next_job++);
  run_step (task, claim_step, on_claimed_cb);
}

static void
on_failure_noted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  Flush *flush = g_task_get_task_data (task);

  if (step_failed (task, result))
    return;

  for (guint i = 0; i < flush->jobs->len; i++)
    emit_finished (task, g_ptr_array_index (flush->jobs, i), CHORUS_OUTBOX_STATE_QUEUED, flush->failure);
  next_source (task);
}

/* Takes @task and @error. */
static void
channel_failed (GTask  *task,
                GError *error)
{
  Flush *flush = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      finish (task, error);
      return;
    }

  g_clear_error (&flush->failure);
  flush->failure = error;
  run_step (task, note_failure_step, on_failure_noted_cb);
}

static void
on_channel_open_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Flush *flush = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(flush->channel = _chorus_outbox_channel_open_finish (result, &error)))
    channel_failed (task, error);
  else
    next_job (task);
}

static void
on_jobs_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ChorusOutboxSender *self = CHORUS_OUTBOX_SENDER (object);
  GTask *task = user_data;
  Flush *flush = g_task_get_task_data (task);

  if (step_failed (task, result))
    return;

  flush->next_job = 0;
  if (flush->jobs->len == 0)
    next_source (task);
  else
    _chorus_outbox_channel_open_async (self->http, self->once, flush->source, g_task_get_cancellable (task),
                                       on_channel_open_cb, task);
}

static ChorusSource *
find_source (Flush  *flush,
             gint64  id)
{
  for (guint i = 0; i < flush->sources->len; i++)
    if (chorus_source_get_id (g_ptr_array_index (flush->sources, i)) == id)
      return g_ptr_array_index (flush->sources, i);

  return NULL;
}

static void
on_due_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;

  if (!step_failed (task, result))
    finish (task, NULL);
}

static void
next_source (GTask *task)
{
  Flush *flush = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_pointer (&flush->channel, _chorus_outbox_channel_free);
  g_clear_pointer (&flush->jobs, g_ptr_array_unref);
  flush->job = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      finish (task, error);
      return;
    }

  flush->source = NULL;
  while (flush->source == NULL && flush->next_source < flush->source_ids->len)
    flush->source = find_source (flush, g_array_index (flush->source_ids, gint64, flush->next_source++));

  if (flush->source == NULL)
    run_step (task, due_step, on_due_read_cb);
  else
    run_step (task, load_jobs_step, on_jobs_loaded_cb);
}

static void
on_sources_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;

  if (!step_failed (task, result))
    next_source (task);
}

static void
start_flush (GTask *task)
{
  set_sending (g_task_get_source_object (task), TRUE);
  run_step (task, load_sources_step, on_sources_loaded_cb);
}

/* GObject */

static void
chorus_outbox_sender_dispose (GObject *object)
{
  ChorusOutboxSender *self = (ChorusOutboxSender *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_object (&self->once);

  G_OBJECT_CLASS (chorus_outbox_sender_parent_class)->dispose (object);
}

static void
chorus_outbox_sender_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChorusOutboxSender *self = CHORUS_OUTBOX_SENDER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HTTP:
      g_value_set_object (value, self->http);
      break;

    case PROP_SENDING:
      g_value_set_boolean (value, self->sending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_outbox_sender_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChorusOutboxSender *self = CHORUS_OUTBOX_SENDER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_HTTP:
      self->http = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_outbox_sender_class_init (ChorusOutboxSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_outbox_sender_dispose;
  object_class->get_property = chorus_outbox_sender_get_property;
  object_class->set_property = chorus_outbox_sender_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CHORUS_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HTTP] =
    g_param_spec_object ("http", NULL, NULL,
                         CHORUS_TYPE_HTTP,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SENDING] =
    g_param_spec_boolean ("sending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChorusOutboxSender::item-started:
   * @self: the sender
   * @id: the outbox item, now 'sending'
   */
  signals [ITEM_STARTED] =
    g_signal_new ("item-started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ChorusOutboxSender::item-finished:
   * @self: the sender
   * @id: the outbox item
   * @state: where it stands now: "sent", "failed" or "queued"
   * @error: (nullable): why it was not sent
   */
  signals [ITEM_FINISHED] =
    g_signal_new ("item-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
chorus_outbox_sender_init (ChorusOutboxSender *self)
{
  g_queue_init (&self->waiting);

  /* Sends go out once per attempt; the outbox counts and repeats them. */
  self->once = chorus_http_new ();
  chorus_http_set_backoff (self->once, 1, 1);
}

/* Public API */

/**
 * chorus_outbox_sender_new:
 * @store: the workspace whose outbox to send
 * @http: for reads (a post's visibility, a Bluesky session, a forum
 *   topic); sends go through a client of the sender's own that never
 *   repeats a request by itself
 *
 * Returns: (transfer full): a new sender
 */
ChorusOutboxSender *
chorus_outbox_sender_new (ChorusStore *store,
                          ChorusHttp  *http)
{
  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_HTTP (http), NULL);

  return g_object_new (CHORUS_TYPE_OUTBOX_SENDER, "store", store, "http", http, NULL);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/**
 * chorus_outbox_sender_dup_for_store:
 * @store: the workspace whose outbox to send
 * @http: as for chorus_outbox_sender_new(), used when no sender exists yet
 *
 * The workspace's one sender in this thread, created on first use and
 * kept while someone holds it. Everything that sends from the app goes
 * through it, so two flushes never claim the same item at once: a flush
 * asked for during another one waits for it.
 *
 * Returns: (transfer full): the sender for @store
 */
ChorusOutboxSender *
chorus_outbox_sender_dup_for_store (ChorusStore *store,
                                    ChorusHttp  *http)
{
  ChorusOutboxSender *sender;
  GWeakRef *ref;

  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (CHORUS_IS_HTTP (http), NULL);

  /* A weak reference: the sender holds the store, not the other way. */
  ref = g_object_get_data (G_OBJECT (store), "chorus-outbox-sender");
  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, NULL);
      g_object_set_data_full (G_OBJECT (store), "chorus-outbox-sender", ref, (GDestroyNotify) weak_ref_free);
    }

  if ((sender = g_weak_ref_get (ref)) != NULL)
    return sender;

  sender = chorus_outbox_sender_new (store, http);
  g_weak_ref_set (ref, sender);

  return sender;
}

/* Whether a flush is under way. */
gboolean
chorus_outbox_sender_get_sending (ChorusOutboxSender *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTBOX_SENDER (self), FALSE);

  return self->sending;
}

/**
 * chorus_outbox_sender_flush_async:
 * @self: a #ChorusOutboxSender
 * @source_id: a source whose queue to send, or 0 for every source
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every item was tried
 * @user_data: data for @callback
 *
 * Sends what is queued, and resolves what a crash left 'sending'. Items
 * go one at a time per source, in order; ::item-finished tells of each.
 * An item interrupted by @cancellable goes back to the queue.
 */
void
chorus_outbox_sender_flush_async (ChorusOutboxSender  *self,
                                  gint64               source_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  Flush *flush;

  g_return_if_fail (CHORUS_IS_OUTBOX_SENDER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chorus_outbox_sender_flush_async);
  g_task_set_check_cancellable (task, FALSE);
  flush = g_new0 (Flush, 1);
  flush->only_source = source_id;
  g_task_set_task_data (task, flush, (GDestroyNotify) flush_free);

  if (self->sending)
    g_queue_push_tail (&self->waiting, task);
  else
    start_flush (task);
}

/**
 * chorus_outbox_sender_flush_finish:
 * @self: a #ChorusOutboxSender
 * @result: the result passed to the callback
 * @summary: (out caller-allocates) (optional): how many items were sent,
 *   failed, or wait for the next flush
 * @error: a location for a #GError
 *
 * Returns: %FALSE with @error set only when the flush itself failed
 *   (cancelled, or the workspace could not be written); items that were
 *   not sent are counted in @summary
 */
gboolean
chorus_outbox_sender_flush_finish (ChorusOutboxSender   *self,
                                   GAsyncResult         *result,
                                   ChorusOutboxSummary  *summary,
                                   GError              **error)
{
  Flush *flush;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  flush = g_task_get_task_data (G_TASK (result));
  if (summary != NULL)
    *summary = flush->summary;

  return g_task_propagate_boolean (G_TASK (result), error);
}
