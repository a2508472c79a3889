/* chorus-sample-text.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-sample-private.h"

/* Composes post texts from the phrase banks: a root post is an optional
 * opener, a body, then maybe a detail, a question, a closer, hashtags and
 * an emoji, each drawn from its own bank and each with its slots filled
 * independently, so that a million posts rarely repeat. */

#define BLUESKY_MAX_CHARS 300
#define LONG_MIN_BYTES 3072
#define LONG_MAX_BYTES 5632

typedef struct
{
  ChorusSampleRng            *rng;
  const ChorusSampleLanguage *lang;
  const char                 *brand;
  const char                 *reply_to;
  ChorusSampleSticky         *sticky;
} Slots;

static const char word_keys[] = "PZTWpCcds";
static const char number_keys[] = "nNo";

static const ChorusSampleLanguage *
language_for (gboolean spanish)
{
  return spanish ? _chorus_sample_phrases_es () : _chorus_sample_phrases_en ();
}

static const char *
pick (ChorusSampleRng        *rng,
      const ChorusSampleBank *bank)
{
  if (bank->n_items == 0)
    return NULL;

  return bank->items[_chorus_sample_rng_below (rng, bank->n_items)];
}

static const ChorusSampleBank *
bank_for_key (const ChorusSampleLanguage *lang,
              char                        key)
{
  switch (key)
    {
    case 'P': return &lang->products;
    case 'Z': return &lang->zipped;
    case 'T': return &lang->tents;
    case 'W': return &lang->wearables;
    case 'p': return &lang->places;
    case 'C': return &lang->cities;
    case 'c': return &lang->colors;
    case 'd': return &lang->when;
    case 's': return &lang->sizes;
    case 'e': return &lang->emoji;
    default: return NULL;
    }
}

static const char *
slot_word (const Slots *slots,
           char         key)
{
  const char *sticky_key = strchr (word_keys, key);
  const char **remembered = NULL;
  const char *word;

  if (slots->sticky != NULL && sticky_key != NULL)
    remembered = &slots->sticky->words[sticky_key - word_keys];
  if (remembered != NULL && *remembered != NULL)
    return *remembered;

  word = pick (slots->rng, bank_for_key (slots->lang, key));
  if (remembered != NULL)
    *remembered = word;

  return word;
}

static int
slot_number (const Slots *slots,
             char         key)
{
  int *remembered = NULL;
  int value;

  if (slots->sticky != NULL)
    remembered = &slots->sticky->numbers[strchr (number_keys, key) - number_keys];
  if (remembered != NULL && *remembered != 0)
    return *remembered;

  switch (key)
    {
    case 'n': value = _chorus_sample_rng_between (slots->rng, 2, 9); break;
    case 'N': value = _chorus_sample_rng_between (slots->rng, 3, 14); break;
    default: value = _chorus_sample_rng_between (slots->rng, 10000, 99999); break;
    }

  if (remembered != NULL)
    *remembered = value;

  return value;
}

static void
append_slot (GString     *out,
             const Slots *slots,
             char         key)
{
  if (bank_for_key (slots->lang, key) != NULL)
    g_string_append (out, slot_word (slots, key));
  else if (key == 'o')
    g_string_append_printf (out, "#TP-%05d", slot_number (slots, key));
  else if (key == 'n' || key == 'N')
    g_string_append_printf (out, "%d", slot_number (slots, key));
  else if (key == 'b')
    g_string_append (out, slots->brand ? slots->brand : "Tallpine");
  else if (key == 'r')
    g_string_append (out, slots->reply_to ? slots->reply_to : "");
  else
    g_string_append_printf (out, "{%c}", key);
}

static void
expand (GString     *out,
        const Slots *slots,
        const char  *template)
{
  const char *p = template;
  const char *open;

  while ((open = strchr (p, '{')) != NULL)
    {
      g_string_append_len (out, p, open - p);

      if (open[1] != '\0' && open[2] == '}')
        {
          append_slot (out, slots, open[1]);
          p = open + 3;
        }
      else
        {
          g_string_append_c (out, '{');
          p = open + 1;
        }
    }

  g_string_append (out, p);
}

/* Appends " " and a phrase, unless the post would outgrow the network's limit. */
static void
append_part (GString     *text,
             const Slots *slots,
             const char  *template,
             gsize        max_chars)
{
  gsize before = text->len;

  if (template == NULL)
    return;

  if (text->len > 0)
    g_string_append_c (text, ' ');

  expand (text, slots, template);

  if (max_chars > 0 && g_utf8_strlen (text->str, -1) > (glong) max_chars)
    g_string_truncate (text, before);
}

static void
capitalize_first (GString *text)
{
  gunichar first;
  gunichar upper;
  char buffer[6];
  int old_len;
  int new_len;

  if (text->len == 0)
    return;

  first = g_utf8_get_char (text->str);
  upper = g_unichar_toupper (first);
  if (upper == first)
    return;

  old_len = g_unichar_to_utf8 (first, NULL);
  new_len = g_unichar_to_utf8 (upper, buffer);
  g_string_erase (text, 0, old_len);
  g_string_insert_len (text, 0, buffer, new_len);
}

static void
append_hashtags (GString     *text,
                 const Slots *slots,
                 guint        count,
                 gsize        max_chars)
{
  const ChorusSampleBank *bank = &slots->lang->hashtags;
  guint first = _chorus_sample_rng_below (slots->rng, bank->n_items);

  /* The brand's own tag leads most of the time; the rest follow in bank order
   * from there, so no tag repeats. */
  if (_chorus_sample_rng_chance (slots->rng, 0.6))
    first = 0;

  for (guint i = 0; i < count && i < bank->n_items; i++)
    append_part (text, slots, bank->items[(first + i) % bank->n_items], max_chars);
}

static void
compose_long (GString     *text,
              const Slots *slots)
{
  const ChorusSampleBank *paragraphs = &slots->lang->trip_paragraphs;
  gsize target = (gsize) _chorus_sample_rng_between (slots->rng, LONG_MIN_BYTES, LONG_MAX_BYTES);
  guint next = _chorus_sample_rng_below (slots->rng, paragraphs->n_items);

  while (text->len < target)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      expand (text, slots, paragraphs->items[next++ % paragraphs->n_items]);
    }
}

static void
compose_reply (GString                    *text,
               const Slots                *slots,
               const ChorusSampleTextSpec *spec)
{
  const ChorusSampleTopicPhrases *topic = &slots->lang->topics[spec->topic];
  const char *template;

  if (spec->from_brand)
    {
      expand (text, slots, pick (slots->rng, &topic->brand_replies));
      return;
    }

  /* Replies on Mastodon and Bluesky start with the handle they answer. */
  if (spec->network == SAMPLE_MASTODON || spec->network == SAMPLE_BLUESKY)
    g_string_append (text, spec->reply_to);

  if (spec->follow_up)
    template = pick (slots->rng, &slots->lang->follow_ups);
  else if (topic->questions.n_items > 0 && _chorus_sample_rng_chance (slots->rng, 0.2))
    template = pick (slots->rng, &topic->questions);
  else
    template = pick (slots->rng, &slots->lang->replies);

  append_part (text, slots, template, 0);

  if (_chorus_sample_rng_chance (slots->rng, 0.2))
    append_part (text, slots, "{e}", 0);
}

/* A blog entry: an opening, a few points in the bank's order, a verdict,
 * and sometimes a disclosure. */
static void
compose_review (GString     *text,
                const Slots *slots)
{
  const ChorusSampleLanguage *lang = slots->lang;

  append_part (text, slots, pick (slots->rng, &lang->review_openings), 0);

  for (guint i = 0; i < lang->review_lines.n_items; i++)
    {
      if (_chorus_sample_rng_chance (slots->rng, 0.4))
        append_part (text, slots, lang->review_lines.items[i], 0);
    }

  append_part (text, slots, pick (slots->rng, &lang->review_verdicts), 0);
  if (_chorus_sample_rng_chance (slots->rng, 0.4))
    append_part (text, slots, pick (slots->rng, &lang->review_disclosures), 0);
}

static void
compose_root (GString                    *text,
              const Slots                *slots,
              const ChorusSampleTextSpec *spec)
{
  const ChorusSampleTopicPhrases *topic = &slots->lang->topics[spec->topic];
  ChorusSampleRng *rng = slots->rng;
  gsize limit = spec->network == SAMPLE_BLUESKY ? BLUESKY_MAX_CHARS : 0;
  gboolean social = spec->network == SAMPLE_MASTODON || spec->network == SAMPLE_BLUESKY;
  gboolean chatty = spec->network == SAMPLE_DISCOURSE;
  const char *opener = NULL;

  if (_chorus_sample_rng_chance (rng, 0.5))
    opener = pick (rng, &topic->openers);

  if (social && (opener == NULL || strstr (opener, "{b}") == NULL) &&
      _chorus_sample_rng_chance (rng, 0.45))
    append_part (text, slots, "{b}", limit);

  append_part (text, slots, opener, limit);
  append_part (text, slots, pick (rng, &topic->bodies), limit);

  if (_chorus_sample_rng_chance (rng, chatty ? 0.7 : 0.35))
    append_part (text, slots, pick (rng, &topic->details), limit);
  if (_chorus_sample_rng_chance (rng, 0.65))
    append_part (text, slots, pick (rng, &topic->questions), limit);
  if (_chorus_sample_rng_chance (rng, chatty ? 0.6 : 0.35))
    append_part (text, slots, pick (rng, &topic->closers), limit);

  if (social && _chorus_sample_rng_chance (rng, spec->network == SAMPLE_MASTODON ? 0.6 : 0.35))
    append_hashtags (text, slots, (guint) _chorus_sample_rng_between (rng, 1, 3), limit);
  if (_chorus_sample_rng_chance (rng, 0.3))
    append_part (text, slots, "{e}", limit);
}

/**
 * _chorus_sample_text_compose:
 * @text: where the plain text is appended
 * @rng: the post's own random stream
 * @spec: what kind of post to write
 *
 * Writes one post's plain text.
 */
void
_chorus_sample_text_compose (GString                    *text,
                             ChorusSampleRng            *rng,
                             const ChorusSampleTextSpec *spec)
{
  Slots slots = { rng, language_for (spec->spanish), spec->brand, spec->reply_to, spec->sticky };

  switch (spec->oddity)
    {
    case SAMPLE_ODD_EMOJI:
      for (int i = _chorus_sample_rng_between (rng, 1, 4); i > 0; i--)
        expand (text, &slots, "{e}");
      return;

    case SAMPLE_ODD_HTML:
      expand (text, &slots, slots.lang->odd_html.items[spec->odd_index % slots.lang->odd_html.n_items]);
      return;

    case SAMPLE_ODD_LONG:
      compose_long (text, &slots);
      return;

    case SAMPLE_ODD_NONE:
    default:
      break;
    }

  if (spec->reply_to != NULL)
    compose_reply (text, &slots, spec);
  else if (spec->network == SAMPLE_FEED)
    compose_review (text, &slots);
  else
    compose_root (text, &slots, spec);

  if (text->str[0] != '@' && text->str[0] != '#')
    capitalize_first (text);
}

static void
append_escaped (GString    *html,
                const char *text,
                gssize      len)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (html, "&amp;"); break;
        case '<': g_string_append (html, "&lt;"); break;
        case '>': g_string_append (html, "&gt;"); break;
        case '"': g_string_append (html, "&quot;"); break;
        case '\n': g_string_append (html, "<br>"); break;
        default: g_string_append_c (html, *p); break;
        }
    }
}

static gsize
token_length (const char *token)
{
  gsize len = 0;

  while (token[len] != '\0' && !g_ascii_isspace (token[len]))
    len++;

  /* Trailing punctuation belongs to the sentence, not to the link. */
  while (len > 1 && strchr (".,!?;:)", token[len - 1]) != NULL)
    len--;

  return len;
}

static void
append_link (GString             *html,
             const char          *token,
             gsize                len,
             ChorusSampleNetwork  network)
{
  g_autofree char *word = g_strndup (token, len);
  g_autofree char *href = NULL;
  const char *klass = NULL;

  if (word[0] == '#' && network == SAMPLE_MASTODON)
    {
      href = g_strdup_printf ("https://social.example/tags/%s", word + 1);
      klass = "mention hashtag";
    }
  else if (word[0] == '@' && network == SAMPLE_MASTODON)
    {
      const char *at = strchr (word + 1, '@');

      href = at ? g_strdup_printf ("https://%s/@%.*s", at + 1, (int) (at - word - 1), word + 1)
                : g_strdup_printf ("https://social.example/@%s", word + 1);
      klass = "u-url mention";
    }
  else if (word[0] == '@' && network == SAMPLE_DISCOURSE)
    {
      href = g_strdup_printf ("/u/%s", word + 1);
      klass = "mention";
    }
  else if (g_str_has_prefix (word, "https://"))
    href = g_strdup (word);

  if (href == NULL)
    {
      append_escaped (html, word, -1);
      return;
    }

  g_string_append (html, "<a href=\"");
  append_escaped (html, href, -1);
  g_string_append (html, "\"");
  if (klass != NULL)
    g_string_append_printf (html, " class=\"%s\"", klass);
  g_string_append (html, " rel=\"nofollow noopener\">");
  append_escaped (html, word, -1);
  g_string_append (html, "</a>");
}

static void
append_paragraph (GString             *html,
                  const char          *text,
                  gsize                len,
                  ChorusSampleNetwork  network)
{
  const char *end = text + len;
  const char *p = text;
  const char *plain = text;

  g_string_append (html, "<p>");

  while (p < end)
    {
      gboolean starts_word = p == text || g_ascii_isspace (p[-1]);

      if (starts_word && (*p == '@' || *p == '#' || g_str_has_prefix (p, "https://")))
        {
          gsize token = MIN (token_length (p), (gsize) (end - p));

          append_escaped (html, plain, p - plain);
          append_link (html, p, token, network);
          p += token;
          plain = p;
        }
      else
        p++;
    }

  append_escaped (html, plain, end - plain);
  g_string_append (html, "</p>");
}

/**
 * _chorus_sample_text_html:
 * @html: where the markup is appended
 * @text: a post's plain text
 * @network: decides how mentions and hashtags link
 *
 * The simple, well-formed HTML a server would send along with @text:
 * paragraphs, line breaks, and links for mentions, hashtags and URLs.
 */
void
_chorus_sample_text_html (GString             *html,
                          const char          *text,
                          ChorusSampleNetwork  network)
{
  const char *p = text;
  const char *gap;

  while ((gap = strstr (p, "\n\n")) != NULL)
    {
      append_paragraph (html, p, gap - p, network);
      p = gap + 2;
    }

  append_paragraph (html, p, strlen (p), network);
}

void
_chorus_sample_text_title (GString            *title,
                           ChorusSampleRng    *rng,
                           ChorusSampleTopic   topic,
                           gboolean            spanish,
                           gboolean            review,
                           ChorusSampleSticky *sticky)
{
  const ChorusSampleLanguage *lang = language_for (spanish);
  Slots slots = { rng, lang, NULL, NULL, sticky };

  expand (title, &slots, pick (rng, review ? &lang->review_titles : &lang->topics[topic].titles));
  capitalize_first (title);
}

void
_chorus_sample_text_slug (GString    *slug,
                          const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, "C");
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && slug->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  if (slug->len == 0)
    g_string_append (slug, "topic");
}

const char *
_chorus_sample_topic_tag (ChorusSampleTopic topic)
{
  static const char * const tags[SAMPLE_N_TOPICS] = {
    [SAMPLE_TOPIC_ZIPPER] = "defect",
    [SAMPLE_TOPIC_TENT] = "praise",
    [SAMPLE_TOPIC_SIZING] = "sizing",
    [SAMPLE_TOPIC_SHIPPING] = "shipping",
    [SAMPLE_TOPIC_RETURNS] = "returns",
    [SAMPLE_TOPIC_TRIP] = "trip-report",
    [SAMPLE_TOPIC_IDEA] = "idea",
  };

  return topic < SAMPLE_N_TOPICS ? tags[topic] : NULL;
}
