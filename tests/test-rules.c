/* test-rules.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "chorus-error.h"
#include "chorus-mastodon-parse.h"
#include "chorus-rule.h"
#include "chorus-store-ingest.h"
#include "chorus-store-private.h"
#include "chorus-store-rules.h"
#include "chorus-test-util.h"

/* Triage rules: what a rule matches (text without case or accents, words
 * and phrases, networks, languages, segments), how it is saved, what
 * ingest does with it (only to new customer posts, in order, with an audit
 * entry, never for bots or disabled rules), and the dry run's count. */

typedef struct
{
  ChorusTestWorkspace  workspace;
  ChorusStore         *store;
  sqlite3             *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "rules.chorus");
  f->store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  f->db = _chorus_store_get_db (f->store);
  chorus_test_db_exec (f->db,
                       "INSERT INTO team_members (id, name, created_at) VALUES (1, 'Ana', 1), (2, 'Sam', 1);");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_finalize_object (f->store);
  chorus_test_workspace_remove_all (&f->workspace);
}

static ChorusRule *
make_rule (const char         *name,
           const char         *text,
           const char * const *networks)
{
  ChorusRule *rule = chorus_rule_new ();
  g_autoptr(ChorusInboxFilter) conditions = chorus_inbox_filter_new ();

  chorus_inbox_filter_set_search (conditions, text);
  if (networks != NULL)
    chorus_inbox_filter_set_networks (conditions, networks);
  chorus_rule_set_name (rule, name);
  chorus_rule_set_conditions (rule, conditions);
  return rule;
}

/* Matching */

typedef struct
{
  const char *rule_text;
  const char *post_text;
  gboolean    matches;
} TextCase;

static const TextCase text_cases[] = {
  { "refund", "I want a REFUND now", TRUE },
  { "refund", "Refund?", TRUE },
  { "cafe", "Le Café est fermé", TRUE },
  { "café fermé", "le CAFE est FERME", TRUE },
  { "\"est fermé\"", "Le café est fermé", TRUE },
  { "\"fermé est\"", "Le café est fermé", FALSE },
  { "\"café fermé\"", "Le café est fermé", FALSE },
  { "refund", "refunded twice", FALSE },
  { "refund*", "refunded twice", TRUE },
  { "refund", "no money back", FALSE },
  { "refund broken", "refund please", FALSE },
  { "zip", "zipper", FALSE },
  { "ångström", "ANGSTROM units", TRUE },
  { "", "anything at all", TRUE },
};

static void
test_match_text (gconstpointer data)
{
  const TextCase *c = data;
  g_autoptr(ChorusRule) rule = make_rule ("r", c->rule_text, NULL);

  g_assert_cmpint (chorus_rule_matches (rule, c->post_text, "mastodon", "en", 0), ==, c->matches);
}

static void
test_match_fields (void)
{
  static const char * const networks[] = { "mastodon", "discourse", NULL };
  static const char * const languages[] = { "es", NULL };
  g_autoptr(ChorusRule) rule = make_rule ("r", "pedido", networks);
  g_autoptr(ChorusInboxFilter) conditions = chorus_inbox_filter_copy (chorus_rule_get_conditions (rule));

  chorus_inbox_filter_set_languages (conditions, languages);
  chorus_inbox_filter_set_segments (conditions, CHORUS_INBOX_SEGMENT_VIP | CHORUS_INBOX_SEGMENT_DETRACTOR);
  /* Only the four kinds of condition a post has are kept. */
  chorus_inbox_filter_set_unread_only (conditions, TRUE);
  chorus_rule_set_conditions (rule, conditions);
  g_assert_false (chorus_inbox_filter_get_unread_only (chorus_rule_get_conditions (rule)));

  g_assert_true (chorus_rule_matches (rule, "Mi pedido", "mastodon", "es", CHORUS_INBOX_SEGMENT_VIP));
  g_assert_true (chorus_rule_matches (rule, "Mi pedido", "discourse", "ES",
                                      CHORUS_INBOX_SEGMENT_DETRACTOR | CHORUS_INBOX_SEGMENT_EMPLOYEE));
  g_assert_false (chorus_rule_matches (rule, "Mi pedido", "bluesky", "es", CHORUS_INBOX_SEGMENT_VIP));
  g_assert_false (chorus_rule_matches (rule, "Mi pedido", "mastodon", "en", CHORUS_INBOX_SEGMENT_VIP));
  g_assert_false (chorus_rule_matches (rule, "Mi pedido", "mastodon", NULL, CHORUS_INBOX_SEGMENT_VIP));
  g_assert_false (chorus_rule_matches (rule, "Mi pedido", "mastodon", "es", CHORUS_INBOX_SEGMENT_ADVOCATE));
  g_assert_false (chorus_rule_matches (rule, "Mi pedido", "mastodon", "es", 0));
  g_assert_false (chorus_rule_matches (rule, NULL, "mastodon", "es", CHORUS_INBOX_SEGMENT_VIP));
}

/* Saving */

static void
test_actions_json (void)
{
  g_autoptr(ChorusRule) rule = chorus_rule_new ();
  g_autoptr(ChorusRule) back = chorus_rule_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  chorus_rule_set_tag_name (rule, "  billing ");
  chorus_rule_set_assignee_id (rule, 7);
  chorus_rule_set_priority (rule, 0);
  json = chorus_rule_serialize_actions (rule);
  g_assert_cmpstr (json, ==, "{\"version\":1,\"tag\":\"billing\",\"assignee\":7,\"priority\":0}");

  g_assert_true (chorus_rule_deserialize_actions (back, json, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (chorus_rule_get_tag_name (back), ==, "billing");
  g_assert_cmpint (chorus_rule_get_assignee_id (back), ==, 7);
  g_assert_cmpint (chorus_rule_get_status_id (back), ==, 0);
  g_assert_cmpint (chorus_rule_get_priority (back), ==, 0);

  /* Unknown members are ignored; a newer format or a wrong type is refused. */
  g_assert_true (chorus_rule_deserialize_actions (back, "{\"version\":1,\"status\":2,\"later\":[1]}", &error));
  g_assert_no_error (error);
  g_assert_null (chorus_rule_get_tag_name (back));
  g_assert_cmpint (chorus_rule_get_status_id (back), ==, 2);
  g_assert_cmpint (chorus_rule_get_priority (back), ==, CHORUS_RULE_NO_PRIORITY);

  g_assert_false (chorus_rule_deserialize_actions (back, "{\"version\":2}", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_rule_deserialize_actions (back, "{\"version\":1,\"tag\":3}", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_rule_deserialize_actions (back, "[1", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* Two texts in one, which json-glib leaks on, are refused first. */
  g_assert_false (chorus_rule_deserialize_actions (back, "{\"version\":1}{\"version\":1,\"status\":3}", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  /* A refused text leaves the rule as it was. */
  g_assert_cmpint (chorus_rule_get_status_id (back), ==, 2);
}

static gint64
add_rule (Fixture    *f,
          ChorusRule *rule)
{
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_add_rule (f->store, rule, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_refused (Fixture    *f,
                ChorusRule *rule)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (chorus_store_add_rule (f->store, rule, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
}

static char *
list_names (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = chorus_store_list_rules (f->store, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < rules->len; i++)
    g_strv_builder_add (names, chorus_rule_get_name (g_ptr_array_index (rules, i)));
  strv = g_strv_builder_end (names);
  return g_strjoinv (",", strv);
}

static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  static const char * const networks[] = { "mastodon", NULL };
  g_autoptr(ChorusRule) a = make_rule (" Refunds ", "refund \"money back\"", networks);
  g_autoptr(ChorusRule) b = make_rule ("B", "late", NULL);
  g_autoptr(ChorusRule) c = make_rule ("C", "broken", NULL);
  g_autoptr(ChorusRule) bad = make_rule ("Bad", "refund", NULL);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  ChorusRule *read;
  gint64 ids[2];

  chorus_rule_set_tag_name (a, "billing");
  chorus_rule_set_status_id (a, 2);
  chorus_rule_set_priority (b, 3);
  chorus_rule_set_assignee_id (c, 2);
  add_rule (f, a);
  add_rule (f, b);
  add_rule (f, c);
  g_assert_cmpint (chorus_rule_get_position (c), ==, 2);

  rules = chorus_store_list_rules (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 3);
  read = g_ptr_array_index (rules, 0);
  g_assert_cmpint (chorus_rule_get_id (read), ==, chorus_rule_get_id (a));
  g_assert_cmpstr (chorus_rule_get_name (read), ==, "Refunds");
  g_assert_true (chorus_rule_get_enabled (read));
  g_assert_true (chorus_inbox_filter_equal (chorus_rule_get_conditions (read), chorus_rule_get_conditions (a)));
  g_assert_cmpstr (chorus_rule_get_tag_name (read), ==, "billing");
  g_assert_cmpint (chorus_rule_get_status_id (read), ==, 2);
  g_assert_cmpint (chorus_rule_get_assignee_id (read), ==, 0);
  g_assert_cmpint (chorus_rule_get_priority (read), ==, CHORUS_RULE_NO_PRIORITY);

  /* A name, a condition, an action, words only. */
  chorus_rule_set_name (bad, " ");
  chorus_rule_set_priority (bad, 1);
  assert_refused (f, bad);
  chorus_rule_set_name (bad, "Bad");
  chorus_rule_set_priority (bad, CHORUS_RULE_NO_PRIORITY);
  assert_refused (f, bad);
  chorus_rule_set_priority (bad, 1);
  chorus_rule_set_conditions (bad, NULL);
  assert_refused (f, bad);
  g_clear_object (&bad);
  bad = make_rule ("Bad", "refund lang:es", NULL);
  chorus_rule_set_priority (bad, 1);
  assert_refused (f, bad);
  chorus_rule_set_priority (bad, 9);
  assert_refused (f, bad);

  /* Updated, disabled, reordered, deleted. */
  chorus_rule_set_enabled (b, FALSE);
  chorus_rule_set_name (b, "Late");
  g_assert_true (chorus_store_update_rule (f->store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM rules WHERE enabled = 0"), ==, 1);

  ids[0] = chorus_rule_get_id (c);
  ids[1] = chorus_rule_get_id (c);
  g_assert_true (chorus_store_reorder_rules (f->store, ids, 2, &error));
  g_assert_no_error (error);
  names = list_names (f);
  g_assert_cmpstr (names, ==, "C,Refunds,Late");

  ids[1] = 999;
  g_assert_false (chorus_store_reorder_rules (f->store, ids, 2, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&names, g_free);
  names = list_names (f);
  g_assert_cmpstr (names, ==, "C,Refunds,Late");

  g_assert_true (chorus_store_delete_rule (f->store, chorus_rule_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_false (chorus_store_delete_rule (f->store, chorus_rule_get_id (a), &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (chorus_store_update_rule (f->store, a, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_pointer (&names, g_free);
  names = list_names (f);
  g_assert_cmpstr (names, ==, "C,Late");
}

/* Ingest */

static ChorusIncomingPost *
make_post (const char *uri,
           const char *reply_to,
           gint64      created_at,
           const char *handle,
           const char *text)
{
  ChorusIncomingPost *post = chorus_incoming_post_new ("mastodon");

  post->uri = g_strdup (uri);
  post->reply_to_uri = g_strdup (reply_to);
  post->created_at = created_at;
  post->text = g_strdup (text);
  post->language = g_strdup ("en");
  post->author = chorus_incoming_author_new ();
  post->author->handle = g_strdup (handle);
  post->author->server = g_strdup ("social.example");
  return post;
}

static void
ingest (Fixture            *f,
        ChorusIncomingPost *post)
{
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (posts, post);
  g_assert_true (chorus_store_ingest (f->store, 0, posts, NULL, &error));
  g_assert_no_error (error);
}

static gint64
conversation_int (Fixture    *f,
                  const char *column,
                  const char *root_uri)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM conversations WHERE root_uri = '%s'",
                                          column, root_uri);

  return chorus_test_db_query_int (f->db, sql);
}

static gint64
tag_count (Fixture    *f,
           const char *root_uri)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM conversation_tags t"
                                          " JOIN conversations c ON c.id = t.conversation_id"
                                          " JOIN tags g ON g.id = t.tag_id"
                                          " WHERE c.root_uri = '%s' AND g.name = 'billing'",
                                          root_uri);

  return chorus_test_db_query_int (f->db, sql);
}

static void
test_ingest (Fixture       *f,
             gconstpointer  data)
{
  static const char * const mastodon[] = { "mastodon", NULL };
  g_autoptr(ChorusRule) refund = make_rule ("Refunds", "refund", mastodon);
  g_autoptr(ChorusRule) urgent = make_rule ("Urgent", "refund", NULL);
  g_autoptr(ChorusRule) calm = make_rule ("Calm", "refund", NULL);
  g_autoptr(ChorusRule) off = make_rule ("Off", "refund", NULL);
  g_autofree char *detail = NULL;
  g_autofree char *expected = NULL;
  ChorusIncomingPost *post;

  /* Before any rule: a conversation about a refund. */
  ingest (f, make_post ("https://s.example/old", NULL, 1000, "ana", "Where is my refund?"));

  chorus_rule_set_tag_name (refund, "billing");
  chorus_rule_set_assignee_id (refund, 1);
  chorus_rule_set_status_id (refund, 2);
  chorus_rule_set_priority (urgent, 3);
  chorus_rule_set_priority (calm, 1);
  chorus_rule_set_assignee_id (off, 2);
  chorus_rule_set_enabled (off, FALSE);
  add_rule (f, refund);
  add_rule (f, urgent);
  add_rule (f, calm);
  add_rule (f, off);

  /* A new conversation that matches: every enabled rule, in order, so
   * the later priority wins; the disabled one does nothing. */
  ingest (f, make_post ("https://s.example/new", NULL, 2000, "bo", "REFUND please"));
  g_assert_cmpint (tag_count (f, "https://s.example/new"), ==, 1);
  g_assert_cmpint (conversation_int (f, "assignee_id", "https://s.example/new"), ==, 1);
  g_assert_cmpint (conversation_int (f, "status_id", "https://s.example/new"), ==, 2);
  g_assert_cmpint (conversation_int (f, "priority", "https://s.example/new"), ==, 1);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"
                                                    " WHERE action = 'rule.apply' AND actor_id IS NULL"), ==, 3);
  detail = chorus_test_db_query_text (f->db, "SELECT detail FROM audit_log WHERE action = 'rule.apply'"
                                             " ORDER BY id LIMIT 1");
  expected = g_strdup_printf ("{\"rule\":%" G_GINT64_FORMAT ",\"name\":\"Refunds\",\"tag\":\"billing\","
                              "\"assignee\":1,\"status\":2}",
                              chorus_rule_get_id (refund));
  g_assert_cmpstr (detail, ==, expected);

  /* The older conversation is left alone, even when its post is edited… */
  g_assert_cmpint (tag_count (f, "https://s.example/old"), ==, 0);
  post = make_post ("https://s.example/old", NULL, 1000, "ana", "Where is my refund? Still waiting");
  post->edited_at = 1500;
  ingest (f, post);
  g_assert_cmpint (tag_count (f, "https://s.example/old"), ==, 0);
  g_assert_cmpint (conversation_int (f, "priority", "https://s.example/old"), ==, 0);

  /* …until a new customer post in it matches. */
  ingest (f, make_post ("https://s.example/old-2", "https://s.example/old", 3000, "ana", "refund!"));
  g_assert_cmpint (tag_count (f, "https://s.example/old"), ==, 1);
  g_assert_cmpint (conversation_int (f, "priority", "https://s.example/old"), ==, 1);

  /* A new post that does not match changes nothing. */
  ingest (f, make_post ("https://s.example/other", NULL, 4000, "cy", "Love the mascot"));
  g_assert_cmpint (tag_count (f, "https://s.example/other"), ==, 0);
  g_assert_cmpint (conversation_int (f, "assignee_id IS NULL", "https://s.example/other"), ==, 1);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"
                                                    " WHERE action = 'rule.apply'"), ==, 6);

  /* A rule that changes nothing leaves no entry: the tag rule has done
   * its work, while the two priorities take turns again. */
  ingest (f, make_post ("https://s.example/old-3", "https://s.example/old", 5000, "ana", "refund again"));
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"
                                                    " WHERE action = 'rule.apply'"), ==, 8);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"
                                                    " WHERE detail ->> 'rule' = 1"), ==, 2);
}

static void
test_bots_and_own (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ChorusRule) rule = make_rule ("Refunds", "refund", NULL);
  ChorusIncomingPost *post;

  chorus_rule_set_tag_name (rule, "billing");
  add_rule (f, rule);

  post = make_post ("https://s.example/bot", NULL, 1000, "refundbot", "Refund status: all good");
  post->author->bot = TRUE;
  ingest (f, post);
  g_assert_cmpint (tag_count (f, "https://s.example/bot"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT is_bot FROM identities WHERE handle = 'refundbot'"),
                   ==, 1);

  post = make_post ("https://s.example/own", NULL, 2000, "brand", "About your refund");
  post->is_own = TRUE;
  ingest (f, post);
  g_assert_cmpint (tag_count (f, "https://s.example/own"), ==, 0);

  ingest (f, make_post ("https://s.example/person", NULL, 3000, "ana", "My refund"));
  g_assert_cmpint (tag_count (f, "https://s.example/person"), ==, 1);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT is_bot FROM identities WHERE handle = 'ana'"), ==, 0);
  g_assert_cmpint (chorus_test_db_query_int (f->db, "SELECT count (*) FROM audit_log"), ==, 1);
}

static void
test_segments (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ChorusRule) rule = make_rule ("VIPs", "", NULL);
  g_autoptr(ChorusInboxFilter) conditions = chorus_inbox_filter_new ();

  chorus_inbox_filter_set_segments (conditions, CHORUS_INBOX_SEGMENT_VIP);
  chorus_rule_set_conditions (rule, conditions);
  chorus_rule_set_priority (rule, 3);
  add_rule (f, rule);

  ingest (f, make_post ("https://s.example/1", NULL, 1000, "ana", "hello"));
  g_assert_cmpint (conversation_int (f, "priority", "https://s.example/1"), ==, 0);

  chorus_test_db_exec (f->db,
                       "INSERT INTO person_segments (person_id, segment)"
                       " SELECT person_id, 'vip' FROM identities WHERE handle = 'ana';");
  ingest (f, make_post ("https://s.example/2", NULL, 2000, "ana", "hello again"));
  g_assert_cmpint (conversation_int (f, "priority", "https://s.example/2"), ==, 3);
}

/* Mastodon says which accounts are bots; ingest keeps it. */
static void
test_mastodon_bot (void)
{
  static const char statuses[] =
    "[{\"id\": \"1\", \"uri\": \"https://bots.example/s/1\", \"created_at\": \"2026-01-05T10:00:00Z\","
    "  \"content\": \"<p>Refund status</p>\", \"account\": {\"id\": \"9\", \"username\": \"robo\","
    "  \"acct\": \"robo\", \"url\": \"https://bots.example/@robo\", \"bot\": true}},"
    " {\"id\": \"2\", \"uri\": \"https://bots.example/s/2\", \"created_at\": \"2026-01-05T10:00:00Z\","
    "  \"content\": \"<p>Hi</p>\", \"account\": {\"id\": \"8\", \"username\": \"ana\","
    "  \"acct\": \"ana\", \"url\": \"https://bots.example/@ana\"}}]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = chorus_mastodon_parse_statuses (statuses, -1, &error);
  ChorusIncomingPost *post;

  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 2);
  post = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (post->author->handle, ==, "robo");
  g_assert_true (post->author->bot);
  post = g_ptr_array_index (posts, 1);
  g_assert_cmpstr (post->author->handle, ==, "ana");
  g_assert_false (post->author->bot);
}

/* The dry run */

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  static const char * const words[] = { "refund", "zipper", "Refund", "late", "refunded" };
  static const char * const networks[] = { "mastodon", NULL };
  g_autoptr(ChorusRule) rule = make_rule ("Refunds", "refund", networks);
  g_autoptr(GPtrArray) posts = chorus_incoming_post_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint count = G_MAXUINT;
  gint64 expected;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *uri = g_strdup_printf ("https://s.example/%u", i);
      g_autofree char *root = g_strdup_printf ("https://s.example/%u", i - i % 3);
      g_autofree char *text = g_strdup_printf ("post %u says %s", i, words[(i * 7) % G_N_ELEMENTS (words)]);
      ChorusIncomingPost *post = make_post (uri, i % 3 ? root : NULL, 1000 + i, "ana", text);

      if (i % 4 == 0)
        {
          g_free (post->network);
          post->network = g_strdup ("bluesky");
        }
      g_ptr_array_add (posts, post);
    }
  g_assert_true (chorus_store_ingest (f->store, 0, posts, NULL, &error));
  g_assert_no_error (error);

  /* Independently: conversations on Mastodon with a post holding the word. */
  expected = chorus_test_db_query_int (f->db,
                                       "SELECT count (DISTINCT c.id) FROM conversations c"
                                       " JOIN posts p ON p.conversation_id = c.id"
                                       " WHERE c.network = 'mastodon'"
                                       "  AND (' ' || lower (p.text) || ' ') LIKE '% refund %'");
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (expected, <, chorus_test_db_query_int (f->db, "SELECT count (*) FROM conversations"));

  chorus_store_count_rule_matches_async (f->store, rule, NULL, chorus_test_async_result_cb, &result);
  chorus_test_wait_async_result (&result);
  g_assert_true (chorus_store_count_rule_matches_finish (f->store, result, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/rules/match-text/%u", i);

      g_test_add_data_func (path, &text_cases[i], test_match_text);
    }
  g_test_add_func ("/chorus/rules/match-fields", test_match_fields);
  g_test_add_func ("/chorus/rules/actions-json", test_actions_json);
  g_test_add_func ("/chorus/rules/mastodon-bot", test_mastodon_bot);
  g_test_add ("/chorus/rules/store", Fixture, NULL, fixture_set_up, test_store, fixture_tear_down);
  g_test_add ("/chorus/rules/ingest", Fixture, NULL, fixture_set_up, test_ingest, fixture_tear_down);
  g_test_add ("/chorus/rules/bots-and-own", Fixture, NULL, fixture_set_up, test_bots_and_own, fixture_tear_down);
  g_test_add ("/chorus/rules/segments", Fixture, NULL, fixture_set_up, test_segments, fixture_tear_down);
  g_test_add ("/chorus/rules/dry-run", Fixture, NULL, fixture_set_up, test_dry_run, fixture_tear_down);

  return g_test_run ();
}
