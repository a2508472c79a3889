/* fuzz-score-reply.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a score ("4/5", "cuatro estrellas") out of a reply's text. */

#include "config.h"

#include <math.h>

#include "chorus-score-reply.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  double score = NAN;

  fuzz_init ();

  text = fuzz_dup_utf8 (data, size);
  if (chorus_score_reply_parse (text, &score) == CHORUS_SCORE_REPLY_FOUND)
    g_assert (score >= 0 && score <= 5);

  return 0;
}
