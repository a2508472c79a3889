/* test-chorusctl.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "chorus-test-util.h"

/* Runs the built chorusctl as a person or a script would, and checks exit
 * statuses, what goes to stdout and stderr, and what happens to files. */

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
test_help (void)
{
  g_auto(ChorusTestRun) top = { 0 };
  g_auto(ChorusTestRun) command = { 0 };
  g_auto(ChorusTestRun) topic = { 0 };

  if (chorus_test_skip_without_chorusctl ())
    return;

  chorus_test_run_chorusctl (&top, NULL, NULL, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  g_assert_nonnull (strstr (top.out, "--workspace"));
  g_assert_nonnull (strstr (top.out, "sample"));
  g_assert_nonnull (strstr (top.out, "info"));
  g_assert_cmpstr (top.err, ==, "");

  chorus_test_run_chorusctl (&command, NULL, NULL, "sample", "--help", NULL);
  g_assert_cmpint (command.status, ==, 0);
  g_assert_nonnull (strstr (command.out, "--output"));
  g_assert_nonnull (strstr (command.out, "--posts"));

  /* "help COMMAND" is the same text. */
  chorus_test_run_chorusctl (&topic, NULL, NULL, "help", "sample", NULL);
  g_assert_cmpint (topic.status, ==, 0);
  g_assert_cmpstr (topic.out, ==, command.out);
}

static void
assert_usage_error (ChorusTestRun *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "chorusctl: "));
  g_assert_nonnull (strstr (run->err, "--help"));
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_bad_usage (void)
{
  static const char * const cases[][4] = {
    { "frobnicate", NULL },
    { "--bogus", "info", NULL },
    { "sample", NULL },
    { "sample", "--output", "x.chorus", "--bogus" },
    { "sample", "--output", "x.chorus", "extra" },
    { "help", "frobnicate", NULL },
    { "info", NULL },
    { NULL },
  };

  if (chorus_test_skip_without_chorusctl ())
    return;

  for (guint i = 0; cases[i][0] != NULL; i++)
    {
      g_auto(ChorusTestRun) run = { 0 };

      chorus_test_run_chorusctl (&run, NULL, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      assert_usage_error (&run);
    }
}

static void
test_bad_values (ChorusTestTempDir *fixture,
                 gconstpointer      data)
{
  static const char * const cases[][2] = {
    { "--posts", "abc" }, { "--posts", "-5" }, { "--posts", "99999999999" },
    { "--seed", "1.5" }, { "--date", "2026-02-30" }, { "--date", "14/03/2026" },
  };
  g_autofree char *output = g_build_filename (fixture->dir, "never.chorus", NULL);

  if (chorus_test_skip_without_chorusctl ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ChorusTestRun) run = { 0 };

      chorus_test_run_chorusctl (&run, NULL, NULL, "sample", "--output", output, cases[i][0], cases[i][1], NULL);
      assert_usage_error (&run);
      g_assert_nonnull (strstr (run.err, cases[i][1]));
    }

  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_missing_folder (void)
{
  g_auto(ChorusTestRun) run = { 0 };

  if (chorus_test_skip_without_chorusctl ())
    return;

  chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", "/nonexistent-dir/x.chorus", "info", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "chorusctl: "));
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent-dir"));
  g_assert_cmpstr (run.out, ==, "");
}

static gint64
count_after (const char *out,
             const char *label)
{
  const char *line = strstr (out, label);

  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen (label), NULL, 10);
}

static void
test_sample_and_info (ChorusTestTempDir *fixture,
                      gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "tallpine.chorus", NULL);
  g_auto(ChorusTestRun) sample = { 0 };
  g_auto(ChorusTestRun) again = { 0 };
  g_auto(ChorusTestRun) info = { 0 };
  g_autofree char *schema = NULL;

  if (chorus_test_skip_without_chorusctl ())
    return;

  chorus_test_run_chorusctl (&sample, NULL, NULL, "sample", "--output", path, "--posts", "300", "--seed", "7",
                 "--date", "2026-03-14", NULL);
  g_assert_cmpint (sample.status, ==, 0);
  g_assert_cmpuint (count_lines (sample.out), ==, 1);
  g_assert_nonnull (strstr (sample.out, "300 posts"));
  g_assert_cmpstr (sample.err, ==, "");

  /* Writing the sample again over a sample is fine. */
  chorus_test_run_chorusctl (&again, NULL, NULL, "sample", "--output", path, "--posts", "300", NULL);
  g_assert_cmpint (again.status, ==, 0);

  chorus_test_run_chorusctl (&info, NULL, NULL, "--workspace", path, "info", NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "Name: Tallpine Community\n"));
  schema = g_strdup_printf ("Schema version: %u\n", chorus_store_latest_version ());
  g_assert_nonnull (strstr (info.out, schema));
  g_assert_nonnull (strstr (info.out, "Sample: yes\n"));
  g_assert_cmpint (count_after (info.out, "Posts: "), ==, 300);
  g_assert_cmpint (count_after (info.out, "Conversations: "), >, 20);
  g_assert_cmpint (count_after (info.out, "Conversations: "), <=, 300);
  g_assert_cmpint (count_after (info.out, "People: "), >, 10);
  g_assert_cmpint (count_after (info.out, "Campaigns: "), ==, 4);
  g_assert_cmpint (count_after (info.out, "Challenges: "), ==, 2);
  g_assert_cmpint (count_after (info.out, "Submissions: "), >=, 24);
  g_assert_cmpstr (info.err, ==, "");
}

static void
test_creates_workspace (ChorusTestTempDir *fixture,
                        gconstpointer      data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.chorus", NULL);
  g_auto(ChorusTestRun) run = { 0 };

  if (chorus_test_skip_without_chorusctl ())
    return;

  chorus_test_run_chorusctl (&run, NULL, NULL, "--workspace", path, "info", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.out, "Name: new\n"));
  g_assert_cmpint (count_after (run.out, "Posts: "), ==, 0);
  g_assert_nonnull (strstr (run.out, "Sample: no\n"));
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  gsize length;
  g_autofree char *contents = chorus_test_read_file (path, &length);

  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

static void
test_not_a_workspace (ChorusTestTempDir *fixture,
                      gconstpointer      data)
{
  static const char notes[] = "Shopping list:\n- tent pegs\n- stove fuel\n";
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_auto(ChorusTestRun) info = { 0 };
  g_auto(ChorusTestRun) sample = { 0 };
  g_auto(ChorusTestRun) forced = { 0 };

  if (chorus_test_skip_without_chorusctl ())
    return;

  g_assert_true (g_file_set_contents (path, notes, -1, NULL));

  chorus_test_run_chorusctl (&info, NULL, NULL, "--workspace", path, "info", NULL);
  g_assert_cmpint (info.status, ==, 1);
  g_assert_true (g_str_has_prefix (info.err, "chorusctl: "));
  g_assert_cmpuint (count_lines (info.err), ==, 1);
  g_assert_cmpstr (info.out, ==, "");
  assert_file_is (path, notes);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The sample does not overwrite someone's file by accident… */
  chorus_test_run_chorusctl (&sample, NULL, NULL, "sample", "--output", path, "--posts", "100", NULL);
  g_assert_cmpint (sample.status, ==, 1);
  g_assert_cmpuint (count_lines (sample.err), ==, 1);
  g_assert_nonnull (strstr (sample.err, "--force"));
  assert_file_is (path, notes);

  /* …only when told to. */
  chorus_test_run_chorusctl (&forced, NULL, NULL, "sample", "--output", path, "--posts", "100", "--force", NULL);
  g_assert_cmpint (forced.status, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorusctl/help", test_help);
  g_test_add_func ("/chorusctl/bad-usage", test_bad_usage);
  chorus_test_add_in_temp_dir ("/chorusctl/bad-values", test_bad_values);
  g_test_add_func ("/chorusctl/missing-folder", test_missing_folder);
  chorus_test_add_in_temp_dir ("/chorusctl/sample-and-info", test_sample_and_info);
  chorus_test_add_in_temp_dir ("/chorusctl/creates-workspace", test_creates_workspace);
  chorus_test_add_in_temp_dir ("/chorusctl/not-a-workspace", test_not_a_workspace);

  return g_test_run ();
}
