/* test-chorusctl-campaign.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-test-util.h"

/* chorusctl campaign create / list / results / analysis, as scripts use
 * them: the exact output, exit statuses, files of results refused whole,
 * and the analysis as JSON checked against numbers worked out by hand. */

typedef struct
{
  ChorusTestWorkspace workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  chorus_test_workspace_init (&f->workspace, "campaigns.chorus");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_workspace_remove_all (&f->workspace);
}

/* Whether @text is digits and one newline, nothing else. */
static gboolean
is_id_line (const char *text)
{
  gsize n = strlen (text);

  if (n < 2 || text[n - 1] != '\n')
    return FALSE;
  for (gsize i = 0; i < n - 1; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

static gint64
create_campaign (Fixture    *f,
                 const char *name,
                 const char *a,
                 const char *b,
                 const char *c)
{
  g_auto(ChorusTestRun) run = { 0 };

  chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->workspace.path, "campaign", "create",
                             "--name", name, "--variant", a, "--variant", b, "--variant", c, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (is_id_line (run.out));
  return g_ascii_strtoll (run.out, NULL, 10);
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->workspace.dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
add_results (Fixture    *f,
             gint64      id,
             const char *csv)
{
  g_auto(ChorusTestRun) run = { 0 };
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->workspace.path, "campaign", "results", id_text,
                             "--csv", csv, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (is_id_line (run.out));
  return g_ascii_strtoll (run.out, NULL, 10);
}

/* The analysis as JSON, parsed. */
static JsonObject *
analyse_json (Fixture *f,
              gint64   id)
{
  g_auto(ChorusTestRun) run = { 0 };
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->workspace.path, "campaign", "analysis", id_text,
                             "--format", "json", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* Checks what holds in every analysis, and that the counts (and
 * exposures, or -1 for none) are the ones given. */
static void
assert_analysis (JsonObject   *analysis,
                 const gint64 *counts,
                 const gint64 *exposures,
                 guint         n)
{
  static const char * const keys[] = { "total", "chi_square", "df", "p_value", "enough_data", "variants" };
  static const char * const variant_keys[] = { "index", "text", "count", "exposures", "share", "wilson_low",
                                               "wilson_high", "chance_to_beat_all", "expected_loss" };
  JsonArray *variants;
  gint64 total = 0;
  double shares = 0.0;
  double chances = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (analysis, keys[i]));

  variants = json_object_get_array_member (analysis, "variants");
  g_assert_cmpuint (json_array_get_length (variants), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *variant = json_array_get_object_element (variants, i);

      for (guint k = 0; k < G_N_ELEMENTS (variant_keys); k++)
        g_assert_true (json_object_has_member (variant, variant_keys[k]));
      g_assert_cmpint (json_object_get_int_member (variant, "index"), ==, i + 1);
      g_assert_cmpint (json_object_get_int_member (variant, "count"), ==, counts[i]);
      if (exposures == NULL)
        g_assert_true (json_object_get_null_member (variant, "exposures"));
      else
        g_assert_cmpint (json_object_get_int_member (variant, "exposures"), ==, exposures[i]);
      g_assert_cmpfloat (json_object_get_double_member (variant, "wilson_low"), <=,
                         json_object_get_double_member (variant, "share"));
      g_assert_cmpfloat (json_object_get_double_member (variant, "wilson_high"), >=,
                         json_object_get_double_member (variant, "share"));
      g_assert_cmpfloat (json_object_get_double_member (variant, "expected_loss"), >=, 0.0);
      /* The total is the votes in a poll, the exposures in rates. */
      total += exposures == NULL ? counts[i] : exposures[i];
      shares += json_object_get_double_member (variant, "share");
      chances += json_object_get_double_member (variant, "chance_to_beat_all");
    }

  g_assert_cmpint (json_object_get_int_member (analysis, "total"), ==, total);
  g_assert_cmpint (json_object_get_int_member (analysis, "df"), ==, n - 1);
  if (exposures == NULL)
    g_assert_cmpfloat_with_epsilon (shares, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (chances, 1.0, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (analysis, "p_value"), >=, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (analysis, "p_value"), <=, 1.0);
}

static void
test_poll (Fixture       *f,
           gconstpointer  data)
{
  static const gint64 counts[] = { 146, 139, 78 };
  g_auto(ChorusTestRun) list = { 0 };
  g_auto(ChorusTestRun) text = { 0 };
  g_autofree char *csv = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonObject) analysis = NULL;
  JsonArray *variants;
  gint64 id;

  if (chorus_test_skip_without_chorusctl ())
    return;

  id = create_campaign (f, "Spring slogan", "Tall pines, small fires.", "Leave no trace.", "Pack it out.");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  chorus_test_run_chorusctl (&list, NULL, NULL, "--workspace", f->workspace.path, "campaign", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.err, ==, "");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\tdraft\t3\t0\tSpring slogan\n", id);
  g_assert_cmpstr (list.out, ==, expected);
  chorus_test_run_clear (&list);
  g_clear_pointer (&expected, g_free);

  /* Two rows for the first variant add up: 100 + 46 = 146. */
  csv = write_csv (f, "poll.csv", "variant,count\n1,100\n2,139\n3,78\n1,46\n");
  g_assert_cmpint (add_results (f, id, csv), >, 0);

  chorus_test_run_chorusctl (&list, NULL, NULL, "--workspace", f->workspace.path, "campaign", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\trunning\t3\t363\tSpring slogan\n", id);
  g_assert_cmpstr (list.out, ==, expected);

  analysis = analyse_json (f, id);
  assert_analysis (analysis, counts, NULL, G_N_ELEMENTS (counts));
  /* Worked out by hand: 363 votes over 3 variants, so e = 121 each;
   * χ² = Σ (o − e)² / e = (25² + 18² + (−43)²) / 121
   *    = (625 + 324 + 1849) / 121 = 2798 / 121 = 23.1240. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (analysis, "chi_square"), 2798.0 / 121.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (analysis, "chi_square"), 23.1240, 1e-3);
  variants = json_object_get_array_member (analysis, "variants");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (variants, 1), "text"), ==,
                   "Leave no trace.");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_array_get_object_element (variants, 0), "share"),
                                  146.0 / 363.0, 1e-9);

  chorus_test_run_chorusctl (&text, NULL, NULL, "--workspace", f->workspace.path, "campaign", "analysis", id_text,
                             "--format", "text", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_true (g_str_has_prefix (text.out, "Spring slogan"));
  g_assert_null (memchr (text.out, '\n', strlen ("Spring slogan")));
}

static void
test_rates (Fixture       *f,
            gconstpointer  data)
{
  static const gint64 counts[] = { 15, 24, 5 };
  static const gint64 exposures[] = { 250, 260, 240 };
  g_autofree char *csv = NULL;
  g_autoptr(JsonObject) analysis = NULL;
  gint64 id, first_run, second_run;

  if (chorus_test_skip_without_chorusctl ())
    return;

  id = create_campaign (f, "Reach", "One", "Two", "Three");
  csv = write_csv (f, "reach.csv",
                   "variant,count,exposures,channel\r\n"
                   "1,12,200,mastodon\r\n"
                   "1,3,50,email\r\n"
                   "2,20,250,mastodon\r\n"
                   "3,5,240,mastodon\r\n");
  first_run = add_results (f, id, csv);
  g_free (csv);
  csv = write_csv (f, "more.csv", "variant,count,exposures,channel\n2,4,10,store\n");
  second_run = add_results (f, id, csv);
  g_assert_cmpint (second_run, >, first_run);

  analysis = analyse_json (f, id);
  g_assert_cmpstr (json_object_get_string_member (analysis, "design"), ==, "rates");
  assert_analysis (analysis, counts, exposures, G_N_ELEMENTS (counts));
}

static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  static const gint64 counts[] = { 20, 10, 30 };
  g_auto(ChorusTestRun) run = { 0 };
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(JsonObject) analysis = NULL;
  gint64 id;

  if (chorus_test_skip_without_chorusctl ())
    return;

  id = create_campaign (f, "Careful", "One", "Two", "Three");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  good = write_csv (f, "good.csv", "variant,count\n1,20\n2,10\n3,30\n");
  add_results (f, id, good);

  bad = write_csv (f, "bad.csv",
                   "variant,count,exposures\n"
                   "1,5,50\n"
                   "2,many,50\n"
                   "7,5,50\n"
                   "3,60,50\n"
                   "1,5,\n");
  chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->workspace.path, "campaign", "results", id_text,
                             "--csv", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "Line 3"));
  g_assert_nonnull (strstr (run.err, "Line 4"));
  g_assert_nonnull (strstr (run.err, "Line 5"));
  g_assert_nonnull (strstr (run.err, "Line 6"));
  g_assert_null (strstr (run.err, "Line 2"));

  /* Nothing was added: the counts are still those of the good file. */
  analysis = analyse_json (f, id);
  assert_analysis (analysis, counts, NULL, G_N_ELEMENTS (counts));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  static const char * const cases[][8] = {
    { "create", "--variant", "One", "--variant", "Two", NULL },
    { "create", "--name", "Lonely", "--variant", "One", NULL },
    { "frobnicate", NULL },
    { "analysis", "abc", NULL },
    { "analysis", "1", "--format", "xml", NULL },
    { "results", "1", NULL },
  };

  if (chorus_test_skip_without_chorusctl ())
    return;

  create_campaign (f, "Exists", "One", "Two", "Three");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ChorusTestRun) run = { 0 };

      chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->workspace.path, "campaign", cases[i][0],
                                 cases[i][1], cases[i][2], cases[i][3], cases[i][4], cases[i][5], NULL);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "chorusctl: "));
    }

  /* Usage errors created nothing. */
  {
    g_auto(ChorusTestRun) list = { 0 };

    chorus_test_run_chorusctl (&list, NULL, NULL, "--workspace", f->workspace.path, "campaign", "list", NULL);
    g_assert_cmpint (list.status, ==, 0);
    g_assert_true (g_str_has_suffix (list.out, "\tdraft\t3\t0\tExists\n"));
    g_assert_cmpuint (strlen (list.out), ==, strchr (list.out, '\n') - list.out + 1);
  }
}

static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = NULL;

  if (chorus_test_skip_without_chorusctl ())
    return;

  create_campaign (f, "Exists", "One", "Two", "Three");
  csv = write_csv (f, "good.csv", "variant,count\n1,20\n2,10\n");

  {
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->workspace.path, "campaign", "analysis", "999",
                               NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_str_has_prefix (run.err, "chorusctl: "));
  }
  {
    g_auto(ChorusTestRun) run = { 0 };

    chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", f->workspace.path, "campaign", "results", "999",
                               "--csv", csv, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_str_has_prefix (run.err, "chorusctl: "));
  }
}

/* In a German locale a person reads German numbers, and a script gets
 * the same JSON as anywhere else. */
static void
test_german (Fixture       *f,
             gconstpointer  data)
{
  static const char * const in_german[] = { "LC_ALL=de_DE.UTF-8", "LANGUAGE=de", NULL };
  g_auto(ChorusTestRun) json = { 0 };
  g_auto(ChorusTestRun) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *id_text = NULL;
  JsonObject *first;

  if (chorus_test_skip_without_chorusctl ())
    return;
  if (!chorus_test_locale_available ("de_DE.UTF-8"))
    {
      g_test_skip ("de_DE.UTF-8 is not generated under $LOCPATH; build-aux/chorus-test makes it");
      return;
    }

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                             create_campaign (f, "Spring slogan", "Tall pines, small fires.", "Leave no trace.",
                                              "Pack it out."));
  csv = write_csv (f, "poll.csv", "variant,count\n1,1460\n2,1390\n3,780\n");
  add_results (f, g_ascii_strtoll (id_text, NULL, 10), csv);

  chorus_test_run_chorusctl (&json, in_german, NULL, "--workspace", f->workspace.path, "campaign", "analysis",
                             id_text, "--format", "json", NULL);
  g_assert_cmpstr (json.err, ==, "");
  g_assert_cmpint (json.status, ==, 0);
  /* "0,402…" would not even parse. */
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                       "variants"), 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "share"), 1460.0 / 3630.0, 1e-9);
  g_assert_cmpint (json_object_get_int_member (first, "count"), ==, 1460);

  chorus_test_run_chorusctl (&text, in_german, NULL, "--workspace", f->workspace.path, "campaign", "analysis",
                             id_text, "--format", "text", NULL);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_cmpint (text.status, ==, 0);
  /* 3,630 votes, 1,460 of them (40.2 %) for the first: German grouping and
   * decimal comma, whether or not a German catalog is installed. */
  g_assert_nonnull (strstr (text.out, "3.630"));
  g_assert_nonnull (strstr (text.out, "1.460"));
  g_assert_nonnull (strstr (text.out, "40,2"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chorus/chorusctl/campaign/poll", Fixture, NULL, fixture_set_up, test_poll, fixture_tear_down);
  g_test_add ("/chorus/chorusctl/campaign/rates", Fixture, NULL, fixture_set_up, test_rates, fixture_tear_down);
  g_test_add ("/chorus/chorusctl/campaign/bad-file", Fixture, NULL, fixture_set_up, test_bad_file,
              fixture_tear_down);
  g_test_add ("/chorus/chorusctl/campaign/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/chorus/chorusctl/campaign/unknown", Fixture, NULL, fixture_set_up, test_unknown,
              fixture_tear_down);
  g_test_add ("/chorus/chorusctl/campaign/german", Fixture, NULL, fixture_set_up, test_german, fixture_tear_down);

  return g_test_run ();
}
