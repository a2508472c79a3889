/* test-campaign-images.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-media-import.h"
#include "chorus-store-campaigns.h"
#include "chorus-test-util.h"
#include "variant-image-util.h"

/* Variant images in a real workspace: saved with the variants' text, by
 * their SHA-256 and type, found again in the media folder, and frozen
 * once the campaign has run, when only their alt text may change. */

static void
set_image (ChorusCampaignDraft   *draft,
           guint                  position,
           const ChorusMediaInfo *image,
           const char            *alt)
{
  ChorusVariantDraft *variant = g_ptr_array_index (draft->variants, position);

  g_free (variant->image_sha256);
  g_free (variant->image_type);
  g_free (variant->image_alt);
  variant->image_sha256 = image != NULL ? g_strdup (image->sha256) : NULL;
  variant->image_type = image != NULL ? g_strdup (image->mime_type) : NULL;
  variant->image_alt = g_strdup (alt);
}

/* "sha256 type alt" of the variant at @position, or "" without an image;
 * its path is the media folder's file. */
static char *
dup_image (ChorusStore *store,
           gint64       id,
           guint        position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCampaign) campaign = chorus_store_load_campaign (store, id, &error);
  g_autoptr(ChorusVariant) variant = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  variant = g_list_model_get_item (chorus_campaign_get_variants (campaign), position);

  if (chorus_variant_get_image_sha256 (variant) == NULL)
    {
      g_assert_null (chorus_variant_get_image_path (variant));
      return g_strdup ("");
    }

  path = chorus_media_dup_path (store, chorus_variant_get_image_sha256 (variant),
                                chorus_variant_get_image_type (variant));
  g_assert_cmpstr (chorus_variant_get_image_path (variant), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_strdup_printf ("%s %s %s", chorus_variant_get_image_sha256 (variant),
                          chorus_variant_get_image_type (variant), chorus_variant_get_image_alt (variant));
}

static void
assert_image (ChorusStore           *store,
              gint64                 id,
              guint                  position,
              const ChorusMediaInfo *image,
              const char            *alt)
{
  g_autofree char *found = dup_image (store, id, position);
  g_autofree char *expected = image != NULL ? g_strdup_printf ("%s image/png %s", image->sha256, alt) : g_strdup ("");

  g_assert_cmpstr (found, ==, expected);
}

/* A variant's image is saved with its text; once the campaign has run,
 * the image stays as the community saw it, and only its alt text can
 * change. */
static void
test_images (ChorusTestTempDir *fixture,
             gconstpointer      data)
{
  static const char * const texts[] = { "Tall pines, small fires.", "Leave no trace.", "Pack it in, pack it out." };
  g_autofree char *path = g_build_filename (fixture->dir, "campaigns.chorus", NULL);
  g_autoptr(ChorusStore) store = chorus_test_open_store (path, CHORUS_STORE_OPEN_CREATE);
  g_autoptr(ChorusMediaInfo) dusk = variant_image_add_png (store, 4, 3, FALSE);
  g_autoptr(ChorusMediaInfo) dawn = variant_image_add_png (store, 3, 4, FALSE);
  g_autoptr(ChorusCampaignDraft) draft = chorus_campaign_draft_new ("Poster");
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new ("typed");
  g_autoptr(GError) error = NULL;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    chorus_campaign_draft_add_variant (draft, texts[i]);
  set_image (draft, 1, dusk, "Pines at dusk");
  id = chorus_store_create_campaign (store, draft, &error);
  g_assert_no_error (error);
  assert_image (store, id, 0, NULL, NULL);
  assert_image (store, id, 1, dusk, "Pines at dusk");

  /* Before any run, images come and go like text. */
  set_image (draft, 1, dawn, "Pines at dawn");
  set_image (draft, 2, dusk, "Pines at dusk");
  g_assert_true (chorus_store_edit_campaign (store, id, draft, &error));
  g_assert_no_error (error);
  assert_image (store, id, 1, dawn, "Pines at dawn");
  assert_image (store, id, 2, dusk, "Pines at dusk");

  /* Once results exist: no other image, and none taken away. */
  chorus_campaign_results_add (results, 1, 3, -1, NULL);
  chorus_campaign_results_add (results, 2, 5, -1, NULL);
  g_assert_cmpint (chorus_store_add_campaign_results (store, id, results, &error), >, 0);
  g_assert_no_error (error);
  set_image (draft, 1, dusk, "Pines at dawn");
  g_assert_false (chorus_store_edit_campaign (store, id, draft, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  set_image (draft, 1, NULL, NULL);
  g_assert_false (chorus_store_edit_campaign (store, id, draft, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  assert_image (store, id, 1, dawn, "Pines at dawn");

  /* Its alt text can still be made better. */
  set_image (draft, 1, dawn, "Five pines on a ridge at dawn, mist below");
  g_assert_true (chorus_store_edit_campaign (store, id, draft, &error));
  g_assert_no_error (error);
  assert_image (store, id, 1, dawn, "Five pines on a ridge at dawn, mist below");
  assert_image (store, id, 2, dusk, "Pines at dusk");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  chorus_test_add_in_temp_dir ("/chorus/campaign-images/save-and-freeze", test_images);

  return g_test_run ();
}
