/* chorus-window-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-account-dialog.h"
#include "chorus-http.h"
#include "chorus-outbox-sender.h"
#include "chorus-sync-engine.h"
#include "chorus-window.h"

G_BEGIN_DECLS

struct _ChorusWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  GtkButton            *sync_button;
  GtkStack             *sync_icon_stack;
  GtkSpinner           *sync_spinner;
  GtkProgressBar       *sync_progress;
  GtkWidget            *conversations_pane;
  GtkWidget            *pretests_pane;
  GtkWidget            *designs_pane;

  GSettings            *settings;
  ChorusStore          *store;
  ChorusHttp           *http;
  ChorusSyncEngine     *engine;
  GStrv                 pending_source;     /* network, url, hashtags: added once a workspace is open */
  ChorusAccountDraft   *pending_account;    /* the same, for a checked account */

  /* The sync under way (chorus-window-sync.c) */
  guint                 sync_total;
  guint                 sync_done;
  gboolean              sync_automatic;
  GPtrArray            *sync_failures;      /* SyncFailure */
  GArray               *sync_queue;         /* gint64 source ids waiting for the running sync */
  AdwToast             *sync_toast;         /* the last toast about a sync */
  guint                 periodic_id;
  GPtrArray            *notification_ids;   /* notifications sent while the window was away */
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;

  /* The outbox sent in the background (chorus-window-outbox.c) */
  ChorusOutboxSender   *outbox_sender;
  GCancellable         *outbox_cancellable;
  guint                 outbox_retry_id;
  gint64                outbox_retry_at;    /* monotonic µs of the planned flush */
  gboolean              outbox_flushing;
  AdwToast             *outbox_toast;       /* the last toast about the outbox */
};

void _chorus_window_class_add_actions (GtkWidgetClass *widget_class);
void _chorus_window_class_add_sync_actions (GtkWidgetClass *widget_class);
void _chorus_window_update_sync       (ChorusWindow   *self);
void _chorus_window_store_changed     (ChorusWindow   *self);
void _chorus_window_show_error        (ChorusWindow   *self,
                                       const char     *heading,
                                       const GError   *error,
                                       gboolean        quietly);
void _chorus_window_show_loading      (ChorusWindow   *self,
                                       const char     *title);
void _chorus_window_cancel_pending    (ChorusWindow   *self);

/* chorus-window-sync.c */
void _chorus_window_init_sync         (ChorusWindow   *self);
void _chorus_window_init_outbox       (ChorusWindow   *self);
void _chorus_window_dispose_outbox    (ChorusWindow   *self);
void _chorus_window_outbox_store_changed (ChorusWindow *self);
void _chorus_window_flush_outbox      (ChorusWindow   *self);
void _chorus_window_dispose_sync      (ChorusWindow   *self);
void _chorus_window_sync_source       (ChorusWindow   *self,
                                       gint64          source_id);
void _chorus_window_open_default_workspace (ChorusWindow *self);

/* chorus-window-accounts.c */
void _chorus_window_class_add_account_actions (GtkWidgetClass *widget_class);
void _chorus_window_add_pending_account (ChorusWindow *self);
void _chorus_window_present_account_dialog (ChorusWindow            *self,
                                            GtkWindow               *parent,
                                            ChorusAccountDialogMode  mode,
                                            ChorusSource            *source);
gboolean _chorus_window_remove_source (ChorusWindow   *self,
                                       ChorusSource   *source,
                                       GError        **error);
void _chorus_window_sources_changed   (ChorusWindow   *self);

G_END_DECLS
