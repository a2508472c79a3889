/* test-chorusctl-challenge.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* chorusctl challenge list / export, as scripts use them: the exact
 * output on a workspace whose ranking is worked out by hand
 * (challenge-workspace.c), CSV and JSON giving the same ranking, exit
 * statuses and messages for bad input, and the sample workspace's
 * challenges exported whole. */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "challenge-workspace.h"
#include "chorus-store-private.h"
#include "chorus-test-util.h"

static const char * const fields[] = {
  "rank", "submission_id", "title", "author", "image_sha256", "image_path", "votes_counted",
  "votes_excluded", "mean_score", "bayesian_average", "jury_score", "combined_score", "flags",
};

typedef struct
{
  ChorusTestWorkspace  workspace;
  const char * const  *environment;
} Fixture;

/* The runs in a German locale, where printf() would write 4,5: what
 * chorusctl prints for programs is the same in every locale. */
static const char * const in_german[] = { "LC_ALL=de_DE.UTF-8", "LANGUAGE=de", NULL };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ChorusStore *store;

  f->environment = data;

  chorus_test_workspace_init (&f->workspace, "challenges.chorus");
  store = chorus_test_open_store (f->workspace.path, CHORUS_STORE_OPEN_CREATE);
  chorus_test_seed_challenge_workspace (_chorus_store_get_db (store));
  chorus_test_finalize_object (store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  chorus_test_workspace_remove_all (&f->workspace);
}

/* Whether the fixture's locale is missing, in which case the test is
 * skipped. */
static gboolean
skip_without_locale (Fixture *f)
{
  if (f->environment == NULL || chorus_test_locale_available ("de_DE.UTF-8"))
    return FALSE;

  g_test_skip ("de_DE.UTF-8 is not generated under $LOCPATH; build-aux/chorus-test makes it");
  return TRUE;
}

static void
run_ok (ChorusTestRun *run,
        Fixture       *f,
        const char    *workspace,
        const char    *first,
        ...) G_GNUC_NULL_TERMINATED;

/* Runs "chorusctl --workspace WORKSPACE challenge FIRST …" in the
 * fixture's environment, which must succeed without a word on stderr. */
static void
run_ok (ChorusTestRun *run,
        Fixture       *f,
        const char    *workspace,
        const char    *first,
        ...)
{
  const char *argv[8] = { "--workspace", workspace, "challenge", first };
  guint n = 4;
  va_list args;

  va_start (args, first);
  for (const char *arg; (arg = va_arg (args, const char *)) != NULL;)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (argv) - 1);
      argv[n++] = arg;
    }
  va_end (args);

  chorus_test_run_chorusctl (run, f->environment, NULL, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6], NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_auto(ChorusTestRun) run = { 0 };

  if (skip_without_locale (f))
    return;

  run_ok (&run, f, f->workspace.path, "list", NULL);
  /* The latest voting deadline first; rejected entries are not counted. */
  g_assert_cmpstr (run.out, ==,
                   "2\tupcoming\t2099-01-01T00:00:00Z\t2099-01-11T00:00:00Z\t2099-01-12T00:00:00Z"
                   "\t2099-01-22T00:00:00Z\t1\tMugArt\tMug Art\n"
                   "1\tclosed\t2020-01-01T00:00:00Z\t2020-01-11T00:00:00Z\t2020-01-12T00:00:00Z"
                   "\t2020-01-21T00:00:00Z\t3\tSummitTee\tSummit Tee\n");
}

static char *
media_path (Fixture    *f,
            int         n,
            const char *extension)
{
  g_autofree char *sha = g_strdup_printf ("%064d", n);
  g_autofree char *prefix = g_strndup (sha, 2);
  g_autofree char *file = g_strconcat (sha, ".", extension, NULL);
  g_autofree char *dir = g_strconcat (f->workspace.path, "-media", NULL);

  return g_build_filename (dir, prefix, file, NULL);
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(ChorusTestRun) run = { 0 };
  g_auto(ChorusTestRun) by_default = { 0 };
  g_autofree char *path_1 = media_path (f, 1, "png");
  g_autofree char *path_2 = media_path (f, 2, "jpg");
  g_autofree char *path_4 = media_path (f, 4, "png");
  g_autofree char *expected = NULL;

  if (skip_without_locale (f))
    return;

  /* Formula-like cells (the handles' "@", "=Formula") are written as text
   * behind a quote mark; the title with a comma and quotes is quoted. */
  expected = g_strdup_printf ("rank,submission_id,title,author,image_sha256,image_path,votes_counted,"
                              "votes_excluded,mean_score,bayesian_average,jury_score,combined_score,flags\r\n"
                              "1,1,Pine Ridge,\"'@dee@social.example\",%064d,%s,4,1,4.500000,4.181818,0.710000,"
                              "0.773182,self_vote\r\n"
                              "2,2,\"Night Trail, \"\"Redux\"\"\",\"'@eve.bsky.social\",%064d,%s,3,0,3.333333,"
                              "3.500000,0.610000,0.655000,\r\n"
                              "3,4,\"'=Formula\",,%064d,%s,0,0,,3.800000,,,no_jury_score;pending\r\n",
                              1, path_1, 2, path_2, 4, path_4);

  run_ok (&run, f, f->workspace.path, "export", "1", "--format", "csv", NULL);
  g_assert_cmpstr (run.out, ==, expected);
  run_ok (&by_default, f, f->workspace.path, "export", "1", NULL);
  g_assert_cmpstr (by_default.out, ==, expected);
}

static JsonObject *
export_json (Fixture    *f,
             const char *workspace,
             const char *id)
{
  g_auto(ChorusTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  run_ok (&run, f, workspace, "export", id, "--format", "json", NULL);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

/* Every entry has exactly the fields, in order. */
static void
assert_fields (JsonObject *entry)
{
  g_autoptr(GList) members = json_object_get_members (entry);
  guint i = 0;

  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (fields));
      g_assert_cmpstr (l->data, ==, fields[i]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (fields));
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *path_2 = media_path (f, 2, "jpg");
  JsonObject *challenge, *first, *second, *third;
  JsonArray *entries, *flags;

  if (skip_without_locale (f))
    return;

  root = export_json (f, f->workspace.path, "1");
  challenge = json_object_get_object_member (root, "challenge");
  entries = json_object_get_array_member (root, "entries");

  g_assert_cmpint (json_object_get_int_member (challenge, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (challenge, "title"), ==, "Summit Tee");
  g_assert_cmpstr (json_object_get_string_member (challenge, "scale"), ==, "score5");
  g_assert_cmpint (json_object_get_int_member (challenge, "voters"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (challenge, "jurors"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (challenge, "prior_mean"), 3.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (challenge, "jury_agreement"),
                                  1 - (9.76 / 4) / (27.52 / 12), 1e-12);

  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_fields (json_array_get_object_element (entries, i));

  first = json_array_get_object_element (entries, 0);
  g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "submission_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "author"), ==, "@dee@social.example");
  g_assert_cmpint (json_object_get_int_member (first, "votes_counted"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (first, "votes_excluded"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "bayesian_average"), 46.0 / 11, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "combined_score"),
                                  0.5 * 46.0 / 55 + 0.5 * 0.71, 1e-12);
  flags = json_object_get_array_member (first, "flags");
  g_assert_cmpuint (json_array_get_length (flags), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (flags, 0), ==, "self_vote");

  second = json_array_get_object_element (entries, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "title"), ==, "Night Trail, \"Redux\"");
  g_assert_cmpstr (json_object_get_string_member (second, "image_path"), ==, path_2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (second, "mean_score"), 10.0 / 3, 1e-12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (second, "flags")), ==, 0);

  /* What cannot be computed is null, never 0. */
  third = json_array_get_object_element (entries, 2);
  g_assert_cmpint (json_object_get_int_member (third, "submission_id"), ==, 4);
  g_assert_true (json_object_get_null_member (third, "author"));
  g_assert_true (json_object_get_null_member (third, "mean_score"));
  g_assert_true (json_object_get_null_member (third, "jury_score"));
  g_assert_true (json_object_get_null_member (third, "combined_score"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (third, "bayesian_average"), 3.8, 1e-12);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *args[3];
    int         status;
    const char *message;
  } cases[] = {
    { { "export", "42", NULL }, 1, "chorusctl: There is no challenge with the id 42.\n" },
    { { "export", "x", NULL }, 2, "chorusctl: “x” is not a challenge’s id.\n" },
    { { "export", "0", NULL }, 2, "chorusctl: “0” is not a challenge’s id.\n" },
    { { "export", "1", "--format=xml" }, 2, "chorusctl: The format is csv or json.\n" },
    { { "frob", NULL, NULL }, 2, "chorusctl: Say what to do: list, or export ID.\n" },
    { { "export", NULL, NULL }, 2, "chorusctl: Say what to do: list, or export ID.\n" },
    { { "list", "1", NULL }, 2, "chorusctl: Say what to do: list, or export ID.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ChorusTestRun) run = { 0 };

      chorus_test_run_chorusctl (&run, (const char * const[]) { "LANG=C.UTF-8", "LC_ALL=C.UTF-8", NULL }, NULL,
                                 "--workspace", f->workspace.path, "challenge", cases[i].args[0],
                                 cases[i].args[1], cases[i].args[2], NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, cases[i].message));
      if (cases[i].status == 2)
        g_assert_nonnull (strstr (run.err, "chorusctl challenge --help"));
    }
}

/* The sample workspace's challenges: CSV and JSON list the same entries in
 * the same order, as many as "list" counts. */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_auto(ChorusTestRun) sample = { 0 };
  g_auto(ChorusTestRun) list = { 0 };
  g_autofree char *path = g_build_filename (f->workspace.dir, "sample.chorus", NULL);
  g_auto(GStrv) lines = NULL;

  chorus_test_run_chorusctl (&sample, NULL, NULL, "sample", "--output", path, "--posts", "300", "--seed", "7", NULL);
  g_assert_cmpint (sample.status, ==, 0);

  run_ok (&list, f, path, "list", NULL);
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(ChorusTestRun) csv = { 0 };
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      g_auto(GStrv) rows = NULL;
      g_autoptr(JsonObject) root = NULL;
      JsonArray *entries;
      guint n = (guint) g_ascii_strtoull (columns[6], NULL, 10);

      g_assert_cmpuint (g_strv_length (columns), ==, 9);
      g_assert_cmpuint (n, >, 10);
      run_ok (&csv, f, path, "export", columns[0], NULL);
      rows = g_strsplit (csv.out, "\r\n", -1);
      /* The header, n rows, and nothing after the last line break. */
      g_assert_cmpuint (g_strv_length (rows), ==, n + 2);
      g_assert_cmpstr (rows[n + 1], ==, "");

      root = export_json (f, path, columns[0]);
      entries = json_object_get_array_member (root, "entries");
      g_assert_cmpuint (json_array_get_length (entries), ==, n);
      for (guint r = 0; r < n; r++)
        {
          JsonObject *entry = json_array_get_object_element (entries, r);
          g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",",
                                                    json_object_get_int_member (entry, "rank"),
                                                    json_object_get_int_member (entry, "submission_id"));

          assert_fields (entry);
          g_assert_true (g_str_has_prefix (rows[r + 1], start));
          g_assert_true (g_file_test (json_object_get_string_member (entry, "image_path"), G_FILE_TEST_IS_REGULAR));
          if (r > 0)
            g_assert_cmpint (json_object_get_int_member (entry, "rank"), >=,
                             json_object_get_int_member (json_array_get_object_element (entries, r - 1), "rank"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (chorus_test_skip_without_chorusctl ())
    return g_test_run ();

#define ADD(path, func) g_test_add ("/chorus/chorusctl/challenge/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("list", test_list);
  ADD ("export-csv", test_export_csv);
  ADD ("export-json", test_export_json);
  ADD ("errors", test_errors);
  ADD ("sample", test_sample);
#undef ADD
#define ADD(path, func) g_test_add ("/chorus/chorusctl/challenge/" path "/de_DE", Fixture, in_german, fixture_set_up, \
                                    func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("export-csv", test_export_csv);
  ADD ("export-json", test_export_json);
#undef ADD

  return g_test_run ();
}
