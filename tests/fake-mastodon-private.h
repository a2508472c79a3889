/* fake-mastodon-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fake server's statuses, generated from the corpus's real ones. */

#define FIRST_MENTION_ID G_GUINT64_CONSTANT (5000000)

typedef struct _FakeStatuses FakeStatuses;

FakeStatuses *fake_statuses_new            (const char   *corpus_dir,
                                            const char   *host,
                                            guint         reply_every,
                                            guint         mention_every);
void          fake_statuses_free           (FakeStatuses *self);
guint64       fake_status_id               (guint         index);
void          fake_statuses_append_status  (FakeStatuses *self,
                                            GString      *out,
                                            guint         index);
void          fake_statuses_append_mention (FakeStatuses *self,
                                            GString      *out,
                                            guint         n);

G_END_DECLS
