/* chorus-crm-import-dialog.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-crm-import-dialog.h"
#include "chorus-format.h"
#include "chorus-store-crm.h"

/* Imports people's CRM fields from a CSV file. The file is read in a
 * worker; each of its columns gets a row with a sample value and what to
 * do with it (ignore it, find the people by it, or keep it as a field,
 * named by its header unless renamed), guessed from the headers. The
 * preview below shows whom the first rows would go to and the file's
 * totals, and is made again in a worker whenever the match column
 * changes. Import is offered once the mapping can run; it writes in a
 * worker, then the dialog announces the import ("imported") and closes. A
 * file that cannot be read shows why, with the bad lines, and nothing is
 * imported. */

typedef enum
{
  CHOICE_IGNORE,
  CHOICE_MATCH,
  CHOICE_FIELD,
} Choice;

struct _ChorusCrmImportDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkLabel            *status_label;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *preview_group;
  GtkGrid             *preview_grid;

  ChorusStore         *store;
  ChorusCsvTable      *table;
  ChorusCrmMapping    *mapping;
  ChorusCrmPreview    *preview;
  GPtrArray           *name_entries;        /* GtkEntry, one per column */
  GCancellable        *cancellable;         /* reading and importing */
  GCancellable        *preview_cancellable; /* the preview under way */
  int                  preview_match;       /* the match column of the preview shown or coming */
  guint                busy;
  gboolean             importing;
};

G_DEFINE_FINAL_TYPE (ChorusCrmImportDialog, chorus_crm_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const ChorusCrmColumnRole roles[] = {
  [CHOICE_IGNORE] = CHORUS_CRM_COLUMN_IGNORE,
  [CHOICE_MATCH] = CHORUS_CRM_COLUMN_MATCH,
  [CHOICE_FIELD] = CHORUS_CRM_COLUMN_FIELD,
};

static void
show_status (ChorusCrmImportDialog *self,
             const char            *text,
             gboolean               is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
    }
}

/* Import is offered when the mapping can run; otherwise the status says
 * what is missing. */
static void
update_import (ChorusCrmImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ready = self->mapping != NULL && !self->importing &&
                   chorus_crm_mapping_check (self->mapping, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "crm.import", ready);
  if (self->mapping != NULL && !self->importing)
    show_status (self, error != NULL ? error->message : NULL, FALSE);
}

/* Person names and "Ambiguous (…)" get more room than field values. */
#define MATCH_WIDTH_CHARS 36
#define VALUE_WIDTH_CHARS 24

static GtkWidget *
new_cell (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), VALUE_WIDTH_CHARS);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_preview_row (ChorusCrmImportDialog     *self,
                 const ChorusCrmPreviewRow *row,
                 int                        top)
{
  const ChorusCsvRow *csv_row = chorus_csv_table_get_row (self->table, row->index);
  g_autofree char *line = g_strdup_printf ("%u", row->line);
  g_autofree char *whom = chorus_crm_preview_row_dup_match (row);
  GtkWidget *cell;
  int left = 2;

  gtk_grid_attach (self->preview_grid, new_cell (line, "dim-label"), 0, top, 1, 1);
  cell = new_cell (whom, row->match == CHORUS_CRM_MATCH_ONE ? NULL
                        : row->match == CHORUS_CRM_MATCH_AMBIGUOUS ? "warning" : "dim-label");
  gtk_label_set_max_width_chars (GTK_LABEL (cell), MATCH_WIDTH_CHARS);
  gtk_grid_attach (self->preview_grid, cell, 1, top, 1, 1);

  for (guint c = 0; c < chorus_crm_mapping_get_n_columns (self->mapping); c++)
    {
      if (chorus_crm_mapping_get_role (self->mapping, c) == CHORUS_CRM_COLUMN_FIELD)
        gtk_grid_attach (self->preview_grid, new_cell (csv_row->fields[c], NULL), left++, top, 1, 1);
    }
}

/* The first rows: their line, whom they match, and the fields they fill. */
static void
fill_preview (ChorusCrmImportDialog *self)
{
  g_autofree char *totals = NULL;
  int left = 2;

  clear_grid (self->preview_grid);
  if (self->preview == NULL)
    return;

  totals = chorus_crm_totals_dup_text (&self->preview->totals);
  adw_preferences_group_set_description (self->preview_group, totals);

  /* Translators: a column heading of the CSV preview: the row's line in the file. */
  gtk_grid_attach (self->preview_grid, new_cell (C_("crm preview", "Line"), "heading"), 0, 0, 1, 1);
  /* Translators: a column heading of the CSV preview: whom the row matches. */
  gtk_grid_attach (self->preview_grid, new_cell (C_("crm preview", "Person"), "heading"), 1, 0, 1, 1);
  for (guint c = 0; c < chorus_crm_mapping_get_n_columns (self->mapping); c++)
    {
      const char *field = chorus_crm_mapping_get_field (self->mapping, c);

      if (field != NULL)
        gtk_grid_attach (self->preview_grid, new_cell (field, "heading"), left++, 0, 1, 1);
    }

  for (guint i = 0; i < self->preview->rows->len; i++)
    add_preview_row (self, g_ptr_array_index (self->preview->rows, i), i + 1);
}

static void
on_preview_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ChorusCrmImportDialog) self = user_data;
  g_autoptr(ChorusCrmPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = chorus_store_preview_crm_import_finish (CHORUS_STORE (object), result, &error);
  self->busy--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (preview == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }

  g_clear_pointer (&self->preview, chorus_crm_preview_free);
  self->preview = g_steal_pointer (&preview);
  fill_preview (self);
}

static void
request_preview (ChorusCrmImportDialog *self)
{
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  self->preview_match = chorus_crm_mapping_get_match_column (self->mapping);
  self->busy++;

  chorus_store_preview_crm_import_async (self->store, self->table, self->mapping, CHORUS_CRM_PREVIEW_ROWS,
                                         self->preview_cancellable, on_preview_cb, g_object_ref (self));
}

static guint
get_column (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "chorus-column"));
}

static void
on_choice_changed_cb (GtkDropDown           *drop_down,
                      GParamSpec            *pspec,
                      ChorusCrmImportDialog *self)
{
  guint column = get_column (drop_down);
  guint choice = gtk_drop_down_get_selected (drop_down);
  GtkEntry *entry = g_ptr_array_index (self->name_entries, column);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (choice >= G_N_ELEMENTS (roles))
    return;

  chorus_crm_mapping_set (self->mapping, column, roles[choice], *name != '\0' ? name : NULL);
  gtk_widget_set_visible (GTK_WIDGET (entry), choice == CHOICE_FIELD);

  /* Whom the rows match changes only with the match column. */
  if (chorus_crm_mapping_get_match_column (self->mapping) != self->preview_match)
    request_preview (self);
  else
    fill_preview (self);
  update_import (self);
}

static void
on_name_changed_cb (GtkEditable           *entry,
                    ChorusCrmImportDialog *self)
{
  guint column = get_column (entry);
  const char *name = gtk_editable_get_text (entry);

  if (chorus_crm_mapping_get_role (self->mapping, column) != CHORUS_CRM_COLUMN_FIELD)
    return;

  chorus_crm_mapping_set (self->mapping, column, CHORUS_CRM_COLUMN_FIELD, *name != '\0' ? name : NULL);
  fill_preview (self);
  update_import (self);
}

/* The first value the column has in the file's first rows. */
static const char *
find_sample (ChorusCrmImportDialog *self,
             guint                  column)
{
  guint n = MIN (chorus_csv_table_get_n_rows (self->table), 20);

  for (guint i = 0; i < n; i++)
    {
      const char *value = chorus_csv_table_get_row (self->table, i)->fields[column];

      if (*value != '\0')
        return value;
    }

  return NULL;
}

static GtkWidget *
new_choice_drop_down (guint column,
                      Choice choice)
{
  const char *choices[] = {
    /* Translators: what a CSV import does with a column. */
    [CHOICE_IGNORE] = C_("crm column", "Ignore"),
    [CHOICE_MATCH] = _("Match People By This"),
    /* Translators: what a CSV import does with a column: keep it as a person field. */
    [CHOICE_FIELD] = C_("crm column", "Field"),
    NULL
  };
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (choices);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), choice);
  g_object_set_data (G_OBJECT (drop_down), "chorus-column", GUINT_TO_POINTER (column));

  return drop_down;
}

static void
add_column_row (ChorusCrmImportDialog *self,
                guint                  column)
{
  ChorusCrmColumnRole role = chorus_crm_mapping_get_role (self->mapping, column);
  const char *header = chorus_crm_mapping_get_header (self->mapping, column);
  const char *sample = find_sample (self, column);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *drop_down;

  g_strstrip (title = g_strdup (header));
  if (*title == '\0')
    {
      g_free (title);
      /* Translators: a CSV column without a header; %u counts from 1. */
      title = g_strdup_printf (_("Column %u"), column + 1);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: shown under a CSV column whose first rows are all empty. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample != NULL ? sample : _("Empty"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), chorus_crm_mapping_get_field (self->mapping, column) != NULL
                                               ? chorus_crm_mapping_get_field (self->mapping, column) : title);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (entry, role == CHORUS_CRM_COLUMN_FIELD);
  gtk_widget_set_tooltip_text (entry, _("The field’s name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The field’s name"), -1);
  g_object_set_data (G_OBJECT (entry), "chorus-column", GUINT_TO_POINTER (column));
  g_ptr_array_add (self->name_entries, entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);

  drop_down = new_choice_drop_down (column, role == CHORUS_CRM_COLUMN_MATCH ? CHOICE_MATCH
                                            : role == CHORUS_CRM_COLUMN_FIELD ? CHOICE_FIELD : CHOICE_IGNORE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);

  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_choice_changed_cb), self, 0);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_name_changed_cb), self, 0);
  adw_preferences_group_add (self->columns_group, row);
}

static void
on_table_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ChorusCrmImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ChorusCsvTable *table;

  table = chorus_csv_table_load_finish (result, &error);
  self->busy--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (table == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->table = table;
  self->mapping = chorus_crm_mapping_guess (chorus_csv_table_get_header (table));
  for (guint c = 0; c < chorus_crm_mapping_get_n_columns (self->mapping); c++)
    add_column_row (self, c);

  gtk_stack_set_visible_child_name (self->stack, "mapping");
  request_preview (self);
  update_import (self);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ChorusCrmImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;
  ChorusCrmTotals totals = { 0, };
  gint64 id;

  id = chorus_store_import_crm_finish (CHORUS_STORE (object), result, &totals, &error);
  self->busy--;
  self->importing = FALSE;
  /* A closed dialog has no widgets left to tell a failure in. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || (id == 0 && self->stack == NULL))
    return;

  if (id == 0)
    {
      update_import (self);
      show_status (self, error->message, TRUE);
      return;
    }

  count = chorus_format_count (totals.n_matched);
  /* Translators: a toast after a CRM import; %s is how many rows of the file matched a person, formatted
   * for the locale. */
  message = g_strdup_printf (ngettext ("Imported CRM fields from %s row", "Imported CRM fields from %s rows",
                                       totals.n_matched),
                             count);
  g_signal_emit (self, signals[IMPORTED], 0, id, message);
  if (self->stack != NULL)
    gtk_window_close (GTK_WINDOW (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusCrmImportDialog *self = CHORUS_CRM_IMPORT_DIALOG (widget);

  if (self->importing || self->mapping == NULL || !chorus_crm_mapping_check (self->mapping, NULL))
    return;

  self->importing = TRUE;
  self->busy++;
  update_import (self);
  chorus_store_import_crm_async (self->store, self->table, self->mapping, self->cancellable,
                                 on_imported_cb, g_object_ref (self));
}

static void
chorus_crm_import_dialog_dispose (GObject *object)
{
  ChorusCrmImportDialog *self = (ChorusCrmImportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_CRM_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);

  G_OBJECT_CLASS (chorus_crm_import_dialog_parent_class)->dispose (object);
}

static void
chorus_crm_import_dialog_finalize (GObject *object)
{
  ChorusCrmImportDialog *self = (ChorusCrmImportDialog *)object;

  g_clear_pointer (&self->table, chorus_csv_table_unref);
  g_clear_pointer (&self->mapping, chorus_crm_mapping_free);
  g_clear_pointer (&self->preview, chorus_crm_preview_free);
  g_ptr_array_unref (self->name_entries);

  G_OBJECT_CLASS (chorus_crm_import_dialog_parent_class)->finalize (object);
}

static void
chorus_crm_import_dialog_class_init (ChorusCrmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_crm_import_dialog_dispose;
  object_class->finalize = chorus_crm_import_dialog_finalize;

  /**
   * ChorusCrmImportDialog::imported:
   * @import_id: the import's id in crm_imports
   * @message: a sentence for a toast, saying how many rows were imported
   *
   * Emitted once the import is written, just before the dialog closes.
   */
  signals [IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorusapp/Chorus/ui/chorus-crm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusCrmImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusCrmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusCrmImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusCrmImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusCrmImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusCrmImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusCrmImportDialog, preview_grid);

  gtk_widget_class_install_action (widget_class, "crm.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_crm_import_dialog_init (ChorusCrmImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->name_entries = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->preview_match = -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "crm.import", FALSE);
}

/**
 * chorus_crm_import_dialog_new:
 * @parent: (nullable): the window to stay above
 * @store: the workspace to import into
 * @file: the CSV file, read at once in a worker
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
ChorusCrmImportDialog *
chorus_crm_import_dialog_new (GtkWindow   *parent,
                              ChorusStore *store,
                              GFile       *file)
{
  ChorusCrmImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CHORUS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CHORUS_TYPE_CRM_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  self->busy++;
  chorus_csv_table_load_async (file, self->cancellable, on_table_loaded_cb, g_object_ref (self));

  return self;
}

typedef struct
{
  GtkWindow       *parent;
  ChorusStore     *store;
  AdwToastOverlay *toasts;
} Choosing;

static void
choosing_free (Choosing *choosing)
{
  g_object_unref (choosing->parent);
  g_object_unref (choosing->store);
  g_object_unref (choosing->toasts);
  g_free (choosing);
}

static void
on_imported_toast_cb (ChorusCrmImportDialog *self,
                      gint64                 import_id,
                      const char            *message,
                      AdwToastOverlay       *toasts)
{
  adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   Choosing        *choosing)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      ChorusCrmImportDialog *dialog = chorus_crm_import_dialog_new (choosing->parent, choosing->store, file);

      g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_toast_cb), choosing->toasts, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  choosing_free (choosing);
  g_object_unref (chooser);
}

/**
 * chorus_crm_import_dialog_choose:
 * @parent: the window
 * @store: its workspace
 * @toasts: where to say how many rows were imported
 *
 * Asks for a CSV file, then opens the dialog on it.
 */
void
chorus_crm_import_dialog_choose (GtkWindow       *parent,
                                 ChorusStore     *store,
                                 AdwToastOverlay *toasts)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Choosing *choosing;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (CHORUS_IS_STORE (store));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  chooser = gtk_file_chooser_native_new (_("Import CRM Fields"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);

  choosing = g_new0 (Choosing, 1);
  choosing->parent = g_object_ref (parent);
  choosing->store = g_object_ref (store);
  choosing->toasts = g_object_ref (toasts);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), choosing);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Whether the file is being read, a preview made or the import written. */
gboolean
chorus_crm_import_dialog_get_busy (ChorusCrmImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_CRM_IMPORT_DIALOG (self), FALSE);

  return self->busy > 0;
}

/* Returns: (nullable): the mapping, once the file is read */
const ChorusCrmMapping *
chorus_crm_import_dialog_get_mapping (ChorusCrmImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_CRM_IMPORT_DIALOG (self), NULL);

  return self->mapping;
}

/* Returns: (nullable): the preview shown */
const ChorusCrmPreview *
chorus_crm_import_dialog_get_preview (ChorusCrmImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_CRM_IMPORT_DIALOG (self), NULL);

  return self->preview;
}

/* Returns: (nullable): why the file cannot be read or imported, or what
 *   the mapping lacks, as shown; %NULL when nothing is said */
const char *
chorus_crm_import_dialog_get_status (ChorusCrmImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_CRM_IMPORT_DIALOG (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    return adw_status_page_get_description (self->error_page);
  if (gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    return gtk_label_get_label (self->status_label);

  return NULL;
}
