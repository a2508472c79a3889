/* chorus-sentiment-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-sentiment.h"

G_BEGIN_DECLS

/* The pieces of the sentiment analyser and the question detector
 * (chorus-question.c) share this header: the lexicon data
 * (chorus-sentiment-lexicon-*.c), the tokenizer (chorus-sentiment-tokens.c)
 * and the lookup table built from the lexicons (chorus-sentiment-table.c). */

/* --- Lexicon data ------------------------------------------------------ */

typedef enum
{
  /* An opinion only after a subject: "I like it", not "looks like rain". */
  CHORUS_SENTIMENT_NEEDS_SUBJECT = 1 << 0,
} ChorusSentimentWordFlags;

/* Texts are written as people write them (accents, apostrophes); phrases
 * are up to five words separated by single spaces. */
typedef struct
{
  const char *text;
  float       weight;     /* -4 (worst) to 4 (best); 0: only matters negated */
  float       negated;    /* the weight under negation, when not the usual one; else 0 */
  guint       flags;      /* ChorusSentimentWordFlags */
} ChorusSentimentWord;

typedef struct
{
  const char *text;
  float       factor;     /* above 1 strengthens, below 1 weakens */
} ChorusSentimentModifier;

typedef struct
{
  const ChorusSentimentWord     *words;
  guint                          n_words;
  const ChorusSentimentModifier *modifiers;         /* before the word: "very", "un poco" */
  guint                          n_modifiers;
  const ChorusSentimentModifier *post_modifiers;    /* after it: "so much", "mucho" */
  guint                          n_post_modifiers;
  const ChorusSentimentModifier *negated_modifiers; /* after a negated word: "at all", "nada" */
  guint                          n_negated_modifiers;
  const char * const            *negators;
  guint                          n_negators;
  const char * const            *nevers;            /* negators "so"/"tan" turn into emphasis */
  guint                          n_nevers;
  const char * const            *contrasts;         /* "but": the clause after it counts more */
  guint                          n_contrasts;
  const char * const            *restrictors;       /* "only" in "not only" */
  guint                          n_restrictors;
  const char * const            *subjects;          /* for CHORUS_SENTIMENT_NEEDS_SUBJECT */
  guint                          n_subjects;
  const char * const            *stopwords;         /* function words, to guess the language */
  guint                          n_stopwords;
} ChorusSentimentLexicon;

/* A lexicon from the arrays a lexicon file defines, under these names. */
#define CHORUS_SENTIMENT_LEXICON \
  { \
    words, G_N_ELEMENTS (words), \
    modifiers, G_N_ELEMENTS (modifiers), \
    post_modifiers, G_N_ELEMENTS (post_modifiers), \
    negated_modifiers, G_N_ELEMENTS (negated_modifiers), \
    negators, G_N_ELEMENTS (negators), \
    nevers, G_N_ELEMENTS (nevers), \
    contrasts, G_N_ELEMENTS (contrasts), \
    restrictors, G_N_ELEMENTS (restrictors), \
    subjects, G_N_ELEMENTS (subjects), \
    stopwords, G_N_ELEMENTS (stopwords), \
  }

extern const ChorusSentimentLexicon _chorus_sentiment_lexicon_en;
extern const ChorusSentimentLexicon _chorus_sentiment_lexicon_es;

/* Emoji and ASCII emoticons, the same in every language. */
extern const ChorusSentimentWord _chorus_sentiment_symbols[];
extern const guint               _chorus_sentiment_n_symbols;

/* --- Tokens ------------------------------------------------------------ */

typedef enum
{
  CHORUS_TOKEN_WORD,
  CHORUS_TOKEN_SYMBOL,    /* an emoji or an emoticon */
  CHORUS_TOKEN_BREAK,     /* punctuation that ends a clause or a sentence */
  CHORUS_TOKEN_QUOTE,     /* a quotation mark */
} ChorusTokenKind;

typedef struct
{
  ChorusTokenKind kind;
  guint           start;          /* bytes in the text */
  guint           end;
  guint           folded;         /* offset of the folded form in ChorusTokens.folded */
  guint           sentence;       /* index in ChorusTokens.sentences */
  gunichar        mark;           /* for BREAK and QUOTE: the character */
  guint           caps : 1;       /* two or more letters, all capitals */
  guint           elongated : 1;  /* a letter written three times or more: "soooo" */
  guint           accented : 1;   /* folding dropped an accent: "cómo" */
  guint           quoted : 1;     /* on a line quoting someone else ("> …") */
} ChorusToken;

typedef struct
{
  guint    exclamations;        /* "!" and "¡" */
  gboolean question;            /* "?", "¿" or "？" */
} ChorusSentence;

typedef struct
{
  const char *text;
  GArray     *tokens;           /* ChorusToken */
  GArray     *sentences;        /* ChorusSentence */
  GString    *folded;           /* the folded forms, each ending in a NUL */
} ChorusTokens;

void         _chorus_tokens_init          (ChorusTokens      *tokens,
                                           const char        *text);
void         _chorus_tokens_clear         (ChorusTokens      *tokens);
const char  *_chorus_token_get_folded     (ChorusTokens      *tokens,
                                           const ChorusToken *token);
char        *_chorus_sentiment_fold       (const char        *text);

/* --- The lookup table -------------------------------------------------- */

typedef enum
{
  CHORUS_LANGUAGE_EN,
  CHORUS_LANGUAGE_ES,
  CHORUS_N_LANGUAGES
} ChorusLanguage;

/* The roles a word or phrase has in one language. */
typedef enum
{
  CHORUS_ENTRY_WORD             = 1 << 0,   /* an opinion: weight, negated */
  CHORUS_ENTRY_MODIFIER         = 1 << 1,   /* factor */
  CHORUS_ENTRY_POST_MODIFIER    = 1 << 2,   /* post_factor */
  CHORUS_ENTRY_NEGATED_MODIFIER = 1 << 3,   /* negated_factor */
  CHORUS_ENTRY_NEGATOR          = 1 << 4,
  CHORUS_ENTRY_NEVER            = 1 << 5,
  CHORUS_ENTRY_CONTRAST         = 1 << 6,
  CHORUS_ENTRY_RESTRICTOR       = 1 << 7,
  CHORUS_ENTRY_SUBJECT          = 1 << 8,
  CHORUS_ENTRY_NEEDS_SUBJECT    = 1 << 9,
  CHORUS_ENTRY_STOPWORD         = 1 << 10,
} ChorusEntryFlags;

/* What one language knows about a folded word or phrase. */
typedef struct
{
  float  weight;
  float  negated;
  float  factor;
  float  post_factor;
  float  negated_factor;
  guint  flags;                 /* ChorusEntryFlags; 0 when the language does not know it */
} ChorusEntry;

typedef struct
{
  ChorusEntry entries[CHORUS_N_LANGUAGES];
  guint       phrase_length;    /* the longest phrase this key starts, in words; 0 if none */
} ChorusSlot;

/* What a word of the text matched, in each language; NULL where nothing. */
typedef struct
{
  const ChorusEntry *entries[CHORUS_N_LANGUAGES];
  const ChorusSlot  *slot;        /* the exact form's slot, for phrases; or NULL */
  gboolean           emphasised;  /* found through "-ísimo" or repeated letters */
} ChorusMatch;

#define CHORUS_PHRASE_MAX_WORDS 5

const ChorusSlot *_chorus_sentiment_table_lookup      (const char        *folded);
void              _chorus_sentiment_table_match       (const char        *folded,
                                                       gboolean           elongated,
                                                       ChorusMatch       *match);
ChorusLanguage    _chorus_sentiment_language_from_tag (const char        *language,
                                                       gboolean          *known);
gboolean          _chorus_sentiment_guess             (ChorusTokens      *tokens,
                                                       const ChorusMatch *matches,
                                                       ChorusLanguage    *language);

/* --- Both signals from one reading, for ingest ------------------------- */

gboolean          _chorus_question_scan               (ChorusTokens      *tokens,
                                                       gboolean           spanish);
ChorusSentiment   _chorus_sentiment_read_signals      (const char        *text,
                                                       const char        *language,
                                                       gboolean          *question);

G_END_DECLS
