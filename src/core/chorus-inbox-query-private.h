/* chorus-inbox-query-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "chorus-inbox-filter.h"

G_BEGIN_DECLS

/* What the rows of an inbox query walk, and so what they hold. */
typedef enum
{
  CHORUS_INBOX_DRIVER_CONVERSATIONS,  /* conversations, newest activity first, one row each */
  CHORUS_INBOX_DRIVER_SEARCH,         /* matching posts, newest first: conversations repeat */
  CHORUS_INBOX_DRIVER_AUTHORS,        /* posts by the from: authors, newest first: the same */
} ChorusInboxDriver;

sqlite3_stmt *_chorus_inbox_query_prepare (sqlite3                 *db,
                                           const ChorusInboxFilter *filter,
                                           gboolean                 unread_only,
                                           gboolean                 first_page,
                                           ChorusInboxDriver       *driver,
                                           GError                 **error);
char         *_chorus_inbox_query_explain (sqlite3                 *db,
                                           const ChorusInboxFilter *filter,
                                           gboolean                 first_page,
                                           GError                 **error);

G_END_DECLS
