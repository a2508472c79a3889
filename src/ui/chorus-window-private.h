/* chorus-window-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-http.h"
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
  GtkWidget            *conversations_pane;
  GtkWidget            *pretests_pane;
  GtkWidget            *designs_pane;

  GSettings            *settings;
  ChorusStore          *store;
  ChorusHttp           *http;
  ChorusSyncEngine     *engine;
  GStrv                 pending_source;     /* network, url, hashtags: added once a workspace is open */
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
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

G_END_DECLS
