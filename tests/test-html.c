/* test-html.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* HTML → plain text + safe markup. Every markup string any test produces
 * goes through a GMarkup parser that accepts only what Pango (in a
 * GtkLabel) may see from us: <b>, <i>, <tt>, <s> and <a href="http…">. */

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-html.h"
#include "chorus-test-util.h"

static void
convert (const char *html,
         gssize      length,
         char      **plain,
         char      **markup)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_html_convert (html, length, plain, markup, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (*plain, -1, NULL));
  chorus_test_assert_markup (*markup);
}

/* The table */

typedef struct
{
  const char *name;
  const char *html;
  const char *plain;
  const char *markup;          /* NULL: only validated */
} HtmlCase;

static const HtmlCase cases[] = {
  { "paragraphs", "<p>One</p><p>Two</p>\n<div>Three</div>", "One\n\nTwo\n\nThree", "One\n\nTwo\n\nThree" },
  { "br", "a<br>b<br/><br>c<br>", "a\nb\n\nc", "a\nb\n\nc" },
  { "whitespace", "<p>  hello \n\t world  </p>  <p> x </p>", "hello world\n\nx", "hello world\n\nx" },
  { "entities", "<p>caf&eacute; &amp; &lt;tag&gt; &#x263A; &hellip; &quot;q&quot;</p>",
    "café & <tag> ☺ … \"q\"", "café &amp; &lt;tag&gt; ☺ … &quot;q&quot;" },
  { "formatting", "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em> <code>c</code> <del>d</del> <s>s</s>",
    "b s i e c d s", "<b>b</b> <b>s</b> <i>i</i> <i>e</i> <tt>c</tt> <s>d</s> <s>s</s>" },
  { "unknown-tags", "<span class=\"x\" style=\"color:red\">a</span><u>b</u><font size=9>c</font>",
    "abc", "abc" },
  { "blocks", "<h1>Title</h1><ul><li>one</li><li>two</li></ul><blockquote>quoted</blockquote>",
    "Title\n\none\n\ntwo\n\nquoted", NULL },
  { "pre", "<pre>a\n  b</pre><p>c</p>", "a\n  b\n\nc", "<tt>a\n  b</tt>\n\nc" },
  { "link", "<a href=\"https://example.org/a?b=1&amp;c=2\">x</a>", "x",
    "<a href=\"https://example.org/a?b=1&amp;c=2\">x</a>" },
  { "link-mailto", "<a href=\"mailto:team@example.org\">mail</a>", "mail",
    "<a href=\"mailto:team@example.org\">mail</a>" },
  { "link-javascript", "<a href=\"javascript:alert(1)\">click</a>", "click", "click" },
  { "link-javascript-case", "<a href=\" JaVaScRiPt:alert(1)\">click</a>", "click", "click" },
  { "link-javascript-tab", "<a href=\"java&#x09;script:alert(1)\">click</a>", "click", "click" },
  { "link-javascript-entity", "<a href=\"&#106;avascript:alert(1)\">click</a>", "click", "click" },
  { "link-data", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>", "d", "d" },
  { "link-vbscript", "<a href=\"vbscript:msgbox(1)\">v</a>", "v", "v" },
  { "link-relative", "<a href=\"/relative/path\">r</a> <a href=\"page.html\">p</a>", "r p", "r p" },
  { "link-no-host", "<a href=\"http:///nohost\">n</a> <a href=\"https://\">m</a>", "n m", "n m" },
  { "link-nested", "<a href=\"https://a.example/\">x <a href=\"https://b.example/\">y</a></a>", "x y", NULL },
  { "link-injection", "<a href=\"https://e.example/x\" onclick=\"alert(1)\" style=\"x\">x</a>", "x",
    "<a href=\"https://e.example/x\">x</a>" },
  { "link-quote-injection", "<a href='https://e.example/\"onmouseover=\"alert(1)'>x</a>", "x", NULL },
  { "script-style", "<p>a<script>alert(1)</script>b</p><style>p{color:red}</style>"
    "<template>t</template><iframe src=\"https://x.example/\">i</iframe><object>o</object>c",
    "ab\n\nc", "ab\n\nc" },
  { "whole-document", "<!DOCTYPE html><html><head><title>T</title><meta charset=\"iso-8859-1\">"
    "<script>x()</script></head><body><p>café</p></body></html>", "café", "café" },
  { "event-handlers", "<p onclick=\"alert(1)\"><img src=x onerror=\"alert(1)\">safe</p>", "safe", "safe" },
  { "mastodon-invisible", "<p><a href=\"https://example.org/long/path\"><span class=\"invisible\">https://</span>"
    "<span class=\"ellipsis\">example.org/lo</span><span class=\"invisible\">ng/path</span></a></p>",
    "example.org/lo…", "<a href=\"https://example.org/long/path\">example.org/lo…</a>" },
  { "mastodon-mention", "<p><span class=\"h-card\"><a href=\"https://mastodon.social/@halcy\" "
    "class=\"u-url mention\">@<span>halcy</span></a></span> hi <a href=\"https://x.example/tags/Tag\" "
    "class=\"mention hashtag\" rel=\"tag\">#<span>Tag</span></a></p>", "@halcy hi #Tag",
    "<a href=\"https://mastodon.social/@halcy\">@halcy</a> hi <a href=\"https://x.example/tags/Tag\">#Tag</a>" },
  { "unclosed", "<p><b>bold <i>both", "bold both", "<b>bold <i>both</i></b>" },
  { "misnested", "<b>x<i>y</b>z</i><p>w", NULL, NULL },
  { "stray-closers", "</p></b></a>text</div>", "text", "text" },
  { "bidi", "a\xe2\x80\xae" "evil\xe2\x80\xac b\xe2\x81\xa6" "c\xe2\x81\xa9 d\xe2\x80\x8b" "e\xef\xbb\xbf",
    "aevil bc de", "aevil bc de" },
  { "controls", "a\x01\x02" "b\x1b[31mc\xc2\x81" "d", "ab[31mcd", "ab[31mcd" },
  { "c1-as-windows-1252", "don\xc2\x92t \xc2\x80" "5 &#150; x", "don’t €5 – x", NULL },
  { "zwj-kept", "family \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", "family 👨\u200d👩", NULL },
  { "emoji-image", "<p>hi <img class=\"emoji\" alt=\":blobcat:\" src=\"/e.png\"> <img alt=\"photo\" src=\"p.png\"></p>",
    "hi :blobcat:", "hi :blobcat:" },
  { "table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc", NULL },
  { "empty", "", "", "" },
  { "only-whitespace", "  \n <p> </p> <br> ", "", "" },
  { "plain-text", "just text & more", "just text & more", "just text &amp; more" },
  { "comment", "a<!-- <b>hidden</b> -->b", "ab", "ab" },
  { "cdata-like", "<p>x<![CDATA[<b>y</b>]]>z</p>", NULL, NULL },
  { "lone-lt", "1 < 2 and 3 > 2 <3", NULL, NULL },
};

static void
test_case (gconstpointer data)
{
  const HtmlCase *c = data;
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  convert (c->html, -1, &plain, &markup);

  if (c->plain != NULL)
    g_assert_cmpstr (plain, ==, c->plain);
  if (c->markup != NULL)
    g_assert_cmpstr (markup, ==, c->markup);

  /* Whatever the case, nothing clickable but http(s) and mailto. */
  g_assert_null (strstr (markup, "javascript"));
  g_assert_null (strstr (markup, "data:"));
  g_assert_null (strstr (markup, "onclick"));
  g_assert_null (strstr (markup, "<a href=\"/"));
}

static void
test_invalid_utf8 (void)
{
  static const char html[] = "<p>ok \xff\xfe bad \xc3</p><p>\xe2\x82</p>";
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  convert (html, sizeof html - 1, &plain, &markup);
  g_assert_true (g_str_has_prefix (plain, "ok \xef\xbf\xbd\xef\xbf\xbd bad"));
}

static void
test_embedded_nul (void)
{
  static const char html[] = "<p>a\0b</p>";
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  convert (html, sizeof html - 1, &plain, &markup);
  g_assert_cmpstr (plain, ==, "a\xef\xbf\xbd" "b");
}

static void
test_length (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  convert ("<p>abc</p><p>not this</p>", 10, &plain, &markup);
  g_assert_cmpstr (plain, ==, "abc");
}

/* libxml2 stops parsing beyond 256 open elements (its default limit; lifting
 * it with XML_PARSE_HUGE makes stray end tags quadratic), so what comes
 * before the flood stays and the rest is dropped, quickly. */
static void
assert_deep (guint       depth,
             const char *open,
             const char *close,
             const char *expected)
{
  g_autoptr(GString) html = g_string_new ("<p>before</p>");
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (html, open);
  g_string_append (html, "deep");
  for (guint i = 0; close != NULL && i < depth; i++)
    g_string_append (html, close);
  g_string_append (html, "<p>after</p>");

  convert (html->str, html->len, &plain, &markup);

  g_assert_cmpstr (plain, ==, expected);
  g_assert_cmpuint (strlen (markup), <, 128);
}

static void
test_deep_div (void)
{
  assert_deep (10000, "<div>", "</div>", "before");
}

static void
test_deep_bold (void)
{
  assert_deep (10000, "<b>", "</b>", "before");
}

static void
test_deep_mixed_unclosed (void)
{
  assert_deep (10000, "<b><i><s><a href=\"https://x.example/\"><span>", "</b>", "before");
}

static void
test_deep_stray_closers (void)
{
  assert_deep (100000, "<span>", "</div></b>", "before");
}

static void
test_deep_within_limit (void)
{
  assert_deep (100, "<div><b>", "</b></div>", "before\n\ndeep\n\nafter");
}

static void
test_huge_input (void)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  while (html->len < 8 * 1024 * 1024)
    g_string_append (html, "<p><b>word</b> &amp; <a href=\"https://example.org/\">link</a></p>");

  convert (html->str, html->len, &plain, &markup);

  g_assert_cmpuint (strlen (plain), <=, CHORUS_HTML_MAX_TEXT + 4);
  g_assert_cmpuint (strlen (plain), >, CHORUS_HTML_MAX_TEXT / 2);
  g_assert_cmpuint (strlen (markup), <=, 4 * CHORUS_HTML_MAX_TEXT);
  g_assert_true (g_str_has_suffix (plain, "…"));
}

static void
test_huge_text (void)
{
  g_autofree char *html = g_strnfill (3 * CHORUS_HTML_MAX_TEXT, '&');
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  convert (html, -1, &plain, &markup);
  g_assert_cmpuint (strlen (plain), <=, CHORUS_HTML_MAX_TEXT + 4);
  g_assert_cmpuint (strlen (markup), <=, 4 * CHORUS_HTML_MAX_TEXT);
}

static void
test_optional_outputs (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  g_assert_true (chorus_html_convert ("<p>x</p>", -1, &plain, NULL, NULL));
  g_assert_cmpstr (plain, ==, "x");
  g_assert_true (chorus_html_convert ("<b>x</b>", -1, NULL, &markup, NULL));
  g_assert_cmpstr (markup, ==, "<b>x</b>");
}

static void
test_base_uri (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  g_assert_true (chorus_html_convert_full ("<a href=\"../x?a=1&amp;b=2\">x</a> <a href=\"javascript:y\">y</a>",
                                           -1, "https://example.org/blog/post/", &plain, &markup, NULL));
  g_assert_cmpstr (plain, ==, "x y");
  g_assert_cmpstr (markup, ==, "<a href=\"https://example.org/blog/x?a=1&amp;b=2\">x</a> y");
  chorus_test_assert_markup (markup);
}

static void
test_resolve_link (void)
{
  const char *base = "https://example.org/a/b";
  struct { const char *base, *href, *expected; } links[] = {
    { NULL, "https://example.org/", "https://example.org/" },
    { NULL, "HTTP://Example.org/x", "http://Example.org/x" },
    { NULL, "mailto:a@example.org", "mailto:a@example.org" },
    { NULL, "/relative", NULL },
    { base, "/relative", "https://example.org/relative" },
    { base, "//cdn.example.net/i.png", "https://cdn.example.net/i.png" },
    { base, "javascript:alert(1)", NULL },
    { base, "java\tscript:alert(1)", NULL },
    { base, " java\nscr\ript:alert(1)", NULL },
    { base, "ht\ttp://example.org/x", "http://example.org/x" },
    /* GLib's relaxed parser fails an assertion on these */
    { NULL, "http://a;b/c", "http://a;b/c" },
    { NULL, "http://purl.&hellip;org/atom/ns#", "http://purl.&hellip;org/atom/ns#" },
    { base, "data:text/html,x", NULL },
    { base, "vbscript:x", NULL },
    { base, "file:///etc/passwd", NULL },
    { base, "ftp://example.org/", NULL },
    { base, "http://[::1", NULL },
    { base, "mailto:", NULL },
    { NULL, NULL, NULL },
    { NULL, "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *link = chorus_html_resolve_link (links[i].base, links[i].href);

      g_assert_cmpstr (link, ==, links[i].expected);
    }
}

static void
test_escape_plain (void)
{
  struct { const char *text, *markup; } texts[] = {
    { "hello <b>world</b> & co", "hello &lt;b&gt;world&lt;/b&gt; &amp; co" },
    { "see https://example.org/a_(b), and http://x.example.",
      "see <a href=\"https://example.org/a_(b)\">https://example.org/a_(b)</a>, and "
      "<a href=\"http://x.example\">http://x.example</a>." },
    { "(https://example.org/x)", "(<a href=\"https://example.org/x\">https://example.org/x</a>)" },
    { "q=https://e.example/?a=1&b=\"2\"", "q=<a href=\"https://e.example/?a=1&amp;b=\">"
      "https://e.example/?a=1&amp;b=</a>&quot;2&quot;" },
    { "javascript:alert(1) ftp://x.example mailto:a@b.example", "javascript:alert(1) ftp://x.example mailto:a@b.example" },
    { "nohttp://x.example https://", "nohttp://x.example https://" },
    { "line one\nline two\r\nthree", "line one\nline two\nthree" },
    { "a\xe2\x80\xae" "b\xe2\x81\xa6" "c", "abc" },
    { "bad \xff utf8", "bad \xef\xbf\xbd utf8" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *markup = chorus_html_escape_plain (texts[i].text);

      g_assert_cmpstr (markup, ==, texts[i].markup);
      chorus_test_assert_markup (markup);
    }
}

static void
test_sanitize_text (void)
{
  g_autofree char *a = chorus_html_sanitize_text ("x\xe2\x80\xaey\x07z\r\n\xef\xbb\xbf", -1);
  g_autofree char *b = chorus_html_sanitize_text ("abc\xff", 3);

  g_assert_cmpstr (a, ==, "xyz\n");
  g_assert_cmpstr (b, ==, "abc");
}

/* Real Mastodon statuses */

static char *
corpus_path (const char *relative)
{
  const char *dir = g_getenv ("CHORUS_CORPUS_DIR");

  if (dir == NULL)
    return NULL;
  return g_build_filename (dir, relative, NULL);
}

static char *
mastodon_content (const char *file)
{
  g_autofree char *path = corpus_path (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  return g_strdup (json_object_get_string_member (object, "content"));
}

typedef struct
{
  const char *file;
  const char *plain;
  const char *link;            /* a link the markup must hold, or NULL */
} MastodonCase;

static const MastodonCase mastodon_cases[] = {
  { "mastodon/real/status_with_preview_card.json",
    "soundcloud.com/wakarangirl/pop… link to soundcloud that should generate a card",
    "<a href=\"https://soundcloud.com/wakarangirl/popstars-dj-wakaran-girl-khard-bass-flex-1\">"
    "soundcloud.com/wakarangirl/pop…</a>" },
  { "mastodon/real/status_remote_gifv_cw_filtered_mentions_tags.json",
    "@halcy you're a doo-doo head\n\nedit: editing this to have the maximum amount of fields "
    "filled :trans_heart: #ThisIsAHashtag",
    "<a href=\"https://icosahedron.website/tags/ThisIsAHashtag\">#ThisIsAHashtag</a>" },
  { "mastodon/real/status_local_card.json", "example.org/",
    "<a href=\"http://example.org/\">example.org/</a>" },
  { "mastodon/real/status_reply_with_quote_created.json",
    "RE: localhost:3000/@mastodonpy_tes…\n\n@mastodonpy_test yoooo check this out",
    "<a href=\"http://localhost:3000/@mastodonpy_test\">@mastodonpy_test</a>" },
  { "mastodon/real/status_quote_bridged_bluesky.json",
    "actual reply that quotes a post that quotes a post bsky.app/profile/h4lc...\n\nRE: "
    "https://bsky.app/profile/did:plc:5syfqzormjkutgo5hi2u2gpr/post/3lwlumdwf522i", NULL },
  { "mastodon/real/status_remote_audio_reply_private.json",
    "@halcy@mastodon.social audio post, but remote", NULL },
};

static void
test_mastodon_case (gconstpointer data)
{
  const MastodonCase *c = data;
  g_autofree char *content = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  if (g_getenv ("CHORUS_CORPUS_DIR") == NULL)
    {
      g_test_skip ("CHORUS_CORPUS_DIR is not set");
      return;
    }

  content = mastodon_content (c->file);
  convert (content, -1, &plain, &markup);
  g_assert_cmpstr (plain, ==, c->plain);
  if (c->link != NULL)
    g_assert_nonnull (strstr (markup, c->link));
}

/* Every "content" string anywhere in the recorded Mastodon responses. */
static void
convert_all_content (JsonNode *node,
                     guint    *count)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          if (g_str_equal (l->data, "content") && JSON_NODE_HOLDS_VALUE (child) &&
              json_node_get_value_type (child) == G_TYPE_STRING)
            {
              g_autofree char *plain = NULL;
              g_autofree char *markup = NULL;

              convert (json_node_get_string (child), -1, &plain, &markup);
              g_assert_null (strstr (plain, "<"));
              (*count)++;
            }
          else
            {
              convert_all_content (child, count);
            }
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        convert_all_content (json_array_get_element (array, i), count);
    }
}

static void
test_mastodon_all (void)
{
  g_autofree char *dir_path = corpus_path ("mastodon/real");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint count = 0;

  if (dir_path == NULL)
    {
      g_test_skip ("CHORUS_CORPUS_DIR is not set");
      return;
    }

  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!g_str_has_suffix (name, ".json") ||
          !json_parser_load_from_file (parser, path, NULL))
        continue;
      convert_all_content (json_parser_get_root (parser), &count);
    }

  g_test_message ("%u content strings converted", count);
  g_assert_cmpuint (count, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/html/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (mastodon_cases); i++)
    {
      g_autofree char *base = g_path_get_basename (mastodon_cases[i].file);
      g_autofree char *path = g_strdup_printf ("/chorus/html/mastodon/%s", base);

      g_test_add_data_func (path, &mastodon_cases[i], test_mastodon_case);
    }

  g_test_add_func ("/chorus/html/mastodon/all-content", test_mastodon_all);
  g_test_add_func ("/chorus/html/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/chorus/html/embedded-nul", test_embedded_nul);
  g_test_add_func ("/chorus/html/length", test_length);
  g_test_add_func ("/chorus/html/deep/div", test_deep_div);
  g_test_add_func ("/chorus/html/deep/bold", test_deep_bold);
  g_test_add_func ("/chorus/html/deep/mixed-unclosed", test_deep_mixed_unclosed);
  g_test_add_func ("/chorus/html/deep/stray-closers", test_deep_stray_closers);
  g_test_add_func ("/chorus/html/deep/within-limit", test_deep_within_limit);
  g_test_add_func ("/chorus/html/huge/input", test_huge_input);
  g_test_add_func ("/chorus/html/huge/text", test_huge_text);
  g_test_add_func ("/chorus/html/optional-outputs", test_optional_outputs);
  g_test_add_func ("/chorus/html/base-uri", test_base_uri);
  g_test_add_func ("/chorus/html/resolve-link", test_resolve_link);
  g_test_add_func ("/chorus/html/escape-plain", test_escape_plain);
  g_test_add_func ("/chorus/html/sanitize-text", test_sanitize_text);

  return g_test_run ();
}
