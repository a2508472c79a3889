/* test-challenges.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-store-challenge-write.h"
#include "chorus-store-triage-private.h"
#include "chorus-test-util.h"

/* Design challenges as a person creates and edits them, in a real
 * workspace: what a draft must hold (one case per rule, each message
 * naming its field), the challenge with its jury and criteria as it is
 * created, read back and edited, criteria keeping their ids (and so the
 * jury's scores) through renames and reordering, what the jury or the
 * community already did refusing a change whole, a hashtag that another
 * challenge uses at the same time, the async calls, and the audit log. */

#define DAY (24 * 60 * 60)
#define T0  G_GINT64_CONSTANT (1767225600)   /* 2026-01-01 00:00 UTC */

/* A valid draft: entries for four weeks, voting for the next week, a
 * jury of @jurors with two criteria when there is one. */
static ChorusChallengeDraft *
make_draft (const char   *title,
            const gint64 *jurors,
            guint         n_jurors)
{
  ChorusChallengeDraft *draft = chorus_challenge_draft_new (title);

  chorus_challenge_draft_set_text (&draft->hashtag, "#SummitTee");
  chorus_challenge_draft_set_text (&draft->brief, "Design next summer's tee.");
  chorus_challenge_draft_set_text (&draft->terms, "You grant us a licence to print it.");
  chorus_challenge_draft_set_text (&draft->prizes, "€500");
  chorus_challenge_draft_set_text (&draft->eligibility, "18 or over.");
  draft->submissions_open = T0;
  draft->submissions_close = T0 + 28 * DAY - 1;
  draft->voting_open = T0 + 28 * DAY;
  draft->voting_close = T0 + 35 * DAY - 1;
  draft->community_weight = 0.6;
  for (guint i = 0; i < n_jurors; i++)
    chorus_challenge_draft_add_juror (draft, jurors[i]);
  if (n_jurors > 0)
    {
      chorus_challenge_draft_add_criterion (draft, "Originality", 2);
      chorus_challenge_draft_add_criterion (draft, "Brand fit", 1);
    }
  return draft;
}

/* ---- Validation: one path per rule ---- */

typedef struct
{
  const char *name;
  void      (*change) (ChorusChallengeDraft *draft);
  const char *fragment;     /* in the message, or NULL when the draft is valid */
} Case;

static void set_no_title (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->title, " \t "); }
static void set_long_title (ChorusChallengeDraft *d) { g_free (d->title); d->title = g_strnfill (121, 'x'); }
static void set_longest_title (ChorusChallengeDraft *d) { g_free (d->title); d->title = g_strnfill (120, 'x'); }
static void set_no_hashtag (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->hashtag, " # "); }
static void set_spaced_hashtag (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->hashtag, "#summit tee"); }
static void set_punctuated_hashtag (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->hashtag, "summit-tee!"); }
static void set_two_signs (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->hashtag, "##Tee"); }
static void set_digit_hashtag (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->hashtag, "#2026"); }
static void set_long_hashtag (ChorusChallengeDraft *d) { g_free (d->hashtag); d->hashtag = g_strnfill (101, 't'); }
static void set_unicode_hashtag (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->hashtag, "#DiseñoVerano_26"); }
static void set_no_dates (ChorusChallengeDraft *d) { d->voting_close = 0; }
static void set_entries_backwards (ChorusChallengeDraft *d) { d->submissions_close = d->submissions_open; }
static void set_voting_backwards (ChorusChallengeDraft *d) { d->voting_close = d->voting_open - DAY; }
static void set_voting_too_early (ChorusChallengeDraft *d) { d->voting_open = d->submissions_open - DAY; }
static void set_voting_ends_first (ChorusChallengeDraft *d) { d->voting_open = T0 + DAY; d->voting_close = T0 + 20 * DAY; }
static void set_overlap (ChorusChallengeDraft *d) { d->voting_open = T0 + 7 * DAY; }
static void set_same_day_close (ChorusChallengeDraft *d) { d->voting_open = T0 + 7 * DAY; d->voting_close = d->submissions_close; }
static void set_heavy_community (ChorusChallengeDraft *d) { d->community_weight = 1.2; }
static void set_negative_community (ChorusChallengeDraft *d) { d->community_weight = -0.1; }
static void set_bad_scale (ChorusChallengeDraft *d) { chorus_challenge_draft_set_text (&d->scale, "stars"); }
static void set_long_terms (ChorusChallengeDraft *d) { g_free (d->terms); d->terms = g_strnfill (10001, 'a'); }

static void
set_nine_criteria (ChorusChallengeDraft *d)
{
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Criterion %u", i);

      chorus_challenge_draft_add_criterion (d, name, 1);
    }
}

static void set_eight_criteria (ChorusChallengeDraft *d) { set_nine_criteria (d); g_ptr_array_remove_index (d->criteria, 8); }
static void set_unnamed_criterion (ChorusChallengeDraft *d) { chorus_challenge_draft_add_criterion (d, "  ", 1); }
static void set_same_criteria (ChorusChallengeDraft *d) { chorus_challenge_draft_add_criterion (d, " ORIGINALITY ", 1); }
static void set_negative_weight (ChorusChallengeDraft *d) { chorus_challenge_draft_add_criterion (d, "Colour", -1); }

static void
set_weightless (ChorusChallengeDraft *d)
{
  for (guint i = 0; i < d->criteria->len; i++)
    ((ChorusCriterionDraft *) g_ptr_array_index (d->criteria, i))->weight = 0;
}

static void set_jury_without_criteria (ChorusChallengeDraft *d) { g_ptr_array_set_size (d->criteria, 0); }

static void
set_no_jury_weightless (ChorusChallengeDraft *d)
{
  g_array_set_size (d->jury, 0);
  set_weightless (d);
}

static const Case cases[] = {
  { "valid", NULL, NULL },
  { "no-title", set_no_title, "title" },
  { "long-title", set_long_title, "120" },
  { "longest-title", set_longest_title, NULL },
  { "no-hashtag", set_no_hashtag, "hashtag" },
  { "spaced-hashtag", set_spaced_hashtag, "“summit tee”" },
  { "punctuated-hashtag", set_punctuated_hashtag, "letters, digits and underscores" },
  { "two-signs", set_two_signs, "“#Tee”" },
  { "digit-hashtag", set_digit_hashtag, "one letter" },
  { "long-hashtag", set_long_hashtag, "100" },
  { "unicode-hashtag", set_unicode_hashtag, NULL },
  { "no-dates", set_no_dates, "four dates" },
  { "entries-backwards", set_entries_backwards, "Entries must close after they open" },
  { "voting-backwards", set_voting_backwards, "Voting must close after it opens" },
  { "voting-too-early", set_voting_too_early, "Voting cannot open before entries do" },
  { "voting-ends-first", set_voting_ends_first, "Voting cannot close before entries do" },
  { "overlap", set_overlap, NULL },
  { "same-day-close", set_same_day_close, NULL },
  { "heavy-community", set_heavy_community, "community’s weight" },
  { "negative-community", set_negative_community, "community’s weight" },
  { "bad-scale", set_bad_scale, "“stars”" },
  { "long-terms", set_long_terms, "“Terms”" },
  { "nine-criteria", set_nine_criteria, "at most 8" },
  { "eight-criteria", set_eight_criteria, NULL },
  { "unnamed-criterion", set_unnamed_criterion, "Criterion 3" },
  { "same-criteria", set_same_criteria, "Criteria 1 and 3" },
  { "negative-weight", set_negative_weight, "“Colour”" },
  { "weightless", set_weightless, "weight above 0" },
  { "jury-without-criteria", set_jury_without_criteria, "weight above 0" },
  { "no-jury-weightless", set_no_jury_weightless, NULL },
};

static void
test_validate (gconstpointer data)
{
  const Case *c = data;
  static const gint64 jurors[] = { 1, 2 };
  g_autoptr(ChorusChallengeDraft) draft = make_draft ("  Summit Tee 2026 ", jurors, G_N_ELEMENTS (jurors));
  g_autoptr(GError) error = NULL;

  if (c->change != NULL)
    c->change (draft);

  if (c->fragment == NULL)
    {
      g_assert_true (chorus_challenge_draft_validate (draft, &error));
      g_assert_no_error (error);
      g_assert_null (strchr (draft->hashtag, '#'));
      if (c->change == NULL)
        {
          g_assert_cmpstr (draft->title, ==, "Summit Tee 2026");
          g_assert_cmpstr (draft->hashtag, ==, "SummitTee");
        }
      return;
    }

  g_assert_false (chorus_challenge_draft_validate (draft, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  if (strstr (error->message, c->fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, c->fragment);
}

/* ---- The workspace ---- */

typedef struct
{
  char        *dir;
  char        *path;
  ChorusStore *store;
  sqlite3     *db;
  gint64       ana, bo, cy;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = chorus_test_make_temp_dir ();
  f->path = g_build_filename (f->dir, "challenges.chorus", NULL);
  f->store = chorus_test_open_store (f->path, CHORUS_STORE_OPEN_CREATE);
  f->db = chorus_test_db_open (f->path, SQLITE_OPEN_READWRITE, 5000);
  chorus_test_db_exec (f->db, "INSERT INTO team_members (id, name, is_me, created_at) VALUES"
                              " (11, 'Ana Lima', 1, 1000), (12, 'Bo Chen', 0, 1000), (13, 'Cy', 0, 1000)");
  f->ana = 11;
  f->bo = 12;
  f->cy = 13;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3_close (f->db);
  g_clear_object (&f->store);
  chorus_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
create (Fixture              *f,
        ChorusChallengeDraft *draft)
{
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_create_challenge (f->store, draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
edit (Fixture              *f,
      gint64                id,
      ChorusChallengeDraft *draft)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_store_edit_challenge (f->store, id, draft, &error));
  g_assert_no_error (error);
}

static ChorusChallengeDraft *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  ChorusChallengeDraft *draft = chorus_store_load_challenge_draft (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  return draft;
}

/* "name=weight#id|…" of the stored criteria, in order. */
static char *
criteria_of (Fixture *f,
             gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (name || '=' || weight || '#' || id, '|')"
                                          " FROM (SELECT * FROM jury_criteria WHERE challenge_id = %" G_GINT64_FORMAT
                                          " ORDER BY position)", id);

  return chorus_test_db_query_text (f->db, sql);
}

static char *
jury_of (Fixture *f,
         gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (name, ',') FROM (SELECT m.name FROM jury_members j"
                                          " JOIN team_members m ON m.id = j.member_id"
                                          " WHERE j.challenge_id = %" G_GINT64_FORMAT " ORDER BY m.name)", id);

  return chorus_test_db_query_text (f->db, sql);
}

static gint64
criterion_id (Fixture    *f,
              gint64      id,
              const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM jury_criteria WHERE challenge_id = %" G_GINT64_FORMAT
                                          " AND name = '%s'", id, name);

  return chorus_test_db_query_int (f->db, sql);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return chorus_test_db_query_int (f->db, sql);
}

static void
test_create_edit (Fixture       *f,
                  gconstpointer  data)
{
  const gint64 jurors[] = { f->ana, f->bo };
  g_autoptr(ChorusChallengeDraft) draft = make_draft ("Summit Tee 2026", jurors, G_N_ELEMENTS (jurors));
  g_autoptr(ChorusChallengeDraft) loaded = NULL;
  g_autofree char *row = NULL;
  g_autofree char *criteria = NULL;
  g_autofree char *jury = NULL;
  g_autofree char *expected = NULL;
  gint64 id, originality, brand_fit;

  chorus_challenge_draft_set_text (&draft->scale, "support");
  id = create (f, draft);

  row = chorus_test_db_query_text (f->db, "SELECT title || '|' || hashtag || '|' || brief || '|' || terms || '|' ||"
                                          " prizes || '|' || eligibility || '|' || scale || '|' || community_weight"
                                          " || '|' || (voting_open_at - submissions_open_at) FROM challenges");
  g_assert_cmpstr (row, ==, "Summit Tee 2026|SummitTee|Design next summer's tee.|You grant us a licence to print it."
                            "|€500|18 or over.|support|0.6|2419200");
  jury = jury_of (f, id);
  g_assert_cmpstr (jury, ==, "Ana Lima,Bo Chen");
  originality = criterion_id (f, id, "Originality");
  brand_fit = criterion_id (f, id, "Brand fit");
  criteria = criteria_of (f, id);
  expected = g_strdup_printf ("Originality=2.0#%" G_GINT64_FORMAT "|Brand fit=1.0#%" G_GINT64_FORMAT,
                              originality, brand_fit);
  g_assert_cmpstr (criteria, ==, expected);

  /* Read back whole, the jury by member and the criteria with their ids. */
  loaded = load (f, id);
  g_assert_cmpstr (loaded->title, ==, "Summit Tee 2026");
  g_assert_cmpstr (loaded->hashtag, ==, "SummitTee");
  g_assert_cmpint (loaded->submissions_close, ==, T0 + 28 * DAY - 1);
  g_assert_cmpint (loaded->voting_close, ==, T0 + 35 * DAY - 1);
  g_assert_cmpfloat (loaded->community_weight, ==, 0.6);
  g_assert_cmpuint (loaded->jury->len, ==, 2);
  g_assert_true (chorus_challenge_draft_has_juror (loaded, f->ana));
  g_assert_true (chorus_challenge_draft_has_juror (loaded, f->bo));
  g_assert_cmpuint (loaded->criteria->len, ==, 2);
  g_assert_cmpint (((ChorusCriterionDraft *) g_ptr_array_index (loaded->criteria, 0))->id, ==, originality);

  /* Edited: Bo leaves and Cy joins, Originality is renamed and moved
   * last, Brand fit weighs more, Printability is new. */
  g_array_set_size (loaded->jury, 0);
  chorus_challenge_draft_add_juror (loaded, f->ana);
  chorus_challenge_draft_add_juror (loaded, f->cy);
  chorus_challenge_draft_set_text (&loaded->title, "Summit Tee 2026 (extended)");
  loaded->voting_close += 7 * DAY;
  g_ptr_array_add (loaded->criteria, g_ptr_array_steal_index (loaded->criteria, 0));
  chorus_challenge_draft_set_text (&((ChorusCriterionDraft *) g_ptr_array_index (loaded->criteria, 1))->name,
                                   "Originality and wit");
  ((ChorusCriterionDraft *) g_ptr_array_index (loaded->criteria, 0))->weight = 3;
  chorus_challenge_draft_add_criterion (loaded, "Printability", 0.5);
  edit (f, id, loaded);

  g_clear_pointer (&jury, g_free);
  jury = jury_of (f, id);
  g_assert_cmpstr (jury, ==, "Ana Lima,Cy");
  g_clear_pointer (&criteria, g_free);
  g_clear_pointer (&expected, g_free);
  criteria = criteria_of (f, id);
  expected = g_strdup_printf ("Brand fit=3.0#%" G_GINT64_FORMAT "|Originality and wit=2.0#%" G_GINT64_FORMAT
                              "|Printability=0.5#%" G_GINT64_FORMAT,
                              brand_fit, originality, criterion_id (f, id, "Printability"));
  g_assert_cmpstr (criteria, ==, expected);
  g_assert_cmpint (count (f, "SELECT voting_close_at FROM challenges"), ==, T0 + 42 * DAY - 1);

  /* The audit log: one entry a change, with the title. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'challenge-create'"
                             " AND subject_type = 'challenge' AND json_extract (detail, '$.title') = 'Summit Tee 2026'"
                             " AND actor_id = 11"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE action = 'challenge-edit'"
                             " AND json_extract (detail, '$.title') = 'Summit Tee 2026 (extended)'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log"), ==, 2);
}

/* A draft without ids (as chorusctl would write it) keeps the stored
 * criteria by name, in any case; ids of another challenge name nothing. */
static void
test_keep_by_name (Fixture       *f,
                   gconstpointer  data)
{
  const gint64 jurors[] = { f->ana };
  g_autoptr(ChorusChallengeDraft) draft = make_draft ("Mug Art", jurors, 1);
  g_autoptr(ChorusChallengeDraft) other = make_draft ("Cap Art", jurors, 1);
  gint64 id, other_id, originality, brand_fit;

  id = create (f, draft);
  chorus_challenge_draft_set_text (&other->hashtag, "CapArt");
  other_id = create (f, other);
  originality = criterion_id (f, id, "Originality");
  brand_fit = criterion_id (f, id, "Brand fit");

  g_ptr_array_set_size (draft->criteria, 0);
  chorus_challenge_draft_add_criterion (draft, "brand FIT", 1);
  chorus_challenge_draft_add_criterion (draft, "Originality", 4)->id = criterion_id (f, other_id, "Originality");
  edit (f, id, draft);

  g_assert_cmpint (criterion_id (f, id, "brand FIT"), ==, brand_fit);
  g_assert_cmpint (criterion_id (f, id, "Originality"), ==, originality);
  g_assert_cmpint (count (f, "SELECT count (*) FROM jury_criteria"), ==, 4);
}

/* One entry, scored by Bo on Originality, with one community vote. */
static void
add_scored_entry (Fixture *f,
                  gint64   id)
{
  chorus_test_db_exec (f->db,
                       "INSERT INTO people (id, display_name, created_at) VALUES (1, 'Zoe', 1000);"
                       "INSERT INTO identities (id, person_id, network, server, handle)"
                       " VALUES (1, 1, 'mastodon', 'a.example', 'zoe');"
                       "INSERT INTO submissions (id, challenge_id, title, author_id, image_sha256, submitted_at)"
                       " VALUES (1, %" G_GINT64_FORMAT ", 'Night Trail', 1, 'aa', 1000);"
                       "INSERT INTO jury_scores (submission_id, juror_id, criterion_id, score, scored_at)"
                       " VALUES (1, 12, (SELECT id FROM jury_criteria WHERE name = 'Originality'), 8, 1000);"
                       "INSERT INTO votes (submission_id, voter_id, kind, score, cast_at) VALUES (1, 1, 'poll', 4, 1000)",
                       id);
}

static void
assert_refused (Fixture              *f,
                gint64                id,
                ChorusChallengeDraft *draft,
                const char           *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *sql = "SELECT (SELECT group_concat (title || scale || community_weight) FROM challenges)"
                    " || (SELECT group_concat (id || name || weight) FROM jury_criteria)"
                    " || (SELECT group_concat (member_id) FROM jury_members)"
                    " || (SELECT count (*) FROM jury_scores) || (SELECT count (*) FROM audit_log)";

  before = chorus_test_db_query_text (f->db, sql);
  g_assert_false (chorus_store_edit_challenge (f->store, id, draft, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  after = chorus_test_db_query_text (f->db, sql);
  g_assert_cmpstr (after, ==, before);
}

static void
test_scored (Fixture       *f,
             gconstpointer  data)
{
  const gint64 jurors[] = { f->ana, f->bo };
  g_autoptr(ChorusChallengeDraft) draft = make_draft ("Summit Tee 2026", jurors, G_N_ELEMENTS (jurors));
  g_autoptr(ChorusChallengeDraft) loaded = NULL;
  gint64 id, originality;

  id = create (f, draft);
  add_scored_entry (f, id);
  originality = criterion_id (f, id, "Originality");

  /* A scored criterion stays, and so does the juror who scored. */
  loaded = load (f, id);
  g_ptr_array_remove_index (loaded->criteria, 0);
  assert_refused (f, id, loaded, "“Originality”");
  g_clear_pointer (&loaded, chorus_challenge_draft_free);

  loaded = load (f, id);
  g_array_remove_index (loaded->jury, 1);
  assert_refused (f, id, loaded, "Bo Chen has already scored");
  g_clear_pointer (&loaded, chorus_challenge_draft_free);

  /* Votes were cast on the 0 to 5 scale. */
  loaded = load (f, id);
  chorus_challenge_draft_set_text (&loaded->scale, "support");
  assert_refused (f, id, loaded, "voting scale");
  g_clear_pointer (&loaded, chorus_challenge_draft_free);

  /* Renamed or weighed 0, it keeps its scores; the unscored one can go. */
  loaded = load (f, id);
  chorus_challenge_draft_set_text (&((ChorusCriterionDraft *) g_ptr_array_index (loaded->criteria, 0))->name,
                                   "Originality (how new it feels)");
  ((ChorusCriterionDraft *) g_ptr_array_index (loaded->criteria, 0))->weight = 0;
  g_ptr_array_remove_index (loaded->criteria, 1);
  chorus_challenge_draft_add_criterion (loaded, "Print quality", 1);
  edit (f, id, loaded);
  g_assert_cmpint (criterion_id (f, id, "Originality (how new it feels)"), ==, originality);
  g_assert_cmpint (count (f, "SELECT criterion_id FROM jury_scores"), ==, originality);
  g_assert_cmpint (count (f, "SELECT count (*) FROM jury_criteria"), ==, 2);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const gint64 jurors[] = { f->ana };
  const gint64 gone[] = { 99 };
  g_autoptr(ChorusChallengeDraft) draft = make_draft ("Summit Tee 2026", jurors, 1);
  g_autoptr(ChorusChallengeDraft) stranger = make_draft ("Strangers", gone, 1);
  g_autoptr(ChorusChallengeDraft) bad = make_draft ("Bad tag", NULL, 0);
  g_autoptr(ChorusChallengeDraft) same_time = make_draft ("Same time", NULL, 0);
  g_autoptr(ChorusChallengeDraft) next_year = make_draft ("Summit Tee 2027", NULL, 0);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = create (f, draft);

  /* Nothing is written for a draft the store refuses. */
  chorus_challenge_draft_set_text (&stranger->hashtag, "Strangers");
  chorus_challenge_draft_set_text (&bad->hashtag, "#summit tee");
  g_assert_cmpint (chorus_store_create_challenge (f->store, bad, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_create_challenge (f->store, stranger, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The same hashtag, in any case, while the first still runs; once it is over, it is free again. */
  chorus_challenge_draft_set_text (&same_time->hashtag, "summittee");
  same_time->submissions_open += 30 * DAY;
  same_time->submissions_close += 30 * DAY;
  same_time->voting_open += 30 * DAY;
  same_time->voting_close += 30 * DAY;
  g_assert_cmpint (chorus_store_create_challenge (f->store, same_time, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“Summit Tee 2026” uses #summittee"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM challenges"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log"), ==, 1);

  next_year->submissions_open += 365 * DAY;
  next_year->submissions_close += 365 * DAY;
  next_year->voting_open += 365 * DAY;
  next_year->voting_close += 365 * DAY;
  create (f, next_year);

  /* Editing a challenge that is gone. */
  g_assert_false (chorus_store_edit_challenge (f->store, id + 100, draft, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (chorus_store_load_challenge_draft (f->store, id + 100, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  const gint64 jurors[] = { f->cy };
  g_autoptr(ChorusChallengeDraft) draft = make_draft ("Async Tee", jurors, 1);
  g_autoptr(ChorusChallengeDraft) loaded = NULL;
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GAsyncResult) edited = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  chorus_store_create_challenge_async (f->store, draft, NULL, chorus_test_async_result_cb, &created);
  chorus_test_wait_async_result (&created);
  id = chorus_store_change_challenge_finish (f->store, created, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  chorus_store_load_challenge_draft_async (f->store, id, NULL, chorus_test_async_result_cb, &read);
  chorus_test_wait_async_result (&read);
  loaded = chorus_store_load_challenge_draft_finish (f->store, read, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "Async Tee");

  chorus_challenge_draft_set_text (&loaded->title, "Async Tee, edited");
  chorus_store_edit_challenge_async (f->store, id, loaded, NULL, chorus_test_async_result_cb, &edited);
  chorus_test_wait_async_result (&edited);
  g_assert_cmpint (chorus_store_change_challenge_finish (f->store, edited, &error), ==, id);
  g_assert_no_error (error);

  chorus_challenge_draft_set_text (&loaded->hashtag, "no spaces please");
  chorus_store_edit_challenge_async (f->store, id, loaded, NULL, chorus_test_async_result_cb, &refused);
  chorus_test_wait_async_result (&refused);
  g_assert_cmpint (chorus_store_change_challenge_finish (f->store, refused, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (count (f, "SELECT count (*) FROM challenges WHERE title = 'Async Tee, edited'"), ==, 1);
}

static void
test_audit_sentences (void)
{
  g_autofree char *created = chorus_test_describe ("challenge-create", "{\"title\": \"Summit Tee 2026\"}", "Ana Lima");
  g_autofree char *edited = chorus_test_describe ("challenge-edit", "{\"title\": \"Summit Tee 2026\"}", NULL);

  g_assert_cmpstr (created, ==, "Ana Lima created the challenge “Summit Tee 2026”");
  g_assert_cmpstr (edited, ==, "Someone edited the challenge “Summit Tee 2026”");
}

static void
assert_local (gint64      time,
              const char *expected)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);
  g_autofree char *text = g_date_time_format (local, "%F %T");

  g_assert_cmpstr (text, ==, expected);
}

/* Opening at local midnight, closing at the day's last second, and the
 * dates a new challenge starts with, valid as they are. */
static void
test_default_dates (void)
{
  g_autoptr(GDateTime) afternoon = g_date_time_new_local (2026, 3, 30, 15, 20, 0);
  g_autoptr(ChorusChallengeDraft) draft = make_draft ("Dates", NULL, 0);
  g_autoptr(GError) error = NULL;

  assert_local (chorus_challenge_day_bound (afternoon, FALSE), "2026-03-30 00:00:00");
  assert_local (chorus_challenge_day_bound (afternoon, TRUE), "2026-03-30 23:59:59");

  chorus_challenge_draft_set_default_dates (draft, afternoon);
  assert_local (draft->submissions_open, "2026-03-30 00:00:00");
  assert_local (draft->submissions_close, "2026-04-26 23:59:59");
  assert_local (draft->voting_open, "2026-04-27 00:00:00");
  assert_local (draft->voting_close, "2026-05-03 23:59:59");
  g_assert_true (chorus_challenge_draft_validate (draft, &error));
  g_assert_no_error (error);
}

static void
test_weighting (void)
{
  g_autofree char *even = chorus_format_weighting (0.5);
  g_autofree char *community = chorus_format_weighting (0.6);
  g_autofree char *jury = chorus_format_weighting (0.0);
  g_autofree char *odd = chorus_format_weighting (0.335);

  g_assert_cmpstr (even, ==, "Community 50% · Jury 50%");
  g_assert_cmpstr (community, ==, "Community 60% · Jury 40%");
  g_assert_cmpstr (jury, ==, "Community 0% · Jury 100%");
  g_assert_cmpstr (odd, ==, "Community 34% · Jury 66%");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/challenges/validate/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_validate);
    }
  g_test_add ("/chorus/challenges/create-edit", Fixture, NULL, fixture_set_up, test_create_edit, fixture_tear_down);
  g_test_add ("/chorus/challenges/keep-by-name", Fixture, NULL, fixture_set_up, test_keep_by_name, fixture_tear_down);
  g_test_add ("/chorus/challenges/scored", Fixture, NULL, fixture_set_up, test_scored, fixture_tear_down);
  g_test_add ("/chorus/challenges/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/chorus/challenges/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add_func ("/chorus/challenges/audit-sentences", test_audit_sentences);
  g_test_add_func ("/chorus/challenges/default-dates", test_default_dates);
  g_test_add_func ("/chorus/challenges/weighting", test_weighting);

  return g_test_run ();
}
