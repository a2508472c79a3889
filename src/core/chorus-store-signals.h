/* chorus-store-signals.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-sentiment.h"
#include "chorus-store.h"

G_BEGIN_DECLS

ChorusSentimentAnalysis *chorus_store_dup_conversation_sentiment (ChorusStore  *self,
                                                                  gint64        conversation_id,
                                                                  gboolean     *overridden,
                                                                  GError      **error);

G_END_DECLS
