/* chorus-sentiment-tokens.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-sentiment-private.h"

/* Splits a post into the words, emoji, emoticons and punctuation that the
 * sentiment analyser and the question detector read. Words are folded for
 * matching: lower case, accents dropped ("Rápido" and "rapido" both become
 * "rapido"), curly apostrophes made straight ("don’t" is "don't"). Links,
 * @mentions and URL query strings are skipped, so that "?utm=" is no
 * question and a handle is no opinion. One pass over the text, no regular
 * expressions: it runs for every post stored. */

#define APOSTROPHE '\''

static gboolean
is_apostrophe (gunichar c)
{
  return c == APOSTROPHE || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x2026 ||
         c == 0xFF1F || c == 0xFF01 || c == 0x3002;
}

static gboolean
is_clause_break (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' ||
         c == 0x00BF || c == 0x00A1 || c == 0x2013 || c == 0x2014 || c == 0xFF0C || c == 0x3001;
}

/* Emoji and pictographs; skin tones, joiners and variation selectors are
 * not symbols and are skipped. */
static gboolean
is_symbol (gunichar c)
{
  return c >= 0x2190 && g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
starts_with_ascii_ci (const char *p,
                      const char *prefix)
{
  return g_ascii_strncasecmp (p, prefix, strlen (prefix)) == 0;
}

/* The length of what ends a link: trailing punctuation belongs to the
 * sentence ("see https://x.example/a?"), not to the link. */
static gsize
trim_link (const char *start,
           gsize       length)
{
  while (length > 0 && strchr (".,;:!?)]'\"", start[length - 1]) != NULL)
    length--;

  return length;
}

/* Bytes up to a space, one of @stop_chars or anything not ASCII (a quote
 * mark, an ellipsis: links are ASCII or percent-encoded), which is always
 * where a character starts. */
static gsize
run_length (const char *p,
            const char *stop_chars)
{
  gsize n = 0;

  while (p[n] != '\0' && (guchar) p[n] < 0x80 && !g_ascii_isspace (p[n]) &&
         strchr (stop_chars, p[n]) == NULL)
    n++;

  return n;
}

/* "https://…", "www.…", or a bare "host.tld/path": the bytes to skip, 0
 * when @p starts no link. */
static gsize
link_length (const char *p)
{
  gsize n = 0;
  gboolean dot = FALSE;

  if ((*p == 'h' || *p == 'H' || *p == 'w' || *p == 'W') &&
      (starts_with_ascii_ci (p, "http://") || starts_with_ascii_ci (p, "https://") ||
       starts_with_ascii_ci (p, "www.")))
    return trim_link (p, run_length (p, "<>\""));

  /* Most words are no host: stop at the first character that is not. */
  while (g_ascii_isalnum (p[n]) || p[n] == '-')
    n++;
  if (p[n] != '.')
    return 0;

  while (g_ascii_isalnum (p[n]) || p[n] == '-' || (p[n] == '.' && g_ascii_isalnum (p[n + 1])))
    dot |= p[n++] == '.';

  if (!dot || p[n] != '/' || n == 0 || !g_ascii_isalpha (p[n - 1]))
    return 0;

  return trim_link (p, run_length (p, "<>\""));
}

/* "?utm_source=x&a=b" glued to a word or alone: a query string. */
static gsize
query_length (const char *p)
{
  gsize n = 1;

  while (g_ascii_isalnum (p[n]) || p[n] == '_' || p[n] == '%' || p[n] == '-')
    n++;

  if (n == 1 || p[n] != '=')
    return 0;

  return run_length (p, "<>\"");
}

static gsize
mention_length (const char *p)
{
  gsize n = 1;

  while (g_ascii_isalnum (p[n]) || p[n] == '_' || p[n] == '@' ||
         ((p[n] == '.' || p[n] == '-') && g_ascii_isalnum (p[n + 1])))
    n++;

  return n > 1 ? n : 0;
}

/* ":)", ";-)", "<3"… from the symbol lexicon; not inside "10:30" and not
 * glued to a following letter (":Dear"). */
static gsize
emoticon_length (const char *p,
                 gunichar    previous)
{
  if (*p == '\0' || strchr (":;=<(>", *p) == NULL || g_unichar_isdigit (previous))
    return 0;

  /* The lexicon lists emoticons first, before the emoji. */
  for (guint i = 0; i < _chorus_sentiment_n_symbols; i++)
    {
      const char *emoticon = _chorus_sentiment_symbols[i].text;
      gsize length;

      if ((guchar) *emoticon >= 0x80)
        break;
      if (*emoticon != *p)
        continue;

      length = strlen (emoticon);
      if (strncmp (p, emoticon, length) != 0 || g_ascii_isalnum (p[length]))
        continue;
      if (*p == '(' && previous != 0 && !g_unichar_isspace (previous))
        continue;

      return length;
    }

  return 0;
}

static gunichar
fold_char (gunichar  c,
           gboolean *accented)
{
  gunichar a;
  gunichar b;

  if (c < 0x80)
    return g_ascii_tolower (c);

  c = g_unichar_tolower (c);
  while (g_unichar_decompose (c, &a, &b) && b != 0 && g_unichar_ismark (b))
    {
      c = a;
      *accented = TRUE;
    }

  return c;
}

static ChorusToken *
add_token (ChorusTokens    *tokens,
           ChorusTokenKind  kind,
           const char      *start,
           const char      *end,
           gboolean         quoted)
{
  ChorusToken token = { 0, };

  token.kind = kind;
  token.start = start - tokens->text;
  token.end = end - tokens->text;
  token.folded = tokens->folded->len;
  token.sentence = tokens->sentences->len - 1;
  token.quoted = quoted;
  g_array_append_val (tokens->tokens, token);

  return &g_array_index (tokens->tokens, ChorusToken, tokens->tokens->len - 1);
}

/* tokens->folded is allocated for the worst case once (see
 * _chorus_tokens_init ()), so these write without checking. */
static inline void
put_folded (ChorusTokens *tokens,
            char          c)
{
  tokens->folded->str[tokens->folded->len++] = c;
}

static void
put_folded_unichar (ChorusTokens *tokens,
                    gunichar      c)
{
  tokens->folded->len += g_unichar_to_utf8 (c, tokens->folded->str + tokens->folded->len);
}

static void
end_folded (ChorusTokens *tokens)
{
  put_folded (tokens, '\0');
}

/* Reads the ASCII letters and digits of a word from @p, folding them;
 * returns where they end. The short way for most of most posts. */
static const char *
read_ascii (ChorusTokens *tokens,
            const char   *p,
            ChorusToken  *token,
            guint        *letters,
            guint        *capitals,
            guint        *run,
            gunichar     *last)
{
  char *out = tokens->folded->str + tokens->folded->len;
  char previous = (char) *last;
  guint repeated = *run;
  guint n_letters = 0;
  guint n_capitals = 0;
  gboolean elongated = FALSE;

  for (char c = *p; g_ascii_isalnum (c); c = *++p)
    {
      if (c >= 'A' && c <= 'Z')
        {
          c += 'a' - 'A';
          n_capitals++;
        }
      n_letters += c >= 'a';
      if (c == previous)
        elongated |= ++repeated >= 3 && c >= 'a';
      else
        repeated = 1;
      previous = *out++ = c;
    }

  tokens->folded->len = out - tokens->folded->str;
  token->elongated |= elongated;
  *letters += n_letters;
  *capitals += n_capitals;
  *run = repeated;
  *last = (guchar) previous;
  return p;
}

/* Reads one word from @p, folding it into tokens->folded; returns where
 * it ends. Apostrophes stay inside words ("don't"), and so do the decimal
 * points of numbers. */
static const char *
read_word (ChorusTokens *tokens,
           const char   *p,
           gboolean      quoted)
{
  ChorusToken *token = add_token (tokens, CHORUS_TOKEN_WORD, p, p, quoted);
  gboolean accented = FALSE;
  guint letters = 0;
  guint capitals = 0;
  guint run = 0;
  gunichar last = 0;

  while (*p != '\0')
    {
      gunichar c;
      const char *next;
      gunichar folded;

      if (g_ascii_isalnum (*p))
        {
          p = read_ascii (tokens, p, token, &letters, &capitals, &run, &last);
          continue;
        }
      if ((guchar) *p < 0x80 && *p != APOSTROPHE && *p != '.' && *p != ',')
        break;

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);

      if ((guchar) *p >= 0x80 && g_unichar_ismark (c))
        {
          accented = TRUE;
          p = next;
          continue;
        }
      else if ((guchar) *p >= 0x80 && g_unichar_isalnum (c))
        {
          folded = fold_char (c, &accented);
          letters += g_unichar_isalpha (c);
          capitals += g_unichar_isupper (c);
          put_folded_unichar (tokens, folded);
        }
      else if (is_apostrophe (c) && g_unichar_isalpha (last) &&
               g_unichar_isalpha (g_utf8_get_char (next)))
        {
          folded = APOSTROPHE;
          put_folded (tokens, APOSTROPHE);
        }
      else if ((c == '.' || c == ',') && g_unichar_isdigit (last) && g_ascii_isdigit (*next))
        {
          folded = c;
          put_folded (tokens, (char) c);
        }
      else
        break;

      run = folded == last ? run + 1 : 1;
      token->elongated |= run >= 3 && g_unichar_isalpha (folded);
      last = folded;
      p = next;
    }

  end_folded (tokens);
  token->end = p - tokens->text;
  token->caps = letters >= 2 && capitals == letters;
  token->accented = accented;

  return p;
}

static void
add_symbol (ChorusTokens *tokens,
            const char   *start,
            const char   *end,
            gboolean      quoted)
{
  add_token (tokens, CHORUS_TOKEN_SYMBOL, start, end, quoted);
  memcpy (tokens->folded->str + tokens->folded->len, start, end - start);
  tokens->folded->len += end - start;
  end_folded (tokens);
}

static void
add_mark (ChorusTokens    *tokens,
          ChorusTokenKind  kind,
          gunichar         c,
          const char      *start,
          const char      *end,
          gboolean         quoted)
{
  ChorusSentence *sentence = &g_array_index (tokens->sentences, ChorusSentence,
                                             tokens->sentences->len - 1);
  ChorusToken *token = add_token (tokens, kind, start, end, quoted);

  token->mark = c;
  end_folded (tokens);

  if (quoted || kind != CHORUS_TOKEN_BREAK)
    return;

  if (c == '!' || c == 0x00A1 || c == 0xFF01)
    sentence->exclamations++;
  else if (c == '?' || c == 0x00BF || c == 0xFF1F)
    sentence->question = TRUE;
}

static void
open_sentence (ChorusTokens *tokens)
{
  ChorusSentence sentence = { 0, };

  g_array_append_val (tokens->sentences, sentence);
}

/* A mention or a query string, which are neither words nor punctuation
 * to keep: its length, 0 when @p starts none. Links start with a word and
 * are found after it (see read_word_or_link ()). */
static gsize
skip_length (const char *p,
             gunichar    previous)
{
  if (*p == '?')
    return query_length (p);
  if (*p == '@' && !is_word_char (previous))
    return mention_length (p);

  return 0;
}

/* A word, or a link when the word is the start of one ("https", "www",
 * "example" in "example.com/a"): only words followed by ".", ":" or "/"
 * are checked, so most words cost nothing more. Returns where it ends. */
static const char *
read_word_or_link (ChorusTokens *tokens,
                   const char   *p,
                   gunichar      previous,
                   gboolean      quoted)
{
  guint n_tokens = tokens->tokens->len;
  gsize folded = tokens->folded->len;
  const char *end = read_word (tokens, p, quoted);
  gsize link;

  if ((*end != '.' && *end != ':' && *end != '/') || is_word_char (previous) ||
      (link = link_length (p)) == 0)
    return end;

  g_array_set_size (tokens->tokens, n_tokens);
  tokens->folded->len = folded;
  return p + link;
}

/* Reads the token that starts at @p with @c, or skips what is none (a
 * link, a mention, spaces); returns where it ends. Most tokens start with
 * an ASCII letter, so that test comes first. */
static const char *
read_token (ChorusTokens *tokens,
            const char   *p,
            gunichar      c,
            gunichar      previous,
            gboolean      quoted,
            gboolean     *ends_sentence)
{
  const char *next = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
  gsize skip;

  if (c < 0x80 && g_ascii_isalnum (c))
    return read_word_or_link (tokens, p, previous, quoted);

  if (g_unichar_isspace (c) && c != '\n')
    return next;

  if (c < 0x80 && strchr (":;=<(>", c) != NULL && (skip = emoticon_length (p, previous)) > 0)
    {
      add_symbol (tokens, p, p + skip, quoted);
      return p + skip;
    }

  if ((c == '?' || c == '@') && (skip = skip_length (p, previous)) > 0)
    return p + skip;

  if (is_sentence_end (c) || is_clause_break (c))
    {
      add_mark (tokens, CHORUS_TOKEN_BREAK, c, p, next, quoted);
      *ends_sentence = is_sentence_end (c);
    }
  else if (is_word_char (c) && !g_unichar_ismark (c))
    return read_word_or_link (tokens, p, previous, quoted);
  else if (is_symbol (c))
    add_symbol (tokens, p, next, quoted);
  else if (is_quote (c))
    add_mark (tokens, CHORUS_TOKEN_QUOTE, c, p, next, quoted);

  return next;
}

/**
 * _chorus_tokens_init:
 * @tokens: the tokens to fill
 * @text: UTF-8 text; kept, not copied
 *
 * Splits @text. Invalid UTF-8 ends it early.
 */
void
_chorus_tokens_init (ChorusTokens *tokens,
                     const char   *text)
{
  const char *p = text;
  const char *end = NULL;
  gunichar previous = 0;
  gboolean line_start = TRUE;
  gboolean quoted = FALSE;
  gboolean new_sentence = FALSE;

  g_utf8_validate (text, -1, &end);

  tokens->text = text;
  tokens->tokens = g_array_sized_new (FALSE, FALSE, sizeof (ChorusToken), 64);
  tokens->sentences = g_array_sized_new (FALSE, FALSE, sizeof (ChorusSentence), 8);
  /* Folding at most doubles a character (two bytes lower-cased to four),
   * and each token adds a NUL: three times the text is always enough. */
  tokens->folded = g_string_sized_new (3 * (end - text) + 1);
  open_sentence (tokens);

  while (p < end)
    {
      gunichar c = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);
      gboolean ends_sentence = FALSE;
      const char *next;

      if (c == ' ')
        {
          previous = *p++;
          continue;
        }

      if (line_start && !g_unichar_isspace (c))
        {
          /* "> " quotes someone else; ">:(" is a face. */
          quoted = c == '>' && emoticon_length (p, 0) == 0;
          line_start = FALSE;
        }

      if (new_sentence && !is_sentence_end (c) && !g_unichar_isspace (c))
        {
          open_sentence (tokens);
          new_sentence = FALSE;
        }

      next = read_token (tokens, p, c, previous, quoted, &ends_sentence);
      new_sentence |= ends_sentence;
      line_start |= c == '\n';

      previous = (guchar) next[-1] < 0x80 ? (guchar) next[-1]
                                          : g_utf8_get_char (g_utf8_prev_char (next));
      p = next;
    }
}

void
_chorus_tokens_clear (ChorusTokens *tokens)
{
  g_clear_pointer (&tokens->tokens, g_array_unref);
  g_clear_pointer (&tokens->sentences, g_array_unref);
  if (tokens->folded != NULL)
    g_string_free (g_steal_pointer (&tokens->folded), TRUE);
}

const char *
_chorus_token_get_folded (ChorusTokens      *tokens,
                          const ChorusToken *token)
{
  return tokens->folded->str + token->folded;
}

/**
 * _chorus_sentiment_fold:
 * @text: a lexicon entry as written
 *
 * Returns: (transfer full): its words, emoji and emoticons folded as in a
 *   post and joined by single spaces, the key it is looked up by
 */
char *
_chorus_sentiment_fold (const char *text)
{
  ChorusTokens tokens = { 0, };
  GString *key = g_string_new (NULL);

  _chorus_tokens_init (&tokens, text);
  for (guint i = 0; i < tokens.tokens->len; i++)
    {
      const ChorusToken *token = &g_array_index (tokens.tokens, ChorusToken, i);

      if (token->kind != CHORUS_TOKEN_WORD && token->kind != CHORUS_TOKEN_SYMBOL)
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, _chorus_token_get_folded (&tokens, token));
    }
  _chorus_tokens_clear (&tokens);

  return g_string_free (key, FALSE);
}
