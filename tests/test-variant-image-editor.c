/* test-variant-image-editor.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-campaign-editor.h"
#include "chorus-campaign-page.h"
#include "chorus-campaign-results.h"
#include "chorus-store-campaigns.h"
#include "chorus-variant-image.h"
#include "variant-image-util.h"

#include "chorus-test-window.h"

/* The campaign editor with images, driven as its "Add Image…" does once a
 * file is chosen (chorus_variant_image_add_file(), not the native file
 * chooser): the image is added in a worker and shown; a file that is not
 * an image is refused in words; Save waits for alt text, and says so;
 * what is saved is the image with its alt text. Once the campaign has
 * run, the image cannot be changed or removed, but its alt text can.
 * The campaign's page shows each image with its alt text as the
 * picture's description.
 * With CHORUS_CAMPAIGN_SHOTS set, the editor is saved there as PNGs. */

typedef struct
{
  ChorusStore *store;
  char        *path;
  gint64       saved;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_get_application ();
  f->store = test_create_workspace ("images.chorus", &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *media = chorus_store_dup_media_dir (f->store);

  chorus_test_finalize_object (g_steal_pointer (&f->store));
  chorus_test_unlink_workspace (f->path);
  chorus_test_remove_tree (media);
  g_free (f->path);
}

static gpointer
first_of (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = test_collect (root, type);

  g_assert_cmpuint (found->len, >, 0);
  return found->pdata[0];
}

/* Whether a label showing @text is on screen in @root. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = test_collect (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), text) == 0 && gtk_widget_is_visible (labels->pdata[i]))
      return TRUE;

  return FALSE;
}

static gboolean
is_idle (gpointer data)
{
  return !chorus_variant_image_get_busy (data);
}

static void
add_file (ChorusVariantImage *image,
          const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  chorus_variant_image_add_file (image, file);
  g_assert_true (chorus_variant_image_get_busy (image));
  g_assert_true (chorus_test_spin_until (is_idle, image, CHORUS_TEST_WAIT_MS));
}

static void
on_saved_cb (ChorusCampaignEditor *editor,
             gint64                id,
             gpointer              user_data)
{
  ((Fixture *) user_data)->saved = id;
}

static gboolean
was_saved (gpointer data)
{
  return ((Fixture *) data)->saved != 0;
}

static ChorusCampaignEditor *
open_editor (Fixture        *f,
             ChorusCampaign *campaign)
{
  ChorusCampaignEditor *editor = chorus_campaign_editor_new (NULL, f->store, campaign);

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (editor), 1000, 760);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  return editor;
}

static void
shoot (GtkWindow  *window,
       const char *what)
{
  const char *dir = g_getenv ("CHORUS_CAMPAIGN_SHOTS");
  const char *language = g_str_has_prefix (_("Name"), "Name") ? "en" : "es";
  g_autofree char *file = g_strdup_printf ("variant-image-%s-%s.png", what, language);
  g_autofree char *path = NULL;
  GtkAdjustment *adjustment;

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, file, NULL);
  test_settle (400);
  /* Down to the variants, where the images are. */
  adjustment = gtk_scrolled_window_get_vadjustment (first_of (GTK_WIDGET (window), GTK_TYPE_SCROLLED_WINDOW));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  test_settle (200);
  test_save_screenshot (window, path);
}

static void
save (Fixture              *f,
      ChorusCampaignEditor *editor)
{
  GtkWidget *button = test_find_button (GTK_WIDGET (editor), _("_Save"));

  f->saved = 0;
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_ref (editor);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (chorus_test_spin_until (was_saved, f, CHORUS_TEST_WAIT_MS));
  chorus_test_finalize_object (editor);
}

static ChorusCampaign *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  ChorusCampaign *campaign = chorus_store_load_campaign (f->store, id, &error);

  g_assert_no_error (error);
  return campaign;
}

/* A new campaign: an image is added, refused, described, and saved. */
static void
test_add_image (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *poster = variant_image_write_png (test_dir, "poster.png", 320, 200, FALSE);
  g_autofree char *notes = g_build_filename (test_dir, "notes.png", NULL);
  g_autofree char *hint = NULL;
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(ChorusVariant) variant = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  ChorusCampaignEditor *editor = open_editor (f, NULL);
  GtkWidget *save_button = test_find_button (GTK_WIDGET (editor), _("_Save"));
  GtkPicture *picture;
  GtkEditable *alt;

  images = test_collect (GTK_WIDGET (editor), CHORUS_TYPE_VARIANT_IMAGE);
  g_assert_cmpuint (images->len, ==, 2);
  g_assert_nonnull (test_find_button (images->pdata[0], _("Add _Image…")));
  g_assert_true (gtk_widget_is_visible (test_find_button (images->pdata[0], _("Add _Image…"))));

  views = test_collect (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), "Dawn on the ridge.", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[1]), "Dusk in the valley.", -1);
  entries = test_collect (GTK_WIDGET (editor), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Trail poster");
  g_assert_true (gtk_widget_is_sensitive (save_button));

  /* Not an image, whatever its name: refused, in words, nothing kept. */
  g_assert_true (g_file_set_contents (notes, "Call the printer on Monday.\n", -1, NULL));
  add_file (images->pdata[1], notes);
  g_assert_null (chorus_variant_image_get_sha256 (images->pdata[1]));
  {
    g_autofree char *refusal = g_strdup_printf (_("“%s” is named like an image, but what it holds is not a JPEG, PNG, "
                                                  "GIF or WebP image."), "notes.png");

    g_assert_cmpstr (chorus_variant_image_get_error (images->pdata[1]), ==, refusal);
  }
  g_assert_true (shows_label (images->pdata[1], chorus_variant_image_get_error (images->pdata[1])));

  /* A real image: shown, and Save waits for its alt text, saying why. */
  add_file (images->pdata[0], poster);
  g_assert_nonnull (chorus_variant_image_get_sha256 (images->pdata[0]));
  g_assert_cmpstr (chorus_variant_image_get_mime_type (images->pdata[0]), ==, "image/png");
  g_assert_true (chorus_variant_image_get_needs_alt_text (images->pdata[0]));
  g_assert_false (gtk_widget_is_visible (test_find_button (images->pdata[0], _("Add _Image…"))));
  g_assert_true (gtk_widget_is_visible (test_find_button (images->pdata[0], _("_Remove Image"))));
  g_assert_false (gtk_widget_is_sensitive (save_button));
  hint = g_strdup_printf (_("Variant %s has an image without alt text. Describe what the image shows, so that "
                            "everyone can follow the post, then save."), "A");
  g_assert_true (shows_label (GTK_WIDGET (editor), hint));
  picture = first_of (images->pdata[0], GTK_TYPE_PICTURE);
  test_settle (300);
  g_assert_nonnull (gtk_picture_get_paintable (picture));
  shoot (GTK_WINDOW (editor), "needs-alt");

  /* Described: Save can go. */
  alt = first_of (images->pdata[0], GTK_TYPE_ENTRY);
  gtk_editable_set_text (alt, "  A runner on a ridge at dawn  ");
  g_assert_false (chorus_variant_image_get_needs_alt_text (images->pdata[0]));
  g_assert_true (gtk_widget_is_sensitive (save_button));
  g_assert_false (shows_label (GTK_WIDGET (editor), hint));
  g_assert_cmpstr (gtk_picture_get_alternative_text (picture), ==, "A runner on a ridge at dawn");
  shoot (GTK_WINDOW (editor), "with-alt");

  save (f, editor);
  campaign = load (f, f->saved);
  variant = g_list_model_get_item (chorus_campaign_get_variants (campaign), 0);
  g_assert_cmpstr (chorus_variant_get_image_type (variant), ==, "image/png");
  g_assert_cmpstr (chorus_variant_get_image_alt (variant), ==, "A runner on a ridge at dawn");
  g_assert_true (g_file_test (chorus_variant_get_image_path (variant), G_FILE_TEST_IS_REGULAR));
  g_clear_object (&variant);
  variant = g_list_model_get_item (chorus_campaign_get_variants (campaign), 1);
  g_assert_null (chorus_variant_get_image_sha256 (variant));
}

/* Removing the image takes its alt text with it; Save no longer waits. */
static void
test_remove_image (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const bodies[] = { "Dawn on the ridge.", "Dusk in the valley.", NULL };
  static const char * const alts[] = { "A runner at dawn", NULL };
  g_autoptr(ChorusMediaInfo) image = variant_image_add_png (f->store, 80, 60, FALSE);
  ChorusMediaInfo *images[] = { image, NULL };
  gint64 id = variant_image_create_campaign (f->store, bodies, images, alts);
  g_autoptr(ChorusCampaign) campaign = load (f, id);
  g_autoptr(ChorusCampaign) saved = NULL;
  g_autoptr(ChorusVariant) variant = NULL;
  g_autoptr(GPtrArray) images_shown = NULL;
  ChorusCampaignEditor *editor = open_editor (f, campaign);

  images_shown = test_collect (GTK_WIDGET (editor), CHORUS_TYPE_VARIANT_IMAGE);
  g_assert_cmpstr (chorus_variant_image_get_sha256 (images_shown->pdata[0]), ==, image->sha256);
  g_signal_emit_by_name (test_find_button (images_shown->pdata[0], _("_Remove Image")), "clicked");
  g_assert_null (chorus_variant_image_get_sha256 (images_shown->pdata[0]));
  g_assert_true (gtk_widget_is_visible (test_find_button (images_shown->pdata[0], _("Add _Image…"))));

  save (f, editor);
  saved = load (f, id);
  variant = g_list_model_get_item (chorus_campaign_get_variants (saved), 0);
  g_assert_null (chorus_variant_get_image_sha256 (variant));
  g_assert_null (chorus_variant_get_image_alt (variant));
}

/* Once the campaign has run, the image stays; its alt text can change. */
static void
test_frozen (Fixture       *f,
             gconstpointer  data)
{
  static const char * const bodies[] = { "Dawn on the ridge.", "Dusk in the valley.", NULL };
  static const char * const alts[] = { "A runner at dawn", NULL };
  g_autoptr(ChorusMediaInfo) image = variant_image_add_png (f->store, 300, 180, FALSE);
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new ("typed");
  g_autoptr(GError) error = NULL;
  ChorusMediaInfo *images[] = { image, NULL };
  gint64 id = variant_image_create_campaign (f->store, bodies, images, alts);
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(ChorusCampaign) saved = NULL;
  g_autoptr(ChorusVariant) variant = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  ChorusCampaignEditor *editor;
  GtkEditable *alt;

  chorus_campaign_results_add (results, 1, 4, -1, NULL);
  chorus_campaign_results_add (results, 2, 9, -1, NULL);
  g_assert_cmpint (chorus_store_add_campaign_results (f->store, id, results, &error), >, 0);
  g_assert_no_error (error);
  campaign = load (f, id);
  editor = open_editor (f, campaign);

  g_assert_true (shows_label (GTK_WIDGET (editor),
                              _("These variants have been put to the community, so their texts, images and links "
                                "stay as they were tested. Their names and the images’ alt text can still change.")));
  shown = test_collect (GTK_WIDGET (editor), CHORUS_TYPE_VARIANT_IMAGE);
  g_assert_false (gtk_widget_is_visible (test_find_button (shown->pdata[0], _("_Remove Image"))));
  g_assert_false (gtk_widget_is_visible (test_find_button (shown->pdata[1], _("Add _Image…"))));
  test_settle (300);
  shoot (GTK_WINDOW (editor), "frozen");

  /* Emptied, the alt text holds Save back; better words are saved. */
  alt = first_of (shown->pdata[0], GTK_TYPE_ENTRY);
  g_assert_true (gtk_editable_get_editable (alt));
  gtk_editable_set_text (alt, "");
  g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (editor), _("_Save"))));
  gtk_editable_set_text (alt, "A runner on a ridge at dawn, mist in the valley");
  save (f, editor);

  saved = load (f, id);
  variant = g_list_model_get_item (chorus_campaign_get_variants (saved), 0);
  g_assert_cmpstr (chorus_variant_get_image_sha256 (variant), ==, image->sha256);
  g_assert_cmpstr (chorus_variant_get_image_alt (variant), ==, "A runner on a ridge at dawn, mist in the valley");
}

/* The picture in @root described as @alt, once it shows its image. */
static gboolean
finds_thumbnail (GtkWidget  *root,
                 const char *alt)
{
  g_autoptr(GPtrArray) pictures = test_collect (root, GTK_TYPE_PICTURE);

  for (guint i = 0; i < pictures->len; i++)
    if (g_strcmp0 (gtk_picture_get_alternative_text (pictures->pdata[i]), alt) == 0 &&
        gtk_picture_get_paintable (pictures->pdata[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
page_shows_thumbnail (gpointer data)
{
  return finds_thumbnail (data, "A runner on a ridge at dawn");
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  static const char * const bodies[] = { "Dawn on the ridge.", "Dusk in the valley.", NULL };
  static const char * const alts[] = { "A runner on a ridge at dawn", NULL };
  g_autoptr(ChorusMediaInfo) image = variant_image_add_png (f->store, 320, 200, FALSE);
  ChorusMediaInfo *images[] = { image, NULL };
  gint64 id = variant_image_create_campaign (f->store, bodies, images, alts);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (CHORUS_TYPE_CAMPAIGN_PAGE, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_set_child (GTK_WINDOW (window), page);
  chorus_campaign_page_set_store (CHORUS_CAMPAIGN_PAGE (page), f->store);
  chorus_campaign_page_show (CHORUS_CAMPAIGN_PAGE (page), id);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (chorus_test_spin_until (page_shows_thumbnail, page, CHORUS_TEST_WAIT_MS));
  g_assert_false (finds_thumbnail (page, NULL));
  shoot (GTK_WINDOW (window), "page");

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  chorus_test_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_window_init (&argc, &argv);

  g_test_add ("/chorus/variant-image-editor/add", Fixture, NULL, fixture_set_up, test_add_image, fixture_tear_down);
  g_test_add ("/chorus/variant-image-editor/remove", Fixture, NULL, fixture_set_up, test_remove_image,
              fixture_tear_down);
  g_test_add ("/chorus/variant-image-editor/frozen", Fixture, NULL, fixture_set_up, test_frozen,
              fixture_tear_down);
  g_test_add ("/chorus/variant-image-editor/page", Fixture, NULL, fixture_set_up, test_page, fixture_tear_down);

  status = g_test_run ();
  test_window_finish ();
  return status;
}
