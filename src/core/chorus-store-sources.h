/* chorus-store-sources.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-source.h"
#include "chorus-store.h"

G_BEGIN_DECLS

/* What a person chooses about a source. */
typedef struct
{
  const char *display_name;
  gboolean    watch_mentions;
  const char *watch_hashtags;    /* separated by spaces, without "#" */
  const char *watch_keywords;    /* one per line */
  const char *watch_categories;  /* Discourse category slugs, separated by spaces */
  const char *secret_env;        /* an environment variable's name, or NULL for the keyring */
} ChorusSourceSettings;

gint64     chorus_store_add_source     (ChorusStore   *self,
                                        const char    *network,
                                        const char    *server_url,
                                        const char    *account,
                                        const char    *display_name,
                                        GError       **error);
gint64     chorus_store_add_account    (ChorusStore                *self,
                                        const char                 *network,
                                        const char                 *server_url,
                                        const char                 *account,
                                        const ChorusSourceSettings *settings,
                                        GError                    **error);
gboolean   chorus_store_update_source  (ChorusStore                *self,
                                        gint64                      source_id,
                                        const ChorusSourceSettings *settings,
                                        GError                    **error);
gboolean   chorus_store_remove_source  (ChorusStore                *self,
                                        gint64                      source_id,
                                        GError                    **error);
gboolean   chorus_store_set_source_signed_in (ChorusStore          *self,
                                              gint64                source_id,
                                              const char           *account,
                                              GError              **error);
gboolean   chorus_store_rename_source  (ChorusStore   *self,
                                        gint64         source_id,
                                        const char    *display_name,
                                        GError       **error);
gboolean   chorus_store_set_source_hashtags (ChorusStore   *self,
                                             gint64         source_id,
                                             const char    *hashtags,
                                             GError       **error);
GPtrArray *chorus_store_list_sources   (ChorusStore   *self,
                                        GError       **error);
void       chorus_store_list_sources_async  (ChorusStore          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray *chorus_store_list_sources_finish (ChorusStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
char      *chorus_store_dup_cursor     (ChorusStore   *self,
                                        gint64         source_id,
                                        const char    *stream);
gboolean   chorus_store_set_cursor     (ChorusStore   *self,
                                        gint64         source_id,
                                        const char    *stream,
                                        const char    *cursor,
                                        GError       **error);
gboolean   chorus_store_record_sync    (ChorusStore   *self,
                                        gint64         source_id,
                                        const GError  *failure,
                                        GError       **error);

G_END_DECLS
