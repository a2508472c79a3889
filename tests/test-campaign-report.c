/* test-campaign-report.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "chorus-campaign-draft.h"
#include "chorus-campaign-report.h"
#include "chorus-campaign-results.h"
#include "chorus-store-campaigns.h"

#include "chorus-test-util.h"
#include "variant-image-util.h"

/* The one-page PDF report as a reader gets it: written from a campaign in
 * a real workspace, rendered to PNG by poppler's pdftoppm, and read back
 * by tesseract's OCR, which must find the campaign's name and the
 * leading variant's name on the picture; with images, a row of them, on
 * the same one page. */

#define NAME "Harbour Lights Launch"

/* Whether the run is in a real locale (CHORUS_TEST_LOCALE), not only
 * translated. */
static gboolean real_locale;

static ChorusCampaign *
create_campaign (ChorusStore *store)
{
  g_autoptr(ChorusCampaignDraft) draft = chorus_campaign_draft_new (NAME);
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new ("typed");
  g_autoptr(GError) error = NULL;
  ChorusVariantDraft *variant;
  ChorusCampaign *campaign;
  gint64 id;

  variant = chorus_campaign_draft_add_variant (draft, "Light the way home");
  variant->label = g_strdup ("Lanterns");
  variant = chorus_campaign_draft_add_variant (draft, "Every harbour has a story");
  variant->label = g_strdup ("Stories");
  id = chorus_store_create_campaign (store, draft, &error);
  g_assert_no_error (error);

  chorus_campaign_results_add (results, 1, 140, -1, NULL);
  chorus_campaign_results_add (results, 2, 60, -1, NULL);
  chorus_store_add_campaign_results (store, id, results, &error);
  g_assert_no_error (error);

  campaign = chorus_store_load_campaign (store, id, &error);
  g_assert_no_error (error);
  return campaign;
}

/* Writes @campaign's report beside @store's workspace, checks that it is
 * one page, and returns what OCR reads on it, rendered as a reader sees
 * it (150 dpi); with @images, the number of images in it. */
static char *
write_and_read (ChorusStore    *store,
                ChorusCampaign *campaign,
                guint          *images)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (chorus_store_get_path (store));
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autoptr(ChorusAnalysis) analysis = chorus_campaign_analyse (campaign, &error);
  g_autofree char *info = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  char *text;

  g_assert_no_error (error);
  g_assert_nonnull (pdftoppm);
  g_assert_nonnull (tesseract);
  g_assert_true (chorus_campaign_report_write_pdf (campaign, analysis, pdf, &error));
  g_assert_no_error (error);

  /* One page. */
  info = chorus_test_run_program ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));

  /* pdfimages lists a header of two lines, then one line an image. */
  list = chorus_test_run_program ((const char *[]) { "pdfimages", "-list", pdf, NULL });
  lines = g_strsplit (g_strchomp (list), "\n", -1);
  *images = 0;
  for (guint i = 2; lines[0] != NULL && lines[1] != NULL && lines[i] != NULL; i++)
    *images += strstr (lines[i], " image ") != NULL;

  g_free (chorus_test_run_program ((const char *[]) { "pdftoppm", "-png", "-r", "150", "-singlefile", pdf, prefix,
                                                      NULL }));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  text = chorus_test_run_program ((const char *[]) { "tesseract", png, "-", "--psm", "3", NULL });
  g_test_message ("OCR: %s", text);
  return g_strdelimit (text, "\n", ' ');
}

static void
test_pdf_reads_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-report-XXXXXX", &error);
  g_autofree char *workspace = g_build_filename (dir, "Report.chorus", NULL);
  g_autofree char *text = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(ChorusCampaign) campaign = NULL;
  guint images;

  g_assert_no_error (error);
  store = chorus_test_open_store (workspace, CHORUS_STORE_OPEN_CREATE);
  campaign = create_campaign (store);
  text = write_and_read (store, campaign, &images);
  g_assert_nonnull (strstr (text, NAME));
  g_assert_nonnull (strstr (text, "Lanterns"));
  g_assert_cmpuint (images, ==, 0);

  /* In Spain, the report's text (not its picture) writes the leader's
   * share, 140 of 200, and its interval as a Spanish reader does. */
  if (real_locale && g_strcmp0 (g_getenv ("CHORUS_TEST_LANGUAGE"), "es") == 0)
    {
      g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
      g_autofree char *words = chorus_test_run_program ((const char *[]) { "pdftotext", pdf, "-", NULL });

      g_test_message ("Text: %s", words);
      /* pdftotext gives the no-break space as a space. */
      g_assert_nonnull (strstr (words, "70,0 %"));
      g_assert_nonnull (strstr (words, "63,3 % a 75,9 %"));
      g_assert_null (strstr (words, "70.0"));
    }

  g_clear_object (&store);
  chorus_test_remove_tree (dir);
}

/* Six variants, each with an image: a row of thumbnails, one image each,
 * and still one page with every variant's line on it. */
static void
test_pdf_thumbnails (void)
{
  static const char * const bodies[] = {
    "Light the way home, whatever the weather brings tonight", "Every harbour has a story worth telling",
    "The lanterns are lit and the boats are in", "Come down to the water when the lights go on",
    "Six piers, one festival, all of us together", "Bring a friend and a lantern of your own",
    NULL,
  };
  static const char * const alts[] = { "Lanterns", "Boats", "Pier", "Water", "Crowd", "Sixth lantern", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-report-XXXXXX", &error);
  g_autofree char *workspace = g_build_filename (dir, "Report.chorus", NULL);
  g_autofree char *text = NULL;
  g_autoptr(ChorusStore) store = chorus_test_open_store (workspace, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new ("typed");
  g_autoptr(ChorusCampaign) campaign = NULL;
  ChorusMediaInfo *images[7] = { NULL, };
  guint n_images;
  gint64 id;

  for (guint i = 0; i < 6; i++)
    images[i] = variant_image_add_png (store, 200 + 40 * (int) i, 300 - 30 * (int) i, FALSE);
  id = variant_image_create_campaign (store, bodies, images, alts);
  for (guint i = 0; i < 6; i++)
    chorus_campaign_results_add (results, i + 1, 30 + 7 * i, -1, NULL);
  chorus_store_add_campaign_results (store, id, results, &error);
  g_assert_no_error (error);
  campaign = chorus_store_load_campaign (store, id, &error);
  g_assert_no_error (error);

  /* The last variant's line is on the page, under the images. */
  text = write_and_read (store, campaign, &n_images);
  g_assert_cmpuint (n_images, ==, 6);
  g_assert_nonnull (strstr (text, "lantern of your own"));

  for (guint i = 0; i < 6; i++)
    chorus_media_info_free (images[i]);
  g_clear_object (&store);
  chorus_test_remove_tree (dir);
}

/* Where the report cannot be written, it says so and leaves nothing. */
static void
test_pdf_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-report-XXXXXX", &error);
  g_autofree char *workspace = g_build_filename (dir, "Report.chorus", NULL);
  g_autofree char *pdf = g_build_filename (dir, "missing", "report.pdf", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (workspace, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(ChorusCampaign) campaign = create_campaign (store);
  g_autoptr(ChorusAnalysis) analysis = chorus_campaign_analyse (campaign, &error);

  g_assert_no_error (error);
  g_assert_false (chorus_campaign_report_write_pdf (campaign, analysis, pdf, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
  chorus_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  real_locale = chorus_test_use_locale ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CHORUS_LOCALE_DIR") ? g_getenv ("CHORUS_LOCALE_DIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign-report/pdf-reads-back", test_pdf_reads_back);
  g_test_add_func ("/campaign-report/pdf-thumbnails", test_pdf_thumbnails);
  g_test_add_func ("/campaign-report/pdf-unwritable", test_pdf_unwritable);

  return g_test_run ();
}
