/* chorus-score-reply.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chorus-score-reply.h"

/* Reading a score out of a reply to a challenge entry, in English or
 * Spanish, on the 0-5 scale the votes table keeps. The forms read:
 *
 *   N/D, N / D               D is 5 or 10: "5/5", "4 / 5", "9/10" (4.5);
 *                            "4,5/5" and "4.5/5" are 4.5
 *   N out of D, N sobre D    the same in words; N and D may be number
 *   N of D, N de D           words ("four out of five", "cuatro de cinco")
 *   N stars, N estrellas     N from 0 to 5; also "N ★" and "N ⭐"
 *   ★★★★☆, ⭐⭐⭐⭐          filled stars out of the run (5 or 10 long),
 *                            or filled stars alone (1 to 5)
 *
 * A number counts only where a word starts: "2026/5" is not a score, nor
 * is "10/10/2025", a date. "N of D" and "N de D" also say how many of a
 * set ("1 of the 5 designs", "1 de 5 diseños"), so there D must end the
 * phrase: the text ends, or punctuation, a star or point, or a word that
 * starts a new clause follows. Other denominators are not scores ("3 out
 * of 4 people"). Whatever else the reply says does not change the score:
 * "5/5 would not buy" is 5. A score beyond its scale ("12/10", "7 stars")
 * is refused as out of range rather than capped, and two scores that
 * disagree are refused as ambiguous; the same score said twice is fine. */

typedef struct
{
  const char *word;
  int         value;
} NumberWord;

static const NumberWord number_words[] = {
  { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
  { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
  { "cero", 0 }, { "un", 1 }, { "una", 1 }, { "uno", 1 }, { "dos", 2 }, { "tres", 3 },
  { "cuatro", 4 }, { "cinco", 5 }, { "seis", 6 }, { "siete", 7 }, { "ocho", 8 },
  { "nueve", 9 }, { "diez", 10 },
};

/* Between N and D. "out of" before "of", so that the longer one wins. */
static const char * const connectors[] = { "out of", "of", "de", "sobre" };
static const char * const strict_connectors[] = { "of", "de" };

static const char * const unit_words[] = {
  "stars", "star", "estrellas", "estrella",
};

/* Words after which "N of D" still reads as a score: those that start a
 * new clause, and points. */
static const char * const clause_words[] = {
  "and", "but", "for", "from", "because", "would", "i", "it", "so", "very", "points", "pts",
  "y", "e", "pero", "porque", "para", "me", "muy", "que", "sin", "con", "puntos",
};

#define FILLED_STAR   0x2605  /* ★ */
#define EMPTY_STAR    0x2606  /* ☆ */
#define EMOJI_STAR    0x2B50  /* ⭐ */
#define EMOJI_VARIANT 0xFE0F

typedef enum
{
  JUDGED_NOTHING,
  JUDGED_SCORE,
  JUDGED_OUT_OF_RANGE,
} Judged;

typedef struct
{
  gboolean found;
  gboolean disagree;
  gboolean out_of_range;
  double   value;
} Tally;

static void
tally_add (Tally  *tally,
           Judged  judged,
           double  value)
{
  if (judged == JUDGED_OUT_OF_RANGE)
    tally->out_of_range = TRUE;
  if (judged != JUDGED_SCORE)
    return;

  if (tally->found && fabs (tally->value - value) > 1e-9)
    tally->disagree = TRUE;
  tally->found = TRUE;
  tally->value = value;
}

static gboolean
is_star (gunichar c)
{
  return c == FILLED_STAR || c == EMPTY_STAR || c == EMOJI_STAR;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t' || g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Whether @word starts at @p as a whole word (or phrase). */
static gboolean
match_word (const char  *p,
            const char  *word,
            const char **end)
{
  gsize n = strlen (word);

  if (strncmp (p, word, n) != 0 || g_unichar_isalnum (g_utf8_get_char (p + n)))
    return FALSE;

  *end = p + n;
  return TRUE;
}

static gboolean
match_any (const char         *p,
           const char * const *words,
           guint               n_words,
           const char        **end)
{
  for (guint i = 0; i < n_words; i++)
    {
      if (match_word (p, words[i], end))
        return TRUE;
    }
  return FALSE;
}

/* A number in digits: up to three, then perhaps "." or "," and one or two
 * more ("4.5", "4,5"). */
static gboolean
read_digits (const char  *p,
             gboolean     decimals,
             double      *value,
             const char **end)
{
  const char *q = p;
  double number = 0;

  while (g_ascii_isdigit (*q) && q - p < 3)
    number = number * 10 + (*q++ - '0');
  if (q == p || g_ascii_isdigit (*q))
    return FALSE;

  if (decimals && (*q == '.' || *q == ',') && g_ascii_isdigit (q[1]))
    {
      double scale = 0.1;

      q++;
      for (guint i = 0; i < 2 && g_ascii_isdigit (*q); i++, scale /= 10)
        number += (*q++ - '0') * scale;
      if (g_ascii_isdigit (*q))
        return FALSE;
    }

  *value = number;
  *end = q;
  return TRUE;
}

static gboolean
read_number_word (const char  *p,
                  double      *value,
                  const char **end)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    {
      if (match_word (p, number_words[i].word, end))
        {
          *value = number_words[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
read_number (const char  *p,
             gboolean     decimals,
             double      *value,
             const char **end)
{
  if (g_ascii_isdigit (*p))
    return read_digits (p, decimals, value, end);
  return read_number_word (p, value, end);
}

/* Where a number may start: at the start of the text or after anything
 * but a letter, a digit, a slash, or a decimal point after a digit. */
static gboolean
starts_word (const char *text,
             const char *p)
{
  const char *before;
  gunichar c;

  if (p == text)
    return TRUE;

  before = g_utf8_prev_char (p);
  c = g_utf8_get_char (before);
  if (g_unichar_isalnum (c) || c == '/')
    return FALSE;
  if ((c == '.' || c == ',') && before > text && g_ascii_isdigit (before[-1]))
    return FALSE;
  return TRUE;
}

static Judged
judge (double  numerator,
       double  denominator,
       double *score)
{
  if (denominator != 5 && denominator != 10)
    return JUDGED_NOTHING;
  if (numerator > denominator)
    return JUDGED_OUT_OF_RANGE;

  *score = numerator * 5 / denominator;
  return JUDGED_SCORE;
}

/* A run of star glyphs at @p, perhaps with spaces or emoji variation
 * selectors between them: returns where it ends. */
static const char *
count_star_run (const char *p,
                guint      *filled,
                guint      *empty)
{
  *filled = *empty = 0;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == FILLED_STAR || c == EMOJI_STAR)
        (*filled)++;
      else if (c == EMPTY_STAR)
        (*empty)++;
      else if (!(c == EMOJI_VARIANT || (c == ' ' && is_star (g_utf8_get_char (p + 1)))))
        return p;
      p = g_utf8_next_char (p);
    }
}

/* "stars" or the like, or a run of star glyphs, which then only repeats
 * the number before it ("4 ★★★★☆"). */
static gboolean
ends_unit (const char  *p,
           const char **end)
{
  guint filled, empty;

  if (is_star (g_utf8_get_char (p)))
    {
      *end = count_star_run (p, &filled, &empty);
      return TRUE;
    }
  return match_any (p, unit_words, G_N_ELEMENTS (unit_words), end);
}

/* After "N/D": no further digits, slash or decimals ("10/10/2025"). */
static gboolean
ends_fraction (const char *p)
{
  return !g_ascii_isdigit (*p) && *p != '/' &&
         !((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]));
}

/* After "N of D" or "N de D": the phrase ends there. */
static gboolean
ends_phrase (const char *p)
{
  const char *end;

  p = skip_spaces (p);
  if (*p == '\0' || ends_unit (p, &end) ||
      match_any (p, clause_words, G_N_ELEMENTS (clause_words), &end))
    return TRUE;
  return !g_unichar_isalnum (g_utf8_get_char (p)) && ends_fraction (p);
}

/* What follows the number @numerator, read at @p; @end is moved past it
 * when it was a score. */
static Judged
read_after_number (const char  *p,
                   double       numerator,
                   gboolean     in_digits,
                   double      *score,
                   const char **end)
{
  const char *q = skip_spaces (p);
  const char *connector_end;
  double denominator;

  if (in_digits && *q == '/')
    {
      q = skip_spaces (q + 1);
      if (!read_digits (q, FALSE, &denominator, end) || !ends_fraction (*end))
        return JUDGED_NOTHING;
      return judge (numerator, denominator, score);
    }

  if (match_any (q, connectors, G_N_ELEMENTS (connectors), &connector_end))
    {
      gboolean strict = match_any (q, strict_connectors, G_N_ELEMENTS (strict_connectors), &connector_end);

      q = skip_spaces (connector_end);
      if (!read_number (q, FALSE, &denominator, end) || (strict && !ends_phrase (*end)))
        return JUDGED_NOTHING;
      return judge (numerator, denominator, score);
    }

  if (ends_unit (q, end))
    {
      if (numerator > 5)
        return JUDGED_OUT_OF_RANGE;
      *score = numerator;
      return JUDGED_SCORE;
    }

  return JUDGED_NOTHING;
}

static Judged
judge_star_run (guint   filled,
                guint   empty,
                double *score)
{
  if (empty > 0)
    return judge (filled, filled + empty, score);
  if (filled > 5)
    return JUDGED_OUT_OF_RANGE;
  *score = filled;
  return JUDGED_SCORE;
}

/**
 * chorus_score_reply_parse:
 * @text: a reply, as plain text
 * @score: (out): where to put the score, from 0 to 5
 *
 * Reads the score a reply gives, in the forms listed above.
 *
 * Returns: %CHORUS_SCORE_REPLY_FOUND with @score set, or why not
 */
ChorusScoreReply
chorus_score_reply_parse (const char *text,
                          double     *score)
{
  g_autofree char *lower = NULL;
  Tally tally = { FALSE, };
  const char *p;

  g_return_val_if_fail (score != NULL, CHORUS_SCORE_REPLY_NONE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return CHORUS_SCORE_REPLY_NONE;

  lower = g_utf8_strdown (text, -1);
  for (p = lower; *p != '\0';)
    {
      const char *end = NULL;
      double number, value = 0;
      Judged judged = JUDGED_NOTHING;
      guint filled, empty;

      if (is_star (g_utf8_get_char (p)))
        {
          end = count_star_run (p, &filled, &empty);
          judged = judge_star_run (filled, empty, &value);
        }
      else if (starts_word (lower, p) && read_number (p, TRUE, &number, &end))
        {
          const char *number_end = end;

          judged = read_after_number (number_end, number, g_ascii_isdigit (*p), &value, &end);
          if (judged == JUDGED_NOTHING)
            end = number_end;
        }

      tally_add (&tally, judged, value);
      p = end != NULL && end > p ? end : g_utf8_next_char (p);
    }

  if (tally.disagree || (tally.found && tally.out_of_range))
    return CHORUS_SCORE_REPLY_AMBIGUOUS;
  if (tally.out_of_range)
    return CHORUS_SCORE_REPLY_OUT_OF_RANGE;
  if (!tally.found)
    return CHORUS_SCORE_REPLY_NONE;

  *score = tally.value;
  return CHORUS_SCORE_REPLY_FOUND;
}
