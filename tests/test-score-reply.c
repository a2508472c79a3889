/* test-score-reply.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a score out of a reply, in English and Spanish: each form the
 * parser reads, and the texts it must refuse (a count, a date, a score
 * beyond its scale, two scores that disagree). One test path per case. */

#include <locale.h>
#include <math.h>

#include "chorus-score-reply.h"

typedef struct
{
  const char       *text;
  ChorusScoreReply  expected;
  double            score;
} Case;

#define FOUND(text, score) { text, CHORUS_SCORE_REPLY_FOUND, score }
#define NONE(text) { text, CHORUS_SCORE_REPLY_NONE, NAN }
#define AMBIGUOUS(text) { text, CHORUS_SCORE_REPLY_AMBIGUOUS, NAN }
#define OUT_OF_RANGE(text) { text, CHORUS_SCORE_REPLY_OUT_OF_RANGE, NAN }

static const Case cases[] = {
  /* English */
  FOUND ("5/5", 5),
  FOUND ("4 / 5", 4),
  FOUND ("Love the colours. 4/5!", 4),
  FOUND ("5/5 would not buy", 5),
  FOUND ("9/10", 4.5),
  FOUND ("solid 7/10, the lettering is a bit thin", 3.5),
  FOUND ("10/10", 5),
  FOUND ("0/5 sorry", 0),
  FOUND ("4.5/5", 4.5),
  FOUND ("4 stars", 4),
  FOUND ("I give it 3 stars.", 3),
  FOUND ("1 star", 1),
  FOUND ("five stars!!", 5),
  FOUND ("4 out of 5", 4),
  FOUND ("four out of five, and I'd wear it", 4),
  FOUND ("8 out of 10", 4),
  FOUND ("4 of 5.", 4),
  FOUND ("★★★★☆", 4),
  FOUND ("★★★☆☆ nice idea", 3),
  FOUND ("⭐⭐⭐⭐⭐", 5),
  FOUND ("⭐️⭐️⭐️", 3),
  FOUND ("4 ★★★★☆", 4),
  FOUND ("5 ⭐⭐⭐⭐⭐", 5),
  FOUND ("5/5 and 5 stars from me", 5),
  FOUND ("#SummitTee2026 5/5", 5),
  NONE ("1 of the 5 designs"),
  NONE ("one of the 5 designs is mine"),
  NONE ("1 of 5 designs I like"),
  NONE ("3 out of 4 people agree"),
  NONE ("3/4 of the print area"),
  NONE ("see you on 10/10/2025"),
  NONE ("2026/5 release"),
  NONE ("Love it!"),
  NONE ("top 5 of the year"),
  NONE ("v2.5/5 of the app"),
  FOUND ("2.5/5, meh", 2.5),
  NONE (""),
  NONE ("★★☆☆"),
  AMBIGUOUS ("4/5 for the idea, 2/5 for the colours"),
  AMBIGUOUS ("5/5, 4 stars"),
  AMBIGUOUS ("12/10 and 5/5"),
  OUT_OF_RANGE ("12/10 would buy"),
  OUT_OF_RANGE ("7/5!"),
  OUT_OF_RANGE ("6 stars"),
  OUT_OF_RANGE ("⭐⭐⭐⭐⭐⭐⭐"),
  /* Spanish */
  FOUND ("4 estrellas", 4),
  FOUND ("cinco estrellas", 5),
  FOUND ("una estrella", 1),
  FOUND ("4 de 5", 4),
  FOUND ("Un 4 de 5 y me encanta", 4),
  FOUND ("cuatro de cinco", 4),
  FOUND ("4 sobre 5", 4),
  FOUND ("4,5/5", 4.5),
  FOUND ("9/10, precioso", 4.5),
  FOUND ("8 sobre 10 pero los colores…", 4),
  FOUND ("3 de 5 puntos", 3),
  FOUND ("¡5/5! ★★★★★", 5),
  NONE ("1 de los 5 diseños"),
  NONE ("1 de 5 diseños"),
  NONE ("el 5 de mayo"),
  NONE ("Me encanta"),
  AMBIGUOUS ("4 de 5 para la idea, 3 de 5 para los colores"),
  OUT_OF_RANGE ("11/10 lo compraría"),
  OUT_OF_RANGE ("6 estrellas"),
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  double score = -1;
  ChorusScoreReply result = chorus_score_reply_parse (c->text, &score);

  g_assert_cmpint (result, ==, c->expected);
  if (c->expected == CHORUS_SCORE_REPLY_FOUND)
    g_assert_cmpfloat_with_epsilon (score, c->score, 1e-12);
  else
    g_assert_cmpfloat (score, ==, -1);
}

static void
test_not_text (void)
{
  double score = -1;

  g_assert_cmpint (chorus_score_reply_parse (NULL, &score), ==, CHORUS_SCORE_REPLY_NONE);
  g_assert_cmpint (chorus_score_reply_parse ("4/5 \xff", &score), ==, CHORUS_SCORE_REPLY_NONE);
  g_assert_cmpfloat (score, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/score-reply/%02u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/chorus/score-reply/not-text", test_not_text);

  return g_test_run ();
}
