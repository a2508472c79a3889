/* chorus-sentiment.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chorus-sentiment.h"
#include "chorus-sentiment-private.h"

/* Sentiment of a post, from a lexicon a person can read (the
 * chorus-sentiment-lexicon-*.c files), so that the inbox can show which
 * words made a conversation negative and a person can judge it. No model,
 * no network: it runs on every post stored, in the ingest's thread.
 *
 * Each opinion word or emoji has a weight from -4 to 4. The clause around
 * it changes it:
 *  - a negator up to three words before it ("not", "n't", "no me", "nunca")
 *    turns it around and weakens it (× -0.74, after VADER), or gives it
 *    the lexicon's own negated weight ("doesn't work" is worse than "works"
 *    is good); "at all" or "nada" after a negated word strengthen it;
 *  - modifiers right before it multiply it: "very" × 1.3, "un poco" × 0.6;
 *    "mucho" or "so much" after it too;
 *  - capitals, "soooo", "-ísimo" × 1.3 each; each "!" in its sentence
 *    × 1.1 (up to three); praise in a sentence asking "?" × 0.5, since
 *    "is it good?" is no opinion yet, while "anyone else having problems
 *    with the app?" is a complaint all the same;
 *  - "but" / "pero": words before the last one count half, after it 1.5.
 * Negation and modifiers stop at punctuation and at "but".
 *
 * The sum s gives a score of s / sqrt (s² + 15), between -1 and 1 (as in
 * VADER). The label is positive from 0.25 up and negative from -0.25 down,
 * that is a sum of at least 1 either way: one plain "good" (1.9) or "bad"
 * (-2.5) is enough, "ok" (0.8) or "a bit slow" (-0.8) are not. Weak or
 * balanced evidence stays neutral. */

#define NEGATION_SCALE      -0.74
#define NEGATION_SCOPE      3       /* words between a negator and what it negates */
#define POST_MODIFIER_SCOPE 2
#define EMPHASIS            1.3     /* capitals, repeated letters, "-ísimo" */
#define EXCLAMATION         0.1     /* per "!" in the sentence */
#define MAX_EXCLAMATIONS    3
#define QUESTION            0.5
#define BEFORE_CONTRAST     0.5
#define AFTER_CONTRAST      1.5
#define NORMALIZATION       15.0
#define LABEL_THRESHOLD     0.25

typedef struct
{
  guint              first;       /* tokens */
  guint              last;
  ChorusTokenKind    kind;
  const ChorusEntry *entry;       /* NULL when the lexicons do not know it */
  gboolean           emphasised;
} Unit;

typedef struct
{
  ChorusTokens    tokens;
  ChorusMatch    *matches;        /* one per token */
  GArray         *units;          /* Unit */
  ChorusLanguage  language;
  GPtrArray      *drivers;        /* NULL when only the label is wanted */
} Reader;

/* How one opinion unit is changed by the units around it. */
typedef struct
{
  guint    unit;
  int      negator;               /* unit index, or -1 */
  int      modifier;              /* unit index of the nearest modifier, or -1 */
  double   factor;
  gboolean boosted;               /* some modifier strengthens */
} Context;

static void
chorus_sentiment_driver_free (ChorusSentimentDriver *driver)
{
  g_free (driver->text);
  g_free (driver->negator);
  g_free (driver->modifier);
  g_free (driver);
}

static Unit *
unit_at (Reader *reader,
         int     index)
{
  return &g_array_index (reader->units, Unit, index);
}

static const ChorusToken *
token_at (Reader *reader,
          guint   index)
{
  return &g_array_index (reader->tokens.tokens, ChorusToken, index);
}

static guint
flags_of (const Unit *unit)
{
  return unit->entry != NULL ? unit->entry->flags : 0;
}

static gboolean
says_something (const ChorusEntry *entry)
{
  return entry != NULL && (entry->flags & ~(CHORUS_ENTRY_STOPWORD | CHORUS_ENTRY_SUBJECT)) != 0;
}

/* The text's language first; the other one where the first knows
 * nothing, since posts are often tagged with the writer's interface
 * language rather than with the language they are written in. */
static const ChorusEntry *
pick_entry (Reader                   *reader,
            const ChorusEntry *const *entries)
{
  const ChorusEntry *first = entries[reader->language];
  const ChorusEntry *other = entries[1 - reader->language];

  if (says_something (first))
    return first;
  if (says_something (other))
    return other;

  return first != NULL ? first : other;
}

static gboolean
is_opinion (const Unit *unit)
{
  return (flags_of (unit) & CHORUS_ENTRY_WORD) &&
         (unit->entry->weight != 0 || unit->entry->negated != 0);
}

static gboolean
ends_clause (const Unit *unit)
{
  return unit->kind == CHORUS_TOKEN_BREAK || (flags_of (unit) & CHORUS_ENTRY_CONTRAST);
}

/* The longest phrase of the lexicons starting at token @first, as a unit;
 * FALSE when none does. The key grows a word at a time while it is the
 * start of some phrase, so most tries end after one lookup. */
static gboolean
match_phrase (Reader *reader,
              guint   first,
              Unit   *unit)
{
  const ChorusSlot *slot = reader->matches[first].slot;
  guint n_tokens = reader->tokens.tokens->len;
  gboolean found = FALSE;
  char key[256];
  gsize length;

  if (slot == NULL || slot->phrase_length < 2)
    return FALSE;

  length = g_strlcpy (key, _chorus_token_get_folded (&reader->tokens, token_at (reader, first)),
                      sizeof key);

  for (guint i = first + 1; i < n_tokens && i - first < slot->phrase_length; i++)
    {
      const ChorusToken *token = token_at (reader, i);
      const ChorusEntry *entries[CHORUS_N_LANGUAGES];
      const char *word = _chorus_token_get_folded (&reader->tokens, token);
      gsize word_length = strlen (word);

      if (token->kind != CHORUS_TOKEN_WORD || token->quoted ||
          length + word_length + 2 > sizeof key)
        break;

      key[length++] = ' ';
      memcpy (key + length, word, word_length + 1);
      length += word_length;

      if ((slot = _chorus_sentiment_table_lookup (key)) == NULL)
        break;

      for (guint l = 0; l < CHORUS_N_LANGUAGES; l++)
        entries[l] = slot->entries[l].flags != 0 ? &slot->entries[l] : NULL;
      if (says_something (entries[0]) || says_something (entries[1]))
        {
          unit->last = i;
          unit->entry = pick_entry (reader, entries);
          found = TRUE;
        }
    }

  return found;
}

/* Groups tokens into units: phrases, single words, emoji, breaks. Lines
 * quoting someone else are left out. */
static void
build_units (Reader *reader)
{
  guint n_tokens = reader->tokens.tokens->len;

  reader->units = g_array_sized_new (FALSE, FALSE, sizeof (Unit), n_tokens);

  for (guint i = 0; i < n_tokens; i++)
    {
      const ChorusToken *token = token_at (reader, i);
      Unit unit = { i, i, token->kind, NULL, FALSE };

      if (token->quoted || token->kind == CHORUS_TOKEN_QUOTE)
        continue;

      if (token->kind != CHORUS_TOKEN_BREAK && !match_phrase (reader, i, &unit))
        {
          unit.entry = pick_entry (reader, reader->matches[i].entries);
          unit.emphasised = reader->matches[i].emphasised;
        }

      g_array_append_val (reader->units, unit);
      i = unit.last;
    }
}

static gboolean
is_caps (Reader     *reader,
         const Unit *unit)
{
  for (guint i = unit->first; i <= unit->last; i++)
    if (!token_at (reader, i)->caps)
      return FALSE;

  return TRUE;
}

static const ChorusSentence *
sentence_of (Reader     *reader,
             const Unit *unit)
{
  return &g_array_index (reader->tokens.sentences, ChorusSentence,
                         token_at (reader, unit->first)->sentence);
}

/* Modifiers right before unit @k, then a negator among the few words
 * before those. */
static void
read_context (Reader  *reader,
              guint    k,
              Context *context)
{
  int j = (int) k - 1;

  context->unit = k;
  context->negator = -1;
  context->modifier = -1;
  context->factor = 1;
  context->boosted = FALSE;

  for (; j >= 0 && !ends_clause (unit_at (reader, j)) &&
         (flags_of (unit_at (reader, j)) & CHORUS_ENTRY_MODIFIER); j--)
    {
      double factor = unit_at (reader, j)->entry->factor;

      context->factor *= factor;
      context->boosted |= factor > 1;
      if (context->modifier < 0)
        context->modifier = j;
    }

  for (int m = j; m >= 0 && m > j - NEGATION_SCOPE && !ends_clause (unit_at (reader, m)); m--)
    {
      gboolean restricted = (guint) m + 1 < k &&
                            (flags_of (unit_at (reader, m + 1)) & CHORUS_ENTRY_RESTRICTOR);

      if ((flags_of (unit_at (reader, m)) & CHORUS_ENTRY_NEGATOR) && !restricted)
        {
          context->negator = m;
          break;
        }
    }

  /* "never been so happy", "nunca tan rico": emphasis, not negation. */
  if (context->negator >= 0 && context->boosted &&
      (flags_of (unit_at (reader, context->negator)) & CHORUS_ENTRY_NEVER))
    context->negator = -1;
}

/* "I like", "don't like", "really like", but not "looks like". */
static gboolean
has_subject (Reader        *reader,
             const Context *context)
{
  int before = context->modifier >= 0 ? context->modifier - 1 : (int) context->unit - 1;

  while (before >= 0 && (flags_of (unit_at (reader, before)) & CHORUS_ENTRY_MODIFIER))
    before--;

  if (before < 0 || ends_clause (unit_at (reader, before)))
    return context->modifier >= 0;

  return (flags_of (unit_at (reader, before)) & (CHORUS_ENTRY_SUBJECT | CHORUS_ENTRY_NEGATOR)) != 0;
}

/* "at all", "nada", "so much" a word or two after unit @k: the unit
 * index, or -1. */
static int
find_post_modifier (Reader   *reader,
                    guint     k,
                    gboolean  negated)
{
  guint flags = CHORUS_ENTRY_POST_MODIFIER | (negated ? CHORUS_ENTRY_NEGATED_MODIFIER : 0);

  for (guint q = k + 1; q <= k + POST_MODIFIER_SCOPE && q < reader->units->len; q++)
    {
      const Unit *unit = unit_at (reader, q);

      if (ends_clause (unit) || is_opinion (unit))
        break;
      if (flags_of (unit) & flags)
        return q;
    }

  return -1;
}

static double
post_factor (const Unit *unit,
             gboolean    negated)
{
  if (negated && (unit->entry->flags & CHORUS_ENTRY_NEGATED_MODIFIER))
    return unit->entry->negated_factor;

  return unit->entry->flags & CHORUS_ENTRY_POST_MODIFIER ? unit->entry->post_factor : 1;
}

static char *
dup_unit_text (Reader *reader,
               int     index)
{
  const Unit *unit;
  guint start;

  if (index < 0)
    return NULL;

  unit = unit_at (reader, index);
  start = token_at (reader, unit->first)->start;
  return g_strndup (reader->tokens.text + start, token_at (reader, unit->last)->end - start);
}

static void
add_driver (Reader        *reader,
            const Context *context,
            int            post,
            double         value,
            gboolean       intensified)
{
  ChorusSentimentDriver *driver = g_new0 (ChorusSentimentDriver, 1);
  const Unit *unit = unit_at (reader, context->unit);

  driver->text = dup_unit_text (reader, context->unit);
  driver->negator = dup_unit_text (reader, context->negator);
  driver->modifier = dup_unit_text (reader, context->modifier >= 0 ? context->modifier : post);
  driver->start = token_at (reader, unit->first)->start;
  driver->end = token_at (reader, unit->last)->end;
  driver->contribution = value;
  driver->negated = context->negator >= 0;
  driver->intensified = intensified;
  driver->diminished = context->factor < 1;
  g_ptr_array_add (reader->drivers, driver);
}

/* @value of @unit with the emphasis of how it is written (capitals,
 * "soooo", "-ísimo", "!") and halved when it is praise in a question. */
static double
weigh_in_sentence (Reader     *reader,
                   const Unit *unit,
                   double      value,
                   gboolean   *intensified)
{
  const ChorusSentence *sentence = sentence_of (reader, unit);

  if (unit->emphasised || is_caps (reader, unit))
    {
      value *= EMPHASIS;
      *intensified = TRUE;
    }

  if (sentence->exclamations > 0)
    {
      value *= 1 + EXCLAMATION * MIN (sentence->exclamations, MAX_EXCLAMATIONS);
      *intensified = TRUE;
    }

  if (sentence->question && value > 0)
    value *= QUESTION;

  return value;
}

/* What unit @k adds to the sum, 0 when it adds nothing. */
static double
score_unit (Reader *reader,
            guint   k,
            int     contrast)
{
  const Unit *unit = unit_at (reader, k);
  Context context;
  gboolean negated;
  gboolean intensified;
  double value;
  int post;

  /* "pretty good", "bien rico": a modifier here, not an opinion. */
  if ((unit->entry->flags & CHORUS_ENTRY_MODIFIER) && k + 1 < reader->units->len &&
      is_opinion (unit_at (reader, k + 1)))
    return 0;

  read_context (reader, k, &context);
  if ((unit->entry->flags & CHORUS_ENTRY_NEEDS_SUBJECT) && !has_subject (reader, &context))
    return 0;

  negated = context.negator >= 0;
  if (negated)
    value = unit->entry->negated != 0 ? unit->entry->negated : unit->entry->weight * NEGATION_SCALE;
  else
    value = unit->entry->weight;
  if (value == 0)
    return 0;

  value *= CLAMP (context.factor, 0.3, 2.5);
  intensified = context.boosted;

  if ((post = find_post_modifier (reader, k, negated)) >= 0)
    {
      double factor = post_factor (unit_at (reader, post), negated);

      value *= factor;
      intensified |= factor > 1;
    }

  value = weigh_in_sentence (reader, unit, value, &intensified);
  if (contrast >= 0)
    value *= (int) k < contrast ? BEFORE_CONTRAST : AFTER_CONTRAST;

  if (reader->drivers != NULL)
    add_driver (reader, &context, post, value, intensified);

  return value;
}

static int
find_last_contrast (Reader *reader)
{
  for (int k = (int) reader->units->len - 1; k >= 0; k--)
    if (flags_of (unit_at (reader, k)) & CHORUS_ENTRY_CONTRAST)
      return k;

  return -1;
}

/* The tokens of @text and what each word matches in the lexicons. */
static void
reader_init (Reader     *reader,
             const char *text)
{
  guint n_tokens;

  memset (reader, 0, sizeof *reader);
  _chorus_tokens_init (&reader->tokens, text);
  n_tokens = reader->tokens.tokens->len;
  reader->matches = g_new (ChorusMatch, MAX (n_tokens, 1));

  for (guint i = 0; i < n_tokens; i++)
    {
      const ChorusToken *token = token_at (reader, i);
      const char *folded = _chorus_token_get_folded (&reader->tokens, token);

      if (token->kind == CHORUS_TOKEN_WORD)
        _chorus_sentiment_table_match (folded, token->elongated, &reader->matches[i]);
      else
        {
          memset (&reader->matches[i], 0, sizeof reader->matches[i]);
          if (token->kind == CHORUS_TOKEN_SYMBOL)
            {
              const ChorusSlot *slot = _chorus_sentiment_table_lookup (folded);

              for (guint l = 0; slot != NULL && l < CHORUS_N_LANGUAGES; l++)
                reader->matches[i].entries[l] = &slot->entries[l];
            }
        }
    }
}

static void
reader_clear (Reader *reader)
{
  _chorus_tokens_clear (&reader->tokens);
  g_clear_pointer (&reader->matches, g_free);
  g_clear_pointer (&reader->units, g_array_unref);
}

/* The sum of what every unit adds. */
static double
reader_run (Reader     *reader,
            const char *language)
{
  gboolean known;
  double sum = 0;
  int contrast;

  reader->language = _chorus_sentiment_language_from_tag (language, &known);
  if (!known && !_chorus_sentiment_guess (&reader->tokens, reader->matches, &reader->language))
    reader->language = CHORUS_LANGUAGE_EN;

  build_units (reader);
  contrast = find_last_contrast (reader);

  for (guint k = 0; k < reader->units->len; k++)
    if (is_opinion (unit_at (reader, k)))
      sum += score_unit (reader, k, contrast);

  return sum;
}

static double
normalize (double sum)
{
  return sum / sqrt (sum * sum + NORMALIZATION);
}

static ChorusSentiment
label_for (double score)
{
  if (score >= LABEL_THRESHOLD)
    return CHORUS_SENTIMENT_POSITIVE;
  if (score <= -LABEL_THRESHOLD)
    return CHORUS_SENTIMENT_NEGATIVE;

  return CHORUS_SENTIMENT_NEUTRAL;
}

/**
 * chorus_sentiment_analyze:
 * @text: a post's plain text, UTF-8
 * @language: (nullable): its BCP 47 language tag ("en", "es-419"…), or
 *   %NULL when unknown
 *
 * Reads the sentiment of @text with the English and Spanish lexicons,
 * @language's first; when @language is %NULL or neither of the two, the
 * language is guessed from the text. The score is between -1 and 1; the
 * label is positive from 0.25 and negative from -0.25, neutral between
 * (the comment at the top of chorus-sentiment.c explains the rules). Pure
 * and thread-safe: a few microseconds for a typical post.
 *
 * Returns: (transfer full): the label, the score and the drivers, in text
 *   order
 */
ChorusSentimentAnalysis *
chorus_sentiment_analyze (const char *text,
                          const char *language)
{
  ChorusSentimentAnalysis *sentiment;
  Reader reader;
  double sum;

  g_return_val_if_fail (text != NULL, NULL);

  sentiment = g_new0 (ChorusSentimentAnalysis, 1);
  sentiment->drivers =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_sentiment_driver_free);

  reader_init (&reader, text);
  reader.drivers = sentiment->drivers;
  sum = reader_run (&reader, language);

  sentiment->score = normalize (sum);
  sentiment->label = label_for (sentiment->score);
  sentiment->language = reader.language == CHORUS_LANGUAGE_ES ? "es" : "en";
  reader_clear (&reader);

  return sentiment;
}

/**
 * chorus_sentiment_classify:
 * @text: a post's plain text, UTF-8
 * @language: (nullable): its BCP 47 language tag, or %NULL
 *
 * The label chorus_sentiment_analyze() gives, without collecting the
 * drivers: what ingest stores for every post.
 *
 * Returns: the label
 */
ChorusSentiment
chorus_sentiment_classify (const char *text,
                           const char *language)
{
  Reader reader;
  double sum;

  g_return_val_if_fail (text != NULL, CHORUS_SENTIMENT_NEUTRAL);

  reader_init (&reader, text);
  sum = reader_run (&reader, language);
  reader_clear (&reader);

  return label_for (normalize (sum));
}

/**
 * _chorus_sentiment_read_signals:
 * @text: a post's plain text, UTF-8
 * @language: (nullable): its BCP 47 language tag, or %NULL
 * @question: (out): what chorus_question_detect() tells of @text
 *
 * Both signals ingest stores, from one reading of the text.
 *
 * Returns: what chorus_sentiment_classify() tells of @text
 */
ChorusSentiment
_chorus_sentiment_read_signals (const char *text,
                                const char *language,
                                gboolean   *question)
{
  Reader reader;
  double sum;

  reader_init (&reader, text);
  sum = reader_run (&reader, language);
  *question = _chorus_question_scan (&reader.tokens, reader.language == CHORUS_LANGUAGE_ES);
  reader_clear (&reader);

  return label_for (normalize (sum));
}

/**
 * chorus_sentiment_guess_language:
 * @text: UTF-8 text
 *
 * Tells English from Spanish by their most frequent words ("the", "is";
 * "el", "que") and by "¿", "¡" and "ñ".
 *
 * Returns: (nullable): "en", "es", or %NULL when the text does not say
 */
const char *
chorus_sentiment_guess_language (const char *text)
{
  ChorusTokens tokens;
  ChorusLanguage language;
  gboolean guessed;

  g_return_val_if_fail (text != NULL, NULL);

  _chorus_tokens_init (&tokens, text);
  guessed = _chorus_sentiment_guess (&tokens, NULL, &language);
  _chorus_tokens_clear (&tokens);

  if (!guessed)
    return NULL;

  return language == CHORUS_LANGUAGE_ES ? "es" : "en";
}

/**
 * chorus_sentiment_analysis_free:
 * @analysis: (transfer full): a #ChorusSentimentAnalysis
 */
void
chorus_sentiment_analysis_free (ChorusSentimentAnalysis *analysis)
{
  if (analysis == NULL)
    return;

  g_ptr_array_unref (analysis->drivers);
  g_free (analysis);
}
