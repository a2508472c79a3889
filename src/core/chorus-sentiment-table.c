/* chorus-sentiment-table.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-sentiment-private.h"

/* One hash table of every folded word and phrase of both lexicons, built
 * once per process and read-only afterwards, so that ingest threads share
 * it without locks. A slot holds what each language knows about its key,
 * so one lookup serves both the analysis and the language guess. Words
 * that are not there are tried again in their regular forms: English
 * plurals, past tenses, gerunds, adverbs and comparatives; Spanish gender,
 * number, "-mente" adverbs and "-ísimo" superlatives (which also count as
 * emphasis); and letters repeated for emphasis ("goooood"). */

typedef struct
{
  const char *suffix;
  gsize       cut;
  char        last;             /* the suffix's last letter, checked first */
  const char *replacement;
  gsize       added;
  gboolean    emphasis;
} Rule;

#define ANY_RULE(suffix, replacement, emphasis) \
  { suffix, sizeof suffix - 1, suffix[sizeof suffix - 2], \
    replacement, sizeof replacement - 1, emphasis }
#define RULE(suffix, replacement) ANY_RULE (suffix, replacement, FALSE)
#define EMPHASIS_RULE(suffix, replacement) ANY_RULE (suffix, replacement, TRUE)

/* Grouped by last letter, the first of a group tried first. */
static const Rule english_rules[] = {
  RULE ("ies", "y"), RULE ("es", ""), RULE ("s", ""),
  RULE ("ied", "y"), RULE ("ed", ""), RULE ("ed", "e"),
  RULE ("ing", ""), RULE ("ing", "e"),
  RULE ("ily", "y"), RULE ("ly", ""),
  RULE ("ier", "y"), RULE ("er", ""), RULE ("er", "e"),
  RULE ("iest", "y"), RULE ("est", ""), RULE ("est", "e"),
};

static const Rule spanish_rules[] = {
  EMPHASIS_RULE ("quisimo", "co"), EMPHASIS_RULE ("bilisimo", "ble"), EMPHASIS_RULE ("isimo", "o"),
  EMPHASIS_RULE ("isimo", "e"), EMPHASIS_RULE ("isimo", ""),
  EMPHASIS_RULE ("quisima", "co"), EMPHASIS_RULE ("bilisima", "ble"), EMPHASIS_RULE ("isima", "o"),
  EMPHASIS_RULE ("isima", "e"), EMPHASIS_RULE ("isima", ""), RULE ("a", "o"),
  EMPHASIS_RULE ("quisimos", "co"), EMPHASIS_RULE ("quisimas", "co"), EMPHASIS_RULE ("isimos", "o"),
  EMPHASIS_RULE ("isimas", "o"), RULE ("as", "o"), RULE ("os", "o"), RULE ("ces", "z"),
  RULE ("es", ""), RULE ("s", ""),
  RULE ("amente", "o"), RULE ("mente", ""),
};

/* Where each last letter's group starts in a rule list, and its size. */
typedef struct
{
  guint8 start[128];
  guint8 count[128];
} RuleIndex;

static RuleIndex english_index;
static RuleIndex spanish_index;

/* Words ending in "n't" negate, whichever verb they contract. */
static const ChorusEntry contraction = { .flags = CHORUS_ENTRY_NEGATOR };

static GHashTable *table;

static ChorusSlot *
ensure_slot (GHashTable *slots,
             const char *key)
{
  ChorusSlot *slot = g_hash_table_lookup (slots, key);

  if (slot == NULL)
    {
      slot = g_new0 (ChorusSlot, 1);
      g_hash_table_insert (slots, g_strdup (key), slot);
    }

  return slot;
}

/* The entry of @text in @language, created when new; phrases also mark
 * their first word, so that the analyser only tries phrases where one
 * may start. */
static ChorusEntry *
add_entry (GHashTable     *slots,
           ChorusLanguage  language,
           const char     *text,
           guint           flags)
{
  g_autofree char *key = _chorus_sentiment_fold (text);
  const char *space = strchr (key, ' ');
  ChorusSlot *slot;

  g_assert (*key != '\0');

  /* Each start of a phrase knows how long the phrases it starts go, so
   * that the analyser tries a phrase only as long as one may match. */
  if (space != NULL)
    {
      guint words = 1;

      for (const char *p = key; *p != '\0'; p++)
        words += *p == ' ';
      g_assert (words <= CHORUS_PHRASE_MAX_WORDS);

      for (const char *p = key; (p = strchr (p, ' ')) != NULL; p++)
        {
          g_autofree char *start = g_strndup (key, p - key);

          slot = ensure_slot (slots, start);
          slot->phrase_length = MAX (slot->phrase_length, words);
        }
    }

  slot = ensure_slot (slots, key);
  slot->entries[language].flags |= flags;
  return &slot->entries[language];
}

static void
add_words (GHashTable                *slots,
           ChorusLanguage             language,
           const ChorusSentimentWord *words,
           guint                      n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      guint flags = CHORUS_ENTRY_WORD;
      ChorusEntry *entry;

      if (words[i].flags & CHORUS_SENTIMENT_NEEDS_SUBJECT)
        flags |= CHORUS_ENTRY_NEEDS_SUBJECT;

      entry = add_entry (slots, language, words[i].text, flags);
      entry->weight = words[i].weight;
      entry->negated = words[i].negated;
    }
}

static void
add_modifiers (GHashTable                    *slots,
               ChorusLanguage                 language,
               const ChorusSentimentModifier *modifiers,
               guint                          n_modifiers,
               ChorusEntryFlags               flag)
{
  for (guint i = 0; i < n_modifiers; i++)
    {
      ChorusEntry *entry = add_entry (slots, language, modifiers[i].text, flag);

      if (flag == CHORUS_ENTRY_MODIFIER)
        entry->factor = modifiers[i].factor;
      else if (flag == CHORUS_ENTRY_POST_MODIFIER)
        entry->post_factor = modifiers[i].factor;
      else
        entry->negated_factor = modifiers[i].factor;
    }
}

static void
add_list (GHashTable         *slots,
          ChorusLanguage      language,
          const char * const *texts,
          guint               n_texts,
          ChorusEntryFlags    flag)
{
  for (guint i = 0; i < n_texts; i++)
    add_entry (slots, language, texts[i], flag);
}

static void
add_lexicon (GHashTable                   *slots,
             ChorusLanguage                language,
             const ChorusSentimentLexicon *lexicon)
{
  add_words (slots, language, lexicon->words, lexicon->n_words);
  add_words (slots, language, _chorus_sentiment_symbols, _chorus_sentiment_n_symbols);
  add_modifiers (slots, language, lexicon->modifiers, lexicon->n_modifiers,
                 CHORUS_ENTRY_MODIFIER);
  add_modifiers (slots, language, lexicon->post_modifiers, lexicon->n_post_modifiers,
                 CHORUS_ENTRY_POST_MODIFIER);
  add_modifiers (slots, language, lexicon->negated_modifiers, lexicon->n_negated_modifiers,
                 CHORUS_ENTRY_NEGATED_MODIFIER);
  add_list (slots, language, lexicon->negators, lexicon->n_negators, CHORUS_ENTRY_NEGATOR);
  add_list (slots, language, lexicon->nevers, lexicon->n_nevers, CHORUS_ENTRY_NEVER);
  add_list (slots, language, lexicon->contrasts, lexicon->n_contrasts, CHORUS_ENTRY_CONTRAST);
  add_list (slots, language, lexicon->restrictors, lexicon->n_restrictors,
            CHORUS_ENTRY_RESTRICTOR);
  add_list (slots, language, lexicon->subjects, lexicon->n_subjects, CHORUS_ENTRY_SUBJECT);
  add_list (slots, language, lexicon->stopwords, lexicon->n_stopwords, CHORUS_ENTRY_STOPWORD);
}

static void
index_rules (const Rule *rules,
             guint       n_rules,
             RuleIndex  *index)
{
  for (guint i = 0; i < n_rules; i++)
    {
      guint8 last = (guint8) rules[i].last;

      g_assert (last < 128 && (index->count[last] == 0 || rules[i - 1].last == rules[i].last));
      if (index->count[last]++ == 0)
        index->start[last] = i;
    }
}

static GHashTable *
ensure_table (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GHashTable *slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      index_rules (english_rules, G_N_ELEMENTS (english_rules), &english_index);
      index_rules (spanish_rules, G_N_ELEMENTS (spanish_rules), &spanish_index);

      add_lexicon (slots, CHORUS_LANGUAGE_EN, &_chorus_sentiment_lexicon_en);
      add_lexicon (slots, CHORUS_LANGUAGE_ES, &_chorus_sentiment_lexicon_es);
      table = slots;
      g_once_init_leave (&initialized, 1);
    }

  return table;
}

const ChorusSlot *
_chorus_sentiment_table_lookup (const char *folded)
{
  return g_hash_table_lookup (ensure_table (), folded);
}

/* An entry that says something about a word form: being a stop word or a
 * subject does not. */
static const ChorusEntry *
lookup_form (const char     *folded,
             ChorusLanguage  language)
{
  const ChorusSlot *slot = _chorus_sentiment_table_lookup (folded);

  if (slot == NULL ||
      (slot->entries[language].flags & ~(CHORUS_ENTRY_STOPWORD | CHORUS_ENTRY_SUBJECT)) == 0)
    return NULL;

  return &slot->entries[language];
}

static const ChorusEntry *
try_rules (const char      *word,
           gsize            length,
           ChorusLanguage   language,
           const Rule      *rules,
           const RuleIndex *index,
           gboolean        *emphasis)
{
  guint8 last = (guchar) word[length - 1];
  const Rule *group;
  char form[64];

  if (last >= 128 || index->count[last] == 0)
    return NULL;

  group = rules + index->start[last];
  for (const Rule *rule = group; rule < group + index->count[last]; rule++)
    {
      const ChorusEntry *entry;
      gsize stem;

      /* The stem keeps two letters at least ("ri-quísimo"), the form three. */
      stem = length - rule->cut;
      if (length < rule->cut + 2 || stem + rule->added < 3 || stem + rule->added >= sizeof form ||
          memcmp (word + stem, rule->suffix, rule->cut) != 0 ||
          (rule->cut == 1 && (guchar) word[length - 2] == last))
        continue;

      memcpy (form, word, stem);
      memcpy (form + stem, rule->replacement, rule->added + 1);

      if ((entry = lookup_form (form, language)) != NULL)
        {
          *emphasis |= rule->emphasis;
          return entry;
        }
    }

  return NULL;
}

/* "jajaja", "jejeje", "hahaha": laughter, in syllables of an h or a j and
 * a vowel. Returns the lexicon's form of it, or NULL. */
static const char *
laughter_form (const char *word)
{
  gsize length = strlen (word);

  if (length < 4 || (word[0] != 'j' && word[0] != 'h'))
    return NULL;

  for (gsize i = 0; i < length; i++)
    if ((i % 2 == 0 && word[i] != 'j' && word[i] != 'h') ||
        (i % 2 == 1 && strchr ("aeiou", word[i]) == NULL))
      return NULL;

  return word[0] == 'j' ? "jaja" : "haha";
}

/* @word with every run of three or more equal letters cut to @keep. */
static void
collapse_runs (const char *word,
               guint       keep,
               char       *form,
               gsize       size)
{
  gsize n = 0;
  guint run = 0;

  for (const char *p = word; *p != '\0' && n + 1 < size; p++)
    {
      run = p > word && *p == p[-1] ? run + 1 : 1;
      if (run <= keep)
        form[n++] = *p;
    }

  form[n] = '\0';
}

static gboolean
match_slot (const ChorusSlot *slot,
            ChorusMatch      *match)
{
  gboolean found = FALSE;

  for (guint l = 0; l < CHORUS_N_LANGUAGES; l++)
    if (slot != NULL && slot->entries[l].flags != 0)
      {
        match->entries[l] = &slot->entries[l];
        found = TRUE;
      }

  return found;
}

static gboolean
match_exact (const char  *folded,
             ChorusMatch *match)
{
  return match_slot (_chorus_sentiment_table_lookup (folded), match);
}

static gboolean
match_elongated (const char  *folded,
                 ChorusMatch *match)
{
  char form[64];

  if (strlen (folded) >= sizeof form)
    return FALSE;

  for (guint keep = 2; keep >= 1; keep--)
    {
      collapse_runs (folded, keep, form, sizeof form);
      if (match_exact (form, match))
        {
          match->emphasised = TRUE;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * _chorus_sentiment_table_match:
 * @folded: a folded word of a post
 * @elongated: whether it repeats a letter three times or more
 * @match: (out caller-allocates): what each language knows of it
 *
 * Looks the word up as written, then in its regular forms.
 */
void
_chorus_sentiment_table_match (const char  *folded,
                               gboolean     elongated,
                               ChorusMatch *match)
{
  const char *laughter;
  gsize length = strlen (folded);

  memset (match, 0, sizeof *match);
  match->slot = _chorus_sentiment_table_lookup (folded);

  if (length > 3 && strcmp (folded + length - 3, "n't") == 0)
    {
      match->entries[CHORUS_LANGUAGE_EN] = &contraction;
      return;
    }

  if (match_slot (match->slot, match) || length < 4)
    return;

  if ((laughter = laughter_form (folded)) != NULL)
    {
      match_exact (laughter, match);
      return;
    }

  if (elongated && match_elongated (folded, match))
    return;

  match->entries[CHORUS_LANGUAGE_EN] = try_rules (folded, length, CHORUS_LANGUAGE_EN, english_rules,
                                                  &english_index, &match->emphasised);
  match->entries[CHORUS_LANGUAGE_ES] = try_rules (folded, length, CHORUS_LANGUAGE_ES, spanish_rules,
                                                  &spanish_index, &match->emphasised);
}

ChorusLanguage
_chorus_sentiment_language_from_tag (const char *language,
                                     gboolean   *known)
{
  *known = TRUE;

  if (language != NULL && g_ascii_strncasecmp (language, "es", 2) == 0 &&
      (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
    return CHORUS_LANGUAGE_ES;

  *known = language != NULL && g_ascii_strncasecmp (language, "en", 2) == 0 &&
           (language[2] == '\0' || language[2] == '-' || language[2] == '_');
  return CHORUS_LANGUAGE_EN;
}

/**
 * _chorus_sentiment_guess:
 * @tokens: a post's tokens
 * @matches: (nullable): what each of its tokens matched, by token index,
 *   or %NULL to look them up
 * @language: (out): the language it is written in
 *
 * Counts the stop words of each language, and "¿", "¡" and "ñ" for
 * Spanish.
 *
 * Returns: %FALSE when neither language has more evidence than the other
 */
gboolean
_chorus_sentiment_guess (ChorusTokens      *tokens,
                         const ChorusMatch *matches,
                         ChorusLanguage    *language)
{
  guint votes[CHORUS_N_LANGUAGES] = { 0, };

  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const ChorusToken *token = &g_array_index (tokens->tokens, ChorusToken, i);
      const ChorusSlot *slot = NULL;

      if (matches != NULL)
        slot = matches[i].slot;
      else if (token->kind == CHORUS_TOKEN_WORD)
        slot = _chorus_sentiment_table_lookup (_chorus_token_get_folded (tokens, token));

      if (token->kind == CHORUS_TOKEN_BREAK && (token->mark == 0x00BF || token->mark == 0x00A1))
        votes[CHORUS_LANGUAGE_ES]++;

      for (guint l = 0; slot != NULL && l < CHORUS_N_LANGUAGES; l++)
        votes[l] += (slot->entries[l].flags & CHORUS_ENTRY_STOPWORD) != 0;
    }

  if (strstr (tokens->text, "ñ") != NULL || strstr (tokens->text, "Ñ") != NULL)
    votes[CHORUS_LANGUAGE_ES]++;

  if (votes[CHORUS_LANGUAGE_EN] == votes[CHORUS_LANGUAGE_ES])
    return FALSE;

  *language = votes[CHORUS_LANGUAGE_EN] > votes[CHORUS_LANGUAGE_ES] ? CHORUS_LANGUAGE_EN
                                                                    : CHORUS_LANGUAGE_ES;
  return TRUE;
}
