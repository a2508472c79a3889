/* chorus-account-dialog.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chorus-http.h"
#include "chorus-source.h"
#include "chorus-store.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ACCOUNT_DIALOG (chorus_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusAccountDialog, chorus_account_dialog, CHORUS, ACCOUNT_DIALOG, AdwWindow)

typedef enum
{
  CHORUS_ACCOUNT_DIALOG_ADD,
  CHORUS_ACCOUNT_DIALOG_EDIT,
  CHORUS_ACCOUNT_DIALOG_SIGN_IN,
} ChorusAccountDialogMode;

/* A checked account that waits for a workspace to be added to. */
typedef struct
{
  char     *network;
  char     *server_url;
  char     *account;
  char     *display_name;
  gboolean  watch_mentions;
  char     *watch_hashtags;
  char     *watch_keywords;
  char     *watch_categories;
} ChorusAccountDraft;

ChorusAccountDraft  *chorus_account_draft_copy      (const ChorusAccountDraft *draft);
void                 chorus_account_draft_free      (ChorusAccountDraft       *draft);
gint64               chorus_account_draft_add       (const ChorusAccountDraft *draft,
                                                     ChorusStore              *store,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusAccountDraft, chorus_account_draft_free)

ChorusAccountDialog *chorus_account_dialog_new      (GtkWindow                *parent,
                                                     ChorusHttp               *http,
                                                     ChorusStore              *store,
                                                     ChorusAccountDialogMode   mode,
                                                     ChorusSource             *source);
void                 chorus_account_dialog_choose_network (ChorusAccountDialog *self,
                                                           const char          *network);
gboolean             chorus_account_dialog_get_busy (ChorusAccountDialog      *self);

G_END_DECLS
