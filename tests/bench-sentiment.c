/* bench-sentiment.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "chorus-question.h"
#include "chorus-sentiment-private.h"

/* What reading a post's signals costs, per post, on typical posts of
 * about 200 characters in English and Spanish: the label alone, the
 * question flag, both from one reading of the text (what ingest runs for
 * every post it stores, in its worker thread), the full analysis with
 * drivers (what the inbox asks for the conversation on screen) and the
 * language guess. CHORUS_BENCH_POSTS sets how many posts each figure reads
 * (default 200,000). The first call, which builds the lexicon table, is
 * timed apart. Each figure is given in the thread's CPU time, which other
 * processes on a busy machine disturb less, and in wall-clock time. */

static const char * const posts[] = {
  "Really love the new house blend, it's smooth and not bitter at all. The barista at the "
  "Leeds shop was super friendly too, she even remembered my name. Will definitely be back "
  "next week with my friends! 😍",
  "Ordered the Summit tent three weeks ago and it still hasn't arrived. Nobody answers my "
  "emails and the tracking page doesn't work at all. Honestly the worst support I've ever "
  "dealt with, so disappointed.",
  "Hi team, quick question: how do I change the delivery address on an order that has "
  "already shipped? I moved to a new flat last week and forgot to update it before checking "
  "out. Thanks a lot in advance!",
  "The new cups look great but the lids leak every single time, I ended up with hot coffee "
  "all over my shirt this morning on the way to work. Please bring back the old ones, they "
  "were much better :(",
  "Me encanta el nuevo café de temporada, tiene un sabor suave y nada amargo. Además la chica "
  "de la tienda de Valencia fue súper amable y se acordaba de mi nombre. ¡Volveremos seguro "
  "la semana que viene!",
  "Pedí la mochila hace tres semanas y todavía no ha llegado. Nadie responde a mis correos y "
  "la página de seguimiento no funciona para nada. Sinceramente, el peor servicio que he "
  "tenido nunca, qué decepción.",
  "Hola, una pregunta: ¿cómo puedo cambiar la dirección de entrega de un pedido que ya salió? "
  "Me mudé a un piso nuevo la semana pasada y no la actualicé antes de pagar. ¡Muchas gracias "
  "de antemano!",
  "Los vasos nuevos son bonitos pero las tapas gotean siempre, esta mañana acabé con café "
  "caliente en la camisa de camino al trabajo. Por favor, volved a las de antes, eran mucho "
  "mejores y no daban problemas :(",
};

static guint
posts_to_read (void)
{
  const char *value = g_getenv ("CHORUS_BENCH_POSTS");
  guint64 n = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 0;

  return n > 0 ? (guint) n : 200000;
}

typedef enum
{
  READ_LABEL,
  READ_QUESTION,
  READ_BOTH,
  READ_ANALYSIS,
  READ_LANGUAGE,
} Reading;

/* Reads one post; returns something from the result so that the work
 * cannot be left out. */
static guint
read_post (Reading     reading,
           const char *text,
           const char *language)
{
  g_autoptr(ChorusSentimentAnalysis) analysis = NULL;
  gboolean question;

  switch (reading)
    {
    case READ_LABEL:
      return chorus_sentiment_classify (text, language) + 1;
    case READ_QUESTION:
      return chorus_question_detect (text, language);
    case READ_BOTH:
      return _chorus_sentiment_read_signals (text, language, &question) + 1 + question;
    case READ_ANALYSIS:
      analysis = chorus_sentiment_analyze (text, language);
      return analysis->drivers->len;
    case READ_LANGUAGE:
      return chorus_sentiment_guess_language (text) != NULL;
    default:
      g_assert_not_reached ();
    }
}

static double
thread_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static void
measure (const char *what,
         Reading     reading,
         guint       n)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_seconds ();
  guint sink = 0;
  double seconds;
  double cpu;

  for (guint i = 0; i < n; i++)
    {
      guint which = i % G_N_ELEMENTS (posts);

      /* Half tagged, half not: the language guess runs for the others. */
      sink += read_post (reading, posts[which], i % 2 ? NULL : which < 4 ? "en" : "es");
    }

  cpu = thread_cpu_seconds () - cpu_start;
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_print ("  %-50s %6.2f µs/post CPU  %6.2f µs/post wall  %8.0f posts/s  (%u)\n",
           what, cpu * 1e6 / n, seconds * 1e6 / n, n / cpu, sink);
}

int
main (int   argc,
      char *argv[])
{
  guint n = posts_to_read ();
  gsize chars = 0;
  gint64 start;

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    chars += g_utf8_strlen (posts[i], -1);

  start = g_get_monotonic_time ();
  chorus_sentiment_classify ("warm-up", NULL);
  chorus_question_detect ("warm-up", NULL);
  g_print ("sentiment: %u posts of %" G_GSIZE_FORMAT " characters on average,"
           " English and Spanish\n", n, chars / G_N_ELEMENTS (posts));
  g_print ("  %-50s %6.2f ms, once per process\n", "building the lexicon table",
           (g_get_monotonic_time () - start) / 1000.0);

  measure ("label (chorus_sentiment_classify)", READ_LABEL, n);
  measure ("question (chorus_question_detect)", READ_QUESTION, n);
  measure ("both in one reading, as ingest does", READ_BOTH, n);
  measure ("analysis with drivers (chorus_sentiment_analyze)", READ_ANALYSIS, n);
  measure ("language guess alone", READ_LANGUAGE, n);

  return 0;
}
