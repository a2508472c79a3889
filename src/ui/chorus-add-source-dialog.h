/* chorus-add-source-dialog.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_ADD_SOURCE_DIALOG (chorus_add_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusAddSourceDialog, chorus_add_source_dialog, CHORUS, ADD_SOURCE_DIALOG, AdwWindow)

/* The sources a person can add without signing in. */
typedef enum
{
  CHORUS_ADD_SOURCE_FEED,
  CHORUS_ADD_SOURCE_MASTODON_HASHTAG,
} ChorusAddSourceKind;

ChorusAddSourceDialog *chorus_add_source_dialog_new          (GtkWindow             *parent,
                                                              ChorusAddSourceKind    kind);
void                   chorus_add_source_dialog_set_url      (ChorusAddSourceDialog *self,
                                                              const char            *url);
void                   chorus_add_source_dialog_set_hashtags (ChorusAddSourceDialog *self,
                                                              const char            *hashtags);

G_END_DECLS
