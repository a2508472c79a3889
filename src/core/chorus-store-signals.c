/* chorus-store-signals.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-store-private.h"
#include "chorus-store-signals.h"

/* Why a conversation got its automatic sentiment, for the inbox to show:
 * ingest stores only the label (chorus-store-ingest.c, set_signals ()), so
 * the words that drove it are found again by analysing the same post, the
 * conversation's newest that is not the brand's own. The analyser is pure
 * and fast, so keeping its drivers in the workspace would only cost space
 * for every post. */

/**
 * chorus_store_dup_conversation_sentiment:
 * @self: a #ChorusStore
 * @conversation_id: a conversation id
 * @overridden: (out) (optional): whether someone on the team set the
 *   conversation's sentiment, which then counts instead of the automatic one
 * @error: a location for a #GError
 *
 * Analyses again the post the conversation's automatic sentiment comes
 * from, to show the words that drove it. Blocking, small: one lookup
 * through primary keys and an index seek, and one post analysed (a few
 * microseconds), so the main thread may call it for the conversation on
 * screen.
 *
 * Returns: (transfer full): the analysis, neutral without drivers when
 *   the conversation has only the brand's own posts; or %NULL with @error
 *   set
 */
ChorusSentimentAnalysis *
chorus_store_dup_conversation_sentiment (ChorusStore  *self,
                                         gint64        conversation_id,
                                         gboolean     *overridden,
                                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  const char *text;
  int rc;

  g_return_val_if_fail (CHORUS_IS_STORE (self), NULL);

  db = _chorus_store_get_db (self);

  /* Post keys follow time: the first key down the index is the newest. */
  if (!(stmt = _chorus_sql_prepare (db,
                                    "SELECT c.sentiment_override IS NOT NULL, p.text, p.language"
                                    " FROM conversations c"
                                    " LEFT JOIN posts p ON p.id = (SELECT id FROM posts"
                                    "                              WHERE conversation_id = c.id"
                                    "                                AND is_own = 0"
                                    "                              ORDER BY id DESC LIMIT 1)"
                                    " WHERE c.id = ?1",
                                    error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, conversation_id);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND,
                     "No conversation %" G_GINT64_FORMAT, conversation_id);
      else
        _chorus_set_sqlite_error (error, db, "conversation");
      return NULL;
    }

  if (overridden != NULL)
    *overridden = sqlite3_column_int (stmt, 0) != 0;

  text = (const char *) sqlite3_column_text (stmt, 1);
  return chorus_sentiment_analyze (text != NULL ? text : "",
                                   (const char *) sqlite3_column_text (stmt, 2));
}
