/* chorus-window-outbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorus-window-private.h"

/* The window's outbox: what waits in it (a reply written offline, a like
 * queued while a server was down) is sent in the background when a
 * workspace opens, after every sync, when the network comes back, and
 * every few minutes while something still waits. It goes through the
 * workspace's one sender (chorus_outbox_sender_dup_for_store()), the same
 * one the reply composer's Send uses, so two flushes never race for an
 * item. The sending is the core's; this file only decides when, and says
 * what came of it. */

#define RETRY_SECONDS (5 * 60)

static gboolean
on_retry_cb (gpointer user_data)
{
  ChorusWindow *self = user_data;

  self->outbox_retry_id = 0;
  _chorus_window_flush_outbox (self);

  return G_SOURCE_REMOVE;
}

/* The next flush, in @seconds; a sooner one already planned stays. */
static void
schedule_flush (ChorusWindow *self,
                guint         seconds)
{
  gint64 at = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  if (self->outbox_retry_id != 0 && self->outbox_retry_at <= at)
    return;

  g_clear_handle_id (&self->outbox_retry_id, g_source_remove);
  self->outbox_retry_at = at;
  self->outbox_retry_id = g_timeout_add_seconds (seconds, on_retry_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->outbox_retry_id),
                            "[chorus] outbox retry");
}

static void
schedule_retry (ChorusWindow *self)
{
  schedule_flush (self, RETRY_SECONDS);
}

/* A pre-test's scheduled posts wait in the outbox for their time: the
 * window flushes again when the next one is due (read by the flush, in
 * its worker). */
static void
schedule_due (ChorusWindow *self,
              gint64        due)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (due == 0)
    return;

  schedule_flush (self, (guint) CLAMP (due - now + 1, 1, RETRY_SECONDS));
}

static void
show_summary (ChorusWindow              *self,
              const ChorusOutboxSummary *summary)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  guint failed = summary->failed - summary->failed_pretest;
  guint sent = summary->sent - summary->sent_pretest;

  /* Sends a person just asked for speak for themselves in the composer;
   * the background only tells of what a person was not watching. */
  if (failed > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: shown after Chorus tried to send queued
                                          * replies, likes and boosts in the background. */
                                         "%u waiting reply or reaction could not be sent. Open its conversation to retry or edit it.",
                                         "%u waiting replies or reactions could not be sent. Open their conversations to retry or edit them.",
                                         failed),
                            failed);
  else if (summary->failed_pretest > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a pre-test's poll or variant post that the
                                          * network refused; its campaign page says why. */
                                         "%u pre-test post could not be published. Its campaign says why.",
                                         "%u pre-test posts could not be published. Their campaigns say why.",
                                         summary->failed_pretest),
                            summary->failed_pretest);
  else if (sent > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: replies, likes and boosts that waited in
                                          * the outbox, for example while offline. */
                                         "Sent %u waiting reply or reaction",
                                         "Sent %u waiting replies or reactions",
                                         sent),
                            sent);
  else if (summary->sent_pretest > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a pre-test's polls and variant posts, which
                                          * the outbox published. */
                                         "Published %u pre-test post",
                                         "Published %u pre-test posts",
                                         summary->sent_pretest),
                            summary->sent_pretest);
  else
    return;

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, summary->failed > 0 ? 0 : 5);
  if (self->outbox_toast != NULL)
    adw_toast_dismiss (self->outbox_toast);
  g_set_object (&self->outbox_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A flush does not keep the window open: it may take as long as a
 * server's timeout, and a closed window has nothing to say about it. */
static GWeakRef *
weak_window_new (ChorusWindow *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static void
weak_window_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, weak_window_free)

static void
on_flushed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GWeakRef) ref = user_data;
  g_autoptr(ChorusWindow) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  ChorusOutboxSummary summary = { 0, };

  gboolean flushed;

  flushed = chorus_outbox_sender_flush_finish (CHORUS_OUTBOX_SENDER (object), result, &summary, &error);

  /* The window closed or moved to another workspace: nothing to say. */
  if (self == NULL || self->outbox_sender != CHORUS_OUTBOX_SENDER (object) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->outbox_flushing = FALSE;
  if (!flushed)
    {
      /* The workspace could not be read; the items stay where they were. */
      g_warning ("Could not send the outbox: %s", error->message);
      schedule_retry (self);
      return;
    }

  show_summary (self, &summary);
  if (summary.waiting > 0)
    schedule_retry (self);
  schedule_due (self, summary.next_due);
}

/**
 * _chorus_window_flush_outbox:
 * @self: a #ChorusWindow
 *
 * Sends what waits in the workspace's outbox, in the background: after a
 * sync, and whenever a source may have become reachable again.
 */
void
_chorus_window_flush_outbox (ChorusWindow *self)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  if (self->outbox_sender == NULL || self->outbox_flushing)
    return;

  /* Offline, nothing can go out; the network's return starts a flush. */
  if (!g_network_monitor_get_network_available (monitor))
    return;

  g_clear_handle_id (&self->outbox_retry_id, g_source_remove);
  self->outbox_flushing = TRUE;
  chorus_outbox_sender_flush_async (self->outbox_sender, 0, self->outbox_cancellable, on_flushed_cb,
                                    weak_window_new (self));
}

static void
on_network_changed_cb (ChorusWindow *self,
                       gboolean      available)
{
  if (available)
    _chorus_window_flush_outbox (self);
}

/* Called whenever the window's workspace changes. */
void
_chorus_window_outbox_store_changed (ChorusWindow *self)
{
  g_cancellable_cancel (self->outbox_cancellable);
  g_clear_object (&self->outbox_cancellable);
  g_clear_object (&self->outbox_sender);
  g_clear_handle_id (&self->outbox_retry_id, g_source_remove);
  self->outbox_flushing = FALSE;

  if (self->store == NULL)
    return;

  self->outbox_cancellable = g_cancellable_new ();
  self->outbox_sender = chorus_outbox_sender_dup_for_store (self->store, self->http);

  /* What a crash left 'sending', or a reply written offline last time. */
  _chorus_window_flush_outbox (self);
}

void
_chorus_window_init_outbox (ChorusWindow *self)
{
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed",
                           G_CALLBACK (on_network_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_chorus_window_dispose_outbox (ChorusWindow *self)
{
  g_cancellable_cancel (self->outbox_cancellable);
  g_clear_object (&self->outbox_cancellable);
  g_clear_object (&self->outbox_sender);
  g_clear_object (&self->outbox_toast);
  g_clear_handle_id (&self->outbox_retry_id, g_source_remove);
}
