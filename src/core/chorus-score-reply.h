/* chorus-score-reply.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a reply to a challenge entry says about its score on the 0-5
 * scale (see chorus-score-reply.c for the forms read). */
typedef enum
{
  CHORUS_SCORE_REPLY_NONE,          /* no score in the text */
  CHORUS_SCORE_REPLY_FOUND,         /* one score, perhaps said several times */
  CHORUS_SCORE_REPLY_AMBIGUOUS,     /* scores that disagree ("5/5 design, 2/5 colours") */
  CHORUS_SCORE_REPLY_OUT_OF_RANGE,  /* a score beyond its scale ("12/10", "7 stars") */
} ChorusScoreReply;

ChorusScoreReply chorus_score_reply_parse (const char *text,
                                           double     *score);

G_END_DECLS
