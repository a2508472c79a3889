/* test-merges.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merging people on a real workspace: the opt-outs and links read from
 * real Mastodon and Bluesky payloads; suggestions by each rule, and none
 * for people who are bots, opted out, dismissed or merged; a merge and
 * its undo, which puts back exactly what moved even after unrelated
 * changes; the audit entries; undoing segment and notes changes; and the
 * people to merge that the sample workspace holds. */

#include <locale.h>

#include "chorus-bluesky-parse.h"
#include "chorus-error.h"
#include "chorus-mastodon-parse.h"
#include "chorus-profile-links.h"
#include "chorus-sample.h"
#include "chorus-store-info.h"
#include "chorus-store-merges.h"
#include "chorus-store-merges-private.h"
#include "chorus-store-people.h"
#include "chorus-store-triage.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-parse.h"
#include "chorus-test-util.h"
#include "merges-workspace.h"
#include "people-workspace.h"

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "merges.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  chorus_test_seed_merges_workspace (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_workspace_remove (&f->workspace);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  return chorus_test_db_query_int (_chorus_store_get_db (f->store), sql);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  return chorus_test_db_query_text (_chorus_store_get_db (f->store), sql);
}

/* Parsing */

static void
test_normalize (void)
{
  static const struct { const char *url; const char *link; } cases[] = {
    { "http://Example.ORG/", "https://example.org" },
    { "https://example.org:443/a/b//", "https://example.org/a/b" },
    { "https://example.org:8080/x?y=1#top", "https://example.org:8080/x?y=1" },
    { "HTTPS://bsky.app/profile/Ana.bsky.social", "https://bsky.app/profile/Ana.bsky.social" },
    { "mailto:ana@example.org", NULL },
    { "javascript:alert(1)", NULL },
    { "not a url", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = chorus_profile_link_normalize (cases[i].url);

      g_assert_cmpstr (link, ==, cases[i].link);
    }
}

static void
test_name_key (void)
{
  static const struct { const char *name; const char *key; } cases[] = {
    { "  Ana   García ", "ana garcia" },
    { "ÁNA GARCÍA", "ana garcia" },
    { "Ana :blobcat: García", "ana garcia" },
    { "A", NULL },
    { "@ana", NULL },
    { "ana.bsky.social", NULL },
    { "12", NULL },
    { "Zoë", "zoe" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = chorus_profile_name_key (cases[i].name);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* The fields' links count, mentions there included (people list their
 * other accounts); a bio's mentions and hashtags do not. */
static void
test_html_links (void)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  chorus_profile_links_add_html (links,
                                 "<p>Hi <a href=\"https://x.example/@friend\" class=\"u-url mention\">@friend</a>"
                                 " <a href=\"https://x.example/tags/art\" class=\"mention hashtag\" rel=\"tag\">#art</a>"
                                 " <a href='https://Site.example/blog/?a=1&amp;b=2' rel=\"me nofollow\">site</a></p>",
                                 TRUE);
  chorus_profile_links_add_html (links, "<a href=\"http://site.example/blog?a=1&amp;b=2\">again</a>", FALSE);
  chorus_profile_links_add_html (links, "<a href=\"https://x.example/@me\" class=\"u-url mention\">@me</a>", FALSE);
  joined = chorus_profile_links_join (links);
  g_assert_cmpstr (joined, ==, "https://site.example/blog?a=1&b=2\nhttps://x.example/@me");
  g_assert_true (chorus_profile_links_contain (joined, "https://x.example/@me"));
  g_assert_false (chorus_profile_links_contain (joined, "https://x.example/@m"));
  g_assert_false (chorus_profile_links_contain (joined, "https://site.example/blog"));
}

static void
test_parse_mastodon_account (void)
{
  g_autoptr(JsonNode) account = test_load_corpus_json ("mastodon/real/account_remote_fields_emoji.json");
  g_autoptr(ChorusIncomingAuthor) author = chorus_incoming_author_new ();

  chorus_profile_read_mastodon (author, json_node_get_object (account));
  g_assert_cmpint (author->discoverable, ==, 1);
  g_assert_cmpint (author->indexable, ==, 1);
  g_assert_false (author->noindex);
  /* "Web" and "Demogroup", and the "Priv" field's mention of their second
   * account; "Pronouns" is no link. */
  g_assert_cmpstr (author->links, ==,
                   "https://halcy.de\nhttps://demoscene.vc\nhttps://icosahedron.website/@halcy2");
}

static void
test_parse_mastodon_opt_outs (void)
{
  g_autofree char *context = test_read_corpus ("mastodon/real/context_private_thread.json", NULL);
  g_autofree char *statuses = test_read_corpus ("mastodon/real/account_statuses_page1.json", NULL);
  g_autoptr(GPtrArray) thread = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;

  thread = chorus_mastodon_parse_context (context, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (thread->len, >, 0);
  for (guint i = 0; i < thread->len; i++)
    {
      ChorusIncomingAuthor *author = ((ChorusIncomingPost *) g_ptr_array_index (thread, i))->author;

      g_assert_true (author->noindex);
      g_assert_cmpint (author->discoverable, ==, 0);
      g_assert_cmpint (author->indexable, ==, 0);
    }

  /* "discoverable": null is unknown, not a no. */
  posts = chorus_mastodon_parse_statuses (statuses, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, >, 0);
  for (guint i = 0; i < posts->len; i++)
    {
      ChorusIncomingAuthor *author = ((ChorusIncomingPost *) g_ptr_array_index (posts, i))->author;

      g_assert_false (author->noindex);
      g_assert_cmpint (author->discoverable, ==, -1);
      g_assert_cmpint (author->indexable, ==, 1);
    }
}

static void
test_parse_bluesky_label (void)
{
  g_autofree char *data = test_read_corpus ("bluesky/real/searchPosts_q_redistricting.json", NULL);
  g_autoptr(GPtrArray) posts = NULL;
  /* The four authors who carry the label; another label ("rude") is not
   * an opt-out. */
  static const char * const labelled[] = {
    "bathshebablue.bsky.social", "rachel99marta.bsky.social", "stemgal.bsky.social",
    "humanbeinghuman.bsky.social", NULL
  };
  g_autoptr(GError) error = NULL;
  guint noindex = 0;

  posts = chorus_bluesky_parse_posts (data, -1, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < posts->len; i++)
    {
      ChorusIncomingAuthor *author = ((ChorusIncomingPost *) g_ptr_array_index (posts, i))->author;

      g_assert_cmpint (author->noindex, ==, g_strv_contains (labelled, author->handle));
      noindex += author->noindex;
    }
  g_assert_cmpuint (noindex, ==, 4);
}

/* Suggestions */

static ChorusMergeSuggestions *
suggest (Fixture *f,
         gint64   person_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusMergeSuggestions *suggestions;

  chorus_store_suggest_merges_async (f->store, person_id, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  suggestions = chorus_store_suggest_merges_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suggestions);
  return suggestions;
}

static ChorusMergeSuggestion *
suggestion_at (ChorusMergeSuggestions *suggestions,
               guint                   index)
{
  g_assert_cmpuint (index, <, suggestions->suggestions->len);
  return g_ptr_array_index (suggestions->suggestions, index);
}

static void
test_suggest_rules (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ChorusMergeSuggestions) garcia = suggest (f, GARCIA);
  g_autoptr(ChorusMergeSuggestions) sky = suggest (f, GARCIA_SKY);
  g_autoptr(ChorusMergeSuggestions) forum = suggest (f, GARCIA_FORUM);
  g_autoptr(ChorusMergeSuggestions) other = suggest (f, GARCIA_ELSE);
  g_autoptr(ChorusMergeSuggestions) ana = suggest (f, ANA);
  ChorusMergeSuggestion *suggestion;

  /* Not the bot, nor those who opted out, nor the namesake elsewhere. */
  g_assert_cmpint (garcia->opt_outs, ==, CHORUS_OPT_OUT_NONE);
  g_assert_cmpuint (garcia->suggestions->len, ==, 2);
  suggestion = suggestion_at (garcia, 0);
  g_assert_cmpint (suggestion->person_id, ==, GARCIA_SKY);
  g_assert_cmpstr (suggestion->display_name, ==, "Ana");
  g_assert_cmpstr (suggestion->reason, ==, "This Mastodon profile links to their Bluesky account");
  g_assert_cmpuint (suggestion->identities->len, ==, 1);
  g_assert_cmpstr (((ChorusIdentity *) g_ptr_array_index (suggestion->identities, 0))->handle, ==,
                   "anagarcia.bsky.social");
  suggestion = suggestion_at (garcia, 1);
  g_assert_cmpint (suggestion->person_id, ==, GARCIA_FORUM);
  g_assert_cmpstr (suggestion->reason, ==, "Same name and both link to anagarcia.example");

  /* The other way round. */
  g_assert_cmpuint (sky->suggestions->len, ==, 1);
  g_assert_cmpint (suggestion_at (sky, 0)->person_id, ==, GARCIA);
  g_assert_cmpstr (suggestion_at (sky, 0)->reason, ==, "Their Mastodon profile links to this Bluesky account");
  g_assert_cmpuint (forum->suggestions->len, ==, 1);
  g_assert_cmpint (suggestion_at (forum, 0)->person_id, ==, GARCIA);

  g_assert_cmpuint (other->suggestions->len, ==, 0);
  g_assert_cmpuint (ana->suggestions->len, ==, 0);
}

static void
test_suggest_opted_out (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ChorusMergeSuggestions) bot = suggest (f, GARCIA_BOT);
  g_autoptr(ChorusMergeSuggestions) noindex = suggest (f, GARCIA_NOINDEX);
  g_autoptr(ChorusMergeSuggestions) hidden = suggest (f, GARCIA_HIDDEN);
  g_autoptr(ChorusMergeSuggestions) nobody = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bot->opt_outs, ==, CHORUS_OPT_OUT_BOT);
  g_assert_cmpuint (bot->suggestions->len, ==, 0);
  g_assert_cmpint (noindex->opt_outs, ==, CHORUS_OPT_OUT_NOINDEX);
  g_assert_cmpuint (noindex->suggestions->len, ==, 0);
  g_assert_cmpint (hidden->opt_outs, ==, CHORUS_OPT_OUT_NOINDEX);
  g_assert_cmpuint (hidden->suggestions->len, ==, 0);
  nobody = chorus_store_suggest_merges (f->store, 99, &error);
  g_assert_null (nobody);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);

  /* Once the forum account says it is not discoverable, it goes too. */
  chorus_test_db_exec (_chorus_store_get_db (f->store), "UPDATE identities SET discoverable = 0 WHERE id = 12");
  {
    g_autoptr(ChorusMergeSuggestions) garcia = suggest (f, GARCIA);

    g_assert_cmpuint (garcia->suggestions->len, ==, 1);
    g_assert_cmpint (suggestion_at (garcia, 0)->person_id, ==, GARCIA_SKY);
  }
}

/* New accounts and changed links are seen: the first by their id, the
 * second once ingest says a profile changed. */
static void
test_suggest_sees_changes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ChorusMergeSuggestions) before = suggest (f, GARCIA_ELSE);

  g_assert_cmpuint (before->suggestions->len, ==, 0);
  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "INSERT INTO people (id, display_name, created_at) VALUES (20, 'Ana Garcia', 1);"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name, links)"
                       " VALUES (20, 20, 'discourse', 'f.example', 'ag', 'Ana Garcia', 'https://other.example/ana');");
  {
    g_autoptr(ChorusMergeSuggestions) added = suggest (f, GARCIA_ELSE);

    g_assert_cmpuint (added->suggestions->len, ==, 1);
    g_assert_cmpint (suggestion_at (added, 0)->person_id, ==, 20);
  }

  chorus_test_db_exec (_chorus_store_get_db (f->store), "UPDATE identities SET links = '' WHERE id = 20");
  _chorus_merge_keys_invalidate ();
  {
    g_autoptr(ChorusMergeSuggestions) changed = suggest (f, GARCIA_ELSE);

    g_assert_cmpuint (changed->suggestions->len, ==, 0);
  }
}

/* 100 000 more people, a third with links and many sharing a name: the
 * suggestions are still found, by seeks. The times go to the log. */
static void
test_suggest_many (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ChorusMergeSuggestions) first = NULL;
  g_autoptr(ChorusMergeSuggestions) again = NULL;
  gint64 start;

  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
                       " INSERT INTO people (id, display_name, created_at) SELECT 1000 + i, 'Person ' || (i %% 500), 1 FROM n;"
                       "INSERT INTO identities (id, person_id, network, server, handle, display_name, profile_url, links)"
                       " SELECT id, id, 'mastodon', 's' || (id %% 50) || '.example', 'p' || id, display_name,"
                       "  'https://s' || (id %% 50) || '.example/@p' || id,"
                       "  CASE WHEN id %% 3 = 0 THEN 'https://site' || (id %% 7000) || '.example' ELSE '' END"
                       " FROM people WHERE id > 1000;"
                       "UPDATE identities SET links = 'https://bsky.app/profile/anagarcia.bsky.social' WHERE id = 50001;");

  start = g_get_monotonic_time ();
  first = suggest (f, GARCIA_SKY);
  g_test_message ("first suggestions at 100k people (filling merge_links): %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  again = suggest (f, 1002);
  g_test_message ("next suggestions: %.2f ms", (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpuint (first->suggestions->len, ==, 2);
  g_assert_cmpint (suggestion_at (first, 0)->person_id, ==, GARCIA);
  g_assert_cmpint (suggestion_at (first, 1)->person_id, ==, 50001);
  /* Person 1002 ("Person 2", site1002.example) shares name and site with
   * 1002 + 21000 k: 22002, 43002, 64002 and 85002. */
  g_assert_cmpuint (again->suggestions->len, ==, 4);
  g_assert_cmpint (suggestion_at (again, 3)->person_id, ==, 85002);
  for (guint i = 0; i < again->suggestions->len; i++)
    g_assert_cmpstr (suggestion_at (again, i)->reason, ==, "Same name and both link to site1002.example");
}

static gboolean
dismiss (Fixture  *f,
         gint64    a,
         gint64    b,
         GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_store_dismiss_merge_async (f->store, a, b, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_store_dismiss_merge_finish (f->store, result, error);
}

static void
test_dismiss (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ChorusMergeSuggestions) garcia = NULL;
  g_autoptr(ChorusMergeSuggestions) sky = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dismiss (f, GARCIA_SKY, GARCIA, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM merge_dismissals WHERE person_a = 10 AND person_b = 11"),
                   ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'person-merge-dismiss'"
                                 " AND subject_type = 'person' AND subject_id = 11"), ==, 1);

  garcia = suggest (f, GARCIA);
  g_assert_cmpuint (garcia->suggestions->len, ==, 1);
  g_assert_cmpint (suggestion_at (garcia, 0)->person_id, ==, GARCIA_FORUM);
  sky = suggest (f, GARCIA_SKY);
  g_assert_cmpuint (sky->suggestions->len, ==, 0);

  /* Twice is fine; with oneself is not. */
  g_assert_true (dismiss (f, GARCIA, GARCIA_SKY, &error));
  g_assert_no_error (error);
  g_assert_false (dismiss (f, GARCIA, GARCIA, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
}

/* Merging */

static gint64
merge (Fixture  *f,
       gint64    kept,
       gint64    merged,
       GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_store_merge_people_async (f->store, kept, merged, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_store_merge_people_finish (f->store, result, error);
}

static gboolean
undo (Fixture  *f,
      gint64    audit_id,
      GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chorus_store_undo_async (f->store, audit_id, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  return chorus_store_undo_finish (f->store, result, NULL, error);
}

/* Everything a merge may touch, as one string. */
static char *
snapshot (Fixture *f)
{
  return query_text (f,
                     "SELECT (SELECT group_concat (id || ':' || person_id, ',') FROM"
                     "   (SELECT id, person_id FROM identities ORDER BY id))"
                     " || ' | ' || (SELECT group_concat (person_id || ':' || segment, ',') FROM"
                     "   (SELECT * FROM person_segments ORDER BY person_id, segment))"
                     " || ' | ' || (SELECT group_concat (person_id || ':' || name || '=' || value, ',') FROM"
                     "   (SELECT * FROM person_fields ORDER BY person_id, name))"
                     " || ' | ' || (SELECT group_concat (id || ':' || notes || ':' || coalesce (merged_into, '-'), ',')"
                     "   FROM (SELECT * FROM people ORDER BY id))");
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *after_undo = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  ChorusStoreCounts counts_before;
  ChorusStoreCounts counts;
  gint64 audit_id;

  g_assert_true (chorus_store_get_counts (f->store, &counts_before, &error));
  audit_id = merge (f, GARCIA, GARCIA_SKY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_id, >, 0);

  /* One person fewer for chorusctl info and the welcome figures. */
  g_assert_true (chorus_store_get_counts (f->store, &counts, &error));
  g_assert_cmpint (counts.people, ==, counts_before.people - 1);

  /* The account moved; VIP was there already, Advocate and City were not;
   * the kept Plan stays; the notes follow. */
  g_assert_cmpint (query_int (f, "SELECT person_id FROM identities WHERE id = 11"), ==, GARCIA);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 10"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_fields WHERE person_id = 10"
                                 " AND ((name = 'Plan' AND value = 'Team') OR (name = 'City' AND value = 'Porto'))"),
                   ==, 2);
  g_assert_cmpint (query_int (f, "SELECT merged_into FROM people WHERE id = 11"), ==, GARCIA);
  {
    g_autofree char *notes = query_text (f, "SELECT notes FROM people WHERE id = 10");

    g_assert_cmpstr (notes, ==, "Met at FOSDEM.\n\nAsked about refunds.");
  }
  moved = query_text (f, "SELECT moved FROM person_merges WHERE kept_id = 10 AND merged_id = 11");
  g_assert_cmpstr (moved, ==,
                   "{\"version\":1,\"identities\":[11],\"segments\":[\"advocate\"],"
                   "\"fields\":[[\"City\",\"Porto\"]],\"notes\":\"\\n\\nAsked about refunds.\"}");
  description = chorus_test_describe ("person-merge",
                                        "{\"merge_id\":1,\"merged_id\":11,\"merged_name\":\"Ana\","
                                        "\"kept_name\":\"Ana García\"}",
                                        "Dee");
  g_assert_cmpstr (description, ==, "Dee merged “Ana” into this person");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'person-merge'"
                                 " AND subject_type = 'person' AND subject_id = 10"
                                 " AND json_extract (detail, '$.merged_id') = 11"), ==, 1);

  /* Merged people are not suggested, nor get suggestions. */
  {
    g_autoptr(ChorusMergeSuggestions) garcia = suggest (f, GARCIA);
    g_autoptr(ChorusMergeSuggestions) sky = suggest (f, GARCIA_SKY);

    g_assert_cmpuint (garcia->suggestions->len, ==, 1);
    g_assert_cmpint (suggestion_at (garcia, 0)->person_id, ==, GARCIA_FORUM);
    g_assert_cmpuint (sky->suggestions->len, ==, 0);
  }

  /* Merged already: refused, as is merging with oneself. */
  g_assert_cmpint (merge (f, GARCIA_FORUM, GARCIA_SKY, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (merge (f, GARCIA, GARCIA, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (undo (f, audit_id, &error));
  g_assert_no_error (error);
  after_undo = snapshot (f);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_true (chorus_store_get_counts (f->store, &counts, &error));
  g_assert_cmpint (counts.people, ==, counts_before.people);
  g_assert_cmpint (query_int (f, "SELECT undone_at IS NOT NULL FROM person_merges"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'undo'"
                                 " AND subject_id = (SELECT id FROM audit_log WHERE action = 'person-merge')"),
                   ==, 1);

  g_assert_false (undo (f, audit_id, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS);
}

/* After the merge the team edits the kept person: a segment, a field, the
 * notes (above what the merge appended). Undo takes back only the merge. */
static void
test_undo_after_changes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *segments = NULL;
  g_autofree char *fields = NULL;
  gint64 merge_id;

  g_assert_cmpint (merge (f, GARCIA, GARCIA_SKY, &error), >, 0);
  g_assert_no_error (error);
  chorus_test_db_exec (_chorus_store_get_db (f->store),
                       "UPDATE people SET notes = 'Call back. ' || notes WHERE id = 10;"
                       "INSERT INTO person_segments VALUES (10, 'influencer');"
                       "INSERT INTO person_fields (person_id, name, value) VALUES (10, 'Team', 'Ops');"
                       "UPDATE people SET display_name = 'Ana G.' WHERE id = 11;");
  merge_id = query_int (f, "SELECT id FROM person_merges");

  g_assert_true (chorus_store_undo_merge (f->store, merge_id, &error));
  g_assert_no_error (error);

  notes = query_text (f, "SELECT notes FROM people WHERE id = 10");
  g_assert_cmpstr (notes, ==, "Call back. Met at FOSDEM.");
  segments = query_text (f, "SELECT group_concat (segment) FROM"
                            " (SELECT segment FROM person_segments WHERE person_id = 10 ORDER BY segment)");
  g_assert_cmpstr (segments, ==, "influencer,vip");
  fields = query_text (f, "SELECT group_concat (name) FROM"
                          " (SELECT name FROM person_fields WHERE person_id = 10 ORDER BY name)");
  g_assert_cmpstr (fields, ==, "Plan,Team");
  g_assert_cmpint (query_int (f, "SELECT person_id FROM identities WHERE id = 11"), ==, GARCIA_SKY);
  g_assert_cmpint (query_int (f, "SELECT merged_into IS NULL FROM people WHERE id = 11"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 11"), ==, 2);

  g_assert_false (chorus_store_undo_merge (f->store, merge_id, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS);
}

/* Person changes */

static gint64
finish_change (Fixture       *f,
               GAsyncResult **result)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  chorus_test_wait_async_result (result);
  id = chorus_store_person_change_finish (f->store, *result, &error);
  g_assert_no_error (error);
  g_clear_object (result);
  return id;
}

static void
test_undo_person_changes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GAsyncResult *result = NULL;
  gint64 added, removed, edited;

  chorus_store_set_person_segment_async (f->store, ANA, CHORUS_PERSON_SEGMENT_ADVOCATE, TRUE, FALSE, NULL,
                                         chorus_test_async_result_cb, &result);
  added = finish_change (f, &result);
  chorus_store_set_person_segment_async (f->store, ANA, CHORUS_PERSON_SEGMENT_VIP, FALSE, FALSE, NULL,
                                         chorus_test_async_result_cb, &result);
  removed = finish_change (f, &result);
  chorus_store_set_person_notes_async (f->store, ANA, "Prefers phone.", NULL, chorus_test_async_result_cb, &result);
  edited = finish_change (f, &result);

  g_assert_true (undo (f, added, &error));
  g_assert_no_error (error);
  g_assert_true (undo (f, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 1"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE person_id = 1 AND segment = 'vip'"),
                   ==, 1);
  g_assert_true (undo (f, edited, &error));
  g_assert_no_error (error);
  notes = query_text (f, "SELECT notes FROM people WHERE id = 1");
  g_assert_cmpstr (notes, ==, "Prefers email.");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM audit_log WHERE action = 'undo'"), ==, 3);

  /* Twice: refused. */
  g_assert_false (undo (f, edited, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS);
  g_clear_error (&error);

  /* Notes edited again since are kept, and the undo refused. */
  chorus_store_set_person_notes_async (f->store, ANA, "Mornings only.", NULL, chorus_test_async_result_cb, &result);
  edited = finish_change (f, &result);
  chorus_test_db_exec (_chorus_store_get_db (f->store), "UPDATE people SET notes = 'Evenings.' WHERE id = 1");
  g_assert_false (undo (f, edited, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED);
  g_clear_pointer (&notes, g_free);
  notes = query_text (f, "SELECT notes FROM people WHERE id = 1");
  g_assert_cmpstr (notes, ==, "Evenings.");
}

/* A rule never puts someone who opted out into a segment; a person may. */
static void
test_opted_out_not_tagged (Fixture       *f,
                           gconstpointer  data)
{
  static const gint64 people[] = { GARCIA_NOINDEX, GARCIA_HIDDEN, GARCIA_BOT };
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      chorus_store_set_person_segment_async (f->store, people[i], CHORUS_PERSON_SEGMENT_ADVOCATE, TRUE, TRUE,
                                             NULL, chorus_test_async_result_cb, &result);
      chorus_test_wait_async_result (&result);
      g_assert_cmpint (chorus_store_person_change_finish (f->store, result, &error), ==, 0);
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
      g_clear_object (&result);
    }

  chorus_store_set_person_segment_async (f->store, GARCIA_NOINDEX, CHORUS_PERSON_SEGMENT_ADVOCATE, TRUE, FALSE,
                                         NULL, chorus_test_async_result_cb, &result);
  g_assert_cmpint (finish_change (f, &result), >, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM person_segments WHERE segment = 'advocate'"), ==, 2);
}

/* The sample workspace has people to merge, each found by a rule, and
 * authors who opted out. */
static void
test_sample (void)
{
  ChorusTestWorkspace workspace;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 linked, named;

  chorus_test_workspace_init (&workspace, "sample.chorus");
  g_assert_true (chorus_sample_generate (workspace.path, 2000, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  store = chorus_test_open_store (workspace.path, CHORUS_STORE_OPEN_EXISTING);
  db = _chorus_store_get_db (store);

  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM identities WHERE noindex"), ==, 2);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM identities WHERE links <> ''"), ==, 7);
  linked = chorus_test_db_query_int (db, "SELECT person_id FROM identities WHERE links LIKE '%/profile/%'"
                                         " ORDER BY id LIMIT 1");
  named = chorus_test_db_query_int (db, "SELECT person_id FROM identities WHERE network = 'discourse'"
                                        " AND links <> '' ORDER BY id LIMIT 1");
  {
    g_autoptr(ChorusMergeSuggestions) by_link = chorus_store_suggest_merges (store, linked, &error);
    g_autoptr(ChorusMergeSuggestions) by_name = chorus_store_suggest_merges (store, named, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (by_link->suggestions->len, ==, 1);
    g_assert_cmpstr (suggestion_at (by_link, 0)->reason, ==, "This Mastodon profile links to their Bluesky account");
    g_assert_cmpuint (by_name->suggestions->len, ==, 1);
    g_assert_true (g_str_has_prefix (suggestion_at (by_name, 0)->reason, "Same name and both link to "));
  }

  chorus_test_finalize_object (g_steal_pointer (&store));
  chorus_test_workspace_remove_all (&workspace);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merges/normalize", test_normalize);
  g_test_add_func ("/merges/name-key", test_name_key);
  g_test_add_func ("/merges/html-links", test_html_links);
  g_test_add_func ("/merges/parse/mastodon-account", test_parse_mastodon_account);
  g_test_add_func ("/merges/parse/mastodon-opt-outs", test_parse_mastodon_opt_outs);
  g_test_add_func ("/merges/parse/bluesky-label", test_parse_bluesky_label);
  g_test_add_func ("/merges/sample", test_sample);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/merges/suggest/rules", test_suggest_rules);
  ADD ("/merges/suggest/opted-out", test_suggest_opted_out);
  ADD ("/merges/suggest/sees-changes", test_suggest_sees_changes);
  ADD ("/merges/suggest/many", test_suggest_many);
  ADD ("/merges/dismiss", test_dismiss);
  ADD ("/merges/merge-and-undo", test_merge_and_undo);
  ADD ("/merges/undo-after-changes", test_undo_after_changes);
  ADD ("/merges/undo-person-changes", test_undo_person_changes);
  ADD ("/merges/opted-out-not-tagged", test_opted_out_not_tagged);
#undef ADD

  return g_test_run ();
}
