/* test-feed.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The feed reader: every feed file of the corpus (one test path each,
 * with the HTTP headers feedparser's INDEX.tsv says to simulate), then
 * exact assertions on known files, hostile documents and dates. */

#include <string.h>
#include <sys/resource.h>

#include "chorus-error.h"
#include "chorus-feed-parser.h"
#include "chorus-test-util.h"

/* Helpers */

static char *
corpus_path (const char *relative)
{
  return g_build_filename (g_getenv ("CHORUS_CORPUS_DIR"), "feeds", relative, NULL);
}

static gint64
utc (const char *iso8601)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static ChorusFeed *
parse_file (const char *relative,
            const char *feed_url)
{
  g_autofree char *path = corpus_path (relative);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  ChorusFeed *feed;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  feed = chorus_feed_parse (data, length, feed_url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

static ChorusIncomingPost *
post_at (ChorusFeed *feed,
         guint       index)
{
  g_assert_cmpuint (feed->posts->len, >, index);
  return g_ptr_array_index (feed->posts, index);
}

static void
assert_rejected (const char *data,
                 gssize      length,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusFeed) feed = NULL;

  feed = chorus_feed_parse (data, length < 0 ? strlen (data) : (gsize) length, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
assert_sane_post (ChorusIncomingPost *post)
{
  g_assert_cmpstr (post->network, ==, "feed");
  g_assert_nonnull (post->uri);
  g_assert_cmpstr (post->uri, !=, "");
  g_assert_true (g_utf8_validate (post->uri, -1, NULL));
  g_assert_null (strpbrk (post->uri, " \t\r\n"));
  g_assert_nonnull (post->remote_id);

  g_assert_nonnull (post->author);
  g_assert_nonnull (post->author->handle);
  g_assert_cmpstr (post->author->handle, !=, "");
  g_assert_true (g_utf8_validate (post->author->handle, -1, NULL));
  g_assert_nonnull (post->author->server);

  g_assert_nonnull (post->text);
  g_assert_true (g_utf8_validate (post->text, -1, NULL));
  if (post->markup != NULL)
    chorus_test_assert_markup (post->markup);
  if (post->title != NULL)
    {
      g_assert_true (g_utf8_validate (post->title, -1, NULL));
      g_assert_null (strchr (post->title, '\n'));
    }

  if (post->url != NULL)
    g_assert_true (g_str_has_prefix (post->url, "http://") || g_str_has_prefix (post->url, "https://"));
  g_assert_true (post->created_at == 0 ||
                 (post->created_at > utc ("1970-01-02T00:00:00Z") && post->created_at < utc ("2100-01-01T00:00:00Z")));
  g_assert_true (post->edited_at == 0 || post->edited_at > post->created_at);
  if (post->language != NULL)
    g_assert_cmpuint (strspn (post->language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"),
                      ==, strlen (post->language));

  for (guint i = 0; i < post->media->len; i++)
    {
      ChorusIncomingMedia *media = g_ptr_array_index (post->media, i);
      const char * const kinds[] = { "image", "video", "audio", "link", NULL };

      g_assert_true (g_strv_contains (kinds, media->kind));
      g_assert_true (g_str_has_prefix (media->url, "http://") || g_str_has_prefix (media->url, "https://"));
    }
}

/* The whole corpus */

typedef struct
{
  char     *relative;           /* under feeds/ */
  char     *content_type;       /* simulated headers, or NULL */
  char     *content_location;
  gboolean  may_fail;           /* the corpus says it is broken */
  gboolean  must_fail;          /* not a feed at all */
  gboolean  has_entries;
} CorpusFile;

/* Not feeds: must be rejected. */
static const char * const not_feeds[] = {
  "feed-rs/xml/xml_iso8859.xml", "feed-rs/xml/xml_sample_1.xml", "feed-rs/xml/xml_sample_2.xml",
  "rss-parser/unrecognized.rss", "jsonfeed/schema-v1.json", "jsonfeed/schema-v1.1.json", NULL
};

/* Formats Chorus does not read: Microsoft's CDF. */
static const char * const unsupported[] = {
  "feedparser/wellformed/base/cdf_item_abstract_xml_base.xml", NULL
};

static void
corpus_file_free (gpointer data)
{
  CorpusFile *file = data;

  g_free (file->relative);
  g_free (file->content_type);
  g_free (file->content_location);
  g_free (file);
}

static gboolean
raw_has_entries (const char *data,
                 gsize       length)
{
  return g_strstr_len (data, length, "<item") != NULL || g_strstr_len (data, length, "<entry") != NULL ||
         g_strstr_len (data, length, ":item") != NULL || g_strstr_len (data, length, "\"items\": [\n") != NULL ||
         g_strstr_len (data, length, "\"items\":[{") != NULL;
}

static void
test_corpus_file (gconstpointer data)
{
  const CorpusFile *file = data;
  g_autofree char *path = corpus_path (file->relative);
  g_autofree char *bytes = NULL;
  g_autofree char *feed_url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusFeed) feed = NULL;
  gsize length;

  g_file_get_contents (path, &bytes, &length, &error);
  g_assert_no_error (error);

  feed_url = file->content_location ? g_strdup (file->content_location)
                                    : g_strconcat ("https://corpus.example/", file->relative, NULL);

  feed = chorus_feed_parse_full (bytes, length, feed_url, file->content_type, &error);

  if (feed == NULL)
    {
      g_test_message ("%s: %s", file->relative, error->message);
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
      g_assert_true (file->may_fail || file->must_fail);
      return;
    }

  g_assert_no_error (error);
  g_assert_false (file->must_fail);
  g_assert_nonnull (feed->posts);
  if (feed->title != NULL)
    g_assert_true (g_utf8_validate (feed->title, -1, NULL));
  if (file->has_entries && !file->may_fail)
    g_assert_cmpuint (feed->posts->len, >=, 1);

  for (guint i = 0; i < feed->posts->len; i++)
    assert_sane_post (g_ptr_array_index (feed->posts, i));
}

/* INDEX.tsv: path, bytes, description, expectation, headers */
static GHashTable *
load_feedparser_index (void)
{
  g_autofree char *path = corpus_path ("feedparser/INDEX.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (contents);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", 5);

      if (g_strv_length (fields) == 5)
        g_hash_table_insert (index, g_strconcat ("feedparser/", fields[0], NULL), fields);
      else
        g_strfreev (fields);
    }

  return index;
}

static void
apply_feedparser_index (CorpusFile *file,
                        GHashTable *index)
{
  char **fields = g_hash_table_lookup (index, file->relative);
  const char *expect;
  const char *header;

  if (fields == NULL)
    return;

  expect = fields[3];
  header = fields[4];
  file->may_fail |= (strstr (expect, "bozo") != NULL && strstr (expect, "not bozo") == NULL) ||
                    g_str_has_prefix (file->relative, "feedparser/illformed/");
  file->has_entries |= strstr (expect, "entries[") != NULL;

  if (g_ascii_strncasecmp (header, "Content-type:", 13) == 0)
    file->content_type = g_strstrip (g_strdup (header + 13));
  else if (g_ascii_strncasecmp (header, "Content-Location:", 17) == 0)
    file->content_location = g_strstrip (g_strdup (header + 17));
}

static void
collect_files (const char *root,
               const char *relative,
               GPtrArray  *files)
{
  g_autofree char *dir_path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *child_path = g_build_filename (root, child, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        collect_files (root, child, files);
      else if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rss") ||
               g_str_has_suffix (name, ".atom") || g_str_has_suffix (name, ".rdf") ||
               g_str_has_suffix (name, ".json"))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
corpus_files (void)
{
  g_autofree char *root = corpus_path ("");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) index = load_feedparser_index ();
  GPtrArray *files = g_ptr_array_new_with_free_func (corpus_file_free);

  collect_files (root, "", names);
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      CorpusFile *file = g_new0 (CorpusFile, 1);
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;

      file->relative = g_strdup (g_ptr_array_index (names, i));
      path = corpus_path (file->relative);
      g_file_get_contents (path, &data, &length, NULL);
      file->has_entries = data != NULL && raw_has_entries (data, length);
      file->must_fail = g_strv_contains (not_feeds, file->relative);
      file->may_fail = g_strv_contains (unsupported, file->relative);
      apply_feedparser_index (file, index);
      g_ptr_array_add (files, file);
    }

  return files;
}

/* Known files */

static void
test_rss2 (void)
{
  g_autoptr(ChorusFeed) feed = parse_file ("feed-rs/rss2/rss_2.0_example_2.xml",
                                           "https://www.nasa.gov/rss/dyn/breaking_news.rss");
  ChorusIncomingPost *post = post_at (feed, 0);
  ChorusIncomingMedia *media;

  g_assert_cmpstr (feed->title, ==, "NASA Breaking News");
  g_assert_cmpstr (feed->site_url, ==, "http://www.nasa.gov/");
  g_assert_cmpuint (feed->posts->len, ==, 1);

  /* guid isPermaLink="false" but URI-like: the key; the link is the URL */
  g_assert_cmpstr (post->uri, ==, "http://www.nasa.gov/press-release/"
                   "nasa-television-to-broadcast-space-station-departure-of-cygnus-cargo-ship");
  g_assert_cmpstr (post->url, ==, post->uri);
  g_assert_cmpstr (post->title, ==, "NASA Television to Broadcast Space Station Departure of Cygnus Cargo Ship");
  /* "Thu, 01 Aug 2019 16:15 EDT": no seconds, a zone name */
  g_assert_cmpint (post->created_at, ==, utc ("2019-08-01T20:15:00Z"));
  g_assert_cmpint (post->edited_at, ==, 0);
  g_assert_cmpstr (post->author->handle, ==, "jim.wilson@nasa.gov");
  g_assert_cmpstr (post->author->server, ==, "www.nasa.gov");
  g_assert_cmpstr (post->language, ==, "en-us");
  g_assert_true (g_str_has_prefix (post->text, "More than three months after delivering several tons of supplies"));
  g_assert_true (g_str_has_suffix (post->text, "Tuesday, Aug. 6."));

  g_assert_cmpuint (post->media->len, ==, 1);
  media = g_ptr_array_index (post->media, 0);
  g_assert_cmpstr (media->kind, ==, "image");
  g_assert_true (g_str_has_suffix (media->url, "47616261882_4bb534d293_k.jpg?itok=Djjjs81t"));
}

static void
test_rss2_relative_per_item_base (void)
{
  g_autoptr(ChorusFeed) feed = parse_file ("feed-rs/rss2/rss_2.0_relurl_1.xml", NULL);

  g_assert_cmpuint (feed->posts->len, ==, 2);
  g_assert_cmpstr (post_at (feed, 0)->url, ==, "https://insanity.industries/post/pareto-optimal-compression/");
  g_assert_cmpstr (post_at (feed, 1)->url, ==, "https://insanity.industries/post/pacman-tracking-leftover-packages/");
  g_assert_cmpint (post_at (feed, 0)->created_at, ==, utc ("2021-03-02T22:39:15Z"));
}

static void
test_atom_xml_base (void)
{
  g_autoptr(ChorusFeed) feed = parse_file ("feed-rs/atom/atom_example_1.xml", NULL);
  ChorusIncomingPost *post = post_at (feed, 0);
  ChorusIncomingMedia *media;

  g_assert_cmpstr (feed->title, ==, "dive into mark");
  g_assert_cmpstr (feed->site_url, ==, "http://example.org/");
  g_assert_cmpstr (feed->feed_url, ==, "http://example.org/feed.atom");

  g_assert_cmpstr (post->uri, ==, "tag:example.org,2003:3.2397");
  g_assert_cmpstr (post->remote_id, ==, "tag:example.org,2003:3.2397");
  g_assert_cmpstr (post->url, ==, "http://example.org/2005/04/02/atom");
  g_assert_cmpstr (post->title, ==, "Atom draft-07 snapshot");
  g_assert_cmpint (post->created_at, ==, utc ("2003-12-13T12:29:29Z"));
  g_assert_cmpint (post->edited_at, ==, utc ("2005-07-31T12:29:29Z"));
  g_assert_cmpstr (post->author->handle, ==, "Mark Pilgrim");
  g_assert_cmpstr (post->author->profile_url, ==, "http://example.org/");
  g_assert_cmpstr (post->author->server, ==, "example.org");
  g_assert_cmpstr (post->language, ==, "en");
  g_assert_cmpstr (post->text, ==, "[Update: The Atom draft is finished.]");
  g_assert_cmpstr (post->markup, ==, "<i>[Update: The Atom draft is finished.]</i>");

  media = g_ptr_array_index (post->media, 0);
  g_assert_cmpstr (media->kind, ==, "audio");
  g_assert_cmpstr (media->url, ==, "http://example.org/audio/ph34r_my_podcast.mp3");
}

/* Nested xml:base: the content's own base applies to links inside it. */
static void
test_atom_nested_base (void)
{
  static const char atom[] =
    "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='http://example.com/blog/'>"
    "<title>t</title>"
    "<entry xml:base='2024/'><id>urn:x:1</id><title>e</title><link href='post.html'/>"
    "<updated>2024-01-02T03:04:05+01:00</updated>"
    "<content type='html' xml:base='/assets/'>&lt;a href='x/y.png'&gt;pic&lt;/a&gt; "
    "&lt;a href='javascript:alert(1)'&gt;no&lt;/a&gt;</content></entry></feed>";
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusFeed) feed = chorus_feed_parse (atom, strlen (atom), "https://elsewhere.example/feed", &error);
  ChorusIncomingPost *post;

  g_assert_no_error (error);
  post = post_at (feed, 0);
  g_assert_cmpstr (post->url, ==, "http://example.com/blog/2024/post.html");
  g_assert_cmpstr (post->markup, ==, "<a href=\"http://example.com/assets/x/y.png\">pic</a> no");
  g_assert_cmpstr (post->text, ==, "pic no");
  g_assert_cmpint (post->created_at, ==, utc ("2024-01-02T02:04:05Z"));
}

static void
test_atom_relative_links (void)
{
  g_autoptr(ChorusFeed) feed = parse_file ("feed-rs/atom/atom_relative.xml", NULL);
  g_autoptr(ChorusFeed) gulp = parse_file ("rss-parser/gulp-atom.atom", "https://github.com/gulpjs/gulp/releases.atom");

  /* No feed URL given: the self link is the base. */
  g_assert_cmpstr (feed->feed_url, ==, "https://example.com/blog/feed.xml");
  g_assert_cmpstr (feed->site_url, ==, "https://example.com/blog/");
  g_assert_cmpstr (post_at (feed, 0)->url, ==, "https://example.com/blog/2003/12/13/atom03");
  g_assert_cmpstr (post_at (feed, 0)->uri, ==, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
  g_assert_cmpstr (post_at (feed, 0)->author->handle, ==, "Jane Doe");

  g_assert_true (g_str_has_prefix (post_at (gulp, 0)->url, "https://github.com/gulpjs/gulp/releases/tag/"));
}

static void
test_rdf (void)
{
  g_autoptr(ChorusFeed) feed = parse_file ("feed-rs/rss1/rss_1.0_debian.xml", "https://www.debian.org/News/news");
  ChorusIncomingPost *post = post_at (feed, 0);

  g_assert_cmpstr (feed->title, ==, "Debian News");
  g_assert_cmpstr (feed->site_url, ==, "https://www.debian.org/News/");
  g_assert_cmpstr (post->uri, ==, "https://www.debian.org/News/2022/20221217");
  g_assert_cmpstr (post->url, ==, "https://www.debian.org/News/2022/20221217");
  g_assert_cmpstr (post->title, ==, "Updated Debian 11: 11.6 released");
  /* dc:date without a time */
  g_assert_cmpint (post->created_at, ==, utc ("2022-12-17T00:00:00Z"));
  g_assert_cmpstr (post->language, ==, "en");
  g_assert_cmpstr (post->author->handle, ==, "Debian News");
  g_assert_nonnull (strstr (post->text, "(codename bullseye)"));
}

static void
test_json_feed_1 (void)
{
  g_autoptr(ChorusFeed) feed = parse_file ("feed-rs/jsonfeed/jsonfeed_example_1.json",
                                           "https://daringfireball.net/feeds/json");
  ChorusIncomingPost *first = post_at (feed, 0);
  ChorusIncomingPost *second = post_at (feed, 1);

  g_assert_cmpstr (feed->title, ==, "Daring Fireball");
  g_assert_cmpstr (feed->site_url, ==, "https://daringfireball.net/");
  g_assert_cmpstr (first->uri, ==, "https://daringfireball.net/linked/2020/01/24/bezos-iphone-x");
  g_assert_cmpstr (first->url, ==, first->uri);
  g_assert_cmpstr (first->title, ==, "How Jeff Bezos’s iPhone X Was Hacked");
  g_assert_cmpint (first->created_at, ==, utc ("2020-01-24T23:46:57Z"));
  g_assert_cmpint (first->edited_at, ==, 0);
  g_assert_cmpstr (first->author->handle, ==, "John Gruber");
  g_assert_cmpstr (first->author->server, ==, "daringfireball.net");
  g_assert_cmpint (second->created_at, ==, utc ("2020-01-21T01:07:00Z"));
  g_assert_cmpint (second->edited_at, ==, utc ("2020-01-21T20:58:36Z"));
}

static void
test_json_feed_1_1 (void)
{
  g_autoptr(ChorusFeed) podcast = parse_file ("jsonfeed/podcast.json", NULL);
  g_autoptr(ChorusFeed) elastic = parse_file ("feed-rs/jsonfeed/jsonfeed_elastic_1.1.json", NULL);
  g_autoptr(ChorusFeed) micro = parse_file ("jsonfeed/microblog.json", NULL);
  ChorusIncomingPost *post = post_at (podcast, 0);
  ChorusIncomingMedia *media;

  g_assert_cmpstr (podcast->title, ==, "The Record");
  g_assert_cmpstr (post->uri, ==, "http://therecord.co/chris-parrish");
  g_assert_cmpstr (post->title, ==, "Special #1 - Chris Parrish");
  g_assert_cmpint (post->created_at, ==, utc ("2014-05-09T14:04:00-07:00"));
  g_assert_nonnull (strstr (post->markup, "<a href=\"http://adobe.com/\">Adobe</a>"));
  media = g_ptr_array_index (post->media, 0);
  g_assert_cmpstr (media->kind, ==, "audio");
  g_assert_cmpstr (media->url, ==, "http://therecord.co/downloads/The-Record-sp1e1-ChrisParrish.m4a");

  /* An entity leaked into a plain-text title; authors[] (1.1); item language */
  g_assert_cmpstr (elastic->title, ==, "Blog – InfluxData");
  g_assert_cmpstr (post_at (elastic, 0)->author->handle, ==, "Chris Churilo");
  g_assert_cmpstr (post_at (elastic, 1)->language, ==, "en-AU");

  /* content_text only, no title */
  g_assert_null (post_at (micro, 0)->title);
  g_assert_cmpstr (post_at (micro, 0)->author->handle, ==, "Brent Simmons");
  g_assert_cmpstr (post_at (micro, 0)->text, !=, "");
}

static void
test_encodings (void)
{
  g_autoptr(ChorusFeed) latin1 = parse_file ("rss-parser/uolNoticias.rss", NULL);
  g_autoptr(ChorusFeed) utf32 = parse_file ("feedparser/encoding/utf-32le-bom.xml", NULL);
  const char *wide[] = { "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" };
  g_autoptr(ChorusFeed) demoronize = parse_file ("feedparser/encoding/demoronize-1.xml", NULL);
  g_autofree char *path = corpus_path ("feedparser/encoding/http_text_xml_charset_2.xml");
  g_autofree char *data = NULL;
  g_autoptr(ChorusFeed) header = NULL;
  gsize length;

  /* No declaration, ISO-8859-1 bytes */
  g_assert_cmpstr (post_at (latin1, 0)->title, ==,
                   "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno");
  g_assert_cmpuint (utf32->posts->len, ==, 0);

  /* Wide encodings, with and without a byte order mark */
  for (guint i = 0; i < G_N_ELEMENTS (wide) * 2; i++)
    {
      const char *doc = "\xef\xbb\xbf<?xml version='1.0' encoding='utf-16'?>"
                        "<rss><channel><title>Grüße ☃</title><item><guid>urn:x</guid></item></channel></rss>";
      gsize wide_length = 0;
      g_autofree char *converted = g_convert (doc + (i % 2 ? 3 : 0), -1, wide[i / 2], "UTF-8",
                                              NULL, &wide_length, NULL);
      g_autoptr(ChorusFeed) feed = chorus_feed_parse (converted, wide_length, NULL, NULL);

      g_assert_nonnull (feed);
      g_assert_cmpstr (feed->title, ==, "Grüße ☃");
      g_assert_cmpstr (post_at (feed, 0)->uri, ==, "urn:x");
    }
  g_assert_cmpstr (post_at (demoronize, 0)->text, ==, "don’t");

  /* The HTTP charset overrides the document */
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  header = chorus_feed_parse_full (data, length, NULL, "text/xml; charset=windows-1252", NULL);
  g_assert_cmpstr (post_at (header, 0)->text, ==, "This is a £“test.”");
}

static void
test_sanitized (void)
{
  g_autoptr(ChorusFeed) feed = parse_file ("feedparser/wellformed/sanitize/entry_content_script.xml", NULL);
  ChorusIncomingPost *post = post_at (feed, 0);

  g_assert_cmpstr (post->text, ==, "safe description");
  g_assert_cmpstr (post->markup, ==, "safe description");
}

static void
test_entities (void)
{
  g_autoptr(ChorusFeed) hellip = parse_file ("feedparser/entities/hellip.xml", NULL);
  g_autoptr(ChorusFeed) unknown = parse_file ("feedparser/entities/doesnotexist.xml", NULL);
  g_autoptr(ChorusFeed) amps = parse_file ("feedparser/illformed/rss_item_link_corrupted_ampersands.xml", NULL);

  g_assert_cmpstr (hellip->title, ==, "testing … entity");
  g_assert_cmpstr (unknown->title, ==, "testing &doesnotexist; entity");
  g_assert_cmpstr (post_at (amps, 0)->url, ==, "http://link/get?a=1&b=2");
}

/* Entries without id or link get a derived, stable key. */
static void
test_derived_uri (void)
{
  static const char rss[] = "<rss><channel><title>T</title><item><title>Hello</title>"
                            "<pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate></item>"
                            "<item><title>Other</title></item></channel></rss>";
  g_autoptr(ChorusFeed) a = chorus_feed_parse (rss, strlen (rss), "https://example.org/rss", NULL);
  g_autoptr(ChorusFeed) b = chorus_feed_parse (rss, strlen (rss), "https://example.org/rss", NULL);

  g_assert_true (g_str_has_prefix (post_at (a, 0)->uri, "feed:https://example.org/rss#"));
  g_assert_cmpstr (post_at (a, 0)->uri, ==, post_at (b, 0)->uri);
  g_assert_cmpstr (post_at (a, 0)->uri, !=, post_at (a, 1)->uri);
  g_assert_null (post_at (a, 0)->url);
  g_assert_cmpstr (post_at (a, 0)->author->handle, ==, "T");
  g_assert_cmpstr (post_at (a, 0)->author->server, ==, "example.org");
}

/* Hostile and broken documents */

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_billion_laughs (void)
{
  g_autoptr(GString) doc = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusFeed) feed = NULL;
  glong before = peak_rss_kb ();

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (doc, "<!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (doc, i == 1 ? "&lol;" : "&lol%u;", i - 1);
      g_string_append (doc, "\">\n");
    }
  g_string_append (doc, "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>"
                        "<item><title>&lol9;</title><description>&lol9;</description></item>"
                        "</channel></rss>\n");

  feed = chorus_feed_parse (doc->str, doc->len, NULL, &error);
  g_assert_cmpint (peak_rss_kb () - before, <, 64 * 1024);
  if (feed == NULL)
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  else if (feed->title != NULL)
    g_assert_cmpuint (strlen (feed->title), <, 4096);
}

/* One big entity referenced many times: linear, capped. */
static void
test_quadratic_blowup (void)
{
  g_autoptr(GString) doc = g_string_new ("<!DOCTYPE rss [<!ENTITY a \"");
  g_autoptr(ChorusFeed) feed = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_c (doc, 'x');
  g_string_append (doc, "\">]><rss><channel><item><title>");
  for (guint i = 0; i < 200000; i++)
    g_string_append (doc, "&a;");
  g_string_append (doc, "</title></item></channel></rss>");

  feed = chorus_feed_parse (doc->str, doc->len, NULL, NULL);
  if (feed != NULL && feed->posts->len > 0 && post_at (feed, 0)->title != NULL)
    g_assert_cmpuint (strlen (post_at (feed, 0)->title), <=, 128 * 1024);
}

static void
test_external_entity (void)
{
  static const char doc[] = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
                            "<!ENTITY y SYSTEM \"http://127.0.0.1:1/x\">]>"
                            "<rss><channel><title>a&x;b&y;c</title><item><title>t</title></item></channel></rss>";
  g_autoptr(ChorusFeed) feed = chorus_feed_parse (doc, strlen (doc), NULL, NULL);

  /* Never loaded: the references stay as written. */
  g_assert_nonnull (feed);
  g_assert_cmpstr (feed->title, ==, "a&x;b&y;c");
}

static void
test_deep_json (void)
{
  g_autofree char *deep = g_strnfill (1000000, '[');

  assert_rejected (deep, -1, NULL);
}

/* json-glib reads "[][]" as two documents and leaks the first, and leaks
 * what it read before a broken escape: neither reaches it. */
static void
test_invalid_json_shapes (void)
{
  const char *feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
  g_autofree char *twice = g_strconcat (feed, feed, NULL);

  assert_rejected ("[0][\"a\"]", -1, "goes on after its end");
  assert_rejected (twice, -1, "goes on after its end");
  assert_rejected ("{\"title\": \"\\u12\"}", -1, "a character in it is broken");
  assert_rejected ("{\"title\": ", -1, "not valid JSON");
}

static void
test_rejected (void)
{
  g_autofree char *path = corpus_path ("rss-parser/unrecognized.rss");
  g_autofree char *page = NULL;

  g_assert_true (g_file_get_contents (path, &page, NULL, NULL));
  assert_rejected (page, -1, NULL);
  assert_rejected ("<!DOCTYPE html>\n<html><head><title>Blog</title></head><body><p>Hi</p></body></html>",
                   -1, "web page");
  assert_rejected ("", 0, "empty");
  assert_rejected ("  \n\t ", -1, "empty");
  assert_rejected ("\xef\xbb\xbf", -1, "empty");
  assert_rejected ("<catalog><book id=\"1\"/></catalog>", -1, NULL);
  assert_rejected ("{\"items\": []}", -1, NULL);
  assert_rejected ("{\"version\": \"https://jsonfeed.org/version/1\", ", -1, "JSON");
  assert_rejected ("[1, 2, 3]", -1, NULL);
  assert_rejected ("just some text", -1, NULL);
  assert_rejected ("\x00\x01\x02\x03 binary", 10, NULL);
}

static void
test_truncated (void)
{
  g_autofree char *path = corpus_path ("feed-rs/rss2/rss_2.0_cloudflare.xml");
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  /* Cut anywhere, even inside a UTF-8 sequence: no crash, a clean result. */
  for (gsize cut = 1; cut < length; cut += length / 97 + 1)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ChorusFeed) feed = chorus_feed_parse (data, cut, NULL, &error);

      if (feed == NULL)
        g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
      for (guint i = 0; feed != NULL && i < feed->posts->len; i++)
        assert_sane_post (g_ptr_array_index (feed->posts, i));
    }
}

/* Dates */

static void
test_dates (void)
{
  struct { const char *text, *expected; } dates[] = {
    { "Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
    { "Thu, 01 Aug 2019 16:15 EDT", "2019-08-01T20:15:00Z" },
    { "Tue, 15 Nov 2022 20:15:04 Z", "2022-11-15T20:15:04Z" },
    { "mer, 16 nov 2022 00:38:15 +0100", "2022-11-15T23:38:15Z" },
    { "mar, 15 nov 2022 10:00:00 +0100", "2022-11-15T09:00:00Z" },
    { "Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40Z" },
    { "03 Apr 02 1500 GMT", "2002-04-03T15:00:00Z" },
    { "Sun, 19 May 02 15:21:36 GMT", "2002-05-19T15:21:36Z" },
    { "Mon, 06 Sep 2021 16:45:00 -0000", "2021-09-06T16:45:00Z" },
    { "Wed, 02 Oct 2002 08:00:00 PST", "2002-10-02T16:00:00Z" },
    { "Wed, 02 Oct 2002 13:00:00 UTC", "2002-10-02T13:00:00Z" },
    { "2 Oct 2002 13:00:00 +05:30", "2002-10-02T07:30:00Z" },
    { "December 18, 2013 10:00 AM", "2013-12-18T10:00:00Z" },
    { "2023-12-16", "2023-12-16T00:00:00Z" },
    { "2000-01-01T12:00+00:00", "2000-01-01T12:00:00Z" },
    { "2003-12-13T08:29:29-04:00", "2003-12-13T12:29:29Z" },
    { "2022-11-16T10:00:00.123456+11:00", "2022-11-15T23:00:00Z" },
    { "2019-05-31 19:17:58", "2019-05-31T19:17:58Z" },
    { " 2020-01-24T23:46:57Z\n", "2020-01-24T23:46:57Z" },
  };
  const char *bad[] = { NULL, "", "yesterday", "2022-13-45", "32 Foo 2022", "Thu, 01 Jan",
                        "\xff\xfe", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_test_message ("%s", dates[i].text);
      g_assert_cmpint (chorus_feed_parse_date (dates[i].text), ==, utc (dates[i].expected));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_cmpint (chorus_feed_parse_date (bad[i]), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = NULL;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CHORUS_CORPUS_DIR") == NULL)
    {
      g_printerr ("CHORUS_CORPUS_DIR is not set\n");
      return 77;
    }

  files = corpus_files ();
  for (guint i = 0; i < files->len; i++)
    {
      CorpusFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_strconcat ("/chorus/feed/corpus/", file->relative, NULL);

      g_test_add_data_func (path, file, test_corpus_file);
    }

  g_test_add_func ("/chorus/feed/rss2", test_rss2);
  g_test_add_func ("/chorus/feed/rss2-relative-per-item-base", test_rss2_relative_per_item_base);
  g_test_add_func ("/chorus/feed/atom-xml-base", test_atom_xml_base);
  g_test_add_func ("/chorus/feed/atom-nested-base", test_atom_nested_base);
  g_test_add_func ("/chorus/feed/atom-relative-links", test_atom_relative_links);
  g_test_add_func ("/chorus/feed/rdf", test_rdf);
  g_test_add_func ("/chorus/feed/json-feed-1", test_json_feed_1);
  g_test_add_func ("/chorus/feed/json-feed-1.1", test_json_feed_1_1);
  g_test_add_func ("/chorus/feed/encodings", test_encodings);
  g_test_add_func ("/chorus/feed/sanitized", test_sanitized);
  g_test_add_func ("/chorus/feed/entities", test_entities);
  g_test_add_func ("/chorus/feed/derived-uri", test_derived_uri);
  g_test_add_func ("/chorus/feed/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/chorus/feed/hostile/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/chorus/feed/hostile/external-entity", test_external_entity);
  g_test_add_func ("/chorus/feed/hostile/deep-json", test_deep_json);
  g_test_add_func ("/chorus/feed/hostile/invalid-json-shapes", test_invalid_json_shapes);
  g_test_add_func ("/chorus/feed/rejected", test_rejected);
  g_test_add_func ("/chorus/feed/truncated", test_truncated);
  g_test_add_func ("/chorus/feed/dates", test_dates);

  return g_test_run ();
}
