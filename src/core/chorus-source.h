/* chorus-source.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_SOURCE (chorus_source_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSource, chorus_source, CHORUS, SOURCE, GObject)

gint64      chorus_source_get_id             (ChorusSource *self);
const char *chorus_source_get_network        (ChorusSource *self);
const char *chorus_source_get_server_url     (ChorusSource *self);
const char *chorus_source_get_account        (ChorusSource *self);
const char *chorus_source_get_display_name   (ChorusSource *self);
const char *chorus_source_get_watch_hashtags (ChorusSource *self);
gboolean    chorus_source_get_watch_mentions (ChorusSource *self);
const char *chorus_source_get_watch_keywords (ChorusSource *self);
const char *chorus_source_get_watch_categories (ChorusSource *self);
const char *chorus_source_get_secret_env     (ChorusSource *self);
gboolean    chorus_source_get_is_sample      (ChorusSource *self);
gboolean    chorus_source_get_enabled        (ChorusSource *self);
gint64      chorus_source_get_last_success   (ChorusSource *self);
const char *chorus_source_get_last_error     (ChorusSource *self);
gboolean    chorus_source_get_needs_reauth   (ChorusSource *self);

GStrv       chorus_source_split_watch_list   (const char   *list,
                                              gboolean      phrases);

G_END_DECLS
