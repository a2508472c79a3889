/* chorus-store-entry-add.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-media-import.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* A design entry a team member adds by hand: an image already in the
 * media folder (chorus_media_import()), who made it and their consent to
 * the challenge's terms. */
typedef struct
{
  gint64                 challenge_id;
  const char            *title;
  const char            *submitter_name;
  const char            *submitter_email;
  const char            *file_name;      /* the file it came from, for the record */
  const ChorusMediaInfo *image;
  gboolean               consent;
} ChorusEntryDraft;

#define CHORUS_ENTRY_TITLE_MAX_CHARS 120

gint64 chorus_store_add_entry        (ChorusStore            *self,
                                      const ChorusEntryDraft *draft,
                                      GError                **error);
void   chorus_store_add_entry_async  (ChorusStore            *self,
                                      const ChorusEntryDraft *draft,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data);
gint64 chorus_store_add_entry_finish (ChorusStore            *self,
                                      GAsyncResult           *result,
                                      GError                **error);

G_END_DECLS
