/* test-campaigns.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-error.h"
#include "chorus-store-campaigns.h"
#include "chorus-test-util.h"

/* Pre-test campaigns in a real workspace: what a draft must hold, the
 * campaign as it is created, edited and moved between states, results
 * added by hand or read from a CSV file (summed over runs, archived runs
 * left out, bad files refused whole), the design the analysis picks, and
 * the decision with its reasons. */

/* A draft with @n_texts variants, unnamed. */
static ChorusCampaignDraft *
make_draft (const char         *name,
            const char * const *texts)
{
  ChorusCampaignDraft *draft = chorus_campaign_draft_new (name);

  for (guint i = 0; texts[i] != NULL; i++)
    chorus_campaign_draft_add_variant (draft, texts[i]);

  return draft;
}

static const char * const three_texts[] = { "Tall pines, small fires.", "Leave no trace.", "Pack it in, pack it out.",
                                            NULL };

static void
assert_invalid (ChorusCampaignDraft *draft,
                const char          *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (chorus_campaign_draft_validate (draft, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_draft_validate (void)
{
  static const char * const seven[] = { "1", "2", "3", "4", "5", "6", "7", NULL };
  static const char * const one[] = { "Only one", NULL };
  static const char * const same[] = { "Same text", "Other", " Same text ", NULL };
  g_autoptr(GError) error = NULL;
  ChorusVariantDraft *variant;

  /* The valid draft: labels default to letters. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("  Spring slogan ", three_texts);

    g_assert_true (chorus_campaign_draft_validate (draft, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (draft->name, ==, "Spring slogan");
    g_assert_cmpstr (((ChorusVariantDraft *) g_ptr_array_index (draft->variants, 0))->label, ==, "A");
    g_assert_cmpstr (((ChorusVariantDraft *) g_ptr_array_index (draft->variants, 1))->label, ==, "B");
    g_assert_cmpstr (((ChorusVariantDraft *) g_ptr_array_index (draft->variants, 2))->label, ==, "C");
  }

  /* No name. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft (" \t", three_texts);

    assert_invalid (draft, NULL);
  }
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft (NULL, three_texts);

    assert_invalid (draft, NULL);
  }

  /* One variant, and seven. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("One", one);

    assert_invalid (draft, NULL);
  }
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Seven", seven);

    assert_invalid (draft, NULL);
  }

  /* Empty text. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Empty", three_texts);

    chorus_campaign_draft_add_variant (draft, "  \n ");
    assert_invalid (draft, "4");
  }

  /* The same text twice, once with spaces around it. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Same", same);

    assert_invalid (draft, "1 and 3");
  }

  /* The same label twice. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Labels", three_texts);

    ((ChorusVariantDraft *) g_ptr_array_index (draft->variants, 0))->label = g_strdup ("Short");
    ((ChorusVariantDraft *) g_ptr_array_index (draft->variants, 2))->label = g_strdup ("Short");
    assert_invalid (draft, "Short");
  }

  /* An image of no known type; without alt text; with too much; then
   * with both. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Image", three_texts);

    variant = g_ptr_array_index (draft->variants, 1);
    variant->image_sha256 = g_strdup ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    assert_invalid (draft, "The image of variant 2 was not added through Chorus");
    variant->image_type = g_strdup ("image/svg+xml");
    assert_invalid (draft, "The image of variant 2 was not added through Chorus");
    g_free (variant->image_type);
    variant->image_type = g_strdup ("image/png");
    assert_invalid (draft, "Variant 2 has an image without a description");
    variant->image_alt = g_strnfill (1501, 'a');
    assert_invalid (draft, "The alt text of variant 2 is longer than 1500 characters.");
    g_free (variant->image_alt);
    variant->image_alt = g_strdup ("  A pine tree at dusk ");
    g_assert_true (chorus_campaign_draft_validate (draft, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (variant->image_alt, ==, "A pine tree at dusk");
  }

  /* Without an image, a type and alt text mean nothing, and go. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("No image", three_texts);

    variant = g_ptr_array_index (draft->variants, 0);
    variant->image_type = g_strdup ("image/png");
    variant->image_alt = g_strdup ("Nothing to describe");
    g_assert_true (chorus_campaign_draft_validate (draft, &error));
    g_assert_null (variant->image_type);
    g_assert_null (variant->image_alt);
  }

  /* A link that is not a web address; then one that is. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Link", three_texts);

    variant = g_ptr_array_index (draft->variants, 2);
    variant->link_url = g_strdup ("javascript:alert(1)");
    assert_invalid (draft, "3");
    g_free (variant->link_url);
    variant->link_url = g_strdup ("https://example.org/pines");
    g_assert_true (chorus_campaign_draft_validate (draft, &error));
    g_assert_no_error (error);
  }
}

static ChorusCampaign *
load (ChorusStore *store,
      gint64       id)
{
  g_autoptr(GError) error = NULL;
  ChorusCampaign *campaign = chorus_store_load_campaign (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  g_assert_cmpint (chorus_campaign_get_id (campaign), ==, id);
  return campaign;
}

/* "label=body=votes|…", in the variants' order. */
static char *
dup_variants (ChorusStore *store,
              gint64       id)
{
  g_autoptr(ChorusCampaign) campaign = load (store, id);
  GListModel *variants = chorus_campaign_get_variants (campaign);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      g_string_append_printf (text, "%s%s=%s=%" G_GINT64_FORMAT, i > 0 ? "|" : "", chorus_variant_get_label (variant),
                              chorus_variant_get_body (variant), chorus_variant_get_votes (variant));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define ASSERT_VARIANTS(store, id, expected) \
  G_STMT_START { \
    g_autofree char *variants_ = dup_variants (store, id); \
    g_assert_cmpstr (variants_, ==, expected); \
  } G_STMT_END

static char *
dup_state (ChorusStore *store,
           gint64       id)
{
  g_autoptr(ChorusCampaign) campaign = load (store, id);

  return g_strdup (chorus_campaign_get_state (campaign));
}

#define ASSERT_STATE(store, id, expected) \
  G_STMT_START { \
    g_autofree char *state_ = dup_state (store, id); \
    g_assert_cmpstr (state_, ==, expected); \
  } G_STMT_END

static gint64
create (ChorusStore        *store,
        const char         *name,
        const char * const *texts)
{
  g_autoptr(ChorusCampaignDraft) draft = make_draft (name, texts);
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_create_campaign (store, draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_results (ChorusStore                 *store,
             gint64                       id,
             const ChorusCampaignResults *results)
{
  g_autoptr(GError) error = NULL;
  gint64 run_id = chorus_store_add_campaign_results (store, id, results, &error);

  g_assert_no_error (error);
  g_assert_cmpint (run_id, >, 0);
  return run_id;
}

static gint64
variant_id_at (ChorusStore *store,
               gint64       id,
               guint        position)
{
  g_autoptr(ChorusCampaign) campaign = load (store, id);
  g_autoptr(ChorusVariant) variant = g_list_model_get_item (chorus_campaign_get_variants (campaign), position);

  g_assert_nonnull (variant);
  return chorus_variant_get_id (variant);
}

static void
test_create_edit (ChorusTestTempDir *fixture,
                  gconstpointer      data)
{
  static const char * const edited[] = { "Leave no trace.", "Fires stay small.", NULL };
  static const char * const changed[] = { "Leave no trace.", "Different now.", NULL };
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new ("typed");
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READONLY, 5000);
  g_autofree char *sql = NULL;
  gint64 id;

  id = create (store, "Spring slogan", three_texts);
  ASSERT_VARIANTS (store, id, "A=Tall pines, small fires.=0|B=Leave no trace.=0|C=Pack it in, pack it out.=0");
  ASSERT_STATE (store, id, "draft");
  sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE action = 'campaign-create'"
                         " AND subject_type = 'campaign' AND subject_id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (chorus_test_db_query_int (db, sql), ==, 1);

  {
    g_autoptr(ChorusCampaign) campaign = load (store, id);

    g_assert_cmpstr (chorus_campaign_get_name (campaign), ==, "Spring slogan");
    g_assert_cmpint (chorus_campaign_get_total_votes (campaign), ==, 0);
  }

  /* Refused drafts write nothing. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("", three_texts);

    g_assert_cmpint (chorus_store_create_campaign (store, draft, &error), ==, 0);
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM campaigns"), ==, 1);
  }

  /* Before any run, the variants can change. */
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Spring slogan", edited);

    g_assert_true (chorus_store_edit_campaign (store, id, draft, &error));
    g_assert_no_error (error);
    ASSERT_VARIANTS (store, id, "A=Leave no trace.=0|B=Fires stay small.=0");
  }

  /* After results, the texts stay as they were shown; the name can change. */
  chorus_campaign_results_add (results, 1, 10, -1, NULL);
  chorus_campaign_results_add (results, 2, 20, -1, NULL);
  add_results (store, id, results);
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Spring slogan", changed);

    g_assert_false (chorus_store_edit_campaign (store, id, draft, &error));
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    ASSERT_VARIANTS (store, id, "A=Leave no trace.=10|B=Fires stay small.=20");
  }
  {
    g_autoptr(ChorusCampaignDraft) draft = make_draft ("Summer slogan", edited);
    g_autoptr(ChorusCampaign) campaign = NULL;

    g_assert_true (chorus_store_edit_campaign (store, id, draft, &error));
    g_assert_no_error (error);
    campaign = load (store, id);
    g_assert_cmpstr (chorus_campaign_get_name (campaign), ==, "Summer slogan");
    ASSERT_VARIANTS (store, id, "A=Leave no trace.=10|B=Fires stay small.=20");
  }

  sqlite3_close (db);
}

static void
test_states (ChorusTestTempDir *fixture,
             gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new ("typed");
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READONLY, 5000);
  gint64 closing, running;
  gint64 n_audit;

  closing = create (store, "Closed early", three_texts);
  running = create (store, "Runs", three_texts);

  /* A refused move changes nothing. */
  n_audit = chorus_test_db_query_int (db, "SELECT count (*) FROM audit_log");
  g_assert_false (chorus_store_set_campaign_state (store, closing, "paused", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (chorus_store_set_campaign_state (store, closing, "archived", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  ASSERT_STATE (store, closing, "draft");
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM audit_log"), ==, n_audit);

  /* draft → closed → archived. */
  g_assert_true (chorus_store_set_campaign_state (store, closing, "closed", &error));
  g_assert_no_error (error);
  ASSERT_STATE (store, closing, "closed");
  g_assert_true (chorus_store_set_campaign_state (store, closing, "archived", &error));
  g_assert_no_error (error);
  ASSERT_STATE (store, closing, "archived");

  /* Results start a draft: running → paused → running. */
  chorus_campaign_results_add (results, 1, 5, -1, NULL);
  chorus_campaign_results_add (results, 2, 7, -1, NULL);
  add_results (store, running, results);
  ASSERT_STATE (store, running, "running");
  g_assert_true (chorus_store_set_campaign_state (store, running, "paused", &error));
  g_assert_no_error (error);
  ASSERT_STATE (store, running, "paused");
  g_assert_false (chorus_store_set_campaign_state (store, running, "draft", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  ASSERT_STATE (store, running, "paused");
  g_assert_true (chorus_store_set_campaign_state (store, running, "running", &error));
  g_assert_no_error (error);
  ASSERT_STATE (store, running, "running");

  /* No results into an archived campaign. */
  g_assert_cmpint (chorus_store_add_campaign_results (store, closing, results, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* An unknown campaign. */
  g_assert_false (chorus_store_set_campaign_state (store, running + 100, "closed", &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sqlite3_close (db);
}

static void
test_results (ChorusTestTempDir *fixture,
              gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaignResults) first = chorus_campaign_results_new ("survey.csv");
  g_autoptr(ChorusCampaignResults) second = chorus_campaign_results_new ("email.csv");
  g_autoptr(ChorusCampaignResults) bad = chorus_campaign_results_new ("bad");
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READWRITE, 5000);
  gint64 id, run1, run2;
  gint64 n_runs, n_observations;

  id = create (store, "Poll", three_texts);

  /* Several rows for one variant, from different channels, add up. */
  chorus_campaign_results_add (first, 1, 30, -1, "store");
  chorus_campaign_results_add (first, 1, 12, -1, "email");
  chorus_campaign_results_add (first, 2, 25, -1, "store");
  chorus_campaign_results_add (first, 3, 9, -1, NULL);
  run1 = add_results (store, id, first);
  ASSERT_STATE (store, id, "running");
  ASSERT_VARIANTS (store, id, "A=Tall pines, small fires.=42|B=Leave no trace.=25|C=Pack it in, pack it out.=9");

  /* A second import adds to the first. */
  chorus_campaign_results_add (second, 1, 8, -1, NULL);
  chorus_campaign_results_add (second, 3, 11, -1, NULL);
  run2 = add_results (store, id, second);
  g_assert_cmpint (run2, >, run1);
  ASSERT_VARIANTS (store, id, "A=Tall pines, small fires.=50|B=Leave no trace.=25|C=Pack it in, pack it out.=20");
  {
    g_autoptr(ChorusCampaign) campaign = load (store, id);
    g_autoptr(ChorusAnalysis) analysis = chorus_campaign_analyse (campaign, &error);

    g_assert_no_error (error);
    g_assert_cmpint (chorus_campaign_get_total_votes (campaign), ==, 95);
    g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_POLL);
    g_assert_cmpint (chorus_analysis_get_total (analysis), ==, 95);
    g_assert_cmpuint (chorus_analysis_get_df (analysis), ==, 2);
  }

  /* An archived run is not counted. */
  chorus_test_db_exec (db, "UPDATE pretest_runs SET state = 'archived' WHERE id = %" G_GINT64_FORMAT, run1);
  ASSERT_VARIANTS (store, id, "A=Tall pines, small fires.=8|B=Leave no trace.=0|C=Pack it in, pack it out.=11");
  chorus_test_db_exec (db, "UPDATE pretest_runs SET state = 'closed' WHERE id = %" G_GINT64_FORMAT, run1);

  /* Bad results are refused with nothing written. */
  n_runs = chorus_test_db_query_int (db, "SELECT count (*) FROM pretest_runs");
  n_observations = chorus_test_db_query_int (db, "SELECT count (*) FROM observations");
  chorus_campaign_results_add (bad, 1, 10, -1, NULL);
  chorus_campaign_results_add (bad, 4, 10, -1, NULL);
  g_assert_cmpint (chorus_store_add_campaign_results (store, id, bad, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM pretest_runs"), ==, n_runs);
  g_assert_cmpint (chorus_test_db_query_int (db, "SELECT count (*) FROM observations"), ==, n_observations);
  ASSERT_VARIANTS (store, id, "A=Tall pines, small fires.=50|B=Leave no trace.=25|C=Pack it in, pack it out.=20");

  /* Exposures beside a poll: the analysis cannot compare them... */
  {
    g_autoptr(ChorusCampaignResults) rates = chorus_campaign_results_new ("reach.csv");
    g_autoptr(ChorusCampaign) campaign = NULL;
    g_autoptr(ChorusAnalysis) analysis = NULL;
    gint64 rates_run;

    chorus_campaign_results_add (rates, 1, 10, 100, NULL);
    chorus_campaign_results_add (rates, 2, 20, 100, NULL);
    chorus_campaign_results_add (rates, 3, 30, 100, NULL);
    rates_run = add_results (store, id, rates);
    campaign = load (store, id);
    analysis = chorus_campaign_analyse (campaign, &error);
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
    g_assert_null (analysis);
    g_clear_error (&error);
    g_clear_object (&campaign);

    /* ...until the poll's runs are archived. */
    chorus_test_db_exec (db, "UPDATE pretest_runs SET state = 'archived' WHERE id != %" G_GINT64_FORMAT
                         " AND campaign_id = %" G_GINT64_FORMAT, rates_run, id);
    campaign = load (store, id);
    analysis = chorus_campaign_analyse (campaign, &error);
    g_assert_no_error (error);
    g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_RATES);
    g_assert_cmpint (chorus_analysis_get_variant (analysis, 2)->exposures, ==, 100);
    g_assert_cmpfloat_with_epsilon (chorus_analysis_get_variant (analysis, 2)->share, 0.3, 1e-12);
  }

  sqlite3_close (db);
}

static void
test_rates (ChorusTestTempDir *fixture,
            gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaignResults) first = chorus_campaign_results_new ("a");
  g_autoptr(ChorusCampaignResults) second = chorus_campaign_results_new ("b");
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(ChorusAnalysis) analysis = NULL;
  GListModel *variants;
  gint64 id;

  id = create (store, "Rates", three_texts);
  chorus_campaign_results_add (first, 1, 12, 200, "mastodon");
  chorus_campaign_results_add (first, 1, 3, 50, "email");
  chorus_campaign_results_add (first, 2, 20, 250, NULL);
  chorus_campaign_results_add (first, 3, 5, 240, NULL);
  add_results (store, id, first);
  chorus_campaign_results_add (second, 2, 4, 10, NULL);
  add_results (store, id, second);

  campaign = load (store, id);
  variants = chorus_campaign_get_variants (campaign);
  {
    g_autoptr(ChorusVariant) a = g_list_model_get_item (variants, 0);
    g_autoptr(ChorusVariant) b = g_list_model_get_item (variants, 1);

    g_assert_cmpint (chorus_variant_get_votes (a), ==, 15);
    g_assert_cmpint (chorus_variant_get_exposures (a), ==, 250);
    g_assert_cmpint (chorus_variant_get_votes (b), ==, 24);
    g_assert_cmpint (chorus_variant_get_exposures (b), ==, 260);
  }

  analysis = chorus_campaign_analyse (campaign, &error);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_RATES);
  g_assert_cmpint (chorus_analysis_get_variant (analysis, 0)->count, ==, 15);
  g_assert_cmpint (chorus_analysis_get_variant (analysis, 0)->exposures, ==, 250);
  g_assert_cmpfloat_with_epsilon (chorus_analysis_get_variant (analysis, 0)->share, 15.0 / 250.0, 1e-12);
}

/* A campaign compared on all engagements takes manual results as that one
 * figure per variant, out of the people reached. */
static void
test_engagements (ChorusTestTempDir *fixture,
                  gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(ChorusCampaignDraft) draft = make_draft ("Engaging", three_texts);
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new ("survey.csv");
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(ChorusAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (draft->metric);
  draft->metric = g_strdup ("engagements");
  id = chorus_store_create_campaign (store, draft, &error);
  g_assert_no_error (error);
  chorus_campaign_results_add (results, 1, 30, 300, NULL);
  chorus_campaign_results_add (results, 2, 45, 300, NULL);
  chorus_campaign_results_add (results, 3, 12, 300, NULL);
  add_results (store, id, results);

  campaign = load (store, id);
  analysis = chorus_campaign_analyse (campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chorus_analysis_get_design (analysis), ==, CHORUS_ANALYSIS_RATES);
  g_assert_cmpint (chorus_analysis_get_variant (analysis, 1)->count, ==, 45);
  g_assert_cmpint (chorus_analysis_get_variant (analysis, 1)->exposures, ==, 300);
}

static void
test_decision (ChorusTestTempDir *fixture,
               gconstpointer      data)
{
  static const char * const other_texts[] = { "Other one", "Other two", NULL };
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaign) campaign = NULL;
  gint64 id, other, chosen, foreign;
  gint64 variant_id = 0, decided_at = 0;
  const char *rationale = NULL;
  gint64 before;

  id = create (store, "Decide", three_texts);
  other = create (store, "Elsewhere", other_texts);
  chosen = variant_id_at (store, id, 1);
  foreign = variant_id_at (store, other, 0);

  campaign = load (store, id);
  g_assert_false (chorus_campaign_get_decision (campaign, NULL, NULL, NULL, NULL));
  g_clear_object (&campaign);

  g_assert_cmpint (chorus_store_record_campaign_decision (store, id, chosen, "  ", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_record_campaign_decision (store, id, chosen, NULL, &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (chorus_store_record_campaign_decision (store, id, foreign, "Liked it", &error), ==, 0);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  campaign = load (store, id);
  g_assert_false (chorus_campaign_get_decision (campaign, NULL, NULL, NULL, NULL));
  g_clear_object (&campaign);

  before = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (chorus_store_record_campaign_decision (store, id, chosen, "Clearest message.", &error), >, 0);
  g_assert_no_error (error);
  campaign = load (store, id);
  g_assert_true (chorus_campaign_get_decision (campaign, &variant_id, NULL, &decided_at, &rationale));
  g_assert_cmpint (variant_id, ==, chosen);
  g_assert_cmpstr (rationale, ==, "Clearest message.");
  g_assert_cmpint (decided_at, >=, before - 1);
  g_assert_cmpint (decided_at, <=, g_get_real_time () / G_USEC_PER_SEC + 1);
}

static ChorusCsvTable *
table_of (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  ChorusCsvTable *table = chorus_csv_table_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* "variant:count:exposures:channel|…" of what a file gave. */
static char *
dup_rows (const ChorusCampaignResults *results)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < results->rows->len; i++)
    {
      const ChorusResultRow *row = &g_array_index (results->rows, ChorusResultRow, i);

      g_string_append_printf (text, "%s%u:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", i > 0 ? "|" : "",
                              row->variant, row->count, row->exposures, row->channel != NULL ? row->channel : "-");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_csv (ChorusTestTempDir *fixture,
          gconstpointer      data)
{
  static const struct
  {
    const char *file;
    const char *expected;
  } good[] = {
    { "variant,count\n1,120\n2,80\n3,40\n", "1:120:-1:-|2:80:-1:-|3:40:-1:-" },
    { "COUNT,Channel,Exposures,VARIANT\r\n5,store,50,2\r\n7,email,70,1\r\n", "2:5:50:store|1:7:70:email" },
    { "1,120\n2,80\n", "1:120:-1:-|2:80:-1:-" },
    { "1,120\r\n3,9\r\n", "1:120:-1:-|3:9:-1:-" },
  };
  static const char bad_file[] =
    "variant,count,exposures\n"
    "1,12,100\n"
    "1,lots,100\n"
    "9,5,100\n"
    "2,50,40\n"
    "3,10,\n"
    "2,10,100\n";
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCsvTable) table = NULL;
  g_autoptr(ChorusCampaignResults) results = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = chorus_test_db_open (path, SQLITE_OPEN_READONLY, 5000);
  gint64 id;

  id = create (store, "From a file", three_texts);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(ChorusCsvTable) good_table = table_of (good[i].file);
      g_autoptr(ChorusCampaignResults) good_results = chorus_campaign_results_from_csv (good_table, 3, &error);
      g_autofree char *rows = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (good_results);
      rows = dup_rows (good_results);
      g_assert_cmpstr (rows, ==, good[i].expected);
    }

  /* Refused whole, each bad line named; the good ones are not. */
  before = chorus_test_db_query_text (db, "SELECT count (*) || ':' || (SELECT count (*) FROM observations)"
                                          " || ':' || (SELECT count (*) FROM audit_log) FROM pretest_runs");
  table = table_of (bad_file);
  results = chorus_campaign_results_from_csv (table, 3, &error);
  g_assert_null (results);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "Line 4"));
  g_assert_nonnull (strstr (error->message, "Line 5"));
  g_assert_nonnull (strstr (error->message, "Line 6"));
  g_assert_null (strstr (error->message, "Line 2"));
  g_assert_null (strstr (error->message, "Line 7"));
  g_clear_error (&error);
  after = chorus_test_db_query_text (db, "SELECT count (*) || ':' || (SELECT count (*) FROM observations)"
                                         " || ':' || (SELECT count (*) FROM audit_log) FROM pretest_runs");
  g_assert_cmpstr (after, ==, before);
  ASSERT_VARIANTS (store, id, "A=Tall pines, small fires.=0|B=Leave no trace.=0|C=Pack it in, pack it out.=0");
  ASSERT_STATE (store, id, "draft");

  /* A file without the columns. */
  {
    g_autoptr(ChorusCsvTable) odd = table_of ("name,votes\nA,3\n");
    g_autoptr(ChorusCampaignResults) none = chorus_campaign_results_from_csv (odd, 3, &error);

    g_assert_null (none);
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
    g_clear_error (&error);
  }

  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/campaigns/draft-validate", test_draft_validate);
  chorus_test_add_in_temp_dir ("/chorus/campaigns/create-edit", test_create_edit);
  chorus_test_add_in_temp_dir ("/chorus/campaigns/states", test_states);
  chorus_test_add_in_temp_dir ("/chorus/campaigns/results", test_results);
  chorus_test_add_in_temp_dir ("/chorus/campaigns/rates", test_rates);
  chorus_test_add_in_temp_dir ("/chorus/campaigns/engagements", test_engagements);
  chorus_test_add_in_temp_dir ("/chorus/campaigns/decision", test_decision);
  chorus_test_add_in_temp_dir ("/chorus/campaigns/csv", test_csv);

  return g_test_run ();
}
