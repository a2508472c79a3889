/* chorus-account-dialog-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-account-dialog.h"
#include "chorus-mastodon-sign-in.h"

G_BEGIN_DECLS

struct _ChorusAccountDialog
{
  AdwWindow                parent_instance;

  /* Template widgets */
  GtkButton               *back_button;
  GtkButton               *cancel_button;
  GtkButton               *commit_button;
  GtkSpinner              *spinner;
  GtkRevealer             *band_revealer;
  GtkWidget               *band;
  GtkImage                *band_icon;
  GtkLabel                *band_label;
  GtkStack                *stack;
  AdwPreferencesPage      *form_page;
  AdwPreferencesGroup     *account_group;
  AdwEntryRow             *server_row;
  AdwEntryRow             *handle_row;
  AdwEntryRow             *secret_row;
  AdwActionRow            *help_row;
  AdwPreferencesGroup     *watch_group;
  AdwActionRow            *mentions_row;
  GtkSwitch               *mentions_switch;
  AdwEntryRow             *hashtags_row;
  AdwEntryRow             *keywords_row;
  AdwEntryRow             *categories_row;
  AdwPreferencesGroup     *name_group;
  AdwEntryRow             *name_row;
  AdwStatusPage           *waiting_page;
  AdwExpanderRow          *code_expander;
  AdwEntryRow             *code_row;

  ChorusHttp              *http;
  ChorusStore             *store;           /* NULL until a workspace is open */
  ChorusAccountDialogMode  mode;
  ChorusSource            *source;          /* to edit or sign in again */
  char                    *network;

  /* The connection being tested (chorus-account-dialog-connect.c) */
  gboolean                 busy;
  GtkWidget               *refocus;         /* weak: the focus before the form was locked */
  GCancellable            *cancellable;
  ChorusMastodonSignIn    *sign_in;
  char                    *server_url;
  char                    *secret;          /* wiped when done */
  char                    *checked_account; /* as the network spells it */
};

/* chorus-account-dialog.c */
void     _chorus_account_dialog_set_busy   (ChorusAccountDialog *self,
                                            gboolean             busy);
void     _chorus_account_dialog_fail       (ChorusAccountDialog *self,
                                            const GError        *error);
void     _chorus_account_dialog_show_band  (ChorusAccountDialog *self,
                                            const char          *text,
                                            gboolean             is_error);
void     _chorus_account_dialog_save       (ChorusAccountDialog *self,
                                            const char          *account,
                                            const char          *feed_title);

/* chorus-account-dialog-connect.c */
void     _chorus_account_dialog_class_add_connect (GtkWidgetClass *widget_class);
void     _chorus_account_dialog_connect    (ChorusAccountDialog *self);
void     _chorus_account_dialog_stop       (ChorusAccountDialog *self);

G_END_DECLS
