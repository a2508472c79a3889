/* test-crm-import-dialog.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The CRM import dialog on the people workspace of people-workspace.c: it
 * reads a CSV file, guesses the match column, previews whom the first rows
 * go to with the file's totals, follows changes to the mapping (a column
 * ignored leaves the preview, Import waits for one match column, a field
 * renamed), imports, and the person's fields are in the store. A file
 * with bad rows shows its bad lines, and Import stays off. With
 * CHORUS_CRM_SHOTS set to a folder, the dialog is saved there as
 * crm-import-<language>-<light|dark>.png. */

#include "config.h"

#include "chorus-crm-import-dialog.h"
#include "chorus-store-private.h"
#include "chorus-test-window.h"
#include "crm-import-workspace.h"

#define WAIT_MS 10000

typedef struct
{
  ChorusStore           *store;
  char                  *path;
  ChorusCrmImportDialog *dialog;
  char                  *message;   /* "imported" */
  gint64                 import_id;
} Rig;

static gboolean
english (void)
{
  return g_strcmp0 (g_getenv ("CHORUS_TEST_LANGUAGE"), "es") != 0;
}

static gboolean
dialog_idle (gpointer data)
{
  return !chorus_crm_import_dialog_get_busy (data);
}

static void
wait_idle (Rig *rig)
{
  g_assert_true (chorus_test_spin_until (dialog_idle, rig->dialog, WAIT_MS));
}

static void
on_imported_cb (ChorusCrmImportDialog *dialog,
                gint64                 import_id,
                const char            *message,
                Rig                   *rig)
{
  rig->import_id = import_id;
  g_free (rig->message);
  rig->message = g_strdup (message);
}

static void
open_dialog (Rig        *rig,
             const char *csv)
{
  static guint n_files;
  g_autofree char *name = g_strdup_printf ("crm-%u.csv", ++n_files);
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);

  rig->dialog = chorus_crm_import_dialog_new (NULL, rig->store, file);
  g_object_ref (rig->dialog);
  g_signal_connect (rig->dialog, "imported", G_CALLBACK (on_imported_cb), rig);
  gtk_window_present (GTK_WINDOW (rig->dialog));
  wait_idle (rig);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (rig->dialog));
}

static void
rig_set_up (Rig           *rig,
            gconstpointer  data)
{
  static guint n_workspaces;
  g_autofree char *name = g_strdup_printf ("crm-%u.chorus", ++n_workspaces);

  rig->store = test_create_workspace (name, &rig->path);
  chorus_test_seed_crm_workspace (rig->store);
}

static void
rig_tear_down (Rig           *rig,
               gconstpointer  data)
{
  if (rig->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (rig->dialog));
      chorus_test_finalize_object (g_steal_pointer (&rig->dialog));
    }
  chorus_test_finalize_object (g_steal_pointer (&rig->store));
  g_free (rig->message);
  g_free (rig->path);
}

static gpointer
nth_descendant (gpointer widget,
                GType    type,
                guint    n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect_widgets (widget, type, found);
  g_assert_cmpuint (n, <, found->len);
  return g_ptr_array_index (found, n);
}

static GtkWidget *
find_import_button (Rig *rig)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (rig->dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "crm.import") == 0)
        return g_ptr_array_index (buttons, i);
    }

  g_assert_not_reached ();
}

static gboolean
can_import (Rig *rig)
{
  return gtk_widget_is_sensitive (find_import_button (rig));
}

/* Whether the preview's grid shows @text in its heading row. */
static gboolean
preview_has_heading (Rig        *rig,
                     const char *text)
{
  GtkGrid *grid = nth_descendant (rig->dialog, GTK_TYPE_GRID, 0);

  for (int column = 0; gtk_grid_get_child_at (grid, column, 0) != NULL; column++)
    {
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, column, 0))), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
preview_cell (Rig *rig,
              int  column,
              int  row)
{
  GtkGrid *grid = nth_descendant (rig->dialog, GTK_TYPE_GRID, 0);

  return gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, column, row)));
}

static void
choose (Rig    *rig,
        guint   column,
        guint   choice)
{
  gtk_drop_down_set_selected (nth_descendant (rig->dialog, GTK_TYPE_DROP_DOWN, column), choice);
  wait_idle (rig);
}

static void
shoot (Rig        *rig,
       const char *what)
{
  const char *dir = g_getenv ("CHORUS_CRM_SHOTS");
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (dir == NULL)
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *file = g_strdup_printf ("crm-%s-%s-%s.png", what, english () ? "en" : "es",
                                               i == 0 ? "light" : "dark");
      g_autofree char *path = g_build_filename (dir, file, NULL);

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      test_settle (600);
      test_save_screenshot (GTK_WINDOW (rig->dialog), path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
imported (gpointer data)
{
  Rig *rig = data;

  return rig->message != NULL;
}

static void
test_import (Rig           *rig,
             gconstpointer  data)
{
  const ChorusCrmMapping *mapping;
  const ChorusCrmPreview *preview;
  AdwPreferencesGroup *preview_group;
  g_autofree char *plan = NULL;
  g_autofree char *town = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *bo_plan = NULL;

  open_dialog (rig, chorus_test_crm_csv);

  /* "Handle" finds the people; every other column is a field. */
  mapping = chorus_crm_import_dialog_get_mapping (rig->dialog);
  g_assert_nonnull (mapping);
  g_assert_cmpint (chorus_crm_mapping_get_match_column (mapping), ==, 0);
  g_assert_cmpstr (chorus_crm_mapping_get_field (mapping, 3), ==, "Notes");
  g_assert_true (can_import (rig));
  g_assert_null (chorus_crm_import_dialog_get_status (rig->dialog));

  preview = chorus_crm_import_dialog_get_preview (rig->dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->rows->len, ==, 7);
  g_assert_cmpuint (preview->totals.n_matched, ==, 5);
  g_assert_cmpuint (preview->totals.n_unmatched, ==, 1);
  g_assert_cmpuint (preview->totals.n_ambiguous, ==, 1);
  g_assert_cmpstr (preview_cell (rig, 1, 1), ==, "Ana Lima");
  g_assert_cmpstr (preview_cell (rig, 1, 4), ==, "Bo Chen");
  g_assert_cmpstr (preview_cell (rig, 2, 1), ==, "Enterprise");
  g_assert_true (preview_has_heading (rig, "Notes"));
  preview_group = nth_descendant (rig->dialog, ADW_TYPE_PREFERENCES_GROUP, 1);
  if (english ())
    {
      g_assert_cmpstr (adw_preferences_group_get_description (preview_group), ==,
                       "7 rows: 5 match a person, 1 matches nobody, 1 matches more than one person");
      g_assert_cmpstr (preview_cell (rig, 1, 3), ==, "Ambiguous (matches 2 people)");
      g_assert_cmpstr (preview_cell (rig, 1, 7), ==, "No match");
    }
  shoot (rig, "mapping");

  /* Notes ignored: it leaves the preview, whose matches stay. */
  choose (rig, 3, 0);
  g_assert_cmpint (chorus_crm_mapping_get_role (mapping, 3), ==, CHORUS_CRM_COLUMN_IGNORE);
  g_assert_false (preview_has_heading (rig, "Notes"));
  g_assert_true (preview_has_heading (rig, "City"));

  /* No match column: nobody matches, and Import waits. */
  choose (rig, 0, 0);
  g_assert_false (can_import (rig));
  g_assert_nonnull (chorus_crm_import_dialog_get_status (rig->dialog));
  g_assert_cmpuint (chorus_crm_import_dialog_get_preview (rig->dialog)->totals.n_unmatched, ==, 7);
  shoot (rig, "no-match");
  /* Two match columns: Import still waits. */
  choose (rig, 0, 1);
  choose (rig, 1, 1);
  g_assert_false (can_import (rig));
  choose (rig, 1, 2);
  g_assert_true (can_import (rig));
  g_assert_cmpuint (chorus_crm_import_dialog_get_preview (rig->dialog)->totals.n_matched, ==, 5);
  g_assert_null (chorus_crm_import_dialog_get_status (rig->dialog));

  /* City renamed Town. */
  gtk_editable_set_text (nth_descendant (rig->dialog, GTK_TYPE_ENTRY, 2), "Town");
  g_assert_cmpstr (chorus_crm_mapping_get_field (mapping, 2), ==, "Town");
  g_assert_true (preview_has_heading (rig, "Town"));

  gtk_widget_activate_action (GTK_WIDGET (rig->dialog), "crm.import", NULL);
  g_assert_true (chorus_test_spin_until (imported, rig, WAIT_MS));
  g_assert_cmpint (rig->import_id, >, 0);
  g_assert_nonnull (strstr (rig->message, "5"));
  if (english ())
    g_assert_cmpstr (rig->message, ==, "Imported CRM fields from 5 rows");
  /* The dialog closed itself. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rig->dialog)));

  plan = chorus_test_dup_person_field (rig->store, ANA, "Plan");
  town = chorus_test_dup_person_field (rig->store, ANA, "Town");
  notes = chorus_test_dup_person_field (rig->store, ANA, "Notes");
  bo_plan = chorus_test_dup_person_field (rig->store, BO, "Plan");
  g_assert_cmpstr (plan, ==, "Gold");
  g_assert_cmpstr (town, ==, "Porto");
  g_assert_cmpstr (notes, ==, "");
  g_assert_cmpstr (bo_plan, ==, "Free");
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (rig->store),
                                             "SELECT count(*) FROM audit_log WHERE action = 'crm-import'"), ==, 1);
}

static void
test_bad_file (Rig           *rig,
               gconstpointer  data)
{
  const char *status;

  open_dialog (rig, "Handle,Plan\n@ana,Pro\n@bo\n\"open,Free\n");
  status = chorus_crm_import_dialog_get_status (rig->dialog);
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (status, "3"));
  g_assert_nonnull (strstr (status, "4"));
  if (english ())
    {
      g_assert_nonnull (strstr (status, "Line 3 has 1 field, but the header has 2."));
      g_assert_nonnull (strstr (status, "Line 4: a quoted field is never closed."));
    }
  g_assert_null (chorus_crm_import_dialog_get_mapping (rig->dialog));
  g_assert_false (can_import (rig));
  shoot (rig, "error");

  gtk_widget_activate_action (GTK_WIDGET (rig->dialog), "crm.import", NULL);
  test_settle (300);
  g_assert_null (rig->message);
  g_assert_cmpint (chorus_test_db_query_int (_chorus_store_get_db (rig->store), "SELECT count(*) FROM crm_imports"),
                   ==, 0);
}

static void
test_not_utf8 (Rig           *rig,
               gconstpointer  data)
{
  const char *status;

  open_dialog (rig, "Handle,Plan\n@ana,Caf\xe9\n");
  status = chorus_crm_import_dialog_get_status (rig->dialog);
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (status, "UTF-8"));
  g_assert_nonnull (strstr (status, "2"));
  g_assert_false (can_import (rig));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  test_window_init (&argc, &argv);

  g_test_add ("/chorus/crm-import-dialog/import", Rig, NULL, rig_set_up, test_import, rig_tear_down);
  g_test_add ("/chorus/crm-import-dialog/bad-file", Rig, NULL, rig_set_up, test_bad_file, rig_tear_down);
  g_test_add ("/chorus/crm-import-dialog/not-utf8", Rig, NULL, rig_set_up, test_not_utf8, rig_tear_down);

  ret = g_test_run ();
  test_window_finish ();

  return ret;
}
