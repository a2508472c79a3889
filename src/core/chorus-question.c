/* chorus-question.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-question.h"
#include "chorus-sentiment-private.h"

/* Whether a post asks something, so that the inbox can flag conversations
 * waiting for an answer. A sentence asks when it has "?", "¿" or "？"
 * outside links and outside what the post quotes ("…" or "> " lines), or
 * when a clause opens the way questions do and people skip the mark
 * ("how do I…", "anyone know…", "cómo puedo…", "alguien sabe…"). Not
 * questions: fillers ("guess what?", "¿sabes qué?"), tag questions ("love
 * it, right?") and exclamations ("¡qué bonito!", "what a day").
 *
 * Spanish question words ask only with their accent ("cómo", "dónde");
 * people who skip accents are understood in openings of two words or more
 * when the post is Spanish, since "como" and "donde" without an accent
 * mostly mean "like" and "where" in statements. */

/* Folded, at the start of a clause. Not "how to", "what if" or "who
 * else": titles ("How to brew at home") and suggestions more often than
 * questions when no "?" says so. */
static const char * const openings[] = {
  "how do", "how does", "how did", "how can", "how could", "how should", "how would",
  "how long", "how much", "how many", "how come", "how is", "how are", "how's",
  "what is", "what's", "what are", "what does", "what do", "what did", "what time",
  "what happened", "what happens", "what should", "what can", "what would",
  "where is", "where's", "where are", "where can", "where do", "where does", "where did",
  "where should", "when is", "when's", "when are", "when will", "when does", "when do",
  "when did", "when can", "when should", "why is", "why are", "why does", "why do", "why did",
  "why can't", "why won't", "why isn't", "why doesn't", "why would", "who is", "who are",
  "who can", "who do", "which one", "which ones", "which is", "which of",
  "is there", "are there", "is it", "is this", "is that", "is anyone", "is anybody",
  "are you", "are they", "am i", "can i", "can you", "can we", "can someone", "can anyone",
  "can somebody", "could you", "could someone", "could anyone", "could i", "would you",
  "would anyone", "will you", "will it", "will there", "do you", "do i", "do they", "do we",
  "does anyone", "does anybody", "does it", "does this", "does the", "did you", "did anyone",
  "did i", "has anyone", "has anybody", "have you", "have any", "should i", "should we",
  "anyone know", "anyone knows", "anybody know", "anyone else", "anyone tried", "anyone have",
  "anyone has", "any idea", "any ideas", "any tips", "any advice", "any recommendations",
  "any way to", "any news", "any update", "any updates", "i wonder if", "i wonder whether",
  "wondering if", "i was wondering", "i'm wondering", "quick question",

  "alguien sabe", "alguien conoce", "alguien tiene", "alguien ha", "alguien mas",
  "alguien me", "alguien puede", "alguien podria", "sabe alguien", "saben si", "saben cuando",
  "saben donde", "sabeis si", "sabes si", "sabe si", "alguna idea", "alguna recomendacion",
  "hay alguna", "hay algun", "hay forma", "hay manera", "hay alguien", "se puede", "es posible",
  "me pueden", "me podrian", "me puedes", "me podrias", "me podeis", "pueden ayudarme",
  "podrian ayudarme", "una pregunta", "pregunta rapida",
  "donde", "cuando", "cual", "cuales", "quien", "quienes", "adonde", "por que",
  "como puedo", "como se", "como hago", "como hacer", "como funciona", "como consigo",
  "como cambio", "como puede", "como pueden", "como podemos", "como es", "como le", "como lo",
  "como me", "que hora", "que horario", "que opinan", "que opinas", "que opinais",
  "que piensan", "que tal", "que pasa", "que paso", "que hago", "que puedo", "que significa",
  "que precio", "que dia", "que necesito", "que tengo", "que talla", "que tipo",
  "cuanto cuesta", "cuanto vale", "cuanto tarda", "cuanto tiempo", "cuanto es", "cuantos",
  "cuantas", "donde esta", "donde estan", "donde puedo", "donde se", "donde hay",
  "donde compro", "donde consigo", "donde queda", "donde encuentro", "cuando abre",
  "cuando abren", "cuando sale", "cuando llega", "cuando llegara", "cuando estara",
  "cuando vuelve", "cuando habra", "cual es", "cuales son", "quien es",
};

/* Spanish words that ask only when written with their accent. */
static const char * const interrogatives[] = {
  "como", "que", "donde", "cuando", "cual", "cuales", "quien", "quienes", "cuanto", "cuanta",
  "cuantos", "cuantas", "adonde",
};

/* A whole clause ending in "?" that asks nothing. */
static const char * const fillers[] = {
  "guess what", "and guess what", "you know what", "know what", "so what", "right", "eh",
  "huh", "ok", "okay", "no", "sabes que", "sabeis que", "saben que", "adivina que",
  "adivinen que", "y sabes que", "y adivina que", "y que", "verdad", "a que si",
};

typedef struct
{
  ChorusTokens *tokens;
  gboolean      spanish;
  guint        clause_start;      /* first token of the current clause */
  gboolean     opening;           /* the sentence has a question's opening */
  gboolean     marked;            /* it has a question mark of its own */
  gboolean     inverted;          /* it opens with "¿" */
  gboolean     exclaimed;
  gboolean     in_quote;
  gboolean     quoted_mark;       /* a "?" inside the quotation now open */
} Scan;

static const ChorusToken *
token_at (Scan  *scan,
          guint  index)
{
  return &g_array_index (scan->tokens->tokens, ChorusToken, index);
}

static gboolean
in_list (const char         *word,
         const char * const *list,
         guint               n_list)
{
  for (guint i = 0; i < n_list; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_interrogative (const char *word)
{
  return in_list (word, interrogatives, G_N_ELEMENTS (interrogatives));
}

/* Whether @opening's words are the words from token @first on. */
static gboolean
opens_with (Scan       *scan,
            guint       first,
            const char *opening)
{
  gboolean single = strchr (opening, ' ') == NULL || strcmp (opening, "por que") == 0;
  const char *p = opening;

  for (guint i = first; *p != '\0'; i++)
    {
      const char *space = strchr (p, ' ');
      gsize length = space != NULL ? (gsize) (space - p) : strlen (p);
      const ChorusToken *token;
      const char *folded;

      if (i >= scan->tokens->tokens->len)
        return FALSE;

      token = token_at (scan, i);
      folded = _chorus_token_get_folded (scan->tokens, token);
      if (token->kind != CHORUS_TOKEN_WORD || strncmp (folded, p, length) != 0 ||
          folded[length] != '\0')
        return FALSE;

      if (is_interrogative (folded) && !token->accented && (single || !scan->spanish))
        return FALSE;

      p += space != NULL ? length + 1 : length;
    }

  return TRUE;
}

/* The openings by their first word (a GPtrArray of them), built once per
 * process and read-only afterwards. */
static GHashTable *
ensure_openings_by_word (void)
{
  static GHashTable *by_word;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);

      for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
        {
          g_autofree char *word = g_strndup (openings[i], strcspn (openings[i], " "));
          GPtrArray *list = g_hash_table_lookup (table, word);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (table, g_steal_pointer (&word), list);
            }
          g_ptr_array_add (list, (gpointer) openings[i]);
        }

      by_word = table;
      g_once_init_leave (&initialized, 1);
    }

  return by_word;
}

static gboolean
opens_question (Scan  *scan,
                guint  first)
{
  const ChorusToken *token = token_at (scan, first);
  GPtrArray *list = g_hash_table_lookup (ensure_openings_by_word (),
                                         _chorus_token_get_folded (scan->tokens, token));

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (opens_with (scan, first, g_ptr_array_index (list, i)))
      return TRUE;

  return FALSE;
}

/* The words of the clause from @first to @end, folded and joined. */
static gboolean
is_filler (Scan  *scan,
           guint  first,
           guint  end)
{
  g_autoptr(GString) clause = g_string_new (NULL);

  for (guint i = first; i < end; i++)
    {
      const ChorusToken *token = token_at (scan, i);

      if (token->kind != CHORUS_TOKEN_WORD)
        continue;
      if (clause->len > 0)
        g_string_append_c (clause, ' ');
      g_string_append (clause, _chorus_token_get_folded (scan->tokens, token));
    }

  return in_list (clause->str, fillers, G_N_ELEMENTS (fillers));
}

static gboolean
is_question_mark (gunichar c)
{
  return c == '?' || c == 0xFF1F || c == 0x00BF;
}

static gboolean
ends_sentence (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x2026 || c == 0xFF1F ||
         c == 0xFF01 || c == 0x3002;
}

static gboolean
sentence_asks (Scan *scan)
{
  return scan->marked || scan->inverted || (scan->opening && !scan->exclaimed);
}

static void
read_quote (Scan              *scan,
            const ChorusToken *token)
{
  if (token->mark == '"')
    scan->in_quote = !scan->in_quote;
  else
    scan->in_quote = token->mark == 0x201C || token->mark == 0x201E || token->mark == 0x00AB;

  if (!scan->in_quote)
    scan->quoted_mark = FALSE;
}

/* Reads break token @i; TRUE when the sentence it ends asks. */
static gboolean
read_break (Scan  *scan,
            guint  i)
{
  const ChorusToken *token = token_at (scan, i);
  gunichar c = token->mark;
  gboolean asks;

  if (scan->in_quote && is_question_mark (c))
    scan->quoted_mark = TRUE;
  else if (scan->in_quote)
    ;
  else if (c == 0x00BF)
    scan->inverted = TRUE;
  else if (is_question_mark (c) && is_filler (scan, scan->clause_start, i))
    scan->inverted = FALSE;
  else if (is_question_mark (c))
    scan->marked = TRUE;

  scan->exclaimed |= c == '!' || c == 0x00A1 || c == 0xFF01;
  scan->clause_start = i + 1;

  if (!ends_sentence (c) || (i + 1 < scan->tokens->tokens->len &&
                             token_at (scan, i + 1)->kind == CHORUS_TOKEN_BREAK &&
                             ends_sentence (token_at (scan, i + 1)->mark)))
    return FALSE;

  asks = sentence_asks (scan);
  scan->opening = scan->marked = scan->inverted = scan->exclaimed = FALSE;
  return asks;
}

/**
 * _chorus_question_scan:
 * @tokens: a post's tokens
 * @spanish: whether the post is in Spanish
 *
 * What chorus_question_detect() tells, from tokens already made.
 *
 * Returns: %TRUE when the post asks
 */
gboolean
_chorus_question_scan (ChorusTokens *tokens,
                       gboolean      spanish)
{
  Scan scan = { tokens, spanish, 0, };
  gboolean asks = FALSE;

  for (guint i = 0; i < tokens->tokens->len && !asks; i++)
    {
      const ChorusToken *token = token_at (&scan, i);

      if (token->quoted)
        scan.clause_start = i + 1;
      else if (token->kind == CHORUS_TOKEN_QUOTE)
        read_quote (&scan, token);
      else if (token->kind == CHORUS_TOKEN_BREAK)
        asks = read_break (&scan, i);
      else if (i == scan.clause_start && !scan.in_quote && opens_question (&scan, i))
        scan.opening = TRUE;
    }

  return asks || sentence_asks (&scan) || (scan.in_quote && scan.quoted_mark);
}

/**
 * chorus_question_detect:
 * @text: a post's plain text, UTF-8
 * @language: (nullable): its BCP 47 language tag, or %NULL when unknown
 *   (then the text's own words tell whether it is Spanish)
 *
 * Tells whether @text asks a question in English or Spanish. Pure and
 * thread-safe.
 *
 * Returns: %TRUE when it asks
 */
gboolean
chorus_question_detect (const char *text,
                        const char *language)
{
  ChorusTokens tokens;
  ChorusLanguage guessed;
  gboolean known;
  gboolean spanish;
  gboolean asks;

  g_return_val_if_fail (text != NULL, FALSE);

  _chorus_tokens_init (&tokens, text);

  spanish = _chorus_sentiment_language_from_tag (language, &known) == CHORUS_LANGUAGE_ES;
  if (!known)
    spanish = _chorus_sentiment_guess (&tokens, NULL, &guessed) && guessed == CHORUS_LANGUAGE_ES;

  asks = _chorus_question_scan (&tokens, spanish);
  _chorus_tokens_clear (&tokens);

  return asks;
}
