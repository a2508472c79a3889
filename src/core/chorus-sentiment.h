/* chorus-sentiment.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* ChorusSentiment, the values conversations store: the analyser's labels
 * are its NEGATIVE (-1), NEUTRAL (0) and POSITIVE (1). */
#include "chorus-conversation.h"

G_BEGIN_DECLS

/* One word, phrase, emoji or emoticon that moved the score. The strings
 * are slices of the analysed text, as written there. */
typedef struct
{
  char     *text;          /* "good", "no me gusta", "😍" */
  char     *negator;       /* "not", "don't", "nunca"… when negated, else NULL */
  char     *modifier;      /* "very", "un poco", "at all"… when one applied, else NULL */
  guint     start;         /* byte offsets of @text in the analysed text */
  guint     end;
  double    contribution;  /* signed: what it added to the raw score */
  gboolean  negated;
  gboolean  intensified;   /* a modifier, capitals, "!" or "soooo" made it stronger */
  gboolean  diminished;    /* "a bit", "un poco"… made it weaker */
} ChorusSentimentDriver;

typedef struct
{
  ChorusSentiment  label;       /* never CHORUS_SENTIMENT_NONE */
  double           score;       /* -1 to 1; see chorus_sentiment_analyze() */
  const char      *language;    /* "en" or "es": the lexicon that came first */
  GPtrArray       *drivers;     /* ChorusSentimentDriver, in text order */
} ChorusSentimentAnalysis;

/* How many of a set of posts read positive, neutral and negative. */
typedef struct
{
  guint positive;
  guint neutral;
  guint negative;
} ChorusSentimentMix;

ChorusSentimentAnalysis *chorus_sentiment_analyze        (const char              *text,
                                                          const char              *language);
ChorusSentiment          chorus_sentiment_classify       (const char              *text,
                                                          const char              *language);
const char              *chorus_sentiment_guess_language (const char              *text);
void                     chorus_sentiment_analysis_free  (ChorusSentimentAnalysis *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusSentimentAnalysis, chorus_sentiment_analysis_free)

G_END_DECLS
