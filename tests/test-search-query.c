/* test-search-query.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The search box's parser and highlighter: the MATCH text written out for
 * each kind of input, hostile input that must stay words (checked against
 * a real FTS5 table with the workspace's tokenizer), the from:, tag: and
 * lang: lists, and excerpts with their bold matches, cut where expected and
 * always valid markup. */

#include <string.h>

#include <sqlite3.h>

#include "chorus-search-query.h"
#include "chorus-test-util.h"

typedef struct
{
  const char *text;
  const char *match;     /* NULL: no free text */
} MatchCase;

static const MatchCase match_cases[] = {
  { "", NULL },
  { " \t\n ", NULL },
  { "zipper", "\"zipper\"" },
  { "  Zipper  ", "\"Zipper\"" },
  { "zip*", "\"zip\" *" },
  { "zip**", "\"zip\" *" },
  { "rain jacket", "\"rain\" AND \"jacket\"" },
  { "\"rain jacket\"", "\"rain jacket\"" },
  { "\"rain jacket\"*", "\"rain jacket\" *" },
  { "\"rain jacket", "\"rain jacket\"" },
  { "foo\"", "\"foo\"" },
  { "say \"hi\"there", "\"say\" AND \"hi\" AND \"there\"" },
  { "a\"\"b", "\"a\" AND \"b\"" },
  { "wo*rd", "\"wo*rd\"" },
  { "café", "\"café\"" },
  /* FTS5 syntax is searched for as words. */
  { "text:foo", "\"text:foo\"" },
  { "text:\"foo\"", "\"text:\" AND \"foo\"" },
  { "{text secret}:foo", "\"{text\" AND \"secret}:foo\"" },
  { "NEAR(rain jacket)", "\"NEAR(rain\" AND \"jacket)\"" },
  { "^start", "\"^start\"" },
  { "AND OR NOT", "\"AND\" AND \"OR\" AND \"NOT\"" },
  { "rain OR jacket", "\"rain\" AND \"OR\" AND \"jacket\"" },
  { "-zipper +tent", "\"-zipper\" AND \"+tent\"" },
  { "a:b:c", "\"a:b:c\"" },
  /* Nothing but punctuation: nothing to search for. */
  { "\"", NULL },
  { "*", NULL },
  { "***", NULL },
  { "\" \"", NULL },
  { ": ; ( ) ^ - +", NULL },
  { "🙂", NULL },
  { "\"*\" ?", NULL },
  { "rain * jacket", "\"rain\" AND \"jacket\"" },
};

static void
test_match (gconstpointer data)
{
  const MatchCase *c = data;
  g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse (c->text);

  g_assert_cmpstr (query->match, ==, c->match);
  g_assert_nonnull (query->from);
  g_assert_nonnull (query->tags);
  g_assert_nonnull (query->languages);
  g_assert_cmpint (chorus_search_query_is_empty (query), ==, c->match == NULL);
}

static void
assert_strv (char       **strv,
             const char  *joined)
{
  g_autofree char *actual = g_strjoinv ("|", strv);

  g_assert_cmpstr (actual, ==, joined);
}

static void
test_qualifiers (void)
{
  static const struct
  {
    const char *text;
    const char *match;
    const char *from;
    const char *tags;
    const char *languages;
  } cases[] = {
    { "from:alice", NULL, "alice", "", "" },
    { "from:@alice", NULL, "alice", "", "" },
    { "FROM:@Alice@Social.Example", NULL, "alice@social.example", "", "" },
    { "from:alice@social.example", NULL, "alice@social.example", "", "" },
    { "from:aiden82.bsky.example", NULL, "aiden82.bsky.example", "", "" },
    { "from:\"@alice\"", NULL, "alice", "", "" },
    { "from:alice from:ALICE from:bob", NULL, "alice|bob", "", "" },
    /* Half typed or not a handle: it narrows nothing. */
    { "from:", NULL, "", "", "" },
    { "from:@", NULL, "", "", "" },
    { "from:a@b@c", NULL, "", "", "" },
    { "from:alice@", NULL, "", "", "" },
    { "tag:vip", NULL, "", "vip", "" },
    { "tag:\"VIP customer\"", NULL, "", "vip customer", "" },
    { "tag:\"unbalanced", NULL, "", "unbalanced", "" },
    { "tag:Urgent tag:urgent tag:defect", NULL, "", "urgent|defect", "" },
    { "tag:\"\"", NULL, "", "", "" },
    { "lang:ES", NULL, "", "", "es" },
    { "lang:pt-BR lang:en", NULL, "", "", "pt-br|en" },
    { "lang:!! lang:1x lang:", NULL, "", "", "" },
    /* Only at the start of a word. */
    { "xfrom:bob", "\"xfrom:bob\"", "", "", "" },
    { "\"from:bob\"", "\"from:bob\"", "", "", "" },
    { "from:alice zip* tag:vip \"rain jacket\" lang:en",
      "\"zip\" * AND \"rain jacket\"", "alice", "vip", "en" },
    { "tag:\"vip customer\"jacket", "\"jacket\"", "", "vip customer", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (query->match, ==, cases[i].match);
      assert_strv (query->from, cases[i].from);
      assert_strv (query->tags, cases[i].tags);
      assert_strv (query->languages, cases[i].languages);
      g_assert_cmpint (chorus_search_query_is_empty (query), ==,
                       cases[i].match == NULL && !*cases[i].from && !*cases[i].tags &&
                       !*cases[i].languages);
    }

  {
    g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse (NULL);

    g_assert_true (chorus_search_query_is_empty (query));
  }
}

/* posts_fts as the workspace declares it, beside a second column that a
 * column filter could reach. */
static sqlite3 *
open_fts (void)
{
  sqlite3 *db = chorus_test_db_open (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0);

  chorus_test_db_exec (db,
                       "CREATE VIRTUAL TABLE t USING fts5 (text, secret,"
                       "  tokenize = 'unicode61 remove_diacritics 2');"
                       "INSERT INTO t (rowid, text, secret) VALUES"
                       "  (1, 'My rain jacket leaks at the zipper', 'foo'),"
                       "  (2, 'Jacket rain: wrong order. Un café très bon', 'foo'),"
                       "  (3, 'The ZIPPERS on the tent', 'bar'),"
                       "  (4, 'near and far, and or not', 'foo'),"
                       "  (5, 'text foo', 'bar');");
  return db;
}

/* The rowids that @text finds, as "1 3"; "error" if FTS5 refused it. */
static char *
search (sqlite3    *db,
        const char *text)
{
  g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse (text);
  g_autoptr(GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (query->match == NULL)
    return g_strdup ("all");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query->match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (found, "%s%lld", found->len ? " " : "", sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return g_strdup ("error");
  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
test_fts (void)
{
  static const struct { const char *text; const char *found; } cases[] = {
    { "jacket", "1 2" },
    { "JACKET Rain", "1 2" },
    { "\"rain jacket\"", "1" },
    { "zip*", "1 3" },
    { "zipper", "1" },
    { "cafe", "2" },
    { "CAFÉ", "2" },
    { "\"tres bon\"", "2" },
    /* A column filter would reach "secret"; as words, "secret foo" is absent. */
    { "secret:foo", "" },
    { "{secret}:foo", "" },
    { "text:foo", "5" },
    { "NEAR(and far)", "4" },
    { "NEAR(near far)", "" },
    { "and or not", "4" },
    { "AND", "4" },
    { "^near", "4" },
    { "\"near", "4" },
    { "near\"far", "4" },
    { "*", "all" },
    { "zip* \"wrong order\"", "" },
  };
  sqlite3 *db = open_fts ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = search (db, cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (found, ==, cases[i].found);
    }

  sqlite3_close (db);
}

/* Whatever is typed, FTS5 accepts the expression. */
static void
test_fts_fuzz (void)
{
  static const char alphabet[] = "ab \"*:^()-+{}NEARORANDNOT\\'é,.\t";
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  sqlite3 *db = open_fts ();

  for (guint i = 0; i < 3000; i++)
    {
      char text[24];
      guint length = g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *found = NULL;

      for (guint j = 0; j < length; j++)
        text[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[length] = '\0';

      found = search (db, text);
      if (g_str_equal (found, "error"))
        g_test_message ("refused: %s", text);
      g_assert_cmpstr (found, !=, "error");
    }

  sqlite3_close (db);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse ("zip\xff\xfe per tag:\xc3");

  g_assert_true (g_utf8_validate (query->match, -1, NULL));
  g_assert_cmpstr (query->match, ==, "\"zip\xef\xbf\xbd\xef\xbf\xbd\" AND \"per\"");
  g_assert_true (g_utf8_validate (query->tags[0], -1, NULL));
}

/* Highlighting */

static char *
remove_all (const char *text,
            const char *part)
{
  g_auto(GStrv) pieces = g_strsplit (text, part, -1);

  return g_strjoinv ("", pieces);
}

static char *
highlight (const char *search_text,
           const char *text,
           gsize       max_chars)
{
  g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse (search_text);
  char *markup = chorus_search_query_highlight (query, text, max_chars);
  g_autofree char *no_open = remove_all (markup, "<b>");
  g_autofree char *no_bold = remove_all (no_open, "</b>");

  chorus_test_assert_markup (markup);
  /* Only our own <b> tags. */
  g_assert_null (strchr (no_bold, '<'));
  g_assert_null (strchr (no_bold, '>'));

  return markup;
}

static void
test_highlight (void)
{
  static const struct
  {
    const char *search;
    const char *text;
    const char *markup;
  } cases[] = {
    { "cafe", "Un Café très bon", "Un <b>Café</b> très bon" },
    { "CAFÉ", "un cafe, UN CAFÉ", "un <b>cafe</b>, UN <b>CAFÉ</b>" },
    { "angstrom", "Ångström units", "<b>Ångström</b> units" },
    { "zipper", "The ZIPPER broke", "The <b>ZIPPER</b> broke" },
    { "zip*", "Zippers and zips, not unzip", "<b>Zippers</b> and <b>zips</b>, not unzip" },
    { "\"rain jacket\"", "my rain jacket, and jacket rain", "my <b>rain jacket</b>, and jacket rain" },
    { "\"rain jacket\"", "my rain—jacket", "my <b>rain—jacket</b>" },
    { "\"rain jack\"*", "rain jackets", "<b>rain jackets</b>" },
    { "rain jacket", "jacket in the rain", "<b>jacket</b> in the <b>rain</b>" },
    { "tent \"tent pole\"", "tent pole", "<b>tent pole</b>" },
    { "from:tent tag:tent lang:en", "tent", "tent" },
    { "nothing", "a & b < c", "a &amp; b &lt; c" },
    { "b", "<b>bold</b> & <i>b</i>", "&lt;<b>b</b>&gt;bold&lt;/<b>b</b>&gt; &amp; &lt;i&gt;<b>b</b>&lt;/i&gt;" },
    { "script", "<script>alert(1)</script>", "&lt;<b>script</b>&gt;alert(1)&lt;/<b>script</b>&gt;" },
    { "a", "a\x01" "b\x7f" "c\tA\nd", "<b>a</b> b c <b>A</b> d" },
    { "x", "x\xff\xfe" "x", "<b>x</b>\xef\xbf\xbd\xef\xbf\xbd<b>x</b>" },
    { "x", "x\xef\xbf\xbe" "y", "<b>x</b> y" },
    { "", "plain text", "plain text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = highlight (cases[i].search, cases[i].text, 0);

      g_test_message ("%s in %s", cases[i].search, cases[i].text);
      g_assert_cmpstr (markup, ==, cases[i].markup);
    }

  {
    g_autofree char *markup = highlight ("zipper", NULL, 10);

    g_assert_cmpstr (markup, ==, "");
  }
}

/* "w00 w01 … w49" with "needle" for w25: word i starts at 4 i before it,
 * "needle" spans 100–106, and word i after it starts at 107 + 4 (i - 26). */
static char *
long_text (guint needle_at)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 50; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      if (i == needle_at)
        g_string_append (text, "needle");
      else
        g_string_append_printf (text, "w%02u", i);
    }

  return g_string_free (text, FALSE);
}

static void
test_excerpt (void)
{
  static const struct
  {
    guint       needle_at;
    const char *search;
    gsize       max_chars;
    const char *markup;
  } cases[] = {
    /* Centred: 12 characters each side of the 6 of "needle", from 88 to 118. */
    { 25, "needle", 30, "…w22 w23 w24 <b>needle</b> w26 w27 w28…" },
    /* 89 is inside w22: the cut moves on to the next space. */
    { 25, "needle", 29, "…w23 w24 <b>needle</b> w26 w27 w28…" },
    /* 120 is inside w29: the cut moves back to the space before it. */
    { 25, "needle", 33, "…w22 w23 w24 <b>needle</b> w26 w27 w28…" },
    { 25, "nee*", 30, "…w22 w23 w24 <b>needle</b> w26 w27 w28…" },
    /* Near the start: nothing cut there. */
    { 1, "needle", 30, "w00 <b>needle</b> w02 w03 w04 w05 w06…" },
    /* Near the end: nothing cut there; 182 is inside w45. */
    { 49, "needle", 20, "…w46 w47 w48 <b>needle</b>" },
    /* No match: the start. */
    { 25, "absent", 14, "w00 w01 w02…" },
    /* The whole text fits. */
    { 25, "needle", 500, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = long_text (cases[i].needle_at);
      g_autofree char *markup = highlight (cases[i].search, text, cases[i].max_chars);

      g_test_message ("%s, %" G_GSIZE_FORMAT " characters", cases[i].search, cases[i].max_chars);
      if (cases[i].markup != NULL)
        g_assert_cmpstr (markup, ==, cases[i].markup);
      else
        {
          g_assert_true (g_str_has_prefix (markup, "w00 w01 "));
          g_assert_nonnull (strstr (markup, " <b>needle</b> "));
          g_assert_true (g_str_has_suffix (markup, " w48 w49"));
        }
    }
}

/* Cuts land between characters of any width and never in our tags. */
static void
test_excerpt_multibyte (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ChorusSearchQuery) query = chorus_search_query_parse ("ñandú");

  for (guint i = 0; i < 40; i++)
    g_string_append (text, i == 20 ? "Ñandú " : "日本語テキスト🙂éé ");

  for (gsize max_chars = 1; max_chars < 120; max_chars++)
    {
      g_autofree char *markup = chorus_search_query_highlight (query, text->str, max_chars);
      g_autofree char *no_open = remove_all (markup, "<b>");
      g_autofree char *no_close = remove_all (no_open, "</b>");
      g_autofree char *plain = remove_all (no_close, "…");

      chorus_test_assert_markup (markup);
      g_assert_nonnull (strstr (markup, max_chars >= 5 ? "<b>Ñandú</b>" : "<b>Ñ"));
      g_assert_cmpuint (g_utf8_strlen (plain, -1), <=, max_chars);
      g_assert_true (g_str_has_prefix (markup, "…"));
      g_assert_true (g_str_has_suffix (markup, "…"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/search-query/match/%u", i);

      g_test_add_data_func (path, &match_cases[i], test_match);
    }

  g_test_add_func ("/chorus/search-query/qualifiers", test_qualifiers);
  g_test_add_func ("/chorus/search-query/fts", test_fts);
  g_test_add_func ("/chorus/search-query/fts-fuzz", test_fts_fuzz);
  g_test_add_func ("/chorus/search-query/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/chorus/search-query/highlight", test_highlight);
  g_test_add_func ("/chorus/search-query/excerpt", test_excerpt);
  g_test_add_func ("/chorus/search-query/excerpt-multibyte", test_excerpt_multibyte);

  return g_test_run ();
}
